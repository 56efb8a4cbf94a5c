import bank from './question-bank.json';

/** the study's themes (BMC Med Educ 2025): every question serves one, and summaries group by them */
export type Theme =
  | 'safety'
  | 'strategy'
  | 'complexity'
  | 'reflectingDuringObservation'
  | 'credibleFeedback'
  | 'contrasting'
  | 'studentPerspective'
  | 'sharedConcern';

export type PromptKind = 'beforeHost' | 'beforeObserver' | 'afterObserver' | 'afterHost' | 'followUp';

export interface Question {
  /** stable id; its wording lives in i18n under `questions.<id>` */
  readonly id: string;
  readonly theme: Theme;
  /** text: free text; rating: 1–5, only ever reported in aggregate; choice: yes / partly / no */
  readonly input: 'text' | 'rating' | 'choice';
  readonly required: boolean;
  readonly maxLength: number;
}

export const themes = bank.themes as readonly Theme[];

/** the questions of one prompt, in the order they are asked */
export function questionsFor(kind: PromptKind): readonly Question[] {
  return bank.prompts[kind] as readonly Question[];
}

export type AnswerErrors = Readonly<Record<string, 'required' | 'tooLong' | 'invalid'>>;

/**
 * Checks what someone typed into a prompt card. Returns the cleaned answers (only known questions,
 * trimmed) or every problem at once; what they typed is kept by the caller either way.
 */
export function checkAnswers(
  kind: PromptKind,
  raw: Readonly<Record<string, string>>,
): { ok: true; answers: Record<string, string> } | { ok: false; errors: AnswerErrors } {
  const errors: Record<string, 'required' | 'tooLong' | 'invalid'> = {};
  const answers: Record<string, string> = {};
  for (const q of questionsFor(kind)) {
    const value = (raw[q.id] ?? '').trim();
    if (!value) {
      if (q.required) errors[q.id] = 'required';
      continue;
    }
    if (value.length > q.maxLength) errors[q.id] = 'tooLong';
    else if (q.input === 'rating' && !/^[1-5]$/.test(value)) errors[q.id] = 'invalid';
    else if (q.input === 'choice' && !['yes', 'partly', 'no'].includes(value)) errors[q.id] = 'invalid';
    else answers[q.id] = value;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, answers };
}
