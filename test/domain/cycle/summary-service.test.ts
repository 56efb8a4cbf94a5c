import assert from 'node:assert/strict';
import sinon from 'sinon';
import { jobKinds } from '../../../src/domain/cycle/cycle-jobs';
import { Observation } from '../../../src/domain/cycle/observation';
import { Prompt, promptId } from '../../../src/domain/cycle/prompt';
import { followUpId } from '../../../src/domain/cycle/summary';
import { mutate } from '../../../src/domain/mutate';
import { Person } from '../../../src/domain/people';
import { ProgrammeWorld } from '../../support/domain-fixtures';
import { eachTest } from '../../support/each-test';
import { answersFor, CycleRig, sendAndAnswer, sendPrompt, openThursdayCycle } from './cycle-fixture';

describe('SummaryService: the pair’s summary of an observation', () => {
  let world: ProgrammeWorld;
  let rig: CycleRig;
  let ann: Person, bo: Person, cy: Person;
  let o: Observation;

  const summaries = () => rig.services.summaries;
  const sentTo = () => rig.mail.sendSummary.getCalls().map((c) => c.args[0].id);

  eachTest(openThursdayCycle, (cycle) => {
    ({ world, rig, ann, bo, cy, observation: o } = cycle);
    world.clock.set('2026-09-03T10:00:00Z');
  });

  it('goes out at the deadline with what exists, once, saying whose answers are missing', async () => {
    await sendAndAnswer(rig, o, 'afterHost', ann);
    await sendPrompt(rig, o, 'afterObserver', bo);
    assert.equal(await summaries().maybeSummarise(o.pairId, o.id, true), false, 'Bo may still answer');

    await mutate<Prompt>(
      world.store.repos.cycles.prompts,
      promptId(o.id, 'afterObserver', bo.id),
      o.pairId,
      (p) => p && { ...p, status: 'expired' },
    );
    assert.equal(await summaries().maybeSummarise(o.pairId, o.id, true), true);
    assert.equal(await summaries().maybeSummarise(o.pairId, o.id, true), false, 'never twice');
    assert.deepEqual(sentTo(), [ann.id, bo.id]);
    const view = rig.mail.sendSummary.firstCall.args[1];
    assert.deepEqual(view.missing, [bo.id]);
    assert.equal(view.host?.['ah.plan'], 'About ah.plan: calm and clear');
    assert.deepEqual(view.observers, {});
    assert.deepEqual(
      (await world.store.repos.cycles.postedShowing(bo.id)).map((r) => r.viewerId).sort(),
      [ann.id, bo.id].sort(),
      'each copy is recorded as showing the pair’s words',
    );
  });

  it('waits for the morning of a member whose evening it is, as durable work', async () => {
    await sendPrompt(rig, o, 'afterHost', ann);
    await sendPrompt(rig, o, 'afterObserver', bo);
    world.clock.set('2026-09-03T19:00:00Z'); // 21:00 in Stockholm: quiet hours
    rig.work.put.resetHistory();
    const answer = (p: Person, kind: 'afterHost' | 'afterObserver') =>
      rig.services.answers.answer(p, o.pairId, promptId(o.id, kind, p.id), answersFor(kind));
    await answer(ann, 'afterHost');
    await answer(bo, 'afterObserver');
    sinon.assert.notCalled(rig.mail.sendSummary);
    const planned = rig.work.put.getCalls().map((c) => c.args[0]);
    assert.deepEqual(
      planned.map((j) => [j.kind, j.payload.to, j.dueAt.toISOString()]),
      [
        [jobKinds.summary, ann.id, '2026-09-04T05:00:00.000Z'],
        [jobKinds.summary, bo.id, '2026-09-04T05:00:00.000Z'],
      ],
    );
    world.clock.set('2026-09-04T05:00:00Z');
    assert.deepEqual(await summaries().sendSummary(planned[1]!.payload), { status: 'done' });
    assert.deepEqual(sentTo(), [bo.id]);
  });

  it('shows a member their history with the action points and how they went, and nobody else anything', async () => {
    await sendAndAnswer(rig, o, 'afterHost', ann);
    await sendAndAnswer(rig, o, 'afterObserver', bo);
    assert.equal(await rig.services.actionPoints.addActionPoint(bo, o.pairId, o.id, 'Ask first'), 'added');
    await rig.services.handlers()[jobKinds.send]!({ pairId: o.pairId, promptId: followUpId(o.id, bo.id, 1) });
    await rig.services.answers.answer(bo, o.pairId, followUpId(o.id, bo.id, 1), { 'fu.tried': 'partly' });

    const [view, ...more] = await summaries().history(ann);
    assert.equal(more.length, 0);
    assert.equal(view!.observation.id, o.id);
    assert.deepEqual(view!.actionPoints, [
      { personId: bo.id, point: 'Ask first', tried: 'partly', happened: undefined },
    ]);
    assert.equal(view!.observers[bo.id]?.['ao.worked'], 'About ao.worked: calm and clear');
    assert.equal(await summaries().summaryFor(cy, o.pairId, o.id), undefined);
    assert.deepEqual(await summaries().history(cy), []);
  });
});
