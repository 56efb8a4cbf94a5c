import assert from 'node:assert/strict';
import { avery, blake, chris, execute, message, TestUser } from '../support/activities';
import { buttonData, pairWithThursdayObservation } from '../support/cycle-fixtures';
import { cardOf, invokeCard, startTestBot, TestBot, textOf } from '../support/test-bot';

describe('e2e: my data and delete my data', () => {
  let bot: TestBot;
  let svc: string;
  const last = (u: TestUser) => cardOf(bot.connector.to(u.conversationId).at(-1));
  const answer = (u: TestUser, answers: Record<string, string>) =>
    bot.post(execute(u, svc, 'prompt.answer', { ...buttonData(last(u), 'prompt.answer'), ...answers }));

  beforeEach(async () => {
    bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    svc = bot.connector.url;
    await pairWithThursdayObservation(bot, avery, blake, chris);
    bot.clock.set('2026-09-03T10:00:00Z');
    await bot.runDueWork();
    await answer(chris, { 'ao.worked': 'Chris saw calm questions', 'ao.focus': 'Chris noticed the pauses' });
    await answer(blake, { 'ah.plan': 'Blake went beyond the plan', 'ah.safety': '5' });
    await bot.post(
      execute(blake, svc, 'summary.actionPoint', {
        ...buttonData(last(blake), 'summary.actionPoint'),
        actionPoint: 'Blake will wait longer',
      }),
    );
  });
  afterEach(() => bot.close());

  it('shows a supervisor everything they wrote, readable, and nothing their peer wrote', async () => {
    await bot.post(message(blake, svc, 'my data'));
    const text = textOf(last(blake));
    assert.match(text, /Everything you wrote/);
    assert.match(text, /Blake went beyond the plan/);
    assert.match(text, /Blake will wait longer/);
    assert.doesNotMatch(text, /Chris saw/);
  });

  it('deletes what they wrote everywhere after a confirmation; their peer’s words and the counts stay', async () => {
    await bot.post(message(avery, svc, 'report'));
    const before = textOf(last(avery));

    await bot.post(message(blake, svc, 'delete my data'));
    const confirm = last(blake);
    assert.match(textOf(confirm), /Delete everything you wrote\?/);
    const done = invokeCard(
      (await bot.post(execute(blake, svc, 'data.erase', buttonData(confirm, 'data.erase')))).body,
    );
    assert.match(textOf(done), /Answers removed: 1. Action points removed: 1/);
    // a second confirmation finds nothing left
    const again = invokeCard(
      (await bot.post(execute(blake, svc, 'data.erase', buttonData(confirm, 'data.erase')))).body,
    );
    assert.match(textOf(again), /Answers removed: 0. Action points removed: 0/);

    const { resources } = await bot.app.store.containers.cycles.items.readAll().fetchAll();
    const stored = JSON.stringify(resources);
    assert.doesNotMatch(stored, /Blake went beyond|Blake will wait|"safetyRating"/);
    assert.match(stored, /Chris saw calm questions/);

    await bot.post(message(chris, svc, 'history'));
    await bot.post(execute(chris, svc, 'summary.open', buttonData(last(chris), 'summary.open')));
    const summary = textOf(last(chris));
    assert.match(summary, /Chris saw calm questions/);
    assert.doesNotMatch(summary, /Blake went beyond/);

    await bot.post(message(blake, svc, 'my data'));
    assert.match(textOf(last(blake)), /You have not written anything yet/);

    await bot.post(message(avery, svc, 'report'));
    const after = textOf(last(avery));
    const completed = (t: string) => /Observations completed\n(\d+)/.exec(t)?.[1];
    assert.equal(completed(after), completed(before), 'participation counts remain');
  });
});
