import template from '../../cards/programme-list.json';
import { Programme } from '../domain/programme';
import { Words } from '../i18n';
import { AdaptiveCard, expandCard } from './render';

export interface ProgrammeListCardData {
  readonly programmes: readonly Programme[];
}

export function renderProgrammeListCard(data: ProgrammeListCardData, words: Words): AdaptiveCard {
  return expandCard(template, {
    programmes: data.programmes.map((p) => ({
      programmeId: p.id,
      name: p.name,
      dates: `${words.date(p.startDate)} – ${words.date(p.endDate)}`,
    })),
    t: words.section('programme'),
  });
}
