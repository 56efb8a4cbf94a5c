/**
 * Cosmos DB hiccups that are worth another try within one turn.
 *
 * The SDK already retries 429 (with the service's retry-after, see `sdkRetryOptions`), but it
 * retries a 503 only for reads and only across regions, and a dropped connection not at all. These
 * answers mean the request was not carried out, so trying again is safe for every operation we make:
 * a create that did land the first time comes back 'exists', a replace or delete under IfMatch comes
 * back 'conflict', and the callers already treat both as "someone got there first" and re-read.
 */
const transientStatuses = new Set([408, 449, 503]);
const networkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'REQUEST_SEND_ERROR',
]);

export interface TransientRetry {
  /** waits before the 2nd, 3rd… attempt; its length is the number of retries */
  readonly delaysMs: readonly number[];
  readonly sleep: (ms: number) => Promise<void>;
}

/** three more tries over about 1.4 s: well inside Bot Service's 15 s for a turn */
export const defaultTransientRetry: TransientRetry = {
  delaysMs: [100, 300, 1000],
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** the SDK's own 429 handling: at most 10 s of waiting, so a throttled turn still answers in time */
export const sdkRetryOptions = { maxRetryAttemptCount: 9, maxWaitTimeInSeconds: 10 } as const;

export function isTransient(err: unknown): boolean {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (typeof code === 'number') return transientStatuses.has(code);
  return typeof code === 'string' && networkCodes.has(code);
}

/** runs `op`, again after each delay while it fails with a transient error; other errors pass through */
export async function retryTransient<T>(
  op: () => Promise<T>,
  policy: TransientRetry = defaultTransientRetry,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (err) {
      const delay = policy.delaysMs[attempt];
      if (delay === undefined || !isTransient(err)) throw err;
      await policy.sleep(delay);
    }
  }
}
