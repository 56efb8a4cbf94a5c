import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { wallClock } from '../../src/domain/cycle/observation';
import { defaultPolicy, TimingPolicy, Weekday } from '../../src/domain/programme';
import {
  afterPromptAt,
  beforePromptAt,
  beforePromptLeadMinutes,
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

/**
 * The scheduling rules of src/domain/timing.ts as
 * properties over real IANA zones — daylight saving time in both hemispheres, at midnight, by half
 * an hour, none at all, offsets of :30 and :45 — and instants across 2017–2035, half of them within
 * a day and a half of a clock change. The expected values come from luxon's reading of an instant in
 * a zone, not from timing.ts's own arithmetic.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const zones = [
  // daylight saving time, northern hemisphere
  'Europe/Stockholm',
  'Europe/London',
  'Europe/Dublin', // "negative" DST in the tz database: winter is the exception
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns', // −03:30 / −02:30
  'America/Havana', // the clocks change at midnight: 00:00 does not exist once a year
  'Asia/Beirut', // midnight changes too
  // daylight saving time, southern hemisphere
  'Australia/Sydney',
  'Australia/Adelaide', // +09:30 / +10:30
  'Australia/Lord_Howe', // a change of only 30 minutes
  'Pacific/Auckland',
  'Pacific/Chatham', // +12:45 / +13:45
  'America/Santiago', // changes at 24:00
  'America/Sao_Paulo', // had DST until 2019, at midnight
  'Africa/Casablanca', // back an hour during Ramadan
  // no daylight saving time (any more)
  'UTC',
  'Asia/Kolkata', // +05:30
  'Asia/Kathmandu', // +05:45
  'Asia/Tehran', // +03:30, DST until 2022
  'Asia/Tokyo',
  'Pacific/Kiritimati', // +14:00
  'Pacific/Pago_Pago', // −11:00
] as const;

const from = Date.UTC(2017, 0, 1);
const to = Date.UTC(2035, 11, 31);

/** every instant in [from, to] at which the zone's offset changes */
function transitionsOf(name: string): number[] {
  const zone = IANAZone.create(name);
  const out: number[] = [];
  for (let t = from; t < to; t += 7 * DAY) {
    if (zone.offset(t) === zone.offset(t + 7 * DAY)) continue;
    // narrow down to the millisecond; a week holds at most one change in these zones' rules
    let [lo, hi] = [t, t + 7 * DAY];
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (zone.offset(mid) === zone.offset(lo)) lo = mid;
      else hi = mid;
    }
    out.push(hi);
  }
  return out;
}

const transitions = new Map<string, number[]>(zones.map((z) => [z, transitionsOf(z)]));

// ---------------------------------------------------------------------------------------------
// Oracles: what the recipient's own clock says, read by luxon

function reading(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(ms, { zone });
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** allowed: on a working day, and outside [quietStart, quietEnd) (across midnight when start > end) */
function allowedByClock(ms: number, zone: string, policy: TimingPolicy): boolean {
  const local = reading(ms, zone);
  if (!policy.workingDays.includes(local.weekday as Weekday)) return false;
  const minute = local.hour * 60 + local.minute;
  const [qs, qe] = [minutesOf(policy.quietStart), minutesOf(policy.quietEnd)];
  const quiet = qs < qe ? minute >= qs && minute < qe : qs > qe ? minute >= qs || minute < qe : false;
  return !quiet;
}

/** every instant that reads `date` `hh:mm` on the zone's clock: none in a gap, two in an overlap */
function instantsReading(date: string, hhmm: string, zone: string): number[] {
  const [y, mo, d] = date.split('-').map(Number);
  const wall = Date.UTC(y!, mo! - 1, d!) + minutesOf(hhmm) * MINUTE;
  const z = IANAZone.create(zone);
  const offsets = new Set([-2, -1, 0, 1, 2].map((k) => z.offset(wall + k * 12 * HOUR)));
  return [...new Set([...offsets].map((o) => wall - o * MINUTE))]
    .filter((ms) => reading(ms, zone).toFormat('yyyy-MM-dd HH:mm') === `${date} ${hhmm}`)
    .sort((a, b) => a - b);
}

/**
 * The instants in (lo, hi] where being allowed can change: every local midnight and end and start
 * of quiet hours (each occurrence), and every change of offset. Between two of them the local
 * clock runs on without crossing a rule's boundary.
 */
function switchPoints(lo: number, hi: number, zone: string, policy: TimingPolicy): number[] {
  const out = (transitions.get(zone) ?? []).filter((t) => t > lo && t <= hi);
  for (let day = reading(lo, zone).startOf('day'); day.toMillis() <= hi + DAY; day = day.plus({ days: 1 })) {
    const date = day.toISODate()!;
    for (const hhmm of ['00:00', policy.quietStart, policy.quietEnd])
      out.push(...instantsReading(date, hhmm, zone).filter((t) => t > lo && t <= hi));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Generators

const zoneArb = fc.constantFrom(...zones);

/** an instant in the zone's years, half the time within 36 hours of one of its clock changes */
function instantArb(zone: string): fc.Arbitrary<number> {
  const changes = transitions.get(zone)!;
  const anywhere = fc.integer({ min: from, max: to });
  const nearChange =
    changes.length === 0
      ? anywhere
      : fc
          .tuple(fc.constantFrom(...changes), fc.integer({ min: -36 * HOUR, max: 36 * HOUR }))
          .map(([t, d]) => t + d);
  return fc
    .tuple(fc.oneof(anywhere, nearChange), fc.boolean())
    .map(([ms, whole]) => (whole ? Math.floor(ms / MINUTE) * MINUTE : ms));
}

const zonedInstantArb = zoneArb.chain((zone) => instantArb(zone).map((ms) => ({ zone, ms })));

const hhmmArb = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  // the hours clocks change at, and the usual edges
  fc.constantFrom('00:00', '00:30', '01:00', '02:00', '02:30', '03:00', '07:00', '16:00', '20:00', '23:59'),
);

/** any policy the programme card accepts (validateProgramme), and the default one often */
const policyArb: fc.Arbitrary<TimingPolicy> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(defaultPolicy) },
  {
    weight: 4,
    arbitrary: fc
      .record({
        beforeDays: fc.integer({ min: 0, max: 14 }),
        beforeTime: hhmmArb,
        afterMinutes: fc.integer({ min: 0, max: 24 * 60 }),
        reminderDays: fc.integer({ min: 1, max: 13 }),
        deadlineExtra: fc.integer({ min: 1, max: 59 }),
        quietStart: hhmmArb,
        quietEnd: hhmmArb,
        workingDays: fc.subarray([1, 2, 3, 4, 5, 6, 7] as Weekday[], { minLength: 1 }),
      })
      .filter((p) => p.quietStart !== p.quietEnd)
      .map(({ deadlineExtra, ...p }) => ({
        ...p,
        deadlineDays: Math.min(60, p.reminderDays + deadlineExtra),
      })),
  },
);

/** TIMING_PROPERTY_RUNS=5000 for a deeper search than the few seconds a test run should take */
const runs = { numRuns: Number(process.env.TIMING_PROPERTY_RUNS ?? 300) };

function validDate(d: Date | undefined): void {
  assert.ok(d instanceof Date && Number.isFinite(d.getTime()), `not a valid instant: ${String(d)}`);
}

/** what a failure should show: each instant in UTC and on the recipient's clock */
function show(ms: number | undefined, zone: string): string {
  return ms === undefined ? 'none' : `${new Date(ms).toISOString()} (${reading(ms, zone).toISO()})`;
}

describe('timing properties', () => {
  describe('allowed moments', () => {
    it("isAllowed agrees with the recipient's own clock: a working day, outside quiet hours", () => {
      fc.assert(
        fc.property(zonedInstantArb, policyArb, ({ zone, ms }, policy) => {
          assert.equal(
            isAllowed(new Date(ms), zone, policy),
            allowedByClock(ms, zone, policy),
            show(ms, zone),
          );
        }),
        { numRuns: runs.numRuns * 3 },
      );
    });

    it('nextAllowed is allowed, not earlier than asked, and skips no allowed moment', () => {
      fc.assert(
        fc.property(zonedInstantArb, policyArb, ({ zone, ms }, policy) => {
          const next = nextAllowed(new Date(ms), zone, policy);
          validDate(next);
          const n = next.getTime();
          assert.ok(n >= ms, `${show(n, zone)} is before ${show(ms, zone)}`);
          assert.ok(allowedByClock(n, zone, policy), `${show(n, zone)} is not allowed`);
          if (allowedByClock(ms, zone, policy)) assert.equal(n, ms, 'an allowed moment is kept as it is');
          else {
            assert.ok(n - ms < 16 * DAY);
            for (const t of [n - 1, ...switchPoints(ms, n - 1, zone, policy)])
              if (t > ms) assert.ok(!allowedByClock(t, zone, policy), `${show(t, zone)} was allowed earlier`);
          }
        }),
        runs,
      );
    });

    it('latestAllowedBefore is the latest allowed whole minute strictly before the limit', () => {
      fc.assert(
        fc.property(zonedInstantArb, policyArb, ({ zone, ms }, policy) => {
          const latest = latestAllowedBefore(new Date(ms), zone, policy)?.getTime();
          assert.ok(latest !== undefined, 'a policy with a working day always has one within weeks');
          assert.ok(latest < ms && latest % MINUTE === 0, show(latest, zone));
          assert.ok(allowedByClock(latest, zone, policy), `${show(latest, zone)} is not allowed`);
          // a later allowed minute would sit just before a switch point, or be the last minute before the limit
          const candidates = [
            Math.ceil(ms / MINUTE) * MINUTE - MINUTE,
            ...switchPoints(latest, ms, zone, policy).map((t) => t - MINUTE),
          ];
          for (const t of candidates)
            if (t > latest && t < ms)
              assert.ok(!allowedByClock(t, zone, policy), `${show(t, zone)} is a later allowed minute`);
          const notBefore = new Date(latest + 1);
          assert.equal(latestAllowedBefore(new Date(ms), zone, policy, notBefore), undefined);
        }),
        runs,
      );
    });
  });

  describe('the before-prompt', () => {
    const caseArb = fc
      .tuple(zonedInstantArb, policyArb, fc.integer({ min: 0, max: 30 * DAY }))
      .map(([{ zone, ms }, policy, ahead]) => ({
        zone,
        policy,
        start: Math.floor(ms / MINUTE) * MINUTE,
        now: Math.floor(ms / MINUTE) * MINUTE - ahead,
      }));

    it('is in allowed hours, not before now, and at least 30 minutes before the observation starts', () => {
      fc.assert(
        fc.property(caseArb, ({ zone, policy, start, now }) => {
          const at = beforePromptAt(new Date(start), zone, policy, new Date(now))?.getTime();
          if (at === undefined) return;
          assert.ok(Number.isFinite(at));
          assert.ok(at >= now, `${show(at, zone)} is before now ${show(now, zone)}`);
          assert.ok(at <= start - beforePromptLeadMinutes * MINUTE, `${show(at, zone)} is too late`);
          assert.ok(allowedByClock(at, zone, policy), `${show(at, zone)} is in quiet hours or on a day off`);
        }),
        runs,
      );
    });

    it('is left out only when no allowed moment remains between now and 30 minutes before the start', () => {
      fc.assert(
        fc.property(caseArb, ({ zone, policy, start, now }) => {
          const at = beforePromptAt(new Date(start), zone, policy, new Date(now));
          const latest = start - beforePromptLeadMinutes * MINUTE;
          const room = latest >= now && nextAllowed(new Date(now), zone, policy).getTime() <= latest;
          assert.equal(at !== undefined, room, `now ${show(now, zone)}, start ${show(start, zone)}`);
        }),
        runs,
      );
    });

    it('comes at beforeTime, beforeDays working days ahead, when that is allowed and still to come', () => {
      fc.assert(
        fc.property(caseArb, ({ zone, policy, start, now }) => {
          let day = reading(start, zone).startOf('day');
          for (let left = policy.beforeDays; left > 0;) {
            day = day.minus({ days: 1 });
            if (policy.workingDays.includes(day.weekday as Weekday)) left--;
          }
          const [ideal] = instantsReading(day.toISODate()!, policy.beforeTime, zone);
          // the ideal moment exists, is allowed, not past and not too late: then it is the moment
          fc.pre(
            ideal !== undefined &&
              allowedByClock(ideal, zone, policy) &&
              ideal >= now &&
              ideal <= start - beforePromptLeadMinutes * MINUTE,
          );
          assert.equal(beforePromptAt(new Date(start), zone, policy, new Date(now))?.getTime(), ideal);
        }),
        { ...runs, maxSkipsPerRun: 1000 },
      );
    });

    it('moves earlier rather than later: after the ideal moment only when nothing allowed was left before it', () => {
      fc.assert(
        fc.property(caseArb, ({ zone, policy, start, now }) => {
          const at = beforePromptAt(new Date(start), zone, policy, new Date(now))?.getTime();
          if (at === undefined) return;
          let day = reading(start, zone).startOf('day');
          for (let left = policy.beforeDays; left > 0;) {
            day = day.minus({ days: 1 });
            if (policy.workingDays.includes(day.weekday as Weekday)) left--;
          }
          // the ideal wall time (its earlier occurrence), or the moment the clocks jump past it
          const [earliest] = instantsReading(day.toISODate()!, policy.beforeTime, zone);
          const ideal =
            earliest ??
            (transitions.get(zone) ?? []).find((t) => reading(t, zone).toISODate() === day.toISODate())!;
          const aim = Math.min(ideal, start - beforePromptLeadMinutes * MINUTE);
          if (at > aim) {
            // short notice: nothing allowed was left between now and the aim, so the first allowed moment from now
            const soonest = nextAllowed(new Date(now), zone, policy).getTime();
            assert.equal(at, soonest, show(at, zone));
            assert.ok(soonest > aim, `${show(soonest, zone)} was allowed before ${show(aim, zone)}`);
          }
        }),
        runs,
      );
    });

    it('is the same moment when planned again later, before it is due (a reschedule to the same time)', () => {
      fc.assert(
        fc.property(
          caseArb,
          fc.double({ min: 0, max: 1, noNaN: true }),
          ({ zone, policy, start, now }, f) => {
            const first = beforePromptAt(new Date(start), zone, policy, new Date(now))?.getTime();
            fc.pre(first !== undefined);
            const later = now + Math.floor((first! - now) * f);
            assert.equal(beforePromptAt(new Date(start), zone, policy, new Date(later))?.getTime(), first);
          },
        ),
        runs,
      );
    });
  });

  describe('after-prompt, reminder, deadline and follow-up', () => {
    it('the after-prompt is the first allowed moment from afterMinutes past the end', () => {
      fc.assert(
        fc.property(zonedInstantArb, policyArb, ({ zone, ms: end }, policy) => {
          const at = afterPromptAt(new Date(end), zone, policy).getTime();
          const due = end + policy.afterMinutes * MINUTE;
          assert.ok(at >= due && allowedByClock(at, zone, policy), show(at, zone));
          for (const t of [at - 1, ...switchPoints(due, at - 1, zone, policy)])
            if (t >= due && t < at)
              assert.ok(!allowedByClock(t, zone, policy), `${show(t, zone)} was allowed`);
        }),
        runs,
      );
    });

    it('a reminder comes after its prompt was sent, in allowed hours', () => {
      fc.assert(
        fc.property(zonedInstantArb, policyArb, ({ zone, ms: sent }, policy) => {
          const at = reminderAt(new Date(sent), zone, policy);
          validDate(at);
          assert.ok(at.getTime() > sent, `${show(at.getTime(), zone)} is not after ${show(sent, zone)}`);
          assert.ok(allowedByClock(at.getTime(), zone, policy), show(at.getTime(), zone));
        }),
        runs,
      );
    });

    it('a deadline is deadlineDays later on the local calendar, at the same wall time (or when the clocks jump past it)', () => {
      fc.assert(
        fc.property(zonedInstantArb, policyArb, ({ zone, ms: sent }, policy) => {
          const at = deadlineAt(new Date(sent), zone, policy).getTime();
          assert.ok(Number.isFinite(at) && at > sent, `${show(at, zone)} is not after ${show(sent, zone)}`);
          const local = reading(sent, zone);
          const date = local.startOf('day').plus({ days: policy.deadlineDays }).toISODate()!;
          const wall = local.toFormat('HH:mm');
          const instants = instantsReading(date, wall, zone).map(
            (t) => t + (((sent % MINUTE) + MINUTE) % MINUTE),
          );
          if (instants.length > 0) assert.equal(at, instants[0], `expected the earlier ${date} ${wall}`);
          else {
            // the wall time does not exist that day: the moment the clocks jump
            assert.ok(transitions.get(zone)!.includes(at), `${show(at, zone)} is not a clock change`);
            assert.equal(reading(at, zone).toISODate(), date);
          }
        }),
        runs,
      );
    });

    it('with the default policy, every prompt gets its one reminder before its deadline', () => {
      fc.assert(
        fc.property(zonedInstantArb, ({ zone, ms: sent }) => {
          const remind = reminderAt(new Date(sent), zone, defaultPolicy).getTime();
          const deadline = deadlineAt(new Date(sent), zone, defaultPolicy).getTime();
          assert.ok(sent < remind && remind < deadline, `${show(remind, zone)} vs ${show(deadline, zone)}`);
        }),
        runs,
      );
    });

    it('a follow-up comes weeks later at the first allowed moment from the same wall time', () => {
      fc.assert(
        fc.property(
          zonedInstantArb,
          policyArb,
          fc.integer({ min: 1, max: 4 }),
          ({ zone, ms }, policy, weeks) => {
            const at = followUpAt(new Date(ms), zone, policy, weeks).getTime();
            assert.ok(allowedByClock(at, zone, policy), show(at, zone));
            // at least the weeks, less the largest clock change (two hours at most), have passed
            assert.ok(at >= ms + weeks * 7 * DAY - 2 * HOUR, show(at, zone));
            const local = reading(ms, zone);
            const date = local.startOf('day').plus({ weeks }).toISODate()!;
            const [same] = instantsReading(date, local.toFormat('HH:mm'), zone);
            if (same !== undefined) {
              const due = same + (ms % MINUTE);
              for (const t of [at - 1, ...switchPoints(due, at - 1, zone, policy)])
                if (t >= due && t < at)
                  assert.ok(!allowedByClock(t, zone, policy), `${show(t, zone)} was allowed`);
            }
          },
        ),
        runs,
      );
    });
  });

  describe('a whole observation, for host and observer in their own zones', () => {
    it('every send falls outside quiet hours on a working day; before-prompts before the start, after-prompts after the end; reminders after their prompt; deadlines after every send', () => {
      fc.assert(
        fc.property(
          zonedInstantArb,
          zoneArb,
          policyArb,
          fc.integer({ min: 10, max: 480 }),
          fc.integer({ min: 0, max: 21 * DAY }),
          ({ zone: hostZone, ms }, observerZone, policy, minutes, ahead) => {
            const start = Math.floor(ms / MINUTE) * MINUTE;
            const end = start + minutes * MINUTE;
            const now = start - ahead;
            for (const zone of [hostZone, observerZone]) {
              const allowed = (t: number) => allowedByClock(t, zone, policy);
              const before = beforePromptAt(new Date(start), zone, policy, new Date(now))?.getTime();
              const after = afterPromptAt(new Date(end), zone, policy).getTime();
              const sends = before === undefined ? [after] : [before, after];
              if (before !== undefined) assert.ok(now <= before && before < start && allowed(before));
              assert.ok(after >= end && allowed(after));
              for (const sent of sends) {
                const remind = reminderAt(new Date(sent), zone, policy).getTime();
                const deadline = deadlineAt(new Date(sent), zone, policy).getTime();
                assert.ok(remind > sent && allowed(remind), `reminder ${show(remind, zone)}`);
                assert.ok(
                  deadline > sent,
                  `deadline ${show(deadline, zone)} is not after ${show(sent, zone)}`,
                );
              }
            }
          },
        ),
        runs,
      );
    });
  });

  describe('wall times on the night the clocks change', () => {
    const wallArb = zoneArb.chain((zone) =>
      fc
        .tuple(instantArb(zone), hhmmArb)
        .map(([ms, time]) => ({ zone, date: reading(ms, zone).toISODate()!, time })),
    );

    it('a wall time that does not exist is refused; one that happens twice is its earlier occurrence', () => {
      fc.assert(
        fc.property(wallArb, ({ zone, date, time }) => {
          const instants = instantsReading(date, time, zone);
          assert.equal(localDateTime(date, time, zone)?.getTime(), instants[0], `${date} ${time} in ${zone}`);
        }),
        { numRuns: runs.numRuns * 2 },
      );
    });

    it('the schedule card reads a wall time as timing does: refused in a gap, the earlier of two', () => {
      fc.assert(
        fc.property(wallArb, ({ zone, date, time }) => {
          assert.equal(
            wallClock(date, time, zone)?.toMillis(),
            localDateTime(date, time, zone)?.getTime(),
            `${date} ${time} in ${zone}`,
          );
        }),
        { numRuns: runs.numRuns * 2 },
      );
    });

    it('every instant computed is a valid date, in every zone', () => {
      fc.assert(
        fc.property(zonedInstantArb, policyArb, ({ zone, ms }, policy) => {
          const at = new Date(ms);
          for (const d of [
            nextAllowed(at, zone, policy),
            afterPromptAt(at, zone, policy),
            reminderAt(at, zone, policy),
            deadlineAt(at, zone, policy),
            followUpAt(at, zone, policy),
          ])
            validDate(d);
          const before = beforePromptAt(new Date(ms + 3 * DAY), zone, policy, at);
          if (before) validDate(before);
        }),
        runs,
      );
    });
  });

  describe('minute scale (local runs)', () => {
    it('every count is minutes and quiet hours are ignored; the before-prompt still comes before the start', () => {
      fc.assert(
        fc.property(
          zonedInstantArb,
          fc.oneof(fc.constant(localPolicy), policyArb),
          fc.integer({ min: -5, max: 30 }),
          ({ zone, ms }, policy, aheadMinutes) => {
            const start = ms;
            const now = ms - aheadMinutes * MINUTE;
            const before = beforePromptAt(
              new Date(start),
              zone,
              policy,
              new Date(now),
              minuteScale,
            )?.getTime();
            const expected = Math.max(start - policy.beforeDays * MINUTE, now);
            assert.equal(before, expected < start ? expected : undefined);
            const end = start + 10 * MINUTE;
            assert.equal(
              afterPromptAt(new Date(end), zone, policy, minuteScale).getTime(),
              end + policy.afterMinutes * MINUTE,
            );
            const remind = reminderAt(new Date(end), zone, policy, minuteScale).getTime();
            const deadline = deadlineAt(new Date(end), zone, policy, minuteScale).getTime();
            assert.equal(remind, end + policy.reminderDays * MINUTE);
            assert.equal(deadline, end + policy.deadlineDays * MINUTE);
            assert.ok(
              end < remind && remind < deadline,
              'the reminder comes between the send and the deadline',
            );
            assert.equal(followUpAt(new Date(end), zone, policy, 2, minuteScale).getTime(), end + 2 * MINUTE);
          },
        ),
        runs,
      );
    });
  });
});
