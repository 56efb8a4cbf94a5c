import assert from 'node:assert/strict';
import {
  ADAPTIVE_CARD,
  choicesOf,
  PlaygroundClient,
  ReceivedMessage,
  visibleText,
} from '../support/playground-client';
import {
  assertAllAnsweredWithSuccess,
  headlines,
  playgroundSessionHooks,
} from '../support/playground-session';
import { textOf, verbsOf } from '../support/test-bot';

/**
 * The whole bot, in this process, against two real Microsoft 365 Agents Playgrounds (the same
 * configs as `npm run dev`): Avery Lind, a coordinator, and Blake Berg, a supervisor. Everything
 * goes through the Playgrounds' own HTTP + WebSocket API, as their web UI does it; assertions are on
 * what each person's Playground shows.
 */

const PROGRAMME = 'Autumn term, Medicine';

describe('playground: a coordinator and a colleague in two real Playgrounds against the real bot', function () {
  this.timeout(45_000);

  // no test clock: the bot runs on the system clock, with its own dispatch loop
  const session = playgroundSessionHooks();
  let avery: PlaygroundClient;
  let blake: PlaygroundClient;
  before(() => ({ avery, blake } = session));
  /** the message that began as Avery's "new programme" form; her clicks replace its card in place */
  let programme: ReceivedMessage;

  it('each person opens their chat and is welcomed once by name, also after reloading the page', async () => {
    const [toAvery, toBlake] = await session.openChats();
    // the Playground's install events carry no name: the bot asks the conversation roster
    assert.match(visibleText(toAvery), /Hello Avery Lind!/);
    assert.match(visibleText(toBlake), /Hello Blake Berg!/);
    assert.match(visibleText(toBlake), /never what anyone wrote/);
    assert.match(visibleText(toAvery), /You are a coordinator/);
    assert.doesNotMatch(visibleText(toBlake), /You are a coordinator/);

    // A reload installs again. The bot has answered that when installPersonalChat returns, so a
    // round trip afterwards shows whether anything came in between. (Blake's turn comes when he is
    // enrolled: he has not written to the bot yet, and the bot must know him without that.)
    await Promise.all([avery.installPersonalChat(), blake.installPersonalChat()]);
    await avery.send('help');
    const help = await avery.waitForMessage(/What you can do/);
    assert.deepEqual(headlines(avery), ['Welcome to Peer Coach', 'What you can do']);
    assert.match(visibleText(help), /new programme/);
  });

  it('the coordinator creates a programme from the form card', async () => {
    const from = avery.messages.length;
    await avery.send('new programme');
    programme = await avery.waitForMessage(/New programme/, from);
    assert.deepEqual(verbsOf(programme.card), ['programme.save']);

    // the form comes filled in (dates, timing, her time zone); she types a name and saves
    const answer = await avery.execute(programme, 'programme.save', { name: PROGRAMME });
    assert.equal(answer.type, ADAPTIVE_CARD);
    const shown = visibleText(programme);
    assert.match(shown, new RegExp(`^${PROGRAMME}\nSaved\\.`));
    assert.match(shown, /Time zone\nEurope\/Stockholm/, "the time zone Avery's Playground reports");
    assert.match(shown, /Enrolled\n0/);
  });

  it('she enrols herself and the colleague, who is told in his own Playground', async () => {
    await avery.execute(programme, 'enrol.open');
    assert.match(visibleText(programme), new RegExp(`Enrol supervisors in ${PROGRAMME}`));
    const offered = choicesOf(programme.card, 'people');
    assert.deepEqual(
      offered.map((c) => c.value).sort(),
      [avery.me.aadObjectId, blake.me.aadObjectId].sort(),
      'the people who installed Peer Coach are offered',
    );
    assert.deepEqual(offered.map((c) => c.title).sort(), ['Avery Lind', 'Blake Berg']);

    const from = blake.messages.length;
    await avery.execute(programme, 'enrol.save', {
      people: [avery.me.aadObjectId, blake.me.aadObjectId].join(','),
    });
    assert.match(visibleText(programme), new RegExp(`Enrolment in ${PROGRAMME}`));
    assert.match(visibleText(programme), /Enrolled now \(2\)\nAvery Lind and Blake Berg/);

    const enrolled = await blake.waitForMessage(/You are enrolled in/, from);
    assert.deepEqual(headlines(blake), ['Welcome to Peer Coach', `You are enrolled in ${PROGRAMME}`]);
    assert.match(visibleText(enrolled), new RegExp(`You are enrolled in ${PROGRAMME}`));
    assert.match(visibleText(enrolled), /type \*\*invite\*\*/);
  });

  it('the colleague invites her; she accepts on the invitation card and he is told', async () => {
    let from = blake.messages.length;
    await blake.send('invite');
    const invite = await blake.waitForMessage(/Invite a colleague/, from);
    const colleagues = choicesOf(invite.card, 'colleague');
    assert.deepEqual(
      colleagues.map((c) => c.title),
      ['Avery Lind'],
      'the one enrolled colleague without a peer',
    );

    const averyFrom = avery.messages.length;
    await blake.execute(invite, 'invite.send', { colleague: colleagues[0]!.value });
    assert.match(visibleText(invite), /Invitation sent to Avery Lind/);
    assert.deepEqual(verbsOf(invite.card), [], 'the sent card cannot be sent again');

    const invitation = await avery.waitForMessage(/invites you to be peers/, averyFrom);
    assert.match(visibleText(invitation), /^Blake Berg invites you to be peers/);
    assert.match(visibleText(invitation), /not assessment/);
    assert.deepEqual(verbsOf(invitation.card), ['invitation.accept', 'invitation.decline']);

    from = blake.messages.length;
    const answer = await avery.execute(invitation, 'invitation.accept');
    assert.equal(answer.type, ADAPTIVE_CARD);
    assert.match(
      visibleText(invitation),
      new RegExp(`You accepted. You and Blake Berg are now peers in ${PROGRAMME}`),
    );
    assert.deepEqual(verbsOf(invitation.card), [], 'an answered invitation cannot be answered again');

    const told = await blake.waitForMessage(/accepted your invitation/, from);
    assert.match(
      visibleText(told),
      new RegExp(`Avery Lind accepted your invitation: you are now peers in ${PROGRAMME}`),
    );
  });

  it('the coordinator goes back to the programme: both are paired', async () => {
    await avery.execute(programme, 'programme.open');
    const shown = textOf(programme.card);
    assert.match(shown, new RegExp(`^${PROGRAMME}`));
    assert.match(shown, /Enrolled\n2/);
    assert.match(shown, /Paired\n2/);
    assert.match(shown, /Pairs\n- (Avery Lind and Blake Berg|Blake Berg and Avery Lind)\n/);
  });

  it('an Action.Submit (a client without Universal Actions) updates the card in place', async () => {
    const from = blake.messages.length;
    await blake.send('profile');
    const profile = await blake.waitForMessage(/Your profile/, from);
    assert.match(
      visibleText(profile),
      /Teams says: America\/Toronto/,
      "the time zone Blake's Playground reports",
    );

    await blake.submit(profile, 'profile.save', { timeZone: 'Asia/Tokyo' });
    await blake.waitFor(() => profile.updates === 1, 'the profile card to be updated');
    const shown = visibleText(profile);
    assert.match(shown, /Saved. I will show times in Asia\/Tokyo/);
    assert.match(shown, /Time zone\nAsia\/Tokyo/);
    assert.deepEqual(verbsOf(profile.card), [], 'the saved card has no Save button');
    assert.equal(blake.messages.length, from + 1, 'updated in place, not sent as a new message');
  });

  it('the bot answered every activity both Playgrounds sent it with success', async () => {
    await assertAllAnsweredWithSuccess(
      [avery, blake],
      ['installationUpdate', 'conversationUpdate', 'message', 'invoke'],
    );
  });
});
