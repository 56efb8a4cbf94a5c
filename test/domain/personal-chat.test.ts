import assert from 'node:assert/strict';
import sinon from 'sinon';
import { newPerson, Person } from '../../src/domain/people';
import { ChatTransport, PersonalChat } from '../../src/domain/personal-chat';
import { SendOutcome } from '../../src/domain/ports';

describe('a personal chat', () => {
  const reach = { conversationId: 'a:1', serviceUrl: 'https://smba.example/', botId: '28:bot' };
  const person: Person = {
    ...newPerson('11111111-1111-4111-8111-111111111111', 'Ada Lind', new Date('2026-09-01T08:00:00Z')),
    reach,
  };

  function chatAnswering(outcome: SendOutcome) {
    const transport = sinon.fake.resolves(outcome) as sinon.SinonSpy & ChatTransport<string>;
    const people = { uninstalled: sinon.fake.resolves(undefined) };
    return { chat: new PersonalChat<string>(transport, people), transport, people };
  }

  it('sends the message to the stored chat and keeps it when it arrives', async () => {
    const { chat, transport, people } = chatAnswering({ status: 'sent', activityId: 'm1' });
    assert.deepEqual(await chat.send(person, 'hello'), { status: 'sent', activityId: 'm1' });
    assert.deepEqual(transport.firstCall.args, [reach, 'hello']);
    assert.equal(people.uninstalled.callCount, 0);
  });

  it('forgets the chat when Teams says the person cannot be reached', async () => {
    const { chat, people } = chatAnswering({ status: 'unreachable', reason: 'ConversationBlockedByUser' });
    assert.equal((await chat.send(person, 'hello')).status, 'unreachable');
    assert.deepEqual(people.uninstalled.firstCall.args, [person.id]);
  });

  it('keeps the chat after a failure that may pass (throttling, an outage)', async () => {
    const { chat, people } = chatAnswering({ status: 'failed', reason: 'HTTP 503' });
    assert.equal((await chat.send(person, 'hello')).status, 'failed');
    assert.equal(people.uninstalled.callCount, 0);
  });

  it('sends nothing to someone who has not installed the app', async () => {
    const { chat, transport } = chatAnswering({ status: 'sent' });
    const { reach: _gone, ...notInstalled } = person;
    assert.deepEqual(await chat.send(notInstalled, 'hello'), {
      status: 'unreachable',
      reason: 'not installed',
    });
    assert.equal(transport.callCount, 0);
  });
});
