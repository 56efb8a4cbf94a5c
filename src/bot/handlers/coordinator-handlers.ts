import { renderCoordinatorsCard } from '../../cards/coordinators-card';
import { BotServices } from '../services';
import { ActionResult, Actor, CardData, cardReply, field, Reply } from '../turn';

async function coordinatorsCard(actor: Actor, services: BotServices, message?: string) {
  const [coordinators, known] = await Promise.all([
    services.people.coordinators(),
    services.people.reachable(200),
  ]);
  const already = new Set(coordinators.map((c) => c.personId));
  return renderCoordinatorsCard(
    {
      coordinators,
      people: known
        .filter((p) => !already.has(p.id))
        .map((p) => ({ title: p.displayName || p.id, value: p.id })),
      peoplePicker: services.peoplePicker,
      message,
    },
    actor.words,
  );
}

export async function listCoordinators(actor: Actor, services: BotServices): Promise<Reply> {
  return cardReply(await coordinatorsCard(actor, services));
}

export async function addCoordinator(
  actor: Actor,
  data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  const personId = field(data, 'person', 100).trim();
  const words = actor.words;
  if (!personId) return { update: await coordinatorsCard(actor, services, words.t('coordinators.choose')) };
  const known = await services.people.get(personId);
  const name = known?.displayName || personId;
  const outcome = await services.people.addCoordinator(actor.person, personId, known?.displayName ?? '');
  const key =
    outcome === 'added'
      ? 'coordinators.added'
      : outcome === 'already'
        ? 'coordinators.already'
        : 'coordinators.choose';
  return { update: await coordinatorsCard(actor, services, words.t(key, { name })) };
}
