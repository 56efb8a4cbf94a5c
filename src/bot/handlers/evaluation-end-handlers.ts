import { renderEndCard } from '../../cards/evaluation-end-card';
import { EndOutcome } from '../../domain/evaluation/end-service';
import { BotServices } from '../services';
import { ActionResult, Actor, CardData } from '../turn';

/**
 * The card an end outcome shows in place of the one clicked: the thanks, the card again with
 * everything typed and why nothing was saved, or one line that ends it.
 */
function shown(outcome: EndOutcome, actor: Actor, data: CardData): ActionResult {
  const words = actor.words;
  const again = (message: { message?: string; commentError?: string }, view = outcome) =>
    'view' in view
      ? renderEndCard({ view: view.view, state: 'open', typed: data, ...message }, words)
      : undefined;
  switch (outcome.status) {
    case 'answered':
    case 'declined':
      return { update: renderEndCard({ view: outcome.view, state: outcome.status }, words) };
    case 'invalid':
      return { update: again({ message: words.t('evaluation.endInvalid') })! };
    case 'empty':
      return { update: again({ message: words.t('evaluation.endEmpty') })! };
    case 'tooLong':
      return { update: again({ commentError: words.t('evaluation.tooLong') })! };
    case 'identifier': {
      const { kind, found } = outcome.identifier!;
      return { update: again({ commentError: words.t(`prompt.error.identifier.${kind}`, { found }) })! };
    }
    case 'expired':
      return {
        update: renderEndCard(
          {
            view: outcome.view,
            state: 'refused',
            message: words.t('evaluation.expired', { date: words.date(outcome.view.lastDay) }),
          },
          words,
        ),
      };
    default:
      // a card naming someone else, or another programme, is not echoed back
      return {
        update: renderEndCard(
          {
            view: { programmeId: '', programmeName: '', personId: actor.person.id, lastDay: '' },
            state: 'refused',
            message: words.t(`evaluation.${outcome.status}`),
          },
          words,
        ),
      };
  }
}

/** Send on the end card */
export async function answerEnd(actor: Actor, data: CardData, services: BotServices): Promise<ActionResult> {
  const outcome = await services.evaluationEnd.answer(actor.person, data);
  services.telemetry.cardAnswer('evaluation.end', outcome.status);
  return shown(outcome, actor, data);
}

/** Not now on the end card: ends it */
export async function declineEnd(actor: Actor, data: CardData, services: BotServices): Promise<ActionResult> {
  return shown(await services.evaluationEnd.decline(actor.person, data), actor, data);
}
