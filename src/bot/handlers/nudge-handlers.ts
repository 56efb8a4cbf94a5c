import { renderNoticeCard } from '../../cards/notice-card';
import {
  renderNudgeComposeCard,
  renderNudgePreviewCard,
  renderNudgeProgressCard,
  Wording,
  wordings,
} from '../../cards/nudge-cards';
import { renderProgrammeListCard } from '../../cards/programme-list-card';
import { Segment, segmentKinds, SegmentKind } from '../../domain/report/segments';
import { Params } from '../../i18n';
import { BotServices } from '../services';
import { ActionResult, Actor, CardData, cardReply, field, Reply, textReply } from '../turn';
import { verbs } from '../verbs';

async function composeCard(
  actor: Actor,
  services: BotServices,
  programmeId: string,
  input: CardData = {},
  error?: string,
  errorParams?: Params,
) {
  const found = await services.programmes.get(programmeId);
  if (!found) return renderNoticeCard({ title: actor.words.t('common.notFound') });
  return renderNudgeComposeCard(
    { programmeId, programmeName: found.programme.name, input, error, errorParams },
    actor.words,
  );
}

/** `nudge`: compose one for the only programme, or choose the programme first */
export async function nudge(actor: Actor, services: BotServices): Promise<Reply> {
  const programmes = await services.programmes.list();
  if (programmes.length === 1) return cardReply(await composeCard(actor, services, programmes[0]!.id));
  return cardReply(renderProgrammeListCard({ programmes, openVerb: verbs.openNudge }, actor.words));
}

export async function openNudge(actor: Actor, data: CardData, services: BotServices): Promise<ActionResult> {
  return { update: await composeCard(actor, services, field(data, 'programmeId', 100)) };
}

function segmentOf(data: CardData): Segment | undefined {
  const kind = field(data, 'segment', 40) as SegmentKind;
  if (!segmentKinds.includes(kind)) return undefined;
  if (kind === 'promptWaiting') {
    const days = Number(field(data, 'days', 5));
    return Number.isInteger(days) && days >= 1 && days <= 60 ? { kind, days } : undefined;
  }
  return { kind } as Segment;
}

export async function previewNudge(
  actor: Actor,
  data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  const programmeId = field(data, 'programmeId', 100);
  const input = {
    segment: field(data, 'segment', 40),
    days: field(data, 'days', 5),
    wording: field(data, 'wording', 20),
    message: field(data, 'message', 2000),
  };
  const segment = segmentOf(data);
  if (!segment) return { update: await composeCard(actor, services, programmeId, input, 'nudge.nobody') };
  const wording = (wordings as readonly string[]).includes(input.wording)
    ? (input.wording as Wording)
    : undefined;
  const own = input.message.trim();
  const message = own || (wording ? actor.words.t(`nudge.wordings.${wording}`) : '');
  const outcome = await services.nudges.preview(
    actor.person,
    programmeId,
    segment,
    message,
    own ? undefined : wording,
  );
  if (outcome.status === 'missing')
    return { update: renderNoticeCard({ title: actor.words.t('common.notFound') }) };
  if (outcome.status === 'identifier') {
    const params = { found: outcome.shown };
    return { update: await composeCard(actor, services, programmeId, input, 'nudge.identifier', params) };
  }
  if (outcome.status !== 'ready')
    return { update: await composeCard(actor, services, programmeId, input, `nudge.${outcome.status}`) };
  const programme = (await services.programmes.get(programmeId))!.programme;
  let listOnly: string[] | undefined;
  if (outcome.selection.listOnly) {
    const facts = await services.reports.facts(programmeId);
    const byId = new Map(facts?.members.map((m) => [m.personId, m.displayName]) ?? []);
    listOnly = outcome.selection.recipients.map((id) => byId.get(id) || '—');
  }
  return {
    update: renderNudgePreviewCard(
      { programmeName: programme.name, nudge: outcome.nudge, excluded: outcome.selection.excluded, listOnly },
      actor.words,
    ),
  };
}

/** confirmed: the card becomes the progress card, updated in place until it is the delivery report */
export async function sendNudge(actor: Actor, data: CardData, services: BotServices): Promise<ActionResult> {
  const programmeId = field(data, 'programmeId', 100);
  const reach = actor.person.reach;
  if (!reach || !actor.cardId) return { reply: textReply(actor.words.t('common.stale')) };
  const result = await services.nudges.confirm(programmeId, field(data, 'nudgeId', 200), {
    ...reach,
    activityId: actor.cardId,
  });
  if (!result) return { reply: textReply(actor.words.t('common.stale')) };
  const programme = await services.programmes.get(programmeId);
  if (result.started) {
    await services.audit.record(actor.person, programmeId, 'nudge', {
      recipients: result.nudge.recipients.length,
      [`segment.${result.nudge.segment.kind}`]: 1,
    });
  }
  return { update: renderNudgeProgressCard(result.nudge, programme?.programme.name ?? '', actor.words) };
}
