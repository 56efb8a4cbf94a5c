/**
 * Storage: the Cosmos DB requests of one complete observation cycle, by kind and by
 * who made them (inbound turns or scheduler ticks), the queries on the hot path, and what a scheduler
 * tick costs with a small and a large history of observations.
 *
 * Requests are counted at the wire, between the real @azure/cosmos SDK and the embedded Cosmos DB
 * server (bench/support/storage-proxy.ts). The cycle runs over real HTTP (bench/support/storage-cycle.ts);
 * the tick cost is measured on the whole app with its dispatch loop driven by hand
 * (bench/support/storage-ticks.ts).
 */
import { percentile, round, BenchContext, BenchRow, BenchSection, SectionResult } from '../types';
import { countOneCycle } from '../support/storage-cycle';
import { byKind, CountedRequest, distinctQueries } from '../support/storage-proxy';
import { measureTicks, TickCost } from '../support/storage-ticks';

const kinds = (r: readonly CountedRequest[]) => {
  const k = byKind(r);
  return `${r.length} (${k.read} point reads, ${k.write} writes, ${k.query} queries, ${k.metadata} SDK metadata)`;
};

interface TickFigures {
  readonly busyRequests: number;
  readonly busyMs: number;
  readonly emptyRequests: number;
  readonly emptyMs: number;
  readonly perBatch: number;
}

function tickFigures(cost: TickCost): TickFigures {
  const busy = cost.ticks.filter((t) => t.busy);
  const empty = cost.ticks.filter((t) => !t.busy);
  const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return {
    busyRequests: mean(busy.map((t) => t.requests.length)),
    busyMs: percentile(
      busy.map((t) => t.ms),
      50,
    ),
    emptyRequests: mean(empty.map((t) => t.requests.length)),
    emptyMs: percentile(
      empty.map((t) => t.ms),
      50,
    ),
    perBatch: mean(busy.map((t) => t.claimed)),
  };
}

export const storage: BenchSection = async (context: BenchContext): Promise<SectionResult> => {
  const { quick, progress } = context;
  const figures: Record<string, number> = {};
  const rows: BenchRow[] = [];
  const notes: string[] = [];

  // ---------------------------------------------------------------- one observation cycle
  const cycle = await countOneCycle();
  const all = cycle.requests;
  const inbound = all.filter((r) => r.phase.startsWith('inbound:'));
  const ticks = all.filter((r) => r.phase.startsWith('tick:'));
  const total = byKind(all);
  const hot = inbound.filter((r) => r.kind === 'query');
  const answering = inbound.filter((r) => r.phase.startsWith('inbound:prompt.answer'));
  progress(
    `one cycle: ${kinds(all)}; ${cycle.turns.length} inbound turns, ${cycle.ticks} ticks (${cycle.busyTicks} busy, ${cycle.jobs} jobs)`,
  );
  figures['storage.requests_per_cycle'] = all.length;
  figures['storage.reads_per_cycle'] = total.read;
  figures['storage.writes_per_cycle'] = total.write;
  figures['storage.queries_per_cycle'] = total.query;
  figures['storage.metadata_per_cycle'] = total.metadata;
  figures['storage.inbound_requests_per_cycle'] = inbound.length;
  figures['storage.tick_requests_per_cycle'] = ticks.length;
  figures['storage.hot_path_queries'] = hot.length;
  figures['storage.answer_path_queries'] = answering.filter((r) => r.kind === 'query').length;
  figures['storage.jobs_left_after_cycle'] = cycle.leftPending;
  rows.push(
    { section: 'storage', what: 'one observation cycle, all requests', value: kinds(all) },
    { section: 'storage', what: `  inbound turns (${cycle.turns.length})`, value: kinds(inbound) },
    {
      section: 'storage',
      what: `  scheduler ticks (${cycle.ticks}, ${cycle.busyTicks} busy, ${cycle.jobs} jobs)`,
      value: kinds(ticks),
    },
  );
  for (const turn of cycle.turns) {
    const r = all.filter((x) => x.phase === turn);
    rows.push({ section: 'storage', what: `    ${turn.replace(/^inbound:/, '')}`, value: kinds(r) });
  }
  rows.push({
    section: 'storage',
    what: 'queries while answering messages and cards (hot path)',
    value: `${hot.length}${hot.length ? ` (${[...new Set(hot.map((r) => r.phase.replace(/^inbound:/, '')))].join(', ')})` : ''}`,
    goal: '0',
    met: hot.length === 0,
  });
  const tickQueries = distinctQueries(ticks).map((q) => q.sql);
  const perTick = ticks.filter((r) => r.kind === 'query').length / Math.max(1, cycle.ticks);
  rows.push({
    section: 'storage',
    what: 'scheduler queries per tick',
    value: `${round(perTick)}: ${tickQueries.length === 1 ? 'the claim query on `schedule`' : tickQueries.join(' | ')}`,
  });
  notes.push(
    `the cycle: a "schedule" message, schedule.save, the before-prompts of both members (ticks), their answers, ` +
      `the after-prompts (tick), their answers and the summary, then a tick after every deadline (${cycle.leftPending} jobs left pending). ` +
      'Installs, programme and pairing are set-up and not counted. Requests are counted at the wire; an inbound ' +
      'turn owns everything until 50 ms after its HTTP response. Every query also costs the SDK a query-plan ' +
      'request first (counted as SDK metadata; no RU in Azure)',
    `the scheduler's only query, per tick: ${tickQueries.join(' | ')} — a cross-partition query on the ` +
      '`schedule` container, which holds pending jobs and their pointers only (finished jobs are deleted)',
  );
  for (const q of distinctQueries(inbound))
    notes.push(`hot-path query (${q.count}×): ${q.sql.replace(/\s+/g, ' ')}`);

  // ---------------------------------------------------------------- tick cost against history
  const [small, large] = quick ? [1_000, 10_000] : [1_000, 100_000];
  const costs: TickCost[] = [];
  for (const history of [small, large]) {
    const cost = await measureTicks(history);
    costs.push(cost);
    const f = tickFigures(cost);
    progress(
      `history ${history}: seeded in ${(cost.seedMs / 1000).toFixed(1)} s; busy tick ${round(f.busyRequests, 1)} requests, ` +
        `${f.busyMs.toFixed(0)} ms; empty tick ${round(f.emptyRequests, 1)} requests, ${f.emptyMs.toFixed(1)} ms`,
    );
  }
  const [a, b] = costs.map(tickFigures) as [TickFigures, TickFigures];
  for (const [cost, f] of [
    [costs[0]!, a],
    [costs[1]!, b],
  ] as const) {
    const key = `scheduler.h${cost.history}`;
    figures[`${key}.busy_tick_requests`] = round(f.busyRequests, 1);
    figures[`${key}.busy_tick_ms`] = round(f.busyMs, 1);
    figures[`${key}.empty_tick_requests`] = round(f.emptyRequests, 1);
    figures[`${key}.empty_tick_ms`] = round(f.emptyMs, 2);
    rows.push({
      section: 'storage',
      what: `scheduler tick, ${cost.history.toLocaleString('en')} observations stored`,
      value:
        `busy (${round(f.perBatch)} jobs): ${round(f.busyRequests, 1)} requests, ${f.busyMs.toFixed(0)} ms; ` +
        `empty: ${round(f.emptyRequests, 1)} requests, ${f.emptyMs.toFixed(1)} ms`,
    });
  }
  const ratio = (x: number, y: number) => (x > 0 ? y / x : 0);
  const requestRatio = Math.max(
    ratio(a.busyRequests, b.busyRequests),
    ratio(a.emptyRequests, b.emptyRequests),
  );
  const timeRatio = ratio(a.busyMs, b.busyMs);
  figures['scheduler.tick_cost_ratio'] = round(requestRatio, 3);
  figures['scheduler.tick_time_ratio'] = round(timeRatio, 3);
  figures['scheduler.empty_tick_time_ratio'] = round(ratio(a.emptyMs, b.emptyMs), 3);
  rows.push(
    {
      section: 'storage',
      what: `tick cost ratio (requests), ${large.toLocaleString('en')} ÷ ${small.toLocaleString('en')} observations`,
      value: requestRatio.toFixed(2),
      goal: '≤ 1.5',
      met: requestRatio <= 1.5,
    },
    {
      section: 'storage',
      what: `tick time ratio (busy ticks, median), ${large.toLocaleString('en')} ÷ ${small.toLocaleString('en')}`,
      value: `${timeRatio.toFixed(2)} (empty ticks ${ratio(a.emptyMs, b.emptyMs).toFixed(2)})`,
    },
  );
  notes.push(
    'tick cost: the history is finished observations written into `cycles` (ten per pair; their jobs done and ' +
      'deleted, as in real history), beside a fixed backlog of 160 due prompts (80 supervisors, test/support/fleet.ts). ' +
      'The app runs in this process with its loop off; busy ticks claim and send 32 prompts each (the first is a ' +
      'warm-up), then 5 empty ticks find nothing due. The ratio uses request counts (the larger of busy and empty ' +
      'ticks): time on the embedded server reflects its full scans and this process’s garbage collector, not Azure’s ' +
      'range index, so it is reported beside it but not used for the goal',
  );
  if (quick)
    notes.push(
      'quick form: 1,000 vs 10,000 stored observations (the full run uses 100,000; writing those takes ~20–40 s)',
    );
  return { figures, rows, notes };
};
