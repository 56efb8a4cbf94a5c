/**
 * Felt latency: card answers one at a time to a bot whose every store request passes through a
 * CountingProxy that holds it back a fixed time, as a store in the same Azure region (~2 ms) or a
 * distant one (~10 ms) would. At concurrency 1, with the bot's dispatch loop off, every request the
 * store sees while an answer is under way is that answer's; its critical path is the number of
 * requests that had to wait for an earlier one (storage-proxy.ts, `roundTrips`).
 *
 * Two kinds of answer are told apart: a plain one, and the one that completes a summary (the last
 * after-prompt of an observation to be answered, which writes the summary and sends it).
 */
import { LocalConnector } from '../../test/support/local-connector';
import { BenchRow, percentile, round } from '../types';
import { Reply, runLoad, Submission } from './answering-load';
import { CountingProxy, roundTrips, sequence } from './storage-proxy';

/** how far away the store is put, ms per request */
export const storeDelays = [2, 10] as const;

/** after an answer, how long the store is watched for requests the turn left running */
const settleMs = 20;

export interface FeltAnswer {
  /** from sending the invoke to its answer */
  readonly ms: number;
  /** store requests on the critical path */
  readonly roundTrips: number;
  readonly requests: number;
  /** store requests that started after the answer (work the turn left running) */
  readonly late: number;
  /** activities the connector received meanwhile (a summary sends one to each member) */
  readonly sent: number;
  /** its requests by depth (storage-proxy.ts, `sequence`) */
  readonly sequence: string;
}

export interface FeltRun {
  readonly delayMs: number;
  readonly plain: readonly FeltAnswer[];
  readonly summary: readonly FeltAnswer[];
  readonly errors: number;
  readonly problems: readonly string[];
}

/** prompt:<observation>:<kind>:<person> (src/domain/cycle/prompt.ts) */
const parts = (promptId: string) => {
  const [, observation, kind] = promptId.split(':');
  return { observation: observation ?? '', after: kind === 'afterHost' || kind === 'afterObserver' };
};

/**
 * Which answers complete a summary, as answers go in: an after-prompt is the last of its
 * observation once every other after-prompt of it has been answered
 */
export class SummaryTracker {
  private readonly afterPrompts = new Map<string, string[]>();
  private readonly answered = new Set<string>();

  constructor(all: readonly Submission[]) {
    for (const { promptId } of all) {
      if (!promptId || !parts(promptId).after) continue;
      const { observation } = parts(promptId);
      this.afterPrompts.set(observation, [...(this.afterPrompts.get(observation) ?? []), promptId]);
    }
  }

  answer(submissions: readonly Submission[]): void {
    for (const s of submissions) if (s.promptId) this.answered.add(s.promptId);
  }

  completesSummary(promptId: string): boolean {
    const { observation, after } = parts(promptId);
    return (
      after &&
      !this.answered.has(promptId) &&
      (this.afterPrompts.get(observation) ?? []).every((id) => id === promptId || this.answered.has(id))
    );
  }

  /**
   * From `pool`, in its order, `plain` answers that complete nothing and `summary` answers that
   * complete a summary, as they would be answered one after another; what is left over stays in the
   * pool. Throws if the pool holds too few.
   */
  pick(pool: Submission[], plain: number, summary: number): { submission: Submission; summary: boolean }[] {
    const picked: { submission: Submission; summary: boolean }[] = [];
    const want = { plain, summary };
    for (let i = 0; i < pool.length && want.plain + want.summary > 0;) {
      const submission = pool[i]!;
      const completes = this.completesSummary(submission.promptId ?? '');
      const key = completes ? 'summary' : 'plain';
      if (want[key] === 0) {
        i++;
        continue;
      }
      want[key]--;
      picked.push({ submission, summary: completes });
      this.answer([submission]);
      pool.splice(i, 1);
    }
    if (want.plain + want.summary > 0)
      throw new Error(`too few open prompts: ${want.plain} plain and ${want.summary} summary answers short`);
    return picked;
  }
}

/** answers each submission in turn through `bot`, whose store is behind `proxy`, `delayMs` away */
export async function feltRun(options: {
  readonly url: string;
  readonly proxy: CountingProxy;
  readonly connector: LocalConnector;
  readonly delayMs: number;
  readonly picked: readonly { submission: Submission; summary: boolean }[];
  readonly accept: (reply: Reply) => string | undefined;
}): Promise<FeltRun> {
  const { url, proxy, connector, delayMs, picked, accept } = options;
  proxy.delayMs = delayMs;
  proxy.reset();
  const sentBefore: number[] = [];
  const sent: number[] = [];
  const result = await runLoad({
    url,
    submissions: picked.map((p) => p.submission),
    concurrency: 1,
    accept,
    around: {
      before: (i) => {
        sentBefore[i] = connector.sent.length;
        proxy.phase = `answer:${i}`;
      },
      after: async (i) => {
        proxy.phase = `late:${i}`;
        await new Promise((resolve) => setTimeout(resolve, settleMs));
        sent[i] = connector.sent.length - sentBefore[i]!;
        proxy.phase = 'between';
      },
    },
  });
  const answers = picked.map((p, i) => {
    const requests = proxy.where((phase) => phase === `answer:${i}`);
    return {
      summary: p.summary,
      answer: {
        ms: result.latencies[i]!,
        roundTrips: roundTrips(requests),
        requests: requests.length,
        late: proxy.where((phase) => phase === `late:${i}`).length,
        sent: sent[i] ?? 0,
        sequence: sequence(requests),
      },
    };
  });
  proxy.delayMs = 0;
  return {
    delayMs,
    plain: answers.filter((a) => !a.summary).map((a) => a.answer),
    summary: answers.filter((a) => a.summary).map((a) => a.answer),
    errors: result.errors,
    problems: result.problems,
  };
}

/** the median of a figure over some answers */
export const median = (answers: readonly FeltAnswer[], figure: (a: FeltAnswer) => number): number =>
  percentile(answers.map(figure), 50);

/** the felt-latency figures, rows and notes of the answering section */
export function feltReport(runs: readonly FeltRun[]): {
  figures: Record<string, number>;
  rows: BenchRow[];
  notes: string[];
} {
  const figures: Record<string, number> = {};
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const all = (kind: 'plain' | 'summary') => runs.flatMap((r) => r[kind]);
  const trips = median(all('plain'), (a) => a.roundTrips);
  const summaryTrips = median(all('summary'), (a) => a.roundTrips);
  figures['inbound.round_trips'] = trips;
  figures['inbound.summary_round_trips'] = summaryTrips;
  for (const run of runs) {
    const at = `at_${run.delayMs}ms_store`;
    const [p50, p99] = [50, 99].map((p) =>
      percentile(
        run.plain.map((a) => a.ms),
        p,
      ),
    ) as [number, number];
    const [s50, s99] = [50, 99].map((p) =>
      percentile(
        run.summary.map((a) => a.ms),
        p,
      ),
    ) as [number, number];
    figures[`inbound.p50_ms_${at}`] = round(p50);
    figures[`inbound.p99_ms_${at}`] = round(p99);
    figures[`inbound.summary_p50_ms_${at}`] = round(s50);
    figures[`inbound.summary_p99_ms_${at}`] = round(s99);
    rows.push({
      section: 'answering',
      what: `one at a time, store ${run.delayMs} ms away: plain answer (${run.plain.length})`,
      value: `p50/p99 ${p50.toFixed(1)}/${p99.toFixed(1)} ms`,
      ...(run.delayMs === 10 ? { goal: 'p50 ≤ 60 ms', met: p50 <= 60 } : {}),
    });
    rows.push({
      section: 'answering',
      what: `one at a time, store ${run.delayMs} ms away: answer completing a summary (${run.summary.length})`,
      value: `p50/p99 ${s50.toFixed(1)}/${s99.toFixed(1)} ms`,
    });
    if (run.errors > 0)
      notes.push(`store ${run.delayMs} ms away: ${run.errors} errors, e.g. ${run.problems[0]}`);
  }
  const requests = (kind: 'plain' | 'summary') => median(all(kind), (a) => a.requests);
  rows.push(
    {
      section: 'answering',
      what: 'store round trips on the critical path, plain answer (median)',
      value: `${trips} (of ${requests('plain')} requests)`,
      goal: '≤ 3',
      met: trips <= 3,
    },
    {
      section: 'answering',
      what: 'store round trips on the critical path, answer completing a summary (median)',
      value: `${summaryTrips} (of ${requests('summary')} requests)`,
      goal: '≤ 5',
      met: summaryTrips <= 5,
    },
  );
  notes.push(
    'felt latency: a second Peer Coach process with its dispatch loop off (so no scheduler tick shares an ' +
      "answer's window) answers one card at a time, every store request held back a fixed time by a proxy " +
      `(${storeDelays.join(' and ')} ms: the same Azure region, a distant one). A request's depth is 1 + the largest ` +
      'depth among the same answer’s requests that had completed before it started; the round trips on the ' +
      'critical path are the largest depth, each costing at least the delay. A plain answer completes nothing; ' +
      'the other is the last after-answer of an observation, which writes the summary and sends it to each member',
  );
  // one of each, as long as the median: what a reader trying to shorten the path wants to see
  for (const [kind, answers, typicalTrips] of [
    ['a plain answer', all('plain'), trips],
    ['an answer completing a summary', all('summary'), summaryTrips],
  ] as const) {
    const typical = answers.find((a) => a.roundTrips === typicalTrips);
    if (typical) notes.push(`the store requests of ${kind}, by depth: ${typical.sequence}`);
  }
  const summaries = all('summary');
  const sentNow = summaries.filter((a) => a.sent > 0).length;
  if (sentNow < summaries.length)
    notes.push(
      `${summaries.length - sentNow} of ${summaries.length} summaries were not sent during the answer ` +
        '(quiet hours in Stockholm: deferred as jobs), which changes their round trips',
    );
  const late = runs.flatMap((r) => [...r.plain, ...r.summary]).reduce((n, a) => n + a.late, 0);
  if (late > 0)
    notes.push(`${late} store requests came after an answer's reply (work the turn left running)`);
  return { figures, rows, notes };
}
