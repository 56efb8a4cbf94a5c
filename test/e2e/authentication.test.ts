import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { blake, message } from '../support/activities';
import { startTestBot, TestBot } from '../support/test-bot';

const root = path.resolve(__dirname, '../..');

describe('e2e: authentication fails closed', () => {
  describe('with an app id configured', () => {
    let bot: TestBot;
    before(async () => {
      bot = await startTestBot({
        BOT_ANONYMOUS: '',
        MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
        MicrosoftAppPassword: 'not-a-real-secret',
        MicrosoftAppTenantId: '00000000-0000-4000-8000-0000000000aa',
      });
    });
    after(() => bot.close());

    it('refuses a request without a token with 401 and sends nothing', async () => {
      const res = await bot.post(message(blake, bot.connector.url, 'help'));
      assert.equal(res.status, 401);
      assert.equal(bot.connector.sent.length, 0);
    });

    it('refuses a request with a token that is not a valid Bot Framework JWT with 401', async () => {
      const res = await bot.post(
        message(blake, bot.connector.url, 'help'),
        'eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.',
      );
      assert.equal(res.status, 401);
      assert.equal(bot.connector.sent.length, 0);
    });

    it('still answers /healthz and /readyz', async () => {
      assert.equal((await fetch(`${bot.app.url}/healthz`)).status, 200);
      assert.equal((await fetch(`${bot.app.url}/readyz`)).status, 200);
    });
  });

  describe('in explicit local mode (BOT_ANONYMOUS=1, no app id)', () => {
    let bot: TestBot;
    before(async () => {
      bot = await startTestBot({});
    });
    after(() => bot.close());

    it('accepts a request without a token', async () => {
      const res = await bot.post(message(blake, bot.connector.url, 'help'));
      assert.equal(res.status, 200);
      await bot.connector.waitFor(() => bot.connector.sent.length > 0);
    });
  });

  describe('with neither an app id nor BOT_ANONYMOUS=1', () => {
    it('refuses to start, and says which variable to set and why', function () {
      this.timeout(30000);
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
        encoding: 'utf8',
        timeout: 25000,
      });
      assert.equal(run.status, 1);
      assert.match(run.stderr, /PC-CFG-001 MicrosoftAppId/);
      assert.match(run.stderr, /BOT_ANONYMOUS=1 for local use/);
    });
  });
});
