/** every card action verb; each has exactly one handler (see router.ts) */
export const verbs = {
  runCommand: 'command.run',
  saveProfile: 'profile.save',
  newProgramme: 'programme.new',
  saveProgramme: 'programme.save',
  openProgramme: 'programme.open',
  editProgramme: 'programme.edit',
  openEnrol: 'enrol.open',
  saveEnrol: 'enrol.save',
  openPairing: 'pairing.open',
  pairAutomatically: 'pairing.auto',
  pairManually: 'pairing.manual',
  sendInvite: 'invite.send',
  acceptInvitation: 'invitation.accept',
  declineInvitation: 'invitation.decline',
  addCoordinator: 'coordinator.add',
  openSchedule: 'schedule.open',
  saveSchedule: 'schedule.save',
  cancelObservation: 'observation.cancel',
  observationDidNotHappen: 'observation.didNotHappen',
  answerPrompt: 'prompt.answer',
  viewPrompt: 'prompt.view',
  openSummary: 'summary.open',
  viewSummary: 'summary.view',
  addActionPoint: 'summary.actionPoint',
  openReport: 'report.open',
  openAudit: 'report.audit',
  exportReport: 'report.export',
  openNudge: 'nudge.open',
  previewNudge: 'nudge.preview',
  sendNudge: 'nudge.send',
  askToErase: 'data.erase.ask',
  eraseMyData: 'data.erase',
  answerBaseline: 'evaluation.answer',
  declineBaseline: 'evaluation.decline',
  answerEnd: 'evaluation.end.answer',
  declineEnd: 'evaluation.end.decline',
  askToCloseEvaluation: 'evaluation.close.ask',
  closeEvaluation: 'evaluation.close',
  openResults: 'evaluation.results',
  exportResults: 'evaluation.results.export',
} as const;

export type Verb = (typeof verbs)[keyof typeof verbs];

export const allVerbs: readonly string[] = Object.values(verbs);

/**
 * The verbs of cards' `refresh` actions, which Teams runs by itself when a card is shown: they only
 * read, so they are the only verbs an automatic trigger may run.
 */
export const refreshVerbs: readonly string[] = [verbs.viewPrompt, verbs.viewSummary];
