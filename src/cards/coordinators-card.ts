import template from '../../cards/coordinators.json';
import { Words } from '../i18n';
import { AdaptiveCard, Choice, expandCard } from './render';

export interface CoordinatorsCardData {
  readonly coordinators: readonly { readonly displayName: string; readonly configured: boolean }[];
  /** people who could be added, where no people picker exists */
  readonly people: readonly Choice[];
  readonly peoplePicker: boolean;
  /** an already-translated outcome of the last action */
  readonly message?: string;
}

export function renderCoordinatorsCard(data: CoordinatorsCardData, words: Words): AdaptiveCard {
  return expandCard(template, {
    coordinators: data.coordinators.map((c) => ({
      label: c.configured
        ? `${c.displayName || '—'} (${words.t('coordinators.configured')})`
        : c.displayName || '—',
    })),
    people: data.people,
    peoplePicker: data.peoplePicker,
    message: data.message ?? '',
    t: words.section('coordinators'),
  });
}
