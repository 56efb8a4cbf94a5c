import assert from 'node:assert/strict';
import {
  RateLimiter,
  RateLimiterOptions,
  RateWindow,
  teamsLimits,
  tenantShare,
} from '../../src/delivery/rate-limiter';

/**
 * Virtual time: `sleep` registers a timer, and `run` fires the earliest one (moving the clock to it)
 * whenever every promise chain has settled, so concurrent waiters see time as they would for real.
 */
class FakeTime {
  current = Date.parse('2026-09-01T08:00:00Z');
  private timers: { at: number; seq: number; fire: () => void }[] = [];
  private seq = 0;
  readonly clock = { now: () => new Date(this.current) };
  readonly sleep = (ms: number): Promise<void> =>
    new Promise((fire) => this.timers.push({ at: this.current + Math.max(0, ms), seq: this.seq++, fire }));

  advance(ms: number): void {
    this.current += ms;
  }

  /** drives timers until `work` settles */
  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (settled) return work;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift();
      if (!next) throw new Error('nothing settles and no timer is pending');
      this.current = Math.max(this.current, next.at);
      next.fire();
    }
  }
}

function limiterOn(time: FakeTime, options: Partial<RateLimiterOptions> = {}): RateLimiter {
  return new RateLimiter({ clock: time.clock, sleep: time.sleep, ...options });
}

/** the most start times that fall in any span of `perMs` (a span opening at each start is enough) */
function busiest(starts: number[], perMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! + perMs <= sorted[i]!) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

function assertWithin(starts: number[], windows: readonly RateWindow[]): void {
  for (const { count, perMs } of windows) {
    assert.ok(busiest(starts, perMs) <= count, `more than ${count} sends in ${perMs} ms`);
  }
}

/** acquires one slot after another, as a single sender would, and returns when each started */
async function sendInTurn(
  time: FakeTime,
  limiter: RateLimiter,
  n: number,
  conversationId = 'a:1',
  tenantId = 't1',
): Promise<number[]> {
  const starts: number[] = [];
  for (let i = 0; i < n; i++) {
    await time.run(limiter.acquire(conversationId, tenantId));
    starts.push(time.current);
  }
  return starts;
}

/** acquires `n` slots at once and returns when each started, in the order they were asked for */
async function sendAtOnce(time: FakeTime, limiter: RateLimiter, asks: [string, string][]): Promise<number[]> {
  const starts: number[] = [];
  await time.run(
    Promise.all(
      asks.map(async ([conversationId, tenantId], i) => {
        await limiter.acquire(conversationId, tenantId);
        starts[i] = time.current;
      }),
    ),
  );
  return starts;
}

describe('RateLimiter', () => {
  let time: FakeTime;
  beforeEach(() => {
    time = new FakeTime();
  });

  it('counts a send from its answer once settled, so a slow answer cannot let Teams see too many in a window', async () => {
    // Teams stamps a send on arrival, anywhere between its start and its answer
    const limiter = limiterOn(time, { perTenant: { count: 1, perMs: 1_000 } });
    const t0 = time.current;
    const first = await time.run(limiter.acquire('a:1', 't1'));
    time.advance(300);
    limiter.settled('a:1', 't1', first);
    const second = await time.run(limiter.acquire('a:2', 't1'));
    assert.equal(second, t0 + 1_300, 'a second after the first send was answered, not after it started');
  });

  it('lets seven quick sends through and holds the eighth until the one-second window frees', async () => {
    const limiter = limiterOn(time);
    const t0 = time.current;
    const starts = await sendInTurn(time, limiter, 8);
    assert.deepEqual(starts.slice(0, 7), Array(7).fill(t0));
    assert.equal(starts[7], t0 + 1000);
  });

  it('honours the two-second window: the ninth send waits until the first is two seconds old', async () => {
    const limiter = limiterOn(time);
    const t0 = time.current;
    const starts = await sendInTurn(time, limiter, 9);
    assert.equal(starts[7], t0 + 1000);
    assert.equal(starts[8], t0 + 2000);
    assertWithin(starts, teamsLimits.perConversation);
  });

  it('never lets more than 60 sends start in any 30 seconds of one conversation', async () => {
    const limiter = limiterOn(time);
    const t0 = time.current;
    const starts = await sendInTurn(time, limiter, 61);
    assertWithin(starts, teamsLimits.perConversation);
    assert.equal(busiest(starts, 30_000), 60);
    assert.ok(starts[60]! >= t0 + 30_000, 'the 61st waits for the first to leave the 30 s window');
  });

  it('never lets more than 1800 sends start in any hour of one conversation', async () => {
    const limiter = limiterOn(time);
    const starts = await sendInTurn(time, limiter, 1_900);
    assertWithin(starts, teamsLimits.perConversation);
    assert.equal(busiest(starts, 3_600_000), 1_800);
    const hourLater = starts[0]! + 3_600_000;
    assert.ok(starts[1_800]! >= hourLater, 'the 1801st waits for the first hour to pass');
    assert.ok(starts[1_800]! <= hourLater + 60_000, 'and by no more than the one-minute bucket');
  });

  it('serves concurrent waiters on one conversation in the order they asked', async () => {
    const limiter = limiterOn(time);
    const order: number[] = [];
    await time.run(
      Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          await limiter.acquire('a:1', 't1');
          order.push(i);
        }),
      ),
    );
    assert.deepEqual(
      order,
      Array.from({ length: 20 }, (_, i) => i),
    );
  });

  it('keeps concurrent senders on one conversation within every window', async () => {
    const limiter = limiterOn(time);
    const starts = await sendAtOnce(time, limiter, Array(70).fill(['a:1', 't1']));
    assertWithin(starts, teamsLimits.perConversation);
  });

  it('does not hold one conversation back for another that is at its limit', async () => {
    const limiter = limiterOn(time);
    const t0 = time.current;
    const asks: [string, string][] = [...Array(10).fill(['a:1', 't1']), ['a:2', 't1']];
    const starts = await sendAtOnce(time, limiter, asks);
    assert.equal(starts[10], t0, 'a:2 starts at once while a:1 waits for its window');
    assert.equal(starts[7], t0 + 1000);
  });

  it('keeps a tenant within its limit across conversations', async () => {
    const limiter = limiterOn(time);
    const t0 = time.current;
    const asks = Array.from({ length: 100 }, (_, i): [string, string] => [`a:${i}`, 't1']);
    const starts = await sendAtOnce(time, limiter, asks);
    assertWithin(starts, [teamsLimits.perTenant]);
    assert.equal(starts.filter((s) => s === t0).length, 30);
    assert.equal(Math.max(...starts), t0 + 3000, 'a hundred sends take just over three seconds');
  });

  it('takes a lower tenant limit, as benchmarks use', async () => {
    const perTenant = { count: 5, perMs: 1000 };
    const limiter = limiterOn(time, { perTenant });
    const t0 = time.current;
    const asks = Array.from({ length: 12 }, (_, i): [string, string] => [`a:${i}`, 't1']);
    const starts = await sendAtOnce(time, limiter, asks);
    assertWithin(starts, [perTenant]);
    assert.equal(Math.max(...starts), t0 + 2000, 'twelve sends at five a second take two seconds');
  });

  it('does not count one tenant against another', async () => {
    const limiter = limiterOn(time);
    const t0 = time.current;
    const asks = Array.from({ length: 60 }, (_, i): [string, string] => [`a:${i}`, i % 2 ? 't1' : 't2']);
    const starts = await sendAtOnce(time, limiter, asks);
    assert.deepEqual(starts, Array(60).fill(t0));
  });

  it('backs off everyone in a throttled tenant, and nobody in another tenant', async () => {
    const limiter = limiterOn(time);
    const t0 = time.current;
    limiter.backOff('t1', 5000);
    const starts = await sendAtOnce(time, limiter, [
      ['a:1', 't1'],
      ['a:2', 't1'],
      ['b:1', 't2'],
    ]);
    assert.deepEqual(starts, [t0 + 5000, t0 + 5000, t0]);
  });

  it('extends a back-off that arrives while senders are already waiting, and never shortens one', async () => {
    const limiter = limiterOn(time);
    const t0 = time.current;
    limiter.backOff('t1', 2000);
    const waiting = limiter.acquire('a:1', 't1');
    limiter.backOff('t1', 4000);
    limiter.backOff('t1', 1000);
    await time.run(waiting);
    assert.equal(time.current, t0 + 4000);
  });

  it('forgets conversations once their windows are empty, so memory stays bounded', async () => {
    const limiter = limiterOn(time, { perTenant: { count: 10_000, perMs: 1000 } });
    const asks = Array.from({ length: 2_000 }, (_, i): [string, string] => [`a:${i}`, 't1']);
    await sendAtOnce(time, limiter, asks);
    assert.equal(limiter.size(), 2_000);

    time.advance(60_000);
    await sendInTurn(time, limiter, 1, 'a:busy');
    assert.equal(limiter.size(), 2_001, 'the hour window still remembers them (compacted)');

    time.advance(3_600_000);
    assert.equal(limiter.size(), 0, 'an idle hour later nothing is kept');
  });

  it('forgets a conversation with only short windows as soon as they are empty', async () => {
    const limiter = limiterOn(time, { perConversation: [{ count: 7, perMs: 1000 }] });
    await sendAtOnce(
      time,
      limiter,
      Array.from({ length: 500 }, (_, i): [string, string] => [`a:${i}`, `t${i % 50}`]),
    );
    assert.equal(limiter.size(), 500);
    time.advance(1000);
    assert.equal(limiter.size(), 0);
    // and sending again starts afresh
    assert.deepEqual(await sendInTurn(time, limiter, 1, 'a:1'), [time.current]);
  });

  it('refuses a window that cannot work, when it is built', () => {
    assert.throws(() => limiterOn(time, { perTenant: { count: 0, perMs: 1000 } }), RangeError);
    assert.throws(() => limiterOn(time, { perConversation: [{ count: 7, perMs: Number.NaN }] }), /perMs/);
  });
});

describe('tenantShare', () => {
  it('gives each of N instances an equal share of the tenant limit, together never more than the whole', () => {
    assert.deepEqual(tenantShare(1), teamsLimits.perTenant);
    for (const n of [2, 3, 4, 7, 30]) {
      const share = tenantShare(n);
      assert.equal(share.perMs, teamsLimits.perTenant.perMs);
      assert.ok(share.count >= 1);
      assert.ok(share.count * n <= teamsLimits.perTenant.count, `${n} instances`);
    }
    assert.equal(tenantShare(3).count, 10);
  });
});
