import template from '../../cards/evaluation-results.json';
import {
  Change,
  directions,
  Distribution,
  overallQuestions,
  overallScales,
} from '../domain/evaluation/release';
import { EvaluationResults } from '../domain/evaluation/results-release';
import { scale } from '../domain/evaluation/statements';
import { Programme } from '../domain/programme';
import { Words } from '../i18n';
import { AdaptiveCard, expandCard, firstOf } from './render';

/** the card stays well under Teams' size limit; every comment is in the CSV */
const maxCommentsShown = 12;

export interface ResultsCardData {
  readonly programme: Pick<Programme, 'id' | 'name'>;
  /** the evaluation as released when it closed */
  readonly results: EvaluationResults;
}

/** a median as shown: one decimal at most, in the reader's language; withheld says so */
function medianText(d: Distribution | undefined, words: Words): string {
  return d ? words.number(d.median) : words.t('evaluationResults.withheld');
}

/** "higher 6 · the same or lower 7": each group as release.ts merged it */
export function changeText(change: Change | undefined, words: Words): string {
  if (!change) return words.t('evaluationResults.changeWithheld');
  if (change.groups.length === 1)
    return words.t('evaluationResults.changeAll', { count: change.answeredBoth });
  const name = (d: (typeof directions)[number]) => words.t(`evaluationResults.directions.${d}`);
  const groups = change.groups.map((g) => {
    const names = g.directions.map(name);
    const joined = names
      .slice(1)
      .reduce((first, second) => words.t('evaluationResults.directionsOr', { first, second }), names[0]!);
    return `${joined} ${g.count}`;
  });
  return words.t('evaluationResults.change', { count: change.answeredBoth, groups: groups.join(' · ') });
}

/**
 * The coordinator's evaluation card: per statement the distributions before and at the end (a chart
 * where Teams draws one, a table elsewhere), medians and the change as released; the overall
 * ratings; the comments as plain text runs (never markdown). Only what release.ts released.
 */
export function renderResultsCard(data: ResultsCardData, words: Words): AdaptiveCard {
  const t = words.section('evaluationResults');
  const release = data.results.release;
  const withheld = t.withheld;
  const comments = firstOf(release?.comments ?? [], maxCommentsShown);
  return expandCard(template, {
    programmeId: data.programme.id,
    title: words.t('evaluationResults.title', { programme: data.programme.name }),
    closedAt: words.t('evaluationResults.closedAt', {
      date: words.dateTime(new Date(data.results.closedAt)),
    }),
    released: release !== undefined,
    endAnswered: release ? words.t('evaluationResults.endAnswered', { count: release.endAnswered }) : '',
    statements: (release?.statements ?? []).map((s) => ({
      name: words.t(`evaluation.short.${s.statement}`),
      shown: Boolean(s.baseline || s.end),
      series: [
        { legend: t.baseline, d: s.baseline },
        { legend: t.end, d: s.end },
      ]
        .filter((p) => p.d)
        .map((p) => ({
          legend: p.legend,
          values: scale.map((v, i) => ({ x: String(v), y: p.d!.counts[i]! })),
        })),
      rows: scale.map((v, i) => ({
        point: String(v),
        baseline: s.baseline ? String(s.baseline.counts[i]) : withheld,
        end: s.end ? String(s.end.counts[i]) : withheld,
      })),
      medians: words.t('evaluationResults.medians', {
        baseline: medianText(s.baseline, words),
        end: medianText(s.end, words),
      }),
      change: changeText(s.change, words),
    })),
    overall: release
      ? overallQuestions.map((q) => {
          const d = release.overall[q];
          return {
            name: t.overall[q],
            shown: d !== undefined,
            bars: d ? overallScales[q].map((v, i) => ({ x: String(v), y: d.counts[i]! })) : [],
            median: words.t('evaluationResults.median', { value: medianText(d, words) }),
          };
        })
      : [],
    comments: comments.shown,
    moreComments:
      comments.more > 0 ? words.t('evaluationResults.commentsMore', { count: comments.more }) : '',
    back: words.t('common.back'),
    t,
  });
}

/** the card's figures as the CSV's rows: the same release, the same withheld cells */
export function resultsRows(results: EvaluationResults, words: Words) {
  const t = words.section('evaluationResults');
  const release = results.release;
  const cells = (d: Distribution | undefined, points: readonly number[]) =>
    d ? [...d.counts.map(String), words.number(d.median)] : [...points.map(() => t.withheld), t.withheld];
  const statements = release?.statements ?? [];
  return {
    distributions: statements.flatMap((s) => {
      const name = words.t(`evaluation.short.${s.statement}`);
      return [
        [name, t.baseline, ...cells(s.baseline, scale)],
        [name, t.end, ...cells(s.end, scale)],
      ];
    }),
    changes: statements.flatMap((s) => {
      const name = words.t(`evaluation.short.${s.statement}`);
      if (!s.change) return [[name, t.changeWithheld, t.withheld]];
      return s.change.groups.map((g) => [
        name,
        g.directions.map((d) => t.directions[d]).join(' / '),
        String(g.count),
      ]);
    }),
    overall: release
      ? overallQuestions.flatMap((q) => {
          const d = release.overall[q];
          if (!d) return [[t.overall[q], t.withheld, t.withheld]];
          return [
            ...overallScales[q].map((v, i) => [t.overall[q], String(v), String(d.counts[i])]),
            [t.overall[q], t.csv.median, words.number(d.median)],
          ];
        })
      : [],
    comments: release?.comments ?? [],
  };
}
