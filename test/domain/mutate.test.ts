import assert from 'node:assert/strict';
import { mutate } from '../../src/domain/mutate';
import { newPerson, Person } from '../../src/domain/people';
import { Collection } from '../../src/domain/ports';
import { TestClock } from '../support/test-clock';
import { openTestStore, TestStore } from '../support/test-store';

describe('mutate: read, change, write under the document’s ETag', () => {
  const clock = new TestClock();
  const id = 'dddddddd-0000-4000-8000-000000000004';
  let t: TestStore;
  let people: Collection<Person>;

  const rename = (name: string) => (cur: Person | undefined) => ({
    ...(cur ?? newPerson(id, name, clock.now())),
    displayName: name,
  });

  beforeEach(async () => {
    t = await openTestStore(clock);
    people = t.repos.people;
  });
  afterEach(() => t.close());

  it('creates a document that is not there, and says what was before', async () => {
    const created = await mutate(people, id, id, rename('Di'));
    assert.deepEqual([created.changed, created.before, created.doc?.displayName], [true, undefined, 'Di']);
    const renamed = await mutate(people, id, id, rename('Dee'));
    assert.deepEqual(
      [renamed.before?.displayName, (await people.read(id, id))?.doc.displayName],
      ['Di', 'Dee'],
    );
  });

  it('writes nothing when the change leaves the document alone', async () => {
    await mutate(people, id, id, rename('Di'));
    const before = (await people.read(id, id))!;
    const outcome = await mutate(people, id, id, () => undefined);
    assert.deepEqual([outcome.changed, outcome.doc], [false, before.doc]);
    assert.equal((await people.read(id, id))!.etag, before.etag);
  });

  it('starts from a document the caller has just read, and reads again when it changed since', async () => {
    await mutate(people, id, id, rename('Di'));
    const known = (await people.read(id, id))!;
    await mutate(people, id, id, rename('Dee'));
    const outcome = await mutate(
      people,
      id,
      id,
      (cur) => cur && { ...cur, department: cur.displayName },
      8,
      known,
    );
    assert.equal(outcome.doc?.department, 'Dee', 're-applied to the version that won');
  });

  it('gives up when every attempt loses a race', async () => {
    await mutate(people, id, id, rename('Di'));
    const losing: Collection<Person> = {
      read: (i, p) => people.read(i, p),
      create: (doc) => people.create(doc),
      replace: async () => 'conflict',
      remove: (i, p) => people.remove(i, p),
    };
    await assert.rejects(
      mutate(losing, id, id, rename('Dee'), 3),
      /gave up writing .* after 3 concurrent conflicts/,
    );
  });
});
