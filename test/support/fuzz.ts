import fc from 'fast-check';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { ContainerName, containerSpecs } from '../../src/store/containers';
import { DateTime } from 'luxon';
import { avery, blake, chris, execute } from './activities';
import { documentProblems } from './document-shapes';
import { buttonsOf, captureSession, Corpus, inputsOf } from './fuzz-session';
import { LiveStep, put, Step, stepArb, Targets } from './fuzz-steps';
import { cardOf, startTestBot, TestBot } from './test-bot';

/**
 * Fuzzing /api/messages: thousands of random and mutated activities and card
 * payloads over real HTTP; no 5xx, no crash, no malformed document stored. `runFuzz` is the whole
 * of it; test/e2e/fuzz.test.ts runs a short form in CI and scripts/fuzz.ts a long one.
 */

// ---------------------------------------------------------------------------------------------
// The bot under fuzz, and a log that keeps error names (never content)

/** what the bot logged at warn level and above: level, message, component and error name only */
export interface LoggedError {
  readonly level: number;
  readonly msg: string;
  readonly component?: string;
  readonly errorName?: string;
}

export interface FuzzBot {
  readonly bot: TestBot;
  /** every warning and error the bot logged, in order */
  readonly logged: LoggedError[];
  close(): Promise<void>;
}

/** the whole bot as `startTestBot` composes it, with Avery as coordinator and a log sink */
export async function startFuzzBot(): Promise<FuzzBot> {
  const logged: LoggedError[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        try {
          const entry = JSON.parse(line) as {
            level: number;
            msg: string;
            component?: string;
            err?: { name?: string };
          };
          logged.push({
            level: entry.level,
            msg: entry.msg,
            component: entry.component,
            errorName: entry.err?.name,
          });
        } catch {
          logged.push({ level: 60, msg: 'unparseable log line' });
        }
      }
      done();
    },
  });
  const bot = await startTestBot(
    { COORDINATOR_AAD_IDS: avery.aadObjectId },
    undefined,
    undefined,
    pino({ level: 'warn' }, sink),
  );
  return { bot, logged, close: () => bot.close() };
}

// ---------------------------------------------------------------------------------------------
// Stand-ins for a Bot Connector that will not take replies

/** answers every Bot Connector call as Teams does when the person blocked the bot or the chat is gone */
async function refusingConnector(): Promise<{ url: string; close(): Promise<void> }> {
  let n = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    const [status, code] = n++ % 2 ? [403, 'ConversationBlockedByUser'] : [404, 'ConversationNotFound'];
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code, message: code } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** a port that was free a moment ago and has nobody listening on it now */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// ---------------------------------------------------------------------------------------------
// Running it, and what counts as a failure

export interface FuzzOptions {
  readonly runs: number;
  /** fast-check's seed: the same seed generates the same requests */
  readonly seed?: number;
  /** fast-check's replay path of a failure (with its seed): runs just that counterexample */
  readonly path?: string;
  /** a fresh bot with Avery as coordinator (see `startFuzzBot`) */
  readonly bot: TestBot;
  /** the bot's log, to count errors it caught in a turn (see `startFuzzBot`) */
  readonly logged?: readonly LoggedError[];
  /**
   * also aim some replies (about one request in 200) at a port nobody listens on; each of those
   * takes botbuilder about ten seconds to give up on
   */
  readonly slowTargets?: boolean;
  /** check the documents written by each run (default), or only at the end */
  readonly checkEachRun?: boolean;
  /**
   * true (default): stop at the first failing run and shrink it. false: a survey — note every
   * failure by kind, with its first example, and carry on through all runs.
   */
  readonly stopOnFailure?: boolean;
  /** called after every run (shrinking included) */
  readonly onRun?: (done: number) => void;
}

export interface FuzzFailure {
  readonly seed: number;
  /** fast-check's replay path */
  readonly path: string;
  /** the shrunk step, with long strings abbreviated */
  readonly counterexample: string;
  readonly error: string;
  readonly shrinks: number;
}

export interface FuzzReport {
  readonly seed: number;
  readonly runs: number;
  /** POSTs to /api/messages, shrinking included */
  readonly requests: number;
  readonly ticks: number;
  readonly dueWorkRan: number;
  /** HTTP status → how many */
  readonly statuses: Readonly<Record<string, number>>;
  /** step label → how many, to show what was covered */
  readonly labels: Readonly<Record<string, number>>;
  readonly durationMs: number;
  /** documents checked at the end, by container */
  readonly documents: Readonly<Record<string, number>>;
  /** document versions checked as the runs wrote them */
  readonly versionsChecked: number;
  /** the slowest steps, slowest first */
  readonly slowest: readonly { readonly label: string; readonly ms: number; readonly step: string }[];
  /** warnings and errors the bot logged, by message and error name */
  readonly logged: Readonly<Record<string, number>>;
  readonly failure?: FuzzFailure;
  /** in a survey: each kind of failure, how often, and the first step that showed it */
  readonly problems: Readonly<Record<string, { count: number; example: string }>>;
  /** malformed documents found by the final sweep (ids and problems, never values) */
  readonly malformed: readonly string[];
}

/** errors that mean the code read a field it did not check, rather than a send that failed */
const crashNames = new Set([
  'TypeError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'URIError',
  'EvalError',
]);

/** the invokes the bot implements; for any other name botbuilder answers 501 Not Implemented, as the protocol says */
const implementedInvokes = new Set(['adaptiveCard/action', 'fileConsent/invoke']);

function notImplementedInvoke(step: Step): boolean {
  const body = step.kind === 'json' ? (step.body as { type?: unknown; name?: unknown } | null) : null;
  return (
    !!body &&
    typeof body === 'object' &&
    body.type === 'invoke' &&
    !(typeof body.name === 'string' && implementedInvokes.has(body.name))
  );
}

/** the request a step of the pair's cycle makes now, or undefined when there is nothing to act on yet */
function liveBody(step: LiveStep, bot: TestBot, corpus: Corpus): object | undefined {
  const pair = [blake, chris];
  const user = pair[step.who]!;
  const svc = bot.connector.url;
  if (step.action === 'schedule') {
    const form = corpus.payloads.find(
      (p) => p.verb === 'schedule.save' && p.owner === user && !p.data.observationId && !p.data.returnOf,
    );
    if (!form) return undefined;
    const local = DateTime.fromJSDate(bot.clock.now()).setZone(user.timeZone ?? 'UTC');
    return execute(user, svc, 'schedule.save', {
      ...form.data,
      date: local.plus({ days: step.daysAhead }).toISODate()!,
      startTime: step.startTime,
      durationMinutes: '60',
      hostId: pair[step.host]!.aadObjectId,
      setting: 'wardRound',
      learnerLevel: 'studentLate',
    });
  }
  const verb = step.action === 'answer' ? 'prompt.answer' : 'summary.actionPoint';
  const card = [...bot.connector.to(user.conversationId)]
    .reverse()
    .map(cardOf)
    .find((c) => c && buttonsOf(c).some((b) => b.verb === verb));
  if (!card) return undefined;
  const button = buttonsOf(card).find((b) => b.verb === verb)!;
  const typed = Object.fromEntries(
    inputsOf(card).map((input, i) => [input.id, step.texts[i % step.texts.length]!]),
  );
  return execute(user, svc, verb, { ...button.data, ...typed });
}

/** the step, readable and short: long strings abbreviated, odd keys kept visible */
export function describeStep(step: Step): string {
  const abbreviate = (v: unknown, depth = 0): unknown => {
    if (typeof v === 'string')
      return v.length > 80 ? `<${v.length} chars: ${JSON.stringify(v.slice(0, 20))}…>` : v;
    if (!v || typeof v !== 'object') return v;
    if (depth > 8) return '<deeper>';
    if (Array.isArray(v)) return v.slice(0, 10).map((x) => abbreviate(x, depth + 1));
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) put(out, k, abbreviate((v as Record<string, unknown>)[k], depth + 1));
    return out;
  };
  const body =
    step.kind === 'json'
      ? abbreviate(step.body)
      : step.kind === 'raw'
        ? abbreviate(step.text)
        : step.kind === 'live'
          ? abbreviate({ ...step, kind: undefined, label: undefined })
          : step.minutes;
  return `${step.label}: ${JSON.stringify(body)}`;
}

async function allDocuments(
  bot: TestBot,
  sinceSeconds?: number,
): Promise<[ContainerName, Record<string, unknown>][]> {
  const out: [ContainerName, Record<string, unknown>][] = [];
  for (const name of Object.keys(containerSpecs) as ContainerName[]) {
    const query =
      sinceSeconds === undefined
        ? 'SELECT * FROM c'
        : {
            query: 'SELECT * FROM c WHERE c._ts >= @since',
            parameters: [{ name: '@since', value: sinceSeconds }],
          };
    const { resources } = await bot.app.store.containers[name].items
      .query<Record<string, unknown>>(query)
      .fetchAll();
    for (const doc of resources) out.push([name, doc]);
  }
  return out;
}

function malformedIn(docs: [ContainerName, Record<string, unknown>][]): string[] {
  return docs.flatMap(([container, doc]) =>
    documentProblems(container, doc).map(
      (p) => `${container}/${typeof doc.id === 'string' ? doc.id.slice(0, 80) : '?'}: ${p}`,
    ),
  );
}

/** answers within this, or it counts as hung */
const requestTimeoutMs = 30_000;

/**
 * Posts `runs` generated steps to /api/messages over real HTTP, one per run, and fails a run when:
 * the answer is a 5xx (or never comes), /healthz stops answering 200, the bot logs a crash (a
 * TypeError or similar caught in a turn), the process sees an unhandled rejection, or a document
 * written during the run is malformed (see document-shapes.ts). Every document is checked again at
 * the end. Failures are shrunk by fast-check and reported with the seed to replay them.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { bot, runs } = options;
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const corpus = await captureSession(bot);
  const refusing = await refusingConnector();
  const targets: Targets = {
    connector: bot.connector.url,
    refusing: refusing.url,
    self: bot.app.url,
    ...(options.slowTargets ? { unreachable: `http://127.0.0.1:${await closedPort()}` } : {}),
  };
  const statuses: Record<string, number> = {};
  const labels: Record<string, number> = {};
  const counters = { requests: 0, ticks: 0, dueWorkRan: 0, runs: 0, versionsChecked: 0 };
  const logged = options.logged;
  let loggedSeen = logged?.length ?? 0;
  const uncaught: string[] = [];
  const onUncaught = (err: unknown) => uncaught.push((err as Error)?.name ?? typeof err);
  process.on('unhandledRejection', onUncaught);
  process.on('uncaughtException', onUncaught);
  const started = performance.now();

  const post = async (request: Extract<Step, { kind: 'json' | 'raw' }>): Promise<number> => {
    const [contentType, body] =
      request.kind === 'json'
        ? ['application/json', JSON.stringify(request.body)]
        : [request.contentType, request.text];
    const res = await fetch(`${bot.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
      signal: AbortSignal.timeout(requestTimeoutMs),
    }).catch((err: Error) => {
      throw new Error(`no answer within ${requestTimeoutMs} ms (${err.name})`);
    });
    await res.arrayBuffer();
    return res.status;
  };

  const problems: Record<string, { count: number; example: string }> = {};
  const slowest: { label: string; ms: number; step: string }[] = [];
  /** container/document → the version already checked, so a run is blamed only for what it wrote */
  const checkedVersions = new Map<string, unknown>();
  const check = async (step: Step): Promise<void> => {
    const t0 = performance.now();
    try {
      await checkStep(step);
    } finally {
      const ms = Math.round(performance.now() - t0);
      if (slowest.length < 5 || ms > slowest[slowest.length - 1]!.ms) {
        slowest.push({ label: step.label, ms, step: describeStep(step).slice(0, 2000) });
        slowest.sort((a, b) => b.ms - a.ms).splice(5);
      }
    }
  };
  const checkStep = async (step: Step): Promise<void> => {
    const since = Math.floor(Date.now() / 1000) - 1;
    labels[step.label] = (labels[step.label] ?? 0) + 1;
    if (step.kind === 'tick') {
      counters.ticks++;
      bot.clock.advance(step.minutes * 60_000);
      counters.dueWorkRan += await bot.runDueWork();
    } else {
      const body = step.kind === 'live' ? liveBody(step, bot, corpus) : undefined;
      if (step.kind === 'live' && body === undefined) return; // nothing to act on yet
      counters.requests++;
      const status = await post(step.kind === 'live' ? { kind: 'json', label: step.label, body } : step);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status >= 500 && !(status === 501 && notImplementedInvoke(step)))
        throw new Error(`answered ${status}`);
    }
    const health = await fetch(`${bot.app.url}/healthz`, { signal: AbortSignal.timeout(5000) });
    if (health.status !== 200) throw new Error(`/healthz answered ${health.status}`);
    if (uncaught.length > 0) throw new Error(`unhandled in the process: ${uncaught.splice(0).join(', ')}`);
    if (logged) {
      const fresh = logged.slice(loggedSeen);
      loggedSeen = logged.length;
      const crashes = fresh.filter((e) => e.errorName && crashNames.has(e.errorName));
      if (crashes.length > 0)
        throw new Error(
          `the bot caught ${crashes.map((e) => `${e.errorName} (${e.component}: ${e.msg})`).join(', ')}`,
        );
    }
    if (options.checkEachRun !== false) {
      const written = (await allDocuments(bot, since)).filter(([name, doc]) => {
        const key = `${name}/${String(doc._rid ?? doc.id)}`;
        if (checkedVersions.get(key) === doc._etag) return false;
        checkedVersions.set(key, doc._etag);
        return true;
      });
      counters.versionsChecked += written.length;
      const malformed = malformedIn(written);
      if (malformed.length > 0) throw new Error(`malformed documents: ${malformed.slice(0, 5).join('; ')}`);
    }
  };
  const property = fc.asyncProperty(stepArb(corpus, targets), async (step) => {
    counters.runs++;
    options.onRun?.(counters.runs);
    if (options.stopOnFailure !== false) return check(step);
    try {
      await check(step);
    } catch (err) {
      const kind = `${step.label.replace(/, mutated$/, '')} → ${(err as Error).message.replace(/\d{3,}/g, 'N')}`;
      problems[kind] ??= { count: 0, example: describeStep(step) };
      problems[kind].count++;
    }
  });

  let failure: FuzzFailure | undefined;
  try {
    const details = await fc.check(property, {
      numRuns: runs,
      seed,
      ...(options.path ? { path: options.path, endOnFailure: true } : {}),
    });
    if (details.failed) {
      const example = details.counterexample?.[0];
      failure = {
        seed: details.seed,
        path: details.counterexamplePath ?? '',
        counterexample: example ? describeStep(example) : '(none)',
        error:
          details.errorInstance instanceof Error
            ? details.errorInstance.message
            : String(details.errorInstance),
        shrinks: details.numShrinks,
      };
    }
  } finally {
    process.off('unhandledRejection', onUncaught);
    process.off('uncaughtException', onUncaught);
    await refusing.close();
  }

  const docs = await allDocuments(bot);
  const documents: Record<string, number> = {};
  for (const [name] of docs) documents[name] = (documents[name] ?? 0) + 1;
  const loggedCounts: Record<string, number> = {};
  for (const e of logged ?? []) {
    const key = `${e.component ?? '-'}: ${e.msg}${e.errorName ? ` (${e.errorName})` : ''}`;
    loggedCounts[key] = (loggedCounts[key] ?? 0) + 1;
  }
  return {
    seed,
    runs: counters.runs,
    requests: counters.requests,
    ticks: counters.ticks,
    dueWorkRan: counters.dueWorkRan,
    statuses,
    labels,
    durationMs: Math.round(performance.now() - started),
    documents,
    versionsChecked: counters.versionsChecked,
    slowest,
    logged: loggedCounts,
    failure,
    problems,
    malformed: malformedIn(docs),
  };
}

/** the figures of a report, as lines for a terminal */
export function formatReport(r: FuzzReport): string[] {
  const total = Object.values(r.documents).reduce((a, b) => a + b, 0);
  const lines = [
    `seed ${r.seed}: ${r.runs} runs (${r.requests} requests, ${r.ticks} clock jumps running ${r.dueWorkRan} due jobs) in ${(r.durationMs / 1000).toFixed(1)} s`,
    `statuses: ${Object.entries(r.statuses)
      .sort()
      .map(([s, n]) => `${s}×${n}`)
      .join(', ')}`,
    `documents checked: ${r.versionsChecked} versions after the runs that wrote them, ${total} at the end (${Object.entries(
      r.documents,
    )
      .map(([c, n]) => `${c} ${n}`)
      .join(', ')})`,
  ];
  lines.push(`slowest steps: ${r.slowest.map((s) => `${s.label} ${s.ms} ms`).join('; ')}`);
  if (Object.keys(r.logged).length > 0)
    lines.push(
      `logged: ${Object.entries(r.logged)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ×${n}`)
        .join('; ')}`,
    );
  if (r.failure)
    lines.push(
      `FAILED after ${r.failure.shrinks} shrinks: ${r.failure.error}`,
      `  replay: seed ${r.failure.seed}, path "${r.failure.path}"`,
      `  counterexample: ${r.failure.counterexample}`,
    );
  for (const [kind, p] of Object.entries(r.problems).sort((a, b) => b[1].count - a[1].count))
    lines.push(`PROBLEM ×${p.count}: ${kind}`, `  e.g. ${p.example.slice(0, 1500)}`);
  if (r.malformed.length > 0) lines.push(`MALFORMED: ${r.malformed.slice(0, 20).join('\n  ')}`);
  return lines;
}
