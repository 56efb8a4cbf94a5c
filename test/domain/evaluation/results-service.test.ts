import assert from 'node:assert/strict';
import fc from 'fast-check';
import sinon from 'sinon';
import { EvaluationResponse, evaluationId, Phase } from '../../../src/domain/evaluation/evaluation';
import { closeJobKind, resultsId } from '../../../src/domain/evaluation/results-release';
import { ResultsService } from '../../../src/domain/evaluation/results-service';
import { Ratings } from '../../../src/domain/evaluation/statements';
import { sampleProgramme } from '../../support/card-samples';
import { documentProblems } from '../../support/document-shapes';
import { eachTestStore } from '../../support/test-store';
import { TestClock } from '../../support/test-clock';

const programme = sampleProgramme();
const every = (v: number): Ratings => ({
  strategies: v,
  complexity: v,
  reflection: v,
  feedback: v,
  learnerPerspective: v,
  sharedConcern: v,
});

describe('evaluation results: closing and releasing once', () => {
  const clock = new TestClock('2027-01-10T09:00:00Z');
  const t = eachTestStore(clock);
  const work = { put: sinon.stub().resolves(), cancel: sinon.stub().resolves() };
  let results: ResultsService;
  beforeEach(async () => {
    work.put.resetHistory();
    results = new ResultsService(t.repos, clock, work);
    await t.repos.programmes.programmes.create(programme);
  });

  /** a questionnaire as stored once answered (the end card's own service is not needed here) */
  function answered(
    personId: string,
    phase: Phase,
    extra: Partial<EvaluationResponse> = {},
  ): Promise<unknown> {
    return t.repos.programmes.evaluations.create({
      type: 'evaluation',
      id: evaluationId(phase, personId),
      programmeId: programme.id,
      personId,
      phase,
      status: 'answered',
      sentAt: '2026-12-21T09:00:00.000Z',
      answeredAt: '2026-12-22T09:00:00.000Z',
      ratings: every(3),
      ...extra,
    });
  }
  const ends = async (n: number, extra: (i: number) => Partial<EvaluationResponse> = () => ({})) => {
    for (let i = 0; i < n; i++) await answered(`person-${i}`, 'end', extra(i));
  };

  it('counts the end questionnaires answered while open, and nothing else', async () => {
    await ends(3);
    await answered('person-9', 'baseline');
    await t.repos.programmes.evaluations.create({
      type: 'evaluation',
      id: evaluationId('end', 'person-8'),
      programmeId: programme.id,
      personId: 'person-8',
      phase: 'end',
      status: 'sent',
      sentAt: '2026-12-21T09:00:00.000Z',
    });
    assert.equal(await results.answeredAtEnd(programme.id), 3);
  });

  it('shows nothing at all when four answered at the end, even after closing', async () => {
    await ends(4, () => ({ comment: 'a comment' }));
    const outcome = await results.close(programme.id, 'coordinator');
    assert.equal(outcome.status, 'closed');
    const stored = await results.results(programme.id);
    assert.equal(stored?.closedAt, '2027-01-10T09:00:00.000Z');
    assert.equal(stored?.release, undefined);
    assert.doesNotMatch(JSON.stringify(stored), /comment|person-/);
  });

  it('releases the figures once five answered at the end, pairing only those who answered both', async () => {
    await ends(5, (i) => ({
      ratings: every(4),
      overall: { safety: 4, usefulness: 5, recommend: 8 + (i % 3) },
    }));
    for (const i of [0, 1, 2]) await answered(`person-${i}`, 'baseline', { ratings: every(2) });
    for (const i of [20, 21]) await answered(`person-${i}`, 'baseline', { ratings: every(2) });
    await results.close(programme.id, 'coordinator');
    const release = (await results.results(programme.id))?.release;
    assert.equal(release?.endAnswered, 5);
    const first = release!.statements[0]!;
    assert.deepEqual(first.baseline, { people: 5, counts: [0, 5, 0, 0, 0], median: 2 });
    assert.deepEqual(first.end, { people: 5, counts: [0, 0, 0, 5, 0], median: 4 });
    // three answered both times: too few to show any change
    assert.equal(first.change, undefined);
    assert.deepEqual(release!.overall.recommend?.counts, [0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 1]);
  });

  it('merges a small direction of change, as release.ts decides', async () => {
    // 6 higher (2 → 4), 5 the same, 2 lower (4 → 2)
    const start = (i: number) => (i < 6 ? 2 : i < 11 ? 3 : 4);
    const end = (i: number) => (i < 6 ? 4 : i < 11 ? 3 : 2);
    for (let i = 0; i < 13; i++) await answered(`person-${i}`, 'baseline', { ratings: every(start(i)) });
    await ends(13, (i) => ({ ratings: every(end(i)) }));
    await results.close(programme.id, 'schedule');
    assert.deepEqual((await results.results(programme.id))?.release?.statements[0]?.change, {
      answeredBoth: 13,
      groups: [
        { directions: ['higher'], count: 6 },
        { directions: ['same', 'lower'], count: 7 },
      ],
    });
  });

  it('releases no comment when four wrote one, and five comments without who or when', async () => {
    await ends(6, (i) => (i < 4 ? { comment: `words ${i}` } : {}));
    await results.close(programme.id, 'coordinator');
    const four = (await results.results(programme.id))!;
    assert.equal(four.release?.endAnswered, 6);
    assert.equal(four.release?.comments, undefined);
    assert.doesNotMatch(JSON.stringify(four), /words/);

    // the same programme again, had a fifth written one: released then
    await t.repos.programmes.evaluationResults.remove(resultsId(programme.id), programme.id);
    const fifth = (await t.repos.programmes.evaluations.read(evaluationId('end', 'person-4'), programme.id))!;
    await t.repos.programmes.evaluations.replace({ ...fifth.doc, comment: 'words 4' }, fifth.etag);
    await results.close(programme.id, 'coordinator');
    const five = (await results.results(programme.id))!;
    assert.deepEqual([...(five.release?.comments ?? [])].sort(), [
      'words 0',
      'words 1',
      'words 2',
      'words 3',
      'words 4',
    ]);
    assert.doesNotMatch(JSON.stringify(five.release), /person-|2026-12-2/);
    const raw = await t.store.containers.programmes.item(resultsId(programme.id), programme.id).read();
    assert.deepEqual(documentProblems('programmes', raw.resource), []);
  });

  it('changes nothing on a second close or an answer that arrives after the release', async () => {
    await ends(5, (i) => ({ comment: `words ${i}` }));
    await results.close(programme.id, 'coordinator');
    const first = await results.results(programme.id);
    clock.set('2027-01-11T09:00:00Z');
    await answered('person-late', 'end', { ratings: every(1), comment: 'late words' });
    assert.equal((await results.close(programme.id, 'schedule')).status, 'already');
    assert.deepEqual(await results.results(programme.id), first);
    assert.doesNotMatch(JSON.stringify(await results.results(programme.id)), /late words/);
  });

  it('two readings of one closed evaluation are identical, whatever arrives in between', async () => {
    await ends(7, (i) => ({ ratings: every(1 + (i % 5)), comment: `words ${i}` }));
    await results.close(programme.id, 'coordinator');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }), async (late) => {
        const before = await results.results(programme.id);
        for (const v of late)
          await t.repos.programmes.evaluations.create({
            type: 'evaluation',
            id: evaluationId('end', `late-${v}`),
            programmeId: programme.id,
            personId: `late-${v}`,
            phase: 'end',
            status: 'answered',
            sentAt: '2027-01-11T09:00:00.000Z',
            ratings: every(v),
            comment: `late ${v}`,
          });
        await results.close(programme.id, 'schedule');
        assert.deepEqual(await results.results(programme.id), before);
      }),
      { numRuns: 8 },
    );
  });

  it("plans the automatic close for the programme's last day plus 14 days, and runs it then", async () => {
    await results.planClose(programme);
    const job = work.put.firstCall.args[0];
    assert.equal(job.kind, closeJobKind);
    assert.deepEqual(job.payload, { programmeId: programme.id });
    // 2026-12-20 in Stockholm, plus 14 days: the start of 3 January 2027, local time
    assert.equal(job.dueAt.toISOString(), '2027-01-02T23:00:00.000Z');
    await ends(5);
    clock.set('2027-01-02T12:00:00Z');
    assert.deepEqual(await results.closeWhenDue({ programmeId: programme.id }), {
      status: 'retry',
      at: new Date('2027-01-02T23:00:00.000Z'),
    });
    assert.equal(await results.results(programme.id), undefined);
    clock.set('2027-01-03T00:00:00Z');
    assert.deepEqual(await results.closeWhenDue({ programmeId: programme.id }), { status: 'done' });
    assert.equal((await results.results(programme.id))?.closedBy, 'schedule');
  });

  it('closes when a shorter end window closes, not two weeks after the last day', async () => {
    const week = { ...programme, evaluationDays: 7 };
    await results.planClose(week);
    // 2026-12-20 in Stockholm, plus 7 days: the start of 27 December, local time
    assert.equal(work.put.firstCall.args[0].dueAt.toISOString(), '2026-12-26T23:00:00.000Z');
  });

  it('waits while the end questionnaire can still be answered (a longer window)', async () => {
    await t.repos.programmes.programmes.create({
      ...programme,
      id: 'p-2',
      programmeId: 'p-2',
      evaluationDays: 21,
    });
    clock.set('2027-01-03T00:00:00Z');
    assert.equal((await results.closeWhenDue({ programmeId: 'p-2' })).status, 'retry');
    assert.equal(await results.results('p-2'), undefined);
  });
});
