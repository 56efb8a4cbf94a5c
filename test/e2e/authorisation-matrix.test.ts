import assert from 'node:assert/strict';
import { CommandName, commands } from '../../src/bot/inbound/commands';
import { allVerbs, Verb, verbs } from '../../src/bot/verbs';
import {
  avery,
  blake,
  chris,
  dana,
  eli,
  execute,
  fran,
  installed,
  message,
  submit,
  tenantId,
  testUser,
  TestUser,
} from '../support/activities';
import { buttonData, scheduleObservation } from '../support/cycle-fixtures';
import { programmeInput } from '../support/domain-fixtures';
import { cardOf, createProgramme, invokeCard, startTestBot, TestBot, textOf } from '../support/test-bot';
import { latestCardTitled } from '../support/e2e-bot';

/**
 * Issue 5: who may do what. One world over real HTTP — a programme with two pairs, a coordinator
 * and a stranger who installed the app but is not enrolled — then every card verb in verbs.ts and
 * every command in commands.ts, tried by each of five people. The card data is always what the
 * legitimate card carried; a refusal must be visible to the person, and pair 1's stored documents
 * (read back through the Cosmos DB SDK) must not change unless one of pair 1 was allowed to act.
 * Everything pair 1 writes carries a marker that must never reach anyone else.
 */

type Card = Record<string, unknown>;
type Data = Record<string, string>;

// ---------------------------------------------------------------- the people

/**
 * Pair 1 is Blake and Chris; pair 2 is Dana and Eli; Avery coordinates; Fran only installed the app.
 * Another organisation shares the deployment: in tenant B, Tova coordinates and Ulf is paired with Vera.
 */
type LocalRole = 'owner' | 'peer' | 'otherPair' | 'coordinator' | 'stranger';
type Role = LocalRole | 'tenantCoordinator' | 'tenantSupervisor';
const roles: readonly Role[] = [
  'owner',
  'peer',
  'otherPair',
  'coordinator',
  'stranger',
  'tenantCoordinator',
  'tenantSupervisor',
];
const roleNames: Record<Role, string> = {
  owner: 'the person it belongs to',
  peer: 'their peer',
  otherPair: 'a member of another pair',
  coordinator: 'a coordinator',
  stranger: 'a stranger',
  tenantCoordinator: "another tenant's coordinator",
  tenantSupervisor: "another tenant's paired supervisor",
};
/** for commands, which belong to nobody: who is typing */
const commandRoleNames: Record<Role, string> = {
  owner: 'a supervisor of pair 1 (Blake)',
  peer: 'their peer (Chris)',
  otherPair: 'a member of pair 2 (Dana)',
  coordinator: 'a coordinator (Avery)',
  stranger: 'a stranger (Fran)',
  tenantCoordinator: "tenant B's coordinator (Tova)",
  tenantSupervisor: 'a supervisor of tenant B (Ulf)',
};
const pairOne = [blake, chris];
const inPairOne = (u: TestUser) => pairOne.includes(u);

const tenantB = '00000000-0000-4000-8000-0000000000bb';
const tova = testUser('7', 'Tova Ring', { tenantId: tenantB, conversationId: 'a:personal-tova' });
const ulf = testUser('8', 'Ulf Sand', { tenantId: tenantB, conversationId: 'a:personal-ulf' });
const vera = testUser('9', 'Vera Strand', { tenantId: tenantB, conversationId: 'a:personal-vera' });
const inTenantB = (u: TestUser) => u.tenantId === tenantB;
/** anything of tenant A: its programme, and everyone in it */
const anythingOfTenantA =
  /\bAutumn\b(?! term 2026)|Avery Lind|Blake Berg|Chris Dahl|Dana Ek|Eli Fors|Fran Gale|PAIR1-SECRET/;

/** who plays a role for a thing of pair 1 that belongs to `owner` */
function personFor(role: Role, owner: TestUser): TestUser {
  const peer = owner === blake ? chris : blake;
  return {
    owner,
    peer,
    otherPair: dana,
    coordinator: avery,
    stranger: fran,
    tenantCoordinator: tova,
    tenantSupervisor: ulf,
  }[role];
}

/** everything pair 1 writes carries this, so a leak is a plain substring search */
const secret = (what: string) => `PAIR1-SECRET-${what}`;
const anySecret = /PAIR1-SECRET/;

// ---------------------------------------------------------------- what people see

/** what the person sees: allowed, refused, or sent to their own thing instead — and the words that show it */
interface Outcome {
  readonly kind: 'allowed' | 'refused' | 'own';
  readonly shows: RegExp;
}
const allowed = (shows: RegExp): Outcome => ({ kind: 'allowed', shows });
const refused = (shows: RegExp): Outcome => ({ kind: 'refused', shows });
const own = (shows: RegExp): Outcome => ({ kind: 'own', shows });

const says = {
  notCoordinator: /That is for programme coordinators/,
  stale: /This card is out of date/,
  notYours: /This card belongs to someone else/,
  notAddressed: /This invitation is not addressed to you/,
  noPair: /You need a peer before you can schedule/,
  notEnrolled: /You are not enrolled in that programme/,
  youArePaired: /You already have a peer in that programme/,
  self: /You cannot invite yourself/,
  notFound: /That programme no longer exists/,
};
const anyRefusal = new RegExp(
  Object.values(says)
    .map((r) => r.source)
    .join('|'),
);
const failure = /Something went wrong on our side|Sorry, I didn't catch that/;

// ---------------------------------------------------------------- card helpers

/** the data of every button with this verb in a card */
function allButtons(card: unknown, verb: string): Data[] {
  const found: Data[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === verb) found.push(o.data as Data);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

/** the button with this verb for one observation (an upcoming card lists several) */
function buttonFor(card: unknown, verb: string, observationId: string): Data {
  const found = allButtons(card, verb).find((d) => d.observationId === observationId);
  if (!found) throw new Error(`no ${verb} button for ${observationId}`);
  return found;
}

// ---------------------------------------------------------------- the world

/** the cards one pair's members were sent, and the ids in them */
interface PairWorld {
  readonly pairId: string;
  readonly observations: { done: string; open: string; cancel: string; didNotHappen: string };
  /** the host's `upcoming` list: open, cancel and didNotHappen */
  readonly upcoming: Card;
  readonly history: Card;
  readonly summary: Card;
  /** the host's before-card for `open`, sent and not yet answered */
  readonly beforeCard: Card;
  /** the host's schedule card moving `open`, and the return visit of `done` */
  readonly moveForm: Card;
  readonly returnForm: Card;
  /** the invitee's invitation card, answered (accepted) */
  readonly invitation: Card;
  /** what the inviter chose on their invite card */
  readonly invite: Data;
}

interface World {
  readonly programmeId: string;
  readonly pair1: PairWorld;
  readonly pair2: PairWorld;
  /** Avery's cards */
  readonly coordinator: {
    help: Card;
    list: Card;
    programme: Card;
    form: Card;
    enrol: Card;
    pairing: Card;
    report: Card;
    compose: Card;
    /** the message holding the nudge card, which the progress updates in place */
    composeId: string;
    preview: Card;
    coordinators: Card;
  };
  /** Blake's cards about himself */
  readonly owner: { profile: Card; myData: Card; confirmErase: Card; baseline: Card };
}

/** a moved or new observation: valid inputs for the schedule card */
const scheduleInputs = (host: TestUser, date: string, startTime: string): Data => ({
  date,
  startTime,
  durationMinutes: '60',
  hostId: host.aadObjectId,
  setting: 'wardRound',
  learnerLevel: 'studentLate',
});

// ---------------------------------------------------------------- the matrix rows

interface Row {
  /** where the data comes from: the legitimate card */
  readonly card: string;
  /** the member of pair 1 the thing belongs to (Blake unless said) */
  readonly belongsTo?: TestUser;
  readonly data: (w: World, actor: TestUser) => Data;
  /** the message holding the card, for verbs that update it later */
  readonly cardId?: (w: World) => string;
  readonly expect: Record<LocalRole, Outcome>;
  /**
   * what tenant B's people see (default: what a stranger sees; tenant B's coordinator is told that
   * tenant A's programme does not exist)
   */
  readonly otherTenant?: Partial<Record<'tenantCoordinator' | 'tenantSupervisor', Outcome>>;
}

/** what `role` is shown for a row */
function expectation(row: Row, role: Role): Outcome {
  if (role === 'tenantCoordinator' || role === 'tenantSupervisor') {
    const coordinatorRow = row.expect.stranger.shows === says.notCoordinator;
    const fallback =
      role === 'tenantCoordinator' && coordinatorRow ? refused(says.notFound) : row.expect.stranger;
    return row.otherTenant?.[role] ?? fallback;
  }
  return row.expect[role];
}

/** a coordinator's card: everyone else is told it is for coordinators */
function forCoordinators(card: string, data: Row['data'], shows: RegExp, cardId?: Row['cardId']): Row {
  const no = refused(says.notCoordinator);
  return {
    card,
    data,
    cardId,
    expect: { owner: no, peer: no, otherPair: no, coordinator: allowed(shows), stranger: no },
  };
}

/** a thing of pair 1 that either member may act on; anyone else gets `othersSee` */
function forThePair(card: string, data: Row['data'], shows: RegExp, othersSee = says.stale): Row {
  const no = refused(othersSee);
  return {
    card,
    data,
    expect: { owner: allowed(shows), peer: allowed(shows), otherPair: no, coordinator: no, stranger: no },
  };
}

/** acts on the actor's own data only, whoever sends it */
function forEveryone(card: string, data: Row['data'], shows: RegExp | Record<LocalRole, RegExp>): Row {
  const see = (r: LocalRole) => allowed(shows instanceof RegExp ? shows : shows[r]);
  return {
    card,
    data,
    expect: {
      owner: see('owner'),
      peer: see('peer'),
      otherPair: see('otherPair'),
      coordinator: see('coordinator'),
      stranger: see('stranger'),
    },
  };
}

/**
 * A button of Chris's invitation card, already accepted: only Chris is answered (that he accepted);
 * everyone else is told it is not addressed to them, and tenant B that the card is out of date
 */
function forTheInvitee(card: string, verb: Verb): Row {
  const no = refused(says.notAddressed);
  return {
    card,
    belongsTo: chris,
    data: (w) => buttonData(w.pair1.invitation, verb),
    expect: { owner: allowed(/You accepted/), peer: no, otherPair: no, coordinator: no, stranger: no },
    otherTenant: { tenantCoordinator: refused(says.stale), tenantSupervisor: refused(says.stale) },
  };
}

/** one row per verb: the type makes a new verb without a row a compile error, the first test a failure */
/** the owner's end questionnaire before the last day: only the owner gets as far as the questionnaire */
function endRow(data: Row['data']): Row {
  return {
    card: "the owner's end questionnaire, before the programme's last day",
    data,
    expect: {
      owner: allowed(/no longer open/),
      peer: refused(says.notYours),
      otherPair: refused(says.notYours),
      coordinator: refused(says.notYours),
      stranger: refused(says.notYours),
    },
  };
}

const matrix: Record<Verb, Row> = {
  [verbs.runCommand]: {
    ...forCoordinators(
      "the coordinator's help card: Programmes",
      (w) => allButtons(w.coordinator.help, verbs.runCommand).find((d) => d.command === 'programmes')!,
      /Programmes[\s\S]*Autumn/,
    ),
    otherTenant: { tenantCoordinator: own(/Programmes[\s\S]*Winter/) },
  },
  [verbs.saveProfile]: forEveryone(
    "the owner's profile card",
    (w) => ({
      ...buttonData(w.owner.profile, verbs.saveProfile),
      timeZone: 'Europe/Stockholm',
      locale: 'teams',
      department: 'Surgery',
    }),
    /Saved\. I will show times in Europe\/Stockholm/,
  ),
  [verbs.newProgramme]: {
    ...forCoordinators(
      'the programme list',
      (w) => buttonData(w.coordinator.list, verbs.newProgramme),
      /New programme/,
    ),
    otherTenant: { tenantCoordinator: allowed(/New programme/) },
  },
  [verbs.saveProgramme]: forCoordinators(
    'the programme form, saved unchanged',
    (w) => ({
      ...buttonData(w.coordinator.form, verbs.saveProgramme),
      ...programmeInput({ name: 'Autumn' }),
    }),
    /Saved\./,
  ),
  [verbs.openProgramme]: forCoordinators(
    'the programme list',
    (w) => buttonData(w.coordinator.list, verbs.openProgramme),
    /Autumn/,
  ),
  [verbs.editProgramme]: forCoordinators(
    'the programme card',
    (w) => buttonData(w.coordinator.programme, verbs.editProgramme),
    /Edit Autumn/,
  ),
  [verbs.openEnrol]: forCoordinators(
    'the programme card',
    (w) => buttonData(w.coordinator.programme, verbs.openEnrol),
    /Enrol supervisors in Autumn/,
  ),
  [verbs.saveEnrol]: forCoordinators(
    'the enrol card, pair 1 chosen again',
    (w) => ({
      ...buttonData(w.coordinator.enrol, verbs.saveEnrol),
      people: `${blake.aadObjectId},${chris.aadObjectId}`,
    }),
    /Already enrolled \(2\)/,
  ),
  [verbs.openPairing]: forCoordinators(
    'the programme card',
    (w) => buttonData(w.coordinator.programme, verbs.openPairing),
    /Pair supervisors in Autumn/,
  ),
  [verbs.pairAutomatically]: forCoordinators(
    'the pairing card',
    (w) => buttonData(w.coordinator.pairing, verbs.pairAutomatically),
    /Nobody is waiting for a peer/,
  ),
  [verbs.pairManually]: forCoordinators(
    'the pairing card: Blake with Dana',
    (w) => ({
      ...buttonData(w.coordinator.pairing, verbs.pairManually),
      first: blake.aadObjectId,
      second: dana.aadObjectId,
    }),
    /already has a peer/,
  ),
  [verbs.sendInvite]: {
    card: "the owner's invite card, Chris chosen (nobody may invite once paired)",
    data: (w) => w.pair1.invite,
    expect: {
      owner: refused(says.youArePaired),
      peer: refused(says.self),
      otherPair: refused(says.youArePaired),
      coordinator: refused(says.notEnrolled),
      stranger: refused(says.notEnrolled),
    },
  },
  [verbs.acceptInvitation]: forTheInvitee(
    "the invitee's invitation card (already accepted)",
    verbs.acceptInvitation,
  ),
  [verbs.declineInvitation]: forTheInvitee(
    "the invitee's invitation card (already accepted: declining changes nothing)",
    verbs.declineInvitation,
  ),
  [verbs.addCoordinator]: {
    ...forCoordinators(
      'the coordinators card, each choosing themself',
      (w, actor) => ({
        ...buttonData(w.coordinator.coordinators, verbs.addCoordinator),
        person: actor.aadObjectId,
      }),
      /Avery Lind is already a coordinator/,
    ),
    otherTenant: { tenantCoordinator: own(/Tova Ring is already a coordinator/) },
  },
  [verbs.openSchedule]: {
    card: "the owner's upcoming card: Reschedule",
    data: (w) => buttonFor(w.pair1.upcoming, verbs.openSchedule, w.pair1.observations.open),
    expect: {
      owner: allowed(/Move the observation/),
      peer: allowed(/Move the observation/),
      // a card naming someone else's observation falls back to a blank form for one's own pair
      otherPair: own(/Schedule an observation/),
      coordinator: refused(says.noPair),
      stranger: refused(says.noPair),
    },
    otherTenant: { tenantSupervisor: own(/Schedule an observation/) },
  },
  [verbs.saveSchedule]: forThePair(
    "the owner's form moving an observation",
    (w) => ({
      ...buttonData(w.pair1.moveForm, verbs.saveSchedule),
      ...scheduleInputs(blake, '2026-09-08', '13:00'),
    }),
    /Moved to Tue, 8 Sept 2026, 13:00/,
  ),
  [verbs.cancelObservation]: forThePair(
    "the owner's upcoming card: Cancel",
    (w) => buttonFor(w.pair1.upcoming, verbs.cancelObservation, w.pair1.observations.cancel),
    /Cancelled\. .+ has been told/,
  ),
  [verbs.observationDidNotHappen]: forThePair(
    "the owner's upcoming card: Did not happen",
    (w) => buttonFor(w.pair1.upcoming, verbs.observationDidNotHappen, w.pair1.observations.didNotHappen),
    /Nothing is held against anyone/,
  ),
  [verbs.answerPrompt]: {
    card: "the owner's before-card, answered",
    data: (w) => ({
      ...buttonData(w.pair1.beforeCard, verbs.answerPrompt),
      'bh.strategy': secret('strategy'),
      'bh.focus': secret('focus'),
    }),
    expect: {
      owner: allowed(/Thank you — saved/),
      peer: refused(says.notYours),
      otherPair: refused(says.notYours),
      coordinator: refused(says.notYours),
      stranger: refused(says.notYours),
    },
    otherTenant: { tenantCoordinator: refused(says.stale), tenantSupervisor: refused(says.stale) },
  },
  [verbs.viewPrompt]: {
    card: "the owner's before-card: its refresh, which shows the host's own answers",
    data: (w) => buttonData(w.pair1.beforeCard, verbs.viewPrompt),
    expect: {
      owner: allowed(/Before you are observed[\s\S]*Thank you — saved/),
      peer: refused(says.notYours),
      otherPair: refused(says.notYours),
      coordinator: refused(says.notYours),
      stranger: refused(says.notYours),
    },
    otherTenant: { tenantCoordinator: refused(says.stale), tenantSupervisor: refused(says.stale) },
  },
  [verbs.viewSummary]: forThePair(
    "the owner's summary card: its refresh",
    (w) => buttonData(w.pair1.summary, verbs.viewSummary),
    /side by side[\s\S]*PAIR1-SECRET-plan/,
  ),
  [verbs.openSummary]: forThePair(
    "the owner's history card",
    (w) => buttonData(w.pair1.history, verbs.openSummary),
    /side by side[\s\S]*PAIR1-SECRET-plan/,
  ),
  [verbs.addActionPoint]: forThePair(
    "the owner's summary card, an action point typed",
    (w) => ({ ...buttonData(w.pair1.summary, verbs.addActionPoint), actionPoint: secret('second-action') }),
    /Action point saved/,
  ),
  [verbs.openReport]: forCoordinators(
    'the programme card',
    (w) => buttonData(w.coordinator.programme, verbs.openReport),
    /Autumn: where it stands/,
  ),
  [verbs.openAudit]: forCoordinators(
    'the report card',
    (w) => buttonData(w.coordinator.report, verbs.openAudit),
    /Autumn: coordinator actions/,
  ),
  [verbs.exportReport]: forCoordinators(
    'the report card',
    (w) => buttonData(w.coordinator.report, verbs.exportReport),
    /here is the CSV/,
  ),
  [verbs.openNudge]: forCoordinators(
    'the nudge preview card: Back',
    (w) => buttonData(w.coordinator.preview, verbs.openNudge),
    /Nudge: Autumn/,
  ),
  [verbs.previewNudge]: forCoordinators(
    'the nudge card, everyone chosen',
    (w) => ({
      ...buttonData(w.coordinator.compose, verbs.previewNudge),
      segment: 'everyone',
      days: '3',
      wording: 'thanks',
      message: '',
    }),
    /This nudge reaches 4 people/,
  ),
  [verbs.sendNudge]: {
    ...forCoordinators(
      'the nudge preview card: Send',
      (w) => buttonData(w.coordinator.preview, verbs.sendNudge),
      /Sending the nudge/,
      (w) => w.coordinator.composeId,
    ),
    // a nudge is found by its own id, which names no programme
    otherTenant: { tenantCoordinator: refused(says.stale) },
  },
  [verbs.answerBaseline]: {
    card: "the owner's baseline questionnaire, answered",
    data: (w) => ({ ...buttonData(w.owner.baseline, verbs.answerBaseline), 's.feedback': '4' }),
    expect: {
      owner: allowed(/Thank you/),
      peer: refused(says.notYours),
      otherPair: refused(says.notYours),
      coordinator: refused(says.notYours),
      stranger: refused(says.notYours),
    },
  },
  [verbs.declineBaseline]: {
    card: "the owner's baseline questionnaire, after it was answered",
    data: (w) => buttonData(w.owner.baseline, verbs.declineBaseline),
    expect: {
      owner: allowed(/Thank you|nothing was changed/),
      peer: refused(says.notYours),
      otherPair: refused(says.notYours),
      coordinator: refused(says.notYours),
      stranger: refused(says.notYours),
    },
  },
  [verbs.askToCloseEvaluation]: forCoordinators(
    'the programme card',
    (w) => buttonData(w.coordinator.programme, verbs.askToCloseEvaluation),
    /Close the evaluation of Autumn now\?/,
  ),
  [verbs.closeEvaluation]: forCoordinators(
    'the confirmation of closing',
    (w) => ({ programmeId: w.programmeId }),
    /Evaluation — Autumn/,
  ),
  [verbs.openResults]: forCoordinators(
    'the programme card, once closed',
    (w) => ({ programmeId: w.programmeId }),
    /Evaluation — Autumn|still open/,
  ),
  [verbs.exportResults]: forCoordinators(
    'the evaluation card',
    (w) => ({ programmeId: w.programmeId }),
    /here is the CSV|still open/,
  ),
  // the end card goes on the programme's last day, months after this world's clock: the owner gets
  // through to a questionnaire not open yet, everyone else is refused before it is looked up
  [verbs.answerEnd]: endRow((w) => ({
    programmeId: w.programmeId,
    personId: blake.aadObjectId,
    'o.recommend': '9',
  })),
  [verbs.declineEnd]: endRow((w) => ({ programmeId: w.programmeId, personId: blake.aadObjectId })),
  [verbs.askToErase]: forEveryone(
    "the owner's my-data card",
    (w) => buttonData(w.owner.myData, verbs.askToErase),
    /Delete everything you wrote\?/,
  ),
  [verbs.eraseMyData]: forEveryone(
    "the owner's confirmation (each erases only their own words)",
    (w) => buttonData(w.owner.confirmErase, verbs.eraseMyData),
    {
      owner: /Answers removed: [1-9]\d*\. Action points removed: [1-9]/,
      peer: /Answers removed: [1-9]\d*\. Action points removed: [1-9]/,
      otherPair: /Answers removed: [1-9]\d*\. Action points removed: [1-9]/,
      coordinator: /Answers removed: 0\. Action points removed: 0/,
      stranger: /Answers removed: 0\. Action points removed: 0/,
    },
  ),
};

/** refusals first, then those allowed outside pair 1, then the peer, the owner last: a change comes after every refusal */
function runOrder(row: Row): Role[] {
  const rank = (r: Role) =>
    expectation(row, r).kind !== 'allowed' ? 0 : r === 'owner' ? 3 : r === 'peer' ? 2 : 1;
  return [...roles].sort((a, b) => rank(a) - rank(b));
}

// ---------------------------------------------------------------- commands

/** who may run each command: written here, not read from commands.ts, so a flag flipped there fails */
const commandAccess: Record<CommandName, 'everyone' | 'coordinators'> = {
  help: 'everyone',
  profile: 'everyone',
  pause: 'everyone',
  resume: 'everyone',
  invite: 'everyone',
  schedule: 'everyone',
  upcoming: 'everyone',
  myData: 'everyone',
  deleteMyData: 'everyone',
  history: 'everyone',
  programmes: 'coordinators',
  newProgramme: 'coordinators',
  coordinators: 'coordinators',
  report: 'coordinators',
  nudge: 'coordinators',
};

// ---------------------------------------------------------------- tampering rows

/**
 * A legitimate action of pair 2 with pair 1's ids swapped in, one at a time and all together. `ours`
 * is the same verb's data from pair 1's equivalent card; every key whose value differs is an id.
 */
interface Tamper {
  readonly verb: Verb;
  readonly card: string;
  readonly actor: TestUser;
  readonly theirs: (w: World) => Data;
  readonly ours: (w: World) => Data;
  /** what they typed, kept as is */
  readonly typed?: Data;
  /** what the tampered action shows */
  readonly outcome: Outcome;
  /** what the untampered action shows: proof the refusal is the swap's doing */
  readonly control?: RegExp;
}

const tampering: readonly Tamper[] = [
  {
    verb: verbs.answerPrompt,
    card: "Dana's before-card",
    actor: dana,
    theirs: (w) => buttonData(w.pair2.beforeCard, verbs.answerPrompt),
    ours: (w) => buttonData(w.pair1.beforeCard, verbs.answerPrompt),
    typed: { 'bh.strategy': 'Dana tries silence', 'bh.focus': 'Dana asks for pauses' },
    outcome: refused(anyRefusal),
    control: /Thank you — saved/,
  },
  {
    verb: verbs.openSummary,
    card: "Dana's history card",
    actor: dana,
    theirs: (w) => buttonData(w.pair2.history, verbs.openSummary),
    ours: (w) => buttonData(w.pair1.history, verbs.openSummary),
    outcome: refused(says.stale),
    control: /side by side/,
  },
  {
    verb: verbs.addActionPoint,
    card: "Dana's summary card",
    actor: dana,
    theirs: (w) => buttonData(w.pair2.summary, verbs.addActionPoint),
    ours: (w) => buttonData(w.pair1.summary, verbs.addActionPoint),
    typed: { actionPoint: 'Dana will wait longer' },
    outcome: refused(says.stale),
    control: /Action point saved/,
  },
  {
    verb: verbs.openSchedule,
    card: "Dana's upcoming card: Reschedule",
    actor: dana,
    theirs: (w) => buttonFor(w.pair2.upcoming, verbs.openSchedule, w.pair2.observations.open),
    ours: (w) => buttonFor(w.pair1.upcoming, verbs.openSchedule, w.pair1.observations.open),
    outcome: own(/Schedule an observation/),
    control: /Move the observation/,
  },
  {
    verb: verbs.openSchedule,
    card: "Dana's summary card: Return visit",
    actor: dana,
    theirs: (w) => buttonData(w.pair2.summary, verbs.openSchedule),
    ours: (w) => buttonData(w.pair1.summary, verbs.openSchedule),
    outcome: own(/Schedule an observation/),
    control: /Schedule the return visit/,
  },
  {
    verb: verbs.saveSchedule,
    card: "Dana's form moving an observation",
    actor: dana,
    theirs: (w) => buttonData(w.pair2.moveForm, verbs.saveSchedule),
    ours: (w) => buttonData(w.pair1.moveForm, verbs.saveSchedule),
    typed: scheduleInputs(dana, '2026-09-08', '14:00'),
    outcome: refused(says.stale),
    control: /Moved to Tue, 8 Sept 2026, 14:00/,
  },
  {
    verb: verbs.saveSchedule,
    card: "Dana's return-visit form",
    actor: dana,
    theirs: (w) => buttonData(w.pair2.returnForm, verbs.saveSchedule),
    ours: (w) => buttonData(w.pair1.returnForm, verbs.saveSchedule),
    typed: scheduleInputs(eli, '2026-09-11', '10:00'),
    outcome: refused(says.stale),
    control: /Scheduled: Fri, 11 Sept 2026, 10:00/,
  },
  {
    verb: verbs.cancelObservation,
    card: "Dana's upcoming card: Cancel",
    actor: dana,
    theirs: (w) => buttonFor(w.pair2.upcoming, verbs.cancelObservation, w.pair2.observations.cancel),
    ours: (w) => buttonFor(w.pair1.upcoming, verbs.cancelObservation, w.pair1.observations.cancel),
    outcome: refused(says.stale),
    control: /Cancelled\. Eli Fors has been told/,
  },
  {
    verb: verbs.observationDidNotHappen,
    card: "Dana's upcoming card: Did not happen",
    actor: dana,
    theirs: (w) =>
      buttonFor(w.pair2.upcoming, verbs.observationDidNotHappen, w.pair2.observations.didNotHappen),
    ours: (w) =>
      buttonFor(w.pair1.upcoming, verbs.observationDidNotHappen, w.pair1.observations.didNotHappen),
    outcome: refused(says.stale),
    control: /Nothing is held against anyone/,
  },
  {
    verb: verbs.acceptInvitation,
    card: "Eli's invitation card",
    actor: eli,
    theirs: (w) => buttonData(w.pair2.invitation, verbs.acceptInvitation),
    ours: (w) => buttonData(w.pair1.invitation, verbs.acceptInvitation),
    outcome: refused(says.notAddressed),
    control: /You accepted/,
  },
  {
    verb: verbs.declineInvitation,
    card: "Eli's invitation card",
    actor: eli,
    theirs: (w) => buttonData(w.pair2.invitation, verbs.declineInvitation),
    ours: (w) => buttonData(w.pair1.invitation, verbs.declineInvitation),
    outcome: refused(says.notAddressed),
    control: /You accepted/,
  },
  {
    verb: verbs.sendInvite,
    card: "Dana's invite card",
    actor: dana,
    theirs: (w) => w.pair2.invite,
    ours: (w) => w.pair1.invite,
    outcome: refused(says.youArePaired),
  },
];

/** the tampered versions of a pair-2 action: each differing key swapped alone, then all together */
function tamperedVersions(theirs: Data, ours: Data): { swapped: string[]; data: Data }[] {
  const keys = Object.keys(ours).filter((k) => k !== 'verb' && ours[k] !== theirs[k]);
  const one = keys.map((k) => ({ swapped: [k], data: { ...theirs, [k]: ours[k]! } }));
  const all = { swapped: keys, data: { ...theirs, ...Object.fromEntries(keys.map((k) => [k, ours[k]!])) } };
  return keys.length > 1 ? [...one, all] : one;
}

// ---------------------------------------------------------------- the tests

describe('e2e: authorisation matrix — every command and card action, by everyone', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let svc: string;
  let w: World;
  /** everything each person was shown in answer to what they did, as JSON, for the leak search */
  const shown = new Map<TestUser, string[]>();

  // ---------------------------------------------------------------- helpers over the running bot

  const lastCardOf = (u: TestUser) => cardOf(bot.connector.to(u.conversationId).at(-1)) as Card;
  /** the latest card sent to `u` whose title matches */
  const latestCard = (u: TestUser, title: RegExp): Card => {
    const found = latestCardTitled(bot, u, title);
    if (!found) throw new Error(`${u.name} has no card titled ${title}`);
    return found;
  };
  const say = async (u: TestUser, text: string): Promise<Card> => {
    await bot.post(message(u, svc, text));
    return lastCardOf(u);
  };
  const click = async (u: TestUser, verb: string, data: Data, replyToId?: string): Promise<Card> =>
    invokeCard(
      (await bot.post({ ...execute(u, svc, verb, data), ...(replyToId ? { replyToId } : {}) })).body,
    );

  /**
   * Posts an activity as `u`; returns all they were shown for it: the invoke answer, new messages in
   * their chat and cards updated in place there (Action.Submit updates the clicked card).
   */
  async function act(u: TestUser, activity: object): Promise<{ text: string; raw: string }> {
    const mine = (list: readonly { conversationId: string; activity: Record<string, unknown> }[]) =>
      list.filter((a) => a.conversationId === u.conversationId).map((a) => a.activity);
    const sentBefore = mine(bot.connector.sent).length;
    const updatedBefore = mine(bot.connector.updated).length;
    const res = await bot.post(activity);
    assert.ok(res.status >= 200 && res.status < 300, `HTTP ${res.status}`);
    const messages = [
      ...mine(bot.connector.sent).slice(sentBefore),
      ...mine(bot.connector.updated).slice(updatedBefore),
    ];
    const body = res.body as { type?: string; value?: unknown } | undefined;
    const answered =
      body?.type === 'application/vnd.microsoft.card.adaptive'
        ? textOf(body.value)
        : typeof body?.value === 'string'
          ? body.value
          : '';
    const text = [answered, ...messages.map((a) => `${String(a.text ?? '')}\n${textOf(cardOf(a))}`)].join(
      '\n',
    );
    const raw = JSON.stringify([res.body, messages]);
    shown.set(u, [...(shown.get(u) ?? []), raw]);
    return { text, raw };
  }
  const actOn = (u: TestUser, verb: string, data: Data, replyToId?: string) =>
    act(u, { ...execute(u, svc, verb, data), ...(replyToId ? { replyToId } : {}) });

  /**
   * Pair 1's documents as stored, read with the Cosmos DB SDK: its partition of `cycles` (observations,
   * prompts, answers, summaries), its pair, enrolments and invitations, its members' people documents
   * and its due work. System fields dropped, sorted, so two reads compare equal when nothing changed.
   */
  async function pairOneDocs(): Promise<unknown[]> {
    const { cycles, programmes, people, schedule } = bot.app.store.containers;
    const pairId = w.pair1.pairId;
    const ids = pairOne.map((u) => u.aadObjectId);
    const [content, membership, persons, work] = await Promise.all([
      cycles.items
        .query({ query: 'SELECT * FROM c WHERE c.pairId = @p', parameters: [{ name: '@p', value: pairId }] })
        .fetchAll(),
      programmes.items.readAll().fetchAll(),
      people.items.readAll().fetchAll(),
      schedule.items.readAll().fetchAll(),
    ]);
    type Doc = Record<string, unknown>;
    const mine = (d: Doc) =>
      d.id === pairId ||
      d.pairId === pairId ||
      (d.payload as Doc | undefined)?.pairId === pairId ||
      (d.type !== 'nudge-delivery' &&
        [d.personId, d.fromId, d.toId].some((v) => typeof v === 'string' && ids.includes(v)));
    const docs = [
      ...content.resources,
      ...membership.resources.filter(mine),
      ...persons.resources.filter((d: Doc) => ids.includes(String(d.id))),
      ...work.resources.filter(mine),
    ] as Doc[];
    return docs
      .map((d) => Object.fromEntries(Object.entries(d).filter(([k]) => !k.startsWith('_'))))
      .sort((a, b) => `${String(a.type)}:${String(a.id)}`.localeCompare(`${String(b.type)}:${String(b.id)}`));
  }

  /** what a person outside pair 1 was shown holds nothing of pair 1: none of its words, names or ids */
  function assertNothingOfPairOne(raw: string) {
    assert.doesNotMatch(raw, anySecret, 'pair 1’s words');
    assert.doesNotMatch(raw, /Blake Berg|Chris Dahl/, 'pair 1’s names');
    for (const id of [w.pair1.pairId, ...Object.values(w.pair1.observations)].map((s) =>
      s.replace(/^\w+:/, ''),
    ))
      assert.ok(!raw.includes(id), `pair 1’s id ${id}`);
  }

  // ---------------------------------------------------------------- building the world

  /** `inviter` invites `invitee`, who accepts: a pair formed by the real invitation flow */
  async function formPair(programmeId: string, inviter: TestUser, invitee: TestUser) {
    const inviteCard = await say(inviter, 'invite');
    const invite = {
      ...buttonData(inviteCard, verbs.sendInvite),
      colleague: `${programmeId}|${invitee.aadObjectId}`,
    };
    assert.ok(JSON.stringify(inviteCard).includes(invite.colleague), 'the invite card offers the colleague');
    assert.match(textOf(await click(inviter, verbs.sendInvite, invite)), /Invitation sent/);
    await bot.connector.waitFor(() => /invites you/.test(textOf(lastCardOf(invitee))));
    const invitation = lastCardOf(invitee);
    const accepted = await click(
      invitee,
      verbs.acceptInvitation,
      buttonData(invitation, verbs.acceptInvitation),
    );
    assert.match(textOf(accepted), /You accepted/);
    return { invite, invitation };
  }

  /** four observations hosted by `host`; their ids, from the host's `upcoming` list, soonest first */
  async function scheduleFour(host: TestUser) {
    for (const date of ['2026-09-03', '2026-09-08', '2026-09-09', '2026-09-10']) {
      const saved = await scheduleObservation(bot, host, host, { date, startTime: '10:00' });
      assert.match(textOf(saved), /Scheduled/);
    }
    const list = allButtons(await say(host, 'upcoming'), verbs.cancelObservation);
    const [done, open, cancel, didNotHappen] = list.map((d) => d.observationId!);
    return {
      pairId: list[0]!.pairId!,
      observations: { done: done!, open: open!, cancel: cancel!, didNotHappen: didNotHappen! },
    };
  }

  async function answer(u: TestUser, card: Card, answers: Data) {
    const saved = await click(u, verbs.answerPrompt, { ...buttonData(card, verbs.answerPrompt), ...answers });
    assert.match(textOf(saved), /Thank you — saved/);
  }

  /** the cards a pair's host holds once the world is in place (at the time of the matrix) */
  async function hostCards(host: TestUser, observations: PairWorld['observations']) {
    const upcoming = await say(host, 'upcoming');
    const history = await say(host, 'history');
    const summary = latestCard(host, /side by side/);
    const beforeCard = latestCard(host, /Before you are observed/);
    assert.ok(
      buttonData(beforeCard, verbs.answerPrompt).promptId!.includes(
        observations.open.replace(/^observation:/, ''),
      ),
      'the open before-card is the one for the observation on 8 September',
    );
    // the schedule card comes as a new message
    await bot.post(
      execute(host, svc, verbs.openSchedule, buttonFor(upcoming, verbs.openSchedule, observations.open)),
    );
    const moveForm = lastCardOf(host);
    assert.match(textOf(moveForm), /Move the observation/);
    await bot.post(execute(host, svc, verbs.openSchedule, buttonData(summary, verbs.openSchedule)));
    const returnForm = lastCardOf(host);
    assert.match(textOf(returnForm), /Schedule the return visit/);
    return { upcoming, history, summary, beforeCard, moveForm, returnForm };
  }

  before(async () => {
    bot = await startTestBot({
      COORDINATOR_AAD_IDS: `${avery.aadObjectId},${tova.aadObjectId}`,
      ALLOWED_TENANT_IDS: `${tenantId},${tenantB}`,
    });
    svc = bot.connector.url;
    // Tuesday 1 September 2026, 10:00 in Stockholm
    bot.clock.set('2026-09-01T08:00:00Z');
    for (const u of [avery, blake, chris, dana, eli, fran, tova, ulf, vera])
      await bot.post(installed(u, svc));
    // tenant B: Tova's programme, Ulf paired with Vera
    const winter = (await createProgramme(bot, tova, 'Winter')).programmeId;
    await click(tova, verbs.saveEnrol, {
      programmeId: winter,
      people: `${ulf.aadObjectId},${vera.aadObjectId}`,
    });
    await click(tova, verbs.pairManually, {
      programmeId: winter,
      first: ulf.aadObjectId,
      second: vera.aadObjectId,
    });
    const { programmeId } = await createProgramme(bot, avery, 'Autumn');
    const people = [blake, chris, dana, eli].map((u) => u.aadObjectId).join(',');
    await click(avery, verbs.saveEnrol, { programmeId, people });
    // the pairing card has its buttons only while someone waits for a peer
    const programmeCard = await click(avery, verbs.openProgramme, { programmeId });
    const pairing = await click(avery, verbs.openPairing, buttonData(programmeCard, verbs.openPairing));

    const invited1 = await formPair(programmeId, blake, chris);
    const invited2 = await formPair(programmeId, dana, eli);
    const pair1 = await scheduleFour(blake);
    const pair2 = await scheduleFour(dana);

    // Thursday 3 September, an hour after the first observations: both sides answer, summaries go out
    bot.clock.set('2026-09-03T10:00:00Z');
    await bot.runDueWork();
    await answer(chris, latestCard(chris, /Your feedback for Blake Berg/), {
      'ao.worked': secret('worked'),
      'ao.focus': secret('seen'),
    });
    await answer(blake, latestCard(blake, /Your reflection/), {
      'ah.plan': secret('plan'),
      'ah.noticed': secret('noticed'),
      'ah.safety': '4',
    });
    await answer(eli, latestCard(eli, /Your feedback for Dana Ek/), {
      'ao.worked': 'Eli saw calm questions',
      'ao.focus': 'Eli noticed the pauses',
    });
    await answer(dana, latestCard(dana, /Your reflection/), {
      'ah.plan': 'Dana kept to the plan',
      'ah.safety': '5',
    });
    for (const [u, point] of [
      [blake, secret('action')],
      [dana, 'Dana will ask open questions'],
    ] as const) {
      const added = await click(u, verbs.addActionPoint, {
        ...buttonData(latestCard(u, /side by side/), verbs.addActionPoint),
        actionPoint: point,
      });
      assert.match(textOf(added), /Action point saved/);
    }

    // Monday 7 September, 16:00 in Stockholm: the before-cards for Tuesday's observations are out
    bot.clock.set('2026-09-07T14:00:00Z');
    await bot.runDueWork();
    const host1 = await hostCards(blake, pair1.observations);
    const host2 = await hostCards(dana, pair2.observations);

    const help = await say(avery, 'help');
    const list = await say(avery, 'programmes');
    const programme = await click(avery, verbs.openProgramme, buttonData(list, verbs.openProgramme));
    const form = await click(avery, verbs.editProgramme, buttonData(programme, verbs.editProgramme));
    const enrol = await click(avery, verbs.openEnrol, buttonData(programme, verbs.openEnrol));
    const report = await click(avery, verbs.openReport, buttonData(programme, verbs.openReport));
    const compose = await say(avery, 'nudge');
    const composeId = bot.connector.sent.filter((s) => s.conversationId === avery.conversationId).at(-1)!.id;
    const preview = await click(
      avery,
      verbs.previewNudge,
      {
        ...buttonData(compose, verbs.previewNudge),
        segment: 'everyone',
        days: '3',
        wording: 'thanks',
        message: '',
      },
      composeId,
    );
    const coordinators = await say(avery, 'coordinators');

    const profile = await say(blake, 'profile');
    await bot.post(message(blake, svc, 'my data'));
    const myData = [...bot.connector.to(blake.conversationId)]
      .reverse()
      .map((a) => cardOf(a))
      .find((c) => allButtons(c, verbs.askToErase).length > 0)!;
    const confirmErase = await say(blake, 'delete my data');
    const baseline = [...bot.connector.to(blake.conversationId)]
      .map((a) => cardOf(a))
      .find((c) => allButtons(c, verbs.answerBaseline).length > 0)!;

    w = {
      programmeId,
      pair1: { ...pair1, ...host1, ...invited1 },
      pair2: { ...pair2, ...host2, ...invited2 },
      coordinator: {
        help,
        list,
        programme,
        form,
        enrol,
        pairing,
        report,
        compose,
        composeId,
        preview,
        coordinators,
      },
      owner: { profile, myData, confirmErase, baseline },
    };
  });
  after(() => bot?.close());

  // ---------------------------------------------------------------- coverage

  describe('coverage', () => {
    it('has a matrix row for every verb in verbs.ts, and no row for a verb that is gone', () => {
      assert.deepEqual(Object.keys(matrix).sort(), [...allVerbs].sort());
    });

    it('knows who may run every command in commands.ts, and agrees with its coordinatorOnly flags', () => {
      assert.deepEqual(Object.keys(commandAccess).sort(), Object.keys(commands).sort());
      for (const [name, command] of Object.entries(commands))
        assert.equal(command.coordinatorOnly, commandAccess[name as CommandName] === 'coordinators', name);
    });

    it('the snapshot of pair 1 covers its content, membership, people and due work', async () => {
      const types = new Set((await pairOneDocs()).map((d) => (d as { type?: string }).type));
      for (const type of [
        'observation',
        'prompt',
        'summary',
        'pair',
        'enrolment',
        'invitation',
        'person',
        'job',
      ])
        assert.ok(types.has(type), `no ${type} of pair 1 in the snapshot`);
    });

    it('pair 1 do see their own words: the marker the rest of this file searches for is really stored', async () => {
      await bot.post(message(blake, svc, 'history'));
      await bot.post(
        execute(blake, svc, verbs.openSummary, buttonData(lastCardOf(blake), verbs.openSummary)),
      );
      const summary = textOf(lastCardOf(blake));
      assert.match(summary, /PAIR1-SECRET-plan/);
      assert.match(summary, /PAIR1-SECRET-worked/);
    });
  });

  // ---------------------------------------------------------------- commands

  describe('commands: typed, and from a card button (command.run)', () => {
    for (const name of Object.keys(commands) as CommandName[]) {
      const command = commands[name];
      if (!commandAccess[name]) {
        it(`${name} says who may run it`, () => assert.fail(`add ${name} to commandAccess`));
        continue;
      }
      for (const role of roles) {
        const u = personFor(role, blake);
        const isRefused =
          commandAccess[name] === 'coordinators' && role !== 'coordinator' && role !== 'tenantCoordinator';
        it(`${command.words[0]} — ${commandRoleNames[role]}: ${isRefused ? 'refused' : 'answered'}`, async () => {
          const before = await pairOneDocs();
          for (const how of ['typed', 'button'] as const) {
            const seen =
              how === 'typed'
                ? await act(u, message(u, svc, command.words[0]))
                : await actOn(u, verbs.runCommand, { command: name });
            if (isRefused) assert.match(seen.text, says.notCoordinator, how);
            else {
              assert.ok(seen.text.trim().length > 0, `${how}: nothing was answered`);
              assert.doesNotMatch(seen.text, says.notCoordinator, how);
              assert.doesNotMatch(seen.text, failure, how);
            }
            if (!inPairOne(u)) assert.doesNotMatch(seen.raw, anySecret, `${how}: pair 1’s words shown`);
            if (inTenantB(u)) assert.doesNotMatch(seen.raw, anythingOfTenantA, `${how}: tenant A shown`);
          }
          if (!inPairOne(u)) assert.deepEqual(await pairOneDocs(), before, 'pair 1 untouched');
        });
      }
    }
  });

  // ---------------------------------------------------------------- card verbs

  describe('card verbs: the legitimate card’s data, sent by each person', () => {
    for (const verb of allVerbs) {
      const row = matrix[verb as Verb];
      if (!row) {
        it(`${verb} has a matrix row`, () => assert.fail(`add ${verb} to the matrix`));
        continue;
      }
      describe(`${verb} — ${row.card}`, () => {
        for (const role of runOrder(row)) {
          const expected = expectation(row, role);
          const u = personFor(role, row.belongsTo ?? blake);
          it(`${roleNames[role]} (${u.name}): ${expected.kind} — ${expected.shows.source}`, async () => {
            const before = await pairOneDocs();
            const seen = await actOn(u, verb, row.data(w, u), row.cardId?.(w));
            assert.match(seen.text, expected.shows);
            assert.doesNotMatch(seen.text, failure);
            if (expected.kind === 'allowed') assert.doesNotMatch(seen.text, anyRefusal);
            if (!inPairOne(u)) {
              assert.doesNotMatch(seen.raw, anySecret, 'pair 1’s words shown');
              if (expected.kind !== 'allowed') assertNothingOfPairOne(seen.raw);
            }
            if (inTenantB(u)) assert.doesNotMatch(seen.raw, anythingOfTenantA, 'tenant A shown');
            if (expected.kind !== 'allowed' || !inPairOne(u))
              assert.deepEqual(await pairOneDocs(), before, 'pair 1’s documents changed');
          });
        }
      });
    }
  });

  // ---------------------------------------------------------------- the other transport

  describe('Action.Submit: every refusal holds for a client without Universal Actions', () => {
    for (const verb of allVerbs) {
      const row = matrix[verb as Verb];
      if (!row) continue;
      for (const role of roles.filter((r) => expectation(row, r).kind !== 'allowed')) {
        const expected = expectation(row, role);
        const u = personFor(role, row.belongsTo ?? blake);
        it(`${verb} — ${roleNames[role]} (${u.name}): ${expected.kind} — ${expected.shows.source}`, async () => {
          const before = await pairOneDocs();
          // the card they "clicked": the latest message in their own chat
          const replyToId = bot.connector.sent
            .filter((s) => s.conversationId === u.conversationId)
            .at(-1)!.id;
          const seen = await act(u, submit(u, svc, replyToId, { ...row.data(w, u), verb }));
          assert.match(seen.text, expected.shows);
          assert.doesNotMatch(seen.text, failure);
          if (!inPairOne(u)) assertNothingOfPairOne(seen.raw);
          if (inTenantB(u)) assert.doesNotMatch(seen.raw, anythingOfTenantA, 'tenant A shown');
          assert.deepEqual(await pairOneDocs(), before, 'pair 1’s documents changed');
        });
      }
    }
  });

  // ---------------------------------------------------------------- tampering

  describe('tampering: a pair-2 action with pair 1’s ids swapped in', () => {
    for (const t of tampering) {
      describe(`${t.verb} — ${t.card}, sent by ${t.actor.name}`, () => {
        it(`every swap of an id is ${t.outcome.kind === 'own' ? 'turned to their own pair' : 'refused'}, pair 1 untouched`, async () => {
          const versions = tamperedVersions(t.theirs(w), t.ours(w));
          assert.ok(versions.length > 0, 'pair 1’s card carries different ids');
          for (const v of versions) {
            const before = await pairOneDocs();
            const seen = await actOn(t.actor, t.verb, { ...v.data, ...t.typed });
            const what = `swapped ${v.swapped.join(' and ')}`;
            assert.match(seen.text, t.outcome.shows, what);
            assert.doesNotMatch(seen.text, failure, what);
            assertNothingOfPairOne(seen.raw);
            assert.deepEqual(await pairOneDocs(), before, `${what}: pair 1’s documents changed`);
          }
        });
        if (t.control) {
          it('the same action, untampered, works: the difference was the swap’s doing', async () => {
            const seen = await actOn(t.actor, t.verb, { ...t.theirs(w), ...t.typed });
            assert.match(seen.text, t.control!);
          });
        }
      });
    }
  });

  // ---------------------------------------------------------------- leaks

  describe('nothing of pair 1 reached anyone else', () => {
    it('no message, card update or invoke answer to Dana, Eli, Avery or Fran holds a word pair 1 wrote', () => {
      for (const u of [dana, eli, avery, fran, tova, ulf, vera]) {
        const everything = [
          ...(shown.get(u) ?? []),
          ...bot.connector.sent
            .filter((s) => s.conversationId === u.conversationId)
            .map((s) => JSON.stringify(s)),
          ...bot.connector.updated
            .filter((s) => s.conversationId === u.conversationId)
            .map((s) => JSON.stringify(s)),
        ];
        assert.ok(everything.length > (inTenantB(u) ? 2 : 20), `${u.name} was shown things`);
        for (const item of everything) {
          assert.doesNotMatch(item, anySecret, `${u.name} saw pair 1’s words`);
          if (inTenantB(u)) assert.doesNotMatch(item, anythingOfTenantA, `${u.name} saw tenant A`);
        }
      }
    });
  });
});
