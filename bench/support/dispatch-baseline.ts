/**
 * The two baselines a botbuilder sample suggests for proactive messages, run in a process of their
 * own: `adapter.continueConversationAsync(appId, reference, ctx => ctx.sendActivity(card))` for
 * every stored conversation reference, one after another (DISPATCH_MODE=sequential) or all at once
 * (DISPATCH_MODE=all-at-once). No rate limiter: what such a sample leaves to the SDK is the
 * connector client's default retry policy (it honours Retry-After on a 429, a few times).
 *
 * DISPATCH_SENDS names a JSON file `{ serviceUrl, sends: [{ conversationId, tenantId, activity }] }`.
 * Reports `{ done, failed, errors }` over IPC.
 */
import { readFileSync } from 'node:fs';
import {
  Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationReference,
} from 'botbuilder';

interface Send {
  readonly conversationId: string;
  readonly tenantId: string;
  readonly activity: Partial<Activity>;
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('dispatch-baseline must be started with an IPC channel');
  process.on('disconnect', () => process.exit(2));
  const { serviceUrl, sends } = JSON.parse(readFileSync(process.env.DISPATCH_SENDS!, 'utf8')) as {
    serviceUrl: string;
    sends: Send[];
  };
  const mode = process.env.DISPATCH_MODE;
  // local mode: no app id, so no token is fetched (as Peer Coach runs in the benchmark)
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const errors = new Map<string, number>();
  let failed = 0;
  const send = async (s: Send): Promise<void> => {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl,
      conversation: {
        id: s.conversationId,
        tenantId: s.tenantId,
        conversationType: 'personal',
        isGroup: false,
        name: '',
      },
      bot: { id: '28:peer-coach-bot', name: 'Peer Coach' },
    };
    try {
      await adapter.continueConversationAsync('', reference, async (ctx) => {
        await ctx.sendActivity(s.activity);
      });
    } catch (err) {
      failed++;
      const e = err as { statusCode?: number; code?: string; name?: string };
      const key = String(e.statusCode ?? e.code ?? e.name ?? 'error');
      errors.set(key, (errors.get(key) ?? 0) + 1);
    }
  };
  if (mode === 'sequential') for (const s of sends) await send(s);
  else if (mode === 'all-at-once') await Promise.all(sends.map(send));
  else throw new Error(`DISPATCH_MODE must be sequential or all-at-once (got ${mode})`);
  process.send({ done: sends.length, failed, errors: Object.fromEntries(errors) }, () => process.exit(0));
}

main().catch((err: unknown) => {
  console.error('dispatch baseline failed:', err instanceof Error ? err.stack : err);
  process.exit(1);
});
