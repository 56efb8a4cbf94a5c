import assert from 'node:assert/strict';
import { silentLogger } from '../../src/log';
import { StoreLayoutError } from '../../src/store/container-layout';
import { containerSpecs } from '../../src/store/containers';
import { openCosmosStore } from '../../src/store/cosmos-store';
import { TestClock } from '../support/test-clock';
import { EmbeddedAccount, keyConfig, openEmbeddedAccount } from './embedded-account';

describe('store: an existing account whose containers are not what Peer Coach needs', () => {
  let account: EmbeddedAccount;
  beforeEach(async () => {
    account = await openEmbeddedAccount();
  });
  afterEach(() => account.close());

  const open = () => openCosmosStore(keyConfig(account, 'peercoach'), new TestClock(), silentLogger);

  it('is refused at start-up, naming each container and what differs', async () => {
    const { database } = await account.client.databases.createIfNotExists({ id: 'peercoach' });
    // made by hand: the pair's content partitioned by person, and no TTL, so answers would never expire
    await database.containers.create({ id: 'cycles', partitionKey: { paths: ['/personId'] } });
    await database.containers.create({ id: 'people', partitionKey: { paths: ['/id'] }, defaultTtl: -1 });

    const err = await open().then(
      () => assert.fail('the store opened'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof StoreLayoutError);
    assert.equal(err.code, 'PC-STORE-LAYOUT');
    assert.deepEqual(err.problems, [
      'container "cycles" is partitioned by /personId, not /pairId',
      'container "cycles" has defaultTtl unset, not -1: what supervisors wrote would never expire',
    ]);
  });

  it('opens when every container matches, whether it made them or found them', async () => {
    const { database } = await account.client.databases.createIfNotExists({ id: 'peercoach' });
    for (const spec of Object.values(containerSpecs)) {
      await database.containers.create({
        id: spec.id,
        partitionKey: { paths: [spec.partitionKey] },
        ...('defaultTtl' in spec ? { defaultTtl: spec.defaultTtl } : {}),
      });
    }
    const found = await open();
    await found.close();
    await database.delete();
    const made = await open();
    assert.equal(await made.ping(), true);
    await made.close();
  });
});
