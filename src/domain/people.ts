import { personName } from './plain-text';
import { ConversationReach } from './ports';

/**
 * A person the bot knows: a supervisor, a coordinator, or both. We keep what is needed to reach them
 * (conversation id, serviceUrl, tenant id, Entra object id) and what makes messages readable for them
 * (display name, locale, time zone) — nothing more.
 */
export interface Person {
  readonly type: 'person';
  /** the Entra (AAD) object id, lower case; also the partition key */
  readonly id: string;
  readonly displayName: string;
  /** the 1:1 chat with the bot; absent when the app is not installed for them */
  readonly reach?: ConversationReach;
  /** locale and time zone as last reported by their Teams client */
  readonly seen: { readonly locale?: string; readonly timeZone?: string };
  /** what they chose in `profile`; wins over what the client reports */
  readonly preferences: { readonly locale?: string; readonly timeZone?: string };
  /**
   * their sign-in name (user principal name) from the Teams roster, when known: with both members'
   * names a meeting invite can be pre-filled for the pair
   */
  readonly userPrincipalName?: string;
  /** their department, when they told us; pairing prefers colleagues from other departments */
  readonly department?: string;
  /** no prompts or nudges while paused */
  readonly paused: boolean;
  readonly coordinator: boolean;
  /** programmes they are enrolled in (denormalised so the hot path is a point read) */
  readonly programmeIds: readonly string[];
  /** when they were last welcomed after installing; cleared on uninstall */
  readonly welcomedAt?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** what one incoming activity tells us about its sender */
export interface Sighting {
  readonly personId: string;
  readonly displayName?: string;
  readonly locale?: string;
  readonly timeZone?: string;
  /** their sign-in name, when the Teams roster was read */
  readonly userPrincipalName?: string;
  /** present when the activity came through the person's 1:1 chat with the bot */
  readonly personalReach?: ConversationReach;
}

export function normaliseId(id: string): string {
  return id.trim().toLowerCase();
}

/**
 * Whether a string is a person's id: an Entra object id (a GUID), as Teams gives them. A card can
 * bring anything; what is not an id — a blank, a path, a key like `__proto__` that every object has
 * — is nobody, and never becomes a document id or a key of `memberNames`.
 */
export function isPersonId(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

export function newPerson(id: string, displayName: string, now: Date): Person {
  const at = now.toISOString();
  return {
    type: 'person',
    id: normaliseId(id),
    displayName: personName(displayName),
    seen: {},
    preferences: {},
    paused: false,
    coordinator: false,
    programmeIds: [],
    createdAt: at,
    updatedAt: at,
  };
}

function sameReach(a: ConversationReach | undefined, b: ConversationReach | undefined): boolean {
  return (
    a?.conversationId === b?.conversationId &&
    a?.serviceUrl === b?.serviceUrl &&
    a?.tenantId === b?.tenantId &&
    a?.botId === b?.botId &&
    a?.userId === b?.userId
  );
}

/**
 * Folds what an activity tells us into the stored person. Returns undefined when nothing changed,
 * so the common message costs one point read and no write.
 */
export function applySighting(current: Person | undefined, s: Sighting, now: Date): Person | undefined {
  const base = current ?? newPerson(s.personId, s.displayName ?? '', now);
  const next: Person = {
    ...base,
    displayName: personName(s.displayName ?? '') || base.displayName,
    reach: s.personalReach ?? base.reach,
    ...withUpn(upnOf(s.userPrincipalName) ?? base.userPrincipalName),
    seen: { locale: s.locale ?? base.seen.locale, timeZone: s.timeZone ?? base.seen.timeZone },
  };
  const unchanged =
    current &&
    next.displayName === current.displayName &&
    next.userPrincipalName === current.userPrincipalName &&
    sameReach(next.reach, current.reach) &&
    next.seen.locale === current.seen.locale &&
    next.seen.timeZone === current.seen.timeZone;
  return unchanged ? undefined : { ...next, updatedAt: now.toISOString() };
}

function withUpn(upn: string | undefined): { userPrincipalName?: string } {
  return upn ? { userPrincipalName: upn } : {};
}

/** a sign-in name as Teams gives it (name@domain), else nothing: it ends up in a link */
function upnOf(raw: string | undefined): string | undefined {
  const upn = raw?.trim().toLowerCase();
  return upn && upn.length <= 256 && /^[^\s@,;&?#/]+@[^\s@,;&?#/]+$/.test(upn) ? upn : undefined;
}

export function isReachable(p: Person): p is Person & { reach: ConversationReach } {
  return p.reach !== undefined;
}
