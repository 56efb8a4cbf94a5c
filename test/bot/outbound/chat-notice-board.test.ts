import assert from 'node:assert/strict';
import sinon from 'sinon';
import { ChatNoticeBoard } from '../../../src/bot/outbound/chat-notice-board';
import { PersonalSender } from '../../../src/bot/outbound/messenger';
import { Notice } from '../../../src/domain/notices';
import { Person } from '../../../src/domain/people';
import { PeopleService } from '../../../src/domain/people-service';
import { SendOutcome } from '../../../src/domain/ports';
import { reachablePerson } from '../../support/bot-actors';
import { english, swedish } from '../../support/card-samples';
import { cardOf, textOf, verbsOf } from '../../support/test-bot';

const defaults = { defaultLocale: 'en', defaultTimeZone: 'UTC' };
const avery = reachablePerson(1, 'Avery Lind');
const blake = reachablePerson(2, 'Blake Berg', { preferences: { locale: 'sv-SE' } });
const chris = reachablePerson(3, 'Chris Dahl', { reach: undefined });

describe('ChatNoticeBoard', () => {
  const sandbox = sinon.createSandbox();
  let send: sinon.SinonStub<[Person, object], Promise<SendOutcome>>;
  let board: ChatNoticeBoard;
  beforeEach(() => {
    const everyone = new Map([avery, blake, chris].map((p) => [p.id, p]));
    const people = { get: async (id: string) => everyone.get(id) } as unknown as PeopleService;
    send = sandbox.stub<[Person, object], Promise<SendOutcome>>().resolves({ status: 'sent' });
    board = new ChatNoticeBoard(people, { send } as unknown as PersonalSender, defaults);
  });
  afterEach(() => sandbox.restore());

  const paired = (to: string): Notice => ({
    kind: 'paired',
    to,
    programmeName: 'Autumn',
    peerNames: ['Dana Ek'],
  });
  const sentCard = (i: number) => cardOf(send.getCall(i).args[1] as Record<string, unknown>);

  it('sends each notice as a card in the recipient’s own language, with its button', async () => {
    const outcome = await board.post([paired(avery.id), paired(blake.id)]);
    assert.deepEqual(outcome, { unreachable: [] });
    assert.deepEqual(
      send.getCalls().map((c) => c.args[0].id),
      [avery.id, blake.id],
    );
    assert.ok(textOf(sentCard(0)).includes(english.t('notice.pairedTitle', { programme: 'Autumn' })));
    assert.ok(textOf(sentCard(1)).includes(swedish.t('notice.pairedTitle', { programme: 'Autumn' })));
    assert.deepEqual(verbsOf(sentCard(0)), ['schedule.open']);
  });

  it('lists as unreachable someone without a 1:1 chat, someone unknown and a send that failed', async () => {
    send.withArgs(sinon.match({ id: blake.id })).resolves({ status: 'failed', reason: 'HTTP 500' });
    const outcome = await board.post([
      paired(chris.id),
      paired('nobody'),
      paired(blake.id),
      paired(avery.id),
    ]);
    assert.deepEqual(outcome, { unreachable: [chris.id, 'nobody', blake.id] });
    assert.equal(send.callCount, 2);
  });

  it('tells an inviter how their invitation was answered', async () => {
    await board.post([
      {
        kind: 'invitationAnswered',
        to: avery.id,
        programmeName: 'Autumn',
        inviteeName: 'Dana Ek',
        outcome: 'declined',
      },
    ]);
    const text = english.t('invitation.answeredDeclined', { name: 'Dana Ek', programme: 'Autumn' });
    assert.ok(textOf(sentCard(0)).includes(text));
  });

  it('sends an invitation with buttons to accept or decline it', async () => {
    await board.post([
      {
        kind: 'invited',
        to: avery.id,
        invitationId: 'i1',
        programmeId: 'p1',
        programmeName: 'Autumn',
        fromName: 'Dana Ek',
      },
    ]);
    assert.deepEqual(verbsOf(sentCard(0)).sort(), ['invitation.accept', 'invitation.decline']);
  });
});
