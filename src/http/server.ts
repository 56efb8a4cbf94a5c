import * as restify from 'restify';
import { Logger } from '../log';

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

/** restify, kept thin: /api/messages, /healthz (alive), /readyz (store reachable) */
export async function startHttpServer(options: {
  port: number;
  host?: string;
  endpoint: MessageEndpoint;
  ready: () => Promise<boolean>;
  log: Logger;
}): Promise<HttpServer> {
  const { endpoint, ready, log } = options;
  const server = restify.createServer({ name: 'peer-coach', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: maxBodyBytes, mapParams: false }));

  let closing = false;
  const inFlight = new Set<Promise<void>>();

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    if (closing) {
      res.header('Retry-After', '5');
      res.send(503, { error: 'shutting down' });
      return;
    }
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
    const ok = await ready();
    res.send(ok ? 200 : 503, { status: ok ? 'ready' : 'store unreachable' });
  });

  await new Promise<void>((resolve) =>
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve()),
  );
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
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
