import assert from 'node:assert/strict';
import sinon from 'sinon';
import { Observation } from '../../../src/domain/cycle/observation';
import { promptId } from '../../../src/domain/cycle/prompt';
import { PromptCards } from '../../../src/domain/cycle/prompt-cards';
import { Pair } from '../../../src/domain/membership';
import { Person } from '../../../src/domain/people';
import { ProgrammeWorld } from '../../support/domain-fixtures';
import { eachTest } from '../../support/each-test';
import { CycleRig, sendPrompt, storedPrompt, openThursdayCycle } from './cycle-fixture';

describe('PromptCards: a prompt card in someone’s chat, kept saying what its prompt is', () => {
  let world: ProgrammeWorld;
  let rig: CycleRig;
  let cards: PromptCards;
  let ann: Person, bo: Person;
  let pair: Pair;
  let o: Observation;

  eachTest(openThursdayCycle, (cycle) => {
    ({ world, rig, ann, bo, pair, observation: o } = cycle);
    const { services, people, work, mail } = rig;
    cards = new PromptCards(world.store.repos, people, work, mail, services.reads);
    world.clock.set('2026-09-02T14:00:00Z');
  });

  it('withdraws a card that went out, cancels its jobs and closes it in the chat', async () => {
    await sendPrompt(rig, o, 'beforeHost', ann);
    const sent = (await storedPrompt(world, o, 'beforeHost', ann))!;
    await cards.withdraw(sent, o, pair, world.programme);
    assert.equal((await storedPrompt(world, o, 'beforeHost', ann))!.status, 'withdrawn');
    assert.deepEqual(
      rig.work.cancel.getCalls().map((c) => c.args[0]),
      [`send:${sent.id}`, `remind:${sent.id}`, `expire:${sent.id}`],
    );
    const [to, shown] = rig.mail.updatePrompt.lastCall.args;
    assert.deepEqual([to.id, shown.status], [ann.id, 'withdrawn']);
  });

  it('withdraws a card not yet sent without touching any chat, and leaves an answered one alone', async () => {
    const planned = (await storedPrompt(world, o, 'beforeObserver', bo))!;
    await cards.withdraw(planned, o, pair, world.programme);
    assert.equal((await storedPrompt(world, o, 'beforeObserver', bo))!.status, 'withdrawn');
    sinon.assert.notCalled(rig.mail.updatePrompt);

    await sendPrompt(rig, o, 'beforeHost', ann);
    await rig.services.answers.answer(ann, o.pairId, promptId(o.id, 'beforeHost', ann.id), {
      'bh.strategy': 'Ask',
      'bh.focus': 'Pace',
    });
    rig.mail.updatePrompt.resetHistory();
    await cards.withdraw((await storedPrompt(world, o, 'beforeHost', ann))!, o, pair, world.programme);
    assert.equal((await storedPrompt(world, o, 'beforeHost', ann))!.status, 'answered');
    sinon.assert.notCalled(rig.mail.updatePrompt);
  });
});
