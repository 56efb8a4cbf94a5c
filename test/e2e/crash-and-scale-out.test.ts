import assert from 'node:assert/strict';
import { jobKinds } from '../../src/domain/cycle/cycle-jobs';
import { cosmosJobStore } from '../../src/store/job-store';
import { avery, blake, chris } from '../support/activities';
import { pairUp, scheduleObservation } from '../support/cycle-fixtures';
import { crashRun, promptIdOf, RunFigures, scaleOutRun } from '../support/fleet';
import { startTestBot, TestBot } from '../support/test-bot';

/**
 * The short form of `npm run fleet` (scripts/fleet.ts): small enough for CI on two cores. Its lease
 * is 6 s (production's is 60 s): the harness serves every bot from one embedded store on two shared
 * cores, where a renewal can wait its turn for seconds.
 */
const short = { supervisors: 200, tenants: 10, leaseMs: 6000, timeoutMs: 60_000 };

function report(f: RunFigures): void {
  const t = f.tally;
  console.log(
    `      ${f.run}: ${t.delivered}/${t.expected} delivered, ${t.duplicates} duplicates` +
      (f.inFlightAtKill ? ` (${f.inFlightAtKill.length} sends in flight at the kill)` : '') +
      `, ${t.lost} lost, ${(f.durationMs / 1000).toFixed(1)} s, ${f.ratePerSecond.toFixed(0)} cards/s; ` +
      `claimed per process: ${f.bots.map((b) => b.claimed).join(' / ')}`,
  );
}

function assertStoreSettled(f: RunFigures): void {
  assert.deepEqual(f.store, { pendingSends: 0, notMarkedSent: 0, openWithoutExpiry: 0 });
}

describe('e2e: crash recovery and scale-out (real processes on one store)', function () {
  this.timeout(120_000);

  it('a bot killed mid-dispatch: its successor delivers every due prompt, and only sends in flight at the kill arrive twice', async () => {
    const f = await crashRun({ ...short, killAt: 0.3 });
    report(f);
    const t = f.tally;
    assert.equal(t.lost, 0, 'every due prompt arrived');
    assert.equal(t.unexpected, 0, 'nothing else was sent');
    assert.ok(f.deliveredAtKill! < t.expected, 'the kill came before the backlog was done');
    const inFlight = new Set(f.inFlightAtKill);
    assert.deepEqual(
      t.duplicated.filter((id) => !inFlight.has(id)),
      [],
      'no prompt arrived twice unless its send was in flight at the kill',
    );
    assert.ok(t.duplicates <= inFlight.size);
    assertStoreSettled(f);
  });

  it('three bots on one store drain one backlog together, each prompt exactly once', async () => {
    const f = await scaleOutRun({ ...short, instances: 3 });
    report(f);
    const t = f.tally;
    assert.deepEqual(
      { delivered: t.delivered, duplicates: t.duplicates, lost: t.lost, unexpected: t.unexpected },
      { delivered: t.expected, duplicates: 0, lost: 0, unexpected: 0 },
    );
    assert.ok(f.bots.filter((b) => b.claimed > 0).length >= 2, 'the work was shared');
    assertStoreSettled(f);
  });

  it('three bots, with Teams answering some sends 429 for longer than the lease: still each prompt exactly once', async () => {
    // a throttled send waits out its Retry-After (9 s) holding a 6 s lease: were the lease not
    // renewed, another bot would take the job over and send the card as well
    const f = await scaleOutRun({
      ...short,
      supervisors: 60,
      instances: 3,
      throttle: { every: 6, retryAfterSeconds: 9 },
    });
    report(f);
    const t = f.tally;
    assert.deepEqual(
      { delivered: t.delivered, duplicates: t.duplicates, lost: t.lost, unexpected: t.unexpected },
      { delivered: t.expected, duplicates: 0, lost: 0, unexpected: 0 },
    );
    assertStoreSettled(f);
  });

  describe('a send job that runs again after its prompt was recorded as sent', () => {
    let bot: TestBot;
    afterEach(() => bot.close());

    it('plans the reminder and expiry the crashed run did not get to, and sends nothing twice', async () => {
      bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
      bot.clock.set('2026-09-01T08:00:00Z');
      await pairUp(bot, avery, blake, chris);
      await scheduleObservation(bot, blake, blake, { date: '2026-09-03', startTime: '10:00' });
      bot.clock.set('2026-09-02T14:00:00Z');
      await bot.runDueWork();
      const card = bot.connector.to(blake.conversationId).at(-1)!;
      const promptId = promptIdOf(card)!;
      assert.match(promptId, /:beforeHost:/);
      const jobs = cosmosJobStore(bot.app.store, bot.clock);
      const pairId = (await jobs.get(`expire:${promptId}`))!.payload.pairId!;

      // the crash: the send was recorded, the reminder and expiry were not planned, the job not completed
      await jobs.cancel(`remind:${promptId}`);
      await jobs.cancel(`expire:${promptId}`);
      await jobs.put({
        id: `send:${promptId}`,
        kind: jobKinds.send,
        dueAt: bot.clock.now(),
        payload: { pairId, promptId },
      });
      const sent = bot.connector.sent.length;
      await bot.runDueWork();

      assert.equal(bot.connector.sent.length, sent, 'the card is not sent again');
      assert.ok(await jobs.get(`expire:${promptId}`), 'the prompt will expire');
      assert.ok(await jobs.get(`remind:${promptId}`), 'and be reminded of');
    });
  });
});
