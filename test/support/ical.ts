import type ICAL from 'ical.js' with { 'resolution-mode': 'import' };

/** one event of a calendar file, as an independent parser (ical.js) reads it */
export interface ParsedEvent {
  readonly uid: string;
  readonly sequence: number;
  readonly summary: string;
  readonly location: string;
  /** UTC instants */
  readonly start: string;
  readonly end: string;
  /** both times written in UTC */
  readonly utc: boolean;
  readonly status: unknown;
  readonly stamp: string;
}

/** a calendar file read by ical.js (an ES module, hence loaded on first use): its METHOD and its events */
export async function parseIcs(text: string): Promise<{ method: unknown; events: ParsedEvent[] }> {
  const ical: typeof ICAL = (await import('ical.js')).default;
  const calendar = new ical.Component(ical.parse(text));
  return {
    method: calendar.getFirstPropertyValue('method'),
    events: calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ical.Event(component);
      return {
        uid: event.uid,
        sequence: event.sequence,
        summary: event.summary,
        location: event.location,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        utc: event.startDate.zone?.tzid === 'UTC' && event.endDate.zone?.tzid === 'UTC',
        status: component.getFirstPropertyValue('status'),
        stamp: (component.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString(),
      };
    }),
  };
}
