import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { RunningApp, startApp } from '../../src/app';
import { Config, parseConfig } from '../../src/config/config';
import { Logger, silentLogger } from '../../src/log';
import {
  currentUserAadObjectId,
  PlaygroundClient,
  PlaygroundConfig,
  ReceivedMessage,
  visibleText,
} from './playground-client';
import { speaksFor } from './each-test';
import { runDueWork } from './test-bot';
import { TestClock } from './test-clock';

/**
 * The whole bot, in this process, against two real Microsoft 365 Agents Playgrounds (the same
 * configs as `npm run dev`): Avery Lind, a coordinator, and Blake Berg, her colleague, each in their
 * own time zone. What the Playground tests share: starting and stopping all of it, and the small
 * helpers for assertions on what each person's Playground shows.
 */

const ROOT = path.resolve(__dirname, '../..');
export const COORDINATOR_CONFIG = path.join(ROOT, 'env/playground.coordinator.yml');
export const COLLEAGUE_CONFIG = path.join(ROOT, 'env/playground.colleague.yml');
export const AVERY_ZONE = 'Europe/Stockholm';
export const BLAKE_ZONE = 'America/Toronto';
export const MINUTE = 60_000;

const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

export interface PlaygroundSessionOptions {
  /** names the temporary data directory: peer-coach-playground-<name>-… */
  readonly name?: string;
  /** more environment for the bot's config, on top of local mode (anonymous, Avery a coordinator) */
  readonly env?: Record<string, string>;
  /** the time zone each Playground reports (AVERY_ZONE and BLAKE_ZONE unless given) */
  readonly zones?: { readonly avery?: string; readonly blake?: string };
  /**
   * the time zones of the team's four other members (Chris Dahl, Dana Ek, Eli Fors, Fran Gale), each
   * then played by a Playground of their own; none unless given
   */
  readonly teammateZones?: readonly string[];
  /**
   * the bot's clock: with one, the dispatch loop does not run by itself and the test runs the due
   * work (runDueWork); without, the bot runs on the system clock and its own loop
   */
  readonly clock?: TestClock;
  /** the bot's logger (silent unless given) */
  readonly logger?: Logger;
  /** called once the bot has started, before the Playgrounds start */
  readonly appStarted?: (app: RunningApp, config: Config) => void;
}

export interface PlaygroundSession {
  readonly dir: string;
  readonly config: Config;
  readonly app: RunningApp;
  readonly clock: TestClock | undefined;
  readonly avery: PlaygroundClient;
  readonly blake: PlaygroundClient;
  /** the other members of the team, when `teammateZones` asked for them */
  readonly teammates: readonly PlaygroundClient[];
  /** the scheduler, as the dispatch loop runs it, until nothing more is due at the test clock's time */
  runDueWork(): Promise<number>;
  /** everyone played installs the personal chat and is welcomed: the welcome messages, Avery's first */
  openChats(): Promise<ReceivedMessage[]>;
  /** stops everything; keeps the Playground logs and the bot's store when `keep` */
  stop(keep?: boolean): Promise<void>;
}

/**
 * Starts the bot in-process and both Playgrounds. If anything fails to start, what did start is
 * stopped, its logs and store kept, before the failure is reported.
 */
export async function startPlaygroundSession(
  options: PlaygroundSessionOptions = {},
): Promise<PlaygroundSession> {
  const { clock, zones = {} } = options;
  const dir = mkdtempSync(
    path.join(tmpdir(), `peer-coach-playground-${options.name ? `${options.name}-` : ''}`),
  );
  let app: RunningApp | undefined;
  let avery: PlaygroundClient | undefined;
  let blake: PlaygroundClient | undefined;
  const teammates: PlaygroundClient[] = [];
  const stop = async (keep = false) => {
    await Promise.all([avery?.stop(), blake?.stop(), ...teammates.map((t) => t.stop())]);
    await app?.close();
    if (keep) console.log(`    Playground logs and the bot's store are kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };

  try {
    const config = parseConfig({
      BOT_ANONYMOUS: '1',
      DATA_DIR: dir,
      COORDINATOR_AAD_IDS: currentUserAadObjectId(COORDINATOR_CONFIG),
      ...options.env,
    });
    app = await startApp(
      { ...config, port: 0 },
      options.logger ?? silentLogger,
      // a test clock stands still, so the per-person limit would never let anyone in again
      clock ? { clock, host: '127.0.0.1', dispatchLoop: false, personLimit: false } : { host: '127.0.0.1' },
    );
    options.appStarted?.(app, config);
    const botEndpoint = `${app.url}/api/messages`;
    const playground = (name: string, configFile: string, timeZone: string) =>
      PlaygroundClient.start({
        name,
        configFile,
        botEndpoint,
        logFile: path.join(dir, `${name.toLowerCase()}-playground.log`),
        timeZone,
      });
    const [a, b] = await Promise.allSettled([
      playground('Avery', COORDINATOR_CONFIG, zones.avery ?? AVERY_ZONE),
      playground('Blake', COLLEAGUE_CONFIG, zones.blake ?? BLAKE_ZONE),
    ]);
    // keep whichever started, so that it is stopped, before reporting one that did not
    if (a.status === 'fulfilled') avery = a.value;
    if (b.status === 'fulfilled') blake = b.value;
    for (const s of [a, b]) if (s.status === 'rejected') throw s.reason;
    const others = teammateConfigs(avery!.config, blake!.me.id, dir);
    if ((options.teammateZones ?? []).length > others.length)
      throw new Error(`the team has ${others.length} other members`);
    const started = await Promise.allSettled(
      (options.teammateZones ?? []).map((zone, i) =>
        playground(others[i]!.name.split(' ')[0]!, others[i]!.file, zone),
      ),
    );
    for (const s of started) if (s.status === 'fulfilled') teammates.push(s.value);
    for (const s of started) if (s.status === 'rejected') throw s.reason;

    const running = app;
    const everyone = [avery!, blake!, ...teammates];
    return {
      dir,
      config,
      app: running,
      clock,
      avery: avery!,
      blake: blake!,
      teammates,
      runDueWork: () => runDueWork(running),
      async openChats() {
        await Promise.all(everyone.map((p) => p.installPersonalChat()));
        return Promise.all(everyone.map((p) => p.waitForMessage(/Welcome to Peer Coach/)));
      },
      stop,
    };
  } catch (error) {
    await stop(true);
    throw error;
  }
}

/**
 * A config for each member of Avery's team other than her and Blake: the same tenant, bot, people,
 * group chat and team, with that member as `currentUser` (Avery among the `users` instead) and a
 * personal chat of their own. Written as JSON, which the Playground reads as well as YAML.
 */
function teammateConfigs(
  coordinator: PlaygroundConfig,
  blakeId: string,
  dir: string,
): { name: string; file: string }[] {
  const people = [coordinator.currentUser, ...coordinator.users];
  return coordinator.users
    .filter((u) => u.id !== blakeId)
    .map((member) => {
      const file = path.join(dir, `${member.id.replace(/\W+/g, '-')}.playground.json`);
      const [group] = coordinator.groupChats;
      const [team] = coordinator.teams;
      // the file's shape (schema 0.1.1) again: one group chat, one team without its General channel
      const config = {
        version: '0.1.1',
        tenantId: coordinator.tenantId,
        bot: coordinator.bot,
        currentUser: member,
        users: people.filter((p) => p.id !== member.id),
        personalChat: { id: `a:personal-${member.id.replace(/^29:/, '')}` },
        groupChat: { id: group!.id, name: group!.name },
        team: {
          id: team!.id,
          name: team!.name,
          aadGroupId: team!.aadGroupId,
          channels: team!.channels.filter((c) => c.id !== team!.id).map(({ id, name }) => ({ id, name })),
        },
      };
      writeFileSync(file, JSON.stringify(config, null, 2));
      return { name: member.name, file };
    });
}

/**
 * For a `describe` whose steps build on each other: starts the session before them and stops it
 * after, keeping the logs if anything failed; after a failure, the rest are skipped rather than
 * failing too. The session is there once the `before` hooks run (call this first in the describe).
 */
export function playgroundSessionHooks(options: PlaygroundSessionOptions = {}): PlaygroundSession {
  let session: PlaygroundSession | undefined;
  let broken = false;

  before(async function () {
    this.timeout(START_TIMEOUT_MS);
    session = await startPlaygroundSession(options);
  });

  after(async function () {
    this.timeout(STOP_TIMEOUT_MS);
    await session?.stop(broken);
  });

  beforeEach(function () {
    if (broken) this.skip();
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') broken = true;
  });

  const started = (): PlaygroundSession => {
    if (!session) throw new Error('the Playground session has not started');
    return session;
  };
  return speaksFor(started);
}

/**
 * That the bot answered every activity each Playground sent it with success (2xx), and that each
 * sent every kind of activity in `kinds`.
 */
export async function assertAllAnsweredWithSuccess(
  playgrounds: readonly PlaygroundClient[],
  kinds: readonly string[],
): Promise<void> {
  await Promise.all(playgrounds.map((p) => p.allAnswered()));
  for (const p of playgrounds) {
    const sent = new Set(p.turns.map((t) => t.activity));
    for (const kind of kinds) assert.ok(sent.has(kind), `${p.me.name}'s Playground sent ${kind}`);
    assert.deepEqual(
      p.turns.filter((t) => t.statusCode < 200 || t.statusCode > 299),
      [],
      `every answer to ${p.me.name}'s Playground was 2xx`,
    );
  }
}

/** the first line a person sees of each message from `from` on, for assertions on what a chat shows */
export const headlines = (p: PlaygroundClient, from = 0) =>
  p.messages.slice(from).map((m) => visibleText(m).split('\n')[0]);

/** `s` as a literal in a RegExp */
export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** what someone in `zone` types into the schedule card's Date and Start for `instant` */
export function typedAt(instant: Date, zone: string): { date: string; startTime: string } {
  const local = DateTime.fromJSDate(instant, { zone });
  return { date: local.toISODate() ?? '', startTime: local.toFormat('HH:mm') };
}

/**
 * the clock time a card shows for `instant` in `zone` (en-US, as every Playground is: "3:05 PM"), also
 * as the start of a range that shares its day period with the end ("3:05 – 4:05 PM")
 */
export function shownTime(instant: Date, zone: string): RegExp {
  const [time, half] = DateTime.fromJSDate(instant, { zone })
    .setLocale('en-US')
    .toFormat('h:mm a')
    .split(' ');
  return new RegExp(`\\b${time}(\\s${half}|\\s–\\s\\d{1,2}:\\d{2}\\s${half})`);
}

/** the medium date and time a card shows for `instant` in `zone` (en-US, as every Playground is) */
export const shownAt = (instant: Date, zone: string) =>
  DateTime.fromJSDate(instant, { zone })
    .setLocale('en-US')
    .toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY);
