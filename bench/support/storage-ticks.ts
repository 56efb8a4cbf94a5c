/**
 * What one scheduler tick costs with a small and with a large history of observations.
 *
 * A store holds `history` finished observations (written straight into the `cycles` container, as
 * a past programme would have left them: their prompts' jobs done and deleted, so the `schedule`
 * container holds none of them), plus a fixed backlog seeded by test/support/fleet.ts: supervisors,
 * a programme, pairs and an observation per pair whose prompts are all due. The whole app then runs
 * in this process with its dispatch loop off and its store reached through a CountingProxy; the
 * benchmark calls `dispatch.tick()` itself — busy ticks that claim and send a batch, then empty ones
 * that find nothing due — and counts each tick's requests and time.
 */
import { CosmosClient } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import { startApp } from '../../src/app';
import { parseConfig } from '../../src/config/config';
import { silentLogger } from '../../src/log';
import { embeddedKey, startEmbeddedCosmos } from '../../src/store/embedded-cosmos';
import { Fleet } from '../../test/support/fleet';
import { CountedRequest, CountingProxy } from './storage-proxy';

/** supervisors of the fixed backlog: 2 prompts each, so 5 full batches of 32 */
const backlogSupervisors = 80;
/** the first busy tick warms the process (JIT, connections) and is not measured */
const warmupTicks = 1;
const emptyTicks = 5;
const seedConcurrency = 64;

export interface TickSample {
  readonly busy: boolean;
  readonly claimed: number;
  readonly ms: number;
  readonly requests: readonly CountedRequest[];
}

export interface TickCost {
  readonly history: number;
  /** how long writing the history took */
  readonly seedMs: number;
  readonly ticks: readonly TickSample[];
}

async function seedHistory(endpoint: string, count: number, memberIds: readonly string[]): Promise<void> {
  const client = new CosmosClient({
    endpoint,
    key: embeddedKey,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    const cycles = client.database('peercoach').container('cycles');
    const start = Date.parse('2025-09-01T08:00:00Z');
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < count; i = next++) {
        // ten observations per pair, as a pair would gather over a few programmes
        const pair = Math.floor(i / 10);
        const host = memberIds[(2 * pair) % memberIds.length]!;
        const observer = memberIds[(2 * pair + 1) % memberIds.length]!;
        const startsAt = new Date(start + i * 60_000);
        await cycles.items.create({
          type: 'observation',
          id: `observation:${randomUUID()}`,
          pairId: `pair:history-${pair}`,
          programmeId: `programme:history-${Math.floor(pair / 500)}`,
          memberIds: [host, observer],
          hostId: host,
          observerIds: [observer],
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
          durationMinutes: 60,
          setting: 'wardRound',
          learnerLevel: 'studentLate',
          // observations keep this status once they have happened (only cancellations change it)
          status: 'scheduled',
          revision: 1,
          scheduledBy: host,
          createdAt: startsAt.toISOString(),
          updatedAt: startsAt.toISOString(),
          ttl: 365 * 86_400,
        });
      }
    };
    await Promise.all(Array.from({ length: seedConcurrency }, worker));
  } finally {
    client.dispose();
  }
}

export async function measureTicks(history: number): Promise<TickCost> {
  const cosmos = await startEmbeddedCosmos();
  const proxy = new CountingProxy(cosmos.endpoint);
  let fleet: Fleet | undefined;
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    await proxy.start();
    fleet = await Fleet.start({
      supervisors: backlogSupervisors,
      tenants: backlogSupervisors,
      leaseMs: 60_000,
      storeEndpoint: cosmos.endpoint,
    });
    const t0 = Date.now();
    await seedHistory(
      cosmos.endpoint,
      history,
      fleet.supervisors.map((s) => s.id),
    );
    const seedMs = Date.now() - t0;
    const config = {
      ...parseConfig({
        BOT_ANONYMOUS: '1',
        COSMOS_ENDPOINT: proxy.url,
        COSMOS_KEY: embeddedKey,
        DEFAULT_TIME_ZONE: 'Europe/Stockholm',
        LOG_LEVEL: 'silent',
      }),
      port: 0,
    };
    app = await startApp(config, silentLogger, {
      host: '127.0.0.1',
      dispatchLoop: false,
      personLimit: false,
    });
    const ticks: TickSample[] = [];
    let busy = 0;
    let empty = 0;
    for (let n = 1; empty < emptyTicks && n < 100; n++) {
      proxy.phase = `tick:${n}`;
      const started = process.hrtime.bigint();
      const result = await app.dispatch.tick();
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      proxy.phase = 'between';
      const requests = proxy.where((p) => p === `tick:${n}`);
      if (result.claimed > 0 && ++busy <= warmupTicks) continue;
      if (result.claimed === 0) empty++;
      ticks.push({ busy: result.claimed > 0, claimed: result.claimed, ms, requests });
    }
    return { history, seedMs, ticks };
  } finally {
    await app?.close();
    await fleet?.close();
    await proxy.stop();
    await cosmos.close();
  }
}
