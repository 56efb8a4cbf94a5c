import { DateTime } from 'luxon';
import { Programme } from '../programme';
import { MemberFact, ProgrammeFacts } from './facts';
import { completedByPerson, isCompleted, isUpcoming } from './figures';

/**
 * Who a coordinator's nudge reaches. Only enrolled members of the programme are ever selected, and
 * of those who match a segment:
 * - a paused supervisor never gets a nudge: left out and counted in `excluded.paused` (a person both
 *   paused and unreachable counts once, as paused);
 * - an unreachable one (the app is not installed for them) cannot get one: left out and counted in
 *   `excluded.unreachable`;
 * - everyone else is a recipient, in the order the members are listed.
 *
 * The segments:
 * - everyone: every enrolled member;
 * - notPaired: members without a pair;
 * - nothingScheduled: paired members with no observation in this programme that is still
 *   'scheduled', whether upcoming or completed (cancelled and did-not-happen ones do not count);
 * - promptWaiting(days): members with a prompt still 'sent' whose sentAt is more than `days` × 24
 *   hours before now (exactly `days` is not yet "more than");
 * - behindTarget: paired members who took part (as host or observer) in fewer completed
 *   observations than `expectedByNow` — unpaired people cannot act on it, and notPaired reaches them;
 * - unreachable: the members the bot cannot write to. Nudging them is impossible, so the selection is
 *   `listOnly`: a list for the coordinator to contact them another way (asking them to install the
 *   app). Paused members are still left out of it, and `excluded.unreachable` is 0.
 */
export const segmentKinds = [
  'everyone',
  'notPaired',
  'nothingScheduled',
  'promptWaiting',
  'behindTarget',
  'unreachable',
] as const;

export type SegmentKind = (typeof segmentKinds)[number];

export type Segment =
  | { readonly kind: 'everyone' }
  | { readonly kind: 'notPaired' }
  | { readonly kind: 'nothingScheduled' }
  | { readonly kind: 'promptWaiting'; readonly days: number }
  | { readonly kind: 'behindTarget' }
  | { readonly kind: 'unreachable' };

export interface Selection {
  /** personIds who will get the nudge (or, when `listOnly`, whom the coordinator should contact) */
  readonly recipients: string[];
  /** people who match the segment but will not get it */
  readonly excluded: { readonly paused: number; readonly unreachable: number };
  /** true for the unreachable segment: a list to show, never a nudge to send */
  readonly listOnly: boolean;
}

/**
 * How many completed observations a person should have by now at an even pace: the target times
 * the share of the programme elapsed, rounded down. The programme runs from local midnight of its
 * first day to local midnight after its last, in its own time zone. Rounding down means nobody is
 * "behind" until a whole observation was due — not on the programme's second day.
 */
export function expectedByNow(
  programme: Pick<Programme, 'startDate' | 'endDate' | 'timeZone' | 'targetObservations'>,
  now: Date,
): number {
  const zone = programme.timeZone;
  const start = DateTime.fromISO(programme.startDate, { zone }).toMillis();
  const end = DateTime.fromISO(programme.endDate, { zone }).plus({ days: 1 }).toMillis();
  const elapsed = Math.min(Math.max((now.getTime() - start) / (end - start), 0), 1);
  // a tolerance so that a share landing exactly on a whole observation is not lost to rounding
  return Math.floor(programme.targetObservations * elapsed + 1e-9);
}

const day = 86_400_000;

function matcher(segment: Segment, facts: ProgrammeFacts, now: Date): (m: MemberFact) => boolean {
  switch (segment.kind) {
    case 'everyone':
      return () => true;
    case 'notPaired':
      return (m) => m.pairId === undefined;
    case 'nothingScheduled': {
      const scheduled = new Set(
        facts.observations
          .filter((o) => isUpcoming(o, now) || isCompleted(o, now))
          .flatMap((o) => o.memberIds),
      );
      return (m) => m.pairId !== undefined && !scheduled.has(m.personId);
    }
    case 'promptWaiting': {
      if (!Number.isFinite(segment.days) || segment.days < 0) {
        throw new RangeError(`promptWaiting needs a number of days ≥ 0, not ${segment.days}`);
      }
      const before = now.getTime() - segment.days * day;
      const waiting = new Set(
        facts.prompts
          .filter((p) => p.status === 'sent' && p.sentAt !== undefined && Date.parse(p.sentAt) < before)
          .map((p) => p.personId),
      );
      return (m) => waiting.has(m.personId);
    }
    case 'behindTarget': {
      const expected = expectedByNow(facts.programme, now);
      const done = completedByPerson(facts.observations, now);
      return (m) => m.pairId !== undefined && (done.get(m.personId) ?? 0) < expected;
    }
    case 'unreachable':
      return (m) => !m.reachable;
  }
}

/** the people a nudge to `segment` goes to, and how many matching people it cannot or may not reach */
export function selectSegment(segment: Segment, facts: ProgrammeFacts, now: Date): Selection {
  const matches = matcher(segment, facts, now);
  const listOnly = segment.kind === 'unreachable';
  const recipients: string[] = [];
  const seen = new Set<string>();
  let paused = 0;
  let unreachable = 0;
  for (const m of facts.members) {
    if (seen.has(m.personId) || !matches(m)) continue;
    seen.add(m.personId);
    if (m.paused) paused += 1;
    else if (!m.reachable && !listOnly) unreachable += 1;
    else recipients.push(m.personId);
  }
  return { recipients, excluded: { paused, unreachable }, listOnly };
}
