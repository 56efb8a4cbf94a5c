import assert from 'node:assert/strict';
import { checkSchedule, hasStarted, ScheduleInput } from '../../../src/domain/cycle/observation';

describe('checkSchedule: the schedule card as a supervisor saves it', () => {
  const ctx = {
    zone: 'Europe/Stockholm',
    now: new Date('2026-09-01T08:00:00Z'),
    programme: { startDate: '2026-09-01', endDate: '2027-01-31', timeZone: 'Europe/Stockholm' },
    memberIds: ['ann', 'bo'],
  };
  const card = (overrides: Partial<ScheduleInput> = {}): ScheduleInput => ({
    date: '2026-09-03',
    startTime: '10:00',
    durationMinutes: '45',
    hostId: 'Ann',
    setting: 'wardRound',
    learnerLevel: 'intern',
    ...overrides,
  });
  const errors = (overrides: Partial<ScheduleInput>) => {
    const checked = checkSchedule(card(overrides), ctx);
    return checked.ok ? {} : checked.errors;
  };

  it('reads the date and time in the scheduler’s zone', () => {
    const checked = checkSchedule(card(), ctx);
    assert.ok(checked.ok);
    assert.deepEqual(
      [checked.startsAt.toISOString(), checked.endsAt.toISOString(), checked.hostId],
      ['2026-09-03T08:00:00.000Z', '2026-09-03T08:45:00.000Z', 'ann'],
    );
  });

  it('refuses each wrong field with its own message', () => {
    assert.deepEqual(errors({ date: '2026-09-01', startTime: '09:00' }), { date: 'schedule.error.past' });
    assert.deepEqual(errors({ date: '2027-02-01' }), { date: 'schedule.error.outsideProgramme' });
    assert.deepEqual(errors({ date: '2027-03-28', startTime: '02:30' }), {
      startTime: 'schedule.error.time',
    });
    assert.deepEqual(errors({ date: '2026-02-30' }), { date: 'schedule.error.date' });
    assert.deepEqual(errors({ durationMinutes: '9' }), { durationMinutes: 'schedule.error.duration' });
    assert.deepEqual(errors({ durationMinutes: '480' }), {});
    assert.deepEqual(errors({ hostId: 'cy', setting: 'pub' }), {
      hostId: 'schedule.error.host',
      setting: 'schedule.error.setting',
    });
  });

  it('counts an observation from its start time on', () => {
    const o = { startsAt: '2026-09-03T08:00:00.000Z' };
    assert.equal(hasStarted(o, new Date('2026-09-03T07:59:59Z')), false);
    assert.equal(hasStarted(o, new Date('2026-09-03T08:00:00Z')), true);
  });
});
