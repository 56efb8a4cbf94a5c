import assert from 'node:assert/strict';
import sinon from 'sinon';
import { Observation } from '../../../src/domain/cycle/observation';
import { followUpId, summaryId } from '../../../src/domain/cycle/summary';
import { Person } from '../../../src/domain/people';
import { ProgrammeWorld } from '../../support/domain-fixtures';
import { eachTest } from '../../support/each-test';
import { CycleRig, sendAndAnswer, openThursdayCycle } from './cycle-fixture';

describe('ActionPointService: what a member means to try, and the follow-up that asks', () => {
  let world: ProgrammeWorld;
  let rig: CycleRig;
  let ann: Person, bo: Person, cy: Person;
  let o: Observation;

  const add = (by: Person, text: string) =>
    rig.services.actionPoints.addActionPoint(by, o.pairId, o.id, text);

  eachTest(openThursdayCycle, (cycle) => {
    ({ world, rig, ann, bo, cy, observation: o } = cycle);
    world.clock.set('2026-09-03T10:00:00Z');
  });

  it('waits for the pair’s summary: before it there is nothing to add a point to', async () => {
    assert.equal(await add(ann, 'Ask the learner first'), 'missing');
    await sendAndAnswer(rig, o, 'afterHost', ann);
    await sendAndAnswer(rig, o, 'afterObserver', bo);
    assert.equal(await add(ann, 'Ask the learner first'), 'added');
  });

  describe('once the summary is out', () => {
    beforeEach(async () => {
      await sendAndAnswer(rig, o, 'afterHost', ann);
      await sendAndAnswer(rig, o, 'afterObserver', bo);
      rig.work.put.resetHistory();
    });

    it('adds each point to the summary and plans a follow-up for it two weeks later', async () => {
      assert.equal(await add(ann, '  Ask the learner first  '), 'added');
      assert.equal(await add(ann, 'Summarise at the bedside'), 'added');
      const summary = (await world.store.repos.cycles.summaries.read(summaryId(o.id), o.pairId))!.doc;
      assert.deepEqual(summary.actionPoints, {
        [ann.id]: ['Ask the learner first', 'Summarise at the bedside'],
      });

      const id = followUpId(o.id, ann.id, 2);
      const followUp = (await world.store.repos.cycles.prompts.read(id, o.pairId))!.doc;
      assert.equal(followUp.kind, 'followUp');
      assert.equal(followUp.status, 'scheduled');
      assert.equal(followUp.actionPoint, 'Summarise at the bedside');
      const weeks = (Date.parse(followUp.sendAt) - world.clock.now().getTime()) / (7 * 86_400_000);
      assert.ok(weeks >= 2 && weeks < 2.2, `sent ${weeks} weeks on`);
      sinon.assert.calledWithMatch(rig.work.put, { id: `send:${id}`, dueAt: new Date(followUp.sendAt) });
    });

    it('refuses an empty point, a long one, one naming a patient, and one from outside the pair', async () => {
      assert.equal(await add(ann, '   '), 'empty');
      assert.equal(await add(ann, 'x'.repeat(501)), 'tooLong');
      const named = await add(ann, 'Call her at 070-123 45 67');
      assert.equal(typeof named === 'object' && named.identifier, 'phone');
      assert.ok(typeof named === 'object' && !named.shown.includes('45 67'), 'shown masked');
      assert.equal(await add(cy, 'Watch the handover'), 'forbidden');
      const summary = (await world.store.repos.cycles.summaries.read(summaryId(o.id), o.pairId))!.doc;
      assert.deepEqual(summary.actionPoints, {});
      sinon.assert.notCalled(rig.work.put);
    });
  });
});
