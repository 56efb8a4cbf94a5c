/**
 * English — the programme's evaluation: six statements on a 1–5 agreement scale, one per theme of
 * the study the programme is built on, asked at enrolment (and later at the end). Not a validated
 * instrument (see docs/evaluation.md).
 */
export const evaluation = {
  baselineTitle: 'Your starting point: six short statements',
  intro:
    'Optional, about two minutes. How well does each statement describe you today? You will be asked again at the end of the programme, so that it can learn what it changed.',
  privacy: 'Privacy: your coordinator sees only totals over five or more people, never your answers.',
  programme: 'Programme: {programme}',
  statements: {
    strategies: 'I explore different teaching strategies when I supervise.',
    complexity: 'I feel able to handle complex supervision situations, with real patients and learners.',
    reflection: 'I reflect on my own supervision.',
    feedback: 'I receive feedback on my supervision from someone whose judgement I trust.',
    learnerPerspective: 'I am aware of how learners experience my supervision.',
    sharedConcern: 'I talk about supervision with my colleagues.',
  },
  short: {
    strategies: 'Exploring teaching strategies',
    complexity: 'Handling complex supervision situations',
    reflection: 'Reflecting on my own supervision',
    feedback: 'Receiving feedback I trust',
    learnerPerspective: 'Awareness of how learners experience my supervision',
    sharedConcern: 'Talking about supervision with colleagues',
  },
  scale: {
    '1': '1 – Strongly disagree',
    '2': '2 – Disagree',
    '3': '3 – Neither agree nor disagree',
    '4': '4 – Agree',
    '5': '5 – Strongly agree',
  },
  send: 'Send',
  notNow: 'Not now',
  thanks: 'Thank you. Your answers are saved, and only you can see them (type **my data**).',
  declined: 'Fine — you will not be asked these again now.',
  invalid: 'This card could not be read, so nothing was saved. Please choose from 1 to 5.',
  empty: 'Choose at least one answer, or press Not now.',
  forbidden: 'This card belongs to someone else, so nothing was saved.',
  closed: 'This questionnaire is no longer open, so nothing was saved.',
  already: 'You have already answered this, so nothing was changed.',
  myDataBaseline: 'Before the programme — {programme}',
} as const;
