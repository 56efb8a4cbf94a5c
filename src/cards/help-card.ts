import template from '../../cards/help.json';
import { MessageKey, Words } from '../i18n';
import { AdaptiveCard, expandCard } from './render';

export interface HelpCardData {
  readonly coordinator: boolean;
  readonly paused: boolean;
  /** the commands this person can use, as typed */
  readonly supervisorCommands: readonly { readonly command: string; readonly description: MessageKey }[];
  readonly coordinatorCommands: readonly { readonly command: string; readonly description: MessageKey }[];
}

export function renderHelpCard(data: HelpCardData, words: Words): AdaptiveCard {
  const describe = (list: HelpCardData['supervisorCommands']) =>
    list.map((c) => ({ command: c.command, description: words.t(c.description) }));
  return expandCard(template, {
    coordinator: data.coordinator,
    paused: data.paused,
    supervisorCommands: describe(data.supervisorCommands),
    coordinatorCommands: describe(data.coordinatorCommands),
    t: words.section('help'),
  });
}
