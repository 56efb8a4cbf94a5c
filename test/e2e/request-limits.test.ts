import assert from 'node:assert/strict';
import { blake, installed, message } from '../support/activities';
import { startTestBot, TestBot } from '../support/test-bot';

describe('e2e: oversized and garbage requests', () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
    await bot.post(installed(blake, bot.connector.url));
  });
  after(() => bot.close());

  const raw = (body: string, contentType = 'application/json') =>
    fetch(`${bot.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('refuses a body over 256 KB with a 4xx', async () => {
    const huge = JSON.stringify({ ...message(blake, bot.connector.url, 'x'.repeat(300 * 1024)) });
    const res = await raw(huge);
    assert.ok(res.status >= 400 && res.status < 500, `got ${res.status}`);
  });

  it('refuses a body that is not JSON with a 4xx', async () => {
    const res = await raw('{ this is not json');
    assert.ok(res.status >= 400 && res.status < 500, `got ${res.status}`);
  });

  it('refuses an activity with no sender, channel or tenant: 403, and it stores and sends nothing', async () => {
    const people = async () =>
      (await bot.app.store.containers.people.items.readAll().fetchAll()).resources.length;
    const [storedBefore, sentBefore] = [await people(), bot.connector.sent.length];
    const res = await raw(JSON.stringify({ type: 'message', text: 'help' }));
    assert.equal(res.status, 403);
    assert.equal(await people(), storedBefore);
    assert.equal(bot.connector.sent.length, sentBefore);
  });

  it('refuses an oversized body and garbage also with a 4xx in a row, without falling over', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await raw(i % 2 ? '\u0000\u0001garbage' : 'x'.repeat(300 * 1024));
      assert.ok(res.status >= 400 && res.status < 500, `got ${res.status}`);
    }
  });

  it('stays healthy and keeps answering real people afterwards', async () => {
    assert.equal((await fetch(`${bot.app.url}/healthz`)).status, 200);
    assert.equal((await bot.post(message(blake, bot.connector.url, 'help'))).status, 200);
    await bot.connector.waitFor(() => bot.connector.to(blake.conversationId).length >= 2);
  });
});
