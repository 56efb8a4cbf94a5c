/** English — everything a person wrote, shown back to them, and deleted when they ask. */
export const myData = {
  title: 'Everything you wrote',
  part: 'Everything you wrote (part {n} of {total})',
  intro: 'Only you and your peer see this. Your peer sees your answers only in your pair’s summaries.',
  none: 'You have not written anything yet.',
  prompt: '{when} — {kind}',
  actionPoints: 'Your action points',
  deleteButton: 'Delete what I wrote',
  confirmTitle: 'Delete everything you wrote?',
  confirm:
    'Your answers and action points will be removed everywhere, including your part of your pair’s summaries. What your peer wrote stays theirs. Your programme keeps only anonymous counts. This cannot be undone.',
  confirmButton: 'Yes, delete what I wrote',
  deleted:
    'Done. Answers removed: {answers}. Action points removed: {points}. What your peer wrote stays theirs.',
  updating:
    'I am now updating the messages I sent that showed your words, in your chat and your peer’s. This card will say how it went.',
  updated: 'Messages updated: {updated}. Messages that could not be updated: {gone}.',
  outOfReach:
    'A message whose chat no longer exists cannot be updated. Copies someone made themselves, and notifications a phone has already shown, are out of reach.',
  removedMessage: 'What this message showed has been deleted by the person who wrote it.',
} as const;
