import assert from 'node:assert/strict';
import { Items } from '@azure/cosmos';
import pino from 'pino';
import sinon from 'sinon';
import { DispatchLoop, DispatchOptions, JobHandler, JobOutcome } from '../../src/scheduler/dispatch-loop';
import { Job, JobSpec } from '../../src/scheduler/jobs';
import { CosmosJobStore } from '../../src/store/job-store';
import { metricNames } from '../../src/telemetry/telemetry';
import { TelemetryRecorder } from '../support/telemetry-recorder';
import { TestClock } from '../support/test-clock';
import { openTestStore, TestStore } from '../support/test-store';

const minute = 60_000;

/** a logger whose lines a test can read */
function capturedLog(): { log: pino.Logger; text: () => string } {
  const lines: string[] = [];
  return {
    log: pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) }),
    text: () => lines.join(''),
  };
}

function spec(
  clock: TestClock,
  id: string,
  kind = 'send',
  inMs = 0,
  payload: Record<string, string> = {},
): JobSpec {
  return { id, kind, dueAt: new Date(clock.now().getTime() + inMs), payload };
}

/** counts calls per job id and answers with `outcome` */
function countingHandler(
  calls: Map<string, number>,
  outcome: (job: Job) => JobOutcome = () => ({ status: 'done' }),
) {
  return async (job: Job): Promise<JobOutcome> => {
    calls.set(job.id, (calls.get(job.id) ?? 0) + 1);
    await new Promise((r) => setImmediate(r));
    return outcome(job);
  };
}

describe('DispatchLoop', () => {
  let clock: TestClock;
  let t: TestStore;
  let jobs: CosmosJobStore;
  let logs: ReturnType<typeof capturedLog>;
  let recorder: TelemetryRecorder;
  const loop = (handlers: Record<string, JobHandler>, options: Partial<DispatchOptions> = {}) =>
    new DispatchLoop(jobs, handlers, clock, {
      owner: 'instance-a',
      leaseMs: 5 * minute,
      batch: 10,
      idleMs: 5,
      log: logs.log,
      telemetry: recorder.telemetry,
      ...options,
    });

  beforeEach(async () => {
    clock = new TestClock('2026-09-01T08:00:00Z');
    t = await openTestStore(clock);
    jobs = new CosmosJobStore(t.store.containers.schedule, clock);
    logs = capturedLog();
    recorder = new TelemetryRecorder();
  });
  afterEach(async () => {
    await recorder.shutdown();
    await t.close();
  });

  it('runs a due job’s handler once and deletes the job when it is done', async () => {
    const calls = new Map<string, number>();
    await jobs.put(spec(clock, 'j1'));
    await jobs.put(spec(clock, 'later', 'send', 10 * minute));
    const l = loop({ send: countingHandler(calls) });
    assert.deepEqual(await l.tick(), { claimed: 1, done: 1, retried: 0, failed: 0 });
    assert.deepEqual(await l.tick(), { claimed: 0, done: 0, retried: 0, failed: 0 });
    assert.deepEqual([...calls], [['j1', 1]]);
    assert.equal(await jobs.get('j1'), undefined);
    assert.ok(await jobs.get('later'));
  });

  it('brings a job back at the time its handler asked for, with attempts + 1', async () => {
    const calls = new Map<string, number>();
    const at = new Date('2026-09-01T09:15:00Z');
    const seen: number[] = [];
    const l = loop({
      send: countingHandler(calls, (job) => {
        seen.push(job.attempts);
        return job.attempts === 0 ? { status: 'retry', at } : { status: 'done' };
      }),
    });
    await jobs.put(spec(clock, 'j'));
    assert.deepEqual(await l.tick(), { claimed: 1, done: 0, retried: 1, failed: 0 });
    clock.set('2026-09-01T09:14:59Z');
    assert.equal((await l.tick()).claimed, 0);
    clock.set(at.toISOString());
    assert.deepEqual(await l.tick(), { claimed: 1, done: 1, retried: 0, failed: 0 });
    assert.deepEqual(seen, [0, 1]);
  });

  it('retries a handler that throws with growing backoff, then gives up after maxAttempts without logging the payload', async () => {
    const calls = new Map<string, number>();
    const recorded: string[] = [];
    const l = loop(
      {
        send: async (job) => {
          calls.set(job.id, (calls.get(job.id) ?? 0) + 1);
          throw new Error(`could not send ${job.payload.text}`);
        },
      },
      {
        maxAttempts: 3,
        backoffMs: (n) => 1000 * 10 ** n,
        onFailed: async (job) => void recorded.push(job.id),
      },
    );
    await jobs.put(spec(clock, 'j', 'send', 0, { text: 'my secret reflection' }));

    assert.deepEqual(await l.tick(), { claimed: 1, done: 0, retried: 1, failed: 0 });
    assert.equal((await jobs.get('j'))?.dueAt, '2026-09-01T08:00:01.000Z', '1 s after the first throw');
    clock.advance(1000);
    assert.deepEqual(await l.tick(), { claimed: 1, done: 0, retried: 1, failed: 0 });
    assert.equal((await jobs.get('j'))?.dueAt, '2026-09-01T08:00:11.000Z', '10 s after the second');
    clock.advance(10_000);
    assert.deepEqual(await l.tick(), { claimed: 1, done: 0, retried: 0, failed: 1 });

    assert.equal(calls.get('j'), 3);
    assert.deepEqual(recorded, ['j']);
    assert.equal(await jobs.get('j'), undefined, 'a failed job is deleted');
    assert.match(logs.text(), /gave up on a job/);
    assert.doesNotMatch(logs.text(), /secret/);
  });

  it('fails a job of a kind nobody handles, and deletes it', async () => {
    await jobs.put(spec(clock, 'j', 'no.such.kind', 0, { text: 'private words' }));
    assert.deepEqual(await loop({}).tick(), { claimed: 1, done: 0, retried: 0, failed: 1 });
    assert.equal(await jobs.get('j'), undefined);
    assert.match(logs.text(), /no handler for kind no\.such\.kind/);
    assert.doesNotMatch(logs.text(), /private words/);
  });

  it('does not mistake a property of Object for a handler', async () => {
    await jobs.put(spec(clock, 'j', 'toString'));
    assert.equal((await loop({}).tick()).failed, 1);
  });

  it('a handler that reports failure is recorded and deleted', async () => {
    const recorded: string[] = [];
    const l = loop(
      { send: async () => ({ status: 'failed', reason: 'recipient unreachable' }) },
      { onFailed: async (job, reason) => void recorded.push(`${job.id}: ${reason}`) },
    );
    await jobs.put(spec(clock, 'j'));
    assert.equal((await l.tick()).failed, 1);
    assert.deepEqual(recorded, ['j: recipient unreachable']);
    assert.equal(await jobs.get('j'), undefined);
  });

  it('finishes the work of an instance stopped mid-dispatch once its lease expires, losing nothing', async () => {
    const calls = new Map<string, number>();
    for (let i = 0; i < 5; i++) await jobs.put(spec(clock, `j${i}`));
    // instance A claims everything and dies before running anything
    await jobs.claimDue(clock.now(), 'instance-a', 5 * minute, 10);
    const b = loop({ send: countingHandler(calls) }, { owner: 'instance-b' });
    assert.equal((await b.tick()).claimed, 0, 'not while A’s lease lasts');
    clock.advance(5 * minute);
    assert.deepEqual(await b.tick(), { claimed: 5, done: 5, retried: 0, failed: 0 });
    assert.deepEqual([...calls.values()], [1, 1, 1, 1, 1]);
  });

  it('keeps the lease of a job whose handler outlasts it, so no other instance runs it meanwhile', async () => {
    // real time here: the lease is renewed on a timer, and the other instance must see it run out
    const realTime = { now: () => new Date() };
    const calls = new Map<string, number>();
    let finish: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (finish = resolve));
    const instance = (owner: string, handler: JobHandler) =>
      new DispatchLoop(
        new CosmosJobStore(t.store.containers.schedule, realTime),
        { send: handler },
        realTime,
        {
          owner,
          leaseMs: 300,
          batch: 1,
          idleMs: 0,
          log: logs.log,
          telemetry: recorder.telemetry,
        },
      );
    await jobs.put({ id: 'slow', kind: 'send', dueAt: new Date(Date.now() - 1000), payload: {} });
    const a = instance('a', async (job) => {
      calls.set(job.id, (calls.get(job.id) ?? 0) + 1);
      await slow; // e.g. a send waiting out a Retry-After longer than the lease
      return { status: 'done' };
    });
    const b = instance('b', countingHandler(calls));
    const running = a.tick();
    for (let i = 0; i < 10; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal((await b.tick()).claimed, 0, `taken over after ${(i + 1) * 100} ms`);
    }
    finish();
    assert.deepEqual(await running, { claimed: 1, done: 1, retried: 0, failed: 0 });
    assert.deepEqual([...calls], [['slow', 1]]);
    assert.equal(await jobs.get('slow'), undefined, 'completed under its renewed lease');
  });

  it('gives up on a job whose holders keep dying (it may be what kills them) without running it again', async () => {
    const calls = new Map<string, number>();
    await jobs.put(spec(clock, 'poison'));
    for (let i = 0; i < 3; i++) {
      await jobs.claimDue(clock.now(), `crashing-${i}`, minute, 10);
      clock.advance(minute);
    }
    const l = loop({ send: countingHandler(calls) }, { maxAttempts: 3 });
    assert.deepEqual(await l.tick(), { claimed: 1, done: 0, retried: 0, failed: 1 });
    assert.equal(calls.size, 0);
    assert.match(logs.text(), /abandoned/);
  });

  it('two instances on one store, ticking concurrently, handle each of 200 due jobs exactly once', async () => {
    const calls = new Map<string, number>();
    const handledBy = { a: 0, b: 0 };
    for (let i = 0; i < 200; i += 50)
      await Promise.all(
        Array.from({ length: 50 }, (_, k) => jobs.put(spec(clock, `job-${i + k}`, 'send', -(i + k)))),
      );
    const instance = (owner: 'a' | 'b') =>
      new DispatchLoop(
        // each instance with its own store object, as two processes would have
        new CosmosJobStore(t.store.containers.schedule, clock),
        { send: countingHandler(calls, () => (handledBy[owner]++, { status: 'done' })) },
        clock,
        { owner, leaseMs: 5 * minute, batch: 7, idleMs: 0, log: logs.log, telemetry: recorder.telemetry },
      );
    const run = async (l: DispatchLoop) => {
      for (let round = 0; round < 200 && calls.size < 200; round++) await Promise.all([l.tick(), l.tick()]);
    };
    await Promise.all([run(instance('a')), run(instance('b'))]);

    assert.equal(calls.size, 200);
    assert.deepEqual(
      [...calls].filter(([, n]) => n !== 1),
      [],
      'no job handled twice',
    );
    assert.ok(handledBy.a > 0 && handledBy.b > 0, `both instances took part (${handledBy.a}/${handledBy.b})`);
    assert.equal((await instance('a').tick()).claimed, 0);
  });

  it('ticks again at once after a tick that claimed work, even less than a batch, and idles after one that claimed none', async () => {
    // each job, when handled, makes the next one due: every tick finds one job, never a full batch
    // (as when other instances take the rest of a backlog)
    const handled: string[] = [];
    const l = loop(
      {
        send: async (job) => {
          handled.push(job.id);
          const n = Number(job.id.slice('chain-'.length));
          if (n < 5) await jobs.put(spec(clock, `chain-${n + 1}`));
          return { status: 'done' };
        },
      },
      { idleMs: 60_000 },
    );
    await jobs.put(spec(clock, 'chain-1'));
    l.start();
    try {
      const deadline = Date.now() + 5000;
      while (handled.length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      assert.deepEqual(handled, ['chain-1', 'chain-2', 'chain-3', 'chain-4', 'chain-5']);
      await new Promise((r) => setTimeout(r, 100));
      await jobs.put(spec(clock, 'while-idle'));
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(handled.length, 5, 'a tick that claimed nothing is followed by idleMs of rest');
    } finally {
      await l.stop();
    }
  });

  it('with several ticks, one held up by a slow job does not hold up the rest, and no job runs twice', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const calls = new Map<string, number>();
    const count = countingHandler(calls);
    const l = loop(
      { send: async (job) => (job.id === 'slow' ? (await slow, count(job)) : count(job)) },
      { batch: 1, ticks: 2, idleMs: 60_000 },
    );
    await jobs.put(spec(clock, 'slow', 'send', -minute));
    for (let i = 0; i < 5; i++) await jobs.put(spec(clock, `quick-${i}`));
    l.start();
    try {
      const deadline = Date.now() + 5000;
      while (calls.size < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      assert.deepEqual(
        [...calls.keys()].sort(),
        [0, 1, 2, 3, 4].map((i) => `quick-${i}`),
      );
      release();
      while (!calls.has('slow') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      assert.ok(
        [...calls.values()].every((n) => n === 1),
        'each job ran once',
      );
    } finally {
      release();
      await l.stop();
    }
  });

  it('start ticks on its own, stop waits for the tick in progress, and nothing runs after it', async () => {
    let release: () => void = () => undefined;
    let entered: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (entered = resolve));
    const l = loop({
      send: () =>
        new Promise<JobOutcome>((resolve) => {
          release = () => resolve({ status: 'done' });
          entered();
        }),
    });
    await jobs.put(spec(clock, 'j'));
    l.start();
    await running;

    let stopped = false;
    const stopping = l.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(stopped, false, 'stop waits for the running handler');
    release();
    await stopping;
    assert.equal(await jobs.get('j'), undefined, 'and records its outcome');

    await jobs.put(spec(clock, 'after-stop'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.ok(await jobs.get('after-stop'), 'a stopped loop claims nothing');
  });

  describe('telling operations how due work goes', () => {
    /** a handler that runs until the test lets it finish */
    function heldHandler() {
      let release: () => void = () => undefined;
      let entered: () => void = () => undefined;
      const running = new Promise<void>((resolve) => (entered = resolve));
      const handler: JobHandler = () =>
        new Promise<JobOutcome>((resolve) => {
          release = () => resolve({ status: 'done' });
          entered();
        });
      return { handler, running, release: () => release() };
    }

    it('measures how late each job ran against its due time, by kind and outcome, in a span of its own', async () => {
      await jobs.put(spec(clock, 'late', 'send', -10 * minute, { text: 'private words' }));
      await jobs.put(spec(clock, 'again', 'remind', -minute));
      const l = loop({
        send: countingHandler(new Map()),
        remind: countingHandler(new Map(), () => ({ status: 'retry', at: clock.now() })),
      });
      await l.tick();
      const lag = (await recorder.points()).find(
        (p) => p.name === metricNames.dueWorkLag && p.attributes.kind === 'send',
      );
      assert.deepEqual([lag?.value, lag?.sum], [1, 10 * minute], 'one job, ten minutes late');
      assert.equal(await recorder.total(metricNames.jobs, { kind: 'send', outcome: 'done' }), 1);
      assert.equal(await recorder.total(metricNames.jobs, { kind: 'remind', outcome: 'retried' }), 1);
      const spans = recorder.spans().map((s) => ({ name: s.name, kind: s.attributes.kind, ...s.attributes }));
      assert.deepEqual(
        spans.sort((x, y) => String(x.kind).localeCompare(String(y.kind))),
        [
          { name: 'job', kind: 'remind' },
          { name: 'job', kind: 'send' },
        ],
      );
      assert.doesNotMatch(JSON.stringify([await recorder.points(), spans]), /private words|late/);
    });

    it('names a job of a kind nobody handles "unknown", never by what the store holds', async () => {
      await jobs.put(spec(clock, 'j', 'somebody typed this'));
      await loop({}).tick();
      assert.equal(await recorder.total(metricNames.jobs, { kind: 'unknown', outcome: 'failed' }), 1);
    });

    it('counts a job taken over after its holder’s lease ran out, by kind', async () => {
      await jobs.put(spec(clock, 'j'));
      await jobs.put(spec(clock, 'fresh', 'remind', minute));
      await jobs.claimDue(clock.now(), 'crashed-instance', minute, 10);
      clock.advance(minute);
      assert.equal(
        (await loop({ send: countingHandler(new Map()), remind: countingHandler(new Map()) }).tick()).claimed,
        2,
      );
      assert.equal(await recorder.total(metricNames.leaseTakeovers), 1);
      assert.equal(await recorder.total(metricNames.leaseTakeovers, { kind: 'send' }), 1);
    });

    it('counts the jobs of a kind it is running now', async () => {
      const held = heldHandler();
      await jobs.put(spec(clock, 'n', 'nudge.batch'));
      const l = loop({ 'nudge.batch': held.handler });
      assert.equal(l.holding('nudge.batch'), 0);
      const tick = l.tick();
      await held.running;
      assert.deepEqual([l.holding('nudge.batch'), l.holding('send')], [1, 0]);
      held.release();
      await tick;
      assert.equal(l.holding('nudge.batch'), 0);
    });

    it('says it has stalled once it has run two leases without finishing a tick, and not once a tick finishes', async () => {
      const held = heldHandler();
      await jobs.put(spec(clock, 'stuck'));
      const l = loop({ send: held.handler }, { ticks: 1, idleMs: 60_000 });
      l.start();
      try {
        await held.running;
        clock.advance(2 * 5 * minute);
        assert.equal(l.stalled(), false, 'not yet: a tick may take a lease or two');
        clock.advance(1);
        assert.equal(l.stalled(), true);
        held.release();
        const deadline = Date.now() + 5000;
        while (l.stalled() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
        assert.equal(l.stalled(), false, 'the tick finished');
      } finally {
        held.release();
        await l.stop();
      }
    });

    it('is never stalled while it is not started: ticks made by hand are the caller’s', async () => {
      const held = heldHandler();
      await jobs.put(spec(clock, 'stuck'));
      const l = loop({ send: held.handler });
      const tick = l.tick();
      await held.running;
      clock.advance(60 * minute);
      assert.equal(l.stalled(), false);
      held.release();
      await tick;
    });

    it('sees the backlog at no cost when a claim finds nothing, and counts it at most once a minute otherwise', async () => {
      for (let i = 0; i < 5; i++) await jobs.put(spec(clock, `j${i}`, 'send', -i));
      const l = loop({ send: countingHandler(new Map()) }, { batch: 2 });
      const backlog = () => recorder.total(metricNames.dueWorkBacklog);
      const queries = sinon.spy(Items.prototype, 'query');
      try {
        await l.tick();
        assert.equal(await backlog(), 3, 'two taken, three still due');
        assert.equal(queries.callCount, 2, 'the claim, and one count');
        await l.tick();
        assert.equal(await backlog(), 3, 'the same minute: the last count stands');
        assert.equal(queries.callCount, 3, 'the claim only');
        clock.advance(minute);
        await l.tick();
        assert.equal(await backlog(), 0, 'a minute on: counted again');
        await jobs.put(spec(clock, 'new'));
        await l.tick();
        assert.equal(queries.callCount, 6, 'the claim only: it was counted less than a minute ago');
        clock.advance(minute);
        await l.tick();
        assert.equal(await backlog(), 0);
        assert.equal(
          queries.callCount,
          7,
          'a claim that finds nothing costs nothing more, however long since',
        );
      } finally {
        queries.restore();
      }
    });
  });
});
