import { randomUUID } from 'node:crypto';

export const tenantId = '00000000-0000-4000-8000-0000000000aa';

/** a Teams user with their own 1:1 chat with the bot */
export interface TestUser {
  readonly aadObjectId: string;
  readonly name: string;
  readonly conversationId: string;
  readonly timeZone?: string;
  readonly locale?: string;
  /** the Entra tenant they belong to (default: `tenantId`, the local Playground's) */
  readonly tenantId?: string;
}

export function testUser(letter: string, name: string, extra: Partial<TestUser> = {}): TestUser {
  const hex = letter.repeat(8);
  return {
    aadObjectId: `${hex}-0000-4000-8000-${'0'.repeat(11)}${letter}`,
    name,
    conversationId: `a:personal-${name.toLowerCase().replace(/\W/g, '')}`,
    timeZone: 'Europe/Stockholm',
    locale: 'en-GB',
    ...extra,
  };
}

/** the people of the end-to-end tests (the same names as the local Playground's) */
export const avery = testUser('a', 'Avery Lind');
export const blake = testUser('b', 'Blake Berg');
export const chris = testUser('c', 'Chris Dahl');
export const dana = testUser('d', 'Dana Ek');
export const eli = testUser('e', 'Eli Fors');
export const fran = testUser('f', 'Fran Gale');

const bot = { id: '28:peer-coach-bot', name: 'Peer Coach' };

const tenantOfUser = (user: TestUser) => user.tenantId ?? tenantId;

function base(user: TestUser, serviceUrl: string) {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: '2026-09-01T08:00:00.000Z',
    from: { id: `29:${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
    recipient: bot,
    conversation: { id: user.conversationId, conversationType: 'personal', tenantId: tenantOfUser(user) },
    channelData: { tenant: { id: tenantOfUser(user) } },
    locale: user.locale,
    entities: [{ type: 'clientInfo', locale: user.locale, timezone: user.timeZone }],
  };
}

export function message(user: TestUser, serviceUrl: string, text: string) {
  return { ...base(user, serviceUrl), type: 'message', text };
}

export function installed(user: TestUser, serviceUrl: string) {
  return { ...base(user, serviceUrl), type: 'installationUpdate', action: 'add' };
}

export function uninstalled(user: TestUser, serviceUrl: string) {
  return { ...base(user, serviceUrl), type: 'installationUpdate', action: 'remove' };
}

export function botAddedToPersonalChat(user: TestUser, serviceUrl: string) {
  return { ...base(user, serviceUrl), type: 'conversationUpdate', membersAdded: [bot] };
}

/** an Action.Execute click: an adaptiveCard/action invoke, inputs merged into data */
export function execute(user: TestUser, serviceUrl: string, verb: string, data: Record<string, string> = {}) {
  return {
    ...base(user, serviceUrl),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } }, trigger: 'manual' },
  };
}

/** Teams running a card's `refresh` by itself as the card is shown: an automatic adaptiveCard/action */
export function refreshCard(user: TestUser, serviceUrl: string, refresh: { verb: string; data: object }) {
  return {
    ...base(user, serviceUrl),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', ...refresh }, trigger: 'automatic' },
  };
}

/** a person answers a file-consent card (the CSV export); Teams adds `uploadInfo`, where the file goes */
export function fileConsent(
  user: TestUser,
  serviceUrl: string,
  action: string,
  context: { programmeId?: string },
  uploadInfo: object,
) {
  return {
    ...message(user, serviceUrl, ''),
    type: 'invoke',
    name: 'fileConsent/invoke',
    value: { type: 'fileUpload', action, context, uploadInfo },
  };
}

/** an Action.Submit click: a message whose value is the card's data and inputs */
export function submit(user: TestUser, serviceUrl: string, replyToId: string, value: Record<string, string>) {
  return { ...base(user, serviceUrl), type: 'message', replyToId, value };
}

export function botAddedToTeam(installer: TestUser, serviceUrl: string, team: { id: string; name: string }) {
  return {
    ...base(installer, serviceUrl),
    type: 'conversationUpdate',
    conversation: {
      id: team.id,
      conversationType: 'channel',
      isGroup: true,
      tenantId: tenantOfUser(installer),
    },
    channelData: {
      tenant: { id: tenantOfUser(installer) },
      team: { id: team.id, name: team.name },
      eventType: 'teamMemberAdded',
    },
    membersAdded: [bot],
  };
}

/** a message in a team channel */
export function channelMessage(
  user: TestUser,
  serviceUrl: string,
  team: { id: string; name: string },
  text: string,
) {
  return {
    ...base(user, serviceUrl),
    type: 'message',
    text,
    conversation: { id: team.id, conversationType: 'channel', isGroup: true, tenantId: tenantOfUser(user) },
    channelData: { tenant: { id: tenantOfUser(user) }, team: { id: team.id, name: team.name } },
  };
}

export function botRemovedFromTeam(
  installer: TestUser,
  serviceUrl: string,
  team: { id: string; name: string },
) {
  return {
    ...botAddedToTeam(installer, serviceUrl, team),
    membersAdded: undefined,
    membersRemoved: [bot],
    channelData: {
      tenant: { id: tenantOfUser(installer) },
      team: { id: team.id, name: team.name },
      eventType: 'teamMemberRemoved',
    },
  };
}

/** a conversation several people read: a team's channel or a group chat */
export interface SharedChat {
  readonly conversation: {
    readonly id: string;
    readonly conversationType: 'channel' | 'groupChat';
    readonly isGroup: true;
    readonly tenantId: string;
  };
  readonly channelData: Record<string, unknown>;
}

/** a team's General channel, as Teams describes it on every activity from there */
export function teamChannel(team: { id: string; name: string }): SharedChat {
  return {
    conversation: { id: team.id, conversationType: 'channel', isGroup: true, tenantId },
    channelData: { tenant: { id: tenantId }, team: { id: team.id, name: team.name } },
  };
}

/** a group chat the bot is a member of: isGroup, but no team */
export function groupChat(id: string): SharedChat {
  return {
    conversation: { id, conversationType: 'groupChat', isGroup: true, tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}

/** the same activity (a message, an Action.Execute or Action.Submit, any invoke), sent from a shared chat */
export function fromSharedChat<T extends object>(activity: T, chat: SharedChat): T & SharedChat {
  return { ...activity, conversation: chat.conversation, channelData: chat.channelData };
}
