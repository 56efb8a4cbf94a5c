import { CardFactory } from 'botbuilder';
import { renderInvitationCard } from '../../cards/invitation-card';
import { renderNoticeCard } from '../../cards/notice-card';
import { AdaptiveCard } from '../../cards/render';
import { Notice, NoticeBoard } from '../../domain/notices';
import { PeopleService } from '../../domain/people-service';
import { Words } from '../../i18n';
import { PersonalSender } from './messenger';
import { verbs } from '../verbs';
import { BotServices, wordsOf } from '../services';

function render(notice: Notice, words: Words): AdaptiveCard {
  switch (notice.kind) {
    case 'enrolled':
      return renderNoticeCard({
        title: words.t('notice.enrolledTitle', { programme: notice.programmeName }),
        text: words.t('notice.enrolled'),
      });
    case 'paired':
      return renderNoticeCard({
        title: words.t('notice.pairedTitle', { programme: notice.programmeName }),
        text: words.t('notice.paired', { names: words.list(notice.peerNames.map((n) => n || '—')) }),
        actions: [{ title: words.t('schedule.title'), verb: verbs.openSchedule }],
      });
    case 'invited':
      return renderInvitationCard(
        {
          programmeId: notice.programmeId,
          programmeName: notice.programmeName,
          invitationId: notice.invitationId,
          fromName: notice.fromName,
          state: 'pending',
        },
        words,
      );
    case 'invitationAnswered': {
      const key = {
        accepted: 'invitation.answeredAccepted',
        declined: 'invitation.answeredDeclined',
        failed: 'invitation.answeredFailed',
      } as const;
      return renderNoticeCard({
        title: words.t('invitation.answeredTitle'),
        text: words.t(key[notice.outcome], { name: notice.inviteeName, programme: notice.programmeName }),
      });
    }
  }
}

/** delivers notices as cards in each recipient's 1:1 chat, in their language and time zone */
export class ChatNoticeBoard implements NoticeBoard {
  constructor(
    private readonly people: PeopleService,
    private readonly sender: PersonalSender,
    private readonly defaults: Pick<BotServices, 'defaultTimeZone' | 'defaultLocale'>,
  ) {}

  async post(notices: readonly Notice[]): Promise<{ unreachable: string[] }> {
    const unreachable: string[] = [];
    for (const notice of notices) {
      const person = await this.people.get(notice.to);
      if (!person?.reach) {
        unreachable.push(notice.to);
        continue;
      }
      const card = render(notice, wordsOf(person, this.defaults));
      const outcome = await this.sender.send(person, {
        type: 'message',
        attachments: [CardFactory.adaptiveCard(card)],
      });
      if (outcome.status !== 'sent') unreachable.push(notice.to);
    }
    return { unreachable };
  }
}
