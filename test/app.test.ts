import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { startApp } from '../src/app';
import { parseConfig } from '../src/config/config';
import { silentLogger } from '../src/log';
import { embeddedKey } from '../src/store/embedded-cosmos';
import { StartupAborted } from '../src/store/store-startup';
import { metricNames } from '../src/telemetry/telemetry';
import { TelemetryRecorder } from './support/telemetry-recorder';
import { startTestBot } from './support/test-bot';

/** a Cosmos DB endpoint that refuses every connection: nothing listens on the discard port */
const unreachable = 'http://127.0.0.1:9';

describe('app: the lifecycle of the running bot', () => {
  it('listens before the store opens, answers "not ready" meanwhile, and a stop then closes the listener', async () => {
    const config = {
      ...parseConfig({
        BOT_ANONYMOUS: '1',
        COSMOS_ENDPOINT: unreachable,
        COSMOS_KEY: embeddedKey,
        // what a deployment on Azure Cosmos DB must also set
        CALENDAR_LINK_SECRET: '0123456789abcdef'.repeat(4),
        BOT_ENDPOINT: 'https://peer-coach.example',
      }),
      port: 0,
    };
    const stop = new AbortController();
    let listening: (url: string) => void = () => {};
    const url = new Promise<string>((resolve) => (listening = resolve));
    const started = startApp(config, silentLogger, {
      host: '127.0.0.1',
      dispatchLoop: false,
      onListening: listening,
      signal: stop.signal,
      storeRetry: { delayMs: () => 20, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    });
    // a start-up that fails before it listens fails the test, rather than leave it waiting
    const at = await Promise.race([url, started.then(() => assert.fail('started without its store'))]);

    assert.equal((await fetch(`${at}/healthz`)).status, 200);
    assert.equal((await fetch(`${at}/readyz`)).status, 503);
    const early = await fetch(`${at}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(early.status, 503);
    assert.equal(early.headers.get('retry-after'), '5');

    stop.abort();
    await assert.rejects(started, StartupAborted);
    await assert.rejects(fetch(`${at}/healthz`), 'the listener is closed');
  });

  it('once the store is open serves readiness, and closes HTTP, the scheduler and the store once', async () => {
    const bot = await startTestBot();
    assert.equal((await fetch(`${bot.app.url}/readyz`)).status, 200);
    assert.equal(bot.app.store.kind, 'embedded');

    const closing = bot.app.close();
    assert.equal(bot.app.close(), closing, 'a second close waits for the first');
    await bot.close();
    await assert.rejects(fetch(`${bot.app.url}/readyz`), 'the listener is closed');
    assert.equal(await bot.app.store.ping(), false, 'the store is closed');
  });

  it('tells the operator where it listens, whom it serves, and warns of a multi-tenant registration', async () => {
    const tenant = '00000000-0000-4000-8000-0000000000aa';
    const lines: Record<string, unknown>[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const bot = await startTestBot(
      {
        BOT_ANONYMOUS: '',
        MicrosoftAppId: '6d1f3a52-8c4e-4b7a-9f21-3e5d7c9a0b14',
        MicrosoftAppPassword: 'not-a-real-secret',
        MicrosoftAppType: 'MultiTenant',
        ALLOWED_TENANT_IDS: tenant,
      },
      undefined,
      undefined,
      log,
    );
    await bot.close();
    const listening = lines.find((l) => l.msg === 'Peer Coach is listening');
    assert.deepEqual(
      { auth: listening?.auth, store: listening?.store, port: listening?.port },
      { auth: 'authenticated', store: 'embedded', port: bot.app.port },
    );
    assert.ok(lines.some((l) => String(l.msg).startsWith('MicrosoftAppType=MultiTenant')));
    assert.deepEqual(lines.find((l) => l.msg === 'serving these Entra tenants only')?.allowedTenantIds, [
      tenant,
    ]);
    assert.ok(!lines.some((l) => String(l.msg).startsWith('ANONYMOUS MODE')));
  });

  it('measures how long it took from process start to serving, once, and counts the store requests of opening', async () => {
    const recorder = new TelemetryRecorder();
    const bot = await startTestBot({}, undefined, undefined, silentLogger, { telemetry: recorder.telemetry });
    try {
      const startup = (await recorder.points()).filter((p) => p.name === metricNames.startupDuration);
      assert.equal(startup.length, 1);
      assert.equal(startup[0]?.value, 1, 'recorded once');
      assert.ok(startup[0]!.sum! > 0 && startup[0]!.sum! <= performance.now(), 'from process start');
      assert.ok((await recorder.total(metricNames.storeRequests)) > 0);
    } finally {
      await bot.close();
      await recorder.shutdown();
    }
  });
});
