import { Container, CosmosClient, Database } from '@azure/cosmos';
import { StoreConfig } from '../config/config';
import { Clock } from '../domain/clock';
import { Logger } from '../log';
import { layoutProblems, StoreLayoutError } from './container-layout';
import { ContainerName, containerSpecs } from './containers';
import { stripSystemFields } from './cosmos-collection';
import { embeddedKey, readSnapshot, startEmbeddedCosmos, writeSnapshot } from './embedded-cosmos';
import { sdkRetryOptions } from './transient';

/** the open database: one client, every container, and a health probe */
export interface CosmosStore {
  readonly kind: StoreConfig['kind'];
  /** the account endpoint (for the embedded store: its loopback address, so another process can share it) */
  readonly endpoint: string;
  readonly containers: Readonly<Record<ContainerName, Container>>;
  /** true when the store answers a cheap read */
  ping(): Promise<boolean>;
  /** saves the local snapshot (embedded store only) and closes connections */
  close(): Promise<void>;
}

const snapshotEveryMs = 2000;

async function openContainers(
  database: Database,
  mayCreate: boolean,
): Promise<Record<ContainerName, Container>> {
  const entries = await Promise.all(
    (Object.keys(containerSpecs) as ContainerName[]).map(async (name) => {
      const spec = containerSpecs[name];
      if (!mayCreate) return [name, database.container(spec.id)] as const;
      const { container } = await database.containers.createIfNotExists({
        id: spec.id,
        partitionKey: { paths: [spec.partitionKey] },
        ...('defaultTtl' in spec ? { defaultTtl: spec.defaultTtl } : {}),
      });
      return [name, container] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<ContainerName, Container>;
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

/**
 * Opens Azure Cosmos DB (key or managed identity), or starts the embedded server when no endpoint
 * is configured. Every document goes through the real @azure/cosmos SDK either way.
 */
export async function openCosmosStore(config: StoreConfig, clock: Clock, log: Logger): Promise<CosmosStore> {
  if (config.kind !== 'embedded') {
    const connectionPolicy = {
      retryOptions: sdkRetryOptions,
      // a plain-http endpoint is a local emulator: it has no other regions to discover
      ...(config.endpoint.startsWith('http:') ? { enableEndpointDiscovery: false } : {}),
    };
    const client =
      config.kind === 'azure'
        ? new CosmosClient({ endpoint: config.endpoint, key: config.key, connectionPolicy })
        : new CosmosClient({
            endpoint: config.endpoint,
            connectionPolicy,
            // loaded only when chosen: most deployments (and every local run) never need it
            aadCredentials: new (await import('@azure/identity')).DefaultAzureCredential(),
          });
    try {
      // with a managed identity the data-plane role cannot create containers: infrastructure does
      const mayCreate = config.kind === 'azure';
      const database = mayCreate
        ? (await client.databases.createIfNotExists({ id: config.database })).database
        : client.database(config.database);
      if (!mayCreate) await database.read();
      const containers = await openContainers(database, mayCreate);
      // an existing container is used as it is, so check it is the one Peer Coach needs
      const problems = await layoutProblems(containers);
      if (problems.length > 0) throw new StoreLayoutError(problems);
      log.info(
        { endpoint: config.endpoint, database: config.database, auth: config.kind },
        'using Azure Cosmos DB',
      );
      return {
        kind: config.kind,
        endpoint: config.endpoint,
        containers,
        ping: () => ping(database),
        close: async () => client.dispose(),
      };
    } catch (err) {
      client.dispose();
      throw err;
    }
  }

  const server = await startEmbeddedCosmos();
  // over http the SDK uses its own keep-alive agent (a custom agent would make it refuse plain http)
  const client = new CosmosClient({
    endpoint: server.endpoint,
    key: embeddedKey,
    connectionPolicy: { enableEndpointDiscovery: false, retryOptions: sdkRetryOptions },
  });
  const { database } = await client.databases.createIfNotExists({ id: config.database });
  const containers = await openContainers(database, true);

  const snapshot = await readSnapshot(config.dataDir, log);
  if (snapshot) {
    let restored = 0;
    for (const [name, docs] of Object.entries(snapshot.containers)) {
      const container = containers[name as ContainerName];
      if (!container) continue;
      for (const doc of docs) {
        await container.items.upsert(doc);
        restored++;
      }
    }
    log.info(
      { documents: restored, savedAt: snapshot.savedAt },
      'restored the local store from its snapshot',
    );
  }
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

async function ping(database: Database): Promise<boolean> {
  try {
    await database.read();
    return true;
  } catch {
    return false;
  }
}
