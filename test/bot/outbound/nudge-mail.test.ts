import assert from 'node:assert/strict';
import sinon from 'sinon';
import { TurnContext } from 'botbuilder';
import { Messenger, PersonalSender } from '../../../src/bot/outbound/messenger';
import { ChatNudgeMail } from '../../../src/bot/outbound/nudge-mail';
import { PeopleService } from '../../../src/domain/people-service';
import { silentLogger } from '../../../src/log';
import { reachablePerson } from '../../support/bot-actors';
import { sampleNudge, swedish } from '../../support/card-samples';
import { personalReach } from '../../support/domain-fixtures';
import { cardOf, textOf } from '../../support/test-bot';

const coordinator = reachablePerson(0xc0, 'Casey Coordinator', { id: 'a' });
const swede = reachablePerson(2, 'Blake Berg', { preferences: { locale: 'sv-SE' } });
const progress = { ...personalReach(), activityId: 'progress-1' };

describe('ChatNudgeMail', () => {
  const sandbox = sinon.createSandbox();
  let send: sinon.SinonStub;
  let updateActivity: sinon.SinonStub;
  let within: sinon.SinonStub;
  let mail: ChatNudgeMail;
  beforeEach(() => {
    send = sandbox.stub().resolves({ status: 'sent' });
    updateActivity = sandbox.stub().resolves();
    within = sandbox
      .stub()
      .callsFake((_reach, _type, logic: (c: TurnContext) => Promise<unknown>) =>
        logic({ updateActivity } as unknown as TurnContext),
      );
    const people = { get: async (id: string) => (id === 'a' ? coordinator : undefined) };
    mail = new ChatNudgeMail(
      { within } as unknown as Messenger,
      { send } as unknown as PersonalSender,
      people as unknown as PeopleService,
      { defaultLocale: 'en', defaultTimeZone: 'UTC' },
      silentLogger,
    );
  });
  afterEach(() => sandbox.restore());

  const sentText = () => textOf(cardOf(send.firstCall.args[1]));

  it('sends a ready-made wording in the recipient’s own language', async () => {
    await mail.send(swede, { ...sampleNudge(), wording: 'thanks', message: 'Thanks, all!' });
    assert.ok(sentText().includes(swedish.t('nudge.wordings.thanks')));
    assert.ok(!sentText().includes('Thanks, all!'));
  });

  it('sends the coordinator’s own words as they wrote them', async () => {
    const outcome = await mail.send(swede, { ...sampleNudge(), message: 'Book your second visit' });
    assert.ok(sentText().includes('Book your second visit'));
    assert.deepEqual(outcome, { status: 'sent' });
  });

  it('updates the coordinator’s progress card in place, in their 1:1 chat', async () => {
    await mail.showProgress({ ...sampleNudge(), progress }, 'Autumn');
    assert.deepEqual(within.firstCall.args.slice(0, 2), [progress, 'personal']);
    const activity = updateActivity.firstCall.args[0];
    assert.equal(activity.id, 'progress-1');
    assert.ok(textOf(cardOf(activity)).includes('Autumn'));
  });

  it('leaves the progress card alone when it has no place or its coordinator is gone', async () => {
    await mail.showProgress(sampleNudge(), 'Autumn');
    await mail.showProgress({ ...sampleNudge(), progress, createdBy: 'someone-else' }, 'Autumn');
    assert.equal(within.called, false);
  });

  it('shrugs off a progress card that cannot be updated: the nudge goes on', async () => {
    updateActivity.rejects(Object.assign(new Error('gone'), { statusCode: 404 }));
    await mail.showProgress({ ...sampleNudge(), progress }, 'Autumn');
    assert.equal(updateActivity.calledOnce, true);
  });
});
