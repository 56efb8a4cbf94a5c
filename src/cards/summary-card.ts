import template from '../../cards/summary.json';
import { SummaryView } from '../domain/cycle/ports';
import { questionsFor, Theme, themes } from '../domain/cycle/questions';
import { Words } from '../i18n';
import { whenText } from './observation-text';
import { AdaptiveCard, expandCard } from './render';

export interface SummaryCardData {
  readonly view: SummaryView;
  /** an outcome of the last action (e.g. action point saved), already translated */
  readonly message?: string;
  /** the Teams user id of the reader: Teams refreshes the card for them when it is shown */
  readonly refreshFor?: string;
}

/**
 * The answers given for one theme, as question–answer entries. They are rendered as TextRuns, which
 * Adaptive Cards never read as markdown: a link, emphasis or mention someone types stays plain text.
 */
function byTheme(
  kind: 'afterHost' | 'afterObserver',
  answers: Readonly<Record<string, string>> | undefined,
  theme: Theme,
  words: Words,
): { question: string; answer: string }[] {
  if (!answers) return [];
  return questionsFor(kind)
    .filter((q) => q.theme === theme && answers[q.id] && q.input === 'text')
    .map((q) => ({ question: words.t(`questions.${q.id}`), answer: answers[q.id]! }));
}

/**
 * The pair's summary: the host's reflection and the observer's feedback side by side, grouped by the
 * study's themes, with questions for their conversation. The safety rating is never shown here: it
 * is only ever reported in aggregate.
 */
export function renderSummaryCard(
  { view, message, refreshFor }: SummaryCardData,
  words: Words,
): AdaptiveCard {
  const o = view.observation;
  const hostName = view.names[o.hostId] || '—';
  const observerIds = o.observerIds;
  const observerNames = words.list(observerIds.map((id) => view.names[id] || '—'));
  // one row per theme: the host's words beside each observer's, so a trio reads across three columns
  const rows = themes
    .map((theme) => ({
      theme: words.t(`themes.${theme}`),
      columns: [
        {
          name: words.t('summary.hostSaid', { name: hostName }),
          entries: byTheme('afterHost', view.host, theme, words),
        },
        ...observerIds.map((id) => ({
          name: words.t('summary.observerSaid', { name: view.names[id] || '—' }),
          entries: byTheme('afterObserver', view.observers[id], theme, words),
        })),
      ],
    }))
    .filter((row) => row.columns.some((c) => c.entries.length > 0))
    .map((row) => ({
      ...row,
      columns: row.columns.map((c) => ({
        ...c,
        entries: c.entries.length ? c.entries : [{ question: '', answer: '—' }],
      })),
    }));
  return expandCard(template, {
    pairId: o.pairId,
    observationId: o.id,
    refreshFor: refreshFor ? [refreshFor] : [],
    member: true,
    title: words.t('summary.title', { when: whenText(o, words) }),
    intro: words.t('summary.intro', { host: hostName, observers: observerNames }),
    missing: view.missing.length
      ? words.t('summary.missing', { names: words.list(view.missing.map((id) => view.names[id] || '—')) })
      : '',
    themes: rows,
    actions: (view.actionPoints ?? []).map((a) => ({
      line: [
        `${view.names[a.personId] || '—'}: ${a.point}`,
        a.tried ? `${words.t('questions.fu.tried')} ${words.t(`choices.${a.tried}`)}` : '',
        a.happened ?? '',
      ]
        .filter(Boolean)
        .join(' — '),
    })),
    message: message ?? '',
    t: words.section('summary'),
  });
}
