import assert from 'node:assert/strict';
import { blake } from '../support/activities';
import { e2eBot } from '../support/e2e-bot';

describe('e2e: graceful shutdown', () => {
  const bot = e2eBot();

  /** Blake asks for help while the connector answers slowly, and the app starts closing 100 ms later */
  async function closeDuringATurn() {
    await bot.install(blake);
    bot.connector.delayMs = 400;
    const inFlight = bot.say(blake, 'help');
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { inFlight, closed: bot.app.close() };
  }

  it('finishes a turn in flight, then stops taking work', async () => {
    const { inFlight, closed } = await closeDuringATurn();

    assert.equal((await inFlight).status, 200);
    await closed;
    assert.match(JSON.stringify(bot.connector.to(blake.conversationId).at(-1)), /What you can do/);
    await assert.rejects(fetch(`${bot.app.url}/healthz`), 'the listener is closed');
  });

  it('refuses new work with 503 while it drains', async () => {
    const { inFlight, closed } = await closeDuringATurn();
    // a connection already open (keep-alive) may still reach the server during the drain
    const late = await bot.say(blake, 'help').catch(() => ({ status: 0 }));
    assert.ok(late.status === 503 || late.status === 0, `got ${late.status}`);
    await inFlight;
    await closed;
  });
});
