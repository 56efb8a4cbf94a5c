import { CommandName, commands } from './commands';
import { addCoordinator, listCoordinators } from './handlers/coordinator-handlers';
import {
  addActionPoint,
  answerPrompt,
  endObservation,
  history,
  openSchedule,
  openSummary,
  saveSchedule,
  schedule,
  upcoming,
  viewPrompt,
  viewSummary,
} from './handlers/cycle-handlers';
import { answerInvitation, invite, sendInvite } from './handlers/invite-handlers';
import { help, pause, profile, resume, saveProfile } from './handlers/person-handlers';
import {
  editProgramme,
  listProgrammes,
  newProgramme,
  openEnrol,
  openNewProgramme,
  openPairing,
  openProgramme,
  pairAutomatically,
  pairManually,
  saveEnrol,
  saveProgramme,
} from './handlers/programme-handlers';
import { askToErase, deleteMyData, eraseMyData, myData } from './handlers/my-data-handlers';
import { nudge, openNudge, previewNudge, sendNudge } from './handlers/nudge-handlers';
import { exportReport, openAudit, openReport, report } from './handlers/report-handlers';
import { BotServices } from './services';
import { ActionResult, Actor, CardData, Reply, textReply } from './turn';
import { Verb, verbs } from './verbs';

type CommandHandler = (actor: Actor, services: BotServices) => Reply | Promise<Reply>;
type ActionHandler = (actor: Actor, data: CardData, services: BotServices) => Promise<ActionResult>;

const commandHandlers: Record<CommandName, CommandHandler> = {
  help,
  profile,
  pause,
  resume,
  invite,
  schedule,
  upcoming,
  history,
  myData,
  deleteMyData,
  programmes: listProgrammes,
  newProgramme,
  coordinators: listCoordinators,
  report,
  nudge,
};

/** one handler per verb; coordinatorOnly is checked here, before any handler runs */
const actionHandlers: Record<Verb, { readonly handle: ActionHandler; readonly coordinatorOnly: boolean }> = {
  [verbs.runCommand]: { handle: runCommandAction, coordinatorOnly: false },
  [verbs.saveProfile]: { handle: saveProfile, coordinatorOnly: false },
  [verbs.newProgramme]: { handle: openNewProgramme, coordinatorOnly: true },
  [verbs.saveProgramme]: { handle: saveProgramme, coordinatorOnly: true },
  [verbs.openProgramme]: { handle: openProgramme, coordinatorOnly: true },
  [verbs.editProgramme]: { handle: editProgramme, coordinatorOnly: true },
  [verbs.openEnrol]: { handle: openEnrol, coordinatorOnly: true },
  [verbs.saveEnrol]: { handle: saveEnrol, coordinatorOnly: true },
  [verbs.openPairing]: { handle: openPairing, coordinatorOnly: true },
  [verbs.pairAutomatically]: { handle: pairAutomatically, coordinatorOnly: true },
  [verbs.pairManually]: { handle: pairManually, coordinatorOnly: true },
  [verbs.sendInvite]: { handle: sendInvite, coordinatorOnly: false },
  [verbs.acceptInvitation]: { handle: answerInvitation(true), coordinatorOnly: false },
  [verbs.declineInvitation]: { handle: answerInvitation(false), coordinatorOnly: false },
  [verbs.addCoordinator]: { handle: addCoordinator, coordinatorOnly: true },
  [verbs.openSchedule]: { handle: openSchedule, coordinatorOnly: false },
  [verbs.saveSchedule]: { handle: saveSchedule, coordinatorOnly: false },
  [verbs.cancelObservation]: { handle: endObservation('cancelled'), coordinatorOnly: false },
  [verbs.observationDidNotHappen]: { handle: endObservation('didNotHappen'), coordinatorOnly: false },
  [verbs.answerPrompt]: { handle: answerPrompt, coordinatorOnly: false },
  [verbs.viewPrompt]: { handle: viewPrompt, coordinatorOnly: false },
  [verbs.openSummary]: { handle: openSummary, coordinatorOnly: false },
  [verbs.viewSummary]: { handle: viewSummary, coordinatorOnly: false },
  [verbs.addActionPoint]: { handle: addActionPoint, coordinatorOnly: false },
  [verbs.openReport]: { handle: openReport, coordinatorOnly: true },
  [verbs.openAudit]: { handle: openAudit, coordinatorOnly: true },
  [verbs.exportReport]: { handle: exportReport, coordinatorOnly: true },
  [verbs.openNudge]: { handle: openNudge, coordinatorOnly: true },
  [verbs.previewNudge]: { handle: previewNudge, coordinatorOnly: true },
  [verbs.sendNudge]: { handle: sendNudge, coordinatorOnly: true },
  [verbs.askToErase]: { handle: askToErase, coordinatorOnly: false },
  [verbs.eraseMyData]: { handle: eraseMyData, coordinatorOnly: false },
};

export function isVerb(v: string): v is Verb {
  return Object.prototype.hasOwnProperty.call(actionHandlers, v);
}

export async function runCommand(name: CommandName, actor: Actor, services: BotServices): Promise<Reply> {
  if (commands[name].coordinatorOnly && !actor.coordinator)
    return textReply(actor.words.t('common.notCoordinator'));
  return commandHandlers[name](actor, services);
}

async function runCommandAction(actor: Actor, data: CardData, services: BotServices): Promise<ActionResult> {
  const name = data.command as CommandName;
  if (!Object.prototype.hasOwnProperty.call(commands, name))
    return { reply: textReply(actor.words.t('common.stale')) };
  return { reply: await runCommand(name, actor, services) };
}

/** a card button: unknown verbs (an old or tampered card) get a polite pointer and change nothing */
export async function runAction(
  verb: string,
  actor: Actor,
  data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  if (!isVerb(verb)) return { reply: textReply(actor.words.t('common.stale')) };
  const entry = actionHandlers[verb];
  if (entry.coordinatorOnly && !actor.coordinator)
    return { reply: textReply(actor.words.t('common.notCoordinator')) };
  return entry.handle(actor, data, services);
}
