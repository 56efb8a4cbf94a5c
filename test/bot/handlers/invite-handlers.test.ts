import assert from 'node:assert/strict';
import sinon from 'sinon';
import { answerInvitation, invite, sendInvite } from '../../../src/bot/handlers/invite-handlers';
import { actorOf, botServices } from '../../support/bot-actors';
import { sampleProgramme } from '../../support/card-samples';
import { textOf, verbsOf } from '../../support/test-bot';

const actor = actorOf();
const words = actor.words;
const invitation = { id: 'invitation:1', toName: 'Blake Berg', fromName: 'Avery Lind' };

describe('invite-handlers', () => {
  const sandbox = sinon.createSandbox();
  let invitations: Record<'options' | 'invite' | 'answer', sinon.SinonStub>;
  beforeEach(() => {
    invitations = {
      options: sandbox.stub().resolves([
        { programmeId: 'p-1', programmeName: 'Autumn', personId: 'b', displayName: 'Blake Berg' },
        { programmeId: 'p-2', programmeName: 'Spring', personId: 'c', displayName: '' },
      ]),
      invite: sandbox.stub().resolves({ status: 'sent', invitation }),
      answer: sandbox.stub(),
    };
  });
  afterEach(() => sandbox.restore());

  it('names each colleague’s programme when the inviter is in more than one', async () => {
    const reply = await invite(actor, botServices({ invitations }));
    const text = textOf('card' in reply ? reply.card : undefined);
    assert.ok(text.includes('Blake Berg (Autumn)'));
    assert.ok(text.includes('— (Spring)'));
  });

  it('shows the choice again, and invites nobody, when no colleague was chosen', async () => {
    await sendInvite(actor, { colleague: 'p-1' }, botServices({ invitations }));
    assert.equal(invitations.invite.called, false);
  });

  it('invites the chosen colleague in the chosen programme and says so', async () => {
    const result = await sendInvite(actor, { colleague: 'p-1|b' }, botServices({ invitations }));
    assert.deepEqual(invitations.invite.firstCall.args, [actor.person, 'p-1', 'b']);
    assert.ok(textOf(result.update).includes(words.t('invite.sent', { name: 'Blake Berg' })));
  });

  it('says why an invitation was refused, with the choice still there', async () => {
    invitations.invite.resolves({ status: 'refused', reason: 'invite.error.theyArePaired' });
    const result = await sendInvite(actor, { colleague: 'p-1|b' }, botServices({ invitations }));
    assert.ok(textOf(result.update).includes(words.t('invite.error.theyArePaired')));
    assert.ok(textOf(result.update).includes('Blake Berg'));
  });

  it('turns the invitation into its answered state once accepted, buttons gone', async () => {
    invitations.answer.resolves({ status: 'accepted', invitation });
    const get = sandbox.stub().resolves({ programme: sampleProgramme(), etag: '1' });
    const data = { programmeId: 'p-1', invitationId: 'invitation:1' };
    const result = await answerInvitation(true)(
      actor,
      data,
      botServices({ invitations, programmes: { get } }),
    );
    assert.deepEqual(invitations.answer.firstCall.args, [actor.person, 'p-1', 'invitation:1', true]);
    assert.deepEqual(verbsOf(result.update), []);
  });

  it('tells someone answering another person’s invitation that it is not theirs', async () => {
    invitations.answer.resolves({ status: 'forbidden' });
    const result = await answerInvitation(false)(actor, {}, botServices({ invitations }));
    assert.ok(textOf(result.update).includes(words.t('invitation.forbidden')));
    assert.equal(invitations.answer.firstCall.args[3], false);
  });
});
