import { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { ConnectorClient } from 'botframework-connector';
import { PersonalChat, ReachKeeper } from '../../domain/personal-chat';
import { ConversationReach, SendOutcome } from '../../domain/ports';
import { Logger } from '../../log';
import { SendLimiter } from '../../delivery/rate-limiter';
import { RetryPolicy, afterFailure, defaultRetry } from '../../delivery/send-retry';
import { globalTelemetry, Telemetry } from '../../telemetry/telemetry';

interface ConnectorError {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { headers?: { get?(name: string): string | undefined } };
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

/** a new message, or a new version of one posted earlier */
type SendKind = 'send' | 'update';

/**
 * The one place that starts proactive turns (continueConversationAsync). Every send ends in an
 * outcome value: sent, unreachable (blocked, uninstalled, conversation gone) or failed after
 * retries with exponential backoff and jitter that honour Retry-After. Each outcome is counted
 * (`peercoach.sends`), and so is every 429 (throttled) and every try again (retried) on the way.
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
    private readonly telemetry: Telemetry = globalTelemetry(),
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
    return this.deliver('send', reach, (ctx) => this.post(ctx, activity));
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
    return this.deliver('update', reach, (ctx) => this.put(ctx, activityId, activity));
  }

  private async deliver(
    kind: SendKind,
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
        this.telemetry.send('sent');
        return { status: 'sent', activityId: id };
      } catch (err) {
        const e = err as ConnectorError;
        const retryAfter = Number(e.response?.headers?.get?.('retry-after'));
        const decision = afterFailure(
          { status: e.statusCode, code: e.code, retryAfterSeconds: retryAfter || undefined },
          attempt,
          this.retry,
        );
        if (decision.next === 'unreachable') {
          this.didNotGo(kind, 'unreachable', e);
          return { status: 'unreachable', reason: decision.reason };
        }
        // throttling backs everyone in the tenant off, even when this send gives up
        if (e.statusCode === 429) {
          this.telemetry.send('throttled');
          this.limiter?.backOff(tenantId, decision.waitMs);
        }
        if (decision.next === 'fail') {
          this.didNotGo(kind, 'failed', e);
          return { status: 'failed', reason: decision.reason };
        }
        this.telemetry.send('retried');
        await this.retry.sleep(decision.waitMs);
      }
    }
  }

  /**
   * Counts a send that did not go through and logs it once, at info: a blocked recipient or a
   * conversation gone is an everyday event, not a fault. Kind, outcome and Teams' status and code
   * only: never the conversation or what was being sent.
   */
  private didNotGo(kind: SendKind, outcome: 'unreachable' | 'failed', e: ConnectorError): void {
    this.telemetry.send(outcome);
    this.log.info({ kind, outcome, status: e.statusCode, code: e.code }, 'proactive send did not go through');
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
}

/** a person's 1:1 chat, carrying Teams activities through the Messenger */
export type PersonalSender = PersonalChat<Partial<Activity>>;

export function personalSender(messenger: Messenger, people: ReachKeeper): PersonalSender {
  return new PersonalChat((reach, activity) => messenger.send(reach, activity), people);
}
