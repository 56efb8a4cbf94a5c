/**
 * What a failed send means and when to try it again: the policy every proactive send follows, apart
 * from the transport that makes the request.
 */

/** Teams says this person or conversation cannot be reached: stop, record, tell the coordinator */
const goneCodes = new Set([
  'ConversationBlockedByUser',
  'BotNotInConversationRoster',
  'BotDisabledByAdmin',
  'MessageWritesBlocked',
  'ConversationNotFound',
]);
const retryableStatuses = new Set([412, 429, 500, 502, 503, 504]);

export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
}

export const defaultRetry: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** a send that did not go through, as the Bot Connector reported it */
export interface SendFailure {
  /** the HTTP status; none at all is a timeout or a dropped connection */
  readonly status?: number;
  /** Teams' error code, e.g. ConversationBlockedByUser */
  readonly code?: string;
  /** the Retry-After header, in seconds, if the answer had one */
  readonly retryAfterSeconds?: number;
}

/**
 * What to do after a failed attempt: `unreachable` (the person or conversation is gone: no retry),
 * `retry` after `waitMs`, or `fail` (not worth another try, or out of attempts). A 429's wait is
 * also what the whole tenant backs off for, even when this send gives up.
 */
export type RetryDecision =
  | { readonly next: 'unreachable'; readonly reason: string }
  | { readonly next: 'retry'; readonly waitMs: number }
  | { readonly next: 'fail'; readonly waitMs: number; readonly reason: string };

export function afterFailure(failure: SendFailure, attempt: number, policy: RetryPolicy): RetryDecision {
  const { status, code } = failure;
  if (status === 404 || (status === 403 && (!code || goneCodes.has(code))))
    return { next: 'unreachable', reason: code ?? `HTTP ${status}` };
  const waitMs = retryDelay(failure, attempt, policy);
  // no status at all is a timeout or a dropped connection: worth another try, like a 5xx
  if ((status !== undefined && !retryableStatuses.has(status)) || attempt >= policy.attempts)
    return { next: 'fail', waitMs, reason: code ?? (status ? `HTTP ${status}` : 'network error') };
  return { next: 'retry', waitMs };
}

/** Retry-After when given (at most a minute), else exponential backoff with jitter */
function retryDelay(failure: SendFailure, attempt: number, policy: RetryPolicy): number {
  const retryAfter = failure.retryAfterSeconds;
  if (retryAfter !== undefined && Number.isFinite(retryAfter) && retryAfter > 0)
    return Math.min(retryAfter * 1000, 60_000);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (policy.random() * ceiling) / 2);
}
