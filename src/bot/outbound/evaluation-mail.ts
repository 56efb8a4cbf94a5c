import { CardFactory } from 'botbuilder';
import { renderBaselineCard } from '../../cards/evaluation-card';
import { BaselineView, EvaluationMail } from '../../domain/evaluation/evaluation';
import { Person } from '../../domain/people';
import { SendOutcome } from '../../domain/ports';
import { PersonalSender } from './messenger';
import { BotServices, wordsOf } from '../services';

/** the evaluation's cards, sent to each person's 1:1 chat in their language */
export class ChatEvaluationMail implements EvaluationMail {
  constructor(
    private readonly sender: PersonalSender,
    private readonly defaults: Pick<BotServices, 'defaultTimeZone' | 'defaultLocale'>,
  ) {}

  sendBaseline(to: Person, view: BaselineView): Promise<SendOutcome> {
    const card = renderBaselineCard({ view, state: 'open' }, wordsOf(to, this.defaults));
    return this.sender.send(to, { type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
  }
}
