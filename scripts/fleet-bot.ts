/**
 * One Peer Coach process of a fleet run (`scripts/fleet.ts`, test/e2e/crash-and-scale-out.test.ts):
 * the whole app as `npm start` composes it, with the system clock and the dispatch loop on, on a
 * random loopback port, against the shared store in COSMOS_ENDPOINT / COSMOS_KEY.
 *
 * Run it with `node --require tsx/cjs` (not the tsx CLI, which would put a second process between
 * the harness and the bot, and a SIGKILL would then leave the bot running). It needs an IPC channel
 * to its parent: it reports `{ ready, url, pid }` there once it listens, and exits as soon as the
 * channel closes, so a harness that dies, however it dies, leaves no bot behind. It also reports
 * every scheduler tick (`{ tick }`), so the harness can say how the work was shared.
 *
 * FLEET_LEASE_MS: how long a claimed job stays this process's (short, so a killed process's work is
 * taken over quickly).
 * FLEET_TENANT_RATE: sends per second this process may start per tenant (default: Teams' ~30), for
 * runs against a connector that enforces a chosen tenant limit (bench/sections/dispatch.ts).
 * FLEET_BATCH: jobs per claim (default the app's 32).
 * FLEET_DISPATCH_LOOP=off: no scheduler ticks at all, so that every store request is a turn's
 * (bench/sections/answering.ts, measuring one answer's round trips).
 */
import { startApp } from '../src/app';
import { parseConfig } from '../src/config/config';
import { createLogger } from '../src/log';

async function main(): Promise<void> {
  if (!process.send) throw new Error('fleet-bot must be started with an IPC channel (see scripts/fleet.ts)');
  // the parent is gone: nobody will count what we send, and nobody would stop us
  process.on('disconnect', () => process.exit(2));
  const config = { ...parseConfig(process.env), port: 0 };
  const log = createLogger(config.logLevel);
  const leaseMs = Number(process.env.FLEET_LEASE_MS ?? '3000');
  const tenantRate = Number(process.env.FLEET_TENANT_RATE ?? '0');
  const batch = Number(process.env.FLEET_BATCH ?? '0');
  const app = await startApp(config, log, {
    host: '127.0.0.1',
    leaseMs,
    ...(tenantRate > 0 ? { perTenant: { count: tenantRate, perMs: 1_000 } } : {}),
    ...(batch > 0 ? { batch } : {}),
    dispatchLoop: process.env.FLEET_DISPATCH_LOOP !== 'off',
  });
  process.on('SIGTERM', () => {
    void app.close().then(() => process.exit(0));
  });
  // every tick, to the harness: how the fleet shared the backlog
  const tick = app.dispatch.tick.bind(app.dispatch);
  app.dispatch.tick = async () => {
    const result = await tick();
    process.send?.({ tick: result });
    return result;
  };
  process.send({ ready: true, url: app.url, pid: process.pid });
}

main().catch((err: unknown) => {
  console.error('fleet bot failed to start:', err instanceof Error ? err.stack : err);
  process.exit(1);
});
