import { promises as fs } from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as http from 'node:http';
import * as path from 'node:path';
import { Logger } from '../log';

/** the key every Cosmos DB emulator accepts; the embedded server does not check it */
export const embeddedKey =
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export interface EmbeddedCosmos {
  readonly endpoint: string;
  /** true when a non-query write reached the server since the last call to takeDirty */
  takeDirty(): boolean;
  close(): Promise<void>;
}

/**
 * Starts the open-source Cosmos DB–compatible server in this process, on a random loopback port,
 * with keep-alive (1000 point writes take ~0.4 s with it and ~2.5 s without).
 */
export async function startEmbeddedCosmos(): Promise<EmbeddedCosmos> {
  // loaded here, not with this module: a deployment on Azure Cosmos DB never runs the server, and
  // it (with the query compiler and geometry library it brings) is ~15 MB of every process's memory
  const { createHttpServer } = await import('@vercel/cosmosdb-server');
  const server = createHttpServer({ keepAlive: true } as http.ServerOptions);
  let dirty = false;
  server.on('request', (req: http.IncomingMessage) => {
    const isQuery =
      String(req.headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() === 'true' ||
      String(req.headers['content-type'] ?? '').startsWith('application/query+json');
    if (req.method !== 'GET' && req.method !== 'HEAD' && !isQuery) dirty = true;
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    takeDirty() {
      const was = dirty;
      dirty = false;
      return was;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** what the snapshot file holds: every document of every container, without system fields */
export interface Snapshot {
  readonly format: 'peer-coach-snapshot/1';
  readonly savedAt: string;
  readonly containers: Readonly<Record<string, readonly Record<string, unknown>[]>>;
}

export function snapshotPath(dataDir: string): string {
  return path.join(dataDir, 'cosmos-snapshot.json');
}

export async function readSnapshot(dataDir: string, log: Logger): Promise<Snapshot | undefined> {
  try {
    const parsed = JSON.parse(await fs.readFile(snapshotPath(dataDir), 'utf8')) as Snapshot;
    if (parsed.format !== 'peer-coach-snapshot/1') {
      log.warn({ file: snapshotPath(dataDir) }, 'ignoring a snapshot in an unknown format');
      return undefined;
    }
    return parsed;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // keep the damaged file for a person to inspect; the next snapshot must not overwrite it
    const aside = `${snapshotPath(dataDir)}.damaged`;
    await fs.rename(snapshotPath(dataDir), aside).catch(() => undefined);
    log.error({ file: aside }, 'could not read the local snapshot; moved it aside and starting empty');
    return undefined;
  }
}

/** written to a temporary file and renamed, so a crash mid-write leaves the previous snapshot intact */
export async function writeSnapshot(dataDir: string, snapshot: Snapshot): Promise<void> {
  await fs.mkdir(dataDir, { recursive: true });
  const file = snapshotPath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(snapshot), { mode: 0o600 });
  await fs.rename(tmp, file);
}
