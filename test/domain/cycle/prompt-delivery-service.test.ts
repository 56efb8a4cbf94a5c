import assert from 'node:assert/strict';
import sinon from 'sinon';
import { Observation } from '../../../src/domain/cycle/observation';
import { mutate } from '../../../src/domain/mutate';
import { promptId } from '../../../src/domain/cycle/prompt';
import { PromptCards } from '../../../src/domain/cycle/prompt-cards';
import { PromptDeliveryService } from '../../../src/domain/cycle/prompt-delivery-service';
import { PromptKind } from '../../../src/domain/cycle/questions';
import { Person } from '../../../src/domain/people';
import { ProgrammeWorld } from '../../support/domain-fixtures';
import { eachTest } from '../../support/each-test';
import { answersFor, CycleRig, sendAndAnswer, storedPrompt, openThursdayCycle } from './cycle-fixture';

describe('PromptDeliveryService: a prompt sent, reminded and expired as due work', () => {
  let world: ProgrammeWorld;
  let rig: CycleRig;
  let delivery: PromptDeliveryService;
  let ann: Person, bo: Person;
  let o: Observation;

  const id = (kind: PromptKind, p: Person) => promptId(o.id, kind, p.id);
  const jobs = () => rig.work.put.getCalls().map((c) => [c.args[0].id, c.args[0].dueAt.toISOString()]);

  eachTest(openThursdayCycle, (cycle) => {
    ({ world, rig, ann, bo, observation: o } = cycle);
    const { repos } = world.store;
    const { services, people, work, mail } = rig;
    delivery = new PromptDeliveryService(
      { repos, clock: world.clock, people, work, mail, reads: services.reads },
      new PromptCards(repos, people, work, mail, services.reads),
      services.posted,
      services.summaries,
    );
    world.clock.set('2026-09-02T14:00:00Z'); // Wednesday 16:00 in Stockholm, when before-prompts go out
  });

  it('sends the card once, and plans its reminder and its expiry', async () => {
    assert.deepEqual(await delivery.sendPrompt(o.pairId, id('beforeHost', ann)), { status: 'done' });
    const stored = (await storedPrompt(world, o, 'beforeHost', ann))!;
    assert.equal(stored.status, 'sent');
    const outcome = await rig.mail.sendPrompt.firstCall.returnValue;
    assert.equal(stored.activityId, outcome.status === 'sent' && outcome.activityId);
    assert.deepEqual(jobs(), [
      [`remind:${stored.id}`, '2026-09-03T14:00:00.000Z'],
      [`expire:${stored.id}`, stored.expiresAt],
    ]);
    assert.deepEqual(await delivery.sendPrompt(o.pairId, id('beforeHost', ann)), { status: 'done' });
    sinon.assert.calledOnce(rig.mail.sendPrompt);
    assert.deepEqual(await storedPrompt(world, o, 'beforeHost', ann), stored);
  });

  it('waits for the morning in quiet hours, and tries a failed send again five minutes on', async () => {
    world.clock.set('2026-09-02T19:00:00Z'); // 21:00 in Stockholm
    assert.deepEqual(await delivery.sendPrompt(o.pairId, id('beforeHost', ann)), {
      status: 'retry',
      at: new Date('2026-09-03T05:00:00Z'),
    });
    world.clock.set('2026-09-03T05:00:00Z');
    rig.mail.sendPrompt.resolves({ status: 'failed', reason: 'throttled' });
    assert.deepEqual(await delivery.sendPrompt(o.pairId, id('beforeHost', ann)), {
      status: 'retry',
      at: new Date('2026-09-03T05:05:00Z'),
    });
    assert.equal((await storedPrompt(world, o, 'beforeHost', ann))!.status, 'scheduled');
  });

  it('holds a prompt back while someone is paused, and drops a before-prompt once the observation has begun', async () => {
    await rig.people.setPaused(ann.id, true);
    assert.deepEqual(await delivery.sendPrompt(o.pairId, id('beforeHost', ann)), {
      status: 'retry',
      at: new Date('2026-09-02T20:00:00Z'),
    });
    world.clock.set('2026-09-03T08:30:00Z');
    assert.deepEqual(await delivery.sendPrompt(o.pairId, id('beforeHost', ann)), { status: 'done' });
    assert.equal((await storedPrompt(world, o, 'beforeHost', ann))!.status, 'withdrawn');
    sinon.assert.notCalled(rig.mail.sendPrompt);
  });

  it('tells the peer when someone can no longer be reached', async () => {
    await rig.people.uninstalled(bo.id);
    await delivery.sendPrompt(o.pairId, id('beforeObserver', bo));
    assert.equal((await storedPrompt(world, o, 'beforeObserver', bo))!.status, 'unreachable');
    const [to, notice] = rig.mail.notify.lastCall.args;
    assert.equal(to.id, ann.id);
    assert.ok(notice.kind === 'peerUnreachable');
    assert.deepEqual([notice.peerName, notice.observation.id], ['Bo Berg', o.id]);
  });

  it('reminds once about an open card, and never about an answered one', async () => {
    await delivery.sendPrompt(o.pairId, id('beforeHost', ann));
    await delivery.sendPrompt(o.pairId, id('beforeObserver', bo));
    await rig.services.answers.answer(bo, o.pairId, id('beforeObserver', bo), { 'bo.attention': 'Pacing' });
    for (let i = 0; i < 2; i++) {
      await delivery.remind(o.pairId, id('beforeHost', ann));
      await delivery.remind(o.pairId, id('beforeObserver', bo));
    }
    assert.deepEqual(
      rig.mail.notify.getCalls().map((c) => [c.args[0].id, c.args[1].kind]),
      [[ann.id, 'reminder']],
    );
    assert.ok((await storedPrompt(world, o, 'beforeHost', ann))!.remindedAt);
  });

  it('closes an unanswered after-card at its deadline and sends the summary with what exists', async () => {
    world.clock.set('2026-09-03T10:00:00Z');
    await sendAndAnswer(rig, o, 'afterHost', ann);
    await delivery.sendPrompt(o.pairId, id('afterObserver', bo));
    assert.deepEqual(await delivery.expire(o.pairId, id('afterObserver', bo)), { status: 'done' });
    assert.equal((await storedPrompt(world, o, 'afterObserver', bo))!.status, 'expired');
    sinon.assert.calledWith(rig.work.cancel, `remind:${id('afterObserver', bo)}`);
    assert.equal(rig.mail.updatePrompt.lastCall.args[1].status, 'expired', 'the card says so');
    assert.deepEqual(rig.mail.sendSummary.lastCall.args[1].missing, [bo.id]);
  });

  it('sends at the deadline a summary that two answers given at the same moment both missed', async () => {
    world.clock.set('2026-09-03T10:00:00Z');
    await sendAndAnswer(rig, o, 'afterHost', ann);
    await delivery.sendPrompt(o.pairId, id('afterObserver', bo));
    // Bo's answer stored while Ann's turn was reading: neither turn saw the other's
    await mutate(world.store.repos.cycles.prompts, id('afterObserver', bo), o.pairId, (p) => ({
      ...p!,
      status: 'answered' as const,
      answers: answersFor('afterObserver'),
    }));
    sinon.assert.notCalled(rig.mail.sendSummary);

    await delivery.expire(o.pairId, id('afterHost', ann));
    await delivery.expire(o.pairId, id('afterObserver', bo));
    assert.deepEqual(
      rig.mail.sendSummary.getCalls().map((c) => [c.args[0].id, c.args[1].missing]),
      [
        [ann.id, []],
        [bo.id, []],
      ],
    );
  });
});
