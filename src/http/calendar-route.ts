import * as restify from 'restify';
import { Logger } from '../log';

/** what the HTTP layer needs for "Add to calendar": the file a link's token opens, if any */
export interface CalendarEndpoint {
  /** the iCalendar text; undefined for every link that opens none; 'starting' until the store is open */
  file(token: string): Promise<string | undefined | 'starting'>;
}

/** one body for every refused link, so that no answer tells an expired link from a forged one */
const notFound = 'Not found\n';
const plain = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };

/**
 * GET /calendar/<token>.ics: a person's own calendar file of an observation. Nothing is read from the
 * request but its path; the answer is never cached, since a calendar file changes with the observation.
 */
export function serveCalendarFiles(server: restify.Server, calendar: CalendarEndpoint, log: Logger): void {
  // a wildcard: a named parameter would stop at the dots of the token
  server.get('/calendar/*', async (req: restify.Request, res: restify.Response) => {
    const name = String((req.params as Record<string, unknown> | undefined)?.['*'] ?? '');
    const token = name.endsWith('.ics') ? name.slice(0, -'.ics'.length) : undefined;
    let file: Awaited<ReturnType<CalendarEndpoint['file']>>;
    try {
      file = token ? await calendar.file(token) : undefined;
    } catch (err) {
      log.error({ err: { name: (err as Error).name } }, 'calendar file failed');
      res.writeHead(500, plain);
      return void res.end('Server error\n');
    }
    if (file === 'starting') {
      res.writeHead(503, { ...plain, 'Retry-After': '5' });
      return void res.end('Starting\n');
    }
    if (file === undefined) {
      res.writeHead(404, plain);
      return void res.end(notFound);
    }
    res.writeHead(200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="peer-observation.ics"',
      'Cache-Control': 'no-store',
    });
    res.end(file);
  });
}
