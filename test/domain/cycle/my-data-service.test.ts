import assert from 'node:assert/strict';
import sinon from 'sinon';
import { jobKinds } from '../../../src/domain/cycle/cycle-jobs';
import { Observation } from '../../../src/domain/cycle/observation';
import { erasureId } from '../../../src/domain/cycle/posted';
import { followUpId, summaryId } from '../../../src/domain/cycle/summary';
import { Person } from '../../../src/domain/people';
import { ProgrammeWorld } from '../../support/domain-fixtures';
import { eachTest } from '../../support/each-test';
import { CycleRig, sendAndAnswer, storedPrompt, openThursdayCycle } from './cycle-fixture';

describe('MyDataService: `my data` and `delete my data`', () => {
  let world: ProgrammeWorld;
  let rig: CycleRig;
  let ann: Person, bo: Person;
  let o: Observation;

  const myData = () => rig.services.myData;
  const erasure = async (p: Person) =>
    (await world.store.repos.cycles.erasures.read(erasureId(p.id), erasureId(p.id)))?.doc;

  /** both reflect, the summary goes out to both, and Bo sets an action point */
  eachTest(openThursdayCycle, async (cycle) => {
    ({ world, rig, ann, bo, observation: o } = cycle);
    world.clock.set('2026-09-03T10:00:00Z');
    await sendAndAnswer(rig, o, 'afterHost', ann);
    await sendAndAnswer(rig, o, 'afterObserver', bo);
    await rig.services.actionPoints.addActionPoint(bo, o.pairId, o.id, 'Ask the learner first');
  });

  it('shows a person what they wrote, with whom the feedback was for, and nothing of their peer’s', async () => {
    const data = await myData().myData(bo);
    assert.deepEqual(
      data.answers.map((a) => [a.prompt.kind, a.observation?.id, a.hostName]),
      [['afterObserver', o.id, 'Ann Ahl']],
    );
    assert.deepEqual(data.actionPoints, [
      { observationId: o.id, pairId: o.pairId, programmeId: o.programmeId, point: 'Ask the learner first' },
    ]);
    assert.deepEqual(
      (await myData().myData(ann)).answers.map((a) => a.prompt.kind),
      ['afterHost'],
    );
  });

  it('removes what a person wrote everywhere, leaves their peer’s words, and plans the messages’ update', async () => {
    assert.deepEqual(await myData().eraseContentOf(bo), { answers: 1, actionPoints: 1 });
    const theirs = (await storedPrompt(world, o, 'afterObserver', bo))!;
    assert.deepEqual(theirs.answers, {});
    assert.equal(theirs.status, 'answered', 'the prompt’s state stays for the counts');
    assert.ok(theirs.erasedAt);
    const followUp = (await world.store.repos.cycles.prompts.read(followUpId(o.id, bo.id, 1), o.pairId))!.doc;
    assert.equal(followUp.status, 'withdrawn');
    assert.equal(followUp.actionPoint, undefined);
    sinon.assert.calledWith(rig.work.cancel, `send:${followUp.id}`);
    const summary = (await world.store.repos.cycles.summaries.read(summaryId(o.id), o.pairId))!.doc;
    assert.deepEqual(summary.actionPoints, {});
    assert.equal(
      (await storedPrompt(world, o, 'afterHost', ann))!.answers?.['ah.plan'],
      'About ah.plan: calm and clear',
    );
    sinon.assert.calledWithMatch(rig.work.put, { id: `erase:${bo.id}`, kind: jobKinds.erase });
    assert.deepEqual(await myData().myData(bo), { answers: [], actionPoints: [], evaluations: [] });

    await myData().eraseContentOf(ann);
    assert.equal(
      (await storedPrompt(world, o, 'afterHost', ann))!.safetyRating,
      undefined,
      'the rating goes too',
    );
  });

  it('updates every message that showed their words once, even across a failed attempt, then tells them', async () => {
    await myData().eraseContentOf(bo);
    rig.mail.replacePosted.onFirstCall().resolves({ status: 'failed', reason: 'throttled' });
    assert.equal((await myData().finishErasure(bo.id)).status, 'retry');
    sinon.assert.notCalled(rig.mail.erasureDone);

    assert.deepEqual(await myData().finishErasure(bo.id), { status: 'done' });
    // Ann's and Bo's copies of the summary; Bo's follow-up card quoting his point never went out
    const replaced = rig.mail.replacePosted.getCalls().slice(1);
    assert.deepEqual(replaced.map((c) => c.args[0].id).sort(), [ann.id, bo.id].sort());
    const [, , content] = replaced[0]!.args;
    assert.ok(content.kind === 'summary');
    assert.deepEqual(content.view.observers[bo.id], {}, 'made again without Bo’s words');
    const [to, told] = rig.mail.erasureDone.lastCall.args;
    assert.equal(to.id, bo.id);
    assert.deepEqual([told.answers, told.actionPoints, told.updated, told.gone], [1, 1, 2, 0]);
    assert.equal(await erasure(bo), undefined);
    assert.deepEqual(await world.store.repos.cycles.postedShowing(bo.id), []);
    assert.deepEqual(await myData().finishErasure(bo.id), { status: 'done' });
    sinon.assert.calledOnce(rig.mail.erasureDone);
  });
});
