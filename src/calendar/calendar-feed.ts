import { BotServices, wordsOf } from '../bot/services';
import { Clock } from '../domain/clock';
import { CalendarLinkSigner } from './calendar-link';
import { renderCalendarFile } from './ical-file';

/** what serving a calendar file needs: the signer, the time, and the services of each allowed tenant */
export interface CalendarFeedParts {
  readonly signer: CalendarLinkSigner;
  readonly clock: Clock;
  readonly allowedTenantIds: readonly string[];
  servicesFor(tenantId: string): Pick<BotServices, 'cycles' | 'defaultTimeZone' | 'defaultLocale'>;
}

/**
 * The calendar file a link's token opens, or undefined — whatever the reason (expired, tampered,
 * signed with another secret, a tenant not served, someone not or no longer in the pair, a document
 * gone), so that a caller cannot tell one from another.
 */
export async function calendarFile(token: string, parts: CalendarFeedParts): Promise<string | undefined> {
  const now = parts.clock.now();
  const claims = parts.signer.verify(token, now);
  if (!claims || !parts.allowedTenantIds.includes(claims.tenantId)) return undefined;
  const services = parts.servicesFor(claims.tenantId);
  const found = await services.cycles.calendarFiles.observationFor(
    claims.pairId,
    claims.observationId,
    (memberId) => parts.signer.personTag(claims.tenantId, memberId) === claims.personTag,
  );
  if (!found) return undefined;
  const { observation, pair, person } = found;
  return renderCalendarFile(
    { observation, names: pair.memberNames, viewerId: person.id, viewerTag: claims.personTag, now },
    wordsOf(person, services),
  );
}
