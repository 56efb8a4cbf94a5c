import { renderBaselineCard } from '../../cards/evaluation-card';
import { BaselineOutcome } from '../../domain/evaluation/baseline-service';
import { BotServices } from '../services';
import { ActionResult, Actor, CardData } from '../turn';

/**
 * The card a baseline outcome shows in place of the one clicked: the thanks, the card again with why
 * nothing was saved, or one line that ends it.
 */
function shown(outcome: BaselineOutcome, actor: Actor, data: CardData): ActionResult {
  const words = actor.words;
  switch (outcome.status) {
    case 'answered':
    case 'declined':
      return { update: renderBaselineCard({ view: outcome.view, state: outcome.status }, words) };
    case 'invalid':
    case 'empty':
      return {
        update: renderBaselineCard(
          {
            view: outcome.view,
            state: 'open',
            message: words.t(`evaluation.${outcome.status}`),
            typed: data,
          },
          words,
        ),
      };
    default:
      // a card naming someone else, or another programme, is not echoed back
      return {
        update: renderBaselineCard(
          {
            view: { programmeId: '', programmeName: '', personId: actor.person.id },
            state: 'refused',
            message: words.t(`evaluation.${outcome.status}`),
          },
          words,
        ),
      };
  }
}

/** Send on the baseline card */
export async function answerBaseline(
  actor: Actor,
  data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  const outcome = await services.evaluation.answer(actor.person, data);
  services.telemetry.cardAnswer('evaluation.baseline', outcome.status);
  return shown(outcome, actor, data);
}

/** Not now on the baseline card: ends it */
export async function declineBaseline(
  actor: Actor,
  data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  return shown(await services.evaluation.decline(actor.person, data), actor, data);
}
