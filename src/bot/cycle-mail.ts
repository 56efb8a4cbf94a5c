import { Activity, CardFactory } from 'botbuilder';
import { renderNoticeCard } from '../cards/notice-card';
import { whenText } from '../cards/observation-text';
import { renderPromptCard } from '../cards/prompt-card';
import { renderSummaryCard } from '../cards/summary-card';
import { AdaptiveCard } from '../cards/render';
import { CycleMail, CycleNotice, PromptView, SummaryView } from '../domain/cycle/ports';
import { Prompt } from '../domain/cycle/prompt';
import { Person } from '../domain/people';
import { SendOutcome } from '../domain/ports';
import { Words } from '../i18n';
import { Logger } from '../log';
import { Messenger } from './messenger';
import { PersonalSender } from './personal-sender';
import { verbs } from './verbs';
import { BotServices, wordsOf } from './services';

function cardActivity(card: AdaptiveCard): Partial<Activity> {
  return { type: 'message', attachments: [CardFactory.adaptiveCard(card)] };
}

function noticeCard(notice: CycleNotice, viewer: Person, words: Words): AdaptiveCard | string {
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
      return renderNoticeCard({
        title: words.t(`notices.${notice.kind}Title`),
        text: words.t(`notices.${notice.kind}`, params),
        actions:
          notice.kind === 'didNotHappen' || notice.kind === 'cancelled'
            ? [{ title: words.t('upcoming.scheduleAgain'), verb: verbs.openSchedule }]
            : [],
      });
    }
  }
}

/** the cycle's cards, sent proactively to each person in their language and time zone */
export class ChatCycleMail implements CycleMail {
  constructor(
    private readonly messenger: Messenger,
    private readonly sender: PersonalSender,
    private readonly defaults: Pick<BotServices, 'defaultTimeZone' | 'defaultLocale'>,
    private readonly log: Logger,
  ) {}

  sendPrompt(to: Person, prompt: Prompt, view: PromptView): Promise<SendOutcome> {
    const card = renderPromptCard({ prompt, view, refreshFor: to.reach?.userId }, wordsOf(to, this.defaults));
    return this.send(to, cardActivity(card));
  }

  async updatePrompt(to: Person, prompt: Prompt, view: PromptView): Promise<SendOutcome> {
    if (!to.reach || !prompt.activityId) return { status: 'unreachable', reason: 'no card to update' };
    const card = renderPromptCard({ prompt, view, refreshFor: to.reach.userId }, wordsOf(to, this.defaults));
    try {
      await this.messenger.within(to.reach, 'personal', (ctx) =>
        ctx.updateActivity({ ...cardActivity(card), id: prompt.activityId }),
      );
      return { status: 'sent', activityId: prompt.activityId };
    } catch (err) {
      this.log.warn(
        { status: (err as { statusCode?: number }).statusCode },
        'could not update a card in place',
      );
      return { status: 'failed', reason: 'update failed' };
    }
  }

  sendSummary(to: Person, view: SummaryView): Promise<SendOutcome> {
    const card = renderSummaryCard({ view, refreshFor: to.reach?.userId }, wordsOf(to, this.defaults));
    return this.send(to, cardActivity(card));
  }

  notify(to: Person, notice: CycleNotice): Promise<SendOutcome> {
    const content = noticeCard(notice, to, wordsOf(to, this.defaults));
    return this.send(
      to,
      typeof content === 'string' ? { type: 'message', text: content } : cardActivity(content),
    );
  }

  private send(to: Person, activity: Partial<Activity>): Promise<SendOutcome> {
    return this.sender.send(to, activity);
  }
}
