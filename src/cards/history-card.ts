import template from '../../cards/history.json';
import { SummaryView } from '../domain/cycle/ports';
import { Words } from '../i18n';
import { peersText, whenText } from './observation-text';
import { AdaptiveCard, expandCard, firstOf } from './render';

export interface HistoryCardData {
  readonly viewerId: string;
  readonly summaries: readonly SummaryView[];
}

export function renderHistoryCard(data: HistoryCardData, words: Words): AdaptiveCard {
  return expandCard(template, {
    open: words.t('programme.openButton'),
    items: firstOf(data.summaries, 30).shown.map((s) => ({
      pairId: s.observation.pairId,
      observationId: s.observation.id,
      label: `${whenText(s.observation, words)} — ${peersText(s.observation, s.names, data.viewerId, words)}`,
    })),
    t: words.section('summary'),
  });
}
