import assert from 'node:assert/strict';
import { defaultPersonWindows } from '../../src/delivery/person-limit';
import { blake, chris, execute, installed, message } from '../support/activities';
import { startTestBot, TestBot } from '../support/test-bot';

describe('e2e: a per-person limit on requests', () => {
  let bot: TestBot;
  let svc: string;
  const burst = defaultPersonWindows[0]!;
  const said = (conversationId: string) => bot.connector.to(conversationId).map((a) => String(a.text ?? ''));

  beforeEach(async () => {
    bot = await startTestBot({}, undefined, undefined, undefined, { personLimit: defaultPersonWindows });
    svc = bot.connector.url;
    bot.clock.set('2026-09-01T08:00:00Z');
  });
  afterEach(() => bot.close());

  it('answers a burst of commands up to the limit, then says "slow down" once and stays quiet', async () => {
    await bot.post(installed(blake, svc));
    for (let i = 1; i < burst.count; i++) await bot.post(message(blake, svc, 'help'));
    const answered = bot.connector.to(blake.conversationId).length;
    for (let i = 0; i < 20; i++) {
      const res = await bot.post(message(blake, svc, 'help'));
      assert.equal(res.status, 200, 'refused quietly, not an error');
    }
    const after = said(blake.conversationId).slice(answered);
    assert.equal(after.length, 1, `one line for twenty refused requests, got ${after.length}`);
    assert.match(after[0]!, /wait a moment and try again/);
  });

  it('lets the person in again once the window has passed', async () => {
    for (let i = 0; i < burst.count + 3; i++) await bot.post(message(blake, svc, 'help'));
    bot.clock.advance(burst.perMs);
    const before = bot.connector.to(blake.conversationId).length;
    await bot.post(message(blake, svc, 'help'));
    assert.equal(bot.connector.to(blake.conversationId).length, before + 1);
    assert.doesNotMatch(said(blake.conversationId).at(-1)!, /wait a moment/);
  });

  it('answers a card action over the limit under its card, every time, keeping what was typed', async () => {
    for (let i = 0; i < burst.count; i++) await bot.post(message(blake, svc, 'help'));
    for (let i = 0; i < 3; i++) {
      const res = await bot.post(execute(blake, svc, 'profile.save', { timeZone: 'Europe/London' }));
      assert.equal(res.status, 200);
      const body = res.body as { type: string; value: string };
      assert.equal(body.type, 'application/vnd.microsoft.activity.message', 'the card is left as it is');
      assert.match(body.value, /anything you typed on a card is still there/);
    }
  });

  it('counts each person on their own', async () => {
    for (let i = 0; i < burst.count + 5; i++) await bot.post(message(blake, svc, 'help'));
    const before = bot.connector.to(chris.conversationId).length;
    await bot.post(message(chris, svc, 'help'));
    assert.equal(bot.connector.to(chris.conversationId).length, before + 1, 'Chris is answered');
  });

  it('does nothing for a refused request', async () => {
    await bot.post(installed(blake, svc));
    for (let i = 1; i < burst.count; i++) await bot.post(message(blake, svc, 'help'));
    await bot.post(message(blake, svc, 'pause'));
    const { resource } = await bot.app.store.containers.people
      .item(blake.aadObjectId, blake.aadObjectId)
      .read();
    assert.equal(resource?.paused, false, 'the refused "pause" did not pause Blake');
    assert.doesNotMatch(said(blake.conversationId).join('\n'), /Paused/);
  });
});
