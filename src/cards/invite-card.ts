import template from '../../cards/invite.json';
import { Words } from '../i18n';
import { AdaptiveCard, Choice, expandCard } from './render';

/** enough to find a colleague by typing (the list is filtered as you type), small enough for a card */
const maxOptions = 200;

export interface InviteCardData {
  /** colleagues to choose from; empty once the invitation is sent */
  readonly options: readonly Choice[];
  /** the outcome, already translated, once sent (or a refusal) */
  readonly message?: string;
}

export function renderInviteCard(data: InviteCardData, words: Words): AdaptiveCard {
  return expandCard(template, {
    options: data.options.slice(0, maxOptions),
    message: data.message ?? '',
    t: words.section('invite'),
  });
}
