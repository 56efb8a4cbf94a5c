import { Figure, isWithheld, minimumGroup, ProgrammeFigures } from './figures';
import { ProgrammeFacts, PromptFact } from './facts';

/**
 * Figures computed from what people answered are released in steps, so that comparing two reports
 * cannot single anyone out.
 *
 * The "fewer than 5" rule guards one report. Two reports compared are another matter: an average
 * over 5 hosts and then over 6 gives away the sixth rating (6 × new − 5 × old), and an average that
 * moves after one `delete my data` gives away the erased one. So a figure derived from answers:
 *
 * - changes only when at least `minimumGroup` new contributions, from at least `minimumGroup`
 *   different people, arrived since the shown value was computed; between steps the released value
 *   is shown, however often the report is read (a reading is never itself a channel);
 * - counts as new only what arrived after the latest contribution the shown value was computed over
 *   (its `through`), so an erasure neither counts as new nor moves the figure: it takes effect at
 *   the next step, mixed with at least five new contributions;
 * - is shown coarsely where one answer is a number: the safety rating is rounded to the nearest 0.5.
 *   Over five or more ratings a step of 0.5 spans a sum at least 2.5 wide, so even one report read
 *   alone never pins any single rating; a distribution over bands would need its own merging and
 *   would still move one band by one person between steps, where a single number does not.
 *
 * Arrival is judged by instants the facts already carry (answeredAt, or a prompt's expiry), not by
 * the ids of what was counted, so the stored record holds no trace of who answered: counting as new
 * only what is later than everything already counted errs on the side of waiting longer, never on
 * the side of releasing early (a contribution with no instant is included but never counted as new).
 *
 * Per figure (see figures.ts for what each computes):
 * - safety rating: contributions are the ratings given (answeredAt); rounded to 0.5.
 * - median time to respond: contributions are the answered prompts it is computed over
 *   (answeredAt); shown as computed — a median moves only to a neighbouring value, but one answer
 *   still moves it, so it steps too.
 * - response rate: contributions are prompts that reached an outcome, answered (answeredAt) or
 *   expired (expiresAt); one outcome moves the rate by one prompt, and the pair list shows whose
 *   prompt just closed, so without steps the rate would tell answered from let expire.
 * Counts of observations, people enrolled and the weekly chart are not derived from answers and are
 * shown as they are.
 */

export const steppedFigures = ['safetyRating', 'responseRate', 'medianHoursToRespond'] as const;
export type SteppedFigure = (typeof steppedFigures)[number];

/** a figure as last released to coordinators */
export interface ReleasedFigure {
  /** the value coordinators see, already coarsened; withheld until the first step */
  readonly shown: Figure;
  /** the instant of the facts it was computed from */
  readonly computedAt: string;
  /** the latest arrival among the contributions it was computed over: only later ones are new */
  readonly through?: string;
  /** how many contributions it was computed over */
  readonly contributions: number;
}

/**
 * A programme's released figures: one small document in the programme's partition, shared by every
 * bot instance and written under its ETag, so that all coordinators see the same step.
 */
export interface ReleasedFigures {
  readonly type: 'released-figures';
  /** `released-figures:<programmeId>` */
  readonly id: string;
  readonly programmeId: string;
  readonly figures: Readonly<Partial<Record<SteppedFigure, ReleasedFigure>>>;
  readonly updatedAt: string;
}

export function releasedFiguresId(programmeId: string): string {
  return `released-figures:${programmeId}`;
}

/** one answer (or outcome) a figure is computed from: whose, and when it arrived */
export interface Contribution {
  readonly personId: string;
  readonly at?: string;
}

const arrival = (p: PromptFact, at: string | undefined): Contribution => ({ personId: p.personId, at });

/** what each stepped figure is computed from; the same selections as computeFigures */
export function contributionsOf(facts: ProgrammeFacts): Record<SteppedFigure, Contribution[]> {
  const prompts = facts.prompts;
  return {
    safetyRating: prompts
      .filter((p) => typeof p.safetyRating === 'number')
      .map((p) => arrival(p, p.answeredAt)),
    medianHoursToRespond: prompts
      .filter((p) => p.status === 'answered' && p.sentAt !== undefined && p.answeredAt !== undefined)
      .map((p) => arrival(p, p.answeredAt)),
    responseRate: prompts
      .filter((p) => p.status === 'answered' || p.status === 'expired')
      .map((p) => arrival(p, p.status === 'answered' ? p.answeredAt : p.expiresAt)),
  };
}

/** the safety rating to the nearest half point; the others as computed */
const coarsen: Record<SteppedFigure, (n: number) => number> = {
  safetyRating: (n) => Math.round(n * 2) / 2,
  responseRate: (n) => n,
  medianHoursToRespond: (n) => n,
};

/** the figure's next release, or undefined when no step is due */
function step(
  name: SteppedFigure,
  current: Figure,
  contributions: readonly Contribution[],
  released: ReleasedFigure | undefined,
  now: Date,
): ReleasedFigure | undefined {
  if (isWithheld(current)) return undefined;
  const since = released?.through;
  const fresh = contributions.filter((c) => c.at !== undefined && (since === undefined || c.at > since));
  if (fresh.length < minimumGroup || new Set(fresh.map((c) => c.personId)).size < minimumGroup)
    return undefined;
  const latest = contributions.reduce<string | undefined>(
    (max, c) => (c.at !== undefined && (max === undefined || c.at > max) ? c.at : max),
    undefined,
  );
  return {
    shown: { value: coarsen[name](current.value) },
    computedAt: now.toISOString(),
    through: latest,
    contributions: contributions.length,
  };
}

/**
 * The record to store after this reading, or undefined when no figure takes a step (nothing to
 * write). Pure in `current`, so it can run under `mutate`'s retries.
 */
export function nextRelease(
  figures: ProgrammeFigures,
  facts: ProgrammeFacts,
  current: ReleasedFigures | undefined,
  now: Date,
): ReleasedFigures | undefined {
  const contributions = contributionsOf(facts);
  const stepped: Partial<Record<SteppedFigure, ReleasedFigure>> = {};
  for (const name of steppedFigures) {
    const next = step(name, figures[name], contributions[name], current?.figures[name], now);
    if (next) stepped[name] = next;
  }
  if (Object.keys(stepped).length === 0) return undefined;
  const programmeId = facts.programme.id;
  return {
    type: 'released-figures',
    id: releasedFiguresId(programmeId),
    programmeId,
    figures: { ...current?.figures, ...stepped },
    updatedAt: now.toISOString(),
  };
}

/** the figures as coordinators see them: each stepped figure as last released, withheld before its first step */
export function shownFigures(
  figures: ProgrammeFigures,
  released: ReleasedFigures | undefined,
): ProgrammeFigures {
  const shown = (name: SteppedFigure): Figure => released?.figures[name]?.shown ?? { withheld: true };
  return {
    ...figures,
    safetyRating: shown('safetyRating'),
    responseRate: shown('responseRate'),
    medianHoursToRespond: shown('medianHoursToRespond'),
  };
}
