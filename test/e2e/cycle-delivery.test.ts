import { pairUp, scheduleObservation } from '../support/cycle-fixtures';
import assert from 'node:assert/strict';
import { embeddedKey } from '../../src/store/embedded-cosmos';
import { avery, blake, chris, message, TestUser } from '../support/activities';
import { cardOf, startTestBot, TestBot, textOf } from '../support/test-bot';

const titles = (bot: TestBot, u: TestUser) =>
  bot.connector.sent
    .filter((s) => s.conversationId === u.conversationId)
    .map((s) => textOf(cardOf(s.activity)).split('\n')[0] ?? '');

/** a paired Blake and Chris, and an observation Blake hosts at `date` `time` (Stockholm) */
async function pairAndSchedule(bot: TestBot, date: string, startTime: string): Promise<void> {
  await pairUp(bot, avery, blake, chris);
  assert.match(textOf(await scheduleObservation(bot, blake, blake, { date, startTime })), /Scheduled/);
}

describe('e2e: delivering the cycle', () => {
  let bots: TestBot[] = [];
  afterEach(async () => {
    for (const b of bots.reverse()) await b.close();
    bots = [];
  });

  it('two bot instances on one store send each prompt exactly once', async () => {
    const first = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    bots.push(first);
    first.clock.set('2026-09-01T08:00:00Z');
    // the second instance shares the first one's store (through the SDK, like two App Service instances)
    const second = await startTestBot(
      {
        COORDINATOR_AAD_IDS: avery.aadObjectId,
        BOT_ANONYMOUS: '1',
        COSMOS_ENDPOINT: first.app.store.endpoint,
        COSMOS_KEY: embeddedKey,
      },
      first.connector,
      first.clock,
    );
    bots.push(second);
    await pairAndSchedule(first, '2026-09-03', '10:00');

    first.clock.set('2026-09-03T10:00:00Z');
    const ran = await Promise.all([
      first.runDueWork(),
      second.runDueWork(),
      first.runDueWork(),
      second.runDueWork(),
    ]);
    assert.ok(ran.reduce((a, b) => a + b, 0) >= 4, 'both before- and after-prompts for both were due');
    for (const u of [blake, chris]) {
      const sent = titles(first, u).filter((t) => /^(Before you|Your feedback|Your reflection)/.test(t));
      assert.equal(sent.length, 2, `${u.name} got ${JSON.stringify(sent)}`);
      assert.equal(new Set(sent).size, 2, 'no card twice');
    }
  });

  it('waits out a 429 with Retry-After and delivers the card once', async () => {
    const bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    bots.push(bot);
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairAndSchedule(bot, '2026-09-03', '10:00');
    bot.connector.throttles.set(blake.conversationId, { times: 1, retryAfter: 1 });
    bot.clock.set('2026-09-02T14:00:00Z');
    await bot.runDueWork();
    assert.deepEqual(bot.connector.throttled, [blake.conversationId]);
    assert.equal(titles(bot, blake).filter((t) => t === 'Before you are observed').length, 1);
  });

  it('abandons a Bot Connector call that hangs after its deadline, tries again, and delivers the card once', async () => {
    const bot = await startTestBot(
      { COORDINATOR_AAD_IDS: avery.aadObjectId },
      undefined,
      undefined,
      undefined,
      {
        connectorTimeoutMs: 300,
      },
    );
    bots.push(bot);
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairAndSchedule(bot, '2026-09-03', '10:00');
    bot.connector.hangs.set(blake.conversationId, 1);
    const tries = () => bot.connector.attempts.filter((c) => c === blake.conversationId).length;
    const before = tries();
    bot.clock.set('2026-09-02T14:00:00Z');
    const started = Date.now();
    await bot.runDueWork();
    assert.ok(Date.now() - started < 5_000, 'the hanging call did not hold the scheduler');
    assert.equal(tries() - before, 2, 'the call that hung, and one more');
    assert.equal(titles(bot, blake).filter((t) => t === 'Before you are observed').length, 1);
  });

  it('tries a failing Bot Connector a bounded number of times, then again later: no retry storm, nothing lost', async () => {
    const bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    bots.push(bot);
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairAndSchedule(bot, '2026-09-03', '10:00');
    bot.connector.serverErrors.set(blake.conversationId, { times: 1000, status: 502 });
    const tries = () => bot.connector.attempts.filter((c) => c === blake.conversationId).length;
    const before = tries();
    bot.clock.set('2026-09-02T14:00:00Z');
    await bot.runDueWork();
    assert.equal(tries() - before, 2, 'one send, two attempts (the test policy), then the job waits');
    assert.equal(titles(bot, blake).filter((t) => t === 'Before you are observed').length, 0);

    bot.connector.serverErrors.delete(blake.conversationId);
    bot.clock.set('2026-09-02T15:00:00Z');
    await bot.runDueWork();
    assert.equal(
      titles(bot, blake).filter((t) => t === 'Before you are observed').length,
      1,
      'delivered later',
    );
  });

  it('holds a prompt whose time passed while the bot was down until the recipient’s morning', async () => {
    const bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    bots.push(bot);
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairAndSchedule(bot, '2026-09-03', '10:00');
    // the after-cards were due Thursday 12:00 in Stockholm; the bot comes back at 02:30 on Friday
    bot.clock.set('2026-09-04T00:30:00Z');
    await bot.runDueWork();
    assert.ok(!titles(bot, blake).includes('Your reflection'), 'nothing at 02:30');
    // 07:00 in Stockholm, when quiet hours end
    bot.clock.set('2026-09-04T05:00:00Z');
    await bot.runDueWork();
    assert.equal(titles(bot, blake).filter((t) => t === 'Your reflection').length, 1);
  });

  it('keeps local wall time across the autumn clock change and skips the weekend', async () => {
    const bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    bots.push(bot);
    bot.clock.set('2026-10-20T08:00:00Z');
    // Monday 26 October, 10:00 in Stockholm: the clocks went back on Sunday 25 October
    await pairAndSchedule(bot, '2026-10-26', '10:00');
    // the working day before is Friday 23 October, 16:00 summer time = 14:00 UTC
    bot.clock.set('2026-10-23T13:59:00Z');
    await bot.runDueWork();
    assert.ok(!titles(bot, blake).includes('Before you are observed'));
    bot.clock.set('2026-10-23T14:00:00Z');
    await bot.runDueWork();
    assert.ok(titles(bot, blake).includes('Before you are observed'));
    // after: 11:00 winter time + 60 min = 12:00 CET = 11:00 UTC
    bot.clock.set('2026-10-26T10:59:00Z');
    await bot.runDueWork();
    assert.ok(!titles(bot, blake).includes('Your reflection'));
    bot.clock.set('2026-10-26T11:00:00Z');
    await bot.runDueWork();
    assert.ok(titles(bot, blake).includes('Your reflection'));
  });

  it('keeps local wall time across the spring clock change, and refuses a time that does not exist that night', async () => {
    const bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    bots.push(bot);
    bot.clock.set('2027-03-22T08:00:00Z');
    await pairUp(bot, avery, blake, chris, { startDate: '2027-03-01', endDate: '2027-06-30' });
    // 02:30 on Sunday 28 March does not exist in Stockholm: the clocks jump from 02:00 to 03:00
    const refused = await scheduleObservation(bot, blake, blake, { date: '2027-03-28', startTime: '02:30' });
    assert.match(textOf(refused), /does not exist on that day/);
    // Monday 29 March, 10:00 summer time (08:00 UTC)
    assert.match(
      textOf(await scheduleObservation(bot, blake, blake, { date: '2027-03-29', startTime: '10:00' })),
      /Scheduled/,
    );
    // the working day before: Friday 26 March, 16:00 winter time = 15:00 UTC
    bot.clock.set('2027-03-26T14:59:00Z');
    await bot.runDueWork();
    assert.ok(!titles(bot, blake).includes('Before you are observed'));
    bot.clock.set('2027-03-26T15:00:00Z');
    await bot.runDueWork();
    assert.ok(titles(bot, blake).includes('Before you are observed'));
    // after: 11:00 + 60 min = 12:00 summer time = 10:00 UTC
    bot.clock.set('2027-03-29T09:59:00Z');
    await bot.runDueWork();
    assert.ok(!titles(bot, blake).includes('Your reflection'));
    bot.clock.set('2027-03-29T10:00:00Z');
    await bot.runDueWork();
    assert.ok(titles(bot, blake).includes('Your reflection'));
  });

  it('holds a late-night scheduling notice for the peer until the end of their quiet hours', async () => {
    const bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    bots.push(bot);
    // Tuesday 1 September, 22:30 in Stockholm: Chris's quiet hours (20:00–07:00)
    bot.clock.set('2026-09-01T20:30:00Z');
    await pairAndSchedule(bot, '2026-09-04', '10:00');
    const told = () => titles(bot, chris).filter((t) => t === 'New observation').length;
    assert.equal(told(), 0, 'nothing at night');
    bot.clock.set('2026-09-02T04:59:00Z');
    await bot.runDueWork();
    assert.equal(told(), 0);
    bot.clock.set('2026-09-02T05:00:00Z'); // 07:00 in Stockholm
    await bot.runDueWork();
    assert.equal(told(), 1);
  });

  it('sends nothing to a paused supervisor, and the prompt waits until they resume', async () => {
    const bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    bots.push(bot);
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairAndSchedule(bot, '2026-09-03', '10:00');
    await bot.post(message(blake, bot.connector.url, 'pause'));
    bot.clock.set('2026-09-02T14:00:00Z');
    await bot.runDueWork();
    assert.ok(!titles(bot, blake).includes('Before you are observed'));
    await bot.post(message(blake, bot.connector.url, 'resume'));
    // the retry comes at 22:30 in Stockholm: quiet hours, so the card waits for 07:00
    bot.clock.set('2026-09-02T20:30:00Z');
    await bot.runDueWork();
    assert.ok(!titles(bot, blake).includes('Before you are observed'), 'not at night');
    bot.clock.set('2026-09-03T05:00:00Z');
    await bot.runDueWork();
    assert.ok(titles(bot, blake).includes('Before you are observed'));
  });
});
