import { type ChildProcess, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import WebSocket from 'ws';
import { textOf } from './test-bot';

/**
 * Drives one real Microsoft 365 Agents Playground process through its own HTTP + WebSocket API,
 * the calls its web UI makes (docs/playground-notes.md), with no browser: it installs the personal
 * chat, types, clicks Action.Execute and Action.Submit buttons on the cards it received, and keeps
 * what the bot sent as the Playground shows it.
 */

const PROJECT_ROOT = path.resolve(__dirname, '../..');
const PLAYGROUND_BIN = path.join(PROJECT_ROOT, 'node_modules/.bin/agentsplayground');
/** `npm run dev` uses these; never take them, so a running dev session does not clash */
const RESERVED_PORTS = new Set([56150, 56151]);
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;
const DEFAULT_WAIT_MS = 15_000;

export interface PlaygroundOptions {
  /** for error messages, e.g. "Avery" */
  readonly name: string;
  /** a Playground config file (env/playground.*.yml) */
  readonly configFile: string;
  /** the bot's messaging endpoint */
  readonly botEndpoint: string;
  /** where the Playground writes its log (it writes nothing useful to stdout) */
  readonly logFile: string;
  /** the process's TZ, which the Playground reports as the person's time zone */
  readonly timeZone?: string;
}

export interface PlaygroundUser {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
}

/**
 * A Playground's config as it serves it parsed (GET /_internal/v1/config): the file's people as they
 * are, its group chat and team as one-element lists, the team's General channel listed first.
 */
export interface PlaygroundConfig {
  readonly tenantId: string;
  readonly bot: Record<string, unknown>;
  readonly currentUser: PlaygroundUser & Record<string, unknown>;
  readonly users: readonly (PlaygroundUser & Record<string, unknown>)[];
  readonly personalChat: { readonly id: string };
  readonly groupChats: readonly { readonly id: string; readonly name: string }[];
  readonly teams: readonly {
    readonly id: string;
    readonly name: string;
    readonly aadGroupId: string;
    readonly channels: readonly { readonly id: string; readonly name: string }[];
  }[];
}

/** a message the bot sent to the personal chat, as the Playground shows it now */
export interface ReceivedMessage {
  readonly id: string;
  text: string;
  card?: Record<string, unknown>;
  /** how often the bot replaced it with updateActivity (WebSocket updateMessage frames) */
  updates: number;
}

/** what the bot answered to one activity the Playground sent it, from the Playground's log stream */
export interface BotTurn {
  readonly activity: string;
  readonly conversationId: string;
  readonly statusCode: number;
}

/** the HTTP body of the bot's answer to an Action.Execute, as the Playground hands it to its UI */
export interface InvokeAnswer {
  readonly type: string;
  readonly value: unknown;
}

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

interface CardAction {
  readonly type: string;
  readonly title?: string;
  readonly verb?: string;
  readonly data?: Record<string, unknown>;
}

interface CardInput {
  readonly type: string;
  readonly id: string;
  readonly value?: unknown;
  readonly valueOff?: string;
  readonly choices?: readonly { readonly title: string; readonly value: string }[];
  readonly isMultiSelect?: boolean;
}

/** every object in a card (body, columns, containers, actions), depth first */
export function nodesOf(card: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    out.push(node as Record<string, unknown>);
    Object.values(node).forEach(walk);
  };
  walk(card);
  return out;
}

/**
 * The one Action.Execute with this verb; a missing or ambiguous button is a test error. A row's
 * selectAction and its button that do the same (same data) count as one.
 */
export function actionOf(card: unknown, verb: string): CardAction {
  const found = nodesOf(card).filter((n) => n.type === 'Action.Execute' && n.verb === verb);
  const distinct = new Set(found.map((n) => JSON.stringify(n.data ?? {})));
  if (distinct.size !== 1) {
    throw new Error(`expected one button with verb ${verb} on the card, found ${distinct.size}`);
  }
  return found[0] as unknown as CardAction;
}

/** the card's inputs by id */
export function inputsOf(card: unknown): Map<string, CardInput> {
  const inputs = nodesOf(card).filter(
    (n) => typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string',
  ) as unknown as CardInput[];
  return new Map(inputs.map((i) => [i.id, i]));
}

/** the choices an Input.ChoiceSet offers, as a person sees them */
export function choicesOf(card: unknown, inputId: string): { title: string; value: string }[] {
  const input = inputsOf(card).get(inputId);
  if (!input?.choices) throw new Error(`the card has no choice input ${inputId}`);
  return input.choices.map((c) => ({ title: c.title, value: c.value }));
}

/**
 * What a client sends for a button: the action's data, then every input of the card with what is in
 * it (its initial value unless `typed` changes it). Only inputs the card has may be typed, and a
 * choice input only takes values it offers, as in the UI.
 */
function valuesFor(
  card: unknown,
  action: CardAction,
  typed: Record<string, string>,
): Record<string, unknown> {
  const inputs = inputsOf(card);
  const values: Record<string, unknown> = { ...action.data };
  for (const [id, input] of inputs) {
    const initial = input.type === 'Input.Toggle' ? (input.value ?? input.valueOff ?? 'false') : input.value;
    values[id] = initial === undefined || initial === null ? '' : String(initial);
  }
  for (const [id, value] of Object.entries(typed)) {
    const input = inputs.get(id);
    if (!input) throw new Error(`the card has no input "${id}" (it has: ${[...inputs.keys()].join(', ')})`);
    if (input.choices) {
      const offered = new Set(input.choices.map((c) => c.value));
      const picked = input.isMultiSelect ? value.split(',') : [value];
      const missing = picked.filter((v) => !offered.has(v));
      if (missing.length > 0) throw new Error(`input "${id}" does not offer ${missing.join(', ')}`);
    }
    values[id] = value;
  }
  return values;
}

/** what a person sees in a message: its text and all text of its card */
export function visibleText(message: ReceivedMessage | undefined): string {
  if (!message) return '';
  return [message.text, textOf(message.card)].filter(Boolean).join('\n');
}

const handedOut = new Set<number>();

/** ports free right now, none of them one `npm run dev` uses nor one handed out before */
export async function freePorts(count: number): Promise<number[]> {
  const servers: net.Server[] = [];
  const ports: number[] = [];
  try {
    while (ports.length < count) {
      const server = net.createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, () => resolve());
      });
      const port = (server.address() as net.AddressInfo).port;
      if (!RESERVED_PORTS.has(port) && !handedOut.has(port)) {
        handedOut.add(port);
        ports.push(port);
      }
    }
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  }
  return ports;
}

/** currentUser.aadObjectId of a Playground config: the bot must know its coordinator before it starts */
export function currentUserAadObjectId(file: string): string {
  const currentUser = /^currentUser:\n((?:[ \t]+.*\n)+)/m.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  const id = /^\s+aadObjectId:\s*['"]?([\w-]+)/m.exec(currentUser)?.[1];
  if (!id) throw new Error(`no currentUser.aadObjectId in ${file}`);
  return id;
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export class PlaygroundClient {
  /** every message the bot sent to this person's personal chat, in order */
  readonly messages: ReceivedMessage[] = [];
  /** the bot's answer to every activity this Playground sent it */
  readonly turns: BotTurn[] = [];
  private readonly changed = new EventEmitter();
  /** how many activities this client had the Playground send to the bot */
  private sent = 0;
  private readonly sockets: WebSocket[] = [];
  private parsedConfig?: PlaygroundConfig;
  private chatId = '';
  private readonly exited: Promise<number | string>;
  private hasExited = false;
  private stderr = '';
  /** frames that could not be read; any of them fails the next waitFor */
  private readonly problems: string[] = [];

  private constructor(
    readonly options: PlaygroundOptions,
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    this.changed.setMaxListeners(0);
    this.exited = new Promise((resolve) => {
      child.once('error', () => resolve('spawn error'));
      child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    });
    void this.exited.then(() => {
      this.hasExited = true;
      this.changed.emit('change');
    });
    child.stderr?.on(
      'data',
      (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)),
    );
  }

  /**
   * Starts a Playground on a free port and waits until it answers there. The Playground moves to a
   * random port when the one asked for is taken; then this one is stopped and another port tried.
   */
  static async start(options: PlaygroundOptions): Promise<PlaygroundClient> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const [port] = await freePorts(1);
      const client = PlaygroundClient.spawn(options, port!);
      try {
        await client.whenListening();
        await client.connect();
        return client;
      } catch (err) {
        lastError = err;
        await client.stop();
        if (!(err instanceof PortMoved)) break;
      }
    }
    throw lastError;
  }

  private static spawn(options: PlaygroundOptions, port: number): PlaygroundClient {
    const args = ['-e', options.botEndpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'];
    // the bin is the package's cli.js; run with this Node so that the pid is the Playground itself
    const child = spawn(process.execPath, [PLAYGROUND_BIN, ...args], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configFile,
        M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
        TEAMSAPPTESTER_BROWSER: 'none',
        ...(options.timeZone ? { TZ: options.timeZone } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    liveChildren.add(child);
    child.once('exit', () => liveChildren.delete(child));
    return new PlaygroundClient(options, port, child);
  }

  /** "Listening on <port>" on stdout (all it prints when stdout is not a terminal), then GET config */
  private async whenListening(): Promise<void> {
    const listeningOn = await new Promise<number>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(
        () => reject(this.failure(`did not start within ${START_TIMEOUT_MS / 1000} s`)),
        START_TIMEOUT_MS,
      );
      this.child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /Listening on (\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      void this.exited.then((code) => {
        clearTimeout(timer);
        reject(this.failure(`exited (${code}) before listening`));
      });
    });
    if (listeningOn !== this.port)
      throw new PortMoved(`${this.options.name}'s Playground moved from ${this.port} to ${listeningOn}`);
    const res = await fetch(`${this.url}/_internal/v1/config`, {
      signal: AbortSignal.timeout(START_TIMEOUT_MS),
    });
    if (!res.ok) throw this.failure(`GET /_internal/v1/config answered ${res.status}`);
    const body = (await res.json()) as { config: PlaygroundConfig };
    this.parsedConfig = body.config;
    this.chatId = body.config.personalChat.id;
  }

  /** the conversation stream (what the bot sends) and the log stream (how the bot answered) */
  private async connect(): Promise<void> {
    const open = (route: string, onFrame: (frame: Record<string, unknown>) => void) =>
      new Promise<void>((resolve, reject) => {
        const socket = new WebSocket(`ws://localhost:${this.port}${route}`);
        this.sockets.push(socket);
        socket.on('message', (data) => {
          try {
            onFrame(JSON.parse(String(data)) as Record<string, unknown>);
          } catch (err) {
            this.problems.push(`a ${route} frame could not be read: ${String(err)}`);
          }
          this.changed.emit('change');
        });
        socket.once('open', () => resolve());
        // stays attached: an error after opening (the Playground stopping) must not crash the run
        socket.on('error', (err) => {
          this.problems.push(`${route}: ${err.message}`);
          reject(err);
        });
      });
    await open('/_ws_conversation/v1/conversations/stream', (frame) => this.onConversationFrame(frame));
    await open('/_ws/log/stream', (frame) => this.onLogFrame(frame));
  }

  private onConversationFrame(frame: Record<string, unknown>): void {
    if (frame.actionConversationId !== this.chatId) return;
    const m = frame.message as {
      messageId: string;
      text?: string;
      attachments?: { contentType: string; content: Record<string, unknown> }[];
    };
    const card = m.attachments?.find((a) => a.contentType === ADAPTIVE_CARD)?.content;
    if (frame.action === 'createMessage') {
      this.messages.push({ id: m.messageId, text: m.text ?? '', card, updates: 0 });
    } else if (frame.action === 'updateMessage') {
      const shown = this.messages.find((x) => x.id === m.messageId);
      if (!shown) throw new Error(`an update of message ${m.messageId}, which was never shown`);
      shown.text = m.text ?? '';
      shown.card = card;
      shown.updates++;
    }
  }

  private onLogFrame(frame: Record<string, unknown>): void {
    const log = frame.log as
      | {
          from?: string;
          to?: string;
          activityName?: string;
          conversationId?: string;
          response?: { statusCode?: number };
        }
      | undefined;
    if (log?.to !== 'User Application' || !log.activityName) return;
    this.turns.push({
      activity: log.activityName,
      conversationId: log.conversationId ?? '',
      statusCode: log.response?.statusCode ?? 0,
    });
  }

  private failure(what: string): Error {
    return new Error(
      `${this.options.name}'s Playground (port ${this.port}) ${what}.\nstderr: ${this.stderr.trim() || '(empty)'}\n` +
        `its log ${this.options.logFile} ends:\n${tail(this.options.logFile)}`,
    );
  }

  get url(): string {
    return `http://localhost:${this.port}`;
  }

  /** the person this Playground plays (its config's currentUser) */
  get me(): PlaygroundUser {
    return this.config.currentUser;
  }

  /** its config, as it parsed it */
  get config(): PlaygroundConfig {
    if (!this.parsedConfig) throw new Error('not started');
    return this.parsedConfig;
  }

  get personalChatId(): string {
    return this.chatId;
  }

  private async post(route: string, body: object): Promise<unknown> {
    const res = await fetch(`${this.url}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(DEFAULT_WAIT_MS),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${this.options.name}'s Playground: POST ${route} → ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }

  private get chatPath(): string {
    return encodeURIComponent(this.chatId);
  }

  /**
   * Opens the personal chat, as the web UI does on every page load, and waits until the bot has
   * answered both activities it causes (installationUpdate and conversationUpdate).
   */
  installPersonalChat(): Promise<void> {
    return this.install(this.chatId);
  }

  /** adds the bot to the config's team, as opening one of its channels in the UI does the first time */
  installInTeam(): Promise<void> {
    return this.install(this.config.teams[0]!.id);
  }

  private async install(conversationId: string): Promise<void> {
    const answered = (activity: string) =>
      this.turns.filter((t) => t.activity === activity && t.conversationId === conversationId).length;
    const before = { install: answered('installationUpdate'), update: answered('conversationUpdate') };
    await this.post(`/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
    this.sent += 2;
    await this.waitFor(
      () => answered('installationUpdate') > before.install && answered('conversationUpdate') > before.update,
      'the bot to answer installationUpdate and conversationUpdate',
    );
  }

  /** types a message in the personal chat */
  async send(text: string): Promise<void> {
    await this.post(`/_conversation/v1/conversations/${this.chatPath}/messages`, {
      from: { id: this.me.id },
      text,
      textFormat: 'plain',
    });
    this.sent++;
  }

  /**
   * Clicks the Action.Execute button with this verb on a card the bot sent, with inputs typed or
   * picked as given. Like the UI, a card in the answer replaces the clicked card in place.
   */
  async execute(
    message: ReceivedMessage,
    verb: string,
    typed: Record<string, string> = {},
  ): Promise<InvokeAnswer> {
    const action = actionOf(message.card, verb);
    const answer = (await this.post('/_conversation/v1/invoke', {
      name: 'adaptiveCard/action',
      value: {
        action: {
          type: 'Action.Execute',
          title: action.title,
          verb,
          data: valuesFor(message.card, action, typed),
        },
      },
      from: { id: this.me.id },
      conversation: { id: this.chatId },
      replyToId: message.id,
    })) as InvokeAnswer;
    this.sent++;
    if (answer?.type === ADAPTIVE_CARD) message.card = answer.value as Record<string, unknown>;
    return answer;
  }

  /**
   * Sends the same button as an Action.Submit (a client without Universal Actions): a message whose
   * value is the button's data and the card's inputs, replying to the card. The bot answers with
   * updateActivity, which arrives here as an updateMessage frame.
   */
  async submit(message: ReceivedMessage, verb: string, typed: Record<string, string> = {}): Promise<void> {
    const action = actionOf(message.card, verb);
    await this.post('/_conversation/v1/submit', {
      conversation: { id: this.chatId },
      replyToId: message.id,
      value: valuesFor(message.card, action, typed),
      from: { id: this.me.id },
    });
    this.sent++;
  }

  /** resolves once the bot has answered every activity this client caused (see `turns`) */
  allAnswered(): Promise<void> {
    return this.waitFor(
      () => this.turns.length >= this.sent,
      `the bot to answer all ${this.sent} activities`,
    ).then(() => undefined);
  }

  /** resolves with what `check` returns once it is truthy; checked again at every frame */
  waitFor<T>(
    check: () => T | undefined | null | false,
    what: string,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const finish = (outcome: () => void) => {
        clearTimeout(timer);
        this.changed.off('change', attempt);
        outcome();
      };
      const attempt = () => {
        let result: T | undefined | null | false;
        try {
          result = check();
        } catch (err) {
          return finish(() => reject(err));
        }
        if (this.problems.length > 0) {
          finish(() => reject(new Error(`${this.options.name}'s Playground: ${this.problems.join('; ')}`)));
        } else if (result) {
          finish(() => resolve(result));
        } else if (this.hasExited) {
          finish(() => reject(this.failure(`exited while waiting for ${what}`)));
        }
      };
      const timer = setTimeout(() => finish(() => reject(this.timedOut(what, timeoutMs))), timeoutMs);
      this.changed.on('change', attempt);
      attempt();
    });
  }

  private timedOut(what: string, timeoutMs: number): Error {
    const shown = this.messages.map((m, i) => `  #${i + 1} ${visibleText(m).split('\n')[0]}`);
    const refused = this.turns
      .filter((t) => t.statusCode < 200 || t.statusCode > 299)
      .map((t) => `  ${t.activity} → ${t.statusCode}`);
    return new Error(
      [
        `${this.options.name}'s Playground: waited ${timeoutMs / 1000} s for ${what}.`,
        'Messages it shows:',
        ...(shown.length ? shown : ['  (none)']),
        ...(refused.length ? ['Activities the bot did not answer with 2xx:', ...refused] : []),
      ].join('\n'),
    );
  }

  /** the first message from index `from` on whose visible text matches */
  waitForMessage(pattern: RegExp, from = 0): Promise<ReceivedMessage> {
    return this.waitFor(
      () => this.messages.slice(from).find((m) => pattern.test(visibleText(m))),
      `a message matching ${pattern}`,
    );
  }

  /** SIGTERM, then SIGKILL if it has not exited within 5 s; resolves once it has exited */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    if (this.hasExited || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await this.exited;
    clearTimeout(timer);
  }
}

class PortMoved extends Error {}

/** last resort if the test process exits without stopping them: leave no Playground behind */
const liveChildren = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});
