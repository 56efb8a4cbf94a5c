import assert from 'node:assert/strict';
import { layoutProblems } from '../../src/store/container-layout';
import { containerSpecs } from '../../src/store/containers';
import { openContainers, ping } from '../../src/store/database';
import { EmbeddedAccount, openEmbeddedAccount } from './embedded-account';

describe('database: the containers Peer Coach uses, and whether the store answers', () => {
  let account: EmbeddedAccount;
  beforeEach(async () => {
    account = await openEmbeddedAccount();
  });
  afterEach(() => account.close());

  const database = async () => (await account.client.databases.createIfNotExists({ id: 'pc' })).database;

  it('creates every container, partitioned and expiring as Peer Coach needs, where it may', async () => {
    const containers = await openContainers(await database(), true);
    assert.deepEqual(Object.keys(containers).sort(), Object.keys(containerSpecs).sort());
    assert.deepEqual(await layoutProblems(containers), []);
  });

  it('only names the containers where it may not create them (a managed identity)', async () => {
    const db = await database();
    const containers = await openContainers(db, false);
    assert.equal(containers.cycles.id, 'cycles');
    assert.deepEqual((await db.containers.readAll().fetchAll()).resources, []);
  });

  it('answers the probe while the database is there, and not once it is gone', async () => {
    const db = await database();
    assert.equal(await ping(db), true);
    await db.delete();
    assert.equal(await ping(db), false);
  });
});
