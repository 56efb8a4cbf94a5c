import template from '../../cards/programme.json';
import { Enrolment, Pair } from '../domain/membership';
import { Programme } from '../domain/programme';
import { dayScale, TimingScale } from '../domain/timing';
import { Words } from '../i18n';
import { AdaptiveCard, expandCard, firstOf } from './render';

const maxPairsShown = 30;
const maxWaitingShown = 60;

export interface ProgrammeCardData {
  readonly programme: Programme;
  readonly enrolments: readonly Enrolment[];
  readonly pairs: readonly Pair[];
  /** a line of feedback above the facts, e.g. "Saved." */
  readonly notice?: string;
  /** how long the policy's days last here: a local run ignores quiet hours and working days */
  readonly scale?: TimingScale;
  /** the evaluation: while open, how many answered at the end (a count only); when it closed */
  readonly evaluation?: { readonly answered: number; readonly closedAt?: string };
}

/** while open, a count of answers (never what they say); once closed, when */
function evaluationFacts(evaluation: ProgrammeCardData['evaluation'], words: Words) {
  if (!evaluation) return [];
  if (evaluation.closedAt)
    return [
      {
        title: words.t('evaluationResults.closedFact'),
        value: words.t('evaluationResults.closedValue', {
          date: words.dateTime(new Date(evaluation.closedAt)),
        }),
      },
    ];
  return [{ title: words.t('evaluationResults.answeredFact'), value: String(evaluation.answered) }];
}

/** a coordinator's view of a programme: settings, counts, pairs, who is waiting — never content */
export function renderProgrammeCard(data: ProgrammeCardData, words: Words): AdaptiveCard {
  const { programme: p } = data;
  const waiting = data.enrolments.filter((e) => !e.pairId);
  const f = (key: string) => words.t(`programme.facts.${key}`);
  const pairs = firstOf(data.pairs, maxPairsShown);
  const waitingShown = firstOf(waiting, maxWaitingShown);
  return expandCard(template, {
    programmeId: p.id,
    name: p.name,
    notice: data.notice ?? '',
    facts: [
      { title: f('dates'), value: `${words.date(p.startDate)} – ${words.date(p.endDate)}` },
      { title: f('timeZone'), value: p.timeZone },
      { title: f('language'), value: words.t(`language.${p.locale}`) },
      { title: f('target'), value: words.t('programme.facts.targetValue', { count: p.targetObservations }) },
      ...((data.scale ?? dayScale).unit === 'minutes'
        ? [{ title: f('timing'), value: f('localTiming') }]
        : [
            { title: f('quiet'), value: `${p.policy.quietStart}–${p.policy.quietEnd}` },
            {
              title: f('workingDays'),
              value: words.list(p.policy.workingDays.map((d) => words.weekday(d))),
            },
          ]),
      { title: f('enrolled'), value: String(data.enrolments.length) },
      { title: f('paired'), value: String(data.enrolments.length - waiting.length) },
      { title: f('waiting'), value: String(waiting.length) },
      ...evaluationFacts(data.evaluation, words),
    ],
    evaluationClosed: Boolean(data.evaluation?.closedAt),
    evaluationButtons: {
      close: words.t('evaluationResults.closeButton'),
      results: words.t('evaluationResults.resultsButton'),
    },
    pairs: pairs.shown.map((pair) => ({
      names: words.list(pair.memberIds.map((id) => pair.memberNames[id] || '—')),
    })),
    morePairs: pairs.more > 0 ? words.t('common.andMore', { count: pairs.more }) : '',
    waitingNames: [
      words.list(waitingShown.shown.map((e) => e.displayName || '—')),
      waitingShown.more > 0 ? words.t('common.andMore', { count: waitingShown.more }) : '',
    ]
      .filter(Boolean)
      .join(' '),
    t: words.section('programme'),
  });
}
