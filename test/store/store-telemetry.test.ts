import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { silentLogger } from '../../src/log';
import { CosmosStore, openCosmosStore } from '../../src/store/cosmos-store';
import { metricNames } from '../../src/telemetry/telemetry';
import { FaultProxy } from '../support/fault-proxy';
import { TelemetryRecorder } from '../support/telemetry-recorder';
import { TestClock } from '../support/test-clock';
import { EmbeddedAccount, keyConfig, openEmbeddedAccount } from './embedded-account';

const dana = 'dddddddd-0000-4000-8000-00000000000d';

describe('store telemetry: every request the Cosmos DB SDK sends is counted', () => {
  let account: EmbeddedAccount;
  let proxy: FaultProxy;
  let recorder: TelemetryRecorder;
  let store: CosmosStore;
  beforeEach(async () => {
    account = await openEmbeddedAccount();
    proxy = new FaultProxy(account.cosmos.endpoint);
    await proxy.start();
    recorder = new TelemetryRecorder();
    const config = { ...keyConfig(account), endpoint: proxy.url };
    store = await openCosmosStore(config, new TestClock(), silentLogger, recorder.telemetry);
    await store.containers.people.items.create({ id: dana, displayName: 'Dana' });
  });
  afterEach(async () => {
    await store.close();
    await proxy.stop();
    await account.close();
    await recorder.shutdown();
  });

  /** the store requests recorded since the start, as `operation status` → count */
  async function requests(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const p of await recorder.points())
      if (p.name === metricNames.storeRequests)
        out[`${p.attributes.operation} ${p.attributes.status}`] = p.value;
    return out;
  }

  it('counts a point read and a missing document by operation and status, with the RU charged', async () => {
    await store.containers.people.item(dana, dana).read();
    await store.containers.people.item('nobody', 'nobody').read();
    const counted = await requests();
    assert.equal(counted['read 200'], 1);
    assert.equal(counted['read 404'], 1);
    assert.equal(counted['create 201'], 1);
    const charged = (await recorder.points()).find(
      (p) => p.name === metricNames.storeRequestCharge && p.attributes.operation === 'read',
    );
    // the embedded server charges 1 RU for everything it answers
    assert.deepEqual([charged?.value, charged?.sum], [2, 2]);
  });

  it('counts a query as a query, and nothing of its text or parameters', async () => {
    const { resources } = await store.containers.people.items
      .query({ query: 'SELECT * FROM c WHERE c.id = @id', parameters: [{ name: '@id', value: dana }] })
      .fetchAll();
    assert.equal(resources.length, 1);
    assert.ok((await requests())['query 200']! >= 1);
    const attributes = JSON.stringify((await recorder.points()).map((p) => p.attributes));
    assert.ok(!attributes.includes(dana) && !attributes.includes('SELECT'), attributes);
  });

  it('counts each try of a throttled read: the 429s, then the read that went through', async () => {
    proxy.failNext(2, 429, 'read');
    await store.containers.people.item(dana, dana).read();
    const counted = await requests();
    assert.deepEqual([counted['read 429'], counted['read 200']], [2, 1]);
  });

  it('counts what is not a document operation (the account, the containers) as other', async () => {
    const opened = Object.keys(await requests()).filter((k) => k.startsWith('other '));
    assert.ok(opened.length > 0, 'opening the store read the database and its containers');
  });
});

describe('store telemetry: the embedded store counts too', () => {
  it('records the requests of opening it and of a write', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'peer-coach-telemetry-'));
    const recorder = new TelemetryRecorder();
    const config = { kind: 'embedded', dataDir: dir, database: 'pc' } as const;
    const store = await openCosmosStore(config, new TestClock(), silentLogger, recorder.telemetry);
    try {
      await store.containers.teams.items.upsert({ id: 'team-1' });
      assert.equal(await recorder.total(metricNames.storeRequests, { operation: 'upsert', status: 201 }), 1);
    } finally {
      await store.close();
      await recorder.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
