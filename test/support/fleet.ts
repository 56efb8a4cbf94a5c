import { ChildProcess, fork } from 'node:child_process';
import * as path from 'node:path';
import { DateTime } from 'luxon';
import { Clock, systemClock } from '../../src/domain/clock';
import { jobKinds } from '../../src/domain/cycle/cycle-jobs';
import { createCycleServices } from '../../src/domain/cycle/cycle-services';
import { enrolmentId, Enrolment } from '../../src/domain/membership';
import { PairService } from '../../src/domain/pair-service';
import { PeopleService } from '../../src/domain/people-service';
import { ProgrammeService } from '../../src/domain/programme-service';
import { dayScale } from '../../src/domain/timing';
import { supportedLanguages } from '../../src/i18n';
import { silentLogger } from '../../src/log';
import { CosmosStore, openCosmosStore } from '../../src/store/cosmos-store';
import { EmbeddedCosmos, embeddedKey, startEmbeddedCosmos } from '../../src/store/embedded-cosmos';
import { cosmosJobStore } from '../../src/store/job-store';
import { cosmosRepositories } from '../../src/store/repositories';
import { tenantWork } from '../../src/scheduler/tenant-work';
import { programmeInput } from './domain-fixtures';
import { LocalConnector } from './local-connector';
import { quietMail } from './quiet-cycle-mail';
import { TestClock } from './test-clock';

/**
 * A fleet run: real Peer Coach processes (scripts/fleet-bot.ts) sharing one embedded Cosmos DB
 * server, sending to one LocalConnector. Both live in this process, so every card the fleet sends is
 * counted here, whichever bot sent it and whether or not that bot lived to record it.
 *
 * The backlog is seeded through the domain services, as people would have made it: supervisors who
 * installed the app, a programme, pairs, and one observation per pair, scheduled three weeks ago on
 * a clock set then. Each observation's before- and after-prompts (one each per member) fell due
 * long ago, so they are all due when the bots start: an outage's worth of work, waiting.
 */

const botScript = path.resolve(__dirname, '../../scripts/fleet-bot.ts');
/** the same script compiled by tsc (tsconfig.fleet.json), to run on plain Node as `npm start` runs the app */
/** the k-th tenant of a fleet: each is an allowed tenant of the fleet's bots */
export function fleetTenant(k: number): string {
  return `00000000-0000-4000-8000-${k.toString(16).padStart(12, '0')}`;
}

export const compiledBotScript = path.resolve(__dirname, '../../dist/scripts/fleet-bot.js');
const zone = 'Europe/Stockholm';
const coordinatorId = '000000c0-0000-4000-8000-000000000000';
const seedParallelism = 16;
/** the jobs a bot claims per tick (src/app/build-services.ts) */
const appBatch = 32;

export interface FleetOptions {
  /** supervisors to seed (paired two by two, a trio if odd); each is due two prompts */
  readonly supervisors: number;
  /** the supervisors are spread over this many tenants: Teams' ~30 sends/s applies per tenant */
  readonly tenants: number;
  /** each bot's lease on a claimed job */
  readonly leaseMs: number;
  /**
   * Teams throttling: the first send to every `every`-th supervisor is answered 429 with this
   * Retry-After (seconds), as Teams does under load
   */
  readonly throttle?: { readonly every: number; readonly retryAfterSeconds: number };
  /** every line a bot writes (default: the last 200 per bot are kept for `logTail`) */
  readonly onLog?: (bot: string, line: string) => void;
  /** a store already running elsewhere (another process); by default one is started in this process */
  readonly storeEndpoint?: string;
  /** extra Node options for every bot process (e.g. `--cpu-prof`) */
  readonly botExecArgv?: readonly string[];
  /** extra environment for every bot process (e.g. LOG_LEVEL) */
  readonly botEnv?: Readonly<Record<string, string>>;
  /**
   * run the bots as the JavaScript tsc emits (`compiledBotScript`, built beforehand), as deployed,
   * rather than as TypeScript under tsx, whose loader adds ~20 MB and slows start-up
   */
  readonly compiled?: boolean;
}

/** what one bot's scheduler did, from the ticks it reported */
export interface BotWork {
  readonly name: string;
  ticks: number;
  /** jobs claimed, over all those ticks */
  claimed: number;
  /** ticks that claimed less than a full batch: the loop then pauses (idleMs) before the next */
  shortTicks: number;
  /** ticks that claimed nothing (while others held the work, or once it was all done) */
  emptyTicks: number;
}

export interface FleetBot {
  readonly name: string;
  readonly pid: number;
  readonly url: string;
  /** resolves once the process has ended */
  readonly exited: Promise<void>;
}

/** what the connector received, against what was due */
export interface Tally {
  /** prompts due when the fleet started */
  readonly expected: number;
  /** expected prompts that reached their recipient at least once */
  readonly delivered: number;
  /** copies beyond the first, summed over all prompts */
  readonly duplicates: number;
  /** the prompts that arrived more than once */
  readonly duplicated: readonly string[];
  /** expected prompts that never arrived */
  readonly lost: number;
  /** activities that were not an expected prompt to its own recipient */
  readonly unexpected: number;
  /** ms from the first card received to the last */
  readonly spanMs: number;
  /**
   * the busiest tenant's rate in its busiest 5 s, per second (Teams allows about 30 a second). Over
   * 5 s rather than 1 s: arrivals are stamped by this process, which also serves the store, so they
   * come in bunches of up to a few hundred milliseconds
   */
  readonly peakTenantPerSecond: number;
}

/** what the store says once the fleet is done */
export interface StoreCheck {
  /** prompt.send jobs still pending */
  readonly pendingSends: number;
  /** expected prompts whose status is not 'sent' */
  readonly notMarkedSent: number;
  /** prompts marked sent whose expiry job is missing: they would stay open for ever */
  readonly openWithoutExpiry: number;
}

export interface Supervisor {
  readonly id: string;
  readonly name: string;
  readonly conversationId: string;
  readonly tenantId: string;
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** the promptId in a prompt card's actions, or undefined for any other activity */
export function promptIdOf(activity: Record<string, unknown>): string | undefined {
  let found: string | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (typeof o.promptId === 'string') found = o.promptId;
    else Object.values(o).forEach(walk);
  };
  walk(activity.attachments);
  return found;
}

export class Fleet {
  readonly connector = new LocalConnector();
  /** prompt id → the conversation it must reach */
  readonly expected = new Map<string, string>();
  /** every bot process not yet ended */
  private readonly children = new Set<ChildProcess>();
  /** bot pid → its process */
  private readonly procs = new Map<number, ChildProcess>();
  /** the last lines of every bot started, dead or alive */
  private readonly logs: { name: string; log: string[] }[] = [];
  /** every bot started, in order, with what its scheduler did */
  readonly work: BotWork[] = [];
  /** activities of connector.sent counted so far */
  private received = 0;
  private unexpected = 0;
  /** expected prompt id → copies received */
  private readonly copies = new Map<string, number>();
  /** each activity received: its tenant, and when it was first seen */
  private readonly arrivals: { key: string; at: number }[] = [];
  private readonly tenantOf = new Map<string, string>();
  private sampler?: NodeJS.Timeout;
  private cosmos?: EmbeddedCosmos;
  private store?: CosmosStore;
  /** everyone seeded, in order */
  readonly supervisors: Supervisor[] = [];
  private readonly killOnExit = () => {
    for (const proc of this.children) proc.kill('SIGKILL');
  };

  /** how long seeding the backlog took */
  seedMs = 0;

  private constructor(private readonly options: FleetOptions) {}

  /** starts the store and the connector, and seeds the backlog */
  static async start(options: FleetOptions): Promise<Fleet> {
    const fleet = new Fleet(options);
    process.on('exit', fleet.killOnExit);
    try {
      await fleet.open();
      return fleet;
    } catch (err) {
      await fleet.close();
      throw err;
    }
  }

  /** the store's endpoint, for the bots */
  get endpoint(): string {
    return this.options.storeEndpoint ?? this.cosmos!.endpoint;
  }

  private async open(): Promise<void> {
    await this.connector.start();
    this.sampler = setInterval(() => this.sample(), 10);
    if (!this.options.storeEndpoint) this.cosmos = await startEmbeddedCosmos();
    // the clock the backlog was made on: a Monday morning three weeks ago
    const monday = DateTime.fromJSDate(systemClock.now(), { zone })
      .minus({ weeks: 3 })
      .startOf('week')
      .set({ hour: 9 });
    const seedClock = new TestClock(monday.toUTC().toISO()!);
    this.store = await openCosmosStore(
      { kind: 'azure', endpoint: this.endpoint, key: embeddedKey, database: 'peercoach' },
      seedClock,
      silentLogger,
    );
    const seeding = Date.now();
    await this.seed(seedClock, monday);
    this.seedMs = Date.now() - seeding;
  }

  private async seed(clock: Clock, monday: DateTime): Promise<void> {
    const { supervisors, tenants } = this.options;
    // pairs of neighbours (and a trio of the last three, for an odd number), each pair in one tenant
    // in turn: Teams' per-tenant rate then applies across the whole fleet
    const groupOf = (i: number) => Math.min(Math.floor(i / 2), Math.floor(supervisors / 2) - 1);
    for (let i = 0; i < supervisors; i++) {
      this.supervisors.push({
        id: `${(0x10000 + i).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`,
        name: `Supervisor ${i + 1}`,
        conversationId: `a:fleet-${i + 1}`,
        tenantId: fleetTenant(Math.max(0, groupOf(i)) % tenants),
      });
      this.tenantOf.set(this.supervisors[i]!.conversationId, this.supervisors[i]!.tenantId);
      const throttle = this.options.throttle;
      if (throttle && i % throttle.every === 0)
        this.connector.throttles.set(this.supervisors[i]!.conversationId, {
          times: 1,
          retryAfter: throttle.retryAfterSeconds,
        });
    }
    const groups: Supervisor[][] = [];
    for (let i = 0; i + 1 < this.supervisors.length; i += 2) groups.push(this.supervisors.slice(i, i + 2));
    if (this.supervisors.length % 2 === 1 && groups.length > 0) groups.at(-1)!.push(this.supervisors.at(-1)!);
    // each tenant's people, programme, pairs and observations are its own, as the bot keeps them
    const tenantIds = [...new Set(this.supervisors.map((s) => s.tenantId))];
    await Promise.all(
      tenantIds.map((tenantId) =>
        this.seedTenant(
          clock,
          monday,
          tenantId,
          groups.filter((g) => g[0]!.tenantId === tenantId),
        ),
      ),
    );
    const conversationOf = new Map(this.supervisors.map((s) => [s.id, s.conversationId]));
    const now = systemClock.now().toISOString();
    const { resources } = await this.store!.containers.cycles.items.query<{
      id: string;
      personId: string;
      sendAt: string;
    }>({
      query: "SELECT c.id, c.personId, c.sendAt FROM c WHERE c.type = 'prompt' AND c.status = 'scheduled'",
    }).fetchAll();
    for (const p of resources) if (p.sendAt <= now) this.expected.set(p.id, conversationOf.get(p.personId)!);
    const sends = await this.count(jobKinds.send);
    if (this.expected.size !== 2 * supervisors || sends !== this.expected.size)
      throw new Error(`seeded ${this.expected.size} due prompts and ${sends} send jobs for ${supervisors}`);
  }

  /** one tenant's share of the fleet: its people installed, one programme, its pairs, one observation each */
  private async seedTenant(
    clock: Clock,
    monday: DateTime,
    tenantId: string,
    groups: readonly Supervisor[][],
  ): Promise<void> {
    const repos = cosmosRepositories(this.store!, { tenantId, home: tenantId === fleetTenant(0) });
    const people = new PeopleService(repos, clock, [coordinatorId], supportedLanguages);
    const noNotices = { post: async () => ({ unreachable: [] }) };
    const programmes = new ProgrammeService(
      repos,
      clock,
      noNotices,
      { teamMembers: async () => [] },
      supportedLanguages,
    );
    const pairs = new PairService(repos, clock, noNotices);
    const work = tenantWork(cosmosJobStore(this.store!, clock), tenantId);
    const cycles = createCycleServices(repos, clock, people, work, quietMail, {
      scale: dayScale,
      retentionDays: 365,
      defaultTimeZone: zone,
    });
    const members = groups.flat();
    // each installed the app: their 1:1 chat points at the connector
    await inBatches(members, seedParallelism, async (s) => {
      await people.recognise({
        personId: s.id,
        displayName: s.name,
        locale: 'en-GB',
        timeZone: zone,
        personalReach: {
          conversationId: s.conversationId,
          serviceUrl: this.connector.url,
          tenantId: s.tenantId,
          botId: '28:peer-coach-bot',
        },
      });
    });
    const created = await programmes.create(
      coordinatorId,
      programmeInput({
        name: 'Fleet run',
        startDate: monday.toISODate()!,
        endDate: monday.plus({ weeks: 8 }).toISODate()!,
      }),
    );
    if (created.status !== 'saved') throw new Error(`could not create the programme: ${created.status}`);
    const programme = created.programme;
    await programmes.enrol(
      programme,
      coordinatorId,
      members.map((s) => ({ personId: s.id, displayName: s.name })),
    );
    // Wednesday 10:00: before-prompts on Tuesday at 16:00, after-prompts on Wednesday at 12:00
    const date = monday.plus({ days: 2 }).toISODate()!;
    await inBatches([...groups], seedParallelism, async (group) => {
      const enrolled = await Promise.all(
        group.map(
          async (s) => (await repos.programmes.enrolments.read(enrolmentId(s.id), programme.id))!.doc,
        ),
      );
      const formed = await pairs.form(programme, enrolled as Enrolment[], 'coordinator');
      if (formed.status !== 'formed') throw new Error(`could not pair ${group.map((s) => s.id).join(', ')}`);
      const host = (await people.get(group[0]!.id))!;
      const outcome = await cycles.scheduling.schedule(host, formed.pair.id, programme.id, {
        date,
        startTime: '10:00',
        durationMinutes: '60',
        hostId: host.id,
        setting: 'wardRound',
        learnerLevel: 'studentLate',
      });
      if (outcome.status !== 'scheduled') throw new Error(`could not schedule: ${JSON.stringify(outcome)}`);
    });
  }

  /** starts one bot process and resolves once it listens; `env` adds to (or overrides) the fleet's */
  async spawn(name: string, env: Readonly<Record<string, string>> = {}): Promise<FleetBot> {
    const compiled = this.options.compiled === true;
    const proc = fork(compiled ? compiledBotScript : botScript, [], {
      execArgv: [
        ...(this.options.botExecArgv ?? []),
        ...(compiled ? [] : ['--require', require.resolve('tsx/cjs')]),
      ],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: {
        PATH: process.env.PATH,
        BOT_ANONYMOUS: '1',
        // the fleet's tenants, the first of which holds anything stored without one
        ALLOWED_TENANT_IDS: Array.from({ length: this.options.tenants }, (_, k) => fleetTenant(k)).join(','),
        COSMOS_ENDPOINT: this.endpoint,
        COSMOS_KEY: embeddedKey,
        DEFAULT_TIME_ZONE: zone,
        LOG_LEVEL: 'warn',
        FLEET_LEASE_MS: String(this.options.leaseMs),
        ...this.options.botEnv,
        ...env,
      },
    });
    // known from the first moment, so close() kills it even if it never gets ready
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    this.children.add(proc);
    void exited.then(() => this.children.delete(proc));
    const log: string[] = [];
    this.logs.push({ name, log });
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        this.options.onLog?.(name, line);
        log.push(line);
        if (log.length > 200) log.shift();
      }
    };
    proc.stdout!.on('data', onLine);
    proc.stderr!.on('data', onLine);
    const work: BotWork = { name, ticks: 0, claimed: 0, shortTicks: 0, emptyTicks: 0 };
    this.work.push(work);
    const ready = new Promise<{ url: string; pid: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not start in 60 s`)), 60_000);
      proc.on('message', (m: { ready?: boolean; url: string; pid: number; tick?: { claimed: number } }) => {
        if (m.ready) {
          clearTimeout(timer);
          resolve(m);
        }
        if (!m.tick) return;
        work.ticks++;
        work.claimed += m.tick.claimed;
        if (m.tick.claimed < appBatch) work.shortTicks++;
        if (m.tick.claimed === 0) work.emptyTicks++;
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`${name} exited before it was ready:\n${log.join('\n')}`));
      });
    });
    try {
      const { url, pid } = await ready;
      this.procs.set(pid, proc);
      return { name, pid, url, exited };
    } catch (err) {
      proc.kill('SIGKILL');
      throw err;
    }
  }

  /** SIGKILL: no graceful close, no finishing of anything in flight */
  async kill(bot: FleetBot): Promise<void> {
    this.procs.get(bot.pid)?.kill('SIGKILL');
    await bot.exited;
  }

  /** SIGTERM: the bot finishes its turns and exits cleanly (and writes a `--cpu-prof` profile) */
  async stop(bot: FleetBot): Promise<void> {
    this.procs.get(bot.pid)?.kill('SIGTERM');
    await bot.exited;
  }

  /** the last lines each bot wrote, for a failure message */
  logTail(): string {
    return this.logs.map((l) => `--- ${l.name}\n${l.log.join('\n')}`).join('\n');
  }

  /** prompts whose send job a (dead) bot still holds a lease on: the sends that were in flight */
  async leasedBy(bot: FleetBot): Promise<string[]> {
    const { resources } = await this.store!.containers.schedule.items.query<{
      lease: { owner: string };
      payload: { promptId?: string };
    }>({
      query:
        'SELECT c.lease, c.payload FROM c WHERE c.type = @type AND c.kind = @kind AND IS_DEFINED(c.lease)',
      parameters: [
        { name: '@type', value: 'job' },
        { name: '@kind', value: jobKinds.send },
      ],
    }).fetchAll();
    // the owner is `<host>:<pid>:<random>` (src/app/build-services.ts)
    return resources
      .filter((j) => j.lease.owner.split(':').at(-2) === String(bot.pid))
      .map((j) => j.payload.promptId ?? '');
  }

  /** what the connector has received so far */
  tally(): Tally {
    this.sample();
    const duplicated = [...this.copies].filter(([, n]) => n > 1).map(([id]) => id);
    return {
      expected: this.expected.size,
      delivered: this.copies.size,
      duplicates: this.received - this.unexpected - this.copies.size,
      duplicated,
      lost: this.expected.size - this.copies.size,
      unexpected: this.unexpected,
      spanMs: this.arrivals.length > 0 ? this.arrivals.at(-1)!.at - this.arrivals[0]!.at : 0,
      peakTenantPerSecond: peakRate(this.arrivals, 5000),
    };
  }

  /** expected prompts that have arrived so far (cheap: for polling) */
  delivered(): number {
    this.sample();
    return this.copies.size;
  }

  /** waits until every due prompt has reached its recipient and no send job is left in the store */
  async drained(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.delivered() === this.expected.size && (await this.count(jobKinds.send)) === 0) return;
      if (Date.now() > deadline) {
        const t = this.tally();
        throw new Error(`not drained after ${timeoutMs} ms: ${JSON.stringify(t)}\n${this.logTail()}`);
      }
      await sleep(250);
    }
  }

  /** waits until this many expected prompts have arrived, checking every few milliseconds */
  async untilDelivered(count: number, timeoutMs: number): Promise<Tally> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.delivered() >= count) return this.tally();
      if (Date.now() > deadline)
        throw new Error(`timed out: ${JSON.stringify(this.tally())}\n${this.logTail()}`);
      await sleep(5);
    }
  }

  async checkStore(): Promise<StoreCheck> {
    const { resources: prompts } = await this.store!.containers.cycles.items.query<{
      id: string;
      status: string;
    }>("SELECT c.id, c.status FROM c WHERE c.type = 'prompt'").fetchAll();
    const { resources: expiries } = await this.store!.containers.schedule.items.query<{ id: string }>({
      query: 'SELECT c.id FROM c WHERE c.type = @type AND c.kind = @kind',
      parameters: [
        { name: '@type', value: 'job' },
        { name: '@kind', value: jobKinds.expire },
      ],
    }).fetchAll();
    const expiring = new Set(expiries.map((j) => j.id));
    const sent = prompts.filter((p) => this.expected.has(p.id) && p.status === 'sent');
    return {
      pendingSends: await this.count(jobKinds.send),
      notMarkedSent: this.expected.size - sent.length,
      openWithoutExpiry: sent.filter((p) => !expiring.has(`expire:${p.id}`)).length,
    };
  }

  /** kills every bot still running, then stops the connector and the store */
  async close(): Promise<void> {
    const running = [...this.children];
    for (const proc of running) proc.kill('SIGKILL');
    await Promise.all(
      running.map((proc) =>
        proc.exitCode !== null || proc.signalCode !== null
          ? undefined
          : new Promise((resolve) => proc.once('exit', resolve)),
      ),
    );
    process.off('exit', this.killOnExit);
    if (this.sampler) clearInterval(this.sampler);
    await this.store?.close();
    await this.cosmos?.close();
    await this.connector.stop();
  }

  private async count(kind: string): Promise<number> {
    const { resources } = await this.store!.containers.schedule.items.query<number>({
      query: 'SELECT VALUE COUNT(1) FROM c WHERE c.type = @type AND c.kind = @kind',
      parameters: [
        { name: '@type', value: 'job' },
        { name: '@kind', value: kind },
      ],
    }).fetchAll();
    return resources[0] ?? 0;
  }

  /** counts newly captured activities, each stamped with the time it was first seen */
  private sample(): void {
    const now = Date.now();
    const sent = this.connector.sent;
    for (; this.received < sent.length; this.received++) {
      const { activity, conversationId } = sent[this.received]!;
      this.arrivals.push({ key: this.tenantOf.get(conversationId) ?? '', at: now });
      const id = promptIdOf(activity);
      if (!id || this.expected.get(id) !== conversationId) this.unexpected++;
      else this.copies.set(id, (this.copies.get(id) ?? 0) + 1);
    }
  }
}

/** the most events with one key in any window of `windowMs`, per second */
function peakRate(events: readonly { key: string; at: number }[], windowMs: number): number {
  const byKey = new Map<string, number[]>();
  for (const e of events) {
    const times = byKey.get(e.key) ?? [];
    times.push(e.at);
    byKey.set(e.key, times);
  }
  let peak = 0;
  for (const times of byKey.values()) {
    times.sort((a, b) => a - b);
    for (let lo = 0, hi = 0; hi < times.length; hi++) {
      while (times[hi]! - times[lo]! >= windowMs) lo++;
      peak = Math.max(peak, hi - lo + 1);
    }
  }
  return (peak * 1000) / windowMs;
}

/** the figures of one run */
export interface RunFigures {
  readonly run: string;
  /** bot processes that took part, restarts included */
  readonly processes: number;
  readonly tally: Tally;
  readonly store: StoreCheck;
  /** from starting the first bot until every due prompt was delivered and recorded */
  readonly durationMs: number;
  /** cards received per second, from the first to the last */
  readonly ratePerSecond: number;
  /** what each bot's scheduler did */
  readonly bots: readonly BotWork[];
  /** seeding the backlog, before any bot started */
  readonly seedMs: number;
  /** crash run: prompts delivered when the bot was killed */
  readonly deliveredAtKill?: number;
  /** crash run: prompts whose send job the killed bot held: the only ones allowed to arrive twice */
  readonly inFlightAtKill?: readonly string[];
}

export interface CrashRunOptions extends FleetOptions {
  /** kill the bot once this share of the backlog has arrived (0–1) */
  readonly killAt: number;
  readonly timeoutMs: number;
}

function figures(run: string, fleet: Fleet, tally: Tally, store: StoreCheck, durationMs: number): RunFigures {
  const received = tally.delivered + tally.duplicates + tally.unexpected;
  return {
    run,
    processes: fleet.work.length,
    bots: fleet.work,
    seedMs: fleet.seedMs,
    tally,
    store,
    durationMs,
    ratePerSecond: tally.spanMs > 0 ? (received * 1000) / tally.spanMs : 0,
  };
}

/**
 * One bot drains the backlog and is killed (SIGKILL) part-way through; a new one takes over. Every
 * due prompt must arrive; a prompt may arrive twice only if its send was in flight at the kill.
 */
export async function crashRun(options: CrashRunOptions): Promise<RunFigures> {
  const fleet = await Fleet.start(options);
  try {
    const started = Date.now();
    const first = await fleet.spawn('bot-1');
    const target = Math.max(1, Math.floor(fleet.expected.size * options.killAt));
    const atKill = await fleet.untilDelivered(target, options.timeoutMs);
    await fleet.kill(first);
    const inFlight = await fleet.leasedBy(first);
    await fleet.spawn('bot-2');
    await fleet.drained(options.timeoutMs);
    const durationMs = Date.now() - started;
    const result = figures('crash', fleet, fleet.tally(), await fleet.checkStore(), durationMs);
    return { ...result, deliveredAtKill: atKill.delivered, inFlightAtKill: inFlight };
  } finally {
    await fleet.close();
  }
}

export interface ScaleOutRunOptions extends FleetOptions {
  readonly instances: number;
  readonly timeoutMs: number;
}

/** several bots on one store drain one backlog together: each prompt must arrive exactly once */
export async function scaleOutRun(options: ScaleOutRunOptions): Promise<RunFigures> {
  const fleet = await Fleet.start(options);
  try {
    const started = Date.now();
    await Promise.all(Array.from({ length: options.instances }, (_, i) => fleet.spawn(`bot-${i + 1}`)));
    await fleet.drained(options.timeoutMs);
    const durationMs = Date.now() - started;
    return figures(
      `scale-out ×${options.instances}`,
      fleet,
      fleet.tally(),
      await fleet.checkStore(),
      durationMs,
    );
  } finally {
    await fleet.close();
  }
}
