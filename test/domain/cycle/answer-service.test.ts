import assert from 'node:assert/strict';
import sinon from 'sinon';
import { Observation } from '../../../src/domain/cycle/observation';
import { promptId } from '../../../src/domain/cycle/prompt';
import { Person } from '../../../src/domain/people';
import { ProgrammeWorld } from '../../support/domain-fixtures';
import { eachTest } from '../../support/each-test';
import {
  answersFor,
  CycleRig,
  sendAndAnswer,
  sendPrompt,
  storedPrompt,
  openThursdayCycle,
} from './cycle-fixture';

describe('AnswerService: a prompt card submitted', () => {
  let world: ProgrammeWorld;
  let rig: CycleRig;
  let ann: Person, bo: Person;
  let o: Observation;

  const answer = (by: Person, kind: Parameters<typeof answersFor>[0], typed = answersFor(kind)) =>
    rig.services.answers.answer(by, o.pairId, promptId(o.id, kind, ann.id), typed);

  eachTest(openThursdayCycle, (cycle) => {
    ({ world, rig, ann, bo, observation: o } = cycle);
    world.clock.set('2026-09-03T10:00:00Z');
  });

  it('stores a host’s reflection once, with the safety rating kept apart from the answers', async () => {
    await sendPrompt(rig, o, 'afterHost', ann);
    const first = await answer(ann, 'afterHost');
    assert.equal(first.status, 'answered');
    const stored = (await storedPrompt(world, o, 'afterHost', ann))!;
    assert.equal(stored.safetyRating, 4);
    assert.equal(stored.answers?.['ah.safety'], undefined, 'the pair never sees the rating');
    assert.equal(stored.answers?.['ah.plan'], 'About ah.plan: calm and clear');

    const again = await answer(ann, 'afterHost', { 'ah.plan': 'Something else' });
    assert.equal(again.status, 'repeated');
    assert.equal(
      (await storedPrompt(world, o, 'afterHost', ann))!.answers?.['ah.plan'],
      stored.answers?.['ah.plan'],
    );
  });

  it('lets nobody but the person it was sent to answer, and nobody before it is sent', async () => {
    assert.equal((await answer(ann, 'afterHost')).status, 'notYet');
    await sendPrompt(rig, o, 'afterHost', ann);
    assert.deepEqual(await answer(bo, 'afterHost'), { status: 'forbidden' });
    assert.deepEqual(
      await rig.services.answers.answer(ann, o.pairId, 'prompt:nothing', answersFor('afterHost')),
      { status: 'missing' },
    );
    assert.equal((await storedPrompt(world, o, 'afterHost', ann))!.status, 'sent');
  });

  it('keeps what was typed and stores nothing when an answer is missing or names a patient', async () => {
    await sendPrompt(rig, o, 'afterHost', ann);
    const blank = await answer(ann, 'afterHost', { 'ah.plan': '  ' });
    assert.equal(blank.status, 'invalid');
    assert.deepEqual('errors' in blank && blank.errors, { 'ah.plan': 'required' });

    const typed = { 'ah.plan': 'Follow up with the patient, pnr 19811218-9876' };
    const named = await answer(ann, 'afterHost', typed);
    assert.equal(named.status, 'invalid');
    assert.ok('view' in named);
    assert.deepEqual(named.view.typed, typed, 'everything typed stays in the card');
    assert.equal(named.view.errors?.['ah.plan'], 'prompt.error.identifier.personnummer');
    assert.ok(!named.view.found?.['ah.plan']?.includes('9876'), 'what was found is shown masked');
    assert.equal((await storedPrompt(world, o, 'afterHost', ann))!.status, 'sent');
  });

  it('shows the host’s focus on the observer’s open before-card as soon as the host gives it', async () => {
    world.clock.set('2026-09-02T14:00:00Z');
    await sendPrompt(rig, o, 'beforeObserver', bo);
    assert.equal((await sendAndAnswer(rig, o, 'beforeHost', ann)).status, 'answered');
    const [to, prompt, view] = rig.mail.updatePrompt.lastCall.args;
    assert.equal(to.id, bo.id);
    assert.equal(prompt.kind, 'beforeObserver');
    assert.equal(view.hostFocus, 'About bh.focus: calm and clear');
  });

  it('sends the pair’s summary to both once the second of them has answered', async () => {
    await sendAndAnswer(rig, o, 'afterHost', ann);
    sinon.assert.notCalled(rig.mail.sendSummary);
    await sendAndAnswer(rig, o, 'afterObserver', bo);
    assert.deepEqual(
      rig.mail.sendSummary.getCalls().map((c) => c.args[0].id),
      [ann.id, bo.id],
    );
  });
});
