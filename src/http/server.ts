import { IncomingHttpHeaders } from 'node:http';
import { isIPv6 } from 'node:net';
import getRawBody from 'raw-body';
import * as restify from 'restify';
import { Logger } from '../log';
import { CalendarEndpoint, serveCalendarFiles } from './calendar-route';

/** what the HTTP layer needs from the bot: process one request */
export interface MessageEndpoint {
  process(req: restify.Request, res: restify.Response): Promise<void>;
}

export interface HttpServer {
  /** the base URL, e.g. http://127.0.0.1:3978 */
  readonly url: string;
  readonly port: number;
  /** stops taking requests (503 for new ones), waits for in-flight turns, closes the listener */
  close(graceMs?: number): Promise<void>;
}

export const maxBodyBytes = 256 * 1024;

/** what /readyz answers: ready, or why not, in words that say nothing about anyone's data */
export type Readiness =
  { readonly ok: true } | { readonly ok: false; readonly reason: 'store unreachable' | 'scheduler stalled' };

/**
 * Why /api/messages will not read this body, decided from the headers alone; undefined if it may.
 * The Bot Framework sends JSON in UTF-8, uncompressed: a few KB of gzip can inflate to hundreds of
 * MB, and multipart would be written to disk, so neither is ever read.
 */
export function refusedBody(headers: IncomingHttpHeaders): string | undefined {
  const encoding = headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    return 'Content-Encoding must be identity';
  }
  const [type, ...parameters] = (headers['content-type'] ?? '')
    .split(';')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
  const utf8 = (parameter: string) => /^charset\s*=\s*("?)utf-8\1$/.test(parameter);
  if (type !== 'application/json' || !parameters.every(utf8)) {
    return 'Content-Type must be application/json (charset utf-8)';
  }
  return undefined;
}

type ReadBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413; error: string };

/**
 * The body as parsed JSON. The limit counts the bytes that arrive, whatever Content-Length claims;
 * a declared length over it is refused before reading, and reading stops at the limit.
 */
async function readJson(req: restify.Request): Promise<ReadBody> {
  let text: string;
  try {
    text = await getRawBody(req, {
      limit: maxBodyBytes,
      length: req.headers['content-length'],
      encoding: 'utf-8',
    });
  } catch (err) {
    return (err as { status?: number }).status === 413
      ? { ok: false, status: 413, error: `body over ${maxBodyBytes} bytes` }
      : { ok: false, status: 400, error: 'body not read' };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, error: 'body is not JSON' };
  }
}

/** a request that says it carries a body */
function hasBody(req: restify.Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/** restify, kept thin: /api/messages, /healthz (alive), /readyz (store and scheduler), /calendar/<token>.ics */
export async function startHttpServer(options: {
  port: number;
  host?: string;
  endpoint: MessageEndpoint;
  /** "Add to calendar" files (calendar-route.ts) */
  calendar?: CalendarEndpoint;
  ready: () => Promise<Readiness>;
  log: Logger;
}): Promise<HttpServer> {
  const { endpoint, ready, log } = options;
  const server = restify.createServer({ name: 'peer-coach', handleUncaughtExceptions: false });
  // Node would otherwise read and discard a body nobody reads, to keep the connection for the next
  // request: a refused or ignored body ends its connection instead. /api/messages lifts this once it
  // has read a body in full.
  server.pre((req: restify.Request, res: restify.Response, next: restify.Next) => {
    if (hasBody(req)) res.header('Connection', 'close');
    next();
  });

  let closing = false;
  const inFlight = new Set<Promise<void>>();

  const unavailable = (res: restify.Response) => {
    res.header('Retry-After', '5');
    res.send(503, { error: 'shutting down' });
  };

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    if (closing) return unavailable(res);
    const refused = refusedBody(req.headers);
    if (refused) return void res.send(415, { error: refused });
    const body = await readJson(req);
    if (!body.ok) return void res.send(body.status, { error: body.error });
    if (closing) return unavailable(res);
    res.removeHeader('Connection');
    // botbuilder's CloudAdapter reads the activity from here
    req.body = body.value;
    const turn = endpoint.process(req, res).catch((err: unknown) => {
      log.error({ err: { name: (err as Error).name } }, 'request failed');
      if (!res.headersSent) res.send(500);
    });
    inFlight.add(turn);
    try {
      await turn;
    } finally {
      inFlight.delete(turn);
    }
  });

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    res.send(200, { status: 'alive' });
  });

  server.get('/readyz', async (_req: restify.Request, res: restify.Response) => {
    if (closing) return void res.send(503, { status: 'shutting down' });
    const readiness = await ready();
    res.send(readiness.ok ? 200 : 503, { status: readiness.ok ? 'ready' : readiness.reason });
  });

  if (options.calendar) serveCalendarFiles(server, options.calendar, log);

  const host = options.host ?? '0.0.0.0';
  await new Promise<void>((resolve) => server.listen(options.port, host, () => resolve()));
  const port = (server.address() as { port: number }).port;
  // every address includes loopback; a single one is reached where it is
  const reachAt = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : isIPv6(host) ? `[${host}]` : host;
  return {
    url: `http://${reachAt}:${port}`,
    port,
    async close(graceMs = 10_000) {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => setTimeout(resolve, graceMs).unref()),
      ]);
      server.server.closeAllConnections?.();
      await stopped;
    },
  };
}
