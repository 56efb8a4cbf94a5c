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
  endTitle: 'Looking back: the programme’s end',
  endIntro:
    'Optional, about three minutes. The same six statements as when you started — how well does each describe you now? — then three questions about the programme as a whole.',
  endPrivacy:
    'Privacy: your coordinator sees only totals over five or more people, never your answers or your name.',
  openUntil: 'Open until {date}.',
  reminder: 'A reminder: this is still open, if you would like to answer.',
  overallTitle: 'The programme as a whole',
  overall: {
    safety: 'Overall, how safe did being observed feel?',
    usefulness: 'How useful was the programme to you?',
    recommend: 'How likely are you to recommend it to a colleague? (0 = not at all, 10 = extremely likely)',
  },
  safetyScale: {
    '1': '1 – Not safe at all',
    '2': '2 – Somewhat unsafe',
    '3': '3 – Neither',
    '4': '4 – Fairly safe',
    '5': '5 – Completely safe',
  },
  usefulnessScale: {
    '1': '1 – Not useful',
    '2': '2 – Of little use',
    '3': '3 – Somewhat useful',
    '4': '4 – Useful',
    '5': '5 – Very useful',
  },
  commentLabel: 'A comment to your coordinator (optional)',
  commentNote: 'Your coordinator will read this — without your name — only if five or more people write one.',
  commentPlaceholder: 'What should the next programme keep, or change?',
  endThanks: 'Thank you. Your answers are saved, and only you can see them (type **my data**).',
  endInvalid: 'This card could not be read, so nothing was saved. Please choose from the options given.',
  endEmpty: 'Choose or write at least one answer, or press Not now.',
  tooLong: 'The comment is longer than 1000 characters; please shorten it (what you wrote is still here).',
  expired: 'This questionnaire was open until {date} and has closed, so nothing was saved.',
  myDataEnd: 'At the end of the programme — {programme}',
  myDataBoth: 'Before and at the end of the programme — {programme}',
  myDataPair: 'Before: {before} · At the end: {end}',
  myDataOverall: {
    safety: 'How safe being observed felt',
    usefulness: 'How useful the programme was',
    recommend: 'Would recommend it to a colleague (0–10)',
  },
  myDataComment: 'Your comment to the coordinator',
} as const;
