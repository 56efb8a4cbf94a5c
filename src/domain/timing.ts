/**
 * When prompts go out, per recipient, in their own time zone. Pure functions of instants, an IANA time zone and the programme's policy: no
 * clock is read here, `now` is passed in where it matters.
 *
 * Rules
 * - Allowed moment: not in quiet hours (local `quietStart` inclusive to `quietEnd` exclusive, spanning
 *   midnight when start > end; equal start and end mean no quiet hours) and on a working day (the
 *   local weekday of the moment itself, so Monday 06:00 is quiet, not "Sunday night").
 * - Every prompt except the before-prompt moves FORWARD to the next allowed moment; the deadline is
 *   never moved. The before-prompt moves EARLIER (see `beforePromptAt`).
 * - "N days later at the same local time" keeps the wall-clock time across DST changes. A wall time
 *   that does not exist that day (spring-forward gap) becomes the moment the clocks jump past it
 *   (02:30 → 03:00); a wall time that happens twice (fall-back) is its earlier occurrence.
 * - Moments found by moving around quiet hours are whole minutes (the last allowed minute before
 *   quiet hours begin is quietStart − 1 minute, e.g. 19:59).
 *
 * Local runs (`TimingScale`): with `minuteScale` every count in the policy (beforeDays, reminderDays,
 * deadlineDays, and the follow-up's weeks) is read as minutes, afterMinutes stays minutes, and quiet
 * hours, working days and beforeTime are ignored. With `localPolicy` a whole cycle (before, after,
 * reminder, deadline, follow-up) fits in about ten minutes in the Playground.
 *
 * Wall times are converted with the zone's offsets (luxon's IANAZone) rather than
 * `DateTime.fromObject`, whose choice between the two occurrences of a fall-back time depends on the
 * season of the real clock.
 */
import { IANAZone } from 'luxon';
import { TimingPolicy, Weekday } from './programme';

/** how long the policy's days are: real calendar days, or minutes for a local demo run */
export interface TimingScale {
  /** 'days': days are local calendar or working days and quiet hours apply; 'minutes': every count is minutes and every moment is allowed */
  readonly unit: 'days' | 'minutes';
}

/** the real thing: the default everywhere */
export const dayScale: TimingScale = Object.freeze({ unit: 'days' });

/** local demo runs: a policy's "1 day" is one minute */
export const minuteScale: TimingScale = Object.freeze({ unit: 'minutes' });

/**
 * The local environment's policy, meant to be used with `minuteScale`: before-prompt one minute
 * before the start, after-prompt one minute after the end, reminder one minute after a prompt,
 * deadline three minutes after it. Quiet hours and working days are kept valid (the programme form
 * shows them) but `minuteScale` ignores them.
 */
export const localPolicy: TimingPolicy = Object.freeze({
  beforeDays: 1,
  beforeTime: '16:00',
  afterMinutes: 1,
  reminderDays: 1,
  deadlineDays: 3,
  quietStart: '20:00',
  quietEnd: '07:00',
  workingDays: Object.freeze([1, 2, 3, 4, 5, 6, 7] as Weekday[]),
});

/** a before-prompt arriving later than this before the start is not worth sending */
export const beforePromptLeadMinutes = 30;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** any instant lies within this of its local wall time (offsets run from −12:00 to +14:00) */
const OFFSET_BOUND = 15 * HOUR;
/** how far to look for an allowed moment; a week always has one when a working day has one */
const SEARCH_DAYS = 15;

/**
 * Whether `at` is in the recipient's allowed hours: not in quiet hours, on a working day.
 */
export function isAllowed(at: Date, zone: string, policy: TimingPolicy): boolean {
  return allowed(at.getTime(), rulesOf(zone, policy));
}

/**
 * `at` if it is allowed, else the first allowed moment after it (the end of quiet hours on the next
 * working day, and so on). Throws a RangeError for a policy that allows no moment at all (no working
 * day), which the programme form never produces.
 */
export function nextAllowed(at: Date, zone: string, policy: TimingPolicy): Date {
  const next = nextAllowedMs(at.getTime(), rulesOf(zone, policy));
  return new Date(next);
}

/**
 * The latest allowed whole minute strictly before `limit`, and not before `notBefore` when given;
 * undefined if there is none.
 */
export function latestAllowedBefore(
  limit: Date,
  zone: string,
  policy: TimingPolicy,
  notBefore?: Date,
): Date | undefined {
  const latest = latestAllowedAtOrBefore(
    Math.ceil(limit.getTime() / MINUTE) * MINUTE - MINUTE,
    rulesOf(zone, policy),
  );
  if (latest === undefined || (notBefore !== undefined && latest < notBefore.getTime())) return undefined;
  return new Date(latest);
}

/**
 * When to send the before-prompt, or undefined for "do not send one". A before-prompt never arrives
 * after the observation has started, nor in the last `beforePromptLeadMinutes` before it:
 * 1. The ideal moment is `beforeTime` local on the day `beforeDays` working days before the
 *    observation's local date (0: the same date).
 * 2. Aim for the earlier of the ideal moment and 30 minutes before the start; if that is not allowed,
 *    move EARLIER to the latest allowed minute before it. If that moment is not in the past (≥ now),
 *    send then.
 * 3. Otherwise the observation was scheduled at short notice: send at the next allowed moment from
 *    now (now itself if allowed), provided that is still at least 30 minutes before the start.
 * 4. Otherwise undefined: the observation is less than 30 minutes away, or no allowed moment is left
 *    before it (e.g. scheduled in quiet hours for first thing in the morning).
 * With `minuteScale`: `beforeDays` minutes before the start, or now if that has passed, as long as it
 * is strictly before the start; otherwise undefined.
 */
export function beforePromptAt(
  observationStart: Date,
  zone: string,
  policy: TimingPolicy,
  now: Date,
  scale: TimingScale = dayScale,
): Date | undefined {
  const start = observationStart.getTime();
  const nowMs = now.getTime();
  if (scale.unit === 'minutes') {
    const at = Math.max(start - policy.beforeDays * MINUTE, nowMs);
    return at < start ? new Date(at) : undefined;
  }
  const rules = rulesOf(zone, policy);
  const latest = start - beforePromptLeadMinutes * MINUTE;
  if (latest < nowMs) return undefined;
  const day = addWorkingDays(localDay(start, rules.zone), -policy.beforeDays, rules);
  const ideal = instantAtOrAfterWall(day * DAY + minutesOf(policy.beforeTime) * MINUTE, rules.zone);
  const aimed = latestAllowedAtOrBefore(floorMinute(Math.min(ideal, latest)), rules);
  if (aimed !== undefined && aimed >= nowMs) return new Date(aimed);
  const soonest = nextAllowedMs(nowMs, rules);
  return soonest <= latest ? new Date(soonest) : undefined;
}

/**
 * When to send the after-prompt: `afterMinutes` after the observation ends (elapsed time), moved
 * forward to the next allowed moment.
 */
export function afterPromptAt(
  observationEnd: Date,
  zone: string,
  policy: TimingPolicy,
  scale: TimingScale = dayScale,
): Date {
  const at = new Date(observationEnd.getTime() + policy.afterMinutes * MINUTE);
  return scale.unit === 'minutes' ? at : nextAllowed(at, zone, policy);
}

/**
 * When to remind about an unanswered prompt: `reminderDays` working days after it was sent, at the
 * same local time, moved forward to the next allowed moment.
 */
export function reminderAt(
  sentAt: Date,
  zone: string,
  policy: TimingPolicy,
  scale: TimingScale = dayScale,
): Date {
  const sent = sentAt.getTime();
  if (scale.unit === 'minutes') return new Date(sent + policy.reminderDays * MINUTE);
  const rules = rulesOf(zone, policy);
  const wall = localWall(sent, rules.zone);
  const day = Math.floor(wall / DAY);
  const later = addWorkingDays(day, policy.reminderDays, rules) * DAY + (wall - day * DAY);
  return new Date(nextAllowedMs(instantAtOrAfterWall(later, rules.zone), rules));
}

/**
 * When an unanswered prompt expires: `deadlineDays` calendar days after it was sent, at the same
 * local wall time (across DST changes too). Not moved: expiring a card disturbs nobody.
 */
export function deadlineAt(
  sentAt: Date,
  zone: string,
  policy: TimingPolicy,
  scale: TimingScale = dayScale,
): Date {
  if (scale.unit === 'minutes') return new Date(sentAt.getTime() + policy.deadlineDays * MINUTE);
  const z = zoneOf(zone);
  return new Date(instantAtOrAfterWall(localWall(sentAt.getTime(), z) + policy.deadlineDays * DAY, z));
}

/** how many weeks after an action point its follow-up asks how it went (minutes with `minuteScale`) */
export const followUpWeeks = 2;

/**
 * When to ask about an action point: `weeks` weeks after `from` at the same local time, moved forward
 * to the next allowed moment. With `minuteScale`, `weeks` minutes after `from`.
 */
export function followUpAt(
  from: Date,
  zone: string,
  policy: TimingPolicy,
  weeks = followUpWeeks,
  scale: TimingScale = dayScale,
): Date {
  if (scale.unit === 'minutes') return new Date(from.getTime() + weeks * MINUTE);
  const rules = rulesOf(zone, policy);
  const later = instantAtOrAfterWall(localWall(from.getTime(), rules.zone) + weeks * 7 * DAY, rules.zone);
  return new Date(nextAllowedMs(later, rules));
}

/**
 * The instant a wall-clock time (`yyyy-MM-dd`, `HH:mm`) in `zone` denotes. Undefined for an invalid
 * date, time or zone, and for a time that does not exist there (the spring-forward gap, e.g. 02:30
 * on 2027-03-28 in Europe/Stockholm) so the caller can say so. A time that happens twice (fall-back)
 * is its earlier occurrence, still on summer time.
 */
export function localDateTime(date: string, time: string, zone: string): Date | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!d || !t || !IANAZone.isValidZone(zone)) return undefined;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const midnight = Date.UTC(year, month - 1, day);
  const check = new Date(midnight);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  const [first] = instantsAtWall(midnight + (Number(t[1]) * 60 + Number(t[2])) * MINUTE, zoneOf(zone));
  return first === undefined ? undefined : new Date(first);
}

// ---------------------------------------------------------------------------------------------
// Wall times are epoch milliseconds of the local clock reading as if it were UTC; a local day is
// the number of days since 1970-01-01 on the local calendar.

interface Rules {
  readonly zone: IANAZone;
  readonly quietStart: number;
  readonly quietEnd: number;
  readonly workingDays: ReadonlySet<number>;
}

function rulesOf(zone: string, policy: TimingPolicy): Rules {
  return {
    zone: zoneOf(zone),
    quietStart: minutesOf(policy.quietStart),
    quietEnd: minutesOf(policy.quietEnd),
    workingDays: new Set(policy.workingDays),
  };
}

function zoneOf(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid)
    throw new RangeError(`Unknown time zone "${name}": use an IANA name such as Europe/Stockholm.`);
  return zone;
}

function minutesOf(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new RangeError(`"${hhmm}" is not a time of day: use HH:mm, e.g. 07:00.`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function floorMinute(ms: number): number {
  return Math.floor(ms / MINUTE) * MINUTE;
}

function localWall(ms: number, zone: IANAZone): number {
  return ms + zone.offset(ms) * MINUTE;
}

function localDay(ms: number, zone: IANAZone): number {
  return Math.floor(localWall(ms, zone) / DAY);
}

/** ISO weekday of a local day; 1970-01-01 was a Thursday */
function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function addWorkingDays(day: number, count: number, rules: Rules): number {
  if (count !== 0 && ![1, 2, 3, 4, 5, 6, 7].some((w) => rules.workingDays.has(w))) {
    throw new RangeError('The timing policy has no working day: choose at least one.');
  }
  const step = Math.sign(count);
  let d = day;
  for (let left = Math.abs(count); left > 0;) {
    d += step;
    if (rules.workingDays.has(weekdayOf(d))) left -= 1;
  }
  return d;
}

function allowed(ms: number, rules: Rules): boolean {
  const wall = localWall(ms, rules.zone);
  const day = Math.floor(wall / DAY);
  if (!rules.workingDays.has(weekdayOf(day))) return false;
  const minute = (wall - day * DAY) / MINUTE;
  const { quietStart: qs, quietEnd: qe } = rules;
  const quiet = qs < qe ? minute >= qs && minute < qe : qs > qe ? minute >= qs || minute < qe : false;
  return !quiet;
}

/** every instant whose local reading is `wall`: none in a spring-forward gap, two in a fall-back overlap */
function instantsAtWall(wall: number, zone: IANAZone): number[] {
  const offsets = new Set([zone.offset(wall - DAY), zone.offset(wall), zone.offset(wall + DAY)]);
  const found = [...offsets].map((o) => wall - o * MINUTE).filter((ms) => localWall(ms, zone) === wall);
  return [...new Set(found)].sort((a, b) => a - b);
}

/** the first instant whose local reading is `wall` or, in a spring-forward gap, the moment the clocks jump */
function instantAtOrAfterWall(wall: number, zone: IANAZone): number {
  const [first] = instantsAtWall(wall, zone);
  if (first !== undefined) return first;
  const offsets = [zone.offset(wall - DAY), zone.offset(wall + DAY)];
  return offsetChange(wall - Math.max(...offsets) * MINUTE, wall - Math.min(...offsets) * MINUTE, zone);
}

/** the first millisecond after `lo`, up to `hi`, at which the zone's offset differs from that at `lo` */
function offsetChange(lo: number, hi: number, zone: IANAZone): number {
  const before = zone.offset(lo);
  let [a, b] = [lo, hi];
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (zone.offset(mid) === before) a = mid;
    else b = mid;
  }
  return b;
}

/**
 * Every instant around local day `day` at which allowed-ness can change: local midnight, the start
 * and end of quiet hours (each occurrence), and a DST change. Between two of them the local clock
 * runs without a jump and crosses no boundary, so allowed-ness is constant there.
 */
function boundaries(day: number, rules: Rules): number[] {
  const { zone } = rules;
  const out = [0, rules.quietStart, rules.quietEnd].flatMap((m) =>
    instantsAtWall(day * DAY + m * MINUTE, zone),
  );
  const [lo, hi] = [day * DAY - OFFSET_BOUND, (day + 1) * DAY + OFFSET_BOUND];
  if (zone.offset(lo) !== zone.offset(hi)) out.push(offsetChange(lo, hi, zone));
  return out;
}

function nextAllowedMs(at: number, rules: Rules): number {
  if (allowed(at, rules)) return at;
  const first = localDay(at, rules.zone);
  let best: number | undefined;
  for (let day = first - 1; day <= first + SEARCH_DAYS; day++) {
    if (best !== undefined && day * DAY - OFFSET_BOUND > best) break;
    for (const b of boundaries(day, rules)) {
      if (b > at && (best === undefined || b < best) && allowed(b, rules)) best = b;
    }
  }
  if (best === undefined) {
    throw new RangeError('The timing policy allows no moment to send: choose at least one working day.');
  }
  return best;
}

/** the latest allowed whole minute at or before the whole minute `at` */
function latestAllowedAtOrBefore(at: number, rules: Rules): number | undefined {
  if (allowed(at, rules)) return at;
  const first = localDay(at, rules.zone);
  let best: number | undefined;
  for (let day = first + 1; day >= first - SEARCH_DAYS; day--) {
    if (best !== undefined && (day + 1) * DAY + OFFSET_BOUND < best) break;
    for (const b of boundaries(day, rules)) {
      const minuteBefore = b - MINUTE;
      if (b <= at && (best === undefined || minuteBefore > best) && allowed(minuteBefore, rules))
        best = minuteBefore;
    }
  }
  return best;
}
