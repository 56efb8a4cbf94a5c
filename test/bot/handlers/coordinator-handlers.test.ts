import assert from 'node:assert/strict';
import sinon from 'sinon';
import { addCoordinator, listCoordinators } from '../../../src/bot/handlers/coordinator-handlers';
import { actorOf, botServices, reachablePerson } from '../../support/bot-actors';
import { textOf } from '../../support/test-bot';

const actor = actorOf({ coordinator: true });
const words = actor.words;
const blake = reachablePerson(2, 'Blake Berg');
const chris = reachablePerson(3, 'Chris Dahl');

describe('coordinator-handlers', () => {
  const sandbox = sinon.createSandbox();
  let people: Record<'coordinators' | 'reachable' | 'get' | 'addCoordinator', sinon.SinonStub>;
  beforeEach(() => {
    people = {
      coordinators: sandbox.stub().resolves([{ personId: blake.id, displayName: 'Blake Berg' }]),
      reachable: sandbox.stub().resolves([blake, chris]),
      get: sandbox.stub().resolves(chris),
      addCoordinator: sandbox.stub().resolves('added'),
    };
  });
  afterEach(() => sandbox.restore());

  it('offers as new coordinators only people who are not coordinators yet', async () => {
    const reply = await listCoordinators(actor, botServices({ people, peoplePicker: false }));
    const card = 'card' in reply ? reply.card : undefined;
    const choices = JSON.stringify(card);
    assert.ok(choices.includes(chris.id));
    assert.ok(!choices.includes(`"value":"${blake.id}"`));
  });

  it('asks to choose someone when the card names nobody, and adds no one', async () => {
    const result = await addCoordinator(actor, { person: '  ' }, botServices({ people }));
    assert.ok(textOf(result.update).includes(words.t('coordinators.choose')));
    assert.equal(people.addCoordinator.called, false);
  });

  it('adds the chosen person and says so by name', async () => {
    const result = await addCoordinator(actor, { person: chris.id }, botServices({ people }));
    assert.deepEqual(people.addCoordinator.firstCall.args, [actor.person, chris.id, 'Chris Dahl']);
    assert.ok(textOf(result.update).includes(words.t('coordinators.added', { name: 'Chris Dahl' })));
  });

  it('says when the person already was a coordinator', async () => {
    people.addCoordinator.resolves('already');
    const result = await addCoordinator(actor, { person: chris.id }, botServices({ people }));
    assert.ok(textOf(result.update).includes(words.t('coordinators.already', { name: 'Chris Dahl' })));
  });
});
