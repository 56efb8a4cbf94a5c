/**
 * Memory: the resident set of a real Peer Coach process (scripts/fleet-bot.ts,
 * spawned by test/support/fleet.ts) with thousands of supervisors enrolled — people, enrolments,
 * pairs and an observation per pair stored — first idle, then while it dispatches their prompts.
 *
 * The bot runs as deployed: the JavaScript tsc emits, with the Node options of `npm start`
 * (bench/support/production-bot.ts); BENCH_MEMORY_TSX=1 runs the TypeScript under tsx instead.
 * The store (the embedded Cosmos DB server, in a process of its own) and the Bot Connector (in this
 * process) live outside the bot, as Azure Cosmos DB and Teams would be. RSS is read from
 * /proc/<pid>/status every 100 ms (bench/support/memory-rss.ts), with the kernel's high-water mark
 * as a check on the peak; the bot's CPU time per prompt sent, from /proc/<pid>/stat, shows what a
 * memory setting costs in work (a rate would mostly show the machine's other load).
 *
 * To see the bot idle although its prompts are all due, every pending job is first given a lease
 * held by nobody (as if another instance had just claimed it); the bot starts, finds nothing it may
 * claim, and idles until those leases run out; then it claims them (as a crashed instance's work)
 * and dispatches.
 */
import { CosmosClient } from '@azure/cosmos';
import { embeddedKey } from '../../src/store/embedded-cosmos';
import { Fleet, FleetBot } from '../../test/support/fleet';
import { startChild, stopChild } from '../support/dispatch-run';
import { RssSampler } from '../support/memory-rss';
import { compileBot, startNodeOptions } from '../support/production-bot';
import * as path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { round, BenchContext, BenchSection, SectionResult } from '../types';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** gives every pending job a lease that ends at `until`, so no bot may claim one before then */
async function holdEveryJob(endpoint: string, until: Date): Promise<number> {
  const client = new CosmosClient({
    endpoint,
    key: embeddedKey,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    const schedule = client.database('peercoach').container('schedule');
    const { resources } = await schedule.items
      .query<Record<string, unknown>>("SELECT * FROM c WHERE c.type = 'job'")
      .fetchAll();
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < resources.length; i = next++) {
        const job = resources[i]!;
        await schedule
          .item(String(job.id), String(job.slot))
          .replace({ ...job, lease: { owner: 'bench:memory', until: until.toISOString() } });
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    return resources.length;
  } finally {
    client.dispose();
  }
}

export const memory: BenchSection = async (context: BenchContext): Promise<SectionResult> => {
  const { quick, progress } = context;
  const supervisors = quick ? 500 : 10_000;
  const idleMs = quick ? 4_000 : 10_000;
  const dispatchMs = quick ? 12_000 : 60_000;
  const tsx = process.env.BENCH_MEMORY_TSX === '1';
  let store: ChildProcess | undefined;
  let fleet: Fleet | undefined;
  let bot: FleetBot | undefined;
  let sampler: RssSampler | undefined;
  try {
    let t0 = Date.now();
    const typeErrors = tsx ? undefined : await compileBot();
    if (!tsx) progress(`compiled the bot in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // BENCH_MEMORY_EXEC_ARGV (e.g. "--max-old-space-size=128") adds Node options to those of `npm start`
    const startOptions = startNodeOptions();
    const botExecArgv = [
      ...startOptions,
      ...(process.env.BENCH_MEMORY_EXEC_ARGV ?? '').split(' ').filter(Boolean),
    ];
    t0 = Date.now();
    // in a process of its own: a claim query there scans every job, and would stall the connector
    const storeChild = await startChild(path.resolve(__dirname, '../support/dispatch-store.ts'), {});
    store = storeChild.proc;
    fleet = await Fleet.start({
      supervisors,
      tenants: Math.ceil(supervisors / 20),
      leaseMs: 60_000,
      storeEndpoint: String(storeChild.message.endpoint),
      botExecArgv,
      compiled: !tsx,
    });
    progress(
      `seeded ${supervisors} supervisors, ${fleet.expected.size} due prompts in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    t0 = Date.now();
    // the bot must be up before the leases end: allow for its start-up (and, with 10,000, for
    // holding 40,000 jobs, a few thousand a second)
    const held = await holdEveryJob(
      fleet.endpoint,
      new Date(Date.now() + idleMs + 8_000 + fleet.expected.size * 2),
    );
    progress(`held ${held} jobs in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    bot = await fleet.spawn('memory');
    sampler = new RssSampler(bot.pid);
    sampler.phase = 'idle';
    sampler.start();
    await sleep(idleMs);
    const sentWhileIdle = fleet.delivered();
    // the leases end; the bot claims and sends
    sampler.phase = 'waiting';
    // at 10,000 supervisors one claim query takes ~20 s in the embedded server, and the one under
    // way when the leases end finds nothing
    const waitUntil = Date.now() + 60_000 + fleet.expected.size * 6;
    while (fleet.delivered() === 0) {
      if (Date.now() > waitUntil)
        throw new Error(`the bot sent nothing once the leases ended:\n${fleet.logTail()}`);
      await sleep(50);
    }
    sampler.phase = 'dispatch';
    const dispatchStarted = Date.now();
    const cpuBefore = sampler.cpuSeconds();
    const firstSent = fleet.delivered();
    while (Date.now() - dispatchStarted < dispatchMs && fleet.delivered() < fleet.expected.size)
      await sleep(200);
    sampler.sample();
    const sent = fleet.delivered();
    const seconds = (Date.now() - dispatchStarted) / 1000;
    const cpuMsPerSend = ((sampler.cpuSeconds() - cpuBefore) * 1000) / Math.max(1, sent - firstSent);
    const idle = sampler.peak('idle');
    const dispatch = sampler.peak('dispatch');
    const hwm = sampler.highWaterMb() ?? 0;
    const peak = Math.max(idle, dispatch, hwm);
    progress(
      `idle ${idle.toFixed(0)} MB; dispatch ${dispatch.toFixed(0)} MB (${sent} prompts in ${seconds.toFixed(0)} s, ` +
        `${cpuMsPerSend.toFixed(1)} ms of bot CPU each); high-water ${hwm.toFixed(0)} MB`,
    );
    const how = tsx
      ? 'scripts/fleet-bot.ts under tsx (BENCH_MEMORY_TSX=1: the loader adds ~20 MB)'
      : `the compiled JavaScript (dist/scripts/fleet-bot.js, built with tsc as \`npm start\` builds the app)`;
    const notes = [
      `a real bot process, ${how}, with Node options ${botExecArgv.length > 0 ? botExecArgv.join(' ') : '(none)'} ` +
        `(those of \`npm start\`${startOptions.length < botExecArgv.length ? ' plus BENCH_MEMORY_EXEC_ARGV' : ''}), ` +
        `with ${supervisors.toLocaleString('en')} supervisors enrolled and paired, one observation per pair; the ` +
        'store (embedded Cosmos DB server, a process of its own) and the Bot Connector (the harness) are outside the ' +
        'bot, as in production. RSS from /proc/<pid>/status every 100 ms; peak = max of the samples and the kernel ' +
        'high-water mark (VmHWM). Idle: the bot running with every job leased elsewhere ' +
        `(${idleMs / 1000} s); dispatch: sending their prompts for up to ${dispatchMs / 1000} s ` +
        `(${sent} of ${fleet.expected.size} sent; the bot's CPU per prompt ${cpuMsPerSend.toFixed(1)} ms)`,
      'loading the code is ~125 MB RSS compiled (Node itself ~40 MB, botbuilder with its auth libraries ~40 MB, ' +
        'restify ~30 MB, @azure/cosmos ~10 MB, adaptivecards-templating ~10 MB); the embedded Cosmos DB server ' +
        '(~15 MB) is loaded only when the app runs it. During dispatch V8 lets old space grow to a multiple of the ' +
        'live heap (~55 MB) before a full collection: up to 4× by default on a machine with gigabytes free (peak ' +
        '~300 MB), ~1.6× with `--max-old-space-size=1024` (V8 lowers its growing factor when the heap limit is under 2 GB), which `npm start` therefore sets: ~185 MB at the same CPU per prompt (512: ~178 MB, ~15% more CPU)',
    ];
    if (!quick)
      notes.push(
        'at 10,000 supervisors the embedded server takes ~20 s per claim query (it scans the 40,000 documents of the schedule container; Azure ' +
          'Cosmos DB answers from the range index), so the full form sends fewer prompts per second than the quick one',
      );
    if (typeErrors) notes.push('tsc reported type errors; the JavaScript it emitted anyway was measured');
    if (sentWhileIdle > 0) notes.push(`${sentWhileIdle} prompts went out during the idle window`);
    if (quick)
      notes.push('quick form: 500 supervisors, 4 s idle, 12 s of dispatch (full: 10,000, 10 s, 60 s)');
    return {
      figures: {
        'memory.peak_rss_mb': round(peak, 1),
        'memory.idle_rss_mb': round(idle, 1),
        'memory.dispatch_rss_mb': round(dispatch, 1),
        'memory.supervisors': supervisors,
        'memory.prompts_sent': sent,
        'memory.cpu_ms_per_send': round(cpuMsPerSend, 2),
      },
      rows: [
        {
          section: 'memory',
          what: `bot idle, ${supervisors.toLocaleString('en')} supervisors enrolled`,
          value: `${idle.toFixed(0)} MB`,
        },
        {
          section: 'memory',
          what: `bot dispatching their prompts (${sent} in ${seconds.toFixed(0)} s)`,
          value: `${dispatch.toFixed(0)} MB`,
        },
        {
          section: 'memory',
          what: 'peak RSS (samples and VmHWM)',
          value: `${peak.toFixed(0)} MB`,
          goal: '≤ 200 MB',
          met: peak <= 200,
        },
      ],
      notes,
    };
  } finally {
    sampler?.stop();
    await fleet?.close();
    await stopChild(store);
  }
};
