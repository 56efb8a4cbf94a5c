import template from '../../cards/invite.json';
import { Words } from '../i18n';
import { AdaptiveCard, Choice, expandCard } from './render';

export interface InviteCardData {
  /** colleagues to choose from; empty once the invitation is sent */
  readonly options: readonly Choice[];
  /** the outcome, already translated, once sent (or a refusal) */
  readonly message?: string;
}

export function renderInviteCard(data: InviteCardData, words: Words): AdaptiveCard {
  return expandCard(template, {
    options: data.options,
    message: data.message ?? '',
    t: words.section('invite'),
  });
}
