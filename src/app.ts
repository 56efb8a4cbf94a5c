import { createAdapter } from './bot/adapter';
import { ChatNoticeBoard } from './bot/chat-notice-board';
import { Messenger, RetryPolicy } from './bot/messenger';
import { PeerCoachBot } from './bot/peer-coach-bot';
import { BotServices } from './bot/services';
import { TeamDirectory } from './bot/team-directory';
import { Config } from './config/config';
import { Clock, systemClock } from './domain/clock';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { ChatCycleMail } from './bot/cycle-mail';
import { CycleService } from './domain/cycle/cycle-service';
import { InvitationService } from './domain/invitation-service';
import { AuditLog } from './domain/report/audit-log';
import { ReportService } from './domain/report/report-service';
import { dayScale, localPolicy, minuteScale } from './domain/timing';
import { RateLimiter, RateWindow, tenantShare } from './delivery/rate-limiter';
import { defaultPersonWindows, PersonLimit } from './delivery/person-limit';
import { DispatchLoop, JobHandler } from './scheduler/dispatch-loop';
import { Job } from './scheduler/jobs';
import { ChatNudgeMail } from './bot/nudge-mail';
import { PersonalSender } from './bot/personal-sender';
import { NudgeService, nudgeJobKind } from './domain/nudge/nudge-service';
import { cosmosJobStore } from './store/job-store';
import { NoticeBoard } from './domain/notices';
import { PairService } from './domain/pair-service';
import { PeopleService } from './domain/people-service';
import { ProgrammeService } from './domain/programme-service';
import { startHttpServer } from './http/server';
import { supportedLanguages } from './i18n';
import { Logger } from './log';
import { CosmosStore, openCosmosStore } from './store/cosmos-store';
import { openWhenReachable, StartupRetry } from './store/store-startup';
import { cosmosRepositories } from './store/repositories';
import { TenantGate, tenantOf } from './bot/tenant-gate';
import { tenantOfJob, tenantWork } from './scheduler/tenant-work';

export interface AppOptions {
  readonly clock?: Clock;
  /** randomness for automatic pairing */
  readonly random?: () => number;
  readonly retry?: RetryPolicy;
  /** listen address, instead of the configured one (`config.host`); tests use 127.0.0.1 */
  readonly host?: string;
  /** false: the dispatch loop does not run by itself (tests call `dispatch.tick()` with their clock) */
  readonly dispatchLoop?: boolean;
  /** how long a claimed job stays ours (default 60 s); crash-recovery runs shorten it */
  readonly leaseMs?: number;
  /**
   * jobs one claim takes (default 32). A claim is one query; against the embedded server, which
   * scans every document, a benchmark draining a large backlog claims more at a time
   */
  readonly batch?: number;
  /** how start-up waits for a store it cannot reach yet (tests make it quick) */
  readonly storeRetry?: StartupRetry;
  /** told the address as soon as HTTP listens, before the store is open (/readyz says 503 until then) */
  readonly onListening?: (url: string) => void;
  /** the per-person request limit (default: `defaultPersonWindows`); false turns it off */
  readonly personLimit?: readonly RateWindow[] | false;
  /**
   * sends this process may start per tenant (default: Teams' ~30 a second). Teams counts a tenant's
   * sends over every instance of the bot, so N instances sharing one tenant each take 1/N of it
   */
  readonly perTenant?: RateWindow;
  /** how the rate limiter waits for room (default: a timer); a test with its own clock advances it */
  readonly sleep?: (ms: number) => Promise<void>;
  /** how long a Bot Connector call may take before it is abandoned (default 15 s) */
  readonly connectorTimeoutMs?: number;
  /** how long a card action may run before its invoke is answered "still working" (default 10 s) */
  readonly invokeDeadlineMs?: number;
  /**
   * hosts (host:port) besides OneDrive's that a CSV export may be uploaded to: only the tests' local
   * stand-in for OneDrive. Deliberately not configuration, so no deployment can widen it
   */
  readonly uploadHosts?: readonly string[];
  /** aborting it stops a start-up that is still waiting for the store */
  readonly signal?: AbortSignal;
}

export interface RunningApp {
  readonly url: string;
  readonly port: number;
  readonly store: CosmosStore;
  /** the scheduler's loop: claims due work (prompts, reminders, deadlines) and sends it */
  readonly dispatch: DispatchLoop;
  /** graceful: stop taking work, finish in-flight turns, close the store */
  close(): Promise<void>;
}

/** config → HTTP (not ready yet) → store → domain → bot. The composition root, and nothing else. */
export async function startApp(config: Config, log: Logger, options: AppOptions = {}): Promise<RunningApp> {
  const clock = options.clock ?? systemClock;
  const host = options.host ?? config.host;
  const gate = new TenantGate(config.allowedTenantIds, clock, log.child({ component: 'tenants' }));
  const adapter = createAdapter(config.auth, config.defaultLocale, log.child({ component: 'adapter' }), gate);
  // HTTP first, so that a platform probing /readyz sees "not ready" (not "down") while the store opens
  const live: { botFor?: (tenantId: string) => PeerCoachBot } = {};
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
    ready: async () => (store ? store.ping() : false),
    log: log.child({ component: 'http' }),
  });
  options.onListening?.(http.url);
  const storeLog = log.child({ component: 'store' });
  try {
    store = await openWhenReachable(
      () => openCosmosStore(config.store, clock, storeLog),
      storeLog,
      options.storeRetry,
      options.signal,
    );
  } catch (err) {
    await http.close();
    throw err;
  }
  const appId = config.auth.mode === 'authenticated' ? config.auth.appId : '';
  // keeps every proactive send within Teams' published limits, per conversation and per tenant
  const limiter = new RateLimiter({
    clock,
    ...(options.perTenant
      ? { perTenant: options.perTenant }
      : config.instances > 1
        ? { perTenant: tenantShare(config.instances) }
        : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const messenger = new Messenger(
    adapter,
    appId,
    log.child({ component: 'messenger' }),
    options.retry,
    limiter,
    options.connectorTimeoutMs,
  );
  const defaults = { defaultTimeZone: config.defaultTimeZone, defaultLocale: config.defaultLocale };
  const local = config.timingScale === 'minutes';
  const jobs = cosmosJobStore(store, clock);
  const personLimit =
    options.personLimit === false
      ? undefined
      : new PersonLimit(clock, options.personLimit ?? defaultPersonWindows);
  // data stored before tenants were recorded belongs to the first allowed tenant
  const homeTenantId = config.allowedTenantIds[0]!;
  const opened = store;

  /**
   * One tenant's services, over repositories that only ever see that tenant's documents: people,
   * teams, programmes, pairs, observations, nudges, figures and the audit log of one tenant.
   */
  function tenantServices(tenantId: string): BotServices {
    const repos = cosmosRepositories(opened, { tenantId, home: tenantId === homeTenantId });
    const work = tenantWork(jobs, tenantId);
    const people = new PeopleService(repos, clock, config.coordinatorIds, supportedLanguages);
    const sender = new PersonalSender(messenger, people);
    const notices: NoticeBoard = new ChatNoticeBoard(people, sender, defaults);
    const pairs = new PairService(repos, clock, notices, options.random);
    const cycles = new CycleService(
      repos,
      clock,
      people,
      work,
      new ChatCycleMail(messenger, sender, defaults, log.child({ component: 'cycle-mail' })),
      {
        scale: local ? minuteScale : dayScale,
        retentionDays: config.retentionDays,
        defaultTimeZone: config.defaultTimeZone,
      },
    );
    const reports = new ReportService(repos);
    return {
      people,
      programmes: new ProgrammeService(
        repos,
        clock,
        notices,
        new TeamDirectory(messenger, log.child({ component: 'directory' })),
        supportedLanguages,
        local ? localPolicy : undefined,
      ),
      cycles,
      reports,
      nudges: new NudgeService(
        repos,
        clock,
        reports,
        work,
        new ChatNudgeMail(messenger, sender, people, defaults, log.child({ component: 'nudge-mail' })),
      ),
      audit: new AuditLog(repos, clock),
      pairs,
      invitations: new InvitationService(repos, clock, notices, pairs),
      repos,
      clock,
      peoplePicker: config.auth.mode === 'authenticated',
      fileConsent: config.exportAs === 'file',
      sender,
      invokeDeadlineMs: options.invokeDeadlineMs ?? 10_000,
      ...(personLimit ? { personLimit } : {}),
      ...(options.uploadHosts ? { uploadHosts: options.uploadHosts } : {}),
      ...defaults,
    };
  }

  const tenants = new Map<string, { services: BotServices; bot: PeerCoachBot }>();
  /** each allowed tenant's services and bot, made when first needed */
  const tenant = (tenantId: string) => {
    let found = tenants.get(tenantId);
    if (!found) {
      const services = tenantServices(tenantId);
      found = { services, bot: new PeerCoachBot(services, log.child({ component: 'bot' })) };
      tenants.set(tenantId, found);
    }
    return found;
  };
  const cycleKinds = Object.keys(tenant(homeTenantId).services.cycles.handlers());
  const handlers: Record<string, JobHandler> = {
    ...Object.fromEntries(
      cycleKinds.map((kind) => [
        kind,
        (job: Job) => tenant(tenantOfJob(job, homeTenantId)).services.cycles.handlers()[kind]!(job.payload),
      ]),
    ),
    [nudgeJobKind]: (job) => tenant(tenantOfJob(job, homeTenantId)).services.nudges.batch(job.payload),
  };
  const dispatch = new DispatchLoop(jobs, handlers, clock, {
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    leaseMs: options.leaseMs ?? 60_000,
    batch: options.batch ?? 32,
    // a tick waits for its slowest send; a second and third claim and send meanwhile
    ticks: 3,
    idleMs: local ? 1_000 : 5_000,
    log: log.child({ component: 'dispatch' }),
  });
  live.botFor = (tenantId) => tenant(tenantId).bot;

  if (options.dispatchLoop !== false) dispatch.start();
  log.info(
    { host, port: http.port, auth: config.auth.mode, store: store.kind, timing: config.timingScale },
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
  let closing: Promise<void> | undefined;
  return {
    url: http.url,
    port: http.port,
    store,
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
