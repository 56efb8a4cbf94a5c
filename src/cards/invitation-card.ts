import template from '../../cards/invitation.json';
import { InvitationStatus } from '../domain/membership';
import { Words } from '../i18n';
import { AdaptiveCard, expandCard } from './render';

export interface InvitationCardData {
  readonly programmeId: string;
  readonly programmeName: string;
  readonly invitationId: string;
  readonly fromName: string;
  /** pending shows Accept and Decline; any other state shows the outcome and no buttons */
  readonly state: InvitationStatus;
}

export function renderInvitationCard(data: InvitationCardData, words: Words): AdaptiveCard {
  const params = { name: data.fromName, programme: data.programmeName };
  const outcomes: Record<InvitationStatus, string> = {
    pending: '',
    accepted: words.t('invitation.accepted', params),
    declined: words.t('invitation.declined', params),
    failed: words.t('invitation.failed', params),
  };
  return expandCard(template, {
    programmeId: data.programmeId,
    invitationId: data.invitationId,
    state: data.state,
    title: words.t('invitation.title', params),
    body: words.t('invitation.body', params),
    outcome: outcomes[data.state],
    t: words.section('invitation'),
  });
}
