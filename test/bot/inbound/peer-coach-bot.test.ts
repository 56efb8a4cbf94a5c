import assert from 'node:assert/strict';
import sinon from 'sinon';
import { Activity, TestAdapter } from 'botbuilder';
import { PeerCoachBot } from '../../../src/bot/inbound/peer-coach-bot';
import { verbs } from '../../../src/bot/verbs';
import { silentLogger } from '../../../src/log';
import {
  avery,
  channelMessage,
  execute,
  fromSharedChat,
  groupChat,
  message,
  refreshCard,
  submit,
} from '../../support/activities';
import { actorOf, botServices, reachablePerson } from '../../support/bot-actors';
import { samplePrompt } from '../../support/card-samples';
import { cardOf } from '../../support/test-bot';

const svc = 'https://smba.example/';
const person = reachablePerson(1, 'Avery Lind', { id: avery.aadObjectId });
const words = actorOf().words;
const team = { id: '19:team@thread.tacv2', name: 'Surgery' };

describe('PeerCoachBot', () => {
  const sandbox = sinon.createSandbox();
  let parts: Record<string, unknown>;
  let record: sinon.SinonStub;
  let send: sinon.SinonStub;
  let myData: { myData: sinon.SinonStub; eraseContentOf: sinon.SinonStub };
  beforeEach(() => {
    record = sandbox.stub().resolves();
    send = sandbox.stub().resolves({ status: 'sent', activityId: 'late-1' });
    myData = {
      myData: sandbox.stub(),
      eraseContentOf: sandbox.stub().resolves({ answers: 1, actionPoints: 0 }),
    };
    parts = {
      people: { recognise: sandbox.stub().resolves(person), isCoordinator: () => false },
      cycles: { myData, posted: { record } },
      sender: { send },
    };
  });
  afterEach(() => sandbox.restore());

  /** the bot behind botbuilder's TestAdapter, which keeps everything the bot sent (invoke responses too) */
  function botAdapter(overrides: object = {}): TestAdapter {
    const bot = new PeerCoachBot(botServices({ ...parts, ...overrides }), silentLogger);
    return new TestAdapter((context) => bot.run(context));
  }
  async function turn(activity: object, overrides: object = {}): Promise<Partial<Activity>[]> {
    const adapter = botAdapter(overrides);
    await adapter.processActivity(activity as Partial<Activity>);
    return adapter.activeQueue;
  }
  const invokeBody = (sent: Partial<Activity>[]) =>
    (sent.find((a) => a.type === 'invokeResponse')?.value as { body: { statusCode: number; value: unknown } })
      .body;

  it('answers text it does not know with a pointer to help', async () => {
    const sent = await turn(message(avery, svc, 'what now'));
    assert.deepEqual(
      sent.map((a) => a.text),
      [words.t('common.unknownCommand')],
    );
  });

  it('stays silent in a channel unless it is @mentioned', async () => {
    assert.deepEqual(await turn(channelMessage(avery, svc, team, 'help')), []);
    const mentioned = await turn(channelMessage(avery, svc, team, '<at>Peer Coach</at> help'));
    assert.equal(mentioned.length, 1);
  });

  it('records where a reply showing someone’s words landed, so erasing reaches it', async () => {
    const prompt = samplePrompt('afterHost', 'answered');
    myData.myData.resolves({
      answers: [{ prompt, observation: undefined, hostName: undefined }],
      actionPoints: [],
    });
    const sent = await turn(message(avery, svc, 'my data'));
    assert.ok(sent.length > 0);
    const [by, conversationId, activityId, shows] = record.firstCall.args;
    assert.equal(by, person);
    assert.equal(conversationId, avery.conversationId);
    assert.equal(activityId, sent[0]!.id);
    assert.equal(shows.source.kind, 'myData');
  });

  it('answers a failing command kindly, without what failed', async () => {
    myData.myData.rejects(new Error('store down'));
    const sent = await turn(message(avery, svc, 'my data'));
    assert.deepEqual(
      sent.map((a) => a.text),
      [words.t('common.failed')],
    );
  });

  it('refuses an automatic trigger of a verb that writes', async () => {
    const sent = await turn(refreshCard(avery, svc, { verb: verbs.eraseMyData, data: {} }));
    assert.equal(invokeBody(sent).statusCode, 403);
    assert.equal(myData.eraseContentOf.called, false);
  });

  it('answers a card action with the new card in the invoke response', async () => {
    const sent = await turn({ ...execute(avery, svc, verbs.eraseMyData), replyToId: 'card-1' });
    const body = invokeBody(sent);
    assert.equal(body.statusCode, 200);
    assert.equal(myData.eraseContentOf.firstCall.args[1].activityId, 'card-1');
  });

  it('answers a slow card action “still working” and sends its card to the chat when ready', async () => {
    myData.eraseContentOf.callsFake(
      () => new Promise((resolve) => setTimeout(() => resolve({ answers: 1, actionPoints: 0 }), 30)),
    );
    const sent = await turn(execute(avery, svc, verbs.eraseMyData), { invokeDeadlineMs: 1 });
    assert.equal(invokeBody(sent).value, words.t('common.stillWorking'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(send.calledOnce, true);
    assert.ok(cardOf(send.firstCall.args[1]));
  });

  it('refuses an Action.Submit clicked in a group chat with one line, and leaves its card', async () => {
    const click = fromSharedChat(
      submit(avery, svc, 'card-1', { verb: verbs.eraseMyData }),
      groupChat('19:g'),
    );
    const sent = await turn(click);
    assert.deepEqual(
      sent.map((a) => [a.type, a.text]),
      [['message', words.t('common.personalOnly')]],
    );
    assert.equal(myData.eraseContentOf.called, false);
  });

  it('updates the clicked card in place for an Action.Submit', async () => {
    const adapter = botAdapter();
    const update = sandbox.spy(adapter, 'updateActivity');
    await adapter.processActivity(submit(avery, svc, 'card-1', { verb: verbs.eraseMyData }) as object);
    assert.equal(update.firstCall.args[1].id, 'card-1');
  });
});
