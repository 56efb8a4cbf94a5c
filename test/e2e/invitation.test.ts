import assert from 'node:assert/strict';
import {
  avery,
  blake,
  chris,
  dana,
  eli,
  execute,
  installed,
  message,
  submit,
  TestUser,
} from '../support/activities';
import {
  cardOf,
  createProgramme,
  invokeCard,
  startTestBot,
  TestBot,
  textOf,
  verbsOf,
} from '../support/test-bot';

describe('e2e: self-service pairing by invitation', () => {
  let bot: TestBot;
  let svc: string;
  let programmeId: string;

  const lastCard = (u: TestUser) => cardOf(bot.connector.to(u.conversationId).at(-1));
  const invitationData = (card: unknown) =>
    (card as { actions: { verb: string; data: Record<string, string> }[] }).actions.find(
      (a) => a.verb === 'invitation.accept',
    )!.data;

  beforeEach(async () => {
    bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    svc = bot.connector.url;
    for (const u of [avery, blake, chris, dana, eli]) await bot.post(installed(u, svc));
    ({ programmeId } = await createProgramme(bot, avery, 'Spring peer coaching'));
    const people = [blake, chris, dana, eli].map((u) => u.aadObjectId).join(',');
    await bot.post(execute(avery, svc, 'enrol.save', { programmeId, people }));
  });
  afterEach(() => bot.close());

  it('an accepted invitation pairs the two, tells the inviter, and a second click changes nothing', async () => {
    await bot.post(message(blake, svc, 'invite'));
    const inviteCard = lastCard(blake);
    assert.match(textOf(inviteCard), /Chris Dahl/);
    assert.doesNotMatch(textOf(inviteCard), /Blake Berg/);

    const sent = invokeCard(
      (
        await bot.post(
          execute(blake, svc, 'invite.send', { colleague: `${programmeId}|${chris.aadObjectId}` }),
        )
      ).body,
    );
    assert.match(textOf(sent), /Invitation sent to Chris Dahl/);
    assert.deepEqual(verbsOf(sent), [], 'the sent card cannot be sent again');

    await bot.connector.waitFor(() => /invites you/.test(textOf(lastCard(chris))));
    const invitation = lastCard(chris);
    assert.match(textOf(invitation), /Blake Berg invites you to be peers/);
    assert.match(textOf(invitation), /not assessment/);

    const accepted = invokeCard(
      (await bot.post(execute(chris, svc, 'invitation.accept', invitationData(invitation)))).body,
    );
    assert.match(textOf(accepted), /You accepted. You and Blake Berg are now peers/);
    assert.deepEqual(verbsOf(accepted), []);
    await bot.connector.waitFor(() => /accepted your invitation/.test(textOf(lastCard(blake))));
    const toBlake = bot.connector.to(blake.conversationId).length;

    const again = invokeCard(
      (await bot.post(execute(chris, svc, 'invitation.accept', invitationData(invitation)))).body,
    );
    assert.match(textOf(again), /You accepted/);
    assert.equal(bot.connector.to(blake.conversationId).length, toBlake, 'no second notice to the inviter');

    // both now have a peer: neither can be invited any more
    await bot.post(message(dana, svc, 'invite'));
    const danaOptions = textOf(lastCard(dana));
    assert.doesNotMatch(danaOptions, /Blake Berg|Chris Dahl/);
    assert.match(danaOptions, /Eli Fors/);
  });

  it('a declined invitation is reported kindly to the inviter and leaves both free', async () => {
    await bot.post(execute(dana, svc, 'invite.send', { colleague: `${programmeId}|${eli.aadObjectId}` }));
    await bot.connector.waitFor(() => /invites you/.test(textOf(lastCard(eli))));
    const declined = invokeCard(
      (await bot.post(execute(eli, svc, 'invitation.decline', invitationData(lastCard(eli))))).body,
    );
    assert.match(textOf(declined), /You declined/);
    await bot.connector.waitFor(() => /cannot pair with you this time/.test(textOf(lastCard(dana))));

    await bot.post(message(dana, svc, 'invite'));
    assert.match(textOf(lastCard(dana)), /Eli Fors/, 'Eli is still free to be invited');
  });

  it('only the invitee can answer: someone else clicking the card changes nothing', async () => {
    await bot.post(execute(blake, svc, 'invite.send', { colleague: `${programmeId}|${chris.aadObjectId}` }));
    await bot.connector.waitFor(() => /invites you/.test(textOf(lastCard(chris))));
    const data = invitationData(lastCard(chris));
    const forged = invokeCard((await bot.post(execute(dana, svc, 'invitation.accept', data))).body);
    assert.match(textOf(forged), /not addressed to you/);
    const real = invokeCard((await bot.post(execute(chris, svc, 'invitation.decline', data))).body);
    assert.match(textOf(real), /You declined/, 'the invitation was still pending');
  });

  it('works the same from a client that sends Action.Submit: the card is updated in place', async () => {
    await bot.post(execute(blake, svc, 'invite.send', { colleague: `${programmeId}|${chris.aadObjectId}` }));
    await bot.connector.waitFor(() => /invites you/.test(textOf(lastCard(chris))));
    const sentCard = bot.connector.sent.filter((s) => s.conversationId === chris.conversationId).at(-1)!;
    await bot.post(submit(chris, svc, sentCard.id, { ...invitationData(cardOf(sentCard.activity)) }));
    await bot.connector.waitFor(() => bot.connector.updated.length > 0);
    const update = bot.connector.updated.at(-1)!;
    assert.equal(update.conversationId, chris.conversationId);
    assert.equal(update.id, sentCard.id);
    assert.match(textOf(cardOf(update.activity)), /You accepted/);
    await bot.connector.waitFor(() => /accepted your invitation/.test(textOf(lastCard(blake))));
  });
});
