import { renderEnrolCard } from '../../cards/enrol-card';
import { renderNoticeCard } from '../../cards/notice-card';
import { renderPairingCard } from '../../cards/pairing-card';
import { renderProgrammeCard } from '../../cards/programme-card';
import { renderProgrammeFormCard } from '../../cards/programme-form-card';
import { renderProgrammeListCard } from '../../cards/programme-list-card';
import { AdaptiveCard } from '../../cards/render';
import { Programme, programmeFields, ProgrammeInput, programmeToInput } from '../../domain/programme';
import { EnrolOutcome } from '../../domain/programme-service';
import { Words } from '../../i18n';
import { BotServices } from '../services';
import { ActionResult, Actor, CardData, cardReply, field, Reply } from '../turn';
import { verbs } from '../verbs';

function inputFrom(data: CardData): ProgrammeInput {
  return Object.fromEntries(programmeFields.map((f) => [f, field(data, f, 200)]));
}

function notFound(words: Words): ActionResult {
  return { update: renderNoticeCard({ title: words.t('common.notFound') }) };
}

type ProgrammeAction = (
  actor: Actor,
  found: { programme: Programme; etag: string },
  data: CardData,
  services: BotServices,
) => Promise<ActionResult>;

/** a card action on the programme the card names; a programme that no longer exists gets a clear card */
function onProgramme(action: ProgrammeAction) {
  return async (actor: Actor, data: CardData, services: BotServices): Promise<ActionResult> => {
    const found = await services.programmes.get(field(data, 'programmeId', 100));
    return found ? action(actor, found, data, services) : notFound(actor.words);
  };
}

export async function listProgrammes(actor: Actor, services: BotServices): Promise<Reply> {
  return cardReply(renderProgrammeListCard({ programmes: await services.programmes.list() }, actor.words));
}

function blankForm(actor: Actor, services: BotServices): AdaptiveCard {
  const settings = services.programmes.blank(actor.words.timeZone, actor.words.language);
  return renderProgrammeFormCard(
    { input: programmeToInput(settings), errors: {}, scale: services.cycles.scale },
    actor.words,
  );
}

export function newProgramme(actor: Actor, services: BotServices): Reply {
  return cardReply(blankForm(actor, services));
}

export function openNewProgramme(
  actor: Actor,
  _data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  return Promise.resolve({ update: blankForm(actor, services) });
}

async function programmeCard(services: BotServices, programmeId: string, words: Words, notice?: string) {
  const [overview, answered, results] = await Promise.all([
    services.programmes.overview(programmeId),
    services.results.answeredAtEnd(programmeId),
    services.results.results(programmeId),
  ]);
  const evaluation = { answered, closedAt: results?.closedAt };
  return (
    overview && renderProgrammeCard({ ...overview, notice, scale: services.cycles.scale, evaluation }, words)
  );
}

export async function saveProgramme(
  actor: Actor,
  data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  const input = inputFrom(data);
  const programmeId = field(data, 'programmeId', 100);
  const outcome = programmeId
    ? await services.programmes.update(programmeId, input, field(data, 'version', 200))
    : await services.programmes.create(actor.person.id, input);
  switch (outcome.status) {
    case 'saved': {
      // the evaluation closes by itself after the end: planned again when the dates may have moved
      await services.results.planClose(outcome.programme);
      await services.audit.record(
        actor.person,
        outcome.programme.id,
        programmeId ? 'programme.edit' : 'programme.create',
      );
      const card = await programmeCard(
        services,
        outcome.programme.id,
        actor.words,
        actor.words.t('programme.saved'),
      );
      return { update: card };
    }
    case 'invalid':
      return {
        update: renderProgrammeFormCard(
          {
            programmeId: programmeId || undefined,
            editingName: input.name,
            version: field(data, 'version', 200),
            input,
            errors: outcome.errors,
            found: outcome.found,
            scale: services.cycles.scale,
          },
          actor.words,
        ),
      };
    case 'conflict':
      return {
        update: renderProgrammeFormCard(
          {
            programmeId,
            editingName: outcome.current.name,
            version: outcome.etag,
            input,
            errors: {},
            notice: actor.words.t('programme.conflict'),
            scale: services.cycles.scale,
          },
          actor.words,
        ),
      };
    case 'missing':
      return notFound(actor.words);
  }
}

export async function openProgramme(
  actor: Actor,
  data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  const card = await programmeCard(services, field(data, 'programmeId', 100), actor.words);
  return card ? { update: card } : notFound(actor.words);
}

export const editProgramme = onProgramme(async (actor, found, _data, services) => {
  return {
    update: renderProgrammeFormCard(
      {
        programmeId: found.programme.id,
        editingName: found.programme.name,
        version: found.etag,
        input: programmeToInput(found.programme),
        errors: {},
        scale: services.cycles.scale,
      },
      actor.words,
    ),
  };
});

async function enrolCard(services: BotServices, programme: Programme, words: Words, error?: string) {
  const [known, teams, enrolments] = await Promise.all([
    services.people.reachable(200),
    services.teams.all(),
    services.programmes.enrolmentsOf(programme.id),
  ]);
  const enrolled = new Set(enrolments.map((e) => e.personId));
  return renderEnrolCard(
    {
      programmeId: programme.id,
      programmeName: programme.name,
      people: known
        .filter((p) => !enrolled.has(p.id))
        .map((p) => ({ title: p.displayName || p.id, value: p.id })),
      teams: teams.map((t) => ({ title: t.name, value: t.id })),
      peoplePicker: services.peoplePicker,
      error,
    },
    words,
  );
}

export const openEnrol = onProgramme(async (actor, found, data, services) => {
  return { update: await enrolCard(services, found.programme, actor.words) };
});

function enrolReport(programme: Programme, outcome: EnrolOutcome, words: Words): AdaptiveCard {
  const names = (list: readonly { displayName: string }[]) =>
    list.length ? words.list(list.map((p) => p.displayName || '—')) : words.t('enrol.none');
  const sections = [
    { heading: `${words.t('enrol.enrolled')} (${outcome.enrolled.length})`, body: names(outcome.enrolled) },
    { heading: `${words.t('enrol.already')} (${outcome.already.length})`, body: names(outcome.already) },
  ];
  if (outcome.unreachable.length > 0) {
    sections.push({
      heading: `${words.t('enrol.unreachableTitle')} (${outcome.unreachable.length})`,
      body: `${words.t('enrol.unreachable')} ${names(outcome.unreachable)}`,
    });
  }
  return renderNoticeCard({
    title: words.t('enrol.resultTitle', { programme: programme.name }),
    sections,
    actions: [
      { title: words.t('common.back'), verb: verbs.openProgramme, programmeId: programme.id },
      { title: words.t('programme.pairButton'), verb: verbs.openPairing, programmeId: programme.id },
    ],
  });
}

export const saveEnrol = onProgramme(async (actor, found, data, services) => {
  const programme = found.programme;
  const list = (name: string) =>
    field(data, name, 100_000)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 1000);
  const ids = list('people');
  const teamIds = list('teamIds');
  if (ids.length === 0 && teamIds.length === 0) {
    return { update: await enrolCard(services, programme, actor.words, 'enrol.nobody') };
  }
  const known = await Promise.all(ids.map((id) => services.people.get(id)));
  const people = ids.map((id, i) => ({ personId: id, displayName: known[i]?.displayName ?? '' }));
  const outcomes: EnrolOutcome[] = [];
  if (people.length > 0) outcomes.push(await services.programmes.enrol(programme, actor.person.id, people));
  for (const teamId of teamIds) {
    const team = await services.programmes.enrolTeam(programme, actor.person.id, teamId);
    if (team === 'unreachable' || team === 'missing') {
      return { update: await enrolCard(services, programme, actor.words, 'enrol.teamUnreachable') };
    }
    outcomes.push(team);
  }
  const merged: EnrolOutcome = {
    enrolled: outcomes.flatMap((o) => o.enrolled),
    already: outcomes.flatMap((o) => o.already),
    unreachable: outcomes.flatMap((o) => o.unreachable),
  };
  await services.audit.record(actor.person, programme.id, 'enrol', {
    enrolled: merged.enrolled.length,
    already: merged.already.length,
    unreachable: merged.unreachable.length,
  });
  return { update: enrolReport(programme, merged, actor.words) };
});

async function pairingCard(services: BotServices, programme: Programme, words: Words, error?: string) {
  const enrolments = await services.programmes.enrolmentsOf(programme.id);
  return renderPairingCard(
    {
      programmeId: programme.id,
      programmeName: programme.name,
      candidates: enrolments
        .filter((e) => !e.pairId)
        .map((e) => ({ title: e.displayName || '—', value: e.personId })),
      error,
    },
    words,
  );
}

export const openPairing = onProgramme(async (actor, found, data, services) => {
  return { update: await pairingCard(services, found.programme, actor.words) };
});

export const pairAutomatically = onProgramme(async (actor, found, data, services) => {
  const { programme } = found;
  const outcome = await services.pairs.pairAutomatically(programme);
  if (outcome.formed.length + outcome.joined.length > 0) {
    await services.audit.record(actor.person, programme.id, 'pair', {
      pairs: outcome.formed.length,
      trios: outcome.joined.length,
    });
  }
  const words = actor.words;
  const names = (ids: readonly string[], pairNames: Readonly<Record<string, string>>) =>
    words.list(ids.map((id) => pairNames[id] || '—'));
  const sections = [];
  if (outcome.formed.length === 0 && outcome.joined.length === 0 && outcome.unpaired.length === 0) {
    sections.push({ heading: words.t('pairing.nobodyWaiting'), body: '' });
  }
  if (outcome.formed.length > 0) {
    sections.push({
      heading: `${words.t('pairing.formed')} (${outcome.formed.length})`,
      body: outcome.formed.map((p) => `- ${names(p.memberIds, p.memberNames)}`).join('\n'),
    });
  }
  if (outcome.joined.length > 0) {
    sections.push({
      heading: words.t('pairing.joined'),
      body: outcome.joined.map((p) => `- ${names(p.memberIds, p.memberNames)}`).join('\n'),
    });
  }
  if (outcome.unpaired.length > 0) {
    sections.push({ heading: words.t('pairing.unpaired'), body: words.list(outcome.unpaired) });
  }
  return {
    update: renderNoticeCard({
      title: words.t('pairing.resultTitle', { programme: programme.name }),
      text: outcome.formed.length + outcome.joined.length > 0 ? words.t('pairing.everyoneTold') : '',
      sections,
      actions: [{ title: words.t('common.back'), verb: verbs.openProgramme, programmeId: programme.id }],
    }),
  };
});

export const pairManually = onProgramme(async (actor, found, data, services) => {
  const { programme } = found;
  const ids = ['first', 'second', 'third'].map((f) => field(data, f, 100)).filter(Boolean);
  const outcome = await services.pairs.pairManually(programme, ids);
  if (outcome.status === 'formed')
    await services.audit.record(actor.person, programme.id, 'pair', { pairs: 1 });
  const words = actor.words;
  switch (outcome.status) {
    case 'formed':
      return {
        update: await programmeCard(
          services,
          programme.id,
          words,
          `${words.t('pairing.formed')}: ${words.list(outcome.pair.memberIds.map((id) => outcome.pair.memberNames[id] || '—'))}. ${words.t('pairing.everyoneTold')}`,
        ),
      };
    case 'invalid':
      return { update: await pairingCard(services, programme, words, words.t(outcome.reason)) };
    case 'metBefore':
      return { update: await pairingCard(services, programme, words, words.t('pairing.error.metBefore')) };
    case 'taken': {
      const enrolments = await services.programmes.enrolmentsOf(programme.id);
      const taken = enrolments
        .filter((e) => outcome.personIds.includes(e.personId))
        .map((e) => e.displayName);
      return {
        update: await pairingCard(
          services,
          programme,
          words,
          words.t('pairing.error.taken', { names: words.list(taken) }),
        ),
      };
    }
  }
});
