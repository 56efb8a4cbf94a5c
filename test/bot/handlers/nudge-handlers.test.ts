import assert from 'node:assert/strict';
import sinon from 'sinon';
import { nudge, previewNudge, sendNudge } from '../../../src/bot/handlers/nudge-handlers';
import { actorOf, botServices } from '../../support/bot-actors';
import { sampleNudge, sampleProgramme } from '../../support/card-samples';
import { textOf } from '../../support/test-bot';

const actor = actorOf({ coordinator: true });
const words = actor.words;
const programme = sampleProgramme();
const selection = { recipients: ['person-1'], excluded: { paused: 0, unreachable: 0 }, listOnly: false };

describe('nudge-handlers', () => {
  const sandbox = sinon.createSandbox();
  let programmes: Record<'list' | 'get', sinon.SinonStub>;
  let nudges: Record<'preview' | 'confirm', sinon.SinonStub>;
  let audit: Record<'record', sinon.SinonStub>;
  const services = () => botServices({ programmes, nudges, audit });
  beforeEach(() => {
    programmes = {
      list: sandbox.stub().resolves([programme]),
      get: sandbox.stub().resolves({ programme, etag: '1' }),
    };
    nudges = {
      preview: sandbox.stub().resolves({ status: 'ready', nudge: sampleNudge(1, 'draft'), selection }),
      confirm: sandbox.stub().resolves({ nudge: sampleNudge(1), started: true }),
    };
    audit = { record: sandbox.stub().resolves() };
  });
  afterEach(() => sandbox.restore());

  it('composes a nudge for the only programme straight away', async () => {
    const reply = await nudge(actor, services());
    assert.ok(textOf('card' in reply ? reply.card : undefined).includes(programme.name));
    assert.deepEqual(programmes.get.firstCall.args, [programme.id]);
  });

  it('asks for a group again, and previews nothing, when the group is not one it knows', async () => {
    for (const data of [{ segment: 'everyone; drop' }, { segment: 'promptWaiting', days: '61' }] as Record<
      string,
      string
    >[]) {
      const result = await previewNudge(actor, { programmeId: 'p-1', ...data }, services());
      assert.ok(textOf(result.update).includes(words.t('nudge.nobody')));
    }
    assert.equal(nudges.preview.called, false);
  });

  it('previews a ready-made wording, in the coordinator’s words, when they wrote none of their own', async () => {
    const data = { programmeId: 'p-1', segment: 'promptWaiting', days: '3', wording: 'thanks', message: ' ' };
    await previewNudge(actor, data, services());
    const [, , segment, message, wording] = nudges.preview.firstCall.args;
    assert.deepEqual(segment, { kind: 'promptWaiting', days: 3 });
    assert.equal(message, words.t('nudge.wordings.thanks'));
    assert.equal(wording, 'thanks');
  });

  it('keeps the compose card, with the reason, when the message cannot go', async () => {
    nudges.preview.resolves({ status: 'tooLong' });
    const result = await previewNudge(
      actor,
      { programmeId: 'p-1', segment: 'everyone', message: 'x' },
      services(),
    );
    assert.ok(textOf(result.update).includes(words.t('nudge.tooLong')));
  });

  it('starts sending from the card that was clicked, and records it once', async () => {
    const result = await sendNudge(
      { ...actor, cardId: 'card-1' },
      { programmeId: 'p-1', nudgeId: 'n1' },
      services(),
    );
    const [, , progress] = nudges.confirm.firstCall.args;
    assert.equal(progress.activityId, 'card-1');
    assert.equal(progress.conversationId, actor.person.reach!.conversationId);
    assert.equal(audit.record.firstCall.args[2], 'nudge');
    assert.ok(result.update);
    nudges.confirm.resolves({ nudge: sampleNudge(1), started: false });
    await sendNudge({ ...actor, cardId: 'card-1' }, { programmeId: 'p-1', nudgeId: 'n1' }, services());
    assert.equal(audit.record.callCount, 1);
  });

  it('sends nothing when the client did not say which card was clicked', async () => {
    const result = await sendNudge(actor, { programmeId: 'p-1', nudgeId: 'n1' }, services());
    assert.deepEqual(result, { reply: { text: words.t('common.stale') } });
    assert.equal(nudges.confirm.called, false);
  });
});
