import { CosmosClient } from '@azure/cosmos';
import { StoreConfig } from '../../src/config/config';
import { embeddedKey, EmbeddedCosmos, startEmbeddedCosmos } from '../../src/store/embedded-cosmos';

export interface EmbeddedAccount {
  readonly cosmos: EmbeddedCosmos;
  /** a client of the test's own, to shape the account by hand as an operator or infrastructure would */
  readonly client: CosmosClient;
  close(): Promise<void>;
}

/** an empty Cosmos DB account: the embedded server, standing in for Azure or an emulator */
export async function openEmbeddedAccount(): Promise<EmbeddedAccount> {
  const cosmos = await startEmbeddedCosmos();
  const client = new CosmosClient({
    endpoint: cosmos.endpoint,
    key: embeddedKey,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  return {
    cosmos,
    client,
    async close() {
      client.dispose();
      await cosmos.close();
    },
  };
}

/** the configuration that reaches the account with its key, as COSMOS_ENDPOINT and COSMOS_KEY would */
export function keyConfig(
  account: EmbeddedAccount,
  database = 'pc',
): Extract<StoreConfig, { kind: 'azure' }> {
  return { kind: 'azure', endpoint: account.cosmos.endpoint, key: embeddedKey, database };
}
