import assert from 'node:assert/strict';
import sinon from 'sinon';
import { jobKinds } from '../../src/domain/cycle/cycle-jobs';
import { CosmosJobStore, cosmosJobStore } from '../../src/store/job-store';
import { metricNames } from '../../src/telemetry/telemetry';
import { avery, blake, chris } from '../support/activities';
import { pairUp, scheduleObservation } from '../support/cycle-fixtures';
import { TelemetryRecorder } from '../support/telemetry-recorder';
import { startTestBot, TestBot } from '../support/test-bot';

const minute = 60_000;
/** when the before-prompts of an observation on 3 September at 10:00 (Stockholm) are due */
const beforePromptsDue = '2026-09-02T14:00:00Z';

describe('e2e: telemetry of due work, proactive sends and readiness', () => {
  const sandbox = sinon.createSandbox();
  let bot: TestBot;
  let recorder: TelemetryRecorder;
  beforeEach(async () => {
    recorder = new TelemetryRecorder();
    bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId }, undefined, undefined, undefined, {
      telemetry: recorder.telemetry,
    });
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairUp(bot, avery, blake, chris);
    await scheduleObservation(bot, blake, blake, { date: '2026-09-03', startTime: '10:00' });
  });
  afterEach(async () => {
    sandbox.restore();
    await bot.close();
    await recorder.shutdown();
  });

  it('a prompt sent ten minutes after it was due is measured ten minutes late', async () => {
    bot.clock.set('2026-09-02T14:10:00Z');
    await bot.runDueWork();
    const lag = (await recorder.points()).find(
      (p) => p.name === metricNames.dueWorkLag && p.attributes.kind === jobKinds.send,
    );
    assert.deepEqual([lag?.value, lag?.max], [2, 10 * minute], 'both before-prompts, ten minutes late');
    assert.equal(await recorder.total(metricNames.jobs, { kind: jobKinds.send, outcome: 'done' }), 2);
  });

  it('Teams answering 429 once and 403 for a blocked observer: throttled, retried, sent and unreachable', async () => {
    bot.connector.throttles.set(blake.conversationId, { times: 1, retryAfter: 1 });
    bot.connector.failures.set(chris.conversationId, { status: 403, code: 'ConversationBlockedByUser' });
    const sends = async () => {
      const by: Record<string, number> = {};
      for (const outcome of ['sent', 'unreachable', 'failed', 'throttled', 'retried'])
        by[outcome] = await recorder.total(metricNames.sends, { outcome });
      return by;
    };
    const before = await sends();
    const delivered = bot.connector.sent.length;
    bot.clock.set(beforePromptsDue);
    await bot.runDueWork();
    const after = await sends();
    assert.deepEqual(
      Object.fromEntries(Object.entries(after).map(([outcome, n]) => [outcome, n - before[outcome]!])),
      { sent: bot.connector.sent.length - delivered, unreachable: 1, failed: 0, throttled: 1, retried: 1 },
      'the prompts to Blake (throttled once) and Chris (blocked), and what Blake is told about Chris',
    );
  });

  it('jobs a crashed instance held are taken over once its lease runs out, and counted by kind', async () => {
    bot.clock.set(beforePromptsDue);
    const crashed = await cosmosJobStore(bot.app.store, bot.clock).claimDue(
      bot.clock.now(),
      'crashed',
      minute,
      32,
    );
    assert.equal(crashed.length, 2);
    assert.equal(await bot.runDueWork(), 0, 'not while its lease lasts');
    bot.clock.advance(minute);
    assert.equal(await bot.runDueWork(), 2);
    assert.equal(await recorder.total(metricNames.leaseTakeovers, { kind: jobKinds.send }), 2);
  });

  it('/readyz says the scheduler stalled while its claim hangs past two leases, and ready once ticks finish', async () => {
    let claimed: () => void = () => undefined;
    const hanging = new Promise<void>((resolve) => (claimed = resolve));
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const claimDue = CosmosJobStore.prototype.claimDue;
    sandbox.stub(CosmosJobStore.prototype, 'claimDue').callsFake(async function (
      this: CosmosJobStore,
      ...args
    ) {
      claimed();
      await released;
      return claimDue.apply(this, args);
    });
    const readyz = async () => {
      const res = await fetch(`${bot.app.url}/readyz`);
      return [res.status, ((await res.json()) as { status: string }).status];
    };
    bot.app.dispatch.start();
    try {
      await hanging;
      assert.deepEqual(await readyz(), [200, 'ready']);
      bot.clock.advance(2 * minute + 1);
      assert.deepEqual(await readyz(), [503, 'scheduler stalled']);
      assert.equal(await recorder.total(metricNames.ready), 0);
      release();
      const deadline = Date.now() + 5000;
      while ((await readyz())[0] !== 200 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(await readyz(), [200, 'ready']);
      assert.equal(await recorder.total(metricNames.ready), 1);
    } finally {
      release();
    }
  });
});
