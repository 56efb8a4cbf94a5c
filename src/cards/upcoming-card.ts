import template from '../../cards/upcoming.json';
import { hasStarted, Observation } from '../domain/cycle/observation';
import { Words } from '../i18n';
import { peersText, whenText } from './observation-text';
import { AdaptiveCard, expandCard, firstOf } from './render';

export interface UpcomingCardData {
  readonly viewerId: string;
  readonly items: readonly {
    readonly observation: Observation;
    readonly names: Readonly<Record<string, string>>;
  }[];
  /** an outcome of the last action, already translated */
  readonly message?: string;
  /** offer a button to schedule anew (after "did not happen") */
  readonly offerNew?: boolean;
  /**
   * when the card is made: an observation that has started by then offers only "it did not
   * happen" (it can no longer be moved or cancelled); without it every observation offers all three
   */
  readonly now?: Date;
}

const maxShown = 15;

export function renderUpcomingCard(data: UpcomingCardData, words: Words): AdaptiveCard {
  return expandCard(template, {
    message: data.message ?? '',
    offerNew: data.offerNew ?? false,
    items: firstOf(data.items, maxShown).shown.map(({ observation: o, names }) => ({
      pairId: o.pairId,
      observationId: o.id,
      when: whenText(o, words),
      role:
        o.hostId === data.viewerId
          ? words.t('upcoming.youHost', { peers: peersText(o, names, data.viewerId, words) })
          : words.t('upcoming.youObserve', { host: names[o.hostId] || '—' }),
      details: `${words.t(`settings.${o.setting}`)} · ${words.t(`learnerLevels.${o.learnerLevel}`)}`,
      started: data.now !== undefined && hasStarted(o, data.now),
    })),
    t: words.section('upcoming'),
  });
}
