import assert from 'node:assert/strict';
import { RetryPolicy, afterFailure } from '../../src/delivery/send-retry';

describe('what a failed send means', () => {
  const policy: RetryPolicy = {
    attempts: 4,
    baseDelayMs: 500,
    maxDelayMs: 8000,
    sleep: async () => undefined,
    random: () => 1,
  };

  it('stops at once when Teams says the person or conversation is gone', () => {
    assert.deepEqual(afterFailure({ status: 403, code: 'ConversationBlockedByUser' }, 1, policy), {
      next: 'unreachable',
      reason: 'ConversationBlockedByUser',
    });
    assert.deepEqual(afterFailure({ status: 404 }, 1, policy), { next: 'unreachable', reason: 'HTTP 404' });
    assert.deepEqual(afterFailure({ status: 403 }, 1, policy), { next: 'unreachable', reason: 'HTTP 403' });
  });

  it('gives up on a 403 for another reason without retrying: it is refused, not gone', () => {
    const decision = afterFailure({ status: 403, code: 'SomethingElse' }, 1, policy);
    assert.equal(decision.next, 'fail');
  });

  it('retries throttling, server errors and silence, backing off exponentially up to the ceiling', () => {
    for (const status of [412, 429, 500, 502, 503, 504, undefined])
      assert.equal(afterFailure({ status }, 1, policy).next, 'retry', `status ${status}`);
    const waits = [1, 2, 3, 4, 5, 6].map((attempt) => {
      const d = afterFailure({ status: 503 }, attempt, { ...policy, attempts: 10 });
      return d.next === 'retry' ? d.waitMs : -1;
    });
    assert.deepEqual(waits, [500, 1000, 2000, 4000, 8000, 8000]);
  });

  it('spreads retries with jitter between half and the whole of the backoff', () => {
    const low = afterFailure({ status: 503 }, 3, { ...policy, random: () => 0 });
    const high = afterFailure({ status: 503 }, 3, { ...policy, random: () => 1 });
    assert.deepEqual(
      [low, high],
      [
        { next: 'retry', waitMs: 1000 },
        { next: 'retry', waitMs: 2000 },
      ],
    );
  });

  it('honours Retry-After, but waits a minute at most', () => {
    assert.deepEqual(afterFailure({ status: 429, retryAfterSeconds: 7 }, 1, policy), {
      next: 'retry',
      waitMs: 7000,
    });
    assert.deepEqual(afterFailure({ status: 429, retryAfterSeconds: 3600 }, 1, policy), {
      next: 'retry',
      waitMs: 60_000,
    });
  });

  it('fails after the last attempt, still telling how long throttling asked to wait', () => {
    assert.deepEqual(afterFailure({ status: 429, retryAfterSeconds: 5 }, 4, policy), {
      next: 'fail',
      waitMs: 5000,
      reason: 'HTTP 429',
    });
    assert.deepEqual(afterFailure({}, 4, policy), { next: 'fail', waitMs: 4000, reason: 'network error' });
  });

  it('does not retry a request the service rejected as wrong', () => {
    assert.deepEqual(afterFailure({ status: 400, code: 'BadArgument' }, 1, policy), {
      next: 'fail',
      waitMs: 500,
      reason: 'BadArgument',
    });
  });
});
