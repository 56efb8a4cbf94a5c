import { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { ConversationReach, SendOutcome } from '../domain/ports';
import { Logger } from '../log';
import { SendLimiter } from '../delivery/rate-limiter';

/** Teams says this person or conversation cannot be reached: stop, record, tell the coordinator */
const goneCodes = new Set([
  'ConversationBlockedByUser',
  'BotNotInConversationRoster',
  'BotDisabledByAdmin',
  'MessageWritesBlocked',
  'ConversationNotFound',
]);
const retryable = new Set([412, 429, 500, 502, 503, 504]);

interface ConnectorError {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { headers?: { get?(name: string): string | undefined } };
}

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

/**
 * The one place that starts proactive turns (continueConversationAsync). Every send ends in an
 * outcome value: sent, unreachable (blocked, uninstalled, conversation gone) or failed after
 * retries with exponential backoff and jitter that honour Retry-After.
 */
export class Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly log: Logger,
    private readonly retry: RetryPolicy = defaultRetry,
    /** keeps sends within Teams' rate limits; told about every 429 so the whole tenant backs off */
    private readonly limiter?: SendLimiter,
  ) {}

  reference(
    reach: ConversationReach,
    conversationType: 'personal' | 'channel',
  ): Partial<ConversationReference> {
    return {
      channelId: 'msteams',
      serviceUrl: reach.serviceUrl,
      conversation: {
        id: reach.conversationId,
        tenantId: reach.tenantId,
        conversationType,
        isGroup: conversationType !== 'personal',
        name: '',
      },
      bot: { id: reach.botId, name: 'Peer Coach' },
    };
  }

  /** runs `logic` in a proactive turn in the given conversation */
  async within<T>(
    reach: ConversationReach,
    conversationType: 'personal' | 'channel',
    logic: (context: TurnContext) => Promise<T>,
  ): Promise<T> {
    // the adapter hands errors inside a turn to onTurnError; carry them out so the caller sees the outcome
    let result: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    await this.adapter.continueConversationAsync(
      this.appId,
      this.reference(reach, conversationType),
      async (ctx) => {
        try {
          result = { ok: true, value: await logic(ctx) };
        } catch (error) {
          result = { ok: false, error };
        }
      },
    );
    if (!result) throw new Error('the proactive turn did not run');
    if (!result.ok) throw result.error;
    return result.value;
  }

  async send(reach: ConversationReach, activity: Partial<Activity>): Promise<SendOutcome> {
    const tenantId = reach.tenantId ?? '';
    for (let attempt = 1; ; attempt++) {
      try {
        await this.limiter?.acquire(reach.conversationId, tenantId);
        const id = await this.within(
          reach,
          'personal',
          async (ctx) => (await ctx.sendActivity(activity))?.id,
        );
        return { status: 'sent', activityId: id };
      } catch (err) {
        const e = err as ConnectorError;
        const status = e.statusCode;
        if (status === 404 || (status === 403 && (!e.code || goneCodes.has(e.code)))) {
          this.log.info({ status, code: e.code }, 'recipient unreachable');
          return { status: 'unreachable', reason: e.code ?? `HTTP ${status}` };
        }
        const wait = this.delay(attempt, e);
        // throttling backs everyone in the tenant off, even when this send gives up
        if (status === 429) this.limiter?.backOff(tenantId, wait);
        // no status at all is a timeout or a dropped connection: worth another try, like a 5xx
        if ((status !== undefined && !retryable.has(status)) || attempt >= this.retry.attempts) {
          this.log.warn({ status, code: e.code, attempt }, 'send failed');
          return { status: 'failed', reason: e.code ?? (status ? `HTTP ${status}` : 'network error') };
        }
        await this.retry.sleep(wait);
      }
    }
  }

  private delay(attempt: number, e: ConnectorError): number {
    const retryAfter = Number(e.response?.headers?.get?.('retry-after'));
    if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1000, 60_000);
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (this.retry.random() * ceiling) / 2);
  }
}
