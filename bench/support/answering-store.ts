/**
 * The embedded Cosmos DB server in a process of its own, for the answering benchmark: the bot under
 * test reaches it over loopback as it would reach Azure, and neither the bot nor the load generator
 * shares an event loop with it. Reports `{ endpoint }` over the IPC channel once it listens, and
 * exits as soon as that channel closes.
 *
 * It counts the requests it serves by kind; a `{ count: true }` message is answered with the counts
 * so far (`{ counts }`), so the harness can say what one submission costs the store.
 */
import { createHttpServer } from '@vercel/cosmosdb-server';
import type * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** what a request to the Cosmos DB REST API is, from its method, path and headers */
export function requestKind(req: http.IncomingMessage): string {
  const query =
    String(req.headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() === 'true' ||
    String(req.headers['content-type'] ?? '').startsWith('application/query+json');
  if (query) return 'query';
  const onItem = /\/docs\/[^/]+$/.test((req.url ?? '').split('?')[0]!);
  if (req.method === 'GET') return onItem ? 'read' : 'metadata';
  if (req.method === 'DELETE') return 'delete';
  return 'write';
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('answering-store must be started with an IPC channel');
  process.on('disconnect', () => process.exit(0));
  const counts: Record<string, number> = {};
  // as src/store/embedded-cosmos.ts starts it (keep-alive on), with a counter in front
  const server = createHttpServer({ keepAlive: true } as http.ServerOptions);
  server.on('request', (req: http.IncomingMessage) => {
    const kind = requestKind(req);
    counts[kind] = (counts[kind] ?? 0) + 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  process.on('message', (m: { count?: boolean }) => {
    if (m.count) process.send!({ counts });
  });
  process.send({ endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}

main().catch((err: unknown) => {
  console.error('the store did not start:', err instanceof Error ? err.stack : err);
  process.exit(1);
});
