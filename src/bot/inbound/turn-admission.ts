import { ActivityTypes, TurnContext } from 'botbuilder';
import { wordsFor } from '../../i18n';
import { BotServices } from '../services';
import { refreshVerbs } from '../verbs';
import { turnRecordOf } from './turn-telemetry';

/** an `adaptiveCard/action` Teams sent by itself (a card's `refresh`), not a click */
export function isAutomatic(activity: TurnContext['activity']): boolean {
  const value = activity.value as { trigger?: unknown } | undefined;
  return activity.name === 'adaptiveCard/action' && value?.trigger === 'automatic';
}

/** Teams refreshing a card by itself with one of our read-only refresh verbs */
export function isAutomaticRefresh(activity: TurnContext['activity']): boolean {
  const value = activity.value as { action?: { verb?: unknown } } | undefined;
  return isAutomatic(activity) && refreshVerbs.includes(String(value?.action?.verb));
}

/** who sent a turn, for the per-person limit: the Entra object id, else the Teams user id; blank is no one */
function senderKey(activity: TurnContext['activity']): string | undefined {
  for (const id of [activity.from?.aadObjectId, activity.from?.id])
    if (typeof id === 'string' && id.trim() !== '') return id;
  return undefined;
}

/**
 * The per-person limit, before any store work. Over it, a message gets one "slow down" (then
 * silence while it lasts) and a card action gets the same line under its card, so what the
 * person typed on the card stays there for the next try. Cards refreshing themselves spend a
 * budget of their own; over it, the refresh is answered with a line and no card, so the card on
 * screen stays as it is (Teams shows nothing for an automatic refresh and does not retry it, where
 * an error status could put an error on the card). A turn that names no sender is refused here.
 * Each refusal is the turn's outcome, logged once with the turn (see turn-telemetry.ts).
 */
export async function admitTurn(
  context: TurnContext,
  services: Pick<BotServices, 'personLimit' | 'defaultLocale' | 'defaultTimeZone'>,
): Promise<boolean> {
  const limit = services.personLimit;
  const { activity } = context;
  const key = senderKey(activity);
  if (!key) {
    // Teams names the sender of every activity, installs and removals included. One without a
    // sender cannot be counted, nor answered as anyone, so it is malformed: an invoke gets 400
    // (not 403: there is no one whose rights could be lacking), anything else no answer at all
    turnRecordOf(context)?.refuse('noSender');
    if (activity.type === ActivityTypes.Invoke)
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 400 } });
    return false;
  }
  if (!limit) return true;
  const automatic = isAutomatic(activity);
  const budget = automatic ? 'refresh' : 'turn';
  const admission = limit.admit(key, budget);
  if (admission === 'admitted') return true;
  turnRecordOf(context)?.refuse('rate');
  const words = wordsFor(
    typeof activity.locale === 'string' ? activity.locale : services.defaultLocale,
    services.defaultTimeZone,
  );
  // when to try again, from the limit itself, so the silence that follows has an end
  const slowDown = words.t('common.slowDown', {
    count: Math.max(1, Math.ceil(limit.retryInMs(key, budget) / 1000)),
  });
  if (activity.type === ActivityTypes.Invoke) {
    const card = activity.name === 'adaptiveCard/action';
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: {
        status: card ? 200 : 429,
        body: card
          ? {
              statusCode: 200,
              type: 'application/vnd.microsoft.activity.message',
              value: slowDown,
            }
          : undefined,
      },
    });
  } else if (activity.type === ActivityTypes.Message && admission === 'refused-first') {
    await context.sendActivity(slowDown);
  }
  return false;
}
