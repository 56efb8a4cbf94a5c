import template from '../../cards/pairing.json';
import { Words } from '../i18n';
import { AdaptiveCard, Choice, expandCard, firstOf } from './render';

/** three choice lists of this many stay well under 28 KB; automatic pairing handles any number */
const maxChoices = 80;

export interface PairingCardData {
  readonly programmeId: string;
  readonly programmeName: string;
  /** enrolled supervisors without a peer */
  readonly candidates: readonly Choice[];
  /** an already-translated problem with the last attempt */
  readonly error?: string;
}

export function renderPairingCard(data: PairingCardData, words: Words): AdaptiveCard {
  const shown = firstOf(data.candidates, maxChoices);
  return expandCard(template, {
    programmeId: data.programmeId,
    title: words.t('pairing.title', { programme: data.programmeName }),
    waiting:
      data.candidates.length > 0
        ? words.t('pairing.waiting', { count: data.candidates.length })
        : words.t('pairing.nobodyWaiting'),
    candidates: shown.shown,
    more: shown.more > 0 ? words.t('pairing.showingFirst', { count: maxChoices }) : '',
    error: data.error ?? '',
    back: words.t('common.back'),
    t: words.section('pairing'),
  });
}
