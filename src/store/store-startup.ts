import { StoreLayoutError } from './container-layout';
import { Logger } from '../log';

export interface StartupRetry {
  /** the wait after the n-th failed attempt (n from 1) */
  readonly delayMs: (attempt: number) => number;
  /** waits, ending early (resolving) when the signal aborts */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** 1 s, 2 s, 4 s … then every 30 s: quick when the store was a moment late, quiet when it is down */
export const defaultStartupRetry: StartupRetry = {
  delayMs: (attempt) => Math.min(1000 * 2 ** (attempt - 1), 30_000),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};

export class StartupAborted extends Error {
  constructor() {
    super('start-up was stopped before the store could be opened');
    this.name = 'StartupAborted';
  }
}

/**
 * Opens the store, and keeps trying while it cannot be reached: at start-up Cosmos DB may be a
 * moment behind the bot (a new deployment, a role assignment still propagating, a network blip).
 * Each failure is one clear log line with what went wrong (never a key); the caller keeps /readyz
 * false meanwhile. Stops when `signal` aborts (a shutdown during start-up).
 */
export async function openWhenReachable<T>(
  open: () => Promise<T>,
  log: Logger,
  retry: StartupRetry = defaultStartupRetry,
  signal?: AbortSignal,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw new StartupAborted();
    try {
      const store = await open();
      if (attempt > 1) log.info({ attempts: attempt }, 'Cosmos DB is reachable: ready');
      return store;
    } catch (err) {
      const e = err as { name?: string; code?: unknown; statusCode?: unknown };
      const retryInMs = retry.delayMs(attempt);
      log.error(
        { attempt, retryInMs, err: { name: e.name, code: e.code ?? e.statusCode } },
        `Cosmos DB could not be opened (${describe(err)}); /readyz stays false and the bot tries again in ${Math.round(retryInMs / 1000)} s`,
      );
      await retry.sleep(retryInMs, signal);
    }
  }
}

/** what went wrong, in words an operator can act on; never a key or a token */
function describe(err: unknown): string {
  if (err instanceof StoreLayoutError) {
    return `${err.problems.join('; ')}: create the containers as infra/main.bicep does`;
  }
  const e = err as { name?: string; code?: unknown; statusCode?: unknown };
  // @azure/identity's errors: the managed identity could not get a token
  if (
    e.name === 'CredentialUnavailableError' ||
    e.name === 'AuthenticationError' ||
    e.name === 'AggregateAuthenticationError'
  ) {
    return `${e.name}: the managed identity could not sign in — check AZURE_CLIENT_ID and that the identity is assigned to this host`;
  }
  const code = e.code ?? e.statusCode;
  if (code === 401 || code === 403) return `HTTP ${code}: check COSMOS_KEY, or the identity's data role`;
  if (code === 404) return 'HTTP 404: check COSMOS_DATABASE and that the containers exist';
  if (typeof code === 'number') return `HTTP ${code}`;
  if (typeof code === 'string') return `${code}: check COSMOS_ENDPOINT and the network`;
  return 'no answer';
}
