import template from '../../cards/enrol.json';
import { Words } from '../i18n';
import { AdaptiveCard, Choice, expandCard } from './render';

export interface EnrolCardData {
  readonly programmeId: string;
  readonly programmeName: string;
  /** people the bot knows and can reach; offered where no people picker exists */
  readonly people: readonly Choice[];
  /** teams the bot is installed in */
  readonly teams: readonly Choice[];
  /** Teams' people picker (Graph search); not available in the local Playground */
  readonly peoplePicker: boolean;
  /** message key */
  readonly error?: string;
}

export function renderEnrolCard(data: EnrolCardData, words: Words): AdaptiveCard {
  return expandCard(template, {
    programmeId: data.programmeId,
    title: words.t('enrol.title', { programme: data.programmeName }),
    people: data.people,
    teams: data.teams,
    peoplePicker: data.peoplePicker,
    error: data.error ? words.t(data.error) : '',
    back: words.t('common.back'),
    t: words.section('enrol'),
  });
}
