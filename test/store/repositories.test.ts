import assert from 'node:assert/strict';
import { Observation } from '../../src/domain/cycle/observation';
import { Enrolment } from '../../src/domain/membership';
import { newPerson } from '../../src/domain/people';
import { sampleObservation, samplePrompt } from '../support/card-samples';
import { Repositories } from '../../src/domain/repositories';
import { cosmosRepositories } from '../../src/store/repositories';
import { openTestStore, TestStore } from '../support/test-store';
import { TestClock } from '../support/test-clock';

const tenantA = '00000000-0000-4000-8000-0000000000aa';
const tenantB = '00000000-0000-4000-8000-0000000000bb';

function enrolment(programmeId: string, personId: string): Enrolment {
  return {
    type: 'enrolment',
    id: `enrolment:${personId}`,
    programmeId,
    personId,
    displayName: `Person ${personId.slice(0, 4)}`,
    enrolledAt: '2026-09-01T08:00:00.000Z',
    enrolledBy: 'someone',
  };
}

const person = (n: number) => `${String(n).repeat(8)}-0000-4000-8000-00000000000${n}`;

/**
 * Two programmes in two tenants, through the real SDK against the embedded server — which, unlike
 * Azure, ignores the SDK's partitionKey option on a query and answers from every partition.
 */
describe('repositories: partitions and tenants (real SDK, embedded server)', () => {
  const clock = new TestClock();
  let t: TestStore;
  let a: Repositories;
  let b: Repositories;
  beforeEach(async () => {
    t = await openTestStore(clock);
    a = cosmosRepositories(t.store, { tenantId: tenantA, home: true });
    b = cosmosRepositories(t.store, { tenantId: tenantB, home: false });
    for (const n of [1, 2, 3]) await a.programmes.enrolments.create(enrolment('programme:a1', person(n)));
    for (const n of [4, 5]) await a.programmes.enrolments.create(enrolment('programme:a2', person(n)));
    for (const n of [6, 7]) await b.programmes.enrolments.create(enrolment('programme:b1', person(n)));
  });
  afterEach(() => t.close());

  it("a query inside one programme's partition answers with that partition only, as Azure does", async () => {
    assert.deepEqual((await a.programmes.enrolmentsOf('programme:a1')).map((e) => e.personId).sort(), [
      person(1),
      person(2),
      person(3),
    ]);
    assert.deepEqual((await a.programmes.enrolmentsOf('programme:a2')).map((e) => e.personId).sort(), [
      person(4),
      person(5),
    ]);
  });

  it("no read, list or query of one tenant returns another's documents", async () => {
    assert.equal(await b.programmes.enrolments.read(`enrolment:${person(1)}`, 'programme:a1'), undefined);
    assert.deepEqual(await b.programmes.enrolmentsOf('programme:a1'), []);
    assert.deepEqual(await a.programmes.enrolmentsOf('programme:b1'), []);
    assert.equal((await b.programmes.enrolmentsOf('programme:b1')).length, 2);
    await a.people.create({ ...newPerson(person(1), 'Ann', clock.now()), reach: reach(tenantA) });
    await b.people.create({ ...newPerson(person(6), 'Bea', clock.now()), reach: reach(tenantB) });
    assert.deepEqual(
      (await a.people.reachable(100)).map((p) => p.displayName),
      ['Ann'],
    );
    assert.deepEqual(
      (await b.people.reachable(100)).map((p) => p.displayName),
      ['Bea'],
    );
    assert.equal(await b.people.read(person(1), person(1)), undefined);
  });

  it("cannot overwrite or delete another tenant's document, even knowing its id", async () => {
    const id = `enrolment:${person(1)}`;
    const theirs = (await a.programmes.enrolments.read(id, 'programme:a1'))!;
    assert.equal(await b.programmes.enrolments.remove(id, 'programme:a1'), 'missing');
    assert.equal(await b.programmes.enrolments.create(enrolment('programme:a1', person(1))), 'exists');
    assert.deepEqual((await a.programmes.enrolments.read(id, 'programme:a1'))?.doc, theirs.doc);
  });

  it('stamps documents with their tenant, and hands them to the domain without it', async () => {
    const raw = await t.store.containers.programmes.item(`enrolment:${person(6)}`, 'programme:b1').read();
    assert.equal(raw.resource.tenantId, tenantB);
    const read = await b.programmes.enrolments.read(`enrolment:${person(6)}`, 'programme:b1');
    assert.equal('tenantId' in (read?.doc ?? {}), false);
  });

  it('a document stored without a tenant belongs to the first allowed tenant (home) only', async () => {
    await t.store.containers.programmes.items.create(enrolment('programme:old', person(8)));
    assert.equal((await a.programmes.enrolmentsOf('programme:old')).length, 1);
    assert.ok(await a.programmes.enrolments.read(`enrolment:${person(8)}`, 'programme:old'));
    assert.deepEqual(await b.programmes.enrolmentsOf('programme:old'), []);
    assert.equal(await b.programmes.enrolments.read(`enrolment:${person(8)}`, 'programme:old'), undefined);
  });
});

describe("repositories: a report's facts", () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore();
  });
  afterEach(() => t.close());

  it('carry the states and times of observations and prompts, never what supervisors wrote', async () => {
    const { cycles } = t.repos;
    // anything a person wrote on an observation, now or later, stays out of the facts
    await cycles.observations.create({
      ...sampleObservation(),
      note: 'the words of a supervisor',
    } as Observation);
    await cycles.prompts.create({
      ...samplePrompt('afterHost', 'answered'),
      answers: { went: 'the words of a supervisor' },
      safetyRating: 4,
      answeredAt: '2026-09-02T10:00:00.000Z',
    });
    await cycles.prompts.create(samplePrompt('beforeObserver'));

    assert.deepEqual(await cycles.observationFacts('p-1'), [
      {
        id: 'observation:1',
        pairId: 'pair:1',
        status: 'scheduled',
        startsAt: '2026-09-02T08:00:00.000Z',
        endsAt: '2026-09-02T09:00:00.000Z',
        hostId: 'host',
        memberIds: ['host', 'observer'],
        setting: 'wardRound',
        learnerLevel: 'studentLate',
      },
    ]);
    assert.doesNotMatch(JSON.stringify(await cycles.observationFacts('p-1')), /words of a supervisor|note/);
    const prompts = await cycles.promptFacts('p-1');
    assert.doesNotMatch(JSON.stringify(prompts), /words of a supervisor|answers|sendAt|revision/);
    const answered = prompts.find((p) => p.status === 'answered');
    assert.deepEqual([answered?.safetyRating, answered?.answeredAt], [4, '2026-09-02T10:00:00.000Z']);
    const sent = prompts.find((p) => p.status === 'sent');
    assert.deepEqual(Object.keys(sent ?? {}).sort(), [
      'id',
      'kind',
      'observationId',
      'pairId',
      'personId',
      'status',
    ]);
    assert.deepEqual(await cycles.promptFacts('another programme'), []);
  });

  it('count the end questionnaires answered from phase and status alone, never ratings or comments', async () => {
    await t.repos.programmes.evaluations.create({
      type: 'evaluation',
      id: 'evaluation:end:someone',
      programmeId: 'p-1',
      personId: 'someone',
      phase: 'end',
      status: 'answered',
      sentAt: '2026-12-21T09:00:00.000Z',
      answeredAt: '2026-12-22T09:00:00.000Z',
      ratings: { strategies: 4 },
      overall: { safety: 5, usefulness: 4, recommend: 9 },
      comment: 'the words of a supervisor',
    });
    const statuses = await t.repos.programmes.evaluationStatuses('p-1');
    assert.deepEqual(statuses, [{ phase: 'end', status: 'answered' }]);
    assert.deepEqual(await t.repos.programmes.evaluationStatuses('another programme'), []);
  });
});

function reach(tenantId: string) {
  return { conversationId: `a:${tenantId}`, serviceUrl: 'https://smba.example', tenantId, botId: '28:bot' };
}
