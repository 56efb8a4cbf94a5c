import assert from 'node:assert/strict';
import { blake, installed, message } from '../support/activities';
import { startTestBot, TestBot } from '../support/test-bot';

describe('e2e: graceful shutdown', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.close());

  it('finishes a turn in flight, then stops taking work', async () => {
    await bot.post(installed(blake, bot.connector.url));
    bot.connector.delayMs = 400;
    const inFlight = bot.post(message(blake, bot.connector.url, 'help'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = bot.app.close();

    assert.equal((await inFlight).status, 200);
    await closed;
    assert.match(JSON.stringify(bot.connector.to(blake.conversationId).at(-1)), /What you can do/);
    await assert.rejects(fetch(`${bot.app.url}/healthz`), 'the listener is closed');
  });

  it('refuses new work with 503 while it drains', async () => {
    await bot.post(installed(blake, bot.connector.url));
    bot.connector.delayMs = 400;
    const inFlight = bot.post(message(blake, bot.connector.url, 'help'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = bot.app.close();
    // a connection already open (keep-alive) may still reach the server during the drain
    const late = await bot.post(message(blake, bot.connector.url, 'help')).catch(() => ({ status: 0 }));
    assert.ok(late.status === 503 || late.status === 0, `got ${late.status}`);
    await inFlight;
    await closed;
  });
});
