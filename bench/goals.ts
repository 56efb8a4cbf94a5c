/** the benchmark's goals, checked against the figures of a run */
export interface Goal {
  readonly text: string;
  /** the figures it needs; a goal whose figures were not measured (an --only run) is skipped */
  readonly figures: readonly string[];
  readonly met: (f: Readonly<Record<string, number>>) => boolean;
}

const v = (f: Readonly<Record<string, number>>, name: string) => f[name] ?? Number.NaN;

export const goals: readonly Goal[] = [
  {
    text: 'inbound.ratio_to_floor ≥ 0.5',
    figures: ['inbound.ratio_to_floor'],
    met: (f) => v(f, 'inbound.ratio_to_floor') >= 0.5,
  },
  { text: 'inbound.p99_ms ≤ 50', figures: ['inbound.p99_ms'], met: (f) => v(f, 'inbound.p99_ms') <= 50 },
  {
    text: 'inbound.round_trips ≤ 3 (store round trips on a plain answer’s critical path)',
    figures: ['inbound.round_trips'],
    met: (f) => v(f, 'inbound.round_trips') <= 3,
  },
  {
    text: 'inbound.summary_round_trips ≤ 5',
    figures: ['inbound.summary_round_trips'],
    met: (f) => v(f, 'inbound.summary_round_trips') <= 5,
  },
  {
    text: 'inbound.p50_ms_at_10ms_store ≤ 60',
    figures: ['inbound.p50_ms_at_10ms_store'],
    met: (f) => v(f, 'inbound.p50_ms_at_10ms_store') <= 60,
  },
  {
    text: 'dispatch.ratio_to_allowed ≥ 0.9',
    figures: ['dispatch.ratio_to_allowed'],
    met: (f) => v(f, 'dispatch.ratio_to_allowed') >= 0.9,
  },
  {
    text: 'dispatch.throttled_share < 0.01',
    figures: ['dispatch.throttled_share'],
    met: (f) => v(f, 'dispatch.throttled_share') < 0.01,
  },
  {
    text: 'dispatch.lost = 0 and dispatch.duplicates = 0',
    figures: ['dispatch.lost', 'dispatch.duplicates'],
    met: (f) => v(f, 'dispatch.lost') === 0 && v(f, 'dispatch.duplicates') === 0,
  },
  {
    text: 'storage.hot_path_queries = 0',
    figures: ['storage.hot_path_queries'],
    met: (f) => v(f, 'storage.hot_path_queries') === 0,
  },
  {
    text: 'scheduler.tick_cost_ratio ≤ 1.5',
    figures: ['scheduler.tick_cost_ratio'],
    met: (f) => v(f, 'scheduler.tick_cost_ratio') <= 1.5,
  },
  {
    text: 'memory.peak_rss_mb ≤ 200',
    figures: ['memory.peak_rss_mb'],
    met: (f) => v(f, 'memory.peak_rss_mb') <= 200,
  },
  {
    text: 'scaleout.duplicates = 0',
    figures: ['scaleout.duplicates'],
    met: (f) => v(f, 'scaleout.duplicates') === 0,
  },
  {
    text: 'three processes together at least as fast as one (scaleout.speedup ≥ 1)',
    figures: ['scaleout.speedup'],
    met: (f) => v(f, 'scaleout.speedup') >= 1,
  },
];
