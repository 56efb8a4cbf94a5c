import template from '../../cards/welcome.json';
import { Words } from '../i18n';
import { AdaptiveCard, expandCard } from './render';

export interface WelcomeCardData {
  /** the person's display name; empty in a team */
  readonly name: string;
  /** the team variant: posted in a team's channel when the bot is added */
  readonly team: boolean;
  readonly coordinator: boolean;
}

export function renderWelcomeCard(data: WelcomeCardData, words: Words): AdaptiveCard {
  return expandCard(template, {
    ...data,
    hello: data.name ? words.t('welcome.hello', { name: data.name }) : '',
    t: words.section('welcome'),
  });
}
