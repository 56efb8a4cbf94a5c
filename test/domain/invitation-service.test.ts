import assert from 'node:assert/strict';
import sinon from 'sinon';
import { invitationId } from '../../src/domain/membership';
import { Person } from '../../src/domain/people';
import { openProgrammeWorld, postedNotices, ProgrammeWorld, supervisor } from '../support/domain-fixtures';
import { eachTest } from '../support/each-test';

describe('InvitationService (real SDK, embedded server)', () => {
  let w: ProgrammeWorld;
  let blake: Person;
  let chris: Person;
  let dana: Person;

  eachTest(openProgrammeWorld, async (opened) => {
    w = opened;
    const enrolled = await w.enrol(
      supervisor(2, 'Blake Berg'),
      supervisor(3, 'Chris Dahl'),
      supervisor(4, 'Dana Ek'),
    );
    [blake, chris, dana] = [enrolled[0]!, enrolled[1]!, enrolled[2]!];
  });

  const invite = (from: Person, to: Person) => w.invitations.invite(from, w.programme.id, to.id);
  const answer = (by: Person, from: Person, accept: boolean) =>
    w.invitations.answer(by, w.programme.id, invitationId(from.id, by.id), accept);
  const storedInvitation = async (from: Person, to: Person) =>
    (await w.store.repos.programmes.invitations.read(invitationId(from.id, to.id), w.programme.id))?.doc;

  describe('invite', () => {
    it('sends the colleague an invitation naming the inviter', async () => {
      const outcome = await invite(blake, chris);
      assert.equal(outcome.status, 'sent');
      assert.equal((await storedInvitation(blake, chris))?.status, 'pending');
      sinon.assert.calledOnce(w.notices.post);
      assert.deepEqual(postedNotices(w.notices), [
        {
          kind: 'invited',
          to: chris.id,
          invitationId: invitationId(blake.id, chris.id),
          programmeId: w.programme.id,
          programmeName: w.programme.name,
          fromName: 'Blake Berg',
        },
      ]);
    });

    it('accepts the colleague id in any case', async () => {
      const outcome = await w.invitations.invite(blake, w.programme.id, chris.id.toUpperCase());
      assert.equal(outcome.status, 'sent');
      assert.ok(await storedInvitation(blake, chris));
    });

    it('tells the inviter when the colleague cannot be reached', async () => {
      w.notices.post.resolves({ unreachable: [chris.id] });
      assert.equal((await invite(blake, chris)).status, 'unreachable');
    });

    it('refuses to invite oneself', async () => {
      assert.deepEqual(await invite(blake, blake), { status: 'refused', reason: 'invite.error.self' });
      sinon.assert.notCalled(w.notices.post);
    });

    it('refuses an inviter who is not enrolled, and a colleague who is not', async () => {
      const outsider = { ...blake, id: supervisor(9, 'Sam Stranger').personId };
      assert.deepEqual(await invite(outsider, chris), {
        status: 'refused',
        reason: 'invite.error.notEnrolled',
      });
      assert.deepEqual(await invite(blake, outsider), {
        status: 'refused',
        reason: 'invite.error.colleagueNotEnrolled',
      });
      sinon.assert.notCalled(w.notices.post);
    });

    it('refuses when either side already has a peer', async () => {
      await w.pairs.pairManually(w.programme, [blake.id, chris.id]);
      w.notices.post.resetHistory();
      assert.deepEqual(await invite(blake, dana), { status: 'refused', reason: 'invite.error.youArePaired' });
      assert.deepEqual(await invite(dana, chris), {
        status: 'refused',
        reason: 'invite.error.theyArePaired',
      });
      sinon.assert.notCalled(w.notices.post);
    });

    it('answers "already" to a repeated invitation while the first is pending, and sends nothing more', async () => {
      const first = await invite(blake, chris);
      const again = await invite(blake, chris);
      assert.equal(again.status, 'already');
      assert.deepEqual(
        again.status === 'already' && again.invitation,
        first.status === 'sent' && first.invitation,
      );
      sinon.assert.calledOnce(w.notices.post);
    });

    it('can invite the same colleague again after they declined', async () => {
      await invite(blake, chris);
      await answer(chris, blake, false);
      w.notices.post.resetHistory();
      assert.equal((await invite(blake, chris)).status, 'sent');
      assert.equal((await storedInvitation(blake, chris))?.status, 'pending');
      sinon.assert.calledOnce(w.notices.post);
    });
  });

  describe('answer', () => {
    beforeEach(async () => {
      await invite(blake, chris);
      w.notices.post.resetHistory();
    });

    it('lets only the invitee answer: anyone else is forbidden and changes nothing', async () => {
      const forged = await w.invitations.answer(dana, w.programme.id, invitationId(blake.id, chris.id), true);
      assert.deepEqual(forged, { status: 'forbidden' });
      const byInviter = await w.invitations.answer(
        blake,
        w.programme.id,
        invitationId(blake.id, chris.id),
        true,
      );
      assert.deepEqual(byInviter, { status: 'forbidden' });
      assert.equal((await storedInvitation(blake, chris))?.status, 'pending');
      assert.deepEqual(await w.storedPairs(), []);
      sinon.assert.notCalled(w.notices.post);
    });

    it('reports an invitation that does not exist as missing', async () => {
      assert.deepEqual(await answer(dana, blake, true), { status: 'missing' });
    });

    it('pairs the two on accept and tells the inviter it was accepted', async () => {
      const outcome = await answer(chris, blake, true);
      assert.equal(outcome.status, 'accepted');
      assert.equal('repeated' in outcome && outcome.repeated, false);

      const pairs = await w.storedPairs();
      assert.equal(pairs.length, 1);
      assert.deepEqual([...pairs[0]!.memberIds].sort(), [blake.id, chris.id].sort());
      assert.equal(pairs[0]!.formedBy, 'invitation');
      assert.equal((await w.enrolment(blake.id))?.pairId, pairs[0]!.id);
      assert.equal((await w.enrolment(chris.id))?.pairId, pairs[0]!.id);
      assert.equal((await storedInvitation(blake, chris))?.status, 'accepted');

      sinon.assert.calledOnce(w.notices.post);
      assert.deepEqual(postedNotices(w.notices), [
        {
          kind: 'invitationAnswered',
          to: blake.id,
          programmeName: w.programme.name,
          inviteeName: 'Chris Dahl',
          outcome: 'accepted',
        },
      ]);
    });

    it('leaves both free on decline and tells the inviter', async () => {
      const outcome = await answer(chris, blake, false);
      assert.equal(outcome.status, 'declined');
      assert.deepEqual(await w.storedPairs(), []);
      assert.equal((await w.enrolment(chris.id))?.pairId, undefined);
      assert.deepEqual(
        postedNotices(w.notices).map((n) => n.kind === 'invitationAnswered' && [n.to, n.outcome]),
        [[blake.id, 'declined']],
      );
    });

    it('recognises a second click on accept: repeated, nothing posted, still one pair', async () => {
      await answer(chris, blake, true);
      w.notices.post.resetHistory();
      const again = await answer(chris, blake, true);
      assert.equal(again.status, 'accepted');
      assert.equal('repeated' in again && again.repeated, true);
      sinon.assert.notCalled(w.notices.post);
      assert.equal((await w.storedPairs()).length, 1);
    });

    it('does not let a late decline undo an accepted invitation', async () => {
      await answer(chris, blake, true);
      const late = await answer(chris, blake, false);
      assert.equal(late.status, 'accepted');
      assert.equal('repeated' in late && late.repeated, true);
      assert.equal((await w.enrolment(chris.id))?.pairId, (await w.storedPairs())[0]!.id);
    });

    it('forms exactly one pair when two accepts arrive at once', async () => {
      const outcomes = await Promise.all([answer(chris, blake, true), answer(chris, blake, true)]);
      assert.deepEqual(
        outcomes.map((o) => o.status),
        ['accepted', 'accepted'],
      );
      assert.deepEqual(outcomes.map((o) => 'repeated' in o && o.repeated).sort(), [false, true]);
      assert.equal((await w.storedPairs()).length, 1);
      sinon.assert.calledOnce(w.notices.post);
    });

    it('reports a failed pairing to the inviter when the invitee was paired by someone else meanwhile', async () => {
      await w.pairs.pairManually(w.programme, [chris.id, dana.id]);
      w.notices.post.resetHistory();
      const outcome = await answer(chris, blake, true);
      assert.equal(outcome.status, 'failed');
      assert.equal((await storedInvitation(blake, chris))?.status, 'failed');
      assert.equal((await w.enrolment(blake.id))?.pairId, undefined, 'the inviter is still free');
      assert.equal((await w.storedPairs()).length, 1);
      assert.deepEqual(
        postedNotices(w.notices).map((n) => n.kind === 'invitationAnswered' && [n.to, n.outcome]),
        [[blake.id, 'failed']],
      );
    });
  });
});
