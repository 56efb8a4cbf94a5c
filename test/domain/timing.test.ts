import assert from 'node:assert/strict';
import { defaultPolicy, TimingPolicy, Weekday } from '../../src/domain/programme';
import {
  afterPromptAt,
  beforePromptAt,
  deadlineAt,
  followUpAt,
  isAllowed,
  latestAllowedBefore,
  localDateTime,
  localPolicy,
  minuteScale,
  nextAllowed,
  reminderAt,
} from '../../src/domain/timing';

const stockholm = 'Europe/Stockholm';
const london = 'Europe/London';
const newYork = 'America/New_York';

/** an instant, written with the local offset so the expected wall time is visible */
const at = (iso: string) => new Date(iso);

function assertAt(actual: Date | undefined, expected: string): void {
  assert.equal(actual?.toISOString(), at(expected).toISOString());
}

function policy(overrides: Partial<TimingPolicy>): TimingPolicy {
  return { ...defaultPolicy, ...overrides };
}

const everyDay = policy({ workingDays: [1, 2, 3, 4, 5, 6, 7] as Weekday[] });
/** equal start and end: no quiet hours */
const neverQuiet = policy({ quietStart: '00:00', quietEnd: '00:00' });
/** long before any observation in these tests, so nothing counts as short notice */
const earlyNow = at('2025-12-01T09:00:00Z');

describe('timing', () => {
  describe('isAllowed', () => {
    it('allows a working day from the end of quiet hours up to, not including, their start', () => {
      assert.equal(isAllowed(at('2026-01-14T06:59+01:00'), stockholm, defaultPolicy), false);
      assert.equal(isAllowed(at('2026-01-14T07:00+01:00'), stockholm, defaultPolicy), true);
      assert.equal(isAllowed(at('2026-01-14T19:59+01:00'), stockholm, defaultPolicy), true);
      assert.equal(isAllowed(at('2026-01-14T20:00+01:00'), stockholm, defaultPolicy), false);
    });

    it('keeps quiet hours that span midnight quiet on both sides of midnight', () => {
      assert.equal(isAllowed(at('2026-01-14T23:30+01:00'), stockholm, defaultPolicy), false);
      assert.equal(isAllowed(at('2026-01-15T00:30+01:00'), stockholm, defaultPolicy), false);
      assert.equal(isAllowed(at('2026-01-15T12:00+01:00'), stockholm, defaultPolicy), true);
    });

    it('keeps quiet hours that do not span midnight within the day', () => {
      const lunch = policy({ quietStart: '12:00', quietEnd: '13:00' });
      assert.equal(isAllowed(at('2026-01-14T11:59+01:00'), stockholm, lunch), true);
      assert.equal(isAllowed(at('2026-01-14T12:00+01:00'), stockholm, lunch), false);
      assert.equal(isAllowed(at('2026-01-14T12:30+01:00'), stockholm, lunch), false);
      assert.equal(isAllowed(at('2026-01-14T13:00+01:00'), stockholm, lunch), true);
      assert.equal(isAllowed(at('2026-01-14T21:00+01:00'), stockholm, lunch), true);
    });

    it("judges quiet hours on the recipient's own clock", () => {
      const instant = at('2026-01-14T19:30Z'); // 20:30 in Stockholm, 19:30 in London
      assert.equal(isAllowed(instant, stockholm, defaultPolicy), false);
      assert.equal(isAllowed(instant, london, defaultPolicy), true);
    });

    it('judges working days by the local weekday, not the UTC one', () => {
      assert.equal(isAllowed(at('2026-01-18T23:30Z'), stockholm, neverQuiet), true); // Monday 00:30 local
      assert.equal(isAllowed(at('2026-01-16T23:30Z'), stockholm, neverQuiet), false); // Saturday 00:30 local
      assert.equal(isAllowed(at('2026-01-17T03:00Z'), newYork, neverQuiet), true); // Friday 22:00 local
    });
  });

  describe('nextAllowed', () => {
    it('returns an allowed instant unchanged', () => {
      assertAt(
        nextAllowed(at('2026-01-14T10:00:30+01:00'), stockholm, defaultPolicy),
        '2026-01-14T10:00:30+01:00',
      );
    });

    it('moves a quiet evening to the end of quiet hours on the next working day', () => {
      assertAt(nextAllowed(at('2026-01-14T21:00+01:00'), stockholm, defaultPolicy), '2026-01-15T07:00+01:00');
    });

    it('moves the small hours to 07:00 the same day', () => {
      assertAt(nextAllowed(at('2026-01-15T03:00+01:00'), stockholm, defaultPolicy), '2026-01-15T07:00+01:00');
    });

    it('moves Friday evening and the weekend to Monday 07:00', () => {
      assertAt(nextAllowed(at('2026-01-16T21:00+01:00'), stockholm, defaultPolicy), '2026-01-19T07:00+01:00');
      assertAt(nextAllowed(at('2026-01-17T12:00+01:00'), stockholm, defaultPolicy), '2026-01-19T07:00+01:00');
    });

    it('moves across the spring-forward weekend to Monday 07:00 on summer time', () => {
      assertAt(nextAllowed(at('2027-03-27T21:00+01:00'), stockholm, defaultPolicy), '2027-03-29T07:00+02:00');
    });

    it('ends quiet hours that end inside the spring-forward gap when the clocks jump past it', () => {
      const endsInGap = policy({ quietEnd: '02:30', workingDays: everyDay.workingDays });
      assertAt(nextAllowed(at('2027-03-28T01:30+01:00'), stockholm, endsInGap), '2027-03-28T03:00+02:00');
    });

    it('terminates for a policy with a single working day and a one-minute window', () => {
      const wednesdays = policy({ workingDays: [3] });
      assertAt(nextAllowed(at('2026-01-15T10:00+01:00'), stockholm, wednesdays), '2026-01-21T07:00+01:00');
      const oneMinute = policy({ quietStart: '07:01', quietEnd: '07:00', workingDays: [3] });
      assertAt(nextAllowed(at('2026-01-14T07:01+01:00'), stockholm, oneMinute), '2026-01-21T07:00+01:00');
    });

    it('throws rather than searching forever when the policy has no working day', () => {
      assert.throws(
        () => nextAllowed(at('2026-01-14T21:00+01:00'), stockholm, policy({ workingDays: [] })),
        RangeError,
      );
    });
  });

  describe('latestAllowedBefore', () => {
    it('returns the whole minute before the limit in allowed hours', () => {
      assertAt(
        latestAllowedBefore(at('2026-01-14T10:00+01:00'), stockholm, defaultPolicy),
        '2026-01-14T09:59+01:00',
      );
      assertAt(
        latestAllowedBefore(at('2026-01-14T10:00:30+01:00'), stockholm, defaultPolicy),
        '2026-01-14T10:00+01:00',
      );
    });

    it('moves back from the small hours to the last minute before the previous evening fell quiet', () => {
      assertAt(
        latestAllowedBefore(at('2026-01-14T06:00+01:00'), stockholm, defaultPolicy),
        '2026-01-13T19:59+01:00',
      );
    });

    it('moves back from Monday morning to Friday evening', () => {
      assertAt(
        latestAllowedBefore(at('2026-01-19T06:00+01:00'), stockholm, defaultPolicy),
        '2026-01-16T19:59+01:00',
      );
    });

    it('returns nothing when the latest allowed minute is before notBefore', () => {
      const limit = at('2026-01-14T06:00+01:00');
      assert.equal(
        latestAllowedBefore(limit, stockholm, defaultPolicy, at('2026-01-13T21:00+01:00')),
        undefined,
      );
      assertAt(
        latestAllowedBefore(limit, stockholm, defaultPolicy, at('2026-01-13T19:59+01:00')),
        '2026-01-13T19:59+01:00',
      );
    });

    it('finds the allowed stretch that ends when the clocks fall back into quiet hours', () => {
      // quiet 00:00–02:30: 02:30–02:59 summer time is allowed, then the clocks go back to 02:00
      const smallHours = policy({
        quietStart: '00:00',
        quietEnd: '02:30',
        workingDays: everyDay.workingDays,
      });
      assertAt(
        latestAllowedBefore(at('2026-10-25T02:15+01:00'), stockholm, smallHours),
        '2026-10-25T02:59+02:00',
      );
    });
  });

  describe('beforePromptAt', () => {
    it('sends at 16:00 local on the working day before a Wednesday observation', () => {
      const start = at('2026-01-14T10:00+01:00');
      assertAt(beforePromptAt(start, stockholm, defaultPolicy, earlyNow), '2026-01-13T16:00+01:00');
    });

    it('counts back over the weekend to Friday for a Monday observation', () => {
      const start = at('2026-01-12T10:00+01:00');
      assertAt(beforePromptAt(start, stockholm, defaultPolicy, earlyNow), '2026-01-09T16:00+01:00');
    });

    it('sends at beforeTime on the same day when beforeDays is 0 and that is before the start', () => {
      const sameDay = policy({ beforeDays: 0, beforeTime: '09:00' });
      assertAt(
        beforePromptAt(at('2026-01-14T14:00+01:00'), stockholm, sameDay, earlyNow),
        '2026-01-14T09:00+01:00',
      );
    });

    it('sends 30 minutes before the start when beforeTime on the same day would be after it', () => {
      const sameDay = policy({ beforeDays: 0 });
      assertAt(
        beforePromptAt(at('2026-01-14T10:00+01:00'), stockholm, sameDay, earlyNow),
        '2026-01-14T09:30+01:00',
      );
    });

    it('never sends after the start of an 08:00 observation with beforeTime 16:00', () => {
      const start = at('2026-01-14T08:00+01:00');
      const sent = beforePromptAt(start, stockholm, policy({ beforeDays: 0 }), earlyNow);
      assert.ok(sent && sent < start, `expected a moment before the start, got ${sent?.toISOString()}`);
      assertAt(sent, '2026-01-14T07:30+01:00');
    });

    it('moves earlier, not later, to the previous allowed evening when the morning is still quiet', () => {
      const start = at('2026-01-14T07:15+01:00');
      assertAt(
        beforePromptAt(start, stockholm, policy({ beforeDays: 0 }), earlyNow),
        '2026-01-13T19:59+01:00',
      );
    });

    it('moves a beforeTime in quiet hours earlier to the last allowed minute', () => {
      const late = policy({ beforeTime: '21:00' });
      assertAt(
        beforePromptAt(at('2026-01-14T10:00+01:00'), stockholm, late, earlyNow),
        '2026-01-13T19:59+01:00',
      );
    });

    it('gives host and observer in different zones their own 16:00', () => {
      const start = at('2026-01-14T10:00+01:00');
      const host = beforePromptAt(start, stockholm, defaultPolicy, earlyNow);
      const observer = beforePromptAt(start, london, defaultPolicy, earlyNow);
      assertAt(host, '2026-01-13T16:00+01:00');
      assertAt(observer, '2026-01-13T16:00Z');
      assert.notEqual(host?.getTime(), observer?.getTime());
    });

    it('counts from the local date of the recipient, in New York too', () => {
      assertAt(
        beforePromptAt(at('2026-01-14T10:00-05:00'), newYork, defaultPolicy, earlyNow),
        '2026-01-13T16:00-05:00',
      );
      // 08:00 Wednesday in Stockholm is 02:00 Wednesday in New York: still the Tuesday before there
      assertAt(
        beforePromptAt(at('2026-01-14T08:00+01:00'), newYork, defaultPolicy, earlyNow),
        '2026-01-13T16:00-05:00',
      );
    });

    it('sends at 16:00 local on the spring-forward day and on the Friday before it', () => {
      const europe = at('2027-03-29T10:00+02:00');
      assertAt(beforePromptAt(europe, stockholm, everyDay, earlyNow), '2027-03-28T16:00+02:00');
      assertAt(beforePromptAt(europe, stockholm, defaultPolicy, earlyNow), '2027-03-26T16:00+01:00');
      const us = at('2027-03-15T10:00-04:00');
      assertAt(beforePromptAt(us, newYork, everyDay, earlyNow), '2027-03-14T16:00-04:00');
      assertAt(beforePromptAt(us, newYork, defaultPolicy, earlyNow), '2027-03-12T16:00-05:00');
    });

    it('sends at 16:00 local on the fall-back day', () => {
      assertAt(
        beforePromptAt(at('2026-10-26T10:00+01:00'), stockholm, everyDay, earlyNow),
        '2026-10-25T16:00+01:00',
      );
      assertAt(
        beforePromptAt(at('2026-11-02T10:00-05:00'), newYork, everyDay, earlyNow),
        '2026-11-01T16:00-05:00',
      );
    });

    describe('scheduled at short notice', () => {
      const start = at('2026-01-14T10:00+01:00');

      it('sends now when the usual moment has passed and now is allowed', () => {
        const now = at('2026-01-13T18:00+01:00');
        assertAt(beforePromptAt(start, stockholm, defaultPolicy, now), '2026-01-13T18:00+01:00');
      });

      it('sends when quiet hours end if it is scheduled in quiet hours', () => {
        assertAt(
          beforePromptAt(start, stockholm, defaultPolicy, at('2026-01-13T21:00+01:00')),
          '2026-01-14T07:00+01:00',
        );
      });

      it('sends when quiet hours end when moving earlier would land in the past', () => {
        const late = policy({ beforeTime: '21:00' });
        assertAt(
          beforePromptAt(start, stockholm, late, at('2026-01-13T20:30+01:00')),
          '2026-01-14T07:00+01:00',
        );
      });

      it('sends nothing when the end of quiet hours is less than 30 minutes before the start', () => {
        const early = at('2026-01-14T07:20+01:00');
        assert.equal(
          beforePromptAt(early, stockholm, defaultPolicy, at('2026-01-13T21:00+01:00')),
          undefined,
        );
      });

      it('sends nothing when the start is less than 30 minutes away or has passed', () => {
        assert.equal(
          beforePromptAt(start, stockholm, defaultPolicy, at('2026-01-14T09:45+01:00')),
          undefined,
        );
        assert.equal(
          beforePromptAt(start, stockholm, defaultPolicy, at('2026-01-14T10:05+01:00')),
          undefined,
        );
      });

      it('still sends exactly 30 minutes before the start', () => {
        const now = at('2026-01-14T09:30+01:00');
        assertAt(beforePromptAt(start, stockholm, defaultPolicy, now), '2026-01-14T09:30+01:00');
      });
    });
  });

  describe('afterPromptAt', () => {
    it('sends afterMinutes after the observation ends', () => {
      assertAt(
        afterPromptAt(at('2026-01-14T14:00+01:00'), stockholm, defaultPolicy),
        '2026-01-14T15:00+01:00',
      );
    });

    it('moves an after-prompt that would fall in quiet hours to 07:00 on the next working day', () => {
      assertAt(
        afterPromptAt(at('2026-01-14T19:30+01:00'), stockholm, defaultPolicy),
        '2026-01-15T07:00+01:00',
      );
    });

    it('moves a Friday evening after-prompt to Monday 07:00', () => {
      assertAt(
        afterPromptAt(at('2026-01-16T19:30+01:00'), stockholm, defaultPolicy),
        '2026-01-19T07:00+01:00',
      );
      assertAt(
        afterPromptAt(at('2027-03-26T19:30+01:00'), stockholm, defaultPolicy),
        '2027-03-29T07:00+02:00',
      );
    });

    it('counts afterMinutes as elapsed time across the fall-back hour', () => {
      const anyTime = policy({ ...everyDay, quietStart: '00:00', quietEnd: '00:00' });
      assertAt(afterPromptAt(at('2026-10-25T02:30+02:00'), stockholm, anyTime), '2026-10-25T02:30+01:00');
    });
  });

  describe('reminderAt', () => {
    it('reminds on the next working day at the same local time', () => {
      assertAt(reminderAt(at('2026-01-14T10:00+01:00'), stockholm, defaultPolicy), '2026-01-15T10:00+01:00');
    });

    it('reminds on Monday about a prompt sent on Friday', () => {
      assertAt(reminderAt(at('2026-01-16T16:00+01:00'), stockholm, defaultPolicy), '2026-01-19T16:00+01:00');
    });

    it('counts reminderDays in working days', () => {
      const twoDays = policy({ reminderDays: 2 });
      assertAt(reminderAt(at('2026-01-15T16:00+01:00'), stockholm, twoDays), '2026-01-19T16:00+01:00');
    });

    it('keeps the local time across the spring-forward weekend', () => {
      assertAt(reminderAt(at('2027-03-12T16:00-05:00'), newYork, defaultPolicy), '2027-03-15T16:00-04:00');
    });

    it('moves forward when the same local time is quiet', () => {
      assertAt(reminderAt(at('2026-01-13T06:30+01:00'), stockholm, defaultPolicy), '2026-01-14T07:00+01:00');
    });
  });

  describe('deadlineAt', () => {
    it('keeps the local wall time over the spring-forward night', () => {
      assertAt(deadlineAt(at('2027-03-26T16:00+01:00'), stockholm, defaultPolicy), '2027-04-02T16:00+02:00');
      assertAt(deadlineAt(at('2027-03-12T16:00-05:00'), newYork, defaultPolicy), '2027-03-19T16:00-04:00');
    });

    it('keeps the local wall time over the fall-back night', () => {
      assertAt(deadlineAt(at('2026-10-23T16:00+02:00'), stockholm, defaultPolicy), '2026-10-30T16:00+01:00');
      assertAt(deadlineAt(at('2026-10-30T16:00-04:00'), newYork, defaultPolicy), '2026-11-06T16:00-05:00');
    });

    it('is not moved out of quiet hours or off days', () => {
      const twoDays = policy({ deadlineDays: 2 });
      assertAt(deadlineAt(at('2026-01-15T19:30+01:00'), stockholm, twoDays), '2026-01-17T19:30+01:00');
    });

    it('falls on the moment the clocks jump when the wall time does not exist that day', () => {
      assertAt(deadlineAt(at('2027-03-21T02:30+01:00'), stockholm, defaultPolicy), '2027-03-28T03:00+02:00');
    });

    it('falls on the earlier occurrence of a wall time that happens twice', () => {
      assertAt(deadlineAt(at('2026-10-18T02:30+02:00'), stockholm, defaultPolicy), '2026-10-25T02:30+02:00');
    });
  });

  describe('followUpAt', () => {
    it('asks two weeks later at the same local time, across the fall-back change', () => {
      assertAt(followUpAt(at('2026-10-21T16:00+02:00'), stockholm, defaultPolicy), '2026-11-04T16:00+01:00');
    });

    it('moves a follow-up that would fall on a Saturday to Monday 07:00', () => {
      assertAt(followUpAt(at('2026-01-17T11:00+01:00'), stockholm, defaultPolicy), '2026-02-02T07:00+01:00');
    });

    it('takes the number of weeks', () => {
      assertAt(
        followUpAt(at('2026-01-14T16:00+01:00'), stockholm, defaultPolicy, 1),
        '2026-01-21T16:00+01:00',
      );
    });
  });

  describe('localDateTime', () => {
    it("turns a wall-clock time into the instant in the person's zone", () => {
      assertAt(localDateTime('2026-01-14', '10:00', stockholm), '2026-01-14T09:00Z');
      assertAt(localDateTime('2026-01-14', '10:00', london), '2026-01-14T10:00Z');
      assertAt(localDateTime('2026-01-14', '10:00', newYork), '2026-01-14T15:00Z');
    });

    it('returns nothing for a time skipped by the spring-forward change', () => {
      assert.equal(localDateTime('2027-03-28', '02:30', stockholm), undefined);
      assert.equal(localDateTime('2027-03-14', '02:30', newYork), undefined);
      assertAt(localDateTime('2027-03-28', '03:00', stockholm), '2027-03-28T01:00Z');
    });

    it('picks the earlier instant for a time repeated by the fall-back change', () => {
      assertAt(localDateTime('2026-10-25', '02:30', stockholm), '2026-10-25T00:30Z');
      assertAt(localDateTime('2026-11-01', '01:30', newYork), '2026-11-01T05:30Z');
    });

    it('returns nothing for an invalid date, time or zone', () => {
      for (const [date, time, zone] of [
        ['2026-02-30', '10:00', stockholm],
        ['2026-13-01', '10:00', stockholm],
        ['26-01-14', '10:00', stockholm],
        ['2026-01-14', '24:00', stockholm],
        ['2026-01-14', '9:00', stockholm],
        ['2026-01-14', '10:60', stockholm],
        ['2026-01-14', '10:00', 'Mars/Olympus'],
      ] as const) {
        assert.equal(localDateTime(date, time, zone), undefined, `${date} ${time} ${zone}`);
      }
    });
  });

  describe('minute scale for local runs', () => {
    // Saturday 23:00: quiet hours and (by defaultPolicy) an off day, which the minute scale ignores
    const scheduled = at('2026-01-17T23:00+01:00');
    const minutes = (n: number) => new Date(scheduled.getTime() + n * 60_000);

    it('runs a whole cycle within a dozen minutes, ignoring quiet hours', () => {
      const start = minutes(2);
      const end = minutes(5);
      const before = beforePromptAt(start, stockholm, localPolicy, scheduled, minuteScale);
      const after = afterPromptAt(end, stockholm, localPolicy, minuteScale);
      const reminder = reminderAt(after, stockholm, localPolicy, minuteScale);
      const deadline = deadlineAt(after, stockholm, localPolicy, minuteScale);
      const followUp = followUpAt(deadline, stockholm, localPolicy, 2, minuteScale);

      assertAt(before, '2026-01-17T23:01+01:00');
      assertAt(after, '2026-01-17T23:06+01:00');
      assertAt(reminder, '2026-01-17T23:07+01:00');
      assertAt(deadline, '2026-01-17T23:09+01:00');
      assertAt(followUp, '2026-01-17T23:11+01:00');
      for (const moment of [before!, after, reminder, deadline, followUp]) {
        assert.equal(isAllowed(moment, stockholm, localPolicy), false, 'these moments are in quiet hours');
      }
    });

    it('sends the before-prompt now at short notice, and never at or after the start', () => {
      const soon = new Date(scheduled.getTime() + 30_000);
      assertAt(
        beforePromptAt(soon, stockholm, localPolicy, scheduled, minuteScale),
        '2026-01-17T23:00+01:00',
      );
      assert.equal(beforePromptAt(scheduled, stockholm, localPolicy, scheduled, minuteScale), undefined);
      const sameMinute = policy({ beforeDays: 0 });
      assert.equal(beforePromptAt(minutes(5), stockholm, sameMinute, scheduled, minuteScale), undefined);
    });

    it('uses real days when no scale is given', () => {
      assertAt(afterPromptAt(minutes(5), stockholm, localPolicy), '2026-01-18T07:00+01:00');
      assertAt(deadlineAt(scheduled, stockholm, localPolicy), '2026-01-20T23:00+01:00');
    });
  });
});
