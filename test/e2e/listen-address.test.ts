import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import * as path from 'node:path';
import pino from 'pino';
import { RunningApp, startApp } from '../../src/app';
import { Env, parseConfig } from '../../src/config/config';

/** this machine's first IPv4 address that is not loopback, if it has one */
function networkAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

/** whether GET /healthz at this address answers; a refused connection is false */
async function answers(host: string, port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://${host}:${port}/healthz`, { signal: AbortSignal.timeout(3000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** the app as `npm start` runs it (no host passed in), on a random port, with its log lines */
async function start(
  env: Env,
): Promise<{ app: RunningApp; logs: Record<string, unknown>[]; close(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'peer-coach-listen-'));
  const logs: Record<string, unknown>[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const config = { ...parseConfig({ DATA_DIR: dataDir, ...env }), port: 0 };
  const app = await startApp(config, log, { dispatchLoop: false });
  return {
    app,
    logs,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe('e2e: where the bot listens', () => {
  const address = networkAddress();
  before(function () {
    if (!address) {
      console.log('      skipped: this machine has no IPv4 address besides loopback to try from');
      this.skip();
    }
  });

  it('in anonymous mode answers on 127.0.0.1 only, not on the network, and says so', async () => {
    const bot = await start({ BOT_ANONYMOUS: '1' });
    try {
      const local = await answers('127.0.0.1', bot.app.port);
      const remote = await answers(address!, bot.app.port);
      console.log(
        `      anonymous: 127.0.0.1 ${local ? 'answers' : 'refused'}, ${address} ${remote ? 'answers' : 'refused'}`,
      );
      assert.equal(local, true);
      assert.equal(remote, false, `anyone reaching ${address} could act as any user`);
      const listening = bot.logs.find((l) => l.msg === 'Peer Coach is listening');
      assert.equal(listening?.host, '127.0.0.1');
      const warning = bot.logs.find((l) => String(l.msg).startsWith('ANONYMOUS MODE'));
      assert.match(String(warning?.msg), /127\.0\.0\.1/);
    } finally {
      await bot.close();
    }
  });

  it('with an app id answers on the network too (every request needs a token there)', async () => {
    const bot = await start({
      MicrosoftAppId: '6d1f3a52-8c4e-4b7a-9f21-3e5d7c9a0b14',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '00000000-0000-4000-8000-0000000000aa',
    });
    try {
      assert.equal(await answers(address!, bot.app.port), true);
      assert.equal(bot.logs.find((l) => l.msg === 'Peer Coach is listening')?.host, '0.0.0.0');
    } finally {
      await bot.close();
    }
  });

  it('in anonymous mode answers on the network when HOST says so', async () => {
    const bot = await start({ BOT_ANONYMOUS: '1', HOST: '0.0.0.0' });
    try {
      assert.equal(await answers(address!, bot.app.port), true);
    } finally {
      await bot.close();
    }
  });
});
