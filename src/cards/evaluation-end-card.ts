import template from '../../cards/evaluation-end.json';
import {
  commentField,
  OverallId,
  overallIds,
  overallPrefix,
  overallQuestions,
} from '../domain/evaluation/end-answers';
import { EndView } from '../domain/evaluation/evaluation';
import { Words } from '../i18n';
import { questionnaireHeading, statementInputs } from './evaluation-card';
import { AdaptiveCard, expandCard } from './render';

export interface EndCardData {
  readonly view: EndView;
  /** open shows the questions with Send and Not now; the others are read-only */
  readonly state: 'open' | 'answered' | 'declined' | 'refused';
  /** the halfway reminder says so above the questions */
  readonly reminder?: boolean;
  /** why nothing was saved: above the questions of an open card, or all a refused card says */
  readonly message?: string;
  /** why the comment was not saved (too long, or an identifier in it), under the comment */
  readonly commentError?: string;
  /** what was chosen and written, kept when the card is shown again after a refusal */
  readonly typed?: Readonly<Record<string, string>>;
}

/**
 * The end questionnaire: the baseline's six statements again, three questions about the programme as a
 * whole, and an optional comment to the coordinator that says plainly who reads it and when.
 */
export function renderEndCard(data: EndCardData, words: Words): AdaptiveCard {
  const t = words.section('evaluation');
  const typed = data.typed ?? {};
  const open = data.state === 'open';
  return expandCard(template, {
    ...questionnaireHeading(data.view, data.state, words),
    reminder: data.reminder === true,
    message: open ? (data.message ?? '') : '',
    outcome: { open: '', answered: t.endThanks, declined: t.declined, refused: data.message ?? '' }[
      data.state
    ],
    openUntil: words.t('evaluation.openUntil', { date: words.date(data.view.lastDay) }),
    ...statementInputs(words, typed),
    overall: overallIds.map((id) => {
      const [min, max] = overallQuestions[id];
      const value = typed[`${overallPrefix}${id}`] ?? '';
      const values = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
      return {
        id: `${overallPrefix}${id}`,
        text: t.overall[id],
        // eleven radio buttons are a wall: the 0–10 question is a drop-down
        style: id === 'recommend' ? 'compact' : 'expanded',
        value: values.includes(value) ? value : '',
        choices: values.map((v) => ({ title: overallChoice(words, id, v), value: v })),
      };
    }),
    comment: typed[commentField] ?? '',
    commentError: open ? (data.commentError ?? '') : '',
    t,
  });
}

/** an overall question's answer as the card and `my data` word it: the 1–5 scales named, 0–10 bare */
export function overallChoice(words: Words, id: OverallId, value: string): string {
  const t = words.section('evaluation');
  const labels: Readonly<Record<string, string>> =
    id === 'safety' ? t.safetyScale : id === 'usefulness' ? t.usefulnessScale : {};
  return labels[value] ?? value;
}
