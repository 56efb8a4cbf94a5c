import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { newPerson } from '../../src/domain/people';
import { snapshotPath } from '../../src/store/embedded-cosmos';
import { openTestStore } from '../support/test-store';
import { TestClock } from '../support/test-clock';

describe('embedded store: opened from its snapshot, saved to it', () => {
  const clock = new TestClock();
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'peer-coach-snap-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps local data across a restart of the bot', async () => {
    const first = await openTestStore(clock, dir);
    await first.repos.people.create(newPerson('dddddddd-0000-4000-8000-00000000000d', 'Dana', clock.now()));
    await first.close();
    assert.ok(existsSync(snapshotPath(dir)));

    const second = await openTestStore(clock, dir);
    const dana = await second.repos.people.read(
      'dddddddd-0000-4000-8000-00000000000d',
      'dddddddd-0000-4000-8000-00000000000d',
    );
    assert.equal(dana?.doc.displayName, 'Dana');
    // the restored document takes part in ETag concurrency like any other
    assert.equal(await second.repos.people.replace({ ...dana!.doc, paused: true }, dana!.etag), 'replaced');
    await second.close();
  });

  it('writes nothing when nothing changed', async () => {
    const store = await openTestStore(clock, dir);
    await store.close();
    assert.equal(existsSync(snapshotPath(dir)), false);
  });

  it('starts empty, and says so, rather than failing on a damaged snapshot file', async () => {
    writeFileSync(snapshotPath(dir), '{ not json');
    const store = await openTestStore(clock, dir);
    assert.deepEqual(await store.repos.programmes.allProgrammes(), []);
    await store.close();
    assert.equal(
      readFileSync(`${snapshotPath(dir)}.damaged`, 'utf8'),
      '{ not json',
      'kept for a person to inspect',
    );
  });
});
