import assert from 'node:assert/strict';
import { jobKinds } from '../../../src/domain/cycle/cycle-jobs';
import { promptId } from '../../../src/domain/cycle/prompt';
import { CycleRig, openThursdayCycle, storedPrompt, ThursdayCycle } from './cycle-fixture';
import { eachTest } from '../../support/each-test';

describe('createCycleServices: the cycle’s services, and the scheduler’s handlers by job kind', () => {
  let cycle: ThursdayCycle;
  let rig: CycleRig;

  eachTest(openThursdayCycle, (opened) => {
    cycle = opened;
    rig = cycle.rig;
  });

  it('handles every kind of job the cycle plans, and no other', () => {
    assert.deepEqual(Object.keys(rig.services.handlers()).sort(), Object.values(jobKinds).sort());
  });

  it('runs each job against the prompt its payload names', async () => {
    const { world, ann, observation: o } = cycle;
    const payload = { pairId: o.pairId, promptId: promptId(o.id, 'beforeHost', ann.id) };
    const handlers = rig.services.handlers();
    world.clock.set('2026-09-02T14:00:00Z');

    assert.deepEqual(await handlers[jobKinds.send]!(payload), { status: 'done' });
    assert.equal((await storedPrompt(world, o, 'beforeHost', ann))!.status, 'sent');
    await handlers[jobKinds.remind]!(payload);
    assert.equal(rig.mail.notify.lastCall.args[1].kind, 'reminder');
    await handlers[jobKinds.expire]!(payload);
    assert.equal((await storedPrompt(world, o, 'beforeHost', ann))!.status, 'expired');
  });

  it('treats a job whose documents are gone as done', async () => {
    const handlers = rig.services.handlers();
    for (const kind of Object.values(jobKinds))
      assert.deepEqual(await handlers[kind]!({}), { status: 'done' }, kind);
  });
});
