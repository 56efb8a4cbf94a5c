import { csvText, generatedAt } from '../report/csv';

/** the evaluation file's own words, in the language of the coordinator who exports it */
export interface ResultsCsvLabels {
  /** the first line: what the file holds, and what it never holds */
  readonly notice: string;
  readonly programme: string;
  readonly generated: string;
  readonly distributionColumns: readonly string[];
  readonly changeColumns: readonly string[];
  readonly overallColumns: readonly string[];
  readonly comment: string;
}

export interface ResultsCsvInput {
  readonly labels: ResultsCsvLabels;
  readonly programmeName: string;
  readonly generatedAt: Date;
  readonly timeZone: string;
  /** per statement and phase: how many chose 1…5 and the median, or "fewer than 5" throughout */
  readonly distributions: readonly (readonly string[])[];
  /** per statement: the change as released, e.g. "the same or lower", and how many */
  readonly changes: readonly (readonly string[])[];
  /** per overall question and point of its scale: how many */
  readonly overall: readonly (readonly string[])[];
  /** the comments as released (five or more, shuffled), or none */
  readonly comments: readonly string[];
}

/**
 * The evaluation's release as one CSV file, laid out like the report's export: an about block
 * (`#` lines: what it is, the programme, when made), then the distributions, the change, the overall
 * ratings and the comments, each under its header row with an empty line between. It holds only
 * what the card shows: figures over five or more, and the comments when released — no names, ids
 * or dates of anyone's answer.
 */
export function resultsCsv(input: ResultsCsvInput): string {
  const { labels } = input;
  return csvText([
    [`# ${labels.notice}`],
    [`# ${labels.programme}: ${input.programmeName}`],
    [`# ${labels.generated}: ${generatedAt(input.generatedAt, input.timeZone)}`],
    [],
    [...labels.distributionColumns],
    ...input.distributions,
    [],
    [...labels.changeColumns],
    ...input.changes,
    [],
    [...labels.overallColumns],
    ...input.overall,
    ...(input.comments.length ? [[], [labels.comment], ...input.comments.map((c) => [c])] : []),
  ]);
}
