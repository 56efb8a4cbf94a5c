import { CloudAdapter } from 'botbuilder';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Messenger } from '../bot/outbound/messenger';
import { PeerCoachBot } from '../bot/inbound/peer-coach-bot';
import { BotServices } from '../bot/services';
import { Config } from '../config/config';
import { Clock } from '../domain/clock';
import { RateLimiter, tenantShare } from '../delivery/rate-limiter';
import { defaultPersonWindows, PersonLimit } from '../delivery/person-limit';
import { DispatchLoop, JobHandler } from '../scheduler/dispatch-loop';
import { Job } from '../scheduler/jobs';
import { nudgeJobKind } from '../domain/nudge/nudge-service';
import { jobKinds } from '../domain/cycle/cycle-jobs';
import { baselineJobKind, endJobKinds } from '../domain/evaluation/evaluation';
import { closeJobKind } from '../domain/evaluation/results-release';
import { Logger } from '../log';
import { CosmosStore } from '../store/cosmos-store';
import { cosmosJobStore } from '../store/job-store';
import { tenantOfJob } from '../scheduler/tenant-work';
import { globalTelemetry, Telemetry } from '../telemetry/telemetry';
import { AppOptions } from './options';
import { CalendarLinkParts, homeTenantOf, tenantServicesOver } from './tenant-services';

/** everything the open store carries: each tenant's bot, and the scheduler that runs their due work */
export interface Services {
  /** the bot of an allowed tenant, with its services, made when first needed */
  botFor(tenantId: string): PeerCoachBot;
  /** the services of an allowed tenant (the same the bot uses) */
  servicesFor(tenantId: string): BotServices;
  readonly dispatch: DispatchLoop;
}

/** store → messenger → each tenant's services and bot → the scheduler's handlers. Starts nothing. */
export function buildServices(
  config: Config,
  log: Logger,
  clock: Clock,
  opened: CosmosStore,
  adapter: CloudAdapter,
  options: AppOptions,
  /** "Add to calendar" links (none without) */
  calendar?: CalendarLinkParts,
): Services {
  const telemetry = options.telemetry ?? globalTelemetry();
  const messenger = rateLimitedMessenger(config, log, clock, adapter, options, telemetry);
  const jobs = cosmosJobStore(opened, clock);
  const personLimit =
    options.personLimit === false
      ? undefined
      : new PersonLimit(clock, options.personLimit ?? defaultPersonWindows);
  const tenantServices = tenantServicesOver({
    config,
    log,
    clock,
    opened,
    jobs,
    messenger,
    personLimit,
    calendar,
    options,
    telemetry,
  });
  const homeTenantId = homeTenantOf(config);
  const local = config.timingScale === 'minutes';

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
    [baselineJobKind]: (job) => tenant(tenantOfJob(job, homeTenantId)).services.evaluation.send(job.payload),
    [closeJobKind]: (job) =>
      tenant(tenantOfJob(job, homeTenantId)).services.results.closeWhenDue(job.payload),
    [endJobKinds.plan]: (job) =>
      tenant(tenantOfJob(job, homeTenantId)).services.evaluationEnd.fanOut(job.payload),
    [endJobKinds.send]: (job) =>
      tenant(tenantOfJob(job, homeTenantId)).services.evaluationEnd.send(job.payload),
    [endJobKinds.remind]: (job) =>
      tenant(tenantOfJob(job, homeTenantId)).services.evaluationEnd.remind(job.payload),
  };
  const dispatch = new DispatchLoop(jobs, handlers, clock, {
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    leaseMs: options.leaseMs ?? 60_000,
    batch: options.batch ?? 32,
    // a tick waits for its slowest send; a second and third claim and send meanwhile
    ticks: 3,
    idleMs: local ? 1_000 : 5_000,
    log: log.child({ component: 'dispatch' }),
    telemetry,
  });
  // a nudge being sent, or an erasure updating what was posted, is one job until it is done: those
  // this instance is running now are counted from memory, never from anyone's documents
  telemetry.countInProgress('nudge', () => dispatch.holding(nudgeJobKind));
  telemetry.countInProgress('erasure', () => dispatch.holding(jobKinds.erase));
  return {
    botFor: (tenantId) => tenant(tenantId).bot,
    servicesFor: (tenantId) => tenant(tenantId).services,
    dispatch,
  };
}

/** keeps every proactive send within Teams' published limits, per conversation and per tenant */
function rateLimitedMessenger(
  config: Config,
  log: Logger,
  clock: Clock,
  adapter: CloudAdapter,
  options: AppOptions,
  telemetry: Telemetry,
): Messenger {
  const appId = config.auth.mode === 'authenticated' ? config.auth.appId : '';
  const limiter = new RateLimiter({
    clock,
    ...(options.perTenant
      ? { perTenant: options.perTenant }
      : config.instances > 1
        ? { perTenant: tenantShare(config.instances) }
        : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  return new Messenger(
    adapter,
    appId,
    log.child({ component: 'messenger' }),
    options.retry,
    limiter,
    options.connectorTimeoutMs,
    telemetry,
  );
}
