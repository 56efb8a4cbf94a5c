import assert from 'node:assert/strict';
import { InvitationCardData, renderInvitationCard } from '../../src/cards/invitation-card';
import { InvitationStatus } from '../../src/domain/membership';
import { Words } from '../../src/i18n';
import { buttonsOf, english, swedish } from '../support/card-samples';
import { textOf, verbsOf } from '../support/test-bot';

const invitation = (state: InvitationStatus, words: Words = english) =>
  renderInvitationCard(
    {
      programmeId: 'p-1',
      programmeName: 'Autumn',
      invitationId: 'invitation:a:b',
      fromName: 'Blake Berg',
      state,
    } satisfies InvitationCardData,
    words,
  );

describe('cards/invitation-card', () => {
  it('asks a colleague to accept or decline, naming who invites and in which programme', () => {
    const card = invitation('pending');
    assert.match(textOf(card), /Blake Berg invites you to be peers\nIn Autumn, Blake Berg would like/);
    assert.deepEqual(verbsOf(card), ['invitation.accept', 'invitation.decline']);
    assert.deepEqual(buttonsOf(card)[0]!.data, {
      verb: 'invitation.accept',
      programmeId: 'p-1',
      invitationId: 'invitation:a:b',
    });
  });

  it('shows no buttons on an answered invitation, so it cannot be answered twice', () => {
    for (const state of ['accepted', 'declined', 'failed'] as const) {
      assert.deepEqual(verbsOf(invitation(state)), [], state);
      assert.doesNotMatch(textOf(invitation(state)), /would like the two of you/, state);
    }
  });

  it('says how it ended once answered', () => {
    assert.match(textOf(invitation('accepted')), /You and Blake Berg are now peers in Autumn/);
    assert.match(textOf(invitation('declined')), /You declined/);
    assert.match(textOf(invitation('failed')), /could not be completed/);
  });

  it('invites in Swedish', () => {
    assert.match(textOf(invitation('pending', swedish)), /Blake Berg vill bilda par med dig/);
    assert.match(textOf(invitation('pending', swedish)), /Tacka ja\n[\s\S]*Tacka nej/);
    assert.match(textOf(invitation('accepted', swedish)), /Du tackade ja/);
  });
});
