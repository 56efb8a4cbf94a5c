import assert from 'node:assert/strict';
import {
  endClosesAt,
  endLastDay,
  endOpensAt,
  endReminderFor,
  endStartsFor,
  evaluationDaysOf,
  isEndOpen,
} from '../../../src/domain/evaluation/end-window';

/** a programme whose last day is Wednesday 30 September 2026, in Stockholm (UTC+2 then) */
const programme = { endDate: '2026-09-30', timeZone: 'Europe/Stockholm', evaluationDays: 14 };
const at = (iso: string) => new Date(iso);

describe('end-window', () => {
  it('reads a programme stored before the setting as open for 14 days', () => {
    assert.equal(evaluationDaysOf({}), 14);
    assert.equal(evaluationDaysOf({ evaluationDays: 3 }), 3);
    assert.equal(endLastDay({ endDate: '2026-09-30', timeZone: 'Europe/Stockholm' }), '2026-10-13');
  });

  it('starts for each person when the last day begins in their own time zone', () => {
    assert.equal(endStartsFor(programme, 'Europe/Stockholm').toISOString(), '2026-09-29T22:00:00.000Z');
    assert.equal(endStartsFor(programme, 'America/New_York').toISOString(), '2026-09-30T04:00:00.000Z');
    assert.equal(endOpensAt(programme).toISOString(), '2026-09-29T10:00:00.000Z', 'first, at UTC+14');
  });

  it('is open from the last day until evaluationDays later, at midnight in the programme’s time zone', () => {
    assert.equal(endClosesAt(programme).toISOString(), '2026-10-13T22:00:00.000Z');
    assert.equal(isEndOpen(programme, at('2026-09-29T09:59:59Z')), false);
    assert.equal(isEndOpen(programme, at('2026-09-30T12:00:00Z')), true);
    assert.equal(isEndOpen(programme, at('2026-10-13T21:59:59Z')), true);
    assert.equal(isEndOpen(programme, at('2026-10-13T22:00:00Z')), false);
    assert.equal(isEndOpen({ ...programme, evaluationDays: 1 }, at('2026-09-30T22:00:00Z')), false);
  });

  it('reminds halfway, in the person’s time zone, and not at all when the window is a day', () => {
    assert.equal(endReminderFor(programme, 'Europe/Stockholm')?.toISOString(), '2026-10-06T22:00:00.000Z');
    assert.equal(endReminderFor(programme, 'America/New_York')?.toISOString(), '2026-10-07T04:00:00.000Z');
    assert.equal(endReminderFor({ ...programme, evaluationDays: 1 }, 'Europe/Stockholm'), undefined);
    assert.equal(
      endReminderFor({ ...programme, evaluationDays: 3 }, 'Europe/Stockholm')?.toISOString(),
      '2026-09-30T22:00:00.000Z',
    );
  });
});
