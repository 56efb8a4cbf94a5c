import { renderMyDataCards } from '../../cards/my-data-card';
import { renderNoticeCard } from '../../cards/notice-card';
import { BotServices } from '../services';
import { ActionResult, Actor, CardData, cardReply, Reply } from '../turn';
import { verbs } from '../verbs';

/** `my data`: everything this person wrote, readable, in their chat */
export async function myData(actor: Actor, services: BotServices): Promise<Reply> {
  const data = await services.cycles.myData(actor.person);
  return { cards: renderMyDataCards(data, actor.words) };
}

function confirmCard(actor: Actor) {
  const words = actor.words;
  return renderNoticeCard({
    title: words.t('myData.confirmTitle'),
    text: words.t('myData.confirm'),
    actions: [{ title: words.t('myData.confirmButton'), verb: verbs.eraseMyData }],
  });
}

/** `delete my data`: asks first */
export function deleteMyData(actor: Actor): Reply {
  return cardReply(confirmCard(actor));
}

export async function askToErase(actor: Actor): Promise<ActionResult> {
  return { reply: cardReply(confirmCard(actor)) };
}

/** confirmed: removes what they wrote, everywhere; a second click finds nothing left and says so */
export async function eraseMyData(
  actor: Actor,
  _data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  const removed = await services.cycles.eraseContentOf(actor.person);
  return {
    update: renderNoticeCard({
      title: actor.words.t('myData.deleted', { answers: removed.answers, points: removed.actionPoints }),
    }),
  };
}
