import { CardFactory } from 'botbuilder';
import { renderNoticeCard } from '../../cards/notice-card';
import { renderNudgeProgressCard, wordings } from '../../cards/nudge-cards';
import { Nudge } from '../../domain/nudge/nudge';
import { NudgeMail } from '../../domain/nudge/nudge-service';
import { Person } from '../../domain/people';
import { PeopleService } from '../../domain/people-service';
import { SendOutcome } from '../../domain/ports';
import { Logger } from '../../log';
import { Messenger, PersonalSender } from './messenger';
import { BotServices, wordsOf } from '../services';

/** nudges to supervisors, and the coordinator's progress card updated in place */
export class ChatNudgeMail implements NudgeMail {
  constructor(
    private readonly messenger: Messenger,
    private readonly sender: PersonalSender,
    private readonly people: PeopleService,
    private readonly defaults: Pick<BotServices, 'defaultTimeZone' | 'defaultLocale'>,
    private readonly log: Logger,
  ) {}

  send(to: Person, nudge: Nudge): Promise<SendOutcome> {
    const words = wordsOf(to, this.defaults);
    // a ready-made wording in the recipient's language; the coordinator's own words as they wrote them
    const text = (wordings as readonly (string | undefined)[]).includes(nudge.wording)
      ? words.t(`nudge.wordings.${nudge.wording}`)
      : nudge.message;
    const card = renderNoticeCard({ title: words.t('nudge.noteTitle'), text });
    return this.sender.send(to, { type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
  }

  async showProgress(nudge: Nudge, programmeName: string): Promise<void> {
    const at = nudge.progress;
    const coordinator = await this.people.get(nudge.createdBy);
    if (!at || !coordinator) return;
    const card = renderNudgeProgressCard(nudge, programmeName, wordsOf(coordinator, this.defaults));
    try {
      await this.messenger.within(at, 'personal', (ctx) =>
        ctx.updateActivity({
          type: 'message',
          id: at.activityId,
          attachments: [CardFactory.adaptiveCard(card)],
        }),
      );
    } catch (err) {
      this.log.warn(
        { status: (err as { statusCode?: number }).statusCode },
        'could not update the nudge progress card',
      );
    }
  }
}
