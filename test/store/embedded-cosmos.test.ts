import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import pino from 'pino';
import { readSnapshot, Snapshot, snapshotPath, writeSnapshot } from '../../src/store/embedded-cosmos';
import { silentLogger } from '../../src/log';
import { openEmbeddedAccount } from './embedded-account';

describe('embedded Cosmos DB server', () => {
  it('notices writes, not reads or queries, so an unchanged store is not snapshotted again', async () => {
    const account = await openEmbeddedAccount();
    const { cosmos, client } = account;
    try {
      assert.match(cosmos.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
      const { database } = await client.databases.createIfNotExists({ id: 'db' });
      const { container } = await database.containers.createIfNotExists({
        id: 'c',
        partitionKey: { paths: ['/id'] },
      });
      await container.items.create({ id: 'a' });
      assert.equal(cosmos.takeDirty(), true);
      assert.equal(cosmos.takeDirty(), false, 'taken once');

      await container.item('a', 'a').read();
      await container.items.query('SELECT * FROM c').fetchAll();
      assert.equal(cosmos.takeDirty(), false);

      await container.item('a', 'a').delete();
      assert.equal(cosmos.takeDirty(), true);
    } finally {
      await account.close();
    }
  });
});

describe('embedded store snapshot file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'peer-coach-snapshot-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const snapshot: Snapshot = {
    format: 'peer-coach-snapshot/1',
    savedAt: '2026-09-01T08:00:00.000Z',
    containers: { people: [{ id: 'p1', type: 'person' }] },
  };

  it('is written where it is read back, readable by its owner only, with no temporary file left', async () => {
    const folder = path.join(dir, 'not-yet-made');
    await writeSnapshot(folder, snapshot);
    assert.deepEqual(await readSnapshot(folder, silentLogger), snapshot);
    assert.equal(statSync(snapshotPath(folder)).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(folder), ['cosmos-snapshot.json']);
  });

  it('is nothing when the folder has none', async () => {
    assert.equal(await readSnapshot(dir, silentLogger), undefined);
  });

  it('is ignored, and left as it is, when it is in a format this version does not know', async () => {
    writeFileSync(snapshotPath(dir), JSON.stringify({ ...snapshot, format: 'peer-coach-snapshot/2' }));
    const warnings: string[] = [];
    const log = pino(
      { level: 'warn' },
      { write: (line: string) => void warnings.push(JSON.parse(line).msg) },
    );
    assert.equal(await readSnapshot(dir, log), undefined);
    assert.deepEqual(warnings, ['ignoring a snapshot in an unknown format']);
    assert.ok(existsSync(snapshotPath(dir)));
  });
});
