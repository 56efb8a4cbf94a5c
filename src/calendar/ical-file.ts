import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { peersText } from '../cards/observation-text';
import { Observation } from '../domain/cycle/observation';
import { Words } from '../i18n';

/** one person's calendar file of an observation */
export interface CalendarFileData {
  readonly observation: Observation;
  /** the pair's names, by person id */
  readonly names: Readonly<Record<string, string>>;
  readonly viewerId: string;
  /** the viewer as a keyed tag (CalendarLinkSigner.personTag): their events' UIDs are theirs, and name nobody */
  readonly viewerTag: string;
  /** when the file is made (DTSTAMP) */
  readonly now: Date;
}

/**
 * The observation, and the talk after it if one is planned, as an iCalendar file (RFC 5545) for one
 * person, in their language. A calendar is read by assistants, delegates and whoever it is shared
 * with, so an entry holds the peers' names, the setting and the times (UTC): nothing anyone wrote,
 * no learner. Each event keeps its UID across moves and counts its SEQUENCE with the observation's
 * revision, so a calendar that imported the file before updates the same entry; an observation that
 * was cancelled or did not happen cancels both.
 */
export function renderCalendarFile(data: CalendarFileData, words: Words): string {
  const { observation: o, now } = data;
  const cancelled = o.status !== 'scheduled';
  const calendar = ical({
    prodId: { company: 'Peer Coach', product: 'Peer Coach', language: words.language.toUpperCase() },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  });
  const peers = peersText(o, data.names, data.viewerId, words);
  const uuid = o.id.replace(/^observation:/, '');
  const events = [
    { kind: 'observation', title: 'calendar.observation', startsAt: o.startsAt, endsAt: o.endsAt },
    ...(o.talk ? [{ kind: 'talk', title: 'calendar.talk', ...o.talk }] : []),
  ];
  for (const event of events) {
    calendar.createEvent({
      id: `${uuid}-${event.kind}-${data.viewerTag}@peer-coach`,
      sequence: o.revision,
      stamp: now,
      start: new Date(event.startsAt),
      end: new Date(event.endsAt),
      summary: words.t(event.title, { peers }),
      location: words.t(`settings.${o.setting}`),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
