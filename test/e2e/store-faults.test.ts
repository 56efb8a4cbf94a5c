import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import pino from 'pino';
import { startApp } from '../../src/app';
import { parseConfig } from '../../src/config/config';
import { embeddedKey, EmbeddedCosmos, startEmbeddedCosmos } from '../../src/store/embedded-cosmos';
import { StartupAborted } from '../../src/store/store-startup';
import { avery, blake, chris, execute, installed, message } from '../support/activities';
import { buttonData, pairUp, scheduleObservation } from '../support/cycle-fixtures';
import { FaultProxy } from '../support/fault-proxy';
import { LocalConnector } from '../support/local-connector';
import { cardOf, invokeCard, startTestBot, storedIn, TestBot, textOf } from '../support/test-bot';

/** a logger whose lines the test can read */
function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  for (let waited = 0; waited < ms; waited += 25) {
    if (await check()) return;
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('e2e: the store misbehaving', () => {
  let cosmos: EmbeddedCosmos;
  let proxy: FaultProxy;
  let dataDir: string;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeEach(async () => {
    cosmos = await startEmbeddedCosmos();
    proxy = new FaultProxy(cosmos.endpoint);
    await proxy.start();
    dataDir = mkdtempSync(path.join(tmpdir(), 'peer-coach-faults-'));
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
    await proxy.stop();
    await cosmos.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const storeEnv = () => ({ COSMOS_ENDPOINT: proxy.url, COSMOS_KEY: embeddedKey });

  describe('unavailable at start-up', () => {
    it('listens with /readyz false, retries with backoff and a clear log line, then serves once the store answers', async () => {
      proxy.goDown();
      const connector = new LocalConnector();
      await connector.start();
      cleanups.push(() => connector.stop());
      const { log, lines } = capturedLog();
      const waits: number[] = [];
      let url = '';
      const config = {
        ...parseConfig({ BOT_ANONYMOUS: '1', DATA_DIR: dataDir, ...storeEnv() }),
        port: 0,
      };
      const starting = startApp(config, log, {
        host: '127.0.0.1',
        dispatchLoop: false,
        onListening: (u) => (url = u),
        storeRetry: {
          delayMs: (attempt) => 20 * 2 ** (attempt - 1),
          sleep: async (ms) => {
            waits.push(ms);
            await sleep(ms);
          },
        },
      });
      cleanups.push(async () => (await starting).close());

      await until(() => waits.length >= 3, 'three failed attempts');
      const readyz = await fetch(`${url}/readyz`);
      assert.equal(readyz.status, 503, '/readyz says not ready while the store is down');
      assert.equal((await fetch(`${url}/healthz`)).status, 200, 'the process is alive');
      const early = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(installed(blake, connector.url)),
      });
      assert.equal(early.status, 503, 'a message before the store opens is refused, to be resent');
      assert.equal(early.headers.get('retry-after'), '5');
      assert.deepEqual(waits.slice(0, 3), [20, 40, 80], 'the waits back off');
      const failure = lines.find((l) => /Cosmos DB could not be opened/.test(String(l.msg)));
      assert.ok(failure, 'a log line says what is wrong');
      assert.match(String(failure.msg), /HTTP 503/);
      assert.equal(failure.level, 50, 'logged as an error');

      proxy.comeBack();
      await starting;
      assert.equal((await fetch(`${url}/readyz`)).status, 200, 'ready once the store answers');
      assert.ok(lines.some((l) => /reachable: ready/.test(String(l.msg))));
      await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message(blake, connector.url, 'help')),
      });
      assert.ok(connector.to(blake.conversationId).length > 0, 'the bot answers');
    });

    it('stops cleanly when told to during start-up', async () => {
      proxy.goDown();
      const controller = new AbortController();
      const config = { ...parseConfig({ BOT_ANONYMOUS: '1', DATA_DIR: dataDir, ...storeEnv() }), port: 0 };
      let url = '';
      const starting = startApp(config, pino({ level: 'silent' }), {
        host: '127.0.0.1',
        onListening: (u) => (url = u),
        signal: controller.signal,
      });
      await until(() => url !== '', 'listening');
      controller.abort();
      await assert.rejects(starting, StartupAborted);
      await assert.rejects(fetch(`${url}/healthz`), 'the listener is closed');
    });

    it('the real entry point keeps running, /readyz false, and exits 0 on SIGTERM', async () => {
      proxy.goDown();
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
        env: {
          ...process.env,
          ...storeEnv(),
          BOT_ANONYMOUS: '1',
          PORT: String(port),
          DATA_DIR: dataDir,
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      cleanups.push(async () => child.kill('SIGKILL'));
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      await until(() => /Cosmos DB could not be opened/.test(out), 'the retry log line', 20_000);
      assert.equal(child.exitCode, null, 'still running');
      assert.equal((await fetch(`http://127.0.0.1:${port}/readyz`)).status, 503);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      assert.match(out, /stopping during start-up/);
    });
  });

  describe('hiccups in the middle of a turn', () => {
    let bot: TestBot;
    beforeEach(async () => {
      bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId, ...storeEnv() });
      cleanups.push(() => bot.close());
    });

    it('a 429 is waited out and the turn completes', async () => {
      await bot.post(installed(blake, bot.connector.url));
      const before = proxy.injected;
      proxy.failNext(3, 429);
      const res = await bot.post(message(blake, bot.connector.url, 'profile'));
      assert.equal(res.status, 200);
      assert.equal(proxy.injected - before, 3, 'three requests were throttled');
      assert.match(textOf(cardOf(bot.connector.to(blake.conversationId).at(-1))), /time zone/i);
    });

    it('a 503 is retried and the answer is stored', async () => {
      bot.clock.set('2026-09-01T08:00:00Z');
      await pairUp(bot, avery, blake, chris);
      assert.match(
        textOf(await scheduleObservation(bot, blake, blake, { date: '2026-09-03', startTime: '10:00' })),
        /Scheduled/,
      );
      // the working day before, 16:00 in Stockholm: the host's before-card
      bot.clock.set('2026-09-02T14:00:00Z');
      await bot.runDueWork();
      const prompt = cardOf(bot.connector.to(blake.conversationId).at(-1));
      proxy.failNext(2, 503, 'write');
      const saved = await bot.post(
        execute(blake, bot.connector.url, 'prompt.answer', {
          ...buttonData(prompt, 'prompt.answer'),
          'bh.strategy': 'Let the student lead the history',
          'bh.focus': 'How I hold back my own questions',
        }),
      );
      assert.equal(proxy.injected, 2, 'two writes met a 503');
      assert.match(textOf(invokeCard(saved.body)), /Thank you — saved/);
    });

    it('a store that stays down tells the person to try again, and keeps what was already stored', async () => {
      bot.clock.set('2026-09-01T08:00:00Z');
      await pairUp(bot, avery, blake, chris);
      await scheduleObservation(bot, blake, blake, { date: '2026-09-03', startTime: '10:00' });
      const stored = async () => (await storedIn(bot, 'cycles', 'observation')).length;
      assert.equal(await stored(), 1);

      proxy.failNext(1000, 503, 'write');
      await bot.post(message(blake, bot.connector.url, 'schedule'));
      const form = cardOf(bot.connector.to(blake.conversationId).at(-1));
      const saveForm = execute(blake, bot.connector.url, 'schedule.save', {
        ...buttonData(form, 'schedule.save'),
        durationMinutes: '60',
        hostId: chris.aadObjectId,
        setting: 'wardRound',
        learnerLevel: 'studentLate',
        date: '2026-09-10',
        startTime: '10:00',
      });
      const failed = await bot.post(saveForm);
      assert.ok(failed.status < 500, `the channel gets an answer (${failed.status})`);
      const said = bot.connector.to(blake.conversationId).at(-1);
      assert.match(String(said?.text), /Something went wrong on our side.*try again/);

      proxy.heal();
      assert.equal(await stored(), 1, 'the observation stored before is still there');
      const retried = await bot.post(saveForm);
      assert.match(textOf(invokeCard(retried.body)), /Scheduled/);
      assert.equal(await stored(), 2, 'trying again works');
    });
  });
});
