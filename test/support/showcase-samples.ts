import { DateTime } from 'luxon';
import { AdaptiveCard } from '../../src/cards/render';
import { renderPromptCard } from '../../src/cards/prompt-card';
import { renderReportCard } from '../../src/cards/report-card';
import { renderScheduleCard } from '../../src/cards/schedule-card';
import { renderSummaryCard } from '../../src/cards/summary-card';
import { renderWelcomeCard } from '../../src/cards/welcome-card';
import { PromptKind } from '../../src/domain/cycle/questions';
import { PairStage, ProgrammeFigures } from '../../src/domain/report/figures';
import { withholdSmallCounts } from '../../src/domain/report/practised';
import { LearnerLevel, learnerLevels, Setting, settings } from '../../src/domain/cycle/observation';
import { Language, Words } from '../../src/i18n';
import { sampleNames, sampleObservation, sampleProgramme, samplePrompt } from './card-samples';

/**
 * Cards as people meet them, for the README and the top of docs/cards: a ward round at a Stockholm
 * teaching hospital, where Blake Berg lets a medical student lead the history while Chris Dahl
 * observes, and the coordinator's view of the whole programme. The samples of card-samples.ts are
 * made to find limits (answers at their longest, every error shown); these are kind and believable,
 * and each language has answers written in that language.
 */

/** what the supervisors wrote and what the programme is called, in one language */
interface ShowcaseTexts {
  readonly programme: string;
  /** Blake's answer to "what should your peer watch for", shown on Chris's card before the visit */
  readonly hostFocus: string;
  /** Blake's reflection afterwards */
  readonly reflection: Readonly<Record<'ah.plan' | 'ah.noticed' | 'ah.learner' | 'ah.discuss', string>>;
  /** Chris's feedback afterwards */
  readonly feedback: Readonly<
    Record<'ao.worked' | 'ao.focus' | 'ao.learner' | 'ao.try' | 'ao.contrast', string>
  >;
  /** the action point Blake set from the summary */
  readonly actionPoint: string;
}

const texts: Readonly<Record<Language, ShowcaseTexts>> = {
  en: {
    programme: 'Internal medicine, autumn 2026',
    hostFocus: 'How I let the student lead the history, and whether I step in too early.',
    reflection: {
      'ah.plan':
        'Mostly as planned: the student took the history from a new admission and I kept quiet for the first ten minutes. I stepped in once, a little sooner than I meant to.',
      'ah.noticed':
        'How hard it is to stay silent. I fill a pause quickly, yet the student usually had the next question ready if I waited.',
      'ah.learner':
        'Nervous at first, then steadier. I think leading the conversation felt like real responsibility.',
      'ah.discuss': 'When is stepping in support, and when does it take the history away from the student?',
    },
    feedback: {
      'ao.worked':
        'You told the patient the student would lead and you would listen, and sat a little behind, so the patient spoke to the student.',
      'ao.focus':
        'You waited through two long pauses, and both times the student found the next question. When you stepped in about the medicines, you handed straight back.',
      'ao.learner':
        'Tense at first, then at ease. At the end the student summarised for the patient without being asked.',
      'ao.try':
        'Agree a signal beforehand for when the student wants help, so stepping in is partly their call.',
      'ao.contrast':
        'I take over much sooner when the round runs late. I want to try staying in the background as you did.',
    },
    actionPoint:
      'Agree a signal with the student for when they want help, and count to five before I step in.',
  },
  sv: {
    programme: 'Internmedicin, hösten 2026',
    hostFocus: 'Hur jag låter studenten leda anamnesen, och om jag går in för tidigt.',
    reflection: {
      'ah.plan':
        'I stort sett som planerat: studenten tog anamnesen på en nyinkommen patient och jag höll tyst de första tio minuterna. En gång gick jag in, lite tidigare än jag hade tänkt.',
      'ah.noticed':
        'Hur svårt det är att vara tyst. Jag fyller snabbt ut en paus, men studenten hade oftast nästa fråga redo om jag väntade.',
      'ah.learner':
        'Nervös i början, sedan allt säkrare. Jag tror att det kändes som ett verkligt ansvar att leda samtalet.',
      'ah.discuss': 'När är det stöd att gå in, och när tar jag över samtalet från studenten?',
    },
    feedback: {
      'ao.worked':
        'Du sa till patienten att studenten skulle leda och att du skulle lyssna, och satt en bit bakom, så att patienten vände sig till studenten.',
      'ao.focus':
        'Du väntade ut två långa pauser, och båda gångerna hittade studenten nästa fråga själv. När du gick in om läkemedlen lämnade du genast tillbaka ordet.',
      'ao.learner':
        'Spänd i början, sedan avslappnad. I slutet sammanfattade studenten för patienten utan att någon bad om det.',
      'ao.try':
        'Kom överens i förväg om ett tecken för när studenten vill ha hjälp, så att det delvis blir hens beslut när du går in.',
      'ao.contrast':
        'Jag tar över mycket tidigare när ronden drar ut på tiden. Jag vill pröva att hålla mig i bakgrunden som du gjorde.',
    },
    actionPoint:
      'Kom överens med studenten om ett tecken för när hen vill ha hjälp, och räkna till fem innan jag går in.',
  },
};

/** a ward round on Wednesday 14 October 2026, 08:30–09:30 in Stockholm (summer time, UTC+2) */
const wardRound = sampleObservation({
  startsAt: '2026-10-14T06:30:00.000Z',
  endsAt: '2026-10-14T07:30:00.000Z',
  durationMinutes: 60,
  setting: 'wardRound',
  learnerLevel: 'studentLate',
});

/** the programme's twelve pairs, as the coordinator formed them: supervisors of one hospital */
const pairs: readonly (readonly [string, string, number, PairStage])[] = [
  [sampleNames.host, sampleNames.observer, 1, 'scheduled'],
  ['Avery Lind', 'Sam Ek', 2, 'done'],
  ['Maja Holm', 'Johan Sandberg', 2, 'done'],
  ['Elin Nyström', 'Oskar Lund', 1, 'awaitingAnswers'],
  ['Sara Lindqvist', 'Erik Åberg', 2, 'done'],
  ['Anna Karlsson', 'Jonas Wikström', 1, 'scheduled'],
  ['Lina Hedlund', 'Per Sjöberg', 0, 'notScheduled'],
  ['Fatima Hassan', 'David Engström', 1, 'scheduled'],
  ['Karin Forsberg', 'Ali Rezaei', 1, 'stalled'],
  ['Emma Björk', 'Henrik Strand', 2, 'done'],
  ['Ingrid Falk', 'Mikael Norén', 1, 'scheduled'],
  ['Sofia Bergman', 'Nils Håkansson', 1, 'awaitingAnswers'],
];

/** completed observations in each week from the programme's first (week 36) to early November */
const weekly = [0, 1, 2, 1, 2, 1, 3, 2, 2, 1];

/**
 * Ten weeks into a term: 24 supervisors in 12 pairs, enough people behind every figure that none is
 * withheld. The totals agree with the pairs: 15 observations completed, and the 4 pairs with two
 * each are the 8 supervisors who reached the target of two.
 */
function showcaseFigures(): ProgrammeFigures {
  const firstWeek = DateTime.fromISO('2026-08-31', { zone: 'UTC' });
  const completed = weekly.reduce((a, b) => a + b, 0);
  const reached = pairs.filter(([, , done]) => done >= 2).length * 2;
  return {
    asOf: '2026-11-06T12:00:00.000Z',
    supervisors: { enrolled: { value: 24 }, reachable: { value: 23 }, paired: { value: 24 } },
    observations: { upcoming: 6, completed, cancelled: 2, didNotHappen: 1 },
    responseRate: { value: 0.91 },
    medianHoursToRespond: { value: 16.4 },
    progress: { target: 2, reached: { value: reached }, share: { value: reached / 24 } },
    safetyRating: { value: 4.3 },
    // the 15 completed, by the report's own rule: the small ones withheld together
    practised: {
      bySetting: withholdSmallCounts(
        settings,
        new Map<Setting, number>([
          ['wardRound', 6],
          ['outpatientClinic', 5],
          ['primaryCare', 3],
          ['emergencyDepartment', 1],
        ]),
      ),
      byLearnerLevel: withholdSmallCounts(
        learnerLevels,
        new Map<LearnerLevel, number>([
          ['studentLate', 7],
          ['intern', 5],
          ['studentEarly', 3],
        ]),
      ),
    },
    weekly: weekly.map((n, i) => {
      const monday = firstWeek.plus({ weeks: i });
      return { week: monday.toFormat("kkkk-'W'WW"), weekStart: monday.toISODate()!, completed: n };
    }),
    pairs: pairs.map(([a, b, done, stage], i) => ({
      pairId: `pair:${i + 1}`,
      names: [a, b],
      completed: done,
      target: 2,
      stage,
    })),
  };
}

/** what each showcase picture shows, for the gallery's README, in the order they are drawn */
export const showcaseCaptions = {
  welcome: 'Welcome, in a supervisor’s chat',
  schedule: 'Scheduling the ward round',
  'before-host': 'Before the visit, for the host',
  'before-observer': 'Before the visit, for the observer, with the host’s focus',
  feedback: 'Afterwards, for the observer: feedback',
  reflection: 'Afterwards, for the host: reflection',
  summary: 'The pair’s summary, side by side by theme, with an action point',
  report: 'The coordinator’s report: 24 supervisors in 12 pairs',
} as const;
export type ShowcaseName = keyof typeof showcaseCaptions;

/**
 * The showcase, by name: `words` for the catalogue's strings, dates and numbers, `language` for what
 * the supervisors wrote (the same as the words' language, except under test with marker words).
 */
export function showcaseCards(
  words: Words,
  language: Language = words.language,
): Record<ShowcaseName, AdaptiveCard> {
  const text = texts[language];
  const programme = sampleProgramme({ name: text.programme, endDate: '2026-12-18', locale: language });
  const prompt = (kind: PromptKind, hostFocus?: string) =>
    renderPromptCard(
      {
        prompt: samplePrompt(kind),
        view: { observation: wardRound, programmeName: text.programme, names: sampleNames, hostFocus },
      },
      words,
    );
  return {
    welcome: renderWelcomeCard({ name: sampleNames.observer, team: false, coordinator: false }, words),
    schedule: renderScheduleCard(
      {
        mode: 'new',
        editable: true,
        pairs: [],
        members: [
          { title: `${sampleNames.host} (${words.t('schedule.you')})`, value: 'host' },
          { title: sampleNames.observer, value: 'observer' },
        ],
        input: {
          date: '2026-10-14',
          startTime: '08:30',
          durationMinutes: '60',
          hostId: 'host',
          setting: 'wardRound',
          learnerLevel: 'studentLate',
        },
        errors: {},
        pairKey: 'pair:1|p-1',
      },
      words,
    ),
    'before-host': prompt('beforeHost'),
    'before-observer': prompt('beforeObserver', text.hostFocus),
    feedback: prompt('afterObserver', text.hostFocus),
    reflection: prompt('afterHost'),
    summary: renderSummaryCard(
      {
        view: {
          observation: wardRound,
          programmeName: text.programme,
          names: sampleNames,
          host: { ...text.reflection, 'ah.safety': '4' },
          observers: { observer: text.feedback },
          missing: [],
          actionPoints: [{ personId: 'host', point: text.actionPoint }],
        },
      },
      words,
    ),
    report: renderReportCard({ programme, figures: showcaseFigures() }, words),
  };
}
