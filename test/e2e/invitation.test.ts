import assert from 'node:assert/strict';
import { e2eBot } from '../support/e2e-bot';
import { avery, blake, chris, dana, eli, execute, submit } from '../support/activities';
import { cardOf, createProgramme, textOf, verbsOf } from '../support/test-bot';

describe('e2e: self-service pairing by invitation', () => {
  const bot = e2eBot({ installed: [avery, blake, chris, dana, eli] });
  let programmeId: string;

  const invitationData = (card: unknown) =>
    (card as { actions: { verb: string; data: Record<string, string> }[] }).actions.find(
      (a) => a.verb === 'invitation.accept',
    )!.data;

  beforeEach(async () => {
    ({ programmeId } = await createProgramme(bot, avery, 'Spring peer coaching'));
    const people = [blake, chris, dana, eli].map((u) => u.aadObjectId).join(',');
    await bot.post(execute(avery, bot.svc, 'enrol.save', { programmeId, people }));
  });

  it('an accepted invitation pairs the two, tells the inviter, and a second click changes nothing', async () => {
    await bot.say(blake, 'invite');
    const inviteCard = bot.lastCardTo(blake);
    assert.match(textOf(inviteCard), /Chris Dahl/);
    assert.doesNotMatch(textOf(inviteCard), /Blake Berg/);

    const sent = await bot.click(blake, 'invite.send', { colleague: `${programmeId}|${chris.aadObjectId}` });
    assert.match(textOf(sent), /Invitation sent to Chris Dahl/);
    assert.deepEqual(verbsOf(sent), [], 'the sent card cannot be sent again');

    await bot.connector.waitFor(() => /invites you/.test(textOf(bot.lastCardTo(chris))));
    const invitation = bot.lastCardTo(chris);
    assert.match(textOf(invitation), /Blake Berg invites you to be peers/);
    assert.match(textOf(invitation), /not assessment/);

    const accepted = await bot.click(chris, 'invitation.accept', invitationData(invitation));
    assert.match(textOf(accepted), /You accepted. You and Blake Berg are now peers/);
    assert.deepEqual(verbsOf(accepted), []);
    await bot.connector.waitFor(() => /accepted your invitation/.test(textOf(bot.lastCardTo(blake))));
    const toBlake = bot.connector.to(blake.conversationId).length;

    const again = await bot.click(chris, 'invitation.accept', invitationData(invitation));
    assert.match(textOf(again), /You accepted/);
    assert.equal(bot.connector.to(blake.conversationId).length, toBlake, 'no second notice to the inviter');

    // both now have a peer: neither can be invited any more
    await bot.say(dana, 'invite');
    const danaOptions = textOf(bot.lastCardTo(dana));
    assert.doesNotMatch(danaOptions, /Blake Berg|Chris Dahl/);
    assert.match(danaOptions, /Eli Fors/);
  });

  it('a declined invitation is reported kindly to the inviter and leaves both free', async () => {
    await bot.post(execute(dana, bot.svc, 'invite.send', { colleague: `${programmeId}|${eli.aadObjectId}` }));
    await bot.connector.waitFor(() => /invites you/.test(textOf(bot.lastCardTo(eli))));
    const declined = await bot.click(eli, 'invitation.decline', invitationData(bot.lastCardTo(eli)));
    assert.match(textOf(declined), /You declined/);
    await bot.connector.waitFor(() => /cannot pair with you this time/.test(textOf(bot.lastCardTo(dana))));

    await bot.say(dana, 'invite');
    assert.match(textOf(bot.lastCardTo(dana)), /Eli Fors/, 'Eli is still free to be invited');
  });

  it('only the invitee can answer: someone else clicking the card changes nothing', async () => {
    await bot.post(
      execute(blake, bot.svc, 'invite.send', { colleague: `${programmeId}|${chris.aadObjectId}` }),
    );
    await bot.connector.waitFor(() => /invites you/.test(textOf(bot.lastCardTo(chris))));
    const data = invitationData(bot.lastCardTo(chris));
    const forged = await bot.click(dana, 'invitation.accept', data);
    assert.match(textOf(forged), /not addressed to you/);
    const real = await bot.click(chris, 'invitation.decline', data);
    assert.match(textOf(real), /You declined/, 'the invitation was still pending');
  });

  it('works the same from a client that sends Action.Submit: the card is updated in place', async () => {
    await bot.post(
      execute(blake, bot.svc, 'invite.send', { colleague: `${programmeId}|${chris.aadObjectId}` }),
    );
    await bot.connector.waitFor(() => /invites you/.test(textOf(bot.lastCardTo(chris))));
    const sentCard = bot.connector.sent.filter((s) => s.conversationId === chris.conversationId).at(-1)!;
    await bot.post(submit(chris, bot.svc, sentCard.id, { ...invitationData(cardOf(sentCard.activity)) }));
    await bot.connector.waitFor(() => bot.connector.updated.length > 0);
    const update = bot.connector.updated.at(-1)!;
    assert.equal(update.conversationId, chris.conversationId);
    assert.equal(update.id, sentCard.id);
    assert.match(textOf(cardOf(update.activity)), /You accepted/);
    await bot.connector.waitFor(() => /accepted your invitation/.test(textOf(bot.lastCardTo(blake))));
  });
});
