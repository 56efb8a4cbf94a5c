import assert from 'node:assert/strict';
import sinon from 'sinon';
import { Messenger, PersonalSender } from '../../../src/bot/outbound/messenger';
import { ChatCycleMail } from '../../../src/bot/outbound/cycle-mail';
import { Erasure } from '../../../src/domain/cycle/posted';
import { SendOutcome } from '../../../src/domain/ports';
import { silentLogger } from '../../../src/log';
import { reachablePerson } from '../../support/bot-actors';
import {
  english,
  sampleNames,
  sampleObservation,
  samplePrompt,
  sampleSummary,
  swedish,
} from '../../support/card-samples';
import { cardOf, textOf, verbsOf } from '../../support/test-bot';

const defaults = { defaultLocale: 'en', defaultTimeZone: 'Europe/Stockholm' };
const host = reachablePerson(1, 'Blake Berg', { id: 'host' });
const view = { observation: sampleObservation(), programmeName: 'Autumn', names: sampleNames };
const erasure = (card?: Erasure['card']): Erasure =>
  ({
    type: 'erasure',
    id: 'erasure:host',
    personId: 'host',
    startedAt: '2026-09-01T08:00:00.000Z',
    answers: 3,
    actionPoints: 1,
    card,
    handled: [],
    updated: 4,
    gone: 1,
  }) as Erasure;

describe('ChatCycleMail', () => {
  const sandbox = sinon.createSandbox();
  let update: sinon.SinonStub;
  let send: sinon.SinonStub;
  let mail: ChatCycleMail;
  beforeEach(() => {
    update = sandbox.stub().resolves({ status: 'sent' } satisfies SendOutcome);
    send = sandbox.stub().resolves({ status: 'sent', activityId: 'new' } satisfies SendOutcome);
    mail = new ChatCycleMail(
      { update } as unknown as Messenger,
      { send } as unknown as PersonalSender,
      defaults,
      silentLogger,
    );
  });
  afterEach(() => sandbox.restore());

  const updated = () => cardOf(update.firstCall.args[2] as Record<string, unknown>);
  const sent = () => send.firstCall.args[1] as Record<string, unknown>;

  it('updates a prompt card in place, in the 1:1 chat it was sent to', async () => {
    const prompt = { ...samplePrompt('afterHost', 'answered'), activityId: 'card-1' };
    assert.deepEqual(await mail.updatePrompt(host, prompt, view), { status: 'sent' });
    const [reach, activityId] = update.firstCall.args;
    assert.equal(reach.conversationId, host.reach!.conversationId);
    assert.equal(activityId, 'card-1');
  });

  it('reports a prompt card it has no id for as unreachable, and touches nothing', async () => {
    const outcome = await mail.updatePrompt(host, samplePrompt('afterHost'), view);
    assert.equal(outcome.status, 'unreachable');
    assert.equal(update.called, false);
  });

  it('replaces a message whose words are gone with a line saying they were removed', async () => {
    const where = { conversationId: 'a:elsewhere', activityId: 'm-9' };
    await mail.replacePosted(host, where, { kind: 'removed' });
    assert.equal(update.firstCall.args[0].conversationId, 'a:elsewhere');
    assert.equal(update.firstCall.args[1], 'm-9');
    assert.ok(textOf(updated()).includes(english.t('myData.removedMessage')));
  });

  it('puts the erasure’s result on the card that confirmed it', async () => {
    await mail.erasureDone(host, erasure({ conversationId: 'a:c', activityId: 'confirm-1' }));
    assert.equal(update.firstCall.args[1], 'confirm-1');
    assert.ok(textOf(updated()).includes(english.t('myData.deleted', { answers: 3, points: 1 })));
    assert.equal(send.called, false);
  });

  it('sends the erasure’s result anew when the confirming card is gone or unknown', async () => {
    update.resolves({ status: 'unreachable', reason: 'NotFound' });
    await mail.erasureDone(host, erasure({ conversationId: 'a:c', activityId: 'confirm-1' }));
    await mail.erasureDone(host, erasure());
    assert.equal(send.callCount, 2);
    assert.equal(update.callCount, 1);
  });

  it('does not send the erasure’s result twice when updating the card failed for another reason', async () => {
    update.resolves({ status: 'failed', reason: 'HTTP 500' });
    const outcome = await mail.erasureDone(host, erasure({ conversationId: 'a:c', activityId: 'confirm-1' }));
    assert.deepEqual(outcome, { status: 'failed', reason: 'HTTP 500' });
    assert.equal(send.called, false);
  });

  it('sends a reminder as a line, and a notice with the reader’s own role in the observation', async () => {
    const observation = sampleObservation();
    await mail.notify(host, { kind: 'reminder', prompt: samplePrompt('beforeHost'), observation });
    assert.equal(typeof sent().text, 'string');
    await mail.notify(host, { kind: 'scheduled', by: 'observer', observation, names: sampleNames });
    const card = cardOf(send.secondCall.args[1]);
    assert.ok(textOf(card).includes(english.t('notices.youHost')));
    assert.deepEqual(verbsOf(card), []);
  });

  it('offers to schedule again when an observation was cancelled', async () => {
    const observation = sampleObservation();
    await mail.notify(host, { kind: 'cancelled', by: 'observer', observation, names: sampleNames });
    assert.deepEqual(verbsOf(cardOf(sent())), ['schedule.open']);
  });

  it('sends a summary in the reader’s own language, with the outcome of the send', async () => {
    const swede = reachablePerson(2, 'Chris Dahl', { id: 'observer', preferences: { locale: 'sv-SE' } });
    send.resolves({ status: 'unreachable', reason: 'blocked' });
    const outcome = await mail.sendSummary(swede, sampleSummary());
    assert.deepEqual(outcome, { status: 'unreachable', reason: 'blocked' });
    assert.equal(send.firstCall.args[0], swede);
    assert.ok(textOf(cardOf(sent())).includes(swedish.t('summary.hostSaid', { name: sampleNames.host })));
  });
});
