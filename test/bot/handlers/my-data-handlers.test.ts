import assert from 'node:assert/strict';
import sinon from 'sinon';
import { askToErase, deleteMyData, eraseMyData, myData } from '../../../src/bot/handlers/my-data-handlers';
import { verbs } from '../../../src/bot/verbs';
import { actorOf, botServices } from '../../support/bot-actors';
import { samplePrompt } from '../../support/card-samples';
import { textOf, verbsOf } from '../../support/test-bot';

const actor = actorOf();
const words = actor.words;

describe('my-data-handlers', () => {
  const sandbox = sinon.createSandbox();
  afterEach(() => sandbox.restore());

  it('shows what a person wrote, recorded as showing their words so erasing reaches it', async () => {
    const prompt = samplePrompt('afterHost', 'answered');
    const data = {
      answers: [{ prompt, observation: undefined, hostName: undefined }],
      actionPoints: [{ observationId: 'o1', pairId: 'pair:2', programmeId: 'p-2', point: 'Pause more' }],
    };
    const services = botServices({ cycles: { myData: { myData: sandbox.stub().resolves(data) } } });
    const reply = await myData(actor, services);
    assert.ok('cards' in reply && reply.cards.length > 0);
    assert.deepEqual(reply.shows, {
      source: { kind: 'myData', part: 0 },
      personIds: [actor.person.id],
      pairs: [
        { pairId: 'pair:1', programmeId: 'p-1' },
        { pairId: 'pair:2', programmeId: 'p-2' },
      ],
    });
  });

  it('records nothing when the person has written nothing', async () => {
    const empty = { answers: [], actionPoints: [] };
    const services = botServices({ cycles: { myData: { myData: sandbox.stub().resolves(empty) } } });
    assert.equal((await myData(actor, services)).shows, undefined);
  });

  it('asks before erasing, from the command and from a button alike', async () => {
    const typed = deleteMyData(actor);
    const clicked = (await askToErase(actor)).reply;
    assert.deepEqual(clicked, typed);
    assert.ok('card' in typed && verbsOf(typed.card).includes(verbs.eraseMyData));
  });

  it('erases, names the confirming card so the result lands on it, and says how much went', async () => {
    const eraseContentOf = sandbox.stub().resolves({ answers: 2, actionPoints: 1 });
    const services = botServices({ cycles: { myData: { eraseContentOf } } });
    const result = await eraseMyData({ ...actor, cardId: 'confirm-1' }, {}, services);
    assert.deepEqual(eraseContentOf.firstCall.args, [
      actor.person,
      { conversationId: actor.person.reach!.conversationId, activityId: 'confirm-1' },
    ]);
    assert.ok(textOf(result.update).includes(words.t('myData.deleted', { answers: 2, points: 1 })));
  });

  it('erases without a card to update when the client did not say which was clicked', async () => {
    const eraseContentOf = sandbox.stub().resolves({ answers: 0, actionPoints: 0 });
    await eraseMyData(actor, {}, botServices({ cycles: { myData: { eraseContentOf } } }));
    assert.equal(eraseContentOf.firstCall.args[1], undefined);
  });
});
