import { DateTime } from 'luxon';
import { calendarButtons } from '../../calendar/calendar-link';
import { teamsInviteUrl } from '../../calendar/teams-invite';
import { renderHistoryCard } from '../../cards/history-card';
import { renderNoticeCard } from '../../cards/notice-card';
import { peersText, whenText } from '../../cards/observation-text';
import { renderPromptCard } from '../../cards/prompt-card';
import { AdaptiveCard } from '../../cards/render';
import { renderScheduleCard, ScheduleCardData } from '../../cards/schedule-card';
import { renderSummaryCard } from '../../cards/summary-card';
import { renderUpcomingCard } from '../../cards/upcoming-card';
import { Observation, scheduleFields, ScheduleInput } from '../../domain/cycle/observation';
import { Pair } from '../../domain/membership';
import { followUpWeeks } from '../../domain/timing';
import { BotServices } from '../services';
import { ActionResult, Actor, CardData, cardReply, field, Reply, textReply } from '../turn';

const pairKey = (pair: Pick<Pair, 'id' | 'programmeId'>) => `${pair.id}|${pair.programmeId}`;

function splitKey(key: string): { pairId: string; programmeId: string } | undefined {
  const [pairId, programmeId] = key.split('|');
  return pairId && programmeId ? { pairId, programmeId } : undefined;
}

function members(pair: Pair, actor: Actor) {
  return pair.memberIds.map((id) => ({
    title:
      id === actor.person.id
        ? `${pair.memberNames[id] || '—'} (${actor.words.t('schedule.you')})`
        : pair.memberNames[id] || '—',
    value: id,
  }));
}

/** the person's pairs as choices: "Chris Dahl (Autumn term)" */
function pairChoices(pairs: readonly { pair: Pair; programme: { name: string } }[], actor: Actor) {
  return pairs.map(({ pair, programme }) => ({
    title: `${actor.words.list(pair.memberIds.filter((m) => m !== actor.person.id).map((m) => pair.memberNames[m] || '—'))} (${programme.name})`,
    value: pairKey(pair),
  }));
}

/** the schedule card: new, moving an observation, or the return visit with roles swapped */
async function scheduleCard(
  actor: Actor,
  services: BotServices,
  options: { observationId?: string; returnOf?: string; pairId?: string },
): Promise<AdaptiveCard | string> {
  const words = actor.words;
  const pairs = await services.cycles.reads.pairsOf(actor.person);
  if (pairs.length === 0) return words.t('schedule.noPair');
  const local = (iso: string) => DateTime.fromISO(iso).setZone(words.timeZone);
  const base: Omit<ScheduleCardData, 'mode' | 'members' | 'input'> = {
    editable: true,
    pairs: pairChoices(pairs, actor),
    errors: {},
  };
  const existingId = options.observationId || options.returnOf;
  if (existingId && options.pairId) {
    const found = pairs.find((p) => p.pair.id === options.pairId);
    const o = found && (await services.cycles.reads.observationOf(actor.person, found.pair.id, existingId));
    if (found && o) {
      const moving = Boolean(options.observationId);
      return renderScheduleCard(
        {
          ...base,
          pairs: [],
          mode: moving ? 'move' : 'return',
          members: members(found.pair, actor),
          pairKey: pairKey(found.pair),
          input: {
            date: moving ? (local(o.startsAt).toISODate() ?? '') : '',
            startTime: moving ? local(o.startsAt).toFormat('HH:mm') : local(o.startsAt).toFormat('HH:mm'),
            durationMinutes: String(o.durationMinutes),
            // the return visit swaps roles: the observer hosts
            hostId: moving ? o.hostId : (o.observerIds[0] ?? ''),
            setting: o.setting,
            learnerLevel: o.learnerLevel,
            ...(moving && o.talk
              ? { talk: o.talk.choice, talkTime: local(o.talk.startsAt).toFormat('HH:mm'), talkMoves: 'true' }
              : { talk: moving ? 'agreeLater' : 'laterToday' }),
          },
          talkMoves: moving && Boolean(o.talk),
          observationId: moving ? o.id : undefined,
          returnOf: moving ? undefined : o.id,
        },
        words,
      );
    }
  }
  const first = pairs[0]!.pair;
  return renderScheduleCard(
    {
      ...base,
      mode: 'new',
      members: members(first, actor),
      pairKey: pairs.length === 1 ? pairKey(first) : undefined,
      input: { pair: pairKey(first), durationMinutes: '60', hostId: actor.person.id, talk: 'laterToday' },
    },
    words,
  );
}

function asReply(content: AdaptiveCard | string): Reply {
  return typeof content === 'string' ? textReply(content) : cardReply(content);
}

export async function schedule(actor: Actor, services: BotServices): Promise<Reply> {
  return asReply(await scheduleCard(actor, services, {}));
}

export async function openSchedule(
  actor: Actor,
  data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  const content = await scheduleCard(actor, services, {
    pairId: field(data, 'pairId', 200),
    observationId: field(data, 'observationId', 200),
    returnOf: field(data, 'returnOf', 200),
  });
  // from a summary or a notice, the schedule card comes as a new message so the summary stays
  return { reply: asReply(content) };
}

export async function saveSchedule(
  actor: Actor,
  data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  const words = actor.words;
  const key = splitKey(field(data, 'pair', 400) || field(data, 'pairKey', 400));
  const input: ScheduleInput = Object.fromEntries(scheduleFields.map((f) => [f, field(data, f, 100)]));
  const observationId = field(data, 'observationId', 200) || undefined;
  const returnOf = field(data, 'returnOf', 200) || undefined;
  if (!key) return { reply: textReply(words.t('common.stale')) };
  const outcome = await services.cycles.scheduling.schedule(
    actor.person,
    key.pairId,
    key.programmeId,
    input,
    observationId,
    returnOf,
  );
  const pairs = await services.cycles.reads.pairsOf(actor.person);
  const pair = pairs.find((p) => p.pair.id === key.pairId)?.pair;
  const mode = observationId ? 'move' : returnOf ? 'return' : 'new';
  switch (outcome.status) {
    case 'scheduled':
    case 'rescheduled': {
      const o = outcome.observation;
      const peer = words.list(
        o.memberIds.filter((m) => m !== actor.person.id).map((m) => pair?.memberNames[m] || '—'),
      );
      const done = words.t(outcome.status === 'scheduled' ? 'schedule.scheduled' : 'schedule.rescheduled', {
        when: whenText(o, words),
        peer,
      });
      const message = o.talk
        ? `${done} ${words.t('schedule.talkPlanned', { when: whenText(o.talk, words) })}`
        : done;
      const invite = await inviteUrl(actor, services, o, pair?.memberNames ?? {});
      return {
        update: renderScheduleCard(
          {
            mode,
            editable: false,
            message,
            pairs: [],
            members: [],
            input: {},
            errors: {},
            links: [
              ...calendarButtons(services.calendarLinks, o, actor.person.id, words),
              ...(invite ? [{ title: words.t('calendar.invite'), url: invite }] : []),
            ],
            note: invite ? words.t('calendar.inviteNote') : undefined,
          },
          words,
        ),
      };
    }
    case 'invalid':
      return {
        update: renderScheduleCard(
          {
            mode,
            editable: true,
            pairs: pairs.length > 1 ? pairChoices(pairs, actor) : [],
            members: pair ? members(pair, actor) : [],
            pairKey: pair ? pairKey(pair) : undefined,
            input: { ...input, pair: field(data, 'pair', 400) },
            errors: outcome.errors,
            talkMoves: input.talkMoves !== undefined && input.talkMoves !== '',
            observationId,
            returnOf,
          },
          words,
        ),
      };
    case 'notScheduled':
      return { update: renderNoticeCard({ title: words.t('schedule.notScheduled') }) };
    case 'forbidden':
    case 'missing':
      return { reply: textReply(words.t('common.stale')) };
  }
}

/**
 * The host's "Send as a Teams meeting invite" link: a new Teams meeting with the pair, at the
 * observation's time; only for the host, and only where every member's sign-in name is known.
 */
async function inviteUrl(
  actor: Actor,
  services: BotServices,
  o: Observation,
  names: Readonly<Record<string, string>>,
): Promise<string | undefined> {
  // no sign-in name of their own, no invite: and no need to read the others'
  if (o.hostId !== actor.person.id || !actor.person.userPrincipalName) return undefined;
  const others = await Promise.all(o.observerIds.map((id) => services.people.get(id)));
  const signInNames = Object.fromEntries([actor.person, ...others].map((p) => [p?.id, p?.userPrincipalName]));
  const peers = peersText(o, names, actor.person.id, actor.words);
  return teamsInviteUrl(o, signInNames, actor.words.t('calendar.observation', { peers }));
}

async function upcomingCard(actor: Actor, services: BotServices, message?: string, offerNew?: boolean) {
  const items = await Promise.all(
    (await services.cycles.scheduling.upcoming(actor.person)).map(async (item) => ({
      ...item,
      calendarUrl: services.calendarLinks?.urlFor(item.observation, actor.person.id),
      inviteUrl: await inviteUrl(actor, services, item.observation, item.names),
    })),
  );
  return renderUpcomingCard(
    { viewerId: actor.person.id, items, message, offerNew, now: services.clock.now() },
    actor.words,
  );
}

export async function upcoming(actor: Actor, services: BotServices): Promise<Reply> {
  return cardReply(await upcomingCard(actor, services));
}

export function endObservation(how: 'cancelled' | 'didNotHappen') {
  return async (actor: Actor, data: CardData, services: BotServices): Promise<ActionResult> => {
    const outcome = await services.cycles.scheduling.end(
      actor.person,
      field(data, 'pairId', 200),
      field(data, 'observationId', 200),
      how,
    );
    if (!('observation' in outcome)) return { reply: textReply(actor.words.t('common.stale')) };
    if (outcome.status === 'started') {
      // nothing changed: the list shows what may still be done, and one line says why
      return {
        update: await upcomingCard(actor, services),
        reply: textReply(actor.words.t('upcoming.startedNoCancel')),
      };
    }
    const o: Observation = outcome.observation;
    const pair = (await services.cycles.reads.pairsOf(actor.person)).find(
      (p) => p.pair.id === o.pairId,
    )?.pair;
    const peer = actor.words.list(
      o.memberIds.filter((m) => m !== actor.person.id).map((m) => pair?.memberNames[m] || '—'),
    );
    const message =
      how === 'cancelled'
        ? actor.words.t('upcoming.cancelled', { peer })
        : actor.words.t('upcoming.didNotHappenDone');
    return { update: await upcomingCard(actor, services, message, how === 'didNotHappen') };
  };
}

export async function answerPrompt(
  actor: Actor,
  data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  const { verb: _verb, pairId = '', promptId = '', ...typed } = data;
  const outcome = await services.cycles.answers.answer(actor.person, pairId, promptId, typed);
  // a prompt that is not theirs, or gone, has no kind to tell
  services.telemetry.cardAnswer('prompt' in outcome ? outcome.prompt.kind : 'unknown', outcome.status);
  if (outcome.status === 'forbidden') return { reply: textReply(actor.words.t('prompt.forbidden')) };
  if (!('prompt' in outcome)) return { reply: textReply(actor.words.t('common.stale')) };
  const card = renderPromptCard(
    { prompt: outcome.prompt, view: outcome.view, refreshFor: actor.person.reach?.userId },
    actor.words,
  );
  if (outcome.status === 'notYet') return { update: card, reply: textReply(actor.words.t('prompt.notYet')) };
  return { update: card };
}

/**
 * `prompt.view`: the card's `refresh` — the prompt as it stands now, for the person it is for.
 * Anyone else, or a prompt that is gone, gets no card (the card they have stays as it is) and a line
 * saying why.
 */
export async function viewPrompt(actor: Actor, data: CardData, services: BotServices): Promise<ActionResult> {
  const found = await services.cycles.reads.promptFor(
    actor.person,
    field(data, 'pairId', 200),
    field(data, 'promptId', 200),
  );
  if (found === 'forbidden') return { reply: textReply(actor.words.t('prompt.forbidden')) };
  if (!found) return { reply: textReply(actor.words.t('common.stale')) };
  return {
    update: renderPromptCard({ ...found, refreshFor: actor.person.reach?.userId }, actor.words),
  };
}

/** `summary.view`: the card's `refresh` — the pair's summary as it stands now, for a member */
export async function viewSummary(
  actor: Actor,
  data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  const card = await summaryCard(actor, services, data);
  return card ? { update: card } : { reply: textReply(actor.words.t('common.stale')) };
}

/** the observation a summary card's button names, in its pair */
function observationOf(data: CardData): [pairId: string, observationId: string] {
  return [field(data, 'pairId', 200), field(data, 'observationId', 200)];
}

async function summaryCard(actor: Actor, services: BotServices, data: CardData, message?: string) {
  const view = await services.cycles.summaries.summaryFor(actor.person, ...observationOf(data));
  return view && renderSummaryCard({ view, message, refreshFor: actor.person.reach?.userId }, actor.words);
}

export async function openSummary(
  actor: Actor,
  data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  const view = await services.cycles.summaries.summaryFor(actor.person, ...observationOf(data));
  if (!view) return { reply: textReply(actor.words.t('common.stale')) };
  const o = view.observation;
  const card = renderSummaryCard({ view, refreshFor: actor.person.reach?.userId }, actor.words);
  return {
    reply: {
      ...cardReply(card),
      shows: {
        source: { kind: 'summary', observationId: o.id },
        personIds: o.memberIds,
        pairs: [{ pairId: o.pairId, programmeId: o.programmeId }],
      },
    },
  };
}

export async function addActionPoint(
  actor: Actor,
  data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  const outcome = await services.cycles.actionPoints.addActionPoint(
    actor.person,
    ...observationOf(data),
    field(data, 'actionPoint', 2000),
  );
  const keys = {
    added: 'summary.actionAdded',
    empty: 'summary.actionEmpty',
    tooLong: 'summary.actionTooLong',
  } as const;
  if (outcome === 'forbidden' || outcome === 'missing')
    return { reply: textReply(actor.words.t('common.stale')) };
  // a local run asks after as many minutes as a real one waits weeks
  const added = services.cycles.scale.unit === 'minutes' ? 'summary.actionAddedLocal' : keys.added;
  const notice =
    outcome === 'added'
      ? actor.words.t(added, { count: followUpWeeks })
      : typeof outcome === 'string'
        ? actor.words.t(keys[outcome])
        : actor.words.t(`summary.actionIdentifier.${outcome.identifier}`, { found: outcome.shown });
  const card = await summaryCard(actor, services, data, notice);
  return card ? { update: card } : { reply: textReply(notice) };
}

export async function history(actor: Actor, services: BotServices): Promise<Reply> {
  const summaries = await services.cycles.summaries.history(actor.person);
  return cardReply(renderHistoryCard({ viewerId: actor.person.id, summaries }, actor.words));
}
