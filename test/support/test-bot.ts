import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ItemDefinition } from '@azure/cosmos';
import { AppOptions, RunningApp, startApp } from '../../src/app';
import { parseConfig } from '../../src/config/config';
import { Logger, silentLogger } from '../../src/log';
import { ContainerName } from '../../src/store/containers';
import { LocalConnector } from './local-connector';
import { execute, TestUser } from './activities';
import { programmeInput } from './domain-fixtures';
import { TestClock } from './test-clock';

export interface TestBot {
  readonly app: RunningApp;
  readonly connector: LocalConnector;
  readonly clock: TestClock;
  /** runs the scheduler until nothing more is due at the test clock's time; returns how many jobs ran */
  runDueWork(): Promise<number>;
  /** POSTs an activity to /api/messages over real HTTP */
  post(activity: object, token?: string): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/**
 * The whole bot, as `npm start` composes it, on a random port with an embedded store in a fresh
 * folder, and a local Bot Connector for its replies.
 */
export async function startTestBot(
  env: Record<string, string> = {},
  connectorToShare?: LocalConnector,
  clockToShare?: TestClock,
  log: Logger = silentLogger,
  options: Pick<AppOptions, 'personLimit' | 'connectorTimeoutMs' | 'invokeDeadlineMs' | 'telemetry'> & {
    /** the store's folder, kept on close: a bot started on it later finds what this one left (a restart) */
    dataDir?: string;
  } = {},
): Promise<TestBot> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'peer-coach-e2e-'));
  const connector = connectorToShare ?? new LocalConnector();
  if (!connectorToShare) await connector.start();
  const clock = clockToShare ?? new TestClock();
  const config = { ...parseConfig({ BOT_ANONYMOUS: '1', DATA_DIR: dataDir, ...env }), port: 0 };
  let seed = 1;
  const app = await startApp(config, log, {
    clock,
    host: '127.0.0.1',
    dispatchLoop: false,
    // the test clock stands still while a test sends dozens of requests; the limit has its own test
    personLimit: options.personLimit ?? false,
    // waiting for a rate limit (after a 429, say) passes test time, not real time
    sleep: async (ms) => clock.advance(ms),
    connectorTimeoutMs: options.connectorTimeoutMs,
    invokeDeadlineMs: options.invokeDeadlineMs,
    telemetry: options.telemetry,
    // the local connector stands in for OneDrive in the file-consent flow
    uploadHosts: [new URL(connector.url).host],
    // a repeatable sequence, so automatic pairing is the same on every run
    random: () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646,
    retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2, sleep: () => Promise.resolve(), random: () => 0.5 },
  });
  return {
    app,
    connector,
    clock,
    runDueWork: () => runDueWork(app),
    async post(activity, token) {
      const res = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body };
    },
    async close() {
      await app.close();
      if (!connectorToShare) await connector.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** runs the app's scheduler until nothing more is due at its clock's time; returns how many jobs ran */
export async function runDueWork(app: RunningApp): Promise<number> {
  let total = 0;
  for (let i = 0; i < 50; i++) {
    const { claimed } = await app.dispatch.tick();
    if (claimed === 0) return total;
    total += claimed;
  }
  throw new Error('due work did not settle');
}

/** every document in one of the bot's containers (only those of `type`, if given), read through the SDK */
export async function storedIn(
  bot: TestBot,
  container: ContainerName,
  type?: string,
): Promise<ItemDefinition[]> {
  const { resources } = await bot.app.store.containers[container].items.readAll().fetchAll();
  return type === undefined ? resources : resources.filter((doc) => doc.type === type);
}

/** the Adaptive Card in an activity the bot sent, or undefined */
export function cardOf(activity: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const attachments = activity?.attachments as
    { contentType: string; content: Record<string, unknown> }[] | undefined;
  return attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

/**
 * Parts of a card nobody sees as such: `refresh` (Teams runs it by itself) and an action's
 * `fallback` (the same button again, for clients without Universal Actions).
 */
const unseen = new Set(['refresh', 'fallback']);

/** all visible text of a card, joined, for assertions that read like what a person sees */
export function textOf(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'value', 'label'])
      if (typeof o[key] === 'string') out.push(o[key] as string);
    for (const [key, value] of Object.entries(o)) if (!unseen.has(key)) walk(value);
  };
  walk(card);
  return out.join('\n');
}

/** a card's title: the first line of its visible text */
export function titleOf(card: unknown): string {
  return textOf(card).split('\n')[0] ?? '';
}

/** the verbs of every button (Action.Execute) a person sees in a card */
export function verbsOf(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute' && typeof o.verb === 'string') out.push(o.verb);
    for (const [key, value] of Object.entries(o)) if (!unseen.has(key)) walk(value);
  };
  walk(card);
  return out;
}

/** the card an Action.Execute invoke answered with */
export function invokeCard(body: unknown): Record<string, unknown> {
  const r = body as { statusCode: number; type: string; value: Record<string, unknown> };
  if (r?.type !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error(`expected a card in the invoke response, got ${JSON.stringify(body).slice(0, 300)}`);
  }
  return r.value;
}

/** a coordinator saves a valid programme card; returns the new programme's id and its card */
export async function createProgramme(
  bot: TestBot,
  coordinator: TestUser,
  name: string,
  overrides: Record<string, string> = {},
): Promise<{ programmeId: string; card: Record<string, unknown> }> {
  const card = invokeCard(
    (
      await bot.post(
        execute(coordinator, bot.connector.url, 'programme.save', programmeInput({ name, ...overrides })),
      )
    ).body,
  );
  const programmeId = (card.actions as { data: { programmeId: string } }[])[0]!.data.programmeId;
  return { programmeId, card };
}
