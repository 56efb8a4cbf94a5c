import { DateTime } from 'luxon';
import { Programme } from '../programme';
import { ObservationFact, ProgrammeFacts, PromptFact } from './facts';
import { practised, Practised } from './practised';

/**
 * Participation figures for a coordinator, computed from content-free facts.
 *
 * The rule: figures about people are counts, and any figure computed over fewer than
 * `minimumGroup` people is withheld, so a renderer shows "fewer than 5" and nobody can be singled
 * out. Per figure:
 *
 * - supervisors enrolled / reachable / paired: counts over the whole cohort (every enrolled member,
 *   paused or not); all three are withheld when fewer than five are enrolled.
 * - observations upcoming / completed / cancelled / did not happen: counts of observations, not of
 *   people, and never withheld — the per-pair status list already shows each pair's count to the
 *   coordinator, so withholding the totals would protect no one. An observation is completed when it
 *   is still 'scheduled' and has ended (endsAt ≤ now); upcoming when 'scheduled' and not yet ended
 *   (one in progress is upcoming).
 * - response rate: answered ÷ prompts that have been sent — statuses 'answered', 'expired' and
 *   'sent' (still open counts as not answered yet). 'withdrawn' (its observation went away),
 *   'scheduled' (not sent yet) and 'unreachable' (never delivered) are left out. A share in [0, 1];
 *   withheld when fewer than five distinct people were sent prompts.
 * - median time to respond: hours from sentAt to answeredAt over answered prompts (the mean of the
 *   two middle values for an even count); withheld when fewer than five distinct people answered.
 * - progress against target: enrolled members who took part (as host or observer) in at least
 *   `targetObservations` completed observations, as a count and as a share of the cohort; withheld
 *   when fewer than five are enrolled.
 * - "how safe did being observed feel": the mean of every rating given; withheld when fewer than five
 *   distinct people (hosts) rated.
 * - weekly chart: completed observations per ISO week, from the week of the programme's first day to
 *   the week of min(today, last day), in the programme's time zone; an observation falls in the week
 *   it started (scheduling keeps that day inside the programme). Counts of observations, not people,
 *   so not withheld — for the same reason as the observation totals.
 * - what was practised: completed observations by setting and by learner level; counts under five
 *   are withheld, and with a lone one the next smallest, so the completed total cannot give it away
 *   (see practised.ts).
 * - per-pair status: see `PairStage`. A list the coordinator acts on, naming the pair as the
 *   coordinator formed it; it holds no content and never a reason, and is not an aggregate, so the
 *   small-group rule does not apply to it.
 *
 * Values are exact; renderers round. The figures computed from answers (response rate, median time
 * to respond, safety rating) reach coordinators only through release.ts, which changes them in steps
 * so that two reports compared single no one out.
 */

/** no figure about people is computed over fewer than this many of them */
export const minimumGroup = 5;

/** a figure about people: its value, or withheld because fewer than `minimumGroup` people stand behind it */
export type Figure = { readonly withheld: true } | { readonly value: number };

export function isWithheld(f: Figure): f is { readonly withheld: true } {
  return 'withheld' in f;
}

/** `value()` when at least `minimumGroup` people stand behind it; it is not even computed otherwise */
export function figureOver(people: number, value: () => number): Figure {
  return people >= minimumGroup ? { value: value() } : { withheld: true };
}

/**
 * Where a pair stands, first match wins:
 * - stalled: one of its prompts is still 'sent' after its reminder went out (remindedAt set);
 * - awaitingAnswers: one of its prompts is 'sent' and not yet reminded;
 * - done: it has completed at least the target number of observations;
 * - scheduled: it has an upcoming observation;
 * - notScheduled: none of the above.
 * Open prompts come first because they are what a coordinator may act on, even for a pair past its
 * target.
 */
export type PairStage = 'notScheduled' | 'scheduled' | 'awaitingAnswers' | 'stalled' | 'done';

export interface PairStatus {
  readonly pairId: string;
  /** display names, in the pair's member order */
  readonly names: readonly string[];
  /** completed observations of this pair */
  readonly completed: number;
  /** the programme's target observations per person */
  readonly target: number;
  readonly stage: PairStage;
}

export interface WeekCount {
  /** ISO week, `yyyy-Www` with the ISO week-numbering year */
  readonly week: string;
  /** the week's Monday, `yyyy-MM-dd` */
  readonly weekStart: string;
  readonly completed: number;
}

export interface ProgrammeFigures {
  /** the instant the figures describe */
  readonly asOf: string;
  readonly supervisors: {
    readonly enrolled: Figure;
    readonly reachable: Figure;
    readonly paired: Figure;
  };
  readonly observations: {
    readonly upcoming: number;
    readonly completed: number;
    readonly cancelled: number;
    readonly didNotHappen: number;
  };
  /** answered ÷ sent (excluding withdrawn), in [0, 1] */
  readonly responseRate: Figure;
  readonly medianHoursToRespond: Figure;
  readonly progress: {
    readonly target: number;
    /** people who reached the target */
    readonly reached: Figure;
    /** reached ÷ enrolled, in [0, 1] */
    readonly share: Figure;
  };
  /** mean "how safe did being observed feel", 1–5 */
  readonly safetyRating: Figure;
  readonly practised: Practised;
  readonly weekly: readonly WeekCount[];
  readonly pairs: readonly PairStatus[];
}

/** an observation that took place: still scheduled, and over */
export function isCompleted(o: Pick<ObservationFact, 'status' | 'endsAt'>, now: Date): boolean {
  return o.status === 'scheduled' && Date.parse(o.endsAt) <= now.getTime();
}

/** an observation still to come (or under way) */
export function isUpcoming(o: Pick<ObservationFact, 'status' | 'endsAt'>, now: Date): boolean {
  return o.status === 'scheduled' && Date.parse(o.endsAt) > now.getTime();
}

/** completed observations each person took part in, as host or observer */
export function completedByPerson(
  observations: readonly ObservationFact[],
  now: Date,
): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const o of observations) {
    if (!isCompleted(o, now)) continue;
    for (const id of new Set(o.memberIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const hour = 3_600_000;
const sentStatuses: readonly PromptFact['status'][] = ['answered', 'expired', 'sent'];

function distinctPeople(prompts: readonly PromptFact[]): number {
  return new Set(prompts.map((p) => p.personId)).size;
}

function isoWeek(d: DateTime): string {
  return d.toFormat("kkkk-'W'WW");
}

/** completed observations per ISO week, in the programme's time zone */
export function weeklyCompleted(
  programme: Pick<Programme, 'startDate' | 'endDate' | 'timeZone'>,
  observations: readonly ObservationFact[],
  now: Date,
): WeekCount[] {
  const zone = programme.timeZone;
  const firstDay = DateTime.fromISO(programme.startDate, { zone });
  const lastDay = DateTime.fromISO(programme.endDate, { zone });
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const until = today < lastDay ? today : lastDay;
  if (until < firstDay) return [];

  const weeks = new Map<string, { weekStart: string; completed: number }>();
  // luxon's startOf('week') is the ISO Monday, and plus({ weeks }) keeps local midnight across DST
  for (let w = firstDay.startOf('week'); w <= until; w = w.plus({ weeks: 1 })) {
    weeks.set(isoWeek(w), { weekStart: w.toISODate()!, completed: 0 });
  }
  for (const o of observations) {
    if (!isCompleted(o, now)) continue;
    const entry = weeks.get(isoWeek(DateTime.fromISO(o.startsAt, { zone })));
    if (entry) entry.completed += 1;
  }
  return [...weeks].map(([week, { weekStart, completed }]) => ({ week, weekStart, completed }));
}

function pairStage(
  completed: number,
  target: number,
  prompts: readonly PromptFact[],
  observations: readonly ObservationFact[],
  now: Date,
): PairStage {
  const open = prompts.filter((p) => p.status === 'sent');
  if (open.some((p) => p.remindedAt !== undefined)) return 'stalled';
  if (open.length > 0) return 'awaitingAnswers';
  if (completed >= target) return 'done';
  if (observations.some((o) => isUpcoming(o, now))) return 'scheduled';
  return 'notScheduled';
}

/** each pair's observations done of target and its stage — never content, never why */
export function pairStatuses(facts: ProgrammeFacts, now: Date): PairStatus[] {
  const target = facts.programme.targetObservations;
  const nameOf = new Map(facts.members.map((m) => [m.personId, m.displayName]));
  return facts.pairs.map((pair) => {
    const observations = facts.observations.filter((o) => o.pairId === pair.pairId);
    const prompts = facts.prompts.filter((p) => p.pairId === pair.pairId);
    const completed = observations.filter((o) => isCompleted(o, now)).length;
    const names = pair.memberIds
      .map((id) => pair.memberNames[id] ?? nameOf.get(id))
      .filter((n): n is string => n !== undefined);
    return {
      pairId: pair.pairId,
      names,
      completed,
      target,
      stage: pairStage(completed, target, prompts, observations, now),
    };
  });
}

/** every participation figure of a programme as of `now`; see the rules at the top of this file */
export function computeFigures(facts: ProgrammeFacts, now: Date): ProgrammeFigures {
  const { programme, members, observations, prompts } = facts;
  const cohort = members.length;
  const target = programme.targetObservations;

  const count = (status: ObservationFact['status']) => observations.filter((o) => o.status === status).length;
  const completed = observations.filter((o) => isCompleted(o, now)).length;

  const sent = prompts.filter((p) => sentStatuses.includes(p.status));
  const answered = sent.filter((p) => p.status === 'answered');

  const timed = answered.filter((p) => p.sentAt !== undefined && p.answeredAt !== undefined);
  const hoursToRespond = timed.map((p) => (Date.parse(p.answeredAt!) - Date.parse(p.sentAt!)) / hour);

  const rated = prompts.filter((p) => typeof p.safetyRating === 'number');
  const ratings = rated.map((p) => p.safetyRating!);

  const done = completedByPerson(observations, now);
  const reached = members.filter((m) => (done.get(m.personId) ?? 0) >= target).length;

  return {
    asOf: now.toISOString(),
    supervisors: {
      enrolled: figureOver(cohort, () => cohort),
      reachable: figureOver(cohort, () => members.filter((m) => m.reachable).length),
      paired: figureOver(cohort, () => members.filter((m) => m.pairId !== undefined).length),
    },
    observations: {
      upcoming: observations.filter((o) => isUpcoming(o, now)).length,
      completed,
      cancelled: count('cancelled'),
      didNotHappen: count('didNotHappen'),
    },
    responseRate: figureOver(distinctPeople(sent), () => answered.length / sent.length),
    medianHoursToRespond: figureOver(distinctPeople(timed), () => median(hoursToRespond)),
    progress: {
      target,
      reached: figureOver(cohort, () => reached),
      share: figureOver(cohort, () => reached / cohort),
    },
    safetyRating: figureOver(
      distinctPeople(rated),
      () => ratings.reduce((a, b) => a + b, 0) / ratings.length,
    ),
    practised: practised(observations, now),
    weekly: weeklyCompleted(programme, observations, now),
    pairs: pairStatuses(facts, now),
  };
}
