/**
 * Answering: card submissions — `prompt.answer` Action.Execute invokes, the most
 * common heavy turn — sent through real HTTP to a real Peer Coach process at concurrency 1, 16 and
 * 64, beside a bare botbuilder echo bot on the same restify server and CloudAdapter set-up (the
 * framework's floor), in the same run.
 *
 * Processes: the embedded Cosmos DB server runs in a child of its own (bench/support/answering-store.ts),
 * as Azure Cosmos DB would be remote; each bot runs in a child (scripts/fleet-bot.ts, and
 * bench/support/answering-echo-bot.ts); this process is the load generator and the Bot Connector.
 * The backlog (supervisors, pairs, an observation per pair, its prompts long due) is seeded through
 * the domain services by test/support/fleet.ts, and the bot's own scheduler sends every prompt card
 * before measuring starts; each measured submission answers a different, open prompt.
 *
 * Felt latency (bench/support/answering-felt.ts): then a second Peer Coach process, its dispatch loop
 * off and its store behind a CountingProxy that delays every request, answers one card at a time.
 *
 * BENCH_PROFILE=1 starts both bots with `--cpu-prof` (profiles in bench/profiles/).
 */
import { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Fleet, FleetBot } from '../../test/support/fleet';
import { feltReport, FeltRun, feltRun, storeDelays, SummaryTracker } from '../support/answering-felt';
import { LoadResult, Reply, runLoad, Submission } from '../support/answering-load';
import { promptSubmissions } from '../support/answering-prompts';
import { startChild } from '../support/dispatch-run';
import { CountingProxy } from '../support/storage-proxy';
import { BenchContext, BenchRow, BenchSection, percentile, round, SectionResult } from '../types';

const concurrencies = [1, 16, 64] as const;
const profileDir = path.resolve(__dirname, '../profiles');

interface Sizes {
  /** submissions per bot before measuring (JIT, connection pools, caches) */
  readonly warmup: number;
  /** measured submissions per concurrency */
  readonly measured: Readonly<Record<(typeof concurrencies)[number], number>>;
  /** felt latency: answers before measuring, then plain and summary-completing answers per store delay */
  readonly felt: { readonly warmup: number; readonly plain: number; readonly summary: number };
}

const sizes = (quick: boolean): Sizes =>
  quick
    ? { warmup: 100, measured: { 1: 60, 16: 300, 64: 300 }, felt: { warmup: 20, plain: 30, summary: 12 } }
    : { warmup: 200, measured: { 1: 200, 16: 800, 64: 800 }, felt: { warmup: 40, plain: 100, summary: 40 } };

/**
 * prompts the felt-latency runs take their answers from: twice what they answer. Most of the
 * after-prompts left by then complete a summary (their partner's was answered before), and answering
 * one plainly makes its partner's complete one
 */
const feltPool = (felt: Sizes['felt']) => felt.warmup + 2 * storeDelays.length * (felt.plain + felt.summary);

type Counts = Record<string, number>;

/** the store process's request counts so far, by kind (read, write, delete, query, metadata) */
function storeCounts(store: ChildProcess): Promise<Counts> {
  return new Promise((resolve) => {
    const onMessage = (m: { counts?: Counts }) => {
      if (!m.counts) return;
      store.off('message', onMessage);
      resolve({ ...m.counts });
    };
    store.on('message', onMessage);
    store.send({ count: true });
  });
}

/** CPU time a process has used so far, in ms (Linux /proc; NaN elsewhere) */
function cpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // after the command name in parentheses: state is field 3, utime 14 and stime 15 (clock ticks)
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** SIGTERM, then wait: a bot started with --cpu-prof writes its profile on a clean exit */
async function stop(proc: ChildProcess | undefined): Promise<void> {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

const ours = (reply: Reply): string | undefined => {
  if (reply.status !== 200) return `status ${reply.status}: ${reply.body.slice(0, 200)}`;
  if (
    !reply.body.includes('application/vnd.microsoft.card.adaptive') ||
    !reply.body.includes('Thank you — saved')
  )
    return `not the saved card: ${reply.body.slice(0, 200)}`;
  return undefined;
};

const floor = (reply: Reply): string | undefined => {
  if (reply.status !== 200) return `status ${reply.status}: ${reply.body.slice(0, 200)}`;
  if (!reply.body.includes('"echo"')) return `not the echo card: ${reply.body.slice(0, 200)}`;
  return undefined;
};

interface Measured {
  readonly bot: 'peer_coach' | 'floor';
  readonly concurrency: number;
  readonly result: LoadResult;
  /** CPU ms the bot process used per submission, and the store process (Peer Coach only) */
  readonly botCpuMs: number;
  readonly storeCpuMs?: number;
}

/** runs one load and measures the CPU the bot (and the store) used for it */
async function measured(
  bot: Measured['bot'],
  pid: number | undefined,
  storePid: number | undefined,
  load: () => Promise<LoadResult>,
): Promise<Omit<Measured, 'concurrency'>> {
  const [bot0, store0] = [cpuMs(pid), cpuMs(storePid)];
  const result = await load();
  const n = result.latencies.length || 1;
  return {
    bot,
    result,
    botCpuMs: (cpuMs(pid) - bot0) / n,
    storeCpuMs: storePid === undefined ? undefined : (cpuMs(storePid) - store0) / n,
  };
}

export const answering: BenchSection = async (context: BenchContext): Promise<SectionResult> => {
  const { quick, progress } = context;
  const size = sizes(quick);
  const needed = size.warmup + concurrencies.reduce((n, c) => n + size.measured[c], 0) + feltPool(size.felt);
  const profile = process.env.BENCH_PROFILE === '1';
  const profArgs = (name: string) =>
    profile
      ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`]
      : [];

  let store: ChildProcess | undefined;
  let echo: ChildProcess | undefined;
  let fleet: Fleet | undefined;
  let bot: FleetBot | undefined;
  let proxy: CountingProxy | undefined;
  try {
    const started = await startChild(path.resolve(__dirname, '../support/answering-store.ts'), {});
    store = started.proc;
    const storeEndpoint = String(started.message.endpoint);
    // each supervisor is due two prompts; many tenants, so Teams' per-tenant rate does not hold up the sending
    const supervisors = Math.ceil(needed / 2) + 2;
    let t0 = Date.now();
    fleet = await Fleet.start({
      supervisors,
      tenants: Math.ceil(supervisors / 20),
      leaseMs: 60_000,
      storeEndpoint,
      botExecArgv: profArgs('peer-coach'),
      botEnv: { LOG_LEVEL: 'info' },
    });
    progress(
      `seeded ${supervisors} supervisors, ${fleet.expected.size} due prompts in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    t0 = Date.now();
    bot = await fleet.spawn('peer-coach');
    await fleet.drained(120_000);
    progress(`the bot sent every prompt card in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const submissions = promptSubmissions(fleet);
    if (submissions.length < needed)
      throw new Error(`only ${submissions.length} answerable prompts for ${needed} submissions`);

    const echoStarted = await startChild(
      path.resolve(__dirname, '../support/answering-echo-bot.ts'),
      // the same tenant check as the bot's, admitting the same tenants
      { ALLOWED_TENANT_IDS: [...new Set(fleet.supervisors.map((s) => s.tenantId))].join(',') },
      undefined,
      profArgs('floor'),
    );
    echo = echoStarted.proc;
    const echoUrl = String(echoStarted.message.url);

    let next = 0;
    const take = (n: number): Submission[] => submissions.slice(next, (next += n));
    // the floor answers the same requests; it keeps nothing, so any of them will do
    const floorBodies = (n: number): Submission[] =>
      Array.from({ length: n }, (_, i) => submissions[i % submissions.length]!);

    const warmOurs = await runLoad({
      url: bot.url,
      submissions: take(size.warmup),
      concurrency: 16,
      accept: ours,
    });
    const warmFloor = await runLoad({
      url: echoUrl,
      submissions: floorBodies(size.warmup * 2),
      concurrency: 16,
      accept: floor,
    });
    progress(`warmed up (${warmOurs.errors + warmFloor.errors} errors)`);

    const runs: Measured[] = [];
    const storeWork: Counts = {};
    const url = bot.url;
    const pid = bot.pid;
    for (const c of concurrencies) {
      const n = size.measured[c];
      const before = await storeCounts(store);
      const a = await measured('peer_coach', pid, store.pid, () =>
        runLoad({ url, submissions: take(n), concurrency: c, accept: ours }),
      );
      const after = await storeCounts(store);
      for (const [kind, count] of Object.entries(after))
        storeWork[kind] = (storeWork[kind] ?? 0) + count - (before[kind] ?? 0);
      runs.push({ ...a, concurrency: c });
      // the floor is far quicker: more requests, so that it too runs for a measurable while
      const b = await measured('floor', echo.pid, undefined, () =>
        runLoad({ url: echoUrl, submissions: floorBodies(n * 3), concurrency: c, accept: floor }),
      );
      runs.push({ ...b, concurrency: c });
      const line = (m: Omit<Measured, 'concurrency'>) =>
        `${m.result.perSecond.toFixed(0)} /s p99 ${percentile(m.result.latencies, 99).toFixed(1)} ms, ` +
        `${m.botCpuMs.toFixed(2)} CPU ms each (${m.result.errors} errors)`;
      progress(`c${c}: Peer Coach ${line(a)}; floor ${line(b)}`);
    }

    // felt latency: the first bot stops (its ticks would share the store); a second, loop off, answers
    await fleet.stop(bot);
    proxy = new CountingProxy(storeEndpoint);
    await proxy.start();
    const felt = await fleet.spawn('peer-coach-felt', {
      COSMOS_ENDPOINT: proxy.url,
      FLEET_DISPATCH_LOOP: 'off',
    });
    const tracker = new SummaryTracker(submissions);
    tracker.answer(submissions.slice(0, next));
    const pool = submissions.slice(next);
    const feltWarm = await runLoad({
      url: felt.url,
      submissions: tracker.pick(pool, size.felt.warmup, 0).map((p) => p.submission),
      concurrency: 1,
      accept: ours,
    });
    progress(`felt latency: warmed up a second bot, its loop off (${feltWarm.errors} errors)`);
    const feltRuns: FeltRun[] = [];
    for (const delayMs of storeDelays) {
      const run = await feltRun({
        url: felt.url,
        proxy,
        connector: fleet.connector,
        delayMs,
        picked: tracker.pick(pool, size.felt.plain, size.felt.summary),
        accept: ours,
      });
      feltRuns.push(run);
      const p50 = (answers: FeltRun['plain']) =>
        percentile(
          answers.map((a) => a.ms),
          50,
        ).toFixed(1);
      progress(
        `store ${delayMs} ms away: plain answer p50 ${p50(run.plain)} ms, summary p50 ${p50(run.summary)} ms ` +
          `(${run.errors} errors)`,
      );
    }
    const result = report(runs, storeWork, profile);
    const f = feltReport(feltRuns);
    return {
      figures: { ...result.figures, ...f.figures },
      rows: [...result.rows, ...f.rows],
      notes: [...(result.notes ?? []), ...f.notes],
    };
  } finally {
    await stop(echo);
    if (bot && profile) await fleet?.stop(bot);
    await fleet?.close();
    await proxy?.stop();
    await stop(store);
  }
};

function report(runs: readonly Measured[], storeWork: Counts, profile: boolean): SectionResult {
  const figures: Record<string, number> = {};
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const answered = runs
    .filter((m) => m.bot === 'peer_coach')
    .reduce((n, m) => n + m.result.latencies.length, 0);
  const perSubmission = (kind?: string) =>
    answered > 0
      ? (kind ? (storeWork[kind] ?? 0) : Object.values(storeWork).reduce((a, b) => a + b, 0)) / answered
      : 0;
  figures['inbound.store_requests_per_submission'] = round(perSubmission(), 1);
  const label = { peer_coach: 'Peer Coach', floor: 'floor (echo bot)' } as const;
  for (const m of runs) {
    const { bot, concurrency: c, result: r } = m;
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(r.latencies, p));
    const key = `inbound.${bot}.c${c}`;
    figures[`${key}.per_s`] = round(r.perSecond, 1);
    figures[`${key}.p50_ms`] = round(p50!);
    figures[`${key}.p95_ms`] = round(p95!);
    figures[`${key}.p99_ms`] = round(p99!);
    figures[`${key}.errors`] = r.errors;
    figures[`${key}.cpu_ms_per_submission`] = round(m.botCpuMs, 2);
    rows.push({
      section: 'answering',
      what: `${label[bot]}, concurrency ${c}`,
      value:
        `${r.perSecond.toFixed(0)} /s, p50/p95/p99 ${p50!.toFixed(1)}/${p95!.toFixed(1)}/${p99!.toFixed(1)} ms` +
        `, ${m.botCpuMs.toFixed(2)} CPU ms each` +
        (r.errors > 0 ? `, ${r.errors} errors` : ''),
    });
    if (r.errors > 0)
      notes.push(`${label[bot]} at concurrency ${c}: ${r.errors} errors, e.g. ${r.problems[0]}`);
  }
  const run16 = (bot: Measured['bot']) => runs.find((m) => m.bot === bot && m.concurrency === 16)!;
  const at16 = (bot: Measured['bot']) => run16(bot).result;
  const ratio = at16('floor').perSecond > 0 ? at16('peer_coach').perSecond / at16('floor').perSecond : 0;
  const p99 = percentile(at16('peer_coach').latencies, 99);
  const [oursCpu, floorCpu, storeCpu] = [
    run16('peer_coach').botCpuMs,
    run16('floor').botCpuMs,
    run16('peer_coach').storeCpuMs ?? Number.NaN,
  ];
  figures['inbound.ratio_to_floor'] = round(ratio, 3);
  figures['inbound.p99_ms'] = round(p99);
  figures['inbound.errors'] = runs.reduce((n, m) => n + m.result.errors, 0);
  rows.push({
    section: 'answering',
    what: 'Peer Coach ÷ floor, throughput at concurrency 16',
    value: ratio.toFixed(2),
    goal: '≥ 0.5',
    met: ratio >= 0.5,
  });
  rows.push({
    section: 'answering',
    what: 'Peer Coach p99 at concurrency 16',
    value: `${p99.toFixed(1)} ms`,
    goal: '≤ 50 ms',
    met: p99 <= 50,
  });
  notes.push(
    'each bot runs in its own process; the embedded Cosmos DB server in another (as a remote Azure Cosmos DB ' +
      'would be); this process sends the load (closed loop, kept-alive connections) and plays the Bot Connector. ' +
      'Every measured Peer Coach submission answers a different open prompt (before- and after-prompts of both ' +
      'members, shuffled); the floor is a bare botbuilder bot on the same server and adapter set-up that posts ' +
      'one message and returns a small card',
  );
  notes.push(
    `Cosmos DB requests per Peer Coach submission: ${perSubmission().toFixed(1)} (` +
      Object.keys(storeWork)
        .sort()
        .map((k) => `${k} ${perSubmission(k).toFixed(1)}`)
        .join(', ') +
      "; includes the scheduler's idle ticks)",
  );
  notes.push(
    `CPU per submission at concurrency 16: Peer Coach's process ${oursCpu.toFixed(2)} ms, the floor's ` +
      `${floorCpu.toFixed(2)} ms (×${(oursCpu / floorCpu).toFixed(1)}); the store's process ${storeCpu.toFixed(2)} ms ` +
      'for each Peer Coach submission. Each bot is a single event loop, so its throughput is about ' +
      '1000 ÷ its CPU ms per submission; in a closed loop of 16 the latency is about 16 ÷ throughput, ' +
      'so p99 ≤ 50 ms needs well over 320 submissions a second',
  );
  const floorP99 = percentile(at16('floor').latencies, 99);
  if (floorP99 > 50)
    notes.push(
      `the floor itself had a p99 of ${floorP99.toFixed(0)} ms at concurrency 16: the tail reflects this ` +
        'machine (two cores shared by the bot, the store, the load generator and anything else running) ' +
        'as much as the bot',
    );
  if (ratio < 0.5 || p99 > 50)
    notes.push(
      'why the goals are missed: the bot process is CPU-bound (the store process is not), and the difference ' +
        `from the floor is the turn's own work: ${perSubmission().toFixed(0)} Cosmos DB requests through the ` +
        '@azure/cosmos SDK (in the CPU profile the SDK, its HTTP pipeline and the socket writes of its ' +
        'headers are the largest part; a separate loop of point reads costs about 0.13–0.18 ms of client ' +
        'CPU each on this machine), against one connector call for the floor; then rendering the card ' +
        '(luxon, templating) and garbage collection. The per-submission requests are one person read (every ' +
        'turn), the prompt, its observation, pair and programme, and the answer written under its ETag (the ' +
        "reminder and expiry jobs are left to find it answered later); a host's before-answer refreshes the " +
        "observer's card, and the second after-answer writes and sends the summary. Reaching the goals would " +
        'need about 2.9 CPU ms per submission: caching documents across turns (person, pair, programme) trades ' +
        'away consistency between instances, so it was not done',
    );
  if (profile) notes.push(`CPU profiles of both bots written to ${path.relative(process.cwd(), profileDir)}`);
  return { figures, rows, notes };
}
