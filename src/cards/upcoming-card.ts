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
    /** the viewer's own "Add to calendar" link to it */
    readonly calendarUrl?: string;
    /** the host's "Send as a Teams meeting invite" link */
    readonly inviteUrl?: string;
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
    items: firstOf(data.items, maxShown).shown.map(({ observation: o, names, calendarUrl, inviteUrl }) => ({
      pairId: o.pairId,
      observationId: o.id,
      when: whenText(o, words),
      role:
        o.hostId === data.viewerId
          ? words.t('upcoming.youHost', { peers: peersText(o, names, data.viewerId, words) })
          : words.t('upcoming.youObserve', { host: names[o.hostId] || '—' }),
      details: `${words.t(`settings.${o.setting}`)} · ${words.t(`learnerLevels.${o.learnerLevel}`)}`,
      talk: o.talk
        ? words.t('upcoming.talk', { when: whenText(o.talk, words) })
        : words.t('upcoming.talkLater'),
      started: data.now !== undefined && hasStarted(o, data.now),
      calendarUrl: calendarUrl ?? '',
      inviteUrl: inviteUrl ?? '',
    })),
    t: words.section('upcoming'),
    addToCalendar: words.t('calendar.add'),
    invite: words.t('calendar.invite'),
  });
}
