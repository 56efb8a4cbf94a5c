/**
 * English — what coordinators get of the programme's evaluation: while it is open a count, once
 * closed the release (see docs/evaluation.md).
 */
export const evaluationResults = {
  answeredFact: 'End questionnaire answered',
  closedFact: 'Evaluation',
  closedValue: 'closed {date}',
  closeButton: 'Close the evaluation now',
  resultsButton: 'Evaluation results',
  confirmTitle: 'Close the evaluation of {programme} now?',
  confirmText:
    'So far {count} have answered the end questionnaire. Closing releases the results to coordinators once, now: answers that arrive after the release do not change what was released, and it cannot be undone. Otherwise it closes by itself after the end.',
  confirmButton: 'Yes, close it now',
  closed: 'The evaluation is closed and its results released.',
  already: 'The evaluation was already closed: its results are as released then.',
  notClosed: 'The evaluation is still open: its results are released when it closes.',
  title: 'Evaluation — {programme}',
  closedAt: 'Closed {date}. Answers that arrive after the release do not change what was released.',
  caution:
    "These statements are not a validated instrument: they describe one group's self-ratings, not the programme's effect.",
  nothing: 'Fewer than 5 answered: nothing can be shown.',
  endAnswered: '{count} answered at the end.',
  rating: 'Rating',
  baseline: 'Before',
  end: 'At the end',
  count: 'People',
  withheld: 'fewer than 5',
  noFigures: 'Fewer than 5 rated this: nothing can be shown.',
  medians: 'Median: before {baseline}, at the end {end}',
  median: 'Median: {value}',
  change: 'Of {count} who rated it both times: {groups}',
  changeWithheld: 'Fewer than 5 rated it both times.',
  changeAll: 'Rated both times by {count}: the directions of change are too small to show apart.',
  directions: { higher: 'higher', same: 'the same', lower: 'lower' },
  directionsOr: '{first} or {second}',
  overallTitle: 'Overall, at the end',
  overall: {
    safety: 'How safe being observed felt (1–5)',
    usefulness: 'How useful the programme was (1–5)',
    recommend: 'Would recommend it to a colleague (0–10)',
  },
  commentsTitle: 'Comments, in no particular order, without names or dates',
  commentsWithheld: 'Fewer than 5 wrote a comment: none can be shown.',
  commentsMore: 'and {count} more in the CSV',
  exportButton: 'Export CSV',
  exportInline:
    'Local mode cannot send files, so here is the CSV (figures over five or more, and the comments released):',
  exportDescription:
    'The evaluation results of {programme}: figures over five or more, and the comments released',
  csv: {
    notice:
      'Peer Coach evaluation results — figures over five or more people; contains no names or dates, and no text supervisors wrote except the comments released (five or more, shuffled)',
    statement: 'statement',
    phase: 'phase',
    rating: 'rating',
    people: 'people',
    median: 'median',
    change: 'change',
    question: 'question',
    comment: 'comment',
    programme: 'programme',
    generated: 'generated',
    unnamed: 'programme',
    fileName: 'Peer Coach evaluation - {programme} - {date}.csv',
  },
} as const;
