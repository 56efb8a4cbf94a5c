import { Activity } from 'botbuilder';
import { isPersonId, normaliseId, Sighting } from '../../domain/people';
import { isTimeZone } from '../../domain/time-zone';
import { ConversationReach } from '../../domain/ports';

interface ClientInfo {
  type?: string;
  locale?: string;
  timezone?: string;
}

/** a non-empty string, or undefined: what arrives is only typed by the sender's word */
function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** a string fit to be a document id (Cosmos DB refuses '/', '\\', '?' and '#', and over 255 characters) */
function idText(v: unknown): string | undefined {
  // eslint-disable-next-line no-control-regex
  return typeof v === 'string' && /^[^/\\?#\u0000-\u001f]{1,255}$/.test(v) && v.trim() !== '' ? v : undefined;
}

function clientInfo(activity: Partial<Activity>): ClientInfo | undefined {
  const entities: unknown = activity.entities;
  if (!Array.isArray(entities)) return undefined;
  return (entities as (ClientInfo | null)[]).find((e) => e?.type === 'clientInfo') ?? undefined;
}

function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return text(activity.conversation?.tenantId) ?? text(channelTenant);
}

/** the team an activity came from, if any */
export function teamOf(activity: Partial<Activity>): { id: string; name: string } | undefined {
  const team = (activity.channelData as { team?: { id?: unknown; name?: unknown } } | undefined)?.team;
  const id = idText(team?.id);
  return id ? { id, name: text(team?.name) ?? '' } : undefined;
}

/**
 * The sender's 1:1 chat with the bot, where only they read the answer. Any sign of others reading
 * along wins over a claim of 'personal': a team in channelData (whatever its id), isGroup, or another
 * conversation type (a channel, a group chat).
 */
export function isPersonal(activity: Partial<Activity>): boolean {
  const conversation = activity.conversation as { conversationType?: unknown; isGroup?: unknown } | undefined;
  const team = (activity.channelData as { team?: unknown } | undefined)?.team;
  return (
    (conversation?.conversationType ?? 'personal') === 'personal' &&
    (conversation?.isGroup ?? false) === false &&
    (team ?? undefined) === undefined
  );
}

/** where to write back to this conversation later */
export function reachOf(activity: Partial<Activity>): ConversationReach | undefined {
  const conversationId = text(activity.conversation?.id);
  const serviceUrl = text(activity.serviceUrl);
  const botId = text(activity.recipient?.id);
  if (!conversationId || !serviceUrl || !botId) return undefined;
  return { conversationId, serviceUrl, tenantId: tenantOf(activity), botId };
}

/**
 * What an incoming activity tells us about its sender: Entra object id, name, locale, IANA time zone
 * (from the clientInfo entity) and, in the 1:1 chat, how to reach them. Undefined when the sender
 * has no Entra identity (a bot, a system event).
 */
export function sightingOf(activity: Partial<Activity>): Sighting | undefined {
  const personId = text(activity.from?.aadObjectId);
  if (!personId || !isPersonId(normaliseId(personId))) return undefined;
  const info = clientInfo(activity);
  const timezone = text(info?.timezone);
  const zone = timezone && isTimeZone(timezone) ? timezone : undefined;
  const locale = text(activity.locale) ?? text(info?.locale);
  return {
    personId,
    displayName: typeof activity.from?.name === 'string' ? activity.from.name : undefined,
    locale: locale && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale) ? locale : undefined,
    timeZone: zone,
    personalReach: isPersonal(activity) ? personalReachOf(activity) : undefined,
  };
}

/** the 1:1 chat, with the sender's Teams user id in it */
function personalReachOf(activity: Partial<Activity>): ConversationReach | undefined {
  const reach = reachOf(activity);
  const userId = idText(activity.from?.id);
  return reach && userId ? { ...reach, userId } : reach;
}
