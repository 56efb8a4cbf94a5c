import { performance } from 'node:perf_hooks';
import { createAdapter } from './bot/inbound/adapter';
import { PeerCoachBot } from './bot/inbound/peer-coach-bot';
import { TenantGate, tenantOf } from './bot/inbound/tenant-gate';
import { Config } from './config/config';
import { systemClock } from './domain/clock';
import { startHttpServer } from './http/server';
import { Logger } from './log';
import { DispatchLoop } from './scheduler/dispatch-loop';
import { CosmosStore, openCosmosStore } from './store/cosmos-store';
import { openWhenReachable } from './store/store-startup';
import { buildServices } from './app/build-services';
import { readinessCheck } from './app/readiness';
import { AppOptions } from './app/options';
import { calendarFile } from './calendar/calendar-feed';
import { CalendarLinkSigner } from './calendar/calendar-link';
import { calendarLinkSecret } from './calendar/link-secret';
import { globalTelemetry } from './telemetry/telemetry';

export type { AppOptions } from './app/options';

export interface RunningApp {
  readonly url: string;
  readonly port: number;
  readonly store: CosmosStore;
  /** the scheduler's loop: claims due work (prompts, reminders, deadlines) and sends it */
  readonly dispatch: DispatchLoop;
  /** graceful: stop taking work, finish in-flight turns, close the store */
  close(): Promise<void>;
}

/**
 * config → HTTP (not ready yet) → store → services (app/build-services.ts) → scheduler. The
 * lifecycle: what starts in which order, and how it stops.
 */
export async function startApp(config: Config, log: Logger, options: AppOptions = {}): Promise<RunningApp> {
  const clock = options.clock ?? systemClock;
  const telemetry = options.telemetry ?? globalTelemetry();
  const host = options.host ?? config.host;
  const gate = new TenantGate(config.allowedTenantIds, clock, log.child({ component: 'tenants' }));
  const adapter = createAdapter(
    config.auth,
    config.defaultLocale,
    log.child({ component: 'adapter' }),
    gate,
    telemetry,
  );
  const signer = new CalendarLinkSigner(await calendarLinkSecret(config));
  // HTTP first, so that a platform probing /readyz sees "not ready" (not "down") while the store opens
  const live: {
    botFor?: (tenantId: string) => PeerCoachBot;
    calendarFile?: (token: string) => Promise<string | undefined>;
    dispatch?: DispatchLoop;
  } = {};
  let store: CosmosStore | undefined;
  const http = await startHttpServer({
    port: config.port,
    host,
    endpoint: {
      process: async (req, res) => {
        const botFor = live.botFor;
        if (!botFor) {
          res.header('Retry-After', '5');
          res.send(503, { error: 'starting: the store is not open yet' });
          return;
        }
        // the adapter has admitted only activities of an allowed tenant (TenantGate)
        await adapter.process(req, res, (context) =>
          botFor(tenantOf(context.activity as unknown as Record<string, unknown>)!).run(context),
        );
      },
    },
    calendar: { file: async (token) => (live.calendarFile ? live.calendarFile(token) : 'starting') },
    ready: readinessCheck(
      async () => (store ? store.ping() : false),
      () => live.dispatch?.stalled() ?? false,
      telemetry,
    ),
    log: log.child({ component: 'http' }),
  });
  options.onListening?.(http.url);
  const storeLog = log.child({ component: 'store' });
  try {
    store = await openWhenReachable(
      () => openCosmosStore(config.store, clock, storeLog, telemetry),
      storeLog,
      options.storeRetry,
      options.signal,
    );
  } catch (err) {
    await http.close();
    throw err;
  }
  const opened = store;
  // in local mode the links point where the bot listens
  const calendar = { signer, baseUrl: config.calendar.baseUrl ?? http.url };
  const { botFor, servicesFor, dispatch } = buildServices(
    config,
    log,
    clock,
    opened,
    adapter,
    // resolved once: every part measures into the same instruments
    { ...options, telemetry },
    calendar,
  );
  live.botFor = botFor;
  live.dispatch = dispatch;
  live.calendarFile = (token) =>
    calendarFile(token, { signer, clock, allowedTenantIds: config.allowedTenantIds, servicesFor });

  if (options.dispatchLoop !== false) dispatch.start();
  logStarted(config, log, { host, port: http.port, store: opened.kind });
  // from process start (monotonic): a duration, not a schedule, so not the injected clock's business
  telemetry.started(performance.now());
  let closing: Promise<void> | undefined;
  return {
    url: http.url,
    port: http.port,
    store: opened,
    dispatch,
    close() {
      closing ??= (async () => {
        await http.close();
        await dispatch.stop();
        await opened.close();
      })();
      return closing;
    },
  };
}

/** what an operator needs to see once the bot serves: where, how, and the warnings that matter */
function logStarted(
  config: Config,
  log: Logger,
  at: { host: string; port: number; store: CosmosStore['kind'] },
) {
  const { host, port, store } = at;
  log.info(
    { host, port, auth: config.auth.mode, store, timing: config.timingScale },
    'Peer Coach is listening',
  );
  if (config.auth.mode === 'anonymous') {
    log.warn(
      `ANONYMOUS MODE (BOT_ANONYMOUS=1): requests are not authenticated. Bound to ${host}: whoever reaches it can act as anyone. For local use only.`,
    );
  }
  if (config.auth.mode === 'authenticated' && config.auth.appType === 'MultiTenant') {
    log.warn(
      'MicrosoftAppType=MultiTenant: Azure Bot Service has created no new multi-tenant bots since 31 July 2025. This registration still works; a new one is SingleTenant or UserAssignedMSI.',
    );
  }
  log.info({ allowedTenantIds: config.allowedTenantIds }, 'serving these Entra tenants only');
}
