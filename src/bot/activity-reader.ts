import { IANAZone } from 'luxon';
import { Activity } from 'botbuilder';
import { Sighting } from '../domain/people';
import { ConversationReach } from '../domain/ports';

interface ClientInfo {
  type?: string;
  locale?: string;
  timezone?: string;
}

function clientInfo(activity: Partial<Activity>): ClientInfo | undefined {
  return (activity.entities as ClientInfo[] | undefined)?.find((e) => e?.type === 'clientInfo');
}

function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelTenant = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return activity.conversation?.tenantId ?? channelTenant;
}

/** the team an activity came from, if any */
export function teamOf(activity: Partial<Activity>): { id: string; name: string } | undefined {
  const team = (activity.channelData as { team?: { id?: string; name?: string } } | undefined)?.team;
  return team?.id ? { id: team.id, name: team.name ?? '' } : undefined;
}

export function isPersonal(activity: Partial<Activity>): boolean {
  return (
    activity.conversation?.conversationType === 'personal' ||
    (!activity.conversation?.isGroup && !teamOf(activity))
  );
}

/** where to write back to this conversation later */
export function reachOf(activity: Partial<Activity>): ConversationReach | undefined {
  if (!activity.conversation?.id || !activity.serviceUrl || !activity.recipient?.id) return undefined;
  return {
    conversationId: activity.conversation.id,
    serviceUrl: activity.serviceUrl,
    tenantId: tenantOf(activity),
    botId: activity.recipient.id,
  };
}

/**
 * What an incoming activity tells us about its sender: Entra object id, name, locale, IANA time zone
 * (from the clientInfo entity) and, in the 1:1 chat, how to reach them. Undefined when the sender
 * has no Entra identity (a bot, a system event).
 */
export function sightingOf(activity: Partial<Activity>): Sighting | undefined {
  const personId = activity.from?.aadObjectId;
  if (!personId) return undefined;
  const info = clientInfo(activity);
  const zone = info?.timezone && IANAZone.isValidZone(info.timezone) ? info.timezone : undefined;
  const locale = activity.locale ?? info?.locale;
  return {
    personId,
    displayName: activity.from?.name,
    locale: locale && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale) ? locale : undefined,
    timeZone: zone,
    personalReach: isPersonal(activity) ? reachOf(activity) : undefined,
  };
}
