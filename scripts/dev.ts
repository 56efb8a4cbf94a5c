/**
 * `npm run dev`: Peer Coach on this machine, with nothing from Azure.
 *
 * 1. Reads env/.env.local, then env/.env.local.user if present (it wins); variables already set in
 *    the shell win over both. The result is the environment of every child process.
 * 2. Starts the bot (`tsx src/index.ts`: anonymous mode, embedded store under DATA_DIR) and waits
 *    until GET /healthz answers 200. Its JSON log lines are shown readably (pino-pretty); `npm start`
 *    writes them as JSON.
 * 3. Starts two Microsoft 365 Agents Playgrounds against it, one per person:
 *    Avery Lind (coordinator) on port 56150 and Blake Berg (colleague) on port 56151.
 * 4. On Ctrl-C or SIGTERM it stops the Playgrounds, sends SIGTERM to the bot (which saves its
 *    snapshot) and waits for the bot to exit. A second Ctrl-C kills everything at once.
 *
 * Optional variables: PEER_COACH_BOT_CMD (a shell command to run instead of the bot, e.g. a stub),
 * PLAYGROUND_COORDINATOR_TZ / PLAYGROUND_COLLEAGUE_TZ (each Playground's time zone, which it reports
 * to the bot as the person's; default: this process's), TEAMSAPPTESTER_BROWSER (default "none": the
 * Playground would otherwise try to open a browser tab, and crashes where there is no xdg-open).
 * Findings about the Playground: docs/playground-notes.md.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { parseEnv } from 'node:util';
import { prettyFactory } from 'pino-pretty';

const PROJECT_ROOT = path.resolve(__dirname, '..');
const ENV_FILES = ['env/.env.local', 'env/.env.local.user'];
const HEALTH_TIMEOUT_MS = 90_000;
const BOT_STOP_TIMEOUT_MS = 20_000;
const PLAYGROUND_STOP_TIMEOUT_MS = 5_000;

interface PlaygroundSpec {
  /** the prefix of its output lines */
  readonly name: string;
  readonly person: string;
  readonly role: string;
  readonly port: number;
  readonly config: string;
  /** the variable that may set its time zone */
  readonly tzVariable: string;
}

const PLAYGROUNDS: readonly PlaygroundSpec[] = [
  {
    name: 'avery',
    person: 'Avery Lind',
    role: 'coordinator',
    port: 56150,
    config: 'env/playground.coordinator.yml',
    tzVariable: 'PLAYGROUND_COORDINATOR_TZ',
  },
  {
    name: 'blake',
    person: 'Blake Berg',
    role: 'colleague',
    port: 56151,
    config: 'env/playground.colleague.yml',
    tzVariable: 'PLAYGROUND_COLLEAGUE_TZ',
  },
];

interface Child {
  readonly name: string;
  readonly proc: ChildProcess;
  /** resolves with the exit code (or the signal's name) once the process and its output have ended */
  readonly closed: Promise<number | string>;
  done: boolean;
}

const useColour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const COLOURS: Record<string, number> = { dev: 32, bot: 36, avery: 35, blake: 33 };
const width = Math.max(...['dev', 'bot', ...PLAYGROUNDS.map((p) => p.name)].map((n) => n.length));

function prefix(name: string): string {
  const label = `[${name}]`.padEnd(width + 2);
  return useColour ? `\x1b[${COLOURS[name] ?? 37}m${label}\x1b[0m` : label;
}

/** a bot log line (JSON) as one readable line: time, level, component, message, fields; any other line as it is */
const readableLog = prettyFactory({
  colorize: useColour,
  singleLine: true,
  translateTime: 'SYS:HH:MM:ss.l',
  ignore: 'pid,hostname,app,component',
  messageFormat: '{if component}{component}: {end}{msg}',
});

function say(message: string): void {
  for (const line of message.split('\n')) process.stdout.write(`${prefix('dev')} ${line}\n`);
}

/** env/.env.local, then env/.env.local.user, then the shell's own variables */
function loadEnvironment(): NodeJS.ProcessEnv {
  const fromFiles: NodeJS.Dict<string> = {};
  for (const file of ENV_FILES) {
    const full = path.join(PROJECT_ROOT, file);
    if (!existsSync(full)) {
      if (file === ENV_FILES[0]) throw new Error(`${file} is missing; it holds the local settings.`);
      continue;
    }
    Object.assign(fromFiles, parseEnv(readFileSync(full, 'utf8')));
  }
  return { ...fromFiles, ...process.env };
}

/** a path relative to the project if it is inside it, else absolute */
function shown(file: string): string {
  const relative = path.relative(PROJECT_ROOT, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

const children: Child[] = [];
const detached = process.platform !== 'win32';

function start(
  name: string,
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  shell = false,
  shownAs: (line: string) => string = (line) => line,
): Child {
  // Own process group: Ctrl-C reaches only this launcher, which then stops the children in order.
  const proc = spawn(command, args, {
    cwd: PROJECT_ROOT,
    env,
    shell,
    detached,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [proc.stdout, proc.stderr]) {
    if (!stream) continue;
    readline
      .createInterface({ input: stream, crlfDelay: Infinity })
      .on('line', (line) => process.stdout.write(`${prefix(name)} ${shownAs(line).trimEnd()}\n`));
  }
  const child: Child = {
    name,
    proc,
    done: false,
    closed: new Promise((resolve) => {
      proc.once('error', (err) => {
        say(`${name}: could not start: ${err.message}`);
        child.done = true;
        resolve(1);
      });
      proc.once('close', (code, signal) => {
        child.done = true;
        resolve(code ?? signal ?? 1);
      });
    }),
  };
  children.push(child);
  return child;
}

function signal(child: Child, sig: NodeJS.Signals): void {
  if (child.done || child.proc.pid === undefined) return;
  try {
    if (detached) process.kill(-child.proc.pid, sig);
    else child.proc.kill(sig);
  } catch {
    // already gone
  }
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return Promise.race([promise, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref())]);
}

let stopping = false;
let stopSignalAt = 0;

async function stopAll(reason: string, exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say(`stopping (${reason})`);
  const bot = children.find((c) => c.name === 'bot');
  const playgrounds = children.filter((c) => c !== bot);
  for (const playground of playgrounds) signal(playground, 'SIGTERM');
  if (bot && !bot.done) {
    signal(bot, 'SIGTERM');
    if ((await within(bot.closed, BOT_STOP_TIMEOUT_MS)) === 'timeout') {
      say(
        `the bot did not stop within ${BOT_STOP_TIMEOUT_MS / 1000} s; killing it (its last snapshot may be lost)`,
      );
      signal(bot, 'SIGKILL');
      await bot.closed;
    }
  }
  for (const playground of playgrounds) {
    if ((await within(playground.closed, PLAYGROUND_STOP_TIMEOUT_MS)) === 'timeout')
      signal(playground, 'SIGKILL');
  }
  say('stopped');
  process.exit(exitCode);
}

/** the first Ctrl-C stops in order; another one, a second or more later, kills at once */
function onStopSignal(name: string): void {
  const now = Date.now();
  if (!stopping) {
    stopSignalAt = now;
    void stopAll(name, 0);
  } else if (now - stopSignalAt > 1_000) {
    say('stopping at once');
    for (const child of children) signal(child, 'SIGKILL');
    process.exit(130);
  }
}

/** the last lines of a Playground's log: it writes its errors there, not to a pipe */
function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitForHealth(bot: Child, port: number): Promise<void> {
  const url = `http://127.0.0.1:${port}/healthz`;
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (bot.done) throw new Error(`the bot exited before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

function startPlayground(spec: PlaygroundSpec, env: NodeJS.ProcessEnv, botPort: number, logDir: string) {
  const logFile = path.join(logDir, `${spec.name}.log`);
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js', { paths: [PROJECT_ROOT] });
  const tz = env[spec.tzVariable];
  const child = start(
    spec.name,
    process.execPath,
    [
      cli,
      '--app-endpoint',
      `http://127.0.0.1:${botPort}/api/messages`,
      '--channel-id',
      'msteams',
      '--port',
      String(spec.port),
      '--disable-telemetry',
    ],
    {
      ...env,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(PROJECT_ROOT, spec.config),
      M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
      TEAMSAPPTESTER_BROWSER: env.TEAMSAPPTESTER_BROWSER ?? 'none',
      ...(tz ? { TZ: tz } : {}),
    },
  );
  // When its output is not a terminal the Playground prints only "Listening on <port>".
  const listening = new Promise<void>((resolve, reject) => {
    child.proc.stdout?.on('data', (chunk: Buffer) => {
      if (/Listening on \d+/.test(chunk.toString())) resolve();
    });
    void child.closed.then((code) =>
      reject(
        new Error(`the ${spec.role} Playground exited (${code}); its log ${logFile} ends:\n${tail(logFile)}`),
      ),
    );
  });
  return { child, listening, logFile };
}

async function main(): Promise<void> {
  const env = loadEnvironment();
  const botPort = Number(env.PORT ?? '3978');
  const ports: [number, string][] = [
    [botPort, 'the bot (PORT)'],
    ...PLAYGROUNDS.map((p): [number, string] => [p.port, `${p.person}'s Playground`]),
  ];
  for (const [port, what] of ports) {
    if (!(await portIsFree(port))) {
      throw new Error(`port ${port} for ${what} is in use. Is another \`npm run dev\` running?`);
    }
  }
  const dataDir = path.resolve(PROJECT_ROOT, env.DATA_DIR ?? '.data');
  const logDir = path.join(dataDir, 'playground');
  mkdirSync(logDir, { recursive: true });

  const botCommand = env.PEER_COACH_BOT_CMD;
  const bot = botCommand
    ? start('bot', botCommand, [], env, true, readableLog)
    : // the same as `npx tsx src/index.ts`, as one process, so that signals reach the bot itself
      start('bot', process.execPath, ['--import', 'tsx', 'src/index.ts'], env, false, readableLog);
  say(`starting the bot: ${botCommand ?? 'tsx src/index.ts'} (port ${botPort})`);
  void bot.closed.then((code) => {
    if (!stopping)
      void stopAll(`the bot exited (${code})`, typeof code === 'number' && code !== 0 ? code : 1);
  });
  await waitForHealth(bot, botPort);

  const started = PLAYGROUNDS.map((spec) => ({ spec, ...startPlayground(spec, env, botPort, logDir) }));
  await Promise.all(started.map((s) => s.listening));
  for (const { spec, child, logFile } of started) {
    void child.closed.then((code) => {
      if (stopping) return;
      say(`the ${spec.role} Playground exited (${code}); its log ends:\n${tail(logFile)}`);
      void stopAll(`the ${spec.role} Playground exited`, 1);
    });
  }

  const column = Math.max(...PLAYGROUNDS.map((p) => `${p.person} (${p.role}):`.length));
  say(
    [
      '',
      `Peer Coach is running: http://localhost:${botPort}/api/messages (data in ${shown(dataDir)})`,
      ...PLAYGROUNDS.map((p) => `  ${`${p.person} (${p.role}):`.padEnd(column)} http://localhost:${p.port}`),
      `Playground logs: ${shown(logDir)}/. Ctrl-C stops everything.`,
      '',
    ].join('\n'),
  );
}

process.on('SIGINT', () => onStopSignal('Ctrl-C'));
process.on('SIGTERM', () => onStopSignal('SIGTERM'));
process.on('SIGHUP', () => onStopSignal('SIGHUP'));
// last resort if this launcher dies abruptly: leave no child behind
process.on('exit', () => {
  for (const child of children) signal(child, 'SIGKILL');
});

main().catch((err: unknown) => {
  if (stopping) return;
  say(`error: ${err instanceof Error ? err.message : String(err)}`);
  void stopAll('error', 1);
});
