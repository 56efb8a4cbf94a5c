import { RetryPolicy } from '../delivery/send-retry';
import { Clock } from '../domain/clock';
import { RateWindow } from '../delivery/rate-limiter';
import { StartupRetry } from '../store/store-startup';
import { Telemetry } from '../telemetry/telemetry';

/** what a caller may set besides the configuration: tests, scripts and benchmarks; `npm start` sets only `signal` */
export interface AppOptions {
  readonly clock?: Clock;
  /** randomness for automatic pairing */
  readonly random?: () => number;
  readonly retry?: RetryPolicy;
  /** listen address, instead of the configured one (`config.host`); tests use 127.0.0.1 */
  readonly host?: string;
  /** false: the dispatch loop does not run by itself (tests call `dispatch.tick()` with their clock) */
  readonly dispatchLoop?: boolean;
  /** how long a claimed job stays ours (default 60 s); crash-recovery runs shorten it */
  readonly leaseMs?: number;
  /**
   * jobs one claim takes (default 32). A claim is one query; against the embedded server, which
   * scans every document, a benchmark draining a large backlog claims more at a time
   */
  readonly batch?: number;
  /** how start-up waits for a store it cannot reach yet (tests make it quick) */
  readonly storeRetry?: StartupRetry;
  /** told the address as soon as HTTP listens, before the store is open (/readyz says 503 until then) */
  readonly onListening?: (url: string) => void;
  /** the per-person request limit (default: `defaultPersonWindows`); false turns it off */
  readonly personLimit?: readonly RateWindow[] | false;
  /**
   * sends this process may start per tenant (default: Teams' ~30 a second). Teams counts a tenant's
   * sends over every instance of the bot, so N instances sharing one tenant each take 1/N of it
   */
  readonly perTenant?: RateWindow;
  /** how the rate limiter waits for room (default: a timer); a test with its own clock advances it */
  readonly sleep?: (ms: number) => Promise<void>;
  /** how long a Bot Connector call may take before it is abandoned (default 15 s) */
  readonly connectorTimeoutMs?: number;
  /** how long a card action may run before its invoke is answered "still working" (default 10 s) */
  readonly invokeDeadlineMs?: number;
  /**
   * hosts (host:port) besides OneDrive's that a CSV export may be uploaded to: only the tests' local
   * stand-in for OneDrive. Deliberately not configuration, so no deployment can widen it
   */
  readonly uploadHosts?: readonly string[];
  /** aborting it stops a start-up that is still waiting for the store */
  readonly signal?: AbortSignal;
  /** where spans and metrics go (default: the global meter and tracer; tests record them in memory) */
  readonly telemetry?: Telemetry;
}
