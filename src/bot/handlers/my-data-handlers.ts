import { renderMyDataCards } from '../../cards/my-data-card';
import { renderNoticeCard } from '../../cards/notice-card';
import { BotServices } from '../services';
import { ActionResult, Actor, CardData, cardReply, Reply } from '../turn';
import { verbs } from '../verbs';

/** `my data`: everything this person wrote, readable, in their chat */
export async function myData(actor: Actor, services: BotServices): Promise<Reply> {
  const data = await services.cycles.myData.myData(actor.person);
  const pairs = [
    ...data.answers.map(({ prompt }) => ({ pairId: prompt.pairId, programmeId: prompt.programmeId })),
    ...data.actionPoints.map(({ pairId, programmeId }) => ({ pairId, programmeId })),
  ];
  return {
    cards: renderMyDataCards(data, actor.words),
    ...(pairs.length > 0
      ? { shows: { source: { kind: 'myData', part: 0 }, personIds: [actor.person.id], pairs } }
      : {}),
  };
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
  const reach = actor.person.reach;
  const removed = await services.cycles.myData.eraseContentOf(
    actor.person,
    actor.cardId && reach ? { conversationId: reach.conversationId, activityId: actor.cardId } : undefined,
  );
  // the messages that showed their words are updated by a durable job, which puts its count on this card
  return {
    update: renderNoticeCard({
      title: actor.words.t('myData.deleted', { answers: removed.answers, points: removed.actionPoints }),
      text: actor.words.t('myData.updating'),
    }),
  };
}
