import { Container } from '@azure/cosmos';
import { StoreConfig } from '../config/config';
import { Clock } from '../domain/clock';
import { Logger } from '../log';
import { Telemetry } from '../telemetry/telemetry';
import { ContainerName } from './containers';
import { openAzureStore } from './open-azure-store';
import { openEmbeddedStore } from './open-embedded-store';

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

/**
 * Opens Azure Cosmos DB (key or managed identity), or starts the embedded server when no endpoint
 * is configured. Every document goes through the real @azure/cosmos SDK either way; with telemetry,
 * every request it sends is counted (tests and benchmarks may leave it out).
 */
export async function openCosmosStore(
  config: StoreConfig,
  clock: Clock,
  log: Logger,
  telemetry?: Telemetry,
): Promise<CosmosStore> {
  return config.kind === 'embedded'
    ? openEmbeddedStore(config, clock, log, telemetry)
    : openAzureStore(config, log, telemetry);
}
