import { Container, CosmosClient } from '@azure/cosmos';
import { StoreConfig } from '../config/config';
import { Clock } from '../domain/clock';
import { Logger } from '../log';
import { Telemetry } from '../telemetry/telemetry';
import { ContainerName } from './containers';
import type { CosmosStore } from './cosmos-store';
import { stripSystemFields } from './cosmos-collection';
import { openContainers, ping } from './database';
import { embeddedKey, readSnapshot, startEmbeddedCosmos, writeSnapshot } from './embedded-cosmos';
import { storeTelemetryOptions } from './store-telemetry';
import { sdkRetryOptions } from './transient';

const snapshotEveryMs = 2000;

/**
 * Starts the embedded Cosmos DB–compatible server in this process, restores the data folder's
 * snapshot into it, and snapshots it again every 2 s (when something changed) and at close.
 */
export async function openEmbeddedStore(
  config: Extract<StoreConfig, { kind: 'embedded' }>,
  clock: Clock,
  log: Logger,
  telemetry?: Telemetry,
): Promise<CosmosStore> {
  const server = await startEmbeddedCosmos();
  // over http the SDK uses its own keep-alive agent (a custom agent would make it refuse plain http)
  const client = new CosmosClient({
    endpoint: server.endpoint,
    key: embeddedKey,
    connectionPolicy: { enableEndpointDiscovery: false, retryOptions: sdkRetryOptions },
    ...storeTelemetryOptions(telemetry),
  });
  const { database } = await client.databases.createIfNotExists({ id: config.database });
  const containers = await openContainers(database, true);
  await restoreSnapshot(containers, config.dataDir, log);
  server.takeDirty();

  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    saving = saving
      .then(async () => {
        if (!server.takeDirty()) return;
        await writeSnapshot(config.dataDir, {
          format: 'peer-coach-snapshot/1',
          savedAt: clock.now().toISOString(),
          containers: await exportAll(containers),
        });
      })
      .catch((err: unknown) => log.error({ err }, 'could not save the local snapshot'));
    return saving;
  };
  const timer = setInterval(() => void save(), snapshotEveryMs);
  timer.unref();

  log.warn(
    { dataDir: config.dataDir },
    'LOCAL STORE: no COSMOS_ENDPOINT is set, so documents live in an embedded Cosmos DB–compatible server in this process, snapshotted to the data folder every 2 s and at shutdown. Not for production.',
  );
  return {
    kind: 'embedded',
    endpoint: server.endpoint,
    containers,
    ping: () => ping(database),
    close: async () => {
      clearInterval(timer);
      await save();
      client.dispose();
      await server.close();
    },
  };
}

/** puts back what the data folder's snapshot holds, if there is one */
async function restoreSnapshot(
  containers: Record<ContainerName, Container>,
  dataDir: string,
  log: Logger,
): Promise<void> {
  const snapshot = await readSnapshot(dataDir, log);
  if (!snapshot) return;
  let restored = 0;
  for (const [name, docs] of Object.entries(snapshot.containers)) {
    const container = containers[name as ContainerName];
    if (!container) continue;
    for (const doc of docs) {
      await container.items.upsert(doc);
      restored++;
    }
  }
  log.info({ documents: restored, savedAt: snapshot.savedAt }, 'restored the local store from its snapshot');
}

async function exportAll(
  containers: Record<ContainerName, Container>,
): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const [name, container] of Object.entries(containers)) {
    const { resources } = await container.items.query<Record<string, unknown>>('SELECT * FROM c').fetchAll();
    out[name] = resources.map((r) => stripSystemFields<Record<string, unknown>>(r));
  }
  return out;
}
