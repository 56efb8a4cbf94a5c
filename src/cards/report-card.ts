import template from '../../cards/report.json';
import { Figure, ProgrammeFigures } from '../domain/report/figures';
import { CategoryCount } from '../domain/report/practised';
import { Programme } from '../domain/programme';
import { Words } from '../i18n';
import { AdaptiveCard, expandCard, firstOf } from './render';

export interface ReportCardData {
  readonly programme: Programme;
  readonly figures: ProgrammeFigures;
}

/** a figure as a person reads it; "fewer than 5" where it is withheld */
function shown(f: Figure, words: Words, format: (n: number) => string = String): string {
  return 'withheld' in f ? words.t('report.fewerThanFive') : format(f.value);
}

/** one decimal, the reader's way: 19.3 or 19,3 */
const oneDecimal = (n: number, words: Words) => words.number(Math.round(n * 10) / 10, 1);

/** the figures as label–value rows: one list serves the card and the CSV export */
export function figureRows(figures: ProgrammeFigures, words: Words): { label: string; value: string }[] {
  const t = (k: string, p?: Record<string, string | number>) => words.t(`report.${k}`, p);
  const percent = (n: number) => `${words.number(Math.round(n * 100))} %`;
  const f = figures;
  return [
    { label: t('enrolled'), value: shown(f.supervisors.enrolled, words) },
    { label: t('reachable'), value: shown(f.supervisors.reachable, words) },
    { label: t('paired'), value: shown(f.supervisors.paired, words) },
    { label: t('upcoming'), value: String(f.observations.upcoming) },
    { label: t('completed'), value: String(f.observations.completed) },
    { label: t('cancelled'), value: String(f.observations.cancelled) },
    { label: t('didNotHappen'), value: String(f.observations.didNotHappen) },
    { label: t('responseRate'), value: shown(f.responseRate, words, percent) },
    {
      label: t('medianHours'),
      value: shown(f.medianHoursToRespond, words, (n) =>
        t('hours', { count: words.number(Math.round(n * 10) / 10) }),
      ),
    },
    {
      label: t('progress', { target: f.progress.target }),
      value:
        'withheld' in f.progress.reached || 'withheld' in f.progress.share
          ? words.t('report.fewerThanFive')
          : `${f.progress.reached.value} (${percent(f.progress.share.value)})`,
    },
    { label: t('safety'), value: shown(f.safetyRating, words, (n) => oneDecimal(n, words)) },
  ];
}

/** each category's name (from `section`, settings or learnerLevels) and its count, or "withheld" */
function categoryRows<C extends string>(
  counts: readonly CategoryCount<C>[],
  section: 'settings' | 'learnerLevels',
  words: Words,
): { label: string; value: string }[] {
  return counts.map((c) => ({
    label: words.t(`${section}.${c.category}`),
    value: 'withheld' in c.observations ? words.t('report.practised.withheld') : String(c.observations.value),
  }));
}

/**
 * A breakdown on one line, the withheld categories named together at the end — "Ward round: 12 ·
 * Intern: 7 · withheld: Other and Resident" — so that the card stays short enough to read at a glance.
 */
function practisedLine<C extends string>(
  counts: readonly CategoryCount<C>[],
  section: 'settings' | 'learnerLevels',
  words: Words,
): string {
  const name = (c: CategoryCount<C>) => words.t(`${section}.${c.category}`);
  const shown = counts.flatMap((c) =>
    'value' in c.observations ? [`${name(c)}: ${c.observations.value}`] : [],
  );
  const withheld = counts.filter((c) => 'withheld' in c.observations).map(name);
  if (withheld.length > 0)
    shown.push(words.t('report.practised.withheldOnes', { categories: words.list(withheld) }));
  return shown.join(' · ');
}

/** what was practised as rows of the CSV export: by setting, then by learner level */
export function practisedRows(
  figures: ProgrammeFigures,
  words: Words,
): { context: string; category: string; value: string }[] {
  const { bySetting, byLearnerLevel } = figures.practised;
  const rows = (context: string, r: { label: string; value: string }[]) =>
    r.map(({ label, value }) => ({ context, category: label, value }));
  return [
    ...rows(words.t('report.csv.setting'), categoryRows(bySetting, 'settings', words)),
    ...rows(words.t('report.csv.learnerLevel'), categoryRows(byLearnerLevel, 'learnerLevels', words)),
  ];
}

/** the pairs' status as rows: names, done of target, stage — never content */
export function pairRows(
  figures: ProgrammeFigures,
  words: Words,
): { names: string; progress: string; stage: string }[] {
  return figures.pairs.map((p) => ({
    names: words.list(p.names.map((n) => n || '—')),
    progress: words.t('report.ofTarget', { done: p.completed, target: p.target }),
    stage: words.t(`report.stages.${p.stage}`),
  }));
}

const maxPairs = 40;
const maxWeeks = 26;

export function renderReportCard({ programme, figures }: ReportCardData, words: Words): AdaptiveCard {
  const pairs = firstOf(pairRows(figures, words), maxPairs);
  return expandCard(template, {
    programmeId: programme.id,
    title: words.t('report.title', { programme: programme.name }),
    facts: figureRows(figures, words).map((r) => ({ title: r.label, value: r.value })),
    bySetting: practisedLine(figures.practised.bySetting, 'settings', words),
    byLearnerLevel: practisedLine(figures.practised.byLearnerLevel, 'learnerLevels', words),
    weeks: figures.weekly.slice(-maxWeeks).map((w) => ({
      label: words.t('report.weekLabel', { week: w.week.replace(/^\d{4}-W/, '') }),
      completed: w.completed,
    })),
    pairs: pairs.shown,
    morePairs: pairs.more > 0 ? words.t('common.andMore', { count: pairs.more }) : '',
    t: words.section('report'),
  });
}
