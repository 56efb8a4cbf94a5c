import { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { ConnectorClient } from 'botframework-connector';
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

/** the HTTP pipeline under botbuilder's connector client, where its built-in retry policy lives */
interface PipelineHolder {
  client?: { pipeline?: { removePolicy(options: { name: string }): unknown } };
}

/**
 * botbuilder's connector client retries by itself (up to 3 more times per call, blind to Retry-After
 * coordination across a tenant). Under the Messenger's own retries that multiplies: 4 attempts × 4
 * requests. So the client made for this proactive turn loses that policy and the Messenger stays
 * the one place that retries, telling the rate limiter about every 429. (The client is made afresh
 * for each proactive turn, so nothing else shares it.)
 */
function withoutBuiltInRetry(client: ConnectorClient): ConnectorClient {
  (client as unknown as PipelineHolder).client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
  return client;
}

/** the Bot Connector answers in well under a second; 15 s is Bot Service's own limit for a turn */
export const defaultSendTimeoutMs = 15_000;

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
    /** a send the Bot Connector has not answered by then is abandoned, and counts as a failed attempt */
    private readonly sendTimeoutMs = defaultSendTimeoutMs,
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
    return this.deliver(reach, (ctx) => this.post(ctx, activity));
  }

  /**
   * Replaces a message posted earlier (`updateActivity`), under the same rate limits, retries and
   * outcomes as a send: a conversation that is gone is `unreachable`.
   */
  async update(
    reach: ConversationReach,
    activityId: string,
    activity: Partial<Activity>,
  ): Promise<SendOutcome> {
    return this.deliver(reach, (ctx) => this.put(ctx, activityId, activity));
  }

  private async deliver(
    reach: ConversationReach,
    request: (ctx: TurnContext) => Promise<string | undefined>,
  ): Promise<SendOutcome> {
    const tenantId = reach.tenantId ?? '';
    for (let attempt = 1; ; attempt++) {
      try {
        const startedAt = await this.limiter?.acquire(reach.conversationId, tenantId);
        let id: string | undefined;
        try {
          id = await this.within(reach, 'personal', request);
        } finally {
          if (typeof startedAt === 'number')
            this.limiter?.settled?.(reach.conversationId, tenantId, startedAt);
        }
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

  /**
   * The proactive message, posted with a deadline: without one a connection that never answers
   * would hold the send (and the scheduler's lease on it) forever. The connector client aborts the
   * request at the deadline, so an abandoned attempt cannot arrive late as a duplicate.
   */
  private async post(ctx: TurnContext, activity: Partial<Activity>): Promise<string | undefined> {
    const client = withoutBuiltInRetry(ctx.turnState.get<ConnectorClient>(ctx.adapter.ConnectorClientKey));
    const outgoing = TurnContext.applyConversationReference(
      { type: 'message', ...activity },
      TurnContext.getConversationReference(ctx.activity),
    );
    const conversationId = outgoing.conversation?.id ?? '';
    const answer = await client.conversations.sendToConversation(conversationId, outgoing as Activity, {
      timeout: this.sendTimeoutMs,
    });
    return answer.id;
  }

  /** the new version of a posted message, with the same deadline as a post */
  private async put(ctx: TurnContext, activityId: string, activity: Partial<Activity>): Promise<string> {
    const client = withoutBuiltInRetry(ctx.turnState.get<ConnectorClient>(ctx.adapter.ConnectorClientKey));
    const outgoing = TurnContext.applyConversationReference(
      { type: 'message', ...activity, id: activityId },
      TurnContext.getConversationReference(ctx.activity),
    );
    const conversationId = outgoing.conversation?.id ?? '';
    await client.conversations.updateActivity(conversationId, activityId, outgoing as Activity, {
      timeout: this.sendTimeoutMs,
    });
    return activityId;
  }

  private delay(attempt: number, e: ConnectorError): number {
    const retryAfter = Number(e.response?.headers?.get?.('retry-after'));
    if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1000, 60_000);
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (this.retry.random() * ceiling) / 2);
  }
}
