import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { forward } from './forward';

/** which store requests a fault applies to */
export type FaultTarget = 'any' | 'write' | 'read';

interface Fault {
  remaining: number;
  readonly status: number;
  readonly target: FaultTarget;
}

function isWrite(req: http.IncomingMessage): boolean {
  const query =
    String(req.headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() === 'true' ||
    String(req.headers['content-type'] ?? '').startsWith('application/query+json');
  return req.method !== 'GET' && req.method !== 'HEAD' && !query;
}

const reasons: Record<number, string> = {
  429: 'TooManyRequests',
  503: 'ServiceUnavailable',
  408: 'RequestTimeout',
};

/**
 * Sits between the real @azure/cosmos SDK and the embedded Cosmos DB server and makes the store
 * misbehave the way Azure can: down altogether (503 to everything), or answering the next
 * few requests with a 429 (with the service's retry-after header) or a 503. Everything else is
 * passed through untouched.
 */
export class FaultProxy {
  private server: http.Server | undefined;
  private readonly agent = new http.Agent({ keepAlive: true });
  private down = false;
  private delayMs = 0;
  private readonly faults: Fault[] = [];
  /** requests answered with an injected fault (including while down) */
  injected = 0;
  /** requests passed through to the store */
  passed = 0;

  constructor(private readonly target: string) {}

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const target = new URL(this.target);
    this.server = http.createServer((req, res) => {
      const fault = this.down
        ? { remaining: 1, status: 503, target: 'any' as const }
        : this.faults.find(
            (f) => f.remaining > 0 && (f.target === 'any' || (f.target === 'write') === isWrite(req)),
          );
      if (fault) {
        fault.remaining--;
        this.injected++;
        req.resume();
        res.writeHead(fault.status, {
          'content-type': 'application/json',
          'x-ms-retry-after-ms': '20',
          'x-ms-activity-id': '00000000-0000-0000-0000-000000000000',
        });
        res.end(JSON.stringify({ code: reasons[fault.status] ?? 'Fault', message: 'injected by a test' }));
        return;
      }
      this.passed++;
      if (this.delayMs > 0) setTimeout(() => forward(req, res, target, this.agent), this.delayMs);
      else forward(req, res, target, this.agent);
    });
    this.server.keepAliveTimeout = 1;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
  }

  /** every request gets 503 Service Unavailable, as from an account that is down */
  goDown(): void {
    this.down = true;
  }

  comeBack(): void {
    this.down = false;
  }

  /** the next `count` matching requests get `status` */
  failNext(count: number, status: number, target: FaultTarget = 'any'): void {
    this.faults.push({ remaining: count, status, target });
  }

  /** every request passed through waits this long first, as from a store far away or overloaded */
  slowDown(ms: number): void {
    this.delayMs = ms;
  }

  /** drops any faults not yet used */
  heal(): void {
    this.faults.length = 0;
    this.down = false;
    this.delayMs = 0;
  }

  async stop(): Promise<void> {
    this.agent.destroy();
    if (!this.server) return;
    await new Promise<void>((resolve) => {
      this.server!.close(() => resolve());
      this.server!.closeAllConnections();
    });
  }
}
