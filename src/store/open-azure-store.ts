import { CosmosClient } from '@azure/cosmos';
import { StoreConfig } from '../config/config';
import { Logger } from '../log';
import { Telemetry } from '../telemetry/telemetry';
import { layoutProblems, StoreLayoutError } from './container-layout';
import type { CosmosStore } from './cosmos-store';
import { openContainers, ping } from './database';
import { storeTelemetryOptions } from './store-telemetry';
import { sdkRetryOptions } from './transient';

/** Opens Azure Cosmos DB (or an emulator) with an account key or a managed identity. */
export async function openAzureStore(
  config: Exclude<StoreConfig, { kind: 'embedded' }>,
  log: Logger,
  telemetry?: Telemetry,
): Promise<CosmosStore> {
  const connectionPolicy = {
    retryOptions: sdkRetryOptions,
    // a plain-http endpoint is a local emulator: it has no other regions to discover
    ...(config.endpoint.startsWith('http:') ? { enableEndpointDiscovery: false } : {}),
  };
  const client =
    config.kind === 'azure'
      ? new CosmosClient({
          endpoint: config.endpoint,
          key: config.key,
          connectionPolicy,
          ...storeTelemetryOptions(telemetry),
        })
      : new CosmosClient({
          endpoint: config.endpoint,
          connectionPolicy,
          ...storeTelemetryOptions(telemetry),
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
