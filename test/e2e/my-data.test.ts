import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { avery, blake, chris, dana, execute, installed, message, TestUser } from '../support/activities';
import { buttonData, pairWithThursdayObservation, scheduleObservation } from '../support/cycle-fixtures';
import { e2eBot, pressOnLastCard } from '../support/e2e-bot';
import { LocalConnector } from '../support/local-connector';
import {
  cardOf,
  createProgramme,
  invokeCard,
  startTestBot,
  storedIn,
  TestBot,
  textOf,
} from '../support/test-bot';
import { TestClock } from '../support/test-clock';

describe('e2e: my data and delete my data', () => {
  const bot = e2eBot();

  beforeEach(async () => {
    await pairWithThursdayObservation(bot, avery, blake, chris);
    bot.clock.set('2026-09-03T10:00:00Z');
    await bot.runDueWork();
    await pressOnLastCard(bot, chris, 'prompt.answer', {
      'ao.worked': 'Chris saw calm questions',
      'ao.focus': 'Chris noticed the pauses',
    });
    await pressOnLastCard(bot, blake, 'prompt.answer', {
      'ah.plan': 'Blake went beyond the plan',
      'ah.safety': '5',
    });
    await pressOnLastCard(bot, blake, 'summary.actionPoint', { actionPoint: 'Blake will wait longer' });
  });

  it('shows a supervisor everything they wrote, readable, and nothing their peer wrote', async () => {
    await bot.say(blake, 'my data');
    const text = textOf(bot.lastCardTo(blake));
    assert.match(text, /Everything you wrote/);
    assert.match(text, /Blake went beyond the plan/);
    assert.match(text, /Blake will wait longer/);
    assert.doesNotMatch(text, /Chris saw/);
  });

  it('names the host in an observer’s feedback heading, in English and in Swedish', async () => {
    await bot.say(chris, 'my data');
    assert.match(textOf(bot.lastCardTo(chris)), /— Your feedback for Blake Berg\n/);
    await bot.say({ ...chris, locale: 'sv-SE' }, 'my data');
    assert.match(textOf(bot.lastCardTo(chris)), /– Din återkoppling till Blake Berg\n/);
  });

  it('deletes what they wrote everywhere after a confirmation; their peer’s words and the counts stay', async () => {
    await bot.say(avery, 'report');
    const before = textOf(bot.lastCardTo(avery));

    await bot.say(blake, 'delete my data');
    const confirm = bot.lastCardTo(blake);
    assert.match(textOf(confirm), /Delete everything you wrote\?/);
    const done = invokeCard(
      (await bot.post(execute(blake, bot.svc, 'data.erase', buttonData(confirm, 'data.erase')))).body,
    );
    assert.match(textOf(done), /Answers removed: 1. Action points removed: 1/);
    // a second confirmation finds nothing left
    const again = invokeCard(
      (await bot.post(execute(blake, bot.svc, 'data.erase', buttonData(confirm, 'data.erase')))).body,
    );
    assert.match(textOf(again), /Answers removed: 0. Action points removed: 0/);

    const stored = JSON.stringify(await storedIn(bot, 'cycles'));
    assert.doesNotMatch(stored, /Blake went beyond|Blake will wait|"safetyRating"/);
    assert.match(stored, /Chris saw calm questions/);

    await bot.say(chris, 'history');
    await pressOnLastCard(bot, chris, 'summary.open');
    const summary = textOf(bot.lastCardTo(chris));
    assert.match(summary, /Chris saw calm questions/);
    assert.doesNotMatch(summary, /Blake went beyond/);

    await bot.say(blake, 'my data');
    assert.match(textOf(bot.lastCardTo(blake)), /You have not written anything yet/);

    await bot.say(avery, 'report');
    const after = textOf(bot.lastCardTo(avery));
    const completed = (t: string) => /Observations completed\n(\d+)/.exec(t)?.[1];
    assert.equal(completed(after), completed(before), 'participation counts remain');
  });
});

/** each message's last version in one chat: what the person sees now (an update replaces what was sent) */
function lastVersions(bot: TestBot, conversationId: string): Map<string, Record<string, unknown>> {
  const byId = new Map<string, Record<string, unknown>>();
  for (const s of bot.connector.sent) if (s.conversationId === conversationId) byId.set(s.id, s.activity);
  for (const u of bot.connector.updated) if (u.conversationId === conversationId) byId.set(u.id, u.activity);
  return byId;
}

/** how many of a chat's messages, as they look now, hold the text */
function showing(bot: TestBot, u: TestUser, text: string): number {
  return [...lastVersions(bot, u.conversationId).values()].filter((a) => JSON.stringify(a).includes(text))
    .length;
}

/**
 * A group (a pair, or a trio when there are two observers) goes through one observation: the host's
 * focus reaches the observers' before-cards, everyone answers, the summary goes out, the host sets
 * an action point, the observers open the summary again from `history`, the host looks at `my data`,
 * and the follow-up quoting the action point arrives. Every host word carries `HOSTWORDS`.
 */
async function observedTogether(bot: TestBot, host: TestUser, observers: TestUser[]): Promise<void> {
  const svc = bot.connector.url;
  const answer = (u: TestUser, answers: Record<string, string>) =>
    pressOnLastCard(bot, u, 'prompt.answer', answers);
  bot.clock.set('2026-09-01T08:00:00Z');
  for (const u of [avery, host, ...observers]) await bot.post(installed(u, svc));
  const { programmeId } = await createProgramme(bot, avery, 'Autumn');
  const everyone = [host, ...observers].map((u) => u.aadObjectId);
  await bot.post(execute(avery, svc, 'enrol.save', { programmeId, people: everyone.join(',') }));
  const roles = Object.fromEntries(everyone.map((id, i) => [['first', 'second', 'third'][i]!, id]));
  await bot.post(execute(avery, svc, 'pairing.manual', { programmeId, ...roles }));
  await scheduleObservation(bot, host, host, { date: '2026-09-03', startTime: '10:00' });

  bot.clock.set('2026-09-02T14:00:00Z');
  await bot.runDueWork();
  await answer(host, { 'bh.strategy': 'HOSTWORDS strategy', 'bh.focus': 'HOSTWORDS focus' });
  for (const o of observers) await answer(o, { 'bo.attention': `${o.name} attention` });

  bot.clock.set('2026-09-03T10:00:00Z');
  await bot.runDueWork();
  for (const o of observers)
    await answer(o, { 'ao.worked': `${o.name} worked`, 'ao.focus': `${o.name} saw` });
  await answer(host, { 'ah.plan': 'HOSTWORDS plan', 'ah.safety': '4' });
  await pressOnLastCard(bot, host, 'summary.actionPoint', { actionPoint: 'HOSTWORDS action point' });
  for (const o of observers) {
    await bot.post(message(o, svc, 'history'));
    await pressOnLastCard(bot, o, 'summary.open');
  }
  await bot.post(message(host, svc, 'my data'));
  bot.clock.set('2026-09-21T08:00:00Z');
  await bot.runDueWork();
}

/** the host deletes what they wrote, pressing the confirmation card's button; returns that card's id */
async function erase(bot: TestBot, host: TestUser): Promise<string> {
  const svc = bot.connector.url;
  await bot.post(message(host, svc, 'delete my data'));
  const confirm = bot.connector.sent.filter((s) => s.conversationId === host.conversationId).at(-1)!;
  const done = await bot.post({
    ...execute(host, svc, 'data.erase', buttonData(cardOf(confirm.activity), 'data.erase')),
    replyToId: confirm.id,
  });
  assert.match(textOf(invokeCard(done.body)), /Answers removed: 2\. Action points removed: 1/);
  return confirm.id;
}

/** the erasure card as it stands once the updates are done */
function erasureCard(bot: TestBot, host: TestUser, id: string): string {
  return textOf(cardOf(lastVersions(bot, host.conversationId).get(id)));
}

describe('e2e: delete my data reaches the messages already posted', () => {
  let bot: TestBot;
  afterEach(() => bot?.close());

  for (const [group, observers] of [
    ['pair', [chris]],
    ['trio', [chris, dana]],
  ] as const) {
    it(`in a ${group}: every message the peers and the host hold, as it looks now, is free of the host’s words`, async () => {
      bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
      await observedTogether(bot, blake, [...observers]);
      const chats = [blake, ...observers];
      // the words were really posted: the focus on the before-cards, the summaries, my data, the follow-up
      for (const o of observers)
        assert.ok(showing(bot, o, 'HOSTWORDS focus') >= 2, `${o.name} saw the focus`);
      assert.ok(showing(bot, chris, 'HOSTWORDS plan') >= 2, 'summary and the one opened from history');
      assert.ok(showing(bot, blake, 'HOSTWORDS action point') >= 2, 'my data, follow-up');
      const posted = chats.reduce((n, u) => n + showing(bot, u, 'HOSTWORDS'), 0);

      const cardId = await erase(bot, blake);
      await bot.runDueWork();

      for (const u of chats) assert.equal(showing(bot, u, 'HOSTWORDS'), 0, `${u.name}’s chat`);
      // the peers’ own words stay in their summaries
      for (const o of observers) assert.ok(showing(bot, o, `${o.name} worked`) >= 1);
      assert.match(
        erasureCard(bot, blake, cardId),
        new RegExp(`Messages updated: ${posted}\\. Messages that could not be updated: 0\\.`),
      );
    });
  }

  it('a restart mid-erasure finishes the job, counting each message once', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'peer-coach-erasure-'));
    // both processes talk to the same Bot Connector and share one clock
    const connector = new LocalConnector();
    await connector.start();
    const clock = new TestClock();
    try {
      bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId }, connector, clock, undefined, {
        dataDir,
      });
      await observedTogether(bot, blake, [chris]);
      const posted = showing(bot, blake, 'HOSTWORDS') + showing(bot, chris, 'HOSTWORDS');
      const cardId = await erase(bot, blake);
      // Chris's chat fails for now: the job gets part of the way, then the process stops
      connector.failures.set(chris.conversationId, { status: 500, code: 'ServiceError' });
      await bot.runDueWork();
      assert.equal(showing(bot, blake, 'HOSTWORDS'), 0);
      assert.ok(showing(bot, chris, 'HOSTWORDS') > 0);
      await bot.close();

      connector.failures.delete(chris.conversationId);
      bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId }, connector, clock, undefined, {
        dataDir,
      });
      clock.advance(60 * 60_000);
      await bot.runDueWork();
      assert.equal(showing(bot, chris, 'HOSTWORDS'), 0);
      assert.match(
        erasureCard(bot, blake, cardId),
        new RegExp(`Messages updated: ${posted}\\. Messages that could not be updated: 0\\.`),
      );
    } finally {
      await bot.close();
      bot = undefined as unknown as TestBot;
      await connector.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a chat that is gone is counted as not updated; the rest are updated', async () => {
    bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    await observedTogether(bot, blake, [chris]);
    const atBlake = showing(bot, blake, 'HOSTWORDS');
    const atChris = showing(bot, chris, 'HOSTWORDS');
    const cardId = await erase(bot, blake);
    bot.connector.failures.set(chris.conversationId, { status: 404, code: 'ConversationNotFound' });
    await bot.runDueWork();
    assert.equal(showing(bot, blake, 'HOSTWORDS'), 0);
    assert.match(
      erasureCard(bot, blake, cardId),
      new RegExp(`Messages updated: ${atBlake}\\. Messages that could not be updated: ${atChris}\\.`),
    );
  });
});
