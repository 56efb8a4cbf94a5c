import assert from 'node:assert/strict';
import { PersonLimit } from '../../src/delivery/person-limit';
import { TestClock } from '../support/test-clock';

describe('the per-person limit', () => {
  const windows = [
    { count: 3, perMs: 1_000 },
    { count: 5, perMs: 60_000 },
  ];
  /** a limit over `windows` and the test clock it reads, at 08:00 UTC on 1 September 2026 */
  const limitWithClock = () => {
    const clock = new TestClock('2026-09-01T08:00:00Z');
    return { clock, limit: new PersonLimit(clock, windows) };
  };

  it('admits up to each window, then refuses once aloud and then silently', () => {
    const { limit } = limitWithClock();
    assert.deepEqual(
      [1, 2, 3, 4, 5].map(() => limit.admit('blake')),
      ['admitted', 'admitted', 'admitted', 'refused-first', 'refused'],
    );
  });

  it('does not count refused requests, so waiting is enough', () => {
    const { clock, limit } = limitWithClock();
    for (let i = 0; i < 10; i++) limit.admit('blake');
    clock.advance(1_000);
    assert.equal(limit.admit('blake'), 'admitted');
    assert.equal(limit.admit('blake'), 'admitted', 'the minute window holds 5: 3 before, 2 now');
    assert.equal(limit.admit('blake'), 'refused-first', 'a new spell over the limit is announced again');
  });

  it('says when a refused person will be let in again: when every window has room, by its clock', () => {
    const { clock, limit } = limitWithClock();
    for (let i = 0; i < 3; i++) limit.admit('blake');
    clock.advance(400);
    assert.equal(limit.admit('blake'), 'refused-first');
    assert.equal(limit.retryInMs('blake'), 600, 'the second window frees up 1 s after the first request');
    clock.advance(600);
    assert.equal(limit.retryInMs('blake'), 0);
    assert.equal(limit.admit('blake'), 'admitted');
    assert.equal(limit.admit('blake'), 'admitted', 'five in the minute');
    clock.advance(1_000);
    assert.equal(limit.admit('blake'), 'refused-first', 'the minute window is full');
    assert.equal(limit.retryInMs('blake'), 58_000, 'until the first request is a minute old');
    assert.equal(limit.retryInMs('chris'), 0, 'someone who sent nothing may go ahead');
  });

  it('forgets people once nothing they sent is inside a window', () => {
    const { clock, limit } = limitWithClock();
    for (let i = 0; i < 1000; i++) limit.admit(`person-${i}`);
    assert.equal(limit.size(), 1000);
    clock.advance(60_000);
    assert.equal(limit.size(), 0);
  });

  it("keeps a person's refreshes on a budget of their own, apart from their turns", () => {
    const limit = new PersonLimit(new TestClock('2026-09-01T08:00:00Z'), windows, [
      { count: 2, perMs: 1_000 },
    ]);
    assert.deepEqual(
      [1, 2, 3].map(() => limit.admit('blake', 'refresh')),
      ['admitted', 'admitted', 'refused-first'],
    );
    assert.equal(limit.admit('blake'), 'admitted', 'a click after a flood of refreshes');
    for (let i = 0; i < 5; i++) limit.admit('chris');
    assert.equal(limit.admit('chris', 'refresh'), 'admitted', 'a refresh after a flood of clicks');
  });

  it('refuses windows that make no sense', () => {
    assert.throws(() => new PersonLimit(new TestClock(), [{ count: 0, perMs: 1000 }]), /count/);
    assert.throws(
      () => new PersonLimit(new TestClock(), undefined, [{ count: 5, perMs: -1 }]),
      /refreshWindows\[0\]/,
    );
  });
});
