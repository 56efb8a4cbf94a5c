import assert from 'node:assert/strict';
import { backlogCountEveryMs, DueBacklog } from '../../src/scheduler/due-backlog';
import { TestClock } from '../support/test-clock';

describe('DueBacklog', () => {
  let clock: TestClock;
  let seen: number[];
  let failures: unknown[];
  /** a count the test answers when it likes */
  let answer: (count: number) => void;
  let fail: (err: Error) => void;
  let counts: number;
  const backlog = () =>
    new DueBacklog(
      () => {
        counts++;
        return new Promise<number>((resolve, reject) => ((answer = resolve), (fail = reject)));
      },
      clock,
      (count) => void seen.push(count),
      (err) => void failures.push(err),
    );

  beforeEach(() => {
    clock = new TestClock();
    seen = [];
    failures = [];
    counts = 0;
  });

  it('counts after a claim that took jobs, at most once a minute', async () => {
    const b = backlog();
    const first = b.claimed(3);
    await b.claimed(3);
    answer(40);
    await first;
    clock.advance(backlogCountEveryMs - 1);
    await b.claimed(3);
    assert.deepEqual([counts, seen], [1, [40]]);
    clock.advance(1);
    const again = b.claimed(3);
    answer(12);
    await again;
    assert.deepEqual([counts, seen], [2, [40, 12]]);
  });

  it('a count that comes back after a claim found nothing does not bring back what it saw', async () => {
    const b = backlog();
    const counting = b.claimed(3);
    await b.claimed(0);
    answer(40);
    await counting;
    assert.deepEqual(seen, [0], 'the jobs it counted were taken meanwhile');
  });

  it('a count that fails is reported and leaves the figure as it was', async () => {
    const b = backlog();
    const counting = b.claimed(3);
    fail(new Error('store unavailable'));
    await counting;
    assert.deepEqual([seen, failures.length], [[], 1]);
  });
});
