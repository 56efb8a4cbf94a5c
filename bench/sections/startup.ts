/**
 * Start-up: from spawning the production entry (`node dist/src/index.js` with the Node options of
 * `npm start`, compiled as the memory section compiles it) to the first 200 from /readyz — the
 * moment App Service's health check would send it traffic. Once with the embedded store (local use,
 * a data folder of its own), once with an external store (the embedded Cosmos DB server in a process
 * of its own, as Azure Cosmos DB would be) behind a CountingProxy that holds every request back
 * 10 ms, as a distant region would; there the store round trips on start-up's critical path are
 * counted too. Each form starts once unmeasured, then the median of several starts is reported.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { embeddedKey } from '../../src/store/embedded-cosmos';
import { freePorts } from '../../test/support/playground-client';
import { startChild, stopChild } from '../support/dispatch-run';
import { compileBot, startNodeOptions } from '../support/production-bot';
import { CountingProxy, roundTrips } from '../support/storage-proxy';
import { BenchContext, BenchSection, percentile, round, SectionResult } from '../types';

const root = path.resolve(__dirname, '../..');
const entry = 'dist/src/index.js';
const readyTimeoutMs = 60_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * starts the bot as `npm start` does, waits for /readyz to say 200, and stops it: how long it took,
 * and when (performance.now()) it was ready
 */
async function timeToReady(env: Record<string, string>): Promise<{ ms: number; readyAt: number }> {
  const [port] = await freePorts(1);
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...startNodeOptions(), entry], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { PATH: process.env.PATH ?? '', BOT_ANONYMOUS: '1', LOG_LEVEL: 'warn', PORT: String(port), ...env },
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  try {
    for (;;) {
      const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status,
        () => 0,
      );
      const now = performance.now();
      if (status === 200) return { ms: now - started, readyAt: now };
      if (child.exitCode !== null) throw new Error(`the bot exited (${child.exitCode}):\n${stderr}`);
      if (now - started > readyTimeoutMs)
        throw new Error(`not ready in ${readyTimeoutMs / 1000} s:\n${stderr}`);
      await sleep(5);
    }
  } finally {
    await stopChild(child);
  }
}

/**
 * one unmeasured start (it creates the database and its containers, which a deployment finds in
 * place), then `n` measured: each one's time, and the store round trips on its critical path (the
 * requests that reached `proxy` before it was ready)
 */
async function starts(
  n: number,
  env: Record<string, string>,
  proxy?: CountingProxy,
): Promise<{ ms: number[]; trips: number[]; requests: number[] }> {
  await timeToReady(env);
  const out = { ms: [] as number[], trips: [] as number[], requests: [] as number[] };
  for (let i = 0; i < n; i++) {
    proxy?.reset();
    const { ms, readyAt } = await timeToReady(env);
    out.ms.push(ms);
    const before = proxy?.requests.filter((r) => r.startedMs <= readyAt) ?? [];
    out.trips.push(roundTrips(before));
    out.requests.push(before.length);
  }
  return out;
}

export const startup: BenchSection = async (context: BenchContext): Promise<SectionResult> => {
  const { quick, progress } = context;
  const n = quick ? 3 : 7;
  const t0 = Date.now();
  const typeErrors = await compileBot();
  progress(`compiled (incrementally) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'peer-coach-bench-startup-'));
  let store: ChildProcess | undefined;
  let proxy: CountingProxy | undefined;
  try {
    const embedded = await starts(n, { DATA_DIR: dataDir });
    progress(`embedded store: ${embedded.ms.map((ms) => ms.toFixed(0)).join(', ')} ms`);

    const storeChild = await startChild(path.resolve(__dirname, '../support/answering-store.ts'), {});
    store = storeChild.proc;
    proxy = new CountingProxy(String(storeChild.message.endpoint));
    await proxy.start();
    proxy.delayMs = 10;
    const distant = await starts(
      n,
      {
        COSMOS_ENDPOINT: proxy.url,
        COSMOS_KEY: embeddedKey,
        // what a deployment on Azure Cosmos DB must also set
        CALENDAR_LINK_SECRET: '0123456789abcdef'.repeat(4),
        BOT_ENDPOINT: 'https://peer-coach.example',
      },
      proxy,
    );
    progress(`store 10 ms away: ${distant.ms.map((ms) => ms.toFixed(0)).join(', ')} ms`);

    const median = (xs: readonly number[]) => percentile(xs, 50);
    const [ready, readyFar, trips, requests] = [embedded.ms, distant.ms, distant.trips, distant.requests].map(
      median,
    ) as [number, number, number, number];
    const notes = [
      `\`node ${[...startNodeOptions(), entry].join(' ')}\` spawned to the first 200 from /readyz (polled every ` +
        `5 ms), the median of ${n} starts after an unmeasured one. Embedded: the store in the bot's process, ` +
        'its snapshot in a data folder of its own. At 10 ms: an external store (the embedded Cosmos DB server in ' +
        `another process) behind a proxy holding every request back 10 ms; until ready, start-up made ${requests} ` +
        `store requests, ${trips} of them one after another (the critical path, as for answers)`,
    ];
    if (typeErrors) notes.push('tsc reported type errors; the JavaScript it emitted anyway was measured');
    return {
      figures: {
        'startup.ready_ms': round(ready, 0),
        'startup.ready_ms_at_10ms_store': round(readyFar, 0),
        'startup.round_trips_at_10ms_store': trips,
      },
      rows: [
        {
          section: 'startup',
          what: 'spawn to /readyz 200, embedded store (median)',
          value: `${ready.toFixed(0)} ms`,
        },
        {
          section: 'startup',
          what: 'spawn to /readyz 200, store 10 ms away (median)',
          value: `${readyFar.toFixed(0)} ms, ${trips} store round trips on the critical path`,
        },
      ],
      notes,
    };
  } finally {
    await proxy?.stop();
    await stopChild(store);
    rmSync(dataDir, { recursive: true, force: true });
  }
};
