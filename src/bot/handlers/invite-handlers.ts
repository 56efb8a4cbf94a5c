import { renderInvitationCard } from '../../cards/invitation-card';
import { renderInviteCard } from '../../cards/invite-card';
import { renderNoticeCard } from '../../cards/notice-card';
import { BotServices } from '../services';
import { ActionResult, Actor, CardData, cardReply, field, Reply } from '../turn';

async function inviteOptions(actor: Actor, services: BotServices) {
  const options = await services.invitations.options(actor.person);
  const manyProgrammes = new Set(options.map((o) => o.programmeId)).size > 1;
  return options.map((o) => ({
    title: manyProgrammes ? `${o.displayName || '—'} (${o.programmeName})` : o.displayName || '—',
    value: `${o.programmeId}|${o.personId}`,
  }));
}

export async function invite(actor: Actor, services: BotServices): Promise<Reply> {
  return cardReply(renderInviteCard({ options: await inviteOptions(actor, services) }, actor.words));
}

export async function sendInvite(actor: Actor, data: CardData, services: BotServices): Promise<ActionResult> {
  const [programmeId = '', personId = ''] = field(data, 'colleague', 300).split('|');
  const words = actor.words;
  if (!programmeId || !personId) {
    return { update: renderInviteCard({ options: await inviteOptions(actor, services) }, words) };
  }
  const outcome = await services.invitations.invite(actor.person, programmeId, personId);
  if (outcome.status === 'refused') {
    return {
      update: renderInviteCard(
        { options: await inviteOptions(actor, services), message: words.t(outcome.reason) },
        words,
      ),
    };
  }
  const key = { sent: 'invite.sent', unreachable: 'invite.unreachable', already: 'invite.already' } as const;
  return {
    update: renderInviteCard(
      { options: [], message: words.t(key[outcome.status], { name: outcome.invitation.toName }) },
      words,
    ),
  };
}

export function answerInvitation(accept: boolean) {
  return async (actor: Actor, data: CardData, services: BotServices): Promise<ActionResult> => {
    const programmeId = field(data, 'programmeId', 100);
    const outcome = await services.invitations.answer(
      actor.person,
      programmeId,
      field(data, 'invitationId', 300),
      accept,
    );
    if (!('invitation' in outcome)) {
      return {
        update: renderNoticeCard({
          title: actor.words.t(outcome.status === 'forbidden' ? 'invitation.forbidden' : 'common.stale'),
        }),
      };
    }
    const programme = await services.programmes.get(programmeId);
    return {
      update: renderInvitationCard(
        {
          programmeId,
          programmeName: programme?.programme.name ?? '',
          invitationId: outcome.invitation.id,
          fromName: outcome.invitation.fromName,
          state: outcome.status,
        },
        actor.words,
      ),
    };
  };
}
