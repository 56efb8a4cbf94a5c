import { CommandName, commands } from './commands';
import { addCoordinator, listCoordinators } from '../handlers/coordinator-handlers';
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
} from '../handlers/cycle-handlers';
import { answerBaseline, declineBaseline } from '../handlers/evaluation-handlers';
import { answerEnd, declineEnd } from '../handlers/evaluation-end-handlers';
import {
  askToCloseEvaluation,
  closeEvaluation,
  exportResults,
  openResults,
} from '../handlers/evaluation-results-handlers';
import { answerInvitation, invite, sendInvite } from '../handlers/invite-handlers';
import { help, pause, profile, resume, saveProfile } from '../handlers/person-handlers';
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
} from '../handlers/programme-handlers';
import { askToErase, deleteMyData, eraseMyData, myData } from '../handlers/my-data-handlers';
import { nudge, openNudge, previewNudge, sendNudge } from '../handlers/nudge-handlers';
import { exportReport, openAudit, openReport, report } from '../handlers/report-handlers';
import { BotServices } from '../services';
import { ActionResult, Actor, CardData, Reply, textReply, Where } from '../turn';
import { Verb, verbs } from '../verbs';

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

/** what every command, card verb and other invoke declares: where it may run, and who may run it */
interface Rule {
  readonly coordinatorOnly: boolean;
  readonly where: Where;
}

/**
 * One handler per verb; `where` and `coordinatorOnly` are checked here, before any handler runs.
 * Nothing but help runs in a channel or group chat: every other answer is about someone, and all
 * our cards are sent to the 1:1 chat (the team's welcome card has no buttons).
 */
const actionHandlers: Record<Verb, Rule & { readonly handle: ActionHandler }> = {
  // a button that runs a command: the command's own `where` is checked too (see runAction)
  [verbs.runCommand]: { handle: runCommandAction, coordinatorOnly: false, where: 'anywhere' },
  [verbs.saveProfile]: { handle: saveProfile, coordinatorOnly: false, where: 'personal' },
  [verbs.newProgramme]: { handle: openNewProgramme, coordinatorOnly: true, where: 'personal' },
  [verbs.saveProgramme]: { handle: saveProgramme, coordinatorOnly: true, where: 'personal' },
  [verbs.openProgramme]: { handle: openProgramme, coordinatorOnly: true, where: 'personal' },
  [verbs.editProgramme]: { handle: editProgramme, coordinatorOnly: true, where: 'personal' },
  [verbs.openEnrol]: { handle: openEnrol, coordinatorOnly: true, where: 'personal' },
  [verbs.saveEnrol]: { handle: saveEnrol, coordinatorOnly: true, where: 'personal' },
  [verbs.openPairing]: { handle: openPairing, coordinatorOnly: true, where: 'personal' },
  [verbs.pairAutomatically]: { handle: pairAutomatically, coordinatorOnly: true, where: 'personal' },
  [verbs.pairManually]: { handle: pairManually, coordinatorOnly: true, where: 'personal' },
  [verbs.sendInvite]: { handle: sendInvite, coordinatorOnly: false, where: 'personal' },
  [verbs.acceptInvitation]: { handle: answerInvitation(true), coordinatorOnly: false, where: 'personal' },
  [verbs.declineInvitation]: { handle: answerInvitation(false), coordinatorOnly: false, where: 'personal' },
  [verbs.addCoordinator]: { handle: addCoordinator, coordinatorOnly: true, where: 'personal' },
  [verbs.openSchedule]: { handle: openSchedule, coordinatorOnly: false, where: 'personal' },
  [verbs.saveSchedule]: { handle: saveSchedule, coordinatorOnly: false, where: 'personal' },
  [verbs.cancelObservation]: {
    handle: endObservation('cancelled'),
    coordinatorOnly: false,
    where: 'personal',
  },
  [verbs.observationDidNotHappen]: {
    handle: endObservation('didNotHappen'),
    coordinatorOnly: false,
    where: 'personal',
  },
  [verbs.answerPrompt]: { handle: answerPrompt, coordinatorOnly: false, where: 'personal' },
  [verbs.viewPrompt]: { handle: viewPrompt, coordinatorOnly: false, where: 'personal' },
  [verbs.openSummary]: { handle: openSummary, coordinatorOnly: false, where: 'personal' },
  [verbs.viewSummary]: { handle: viewSummary, coordinatorOnly: false, where: 'personal' },
  [verbs.addActionPoint]: { handle: addActionPoint, coordinatorOnly: false, where: 'personal' },
  [verbs.openReport]: { handle: openReport, coordinatorOnly: true, where: 'personal' },
  [verbs.openAudit]: { handle: openAudit, coordinatorOnly: true, where: 'personal' },
  [verbs.exportReport]: { handle: exportReport, coordinatorOnly: true, where: 'personal' },
  [verbs.openNudge]: { handle: openNudge, coordinatorOnly: true, where: 'personal' },
  [verbs.previewNudge]: { handle: previewNudge, coordinatorOnly: true, where: 'personal' },
  [verbs.sendNudge]: { handle: sendNudge, coordinatorOnly: true, where: 'personal' },
  [verbs.askToErase]: { handle: askToErase, coordinatorOnly: false, where: 'personal' },
  [verbs.eraseMyData]: { handle: eraseMyData, coordinatorOnly: false, where: 'personal' },
  [verbs.answerBaseline]: { handle: answerBaseline, coordinatorOnly: false, where: 'personal' },
  [verbs.declineBaseline]: { handle: declineBaseline, coordinatorOnly: false, where: 'personal' },
  [verbs.answerEnd]: { handle: answerEnd, coordinatorOnly: false, where: 'personal' },
  [verbs.declineEnd]: { handle: declineEnd, coordinatorOnly: false, where: 'personal' },
  [verbs.askToCloseEvaluation]: { handle: askToCloseEvaluation, coordinatorOnly: true, where: 'personal' },
  [verbs.closeEvaluation]: { handle: closeEvaluation, coordinatorOnly: true, where: 'personal' },
  [verbs.openResults]: { handle: openResults, coordinatorOnly: true, where: 'personal' },
  [verbs.exportResults]: { handle: exportResults, coordinatorOnly: true, where: 'personal' },
};

export function isVerb(v: string): v is Verb {
  return Object.prototype.hasOwnProperty.call(actionHandlers, v);
}

/** the invokes besides card actions, each declared like a verb */
const invokeWhere = {
  /** a coordinator's CSV: Teams offers file consent in the 1:1 chat only */
  fileConsentAccept: 'personal',
  fileConsentDecline: 'personal',
} as const satisfies Record<string, Where>;

export type OtherInvoke = keyof typeof invokeWhere;

/**
 * Something meant for the 1:1 chat that arrived from a channel or group chat, where everyone reads
 * the answer. Checked before the coordinator check, whose refusal would tell them about the person.
 */
function outOfPlace(rule: Pick<Rule, 'where'>, actor: Actor): boolean {
  return rule.where === 'personal' && actor.chat !== 'personal';
}

/** the one line refusing an invoke in this chat, or undefined when it may run here */
export function invokeRefusal(invoke: OtherInvoke, actor: Actor): string | undefined {
  return outOfPlace({ where: invokeWhere[invoke] }, actor) ? actor.words.t('common.personalOnly') : undefined;
}

function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.prototype.hasOwnProperty.call(commands, name);
}

export async function runCommand(name: CommandName, actor: Actor, services: BotServices): Promise<Reply> {
  const command = commands[name];
  if (outOfPlace(command, actor)) return textReply(actor.words.t('common.personalOnly'));
  if (command.coordinatorOnly && !actor.coordinator) return textReply(actor.words.t('common.notCoordinator'));
  return commandHandlers[name](actor, services);
}

async function runCommandAction(actor: Actor, data: CardData, services: BotServices): Promise<ActionResult> {
  const name = data.command;
  if (!isCommand(name)) return { reply: textReply(actor.words.t('common.stale')) };
  return { reply: await runCommand(name, actor, services) };
}

/**
 * A card button: unknown verbs (an old or tampered card) get a polite pointer and change nothing. One
 * clicked where it may not run is refused with one line and nothing else: no card, no update.
 */
export async function runAction(
  verb: string,
  actor: Actor,
  data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  if (!isVerb(verb)) return { reply: textReply(actor.words.t('common.stale')) };
  const entry = actionHandlers[verb];
  const command = verb === verbs.runCommand && isCommand(data.command) ? commands[data.command] : undefined;
  if (outOfPlace(entry, actor) || (command && outOfPlace(command, actor)))
    return { refusal: actor.words.t('common.personalOnly') };
  if (entry.coordinatorOnly && !actor.coordinator)
    return { reply: textReply(actor.words.t('common.notCoordinator')) };
  return entry.handle(actor, data, services);
}
