import template from '../../cards/programme-list.json';
import { Programme } from '../domain/programme';
import { Words } from '../i18n';
import { AdaptiveCard, expandCard } from './render';

export interface ProgrammeListCardData {
  readonly programmes: readonly Programme[];
  /** what opening one does: manage it (default) or read its report */
  readonly openVerb?: 'programme.open' | 'report.open' | 'nudge.open';
}

export function renderProgrammeListCard(data: ProgrammeListCardData, words: Words): AdaptiveCard {
  return expandCard(template, {
    programmes: data.programmes.map((p) => ({
      programmeId: p.id,
      name: p.name,
      dates: `${words.date(p.startDate)} – ${words.date(p.endDate)}`,
    })),
    openVerb: data.openVerb ?? 'programme.open',
    t: words.section('programme'),
  });
}
