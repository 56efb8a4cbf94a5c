/**
 * The framework's floor for the answering benchmark: a bare botbuilder bot on the same restify
 * server (src/http/server.ts) and the same CloudAdapter set-up (src/bot/inbound/adapter.ts, anonymous), which
 * answers every card action by posting one message to the connector (the activity's serviceUrl)
 * and returning a small card in the invoke response. No store, no domain.
 *
 * Started by bench/sections/answering.ts with an IPC channel: reports `{ ready, url, pid }` once it
 * listens and exits when the channel closes (or on SIGTERM, so that `--cpu-prof` gets written).
 */
import { TenantGate } from '../../src/bot/inbound/tenant-gate';
import { playgroundTenantId } from '../../src/config/config';
import { systemClock } from '../../src/domain/clock';
import { ActivityHandler, AdaptiveCardInvokeResponse, CardFactory } from 'botbuilder';
import { createAdapter } from '../../src/bot/inbound/adapter';
import { startHttpServer } from '../../src/http/server';
import { createLogger } from '../../src/log';
import { globalTelemetry } from '../../src/telemetry/telemetry';

class EchoBot extends ActivityHandler {
  protected override async onAdaptiveCardInvoke(
    context: Parameters<ActivityHandler['run']>[0],
  ): Promise<AdaptiveCardInvokeResponse> {
    await context.sendActivity('echo');
    return {
      statusCode: 200,
      type: CardFactory.contentTypes.adaptiveCard,
      value: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'echo' }] },
    };
  }
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('answering-echo-bot must be started with an IPC channel');
  process.on('disconnect', () => process.exit(0));
  const log = createLogger('warn');
  const tenants = (process.env.ALLOWED_TENANT_IDS ?? playgroundTenantId).split(',');
  const gate = new TenantGate(tenants, systemClock, log.child({ component: 'tenants' }));
  const adapter = createAdapter(
    { mode: 'anonymous' },
    'en-GB',
    log.child({ component: 'adapter' }),
    gate,
    globalTelemetry(),
  );
  const bot = new EchoBot();
  const http = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    endpoint: { process: (req, res) => adapter.process(req, res, (context) => bot.run(context)) },
    ready: async () => ({ ok: true }),
    log: log.child({ component: 'http' }),
  });
  process.on('SIGTERM', () => void http.close().then(() => process.exit(0)));
  process.send({ ready: true, url: http.url, pid: process.pid });
}

main().catch((err: unknown) => {
  console.error('echo bot failed to start:', err instanceof Error ? err.stack : err);
  process.exit(1);
});
