/** what every benchmark section is given */
export interface BenchContext {
  /** the short form: smaller sizes, fewer repetitions; the whole run stays under two minutes */
  readonly quick: boolean;
  /** progress lines for the person watching (not the results) */
  readonly progress: (line: string) => void;
}

/** one row of the printed table */
export interface BenchRow {
  readonly section: string;
  /** what was measured, e.g. "Peer Coach, concurrency 16" */
  readonly what: string;
  /** the figure as printed, with its unit, e.g. "812 /s" or "p99 38 ms" */
  readonly value: string;
  /** the goal, where the issue sets one, e.g. "≥ 0.5"; empty otherwise */
  readonly goal?: string;
  /** whether the goal was met (undefined: no goal) */
  readonly met?: boolean;
}

/** what a section reports: named figures for bench/results.json, and rows for the table */
export interface SectionResult {
  /** dotted names as the issue gives them, e.g. "inbound.ratio_to_floor" */
  readonly figures: Readonly<Record<string, number>>;
  readonly rows: readonly BenchRow[];
  /** anything a reader needs to interpret the figures (limits, causes of a missed goal) */
  readonly notes?: readonly string[];
}

export type BenchSection = (context: BenchContext) => Promise<SectionResult>;

/** percentile of a sample (nearest rank); 0 for an empty sample */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));
