import { Activity, CardFactory } from 'botbuilder';
import { calendarButtons, CalendarLinks } from '../../calendar/calendar-link';
import { renderMyDataCards } from '../../cards/my-data-card';
import { renderNoticeCard } from '../../cards/notice-card';
import { whenText } from '../../cards/observation-text';
import { renderPromptCard } from '../../cards/prompt-card';
import { renderSummaryCard } from '../../cards/summary-card';
import { AdaptiveCard } from '../../cards/render';
import { CycleMail, CycleNotice, PostedContent, PromptView, SummaryView } from '../../domain/cycle/ports';
import { Erasure } from '../../domain/cycle/posted';
import { Prompt } from '../../domain/cycle/prompt';
import { Person } from '../../domain/people';
import { SendOutcome } from '../../domain/ports';
import { Words } from '../../i18n';
import { Logger } from '../../log';
import { Messenger, PersonalSender } from './messenger';
import { verbs } from '../verbs';
import { BotServices, wordsOf } from '../services';

function cardActivity(card: AdaptiveCard): Partial<Activity> {
  return { type: 'message', attachments: [CardFactory.adaptiveCard(card)] };
}

function noticeCard(
  notice: CycleNotice,
  viewer: Person,
  words: Words,
  links: CalendarLinks | undefined,
): AdaptiveCard | string {
  switch (notice.kind) {
    case 'reminder':
      return words.t('notices.reminder', { when: whenText(notice.observation, words) });
    case 'peerUnreachable':
      return renderNoticeCard({
        title: words.t('notices.peerUnreachableTitle'),
        text: words.t('notices.peerUnreachable', {
          name: notice.peerName || '—',
          when: whenText(notice.observation, words),
        }),
      });
    default: {
      const o = notice.observation;
      const params = {
        by: notice.names[notice.by] || '—',
        when: whenText(o, words),
        role: words.t(o.hostId === viewer.id ? 'notices.youHost' : 'notices.youObserve'),
      };
      const talk =
        o.talk && (notice.kind === 'scheduled' || notice.kind === 'rescheduled')
          ? ` ${words.t('schedule.talkPlanned', { when: whenText(o.talk, words) })}`
          : '';
      return renderNoticeCard({
        title: words.t(`notices.${notice.kind}Title`),
        text: words.t(`notices.${notice.kind}`, params) + talk,
        actions:
          notice.kind === 'didNotHappen' || notice.kind === 'cancelled'
            ? [{ title: words.t('upcoming.scheduleAgain'), verb: verbs.openSchedule }]
            : [],
        // the calendar entry follows the observation: moved, or cancelled
        links: notice.kind === 'didNotHappen' ? [] : calendarButtons(links, o, viewer.id, words),
      });
    }
  }
}

/** the cycle's cards, sent proactively to each person in their language and time zone */
export class ChatCycleMail implements CycleMail {
  constructor(
    private readonly messenger: Messenger,
    private readonly sender: PersonalSender,
    private readonly defaults: Pick<BotServices, 'defaultTimeZone' | 'defaultLocale' | 'calendarLinks'>,
    private readonly log: Logger,
  ) {}

  sendPrompt(to: Person, prompt: Prompt, view: PromptView): Promise<SendOutcome> {
    const card = renderPromptCard({ prompt, view, refreshFor: to.reach?.userId }, wordsOf(to, this.defaults));
    return this.send(to, cardActivity(card));
  }

  async updatePrompt(to: Person, prompt: Prompt, view: PromptView): Promise<SendOutcome> {
    if (!to.reach || !prompt.activityId) return { status: 'unreachable', reason: 'no card to update' };
    const card = renderPromptCard({ prompt, view, refreshFor: to.reach.userId }, wordsOf(to, this.defaults));
    return this.update(to, to.reach.conversationId, prompt.activityId, cardActivity(card));
  }

  replacePosted(
    to: Person,
    where: { readonly conversationId: string; readonly activityId: string },
    content: PostedContent,
  ): Promise<SendOutcome> {
    const words = wordsOf(to, this.defaults);
    const refreshFor = to.reach?.userId;
    const card =
      content.kind === 'summary'
        ? renderSummaryCard({ view: content.view, refreshFor }, words)
        : content.kind === 'prompt'
          ? renderPromptCard({ prompt: content.prompt, view: content.view, refreshFor }, words)
          : content.kind === 'myData'
            ? renderMyDataCards(content.data, words)[content.part]
            : undefined;
    return this.update(
      to,
      where.conversationId,
      where.activityId,
      cardActivity(card ?? renderNoticeCard({ title: words.t('myData.removedMessage') })),
    );
  }

  /**
   * The result goes on the card that confirmed the erasure: the person reads one message about it,
   * and it is not a new notification. Without that card's id, a new message says it.
   */
  async erasureDone(to: Person, erasure: Erasure): Promise<SendOutcome> {
    const words = wordsOf(to, this.defaults);
    const card = renderNoticeCard({
      title: words.t('myData.deleted', { answers: erasure.answers, points: erasure.actionPoints }),
      text: `${words.t('myData.updated', { updated: erasure.updated, gone: erasure.gone })} ${words.t('myData.outOfReach')}`,
    });
    if (erasure.card) {
      const outcome = await this.update(
        to,
        erasure.card.conversationId,
        erasure.card.activityId,
        cardActivity(card),
      );
      if (outcome.status !== 'unreachable') return outcome;
    }
    return this.send(to, cardActivity(card));
  }

  /** a message in `to`'s chat replaced in place, through the rate limiter like every send */
  private async update(
    to: Person,
    conversationId: string,
    activityId: string,
    activity: Partial<Activity>,
  ): Promise<SendOutcome> {
    if (!to.reach) return { status: 'unreachable', reason: 'no reach' };
    const outcome = await this.messenger.update({ ...to.reach, conversationId }, activityId, activity);
    if (outcome.status === 'failed')
      this.log.warn({ reason: outcome.reason }, 'could not update a card in place');
    return outcome;
  }

  sendSummary(to: Person, view: SummaryView): Promise<SendOutcome> {
    const card = renderSummaryCard({ view, refreshFor: to.reach?.userId }, wordsOf(to, this.defaults));
    return this.send(to, cardActivity(card));
  }

  notify(to: Person, notice: CycleNotice): Promise<SendOutcome> {
    const content = noticeCard(notice, to, wordsOf(to, this.defaults), this.defaults.calendarLinks);
    return this.send(
      to,
      typeof content === 'string' ? { type: 'message', text: content } : cardActivity(content),
    );
  }

  private send(to: Person, activity: Partial<Activity>): Promise<SendOutcome> {
    return this.sender.send(to, activity);
  }
}
