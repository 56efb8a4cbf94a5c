import { DateTime } from 'luxon';

/** what a job handler tells the scheduler */
export type WorkOutcome =
  { status: 'done' } | { status: 'retry'; at: Date } | { status: 'failed'; reason: string };

/** runs one job of a kind, given its payload */
export type WorkHandler = (payload: Readonly<Record<string, string>>) => Promise<WorkOutcome>;

/** the kinds of the cycle's durable jobs: jobs already in the store name them, so they never change */
export const jobKinds = {
  send: 'prompt.send',
  remind: 'prompt.remind',
  expire: 'prompt.expire',
  notice: 'cycle.notice',
  summary: 'cycle.summary',
  /** after `delete my data`: every message that showed the person's words, updated in place */
  erase: 'data.erase.messages',
} as const;

const failedRetryMinutes = 5;

/** a send that failed is tried again a few minutes on */
export function retryAfterFailure(now: Date): WorkOutcome {
  return { status: 'retry', at: DateTime.fromJSDate(now).plus({ minutes: failedRetryMinutes }).toJSDate() };
}
