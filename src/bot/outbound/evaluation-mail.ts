import { CardFactory } from 'botbuilder';
import { renderBaselineCard } from '../../cards/evaluation-card';
import { renderEndCard } from '../../cards/evaluation-end-card';
import { AdaptiveCard } from '../../cards/render';
import { BaselineView, EndView, EvaluationMail } from '../../domain/evaluation/evaluation';
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
    return this.send(to, card);
  }

  sendEnd(to: Person, view: EndView, reminder: boolean): Promise<SendOutcome> {
    return this.send(to, renderEndCard({ view, state: 'open', reminder }, wordsOf(to, this.defaults)));
  }

  private send(to: Person, card: AdaptiveCard): Promise<SendOutcome> {
    return this.sender.send(to, { type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
  }
}
