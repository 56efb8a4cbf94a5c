import template from '../../cards/prompt.json';
import { PromptView } from '../domain/cycle/ports';
import { Prompt } from '../domain/cycle/prompt';
import { questionsFor } from '../domain/cycle/questions';
import { Words } from '../i18n';
import { whenText } from './observation-text';
import { AdaptiveCard, expandCard } from './render';

export interface PromptCardData {
  readonly prompt: Prompt;
  readonly view: PromptView;
  /** the Teams user id of the person it is for: Teams refreshes the card for them when it is shown */
  readonly refreshFor?: string;
}

/** each prompt's title, by kind */
export const promptTitles = {
  beforeHost: 'prompt.beforeHostTitle',
  beforeObserver: 'prompt.beforeObserverTitle',
  afterObserver: 'prompt.afterObserverTitle',
  afterHost: 'prompt.afterHostTitle',
  followUp: 'prompt.followUpTitle',
} as const;

/** an open card due when the pair's talk begins (sooner than the usual deadline): the card says so */
function dueAtTalk(prompt: Prompt, o: PromptView['observation']): boolean {
  return Boolean(prompt.expiresAt && o.talk && Date.parse(prompt.expiresAt) === Date.parse(o.talk.startsAt));
}

/**
 * One card for all five prompts: the observation's facts, the host's focus for the observer, and the
 * questions of the bank. Open while it can be answered; afterwards read-only with its state, so it
 * cannot be answered twice.
 */
export function renderPromptCard({ prompt, view, refreshFor }: PromptCardData, words: Words): AdaptiveCard {
  const o = view.observation;
  const hostName = view.names[o.hostId] || '—';
  const open = prompt.status === 'sent';
  const state = {
    scheduled: '',
    sent: '',
    answered: words.t('prompt.answered'),
    expired: words.t('prompt.expired'),
    withdrawn: words.t('prompt.withdrawn'),
    unreachable: '',
  }[prompt.status];
  const observerSide = prompt.kind === 'beforeObserver' || prompt.kind === 'afterObserver';
  const rating = [1, 2, 3, 4, 5].map((n) => ({
    title: n === 1 ? words.t('prompt.ratingLow') : n === 5 ? words.t('prompt.ratingHigh') : String(n),
    value: String(n),
  }));
  const choice = (['yes', 'partly', 'no'] as const).map((c) => ({
    title: words.t(`choices.${c}`),
    value: c,
  }));
  return expandCard(template, {
    pairId: prompt.pairId,
    promptId: prompt.id,
    refreshFor: refreshFor ? [refreshFor] : [],
    open,
    title: words.t(promptTitles[prompt.kind], { host: hostName }),
    facts: [
      { title: words.t('prompt.when'), value: whenText(o, words) },
      { title: words.t('prompt.setting'), value: words.t(`settings.${o.setting}`) },
      { title: words.t('prompt.learner'), value: words.t(`learnerLevels.${o.learnerLevel}`) },
      ...(o.talk ? [{ title: words.t('prompt.talk'), value: whenText(o.talk, words) }] : []),
    ],
    answerBy:
      open && dueAtTalk(prompt, o)
        ? words.t('prompt.beforeTalk', { time: words.dateTime(new Date(prompt.expiresAt!)) })
        : '',
    focusLabel:
      prompt.kind === 'followUp'
        ? words.t('prompt.actionPoint', { point: prompt.actionPoint ?? '' })
        : observerSide
          ? words.t(view.hostFocus ? 'prompt.hostFocus' : 'prompt.focusNotYet', { host: hostName })
          : '',
    focus: observerSide ? (view.hostFocus ?? '') : '',
    reminder: !open
      ? ''
      : prompt.kind === 'beforeObserver'
        ? words.t('prompt.observerReminder')
        : prompt.kind === 'beforeHost' || prompt.kind === 'afterHost'
          ? words.t('prompt.hostReminder')
          : '',
    state,
    stateColour: prompt.status === 'answered' ? 'Good' : 'Default',
    questions: open
      ? questionsFor(prompt.kind).map((q) => ({
          id: q.id,
          label: words.t(`questions.${q.id}`),
          input: q.input,
          maxLength: q.maxLength,
          value: view.typed?.[q.id] ?? '',
          options: q.input === 'rating' ? rating : q.input === 'choice' ? choice : [],
          error: view.errors?.[q.id] ? words.t(view.errors[q.id]!, { found: view.found?.[q.id] ?? '' }) : '',
        }))
      : [],
    t: words.section('prompt'),
  });
}
