import template from '../../cards/evaluation-baseline.json';
import { BaselineView } from '../domain/evaluation/evaluation';
import { inputPrefix, scale, statementIds } from '../domain/evaluation/statements';
import { Words } from '../i18n';
import { AdaptiveCard, expandCard } from './render';

export interface BaselineCardData {
  readonly view: BaselineView;
  /** open shows the statements with Send and Not now; the others are read-only */
  readonly state: 'open' | 'answered' | 'declined' | 'refused';
  /** why nothing was saved: above the statements of an open card, or all a refused card says */
  readonly message?: string;
  /** what was chosen, kept when the card is shown again after a refusal */
  readonly typed?: Readonly<Record<string, string>>;
}

/** the baseline questionnaire: six statements, each with the 1–5 agreement scale as radio buttons */
export function renderBaselineCard(data: BaselineCardData, words: Words): AdaptiveCard {
  const t = words.section('evaluation');
  return expandCard(template, {
    ...questionnaireHeading(data.view, data.state, words),
    message: data.state === 'open' ? (data.message ?? '') : '',
    outcome: { open: '', answered: t.thanks, declined: t.declined, refused: data.message ?? '' }[data.state],
    ...statementInputs(words, data.typed),
    t,
  });
}

/** the six statements as the baseline and end cards ask them, with what was chosen before a refusal */
export function statementInputs(
  words: Words,
  typed: Readonly<Record<string, string>> = {},
): {
  statements: { id: string; text: string; value: string }[];
  choices: { title: string; value: string }[];
} {
  const t = words.section('evaluation');
  return {
    statements: statementIds.map((id) => {
      const value = typed[`${inputPrefix}${id}`] ?? '';
      return { id: `${inputPrefix}${id}`, text: t.statements[id], value: /^[1-5]$/.test(value) ? value : '' };
    }),
    choices: scale.map((v) => ({ title: t.scale[v], value: String(v) })),
  };
}

/** what both questionnaire cards carry above their questions: whose card, which programme, its state */
export function questionnaireHeading(
  view: BaselineView,
  state: BaselineCardData['state'],
  words: Words,
): { programmeId: string; personId: string; programme: string; state: string } {
  return {
    programmeId: view.programmeId,
    personId: view.personId,
    programme: view.programmeName ? words.t('evaluation.programme', { programme: view.programmeName }) : '',
    state,
  };
}
