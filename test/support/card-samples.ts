import { renderCoordinatorsCard } from '../../src/cards/coordinators-card';
import { renderEnrolCard } from '../../src/cards/enrol-card';
import { renderHelpCard } from '../../src/cards/help-card';
import { renderInvitationCard } from '../../src/cards/invitation-card';
import { renderInviteCard } from '../../src/cards/invite-card';
import { renderNoticeCard } from '../../src/cards/notice-card';
import { renderPairingCard } from '../../src/cards/pairing-card';
import { renderProfileCard } from '../../src/cards/profile-card';
import { renderProgrammeCard } from '../../src/cards/programme-card';
import { renderProgrammeFormCard } from '../../src/cards/programme-form-card';
import { renderProgrammeListCard } from '../../src/cards/programme-list-card';
import { AdaptiveCard } from '../../src/cards/render';
import { renderWelcomeCard } from '../../src/cards/welcome-card';
import { renderHistoryCard } from '../../src/cards/history-card';
import { renderReportCard } from '../../src/cards/report-card';
import { renderMyDataCards } from '../../src/cards/my-data-card';
import { renderBaselineCard } from '../../src/cards/evaluation-card';
import { renderEndCard } from '../../src/cards/evaluation-end-card';
import { renderResultsCard } from '../../src/cards/evaluation-results-card';
import { Distribution, StatementRelease } from '../../src/domain/evaluation/release';
import { EvaluationResults } from '../../src/domain/evaluation/results-release';
import { statementIds } from '../../src/domain/evaluation/statements';
import {
  renderNudgeComposeCard,
  renderNudgePreviewCard,
  renderNudgeProgressCard,
} from '../../src/cards/nudge-cards';
import { Nudge } from '../../src/domain/nudge/nudge';
import { ProgrammeFigures } from '../../src/domain/report/figures';
import { renderPromptCard } from '../../src/cards/prompt-card';
import { renderScheduleCard } from '../../src/cards/schedule-card';
import { renderSummaryCard } from '../../src/cards/summary-card';
import { renderUpcomingCard } from '../../src/cards/upcoming-card';
import { learnerLevels, Observation, settings } from '../../src/domain/cycle/observation';
import { SummaryView } from '../../src/domain/cycle/ports';
import { Prompt, PromptStatus } from '../../src/domain/cycle/prompt';
import { PromptKind, questionsFor } from '../../src/domain/cycle/questions';
import { commandWord, CommandName, commands } from '../../src/bot/inbound/commands';
import { Enrolment, Pair } from '../../src/domain/membership';
import { defaultPolicy, Programme, programmeToInput } from '../../src/domain/programme';
import { Words, wordsFor } from '../../src/i18n';
import { whenText } from '../../src/cards/observation-text';
import { calendarButtons, CalendarLinks, CalendarLinkSigner } from '../../src/calendar/calendar-link';

/** a reader in Stockholm, in each language a card is checked in */
export const english = wordsFor('en-GB', 'Europe/Stockholm');
export const swedish = wordsFor('sv-SE', 'Europe/Stockholm');

/** the ids of every input a person can fill in on a card */
export function inputIdsOf(card: unknown): string[] {
  return elementsOf(card, (o) => String(o.type).startsWith('Input.')).map((o) => String(o.id));
}

/** the input a person fills in as `id`, e.g. a ChoiceSet with its `choices` */
export function inputOf(card: unknown, id: string): Record<string, unknown> | undefined {
  return elementsOf(card, (o) => String(o.type).startsWith('Input.') && o.id === id)[0];
}

/** every button a person sees on a card, in order */
export function buttonsOf(card: unknown): Button[] {
  return elementsOf(card, (o) => o.type === 'Action.Execute') as unknown as Button[];
}
type Button = { title: string; verb: string; data: Record<string, string> };

/** the element types (TextBlock, TextRun, …) that show a text holding `text` */
export function typesShowing(card: unknown, text: string): string[] {
  return elementsOf(card, (o) => typeof o.text === 'string' && o.text.includes(text)).map((o) =>
    String(o.type),
  );
}

function elementsOf(
  card: unknown,
  wanted: (o: Record<string, unknown>) => boolean,
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (wanted(o)) out.push(o);
    for (const [key, value] of Object.entries(o)) if (key !== 'refresh' && key !== 'fallback') walk(value);
  };
  walk(card);
  return out;
}

const spread = (people: number, counts: number[], median: number): Distribution => ({
  people,
  counts,
  median,
});

/**
 * A closed evaluation as stored: the figures release.ts would show (one statement rated by too few
 * before, one with a merged change), or nothing when fewer than five answered at the end.
 */
export function sampleResults(released = true, comments = true): EvaluationResults {
  const statement = (id: (typeof statementIds)[number]): StatementRelease => {
    if (id === 'complexity') return { statement: id, end: spread(6, [0, 0, 1, 5, 0], 4) };
    if (id === 'reflection')
      return {
        statement: id,
        baseline: spread(13, [0, 6, 5, 2, 0], 2),
        end: spread(13, [0, 2, 5, 6, 0], 3),
        change: {
          answeredBoth: 13,
          groups: [
            { directions: ['higher'], count: 6 },
            { directions: ['same', 'lower'], count: 7 },
          ],
        },
      };
    return { statement: id, baseline: spread(5, [0, 5, 0, 0, 0], 2), end: spread(5, [0, 0, 0, 5, 0], 4) };
  };
  return {
    type: 'evaluation-release',
    id: 'evaluation-release:p-1',
    programmeId: 'p-1',
    closedAt: '2027-01-03T09:00:00.000Z',
    closedBy: 'coordinator',
    ...(released
      ? {
          release: {
            endAnswered: 13,
            statements: statementIds.map(statement),
            overall: {
              safety: spread(5, [0, 0, 0, 5, 0], 4),
              recommend: spread(6, [1, 0, 0, 0, 0, 0, 0, 1, 0, 2, 2], 9),
            },
            ...(comments
              ? {
                  comments: [
                    'It made supervision a topic in our unit.',
                    '[a link](https://example.com)',
                    'Hard to find time, but worth it.',
                    'More pairs across departments, please.',
                    'I will keep doing this.',
                  ],
                }
              : {}),
          },
        }
      : {}),
  };
}

export function sampleProgramme(overrides: Partial<Programme> = {}): Programme {
  return {
    type: 'programme',
    id: 'p-1',
    programmeId: 'p-1',
    name: 'Autumn term, Medicine',
    startDate: '2026-09-01',
    endDate: '2026-12-20',
    timeZone: 'Europe/Stockholm',
    locale: 'en',
    targetObservations: 2,
    policy: defaultPolicy,
    createdBy: 'a',
    createdAt: '2026-08-01T00:00:00Z',
    updatedAt: '2026-08-01T00:00:00Z',
    ...overrides,
  };
}

export function sampleEnrolments(n: number, paired = 0): Enrolment[] {
  return Array.from({ length: n }, (_, i) => ({
    type: 'enrolment',
    id: `enrolment:${i}`,
    programmeId: 'p-1',
    personId: `person-${i}`,
    displayName: `Supervisor Number ${i}`,
    pairId: i < paired ? `pair:${Math.floor(i / 2)}` : undefined,
    enrolledAt: '2026-08-01T00:00:00Z',
    enrolledBy: 'a',
  }));
}

export function samplePairs(n: number): Pair[] {
  return Array.from({ length: n }, (_, i) => ({
    type: 'pair',
    id: `pair:${i}`,
    programmeId: 'p-1',
    memberIds: [`person-${2 * i}`, `person-${2 * i + 1}`],
    memberNames: {
      [`person-${2 * i}`]: `Supervisor ${2 * i}`,
      [`person-${2 * i + 1}`]: `Supervisor ${2 * i + 1}`,
    },
    formedBy: 'coordinator',
    formedAt: '2026-08-01T00:00:00Z',
  }));
}

const choices = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ title: `Colleague ${i}`, value: `id-${i}` }));
/** the commands the help card lists for a supervisor, or for a coordinator only, as typed in `words`' language */
export const helpCommands = (from: 'supervisor' | 'coordinator', words: Words) =>
  (Object.keys(commands) as CommandName[])
    .filter((name) => commands[name].coordinatorOnly === (from === 'coordinator'))
    .map((name) => ({ command: commandWord(name, words.language), description: commands[name].description }));

export function sampleObservation(overrides: Partial<Observation> = {}): Observation {
  return {
    type: 'observation',
    id: 'observation:1',
    pairId: 'pair:1',
    programmeId: 'p-1',
    memberIds: ['host', 'observer'],
    hostId: 'host',
    observerIds: ['observer'],
    startsAt: '2026-09-02T08:00:00.000Z',
    endsAt: '2026-09-02T09:00:00.000Z',
    durationMinutes: 60,
    setting: 'wardRound',
    learnerLevel: 'studentLate',
    status: 'scheduled',
    revision: 1,
    scheduledBy: 'host',
    createdAt: '2026-09-01T08:00:00.000Z',
    updatedAt: '2026-09-01T08:00:00.000Z',
    ...overrides,
  };
}

/** the sample pair's names, by person id: the host and the observer of `sampleObservation` */
export const sampleNames = { host: 'Blake Berg', observer: 'Chris Dahl' };

/** "Add to calendar" links as long as a deployment's: its address, a tenant, uuids */
const sampleLinks = new CalendarLinks(
  new CalendarLinkSigner('a sample secret that signs the sample links, nothing else'),
  'https://app-peercoach1a2b3c.azurewebsites.net',
  '00000000-0000-4000-8000-0000000000aa',
);

/** the sample observation, with ids as long as real ones, and someone's own link to it */
export function sampleCalendarUrl(personId: string): string {
  return sampleLinks.urlFor(
    sampleObservation({
      id: 'observation:5f0c6f5e-8a55-4d7e-9a0e-1a1a1a1a1a1a',
      pairId: 'pair:0e0e0e0e-1111-4222-8333-444444444444',
    }),
    personId,
  );
}

export function samplePrompt(kind: PromptKind, status: PromptStatus = 'sent'): Prompt {
  return {
    type: 'prompt',
    id: `prompt:1:${kind}:x`,
    pairId: 'pair:1',
    programmeId: 'p-1',
    observationId: 'observation:1',
    kind,
    personId: kind.endsWith('Host') ? 'host' : 'observer',
    status,
    revision: 1,
    sendAt: '2026-09-01T14:00:00.000Z',
    actionPoint: kind === 'followUp' ? 'Ask the student to summarise first' : undefined,
  };
}

/** answers at every question's maximum length: the largest a summary can get */
function longest(kind: 'afterHost' | 'afterObserver'): Record<string, string> {
  return Object.fromEntries(
    questionsFor(kind).map((q) => [q.id, q.input === 'rating' ? '4' : 'x'.repeat(q.maxLength)]),
  );
}

export function sampleSummary(full = false): SummaryView {
  return {
    observation: sampleObservation(),
    programmeName: 'Autumn',
    names: sampleNames,
    host: full ? longest('afterHost') : { 'ah.plan': 'Went as planned', 'ah.safety': '4' },
    observers: {
      observer: full
        ? longest('afterObserver')
        : { 'ao.worked': 'Clear questions', 'ao.focus': 'Good pauses' },
    },
    missing: [],
    actionPoints: [
      { personId: 'host', point: 'Count to five', tried: 'partly', happened: 'x'.repeat(full ? 1200 : 20) },
    ],
  };
}

export function sampleFigures(pairs = 3, withheld = false): ProgrammeFigures {
  const f = (n: number) => (withheld ? ({ withheld: true } as const) : { value: n });
  /** these categories' counts; every other one withheld */
  const counted = <C extends string>(categories: readonly C[], counts: Partial<Record<C, number>>) =>
    categories.map((category) => {
      const n = counts[category];
      return { category, observations: n === undefined ? ({ withheld: true } as const) : f(n) };
    });
  return {
    asOf: '2026-10-01T00:00:00.000Z',
    supervisors: { enrolled: f(40), reachable: f(38), paired: f(40) },
    observations: { upcoming: 6, completed: 22, cancelled: 2, didNotHappen: 1 },
    responseRate: f(0.87),
    medianHoursToRespond: f(19.25),
    progress: { target: 2, reached: f(12), share: f(0.3) },
    safetyRating: f(4.2),
    practised: {
      bySetting: counted(settings, { wardRound: 12, outpatientClinic: 6 }),
      byLearnerLevel: counted(learnerLevels, { studentLate: 10, intern: 7 }),
    },
    weekly: Array.from({ length: 30 }, (_, i) => ({
      week: `2026-W${String(i + 1).padStart(2, '0')}`,
      weekStart: '2026-01-05',
      completed: i % 5,
    })),
    pairs: Array.from({ length: pairs }, (_, i) => ({
      pairId: `pair:${i}`,
      names: [`Supervisor ${2 * i}`, `Supervisor ${2 * i + 1}`],
      completed: i % 3,
      target: 2,
      stage: (['notScheduled', 'scheduled', 'awaitingAnswers', 'stalled', 'done'] as const)[i % 5]!,
    })),
  };
}

export function sampleNudge(recipients = 40, status: Nudge['status'] = 'sending'): Nudge {
  return {
    type: 'nudge',
    id: 'nudge:1',
    programmeId: 'p-1',
    createdBy: 'a',
    createdAt: '2026-10-01T08:00:00.000Z',
    segment: { kind: 'nothingScheduled' },
    message: 'y'.repeat(1000),
    recipients: Array.from({ length: recipients }, (_, i) => `person-${i}`),
    status,
    counts: { sent: 10, unreachable: 1, failed: 1, paused: 2 },
  };
}

/** every card in every state worth checking, with realistic (and some large) data */
export function everyCard(words: Words): Record<string, AdaptiveCard> {
  const programme = sampleProgramme();
  const baselineView = { programmeId: programme.id, programmeName: programme.name, personId: 'person-b' };
  const endView = { ...baselineView, lastDay: '2027-02-13' };
  return {
    welcome: renderWelcomeCard({ name: 'Avery Lind', team: false, coordinator: true }, words),
    'welcome (team)': renderWelcomeCard({ name: '', team: true, coordinator: false }, words),
    help: renderHelpCard(
      {
        coordinator: true,
        paused: true,
        supervisorCommands: helpCommands('supervisor', words),
        coordinatorCommands: helpCommands('coordinator', words),
      },
      words,
    ),
    profile: renderProfileCard(
      {
        editable: true,
        input: { timeZone: 'Europe/Stockholm' },
        fromTeams: { timeZone: 'Europe/Oslo' },
        errors: { locale: 'profile.error.locale' },
        message: '',
      },
      words,
    ),
    'profile (saved)': renderProfileCard(
      {
        editable: false,
        input: { department: 'Surgery' },
        fromTeams: {},
        errors: {},
        message: words.t('profile.saved', {
          timeZone: words.timeZone,
          language: words.t(`language.${words.language}`),
        }),
      },
      words,
    ),
    'programme-form': renderProgrammeFormCard(
      {
        programmeId: 'p-1',
        editingName: programme.name,
        version: '"etag"',
        input: programmeToInput(programme),
        errors: { name: 'programme.error.nameRequired', endDate: 'programme.error.endBeforeStart' },
        notice: 'conflict',
      },
      words,
    ),
    'programme (200 enrolled)': renderProgrammeCard(
      {
        programme,
        enrolments: sampleEnrolments(200, 150),
        pairs: samplePairs(75),
        notice: words.t('programme.saved'),
      },
      words,
    ),
    'programme (a whole faculty: 3000 enrolled)': renderProgrammeCard(
      { programme, enrolments: sampleEnrolments(3000, 2000), pairs: samplePairs(1000) },
      words,
    ),
    'programme-list': renderProgrammeListCard(
      {
        programmes: Array.from({ length: 20 }, (_, i) =>
          sampleProgramme({ id: `p-${i}`, name: `Programme ${i}` }),
        ),
      },
      words,
    ),
    enrol: renderEnrolCard(
      {
        programmeId: 'p-1',
        programmeName: programme.name,
        people: choices(200),
        teams: choices(5),
        peoplePicker: true,
        error: 'enrol.nobody',
      },
      words,
    ),
    'enrol (local)': renderEnrolCard(
      {
        programmeId: 'p-1',
        programmeName: programme.name,
        people: choices(5),
        teams: [],
        peoplePicker: false,
      },
      words,
    ),
    pairing: renderPairingCard(
      {
        programmeId: 'p-1',
        programmeName: programme.name,
        candidates: choices(60),
        error: words.t('pairing.error.metBefore'),
      },
      words,
    ),
    'pairing (nobody)': renderPairingCard(
      { programmeId: 'p-1', programmeName: programme.name, candidates: [] },
      words,
    ),
    invite: renderInviteCard({ options: choices(50) }, words),
    'invite (1000 colleagues)': renderInviteCard({ options: choices(1000) }, words),
    'invite (sent)': renderInviteCard(
      { options: [], message: words.t('invite.sent', { name: 'Blake Berg' }) },
      words,
    ),
    invitation: renderInvitationCard(
      {
        programmeId: 'p-1',
        programmeName: programme.name,
        invitationId: 'invitation:a:b',
        fromName: 'Blake Berg',
        state: 'pending',
      },
      words,
    ),
    'invitation (accepted)': renderInvitationCard(
      {
        programmeId: 'p-1',
        programmeName: programme.name,
        invitationId: 'invitation:a:b',
        fromName: 'Blake Berg',
        state: 'accepted',
      },
      words,
    ),
    coordinators: renderCoordinatorsCard(
      {
        coordinators: [{ displayName: 'Avery', configured: true }],
        people: choices(100),
        peoplePicker: true,
        message: words.t('coordinators.added', { name: 'Blake Berg' }),
      },
      words,
    ),
    schedule: renderScheduleCard(
      {
        mode: 'new',
        editable: true,
        pairs: choices(3),
        members: [
          { title: 'Blake Berg', value: 'host' },
          { title: 'Chris Dahl', value: 'observer' },
        ],
        input: { durationMinutes: '60', hostId: 'host', talk: 'laterToday' },
        errors: { date: 'schedule.error.past', startTime: 'schedule.error.overlap' },
        pairKey: 'pair:1|p-1',
      },
      words,
    ),
    'schedule (saved)': renderScheduleCard(
      {
        mode: 'move',
        editable: false,
        message: words.t('schedule.rescheduled', {
          when: whenText(sampleObservation(), words),
          peer: 'Chris Dahl',
        }),
        pairs: [],
        members: [],
        input: {},
        errors: {},
        links: [
          ...calendarButtons(sampleLinks, sampleObservation(), 'host', words),
          { title: words.t('calendar.invite'), url: 'https://teams.microsoft.com/l/meeting/new?subject=x' },
        ],
        note: words.t('calendar.inviteNote'),
      },
      words,
    ),
    upcoming: renderUpcomingCard(
      {
        viewerId: 'host',
        items: Array.from({ length: 40 }, () => ({
          observation: sampleObservation(),
          names: sampleNames,
          calendarUrl: sampleCalendarUrl('host'),
        })),
      },
      words,
    ),
    'upcoming (none)': renderUpcomingCard(
      { viewerId: 'host', items: [], offerNew: true, message: words.t('upcoming.didNotHappenDone') },
      words,
    ),
    ...Object.fromEntries(
      (['beforeHost', 'beforeObserver', 'afterObserver', 'afterHost', 'followUp'] as const).flatMap(
        (kind) => [
          [
            `prompt (${kind})`,
            renderPromptCard(
              {
                prompt: samplePrompt(kind),
                view: {
                  observation: sampleObservation(),
                  programmeName: 'Autumn',
                  names: sampleNames,
                  hostFocus: 'How I give feedback',
                  typed: Object.fromEntries(questionsFor(kind).map((q) => [q.id, 'y'.repeat(q.maxLength)])),
                  errors: { [questionsFor(kind)[0]!.id]: 'prompt.error.required' },
                },
              },
              words,
            ),
          ],
          [
            `prompt (${kind}, answered)`,
            renderPromptCard(
              {
                prompt: samplePrompt(kind, 'answered'),
                view: { observation: sampleObservation(), programmeName: 'Autumn', names: sampleNames },
              },
              words,
            ),
          ],
        ],
      ),
    ),
    summary: renderSummaryCard({ view: sampleSummary() }, words),
    'summary (every answer at its longest)': renderSummaryCard(
      { view: sampleSummary(true), message: words.t('summary.actionAdded', { count: 2 }) },
      words,
    ),
    history: renderHistoryCard(
      { viewerId: 'host', summaries: Array.from({ length: 50 }, () => sampleSummary()) },
      words,
    ),
    report: renderReportCard({ programme: sampleProgramme(), figures: sampleFigures() }, words),
    'report (small group withheld, 500 pairs)': renderReportCard(
      { programme: sampleProgramme(), figures: sampleFigures(500, true) },
      words,
    ),
    'nudge-compose': renderNudgeComposeCard(
      {
        programmeId: 'p-1',
        programmeName: 'Autumn',
        input: { message: 'x'.repeat(1000) },
        error: 'nudge.empty',
      },
      words,
    ),
    'nudge-preview': renderNudgePreviewCard(
      { programmeName: 'Autumn', nudge: sampleNudge(3000), excluded: { paused: 3, unreachable: 4 } },
      words,
    ),
    'nudge-preview (the unreachable, listed)': renderNudgePreviewCard(
      {
        programmeName: 'Autumn',
        nudge: sampleNudge(0, 'draft'),
        excluded: { paused: 0, unreachable: 0 },
        listOnly: Array.from({ length: 500 }, (_, i) => `Supervisor ${i}`),
      },
      words,
    ),
    'nudge-progress': renderNudgeProgressCard(sampleNudge(), 'Autumn', words),
    'nudge-progress (delivery report)': renderNudgeProgressCard(sampleNudge(14, 'done'), 'Autumn', words),
    'my-data': renderMyDataCards(
      {
        answers: (['afterHost', 'afterObserver', 'beforeHost'] as const).map((kind) => ({
          prompt: {
            ...samplePrompt(kind, 'answered'),
            answers: Object.fromEntries(questionsFor(kind).map((q) => [q.id, 'z'.repeat(q.maxLength)])),
          },
          observation: sampleObservation(),
          hostName: 'Blake Berg',
        })),
        actionPoints: [{ point: 'Count to five' }],
      },
      words,
    )[0]!,
    'my-data (none)': renderMyDataCards({ answers: [], actionPoints: [] }, words)[0]!,
    'my-data (baseline ratings)': renderMyDataCards(
      {
        answers: [],
        actionPoints: [],
        evaluations: [{ ...baselineView, phase: 'baseline', ratings: { strategies: 4, feedback: 2 } }],
      },
      words,
    )[0]!,
    'evaluation-baseline': renderBaselineCard({ view: baselineView, state: 'open' }, words),
    'evaluation-results': renderResultsCard(
      { programme: sampleProgramme(), results: sampleResults() },
      words,
    ),
    'evaluation-results (fewer than 5 answered)': renderResultsCard(
      { programme: sampleProgramme(), results: sampleResults(false) },
      words,
    ),
    'evaluation-baseline (refused value)': renderBaselineCard(
      {
        view: baselineView,
        state: 'open',
        message: words.t('evaluation.invalid'),
        typed: { 's.strategies': '3' },
      },
      words,
    ),
    'evaluation-baseline (answered)': renderBaselineCard({ view: baselineView, state: 'answered' }, words),
    'evaluation-baseline (not now)': renderBaselineCard({ view: baselineView, state: 'declined' }, words),
    'my-data (baseline and end side by side)': renderMyDataCards(
      {
        answers: [],
        actionPoints: [],
        evaluations: [
          { ...baselineView, phase: 'baseline', ratings: { strategies: 2, feedback: 2 } },
          {
            ...baselineView,
            phase: 'end',
            ratings: { strategies: 4, feedback: 5, sharedConcern: 3 },
            overall: { safety: 5, usefulness: 4, recommend: 9 },
            comment: 'More time for the talk afterwards, please. '.repeat(23),
          },
        ],
      },
      words,
    )[0]!,
    'evaluation-end': renderEndCard({ view: endView, state: 'open' }, words),
    'evaluation-end (reminder)': renderEndCard({ view: endView, state: 'open', reminder: true }, words),
    'evaluation-end (comment refused)': renderEndCard(
      {
        view: endView,
        state: 'open',
        commentError: words.t('prompt.error.identifier.phone', { found: '070-•••••67' }),
        typed: { 's.strategies': '4', 'o.recommend': '9', comment: 'Call me on 070-123 45 67. '.repeat(38) },
      },
      words,
    ),
    'evaluation-end (answered)': renderEndCard({ view: endView, state: 'answered' }, words),
    'evaluation-end (closed)': renderEndCard(
      {
        view: endView,
        state: 'refused',
        message: words.t('evaluation.expired', { date: words.date(endView.lastDay) }),
      },
      words,
    ),
    // a notice's text comes translated, as the pairing report's does
    notice: renderNoticeCard({
      title: words.t('pairing.resultTitle', { programme: programme.name }),
      text: words.t('pairing.everyoneTold'),
      sections: [
        {
          heading: `${words.t('pairing.formed')} (1)`,
          body: `- ${words.list(['Avery Lind', 'Blake Berg'])}`,
        },
      ],
      actions: [{ title: words.t('common.back'), verb: 'programme.open', programmeId: 'p-1' }],
    }),
    'notice (scheduled)': renderNoticeCard({
      title: words.t('notices.scheduledTitle'),
      text: words.t('notices.scheduled', {
        by: 'Blake Berg',
        when: whenText(sampleObservation(), words),
        role: words.t('notices.youObserve'),
      }),
      links: calendarButtons(sampleLinks, sampleObservation(), 'observer', words),
    }),
  };
}
