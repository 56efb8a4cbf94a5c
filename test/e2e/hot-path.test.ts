import { pairUp, scheduleObservation } from '../support/cycle-fixtures';
import assert from 'node:assert/strict';
import { Items } from '@azure/cosmos';
import sinon from 'sinon';
import { avery, blake, chris, execute, installed, message } from '../support/activities';
import { cardOf, createProgramme, startTestBot, TestBot, textOf } from '../support/test-bot';

describe('e2e: the per-message hot path', () => {
  const sandbox = sinon.createSandbox();
  let bot: TestBot;
  let svc: string;
  beforeEach(async () => {
    bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    svc = bot.connector.url;
  });
  afterEach(async () => {
    sandbox.restore();
    await bot.close();
  });

  it('answers a supervisor’s messages and an invitation with point reads and writes only, no queries', async () => {
    for (const u of [avery, blake, chris]) await bot.post(installed(u, svc));
    const { programmeId } = await createProgramme(bot, avery, 'Autumn');
    await bot.post(
      execute(avery, svc, 'enrol.save', { programmeId, people: `${blake.aadObjectId},${chris.aadObjectId}` }),
    );
    await bot.post(execute(blake, svc, 'invite.send', { colleague: `${programmeId}|${chris.aadObjectId}` }));
    await bot.connector.waitFor(() =>
      /invites you/.test(textOf(cardOf(bot.connector.to(chris.conversationId).at(-1)))),
    );
    const invitation = (
      cardOf(bot.connector.to(chris.conversationId).at(-1))!.actions as { data: Record<string, string> }[]
    )[0]!.data;

    const queries = sandbox.spy(Items.prototype, 'query');
    for (const text of ['help', 'profile', 'pause', 'resume', 'something else'])
      await bot.post(message(chris, svc, text));
    await bot.post(execute(chris, svc, 'invitation.accept', invitation));
    await bot.connector.waitFor(() =>
      /accepted your invitation/.test(textOf(cardOf(bot.connector.to(blake.conversationId).at(-1)))),
    );
    assert.equal(queries.callCount, 0, 'queries on the hot path');
  });

  it('answers prompt cards, up to and including the summary, without a query', async () => {
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairUp(bot, avery, blake, chris);
    await scheduleObservation(bot, blake, blake, { date: '2026-09-03', startTime: '10:00' });
    bot.clock.set('2026-09-03T10:00:00Z');
    await bot.runDueWork();
    const promptData = (u: typeof blake) =>
      (cardOf(bot.connector.to(u.conversationId).at(-1))!.actions as { data: Record<string, string> }[])[0]!
        .data;
    const observerData = promptData(chris);
    const hostData = promptData(blake);

    const queries = sandbox.spy(Items.prototype, 'query');
    await bot.post(
      execute(chris, svc, 'prompt.answer', { ...observerData, 'ao.worked': 'a', 'ao.focus': 'b' }),
    );
    await bot.post(execute(blake, svc, 'prompt.answer', { ...hostData, 'ah.plan': 'c' }));
    await bot.post(execute(blake, svc, 'prompt.answer', { ...hostData, 'ah.plan': 'c' }));
    assert.match(textOf(cardOf(bot.connector.to(chris.conversationId).at(-1))), /side by side/);
    assert.equal(queries.callCount, 0, 'queries while answering');
  });
});
