/**
 * The runs behind the dispatch and scale-out sections: a backlog of due prompts seeded by
 * test/support/fleet.ts into an embedded Cosmos DB server in its own process, drained by real
 * Peer Coach processes (scripts/fleet-bot.ts) into a LocalConnector that enforces Teams' limits
 * (dispatch-limits.ts); and the botbuilder-sample baselines (dispatch-baseline.ts) replaying the same
 * cards to the same conversation references against a fresh connector with the same limits.
 */
import { ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BotWork, Fleet, promptIdOf, StoreCheck, Tally } from '../../test/support/fleet';
import { LocalConnector } from '../../test/support/local-connector';
import { achieved, Achieved, TeamsLimits } from './dispatch-limits';

export const profileDir = path.resolve(__dirname, '../profiles');

const profArgs = (name: string) => [
  '--cpu-prof',
  `--cpu-prof-dir=${profileDir}`,
  `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`,
];

/** a child that reports one message over IPC once it is up (or, for a baseline, once it is done) */
export function startChild(
  script: string,
  env: Record<string, string | undefined>,
  timeoutMs = 60_000,
  execArgv: readonly string[] = [],
): Promise<{ proc: ChildProcess; message: Record<string, unknown> }> {
  const proc = fork(script, [], {
    execArgv: [...execArgv, '--require', require.resolve('tsx/cjs')],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { PATH: process.env.PATH, ...env },
  });
  const output: string[] = [];
  const keep = (c: Buffer) => {
    output.push(c.toString());
    if (output.length > 200) output.shift();
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(
        new Error(`${path.basename(script)} did not answer in ${timeoutMs / 1000} s:\n${output.join('')}`),
      );
    }, timeoutMs);
    proc.once('message', (message: Record<string, unknown>) => {
      clearTimeout(timer);
      resolve({ proc, message });
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${path.basename(script)} exited (${code}) before it answered:\n${output.join('')}`));
    });
  });
}

export async function stopChild(proc: ChildProcess | undefined): Promise<void> {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** one proactive card as the connector accepted it: what the baselines send again */
export interface Send {
  readonly conversationId: string;
  readonly tenantId: string;
  readonly activity: Record<string, unknown>;
}

export interface DrainOptions {
  readonly supervisors: number;
  /** the supervisors are spread evenly over this many tenants */
  readonly tenants: number;
  /** sends per second the connector allows each tenant */
  readonly tenantRate: number;
  /** Peer Coach processes draining the backlog together */
  readonly instances: number;
  /** each process's own per-tenant rate (its share of `tenantRate`) */
  readonly perProcessRate: number;
  /** jobs per claim in each process (the app's default is 32) */
  readonly batch?: number;
  readonly timeoutMs: number;
  /** `--cpu-prof` every bot, profiles in bench/profiles/ named after this */
  readonly profile?: string;
  readonly progress: (line: string) => void;
}

export interface DrainResult {
  readonly achieved: Achieved;
  readonly tally: Tally;
  readonly store: StoreCheck;
  readonly bots: readonly BotWork[];
  readonly seedMs: number;
  /** prompt id → conversation: what was due */
  readonly expected: ReadonlyMap<string, string>;
  readonly sends: readonly Send[];
}

/** seeds a backlog, lets `instances` Peer Coach processes drain it, and says how they did */
export async function drain(o: DrainOptions): Promise<DrainResult> {
  let store: ChildProcess | undefined;
  let fleet: Fleet | undefined;
  try {
    const started = await startChild(
      path.resolve(__dirname, 'dispatch-store.ts'),
      {},
      60_000,
      o.profile ? profArgs(`${o.profile}-store`) : [],
    );
    store = started.proc;
    fleet = await Fleet.start({
      supervisors: o.supervisors,
      tenants: o.tenants,
      leaseMs: 60_000,
      storeEndpoint: String(started.message.endpoint),
      botEnv: {
        FLEET_TENANT_RATE: String(o.perProcessRate),
        ...(o.batch ? { FLEET_BATCH: String(o.batch) } : {}),
      },
      botExecArgv: o.profile ? profArgs(`${o.profile}-bot`) : [],
    });
    const seedMs = fleet.seedMs;
    o.progress(
      `seeded ${o.supervisors} supervisors, ${fleet.expected.size} due prompts in ${(seedMs / 1000).toFixed(1)} s`,
    );
    const limits = new TeamsLimits(o.tenantRate);
    fleet.connector.gate = limits.gate;
    const bots = await Promise.all(
      Array.from({ length: o.instances }, (_, i) => fleet!.spawn(`bot-${i + 1}`)),
    );
    // watch the connector (cheap), not the store: a count query there scans, and would slow the bots
    const deadline = Date.now() + o.timeoutMs;
    while (fleet.delivered() < fleet.expected.size) {
      if (Date.now() > deadline)
        throw new Error(`not drained: ${JSON.stringify(fleet.tally())}\n${fleet.logTail()}`);
      await sleep(20);
    }
    await fleet.drained(30_000);
    const result = achieved(limits.attempts);
    if (o.profile) for (const bot of bots) await fleet.stop(bot);
    const tenantOf = new Map(fleet.supervisors.map((s) => [s.conversationId, s.tenantId]));
    return {
      achieved: result,
      tally: fleet.tally(),
      store: await fleet.checkStore(),
      bots: fleet.work,
      seedMs,
      expected: new Map(fleet.expected),
      sends: fleet.connector.sent.map((s) => ({
        conversationId: s.conversationId,
        tenantId: tenantOf.get(s.conversationId) ?? '',
        activity: s.activity,
      })),
    };
  } finally {
    await fleet?.close();
    await stopChild(store);
  }
}

export type BaselineMode = 'sequential' | 'all-at-once';

export interface BaselineResult {
  readonly achieved: Achieved;
  readonly lost: number;
  readonly duplicates: number;
  /** sends that ended in an error, by status */
  readonly errors: Readonly<Record<string, number>>;
}

/** the same cards to the same conversations, the way a botbuilder sample sends them */
export async function baseline(
  mode: BaselineMode,
  sends: readonly Send[],
  expected: ReadonlyMap<string, string>,
  tenantRate: number,
  timeoutMs: number,
): Promise<BaselineResult> {
  const connector = new LocalConnector();
  const limits = new TeamsLimits(tenantRate);
  connector.gate = limits.gate;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'peer-coach-dispatch-'));
  let proc: ChildProcess | undefined;
  try {
    await connector.start();
    const file = path.join(dir, 'sends.json');
    // the card as the bot built it, without what the adapter fills in from the reference
    const cards = sends.map((s) => {
      const { conversation: _c, from: _f, recipient: _r, serviceUrl: _s, id: _i, ...activity } = s.activity;
      return { ...s, activity };
    });
    writeFileSync(file, JSON.stringify({ serviceUrl: connector.url, sends: cards }));
    const done = await startChild(
      path.resolve(__dirname, 'dispatch-baseline.ts'),
      { DISPATCH_SENDS: file, DISPATCH_MODE: mode },
      timeoutMs,
    );
    proc = done.proc;
    const copies = new Map<string, number>();
    let received = 0;
    for (const { activity, conversationId } of connector.sent) {
      const id = promptIdOf(activity);
      if (!id || expected.get(id) !== conversationId) continue;
      received++;
      copies.set(id, (copies.get(id) ?? 0) + 1);
    }
    return {
      achieved: achieved(limits.attempts),
      lost: expected.size - copies.size,
      duplicates: received - copies.size,
      errors: (done.message.errors ?? {}) as Record<string, number>,
    };
  } finally {
    await stopChild(proc);
    await connector.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
