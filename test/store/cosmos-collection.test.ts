import assert from 'node:assert/strict';
import { newPerson } from '../../src/domain/people';
import { mutate } from '../../src/domain/mutate';
import { eachTestStore } from '../support/test-store';
import { TestClock } from '../support/test-clock';

describe('CosmosCollection (real SDK, embedded server)', () => {
  const clock = new TestClock();
  const t = eachTestStore(clock);

  it('creates, reads by point read and reports a second create as existing', async () => {
    const p = newPerson('AAAAAAAA-0000-0000-0000-000000000001', 'Ann', clock.now());
    assert.equal(await t.repos.people.create(p), 'created');
    assert.equal(await t.repos.people.create(p), 'exists');
    const stored = await t.repos.people.read(p.id, p.id);
    assert.equal(stored?.doc.displayName, 'Ann');
    assert.equal(stored?.doc.id, 'aaaaaaaa-0000-0000-0000-000000000001');
    assert.ok(stored?.etag);
    assert.equal((stored?.doc as unknown as Record<string, unknown>)._rid, undefined);
  });

  it('refuses a replace with a stale etag (another writer won the race)', async () => {
    const p = newPerson('bbbbbbbb-0000-0000-0000-000000000002', 'Bo', clock.now());
    await t.repos.people.create(p);
    const first = (await t.repos.people.read(p.id, p.id))!;
    assert.equal(await t.repos.people.replace({ ...first.doc, paused: true }, first.etag), 'replaced');
    assert.equal(
      await t.repos.people.replace({ ...first.doc, displayName: 'Bosse' }, first.etag),
      'conflict',
    );
    const now = (await t.repos.people.read(p.id, p.id))!;
    assert.equal(now.doc.paused, true);
    assert.equal(now.doc.displayName, 'Bo');
  });

  it('mutate re-reads and re-applies when a concurrent writer changed the document', async () => {
    const p = newPerson('cccccccc-0000-0000-0000-000000000003', 'Cy', clock.now());
    await t.repos.people.create(p);
    const results = await Promise.all(
      ['x', 'y', 'z'].map((programmeId) =>
        mutate(
          t.repos.people,
          p.id,
          p.id,
          (cur) => cur && { ...cur, programmeIds: [...cur.programmeIds, programmeId] },
        ),
      ),
    );
    assert.ok(results.every((r) => r.changed));
    const stored = (await t.repos.people.read(p.id, p.id))!;
    assert.deepEqual([...stored.doc.programmeIds].sort(), ['x', 'y', 'z']);
  });

  it('keeps document kinds apart in a shared container', async () => {
    const none = await t.repos.programmes.enrolments.read('p1', 'p1');
    assert.equal(none, undefined);
    assert.deepEqual(await t.repos.programmes.allProgrammes(), []);
  });
});
