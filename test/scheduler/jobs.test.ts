import assert from 'node:assert/strict';
import { slotOf } from '../../src/scheduler/jobs';

describe('jobs: the slot a job is stored in', () => {
  it('is the UTC hour it falls due in, from its first millisecond to its last', () => {
    assert.equal(slotOf(new Date('2026-09-01T08:00:00.000Z')), '2026-09-01T08');
    assert.equal(slotOf(new Date('2026-09-01T08:59:59.999Z')), '2026-09-01T08');
    assert.equal(slotOf(new Date('2026-09-01T09:00:00.000Z')), '2026-09-01T09');
  });

  it('is the same hour wherever the time was written: Stockholm 10:30 in summer is 08 UTC', () => {
    assert.equal(slotOf(new Date('2026-09-01T10:30:00+02:00')), '2026-09-01T08');
    assert.equal(slotOf(new Date('2026-12-31T23:30:00-01:00')), '2027-01-01T00');
  });
});
