import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Repositories } from '../../src/domain/repositories';
import { silentLogger } from '../../src/log';
import { CosmosStore, openCosmosStore } from '../../src/store/cosmos-store';
import { cosmosRepositories } from '../../src/store/repositories';
import { playgroundTenantId } from '../../src/config/config';
import { eachTest, speaksFor } from './each-test';
import { TestClock } from './test-clock';

export interface TestStore {
  readonly store: CosmosStore;
  readonly repos: Repositories;
  readonly dataDir: string;
  close(): Promise<void>;
}

/** the real @azure/cosmos SDK against a fresh embedded server, with its own data folder */
export async function openTestStore(clock = new TestClock(), dataDir?: string): Promise<TestStore> {
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'peer-coach-test-'));
  const store = await openCosmosStore(
    { kind: 'embedded', dataDir: dir, database: 'peercoach' },
    clock,
    silentLogger,
  );
  return {
    store,
    repos: cosmosRepositories(store, { tenantId: playgroundTenantId, home: true }),
    dataDir: dir,
    async close() {
      await store.close();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh test store for every test of the calling `describe` (see `eachTest`): what it returns
 * always speaks for the store of the current test.
 */
export function eachTestStore(clock = new TestClock()): TestStore {
  let current: TestStore | undefined;
  eachTest(
    () => openTestStore(clock),
    (opened) => (current = opened),
  );
  const now = () => {
    if (!current) throw new Error('the test store is open only inside a test');
    return current;
  };
  return speaksFor(now);
}
