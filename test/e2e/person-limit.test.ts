import assert from 'node:assert/strict';
import { defaultPersonWindows, defaultRefreshWindows } from '../../src/delivery/person-limit';
import {
  avery,
  blake,
  botAddedToTeam,
  chris,
  execute,
  installed,
  message,
  refreshCard,
} from '../support/activities';
import { pairWithThursdayObservation } from '../support/cycle-fixtures';
import { startTestBot, TestBot, textOf } from '../support/test-bot';
import { cardsTo } from '../support/e2e-bot';

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
    assert.match(after[0]!, new RegExp(`wait a moment — try again in ${burst.perMs / 1000} seconds`));
  });

  it('tells a person held back by the minute window when to try again, once, and then answers them', async () => {
    await bot.close();
    bot = await startTestBot({}, undefined, undefined, undefined, {
      personLimit: [
        { count: 5, perMs: 10_000 },
        { count: 8, perMs: 60_000 },
      ],
    });
    svc = bot.connector.url;
    bot.clock.set('2026-09-01T08:00:00Z');
    for (let i = 0; i < 5; i++) await bot.post(message(blake, svc, 'help'));
    bot.clock.advance(10_000);
    for (let i = 0; i < 3; i++) await bot.post(message(blake, svc, 'help'));
    const answered = said(blake.conversationId).length;
    assert.equal(answered, 8);

    bot.clock.advance(10_000);
    await bot.post(message(blake, svc, 'help'));
    assert.match(said(blake.conversationId).at(-1)!, /try again in 40 seconds/);
    for (const wait of [5_000, 15_000, 19_000]) {
      bot.clock.advance(wait);
      await bot.post(message(blake, svc, 'help'));
    }
    assert.equal(said(blake.conversationId).length, answered + 1, 'told once while the window is full');
    bot.clock.advance(1_000);
    await bot.post(message(blake, svc, 'help'));
    assert.equal(said(blake.conversationId).length, answered + 2, 'answered at the time it was told');
    assert.doesNotMatch(said(blake.conversationId).at(-1)!, /try again/);
  });

  it('tells a Swedish reader in Swedish, with the seconds', async () => {
    const swede = { ...blake, locale: 'sv-SE' };
    for (let i = 0; i < burst.count; i++) await bot.post(message(swede, svc, 'hjälp'));
    bot.clock.advance(9_000);
    await bot.post(message(swede, svc, 'hjälp'));
    assert.match(said(blake.conversationId).at(-1)!, /Vänta en stund – försök igen om 1 sekund\./);
  });

  it('never holds back a coordinator clicking through cards at a brisk human pace: about one a second for two minutes', async () => {
    await bot.post(installed(avery, svc));
    // a human's pace is uneven: between a quarter of a second and a second and three quarters, one a second on average
    let seed = 7;
    const gap = () => 250 + ((seed = (seed * 16807) % 2147483647) % 1501);
    let elapsed = 0;
    let clicks = 0;
    while (elapsed < 120_000) {
      const res = await bot.post(
        execute(avery, svc, 'command.run', { command: clicks % 2 ? 'help' : 'programmes' }),
      );
      assert.equal(res.status, 200);
      assert.doesNotMatch(JSON.stringify(res.body), /breather|try again/, `click ${clicks} at ${elapsed} ms`);
      clicks++;
      const step = gap();
      elapsed += step;
      bot.clock.advance(step);
    }
    assert.ok(clicks >= 100, `${clicks} clicks`);
    assert.doesNotMatch(said(avery.conversationId).join('\n'), /breather|try again/);
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
      assert.match(body.value, /try again in \d+ seconds?\. Anything you typed on a card is still there/);
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

describe('e2e: automatic card refreshes have their own, generous per-person budget', () => {
  let bot: TestBot;
  let svc: string;
  const refreshBurst = defaultRefreshWindows[0]!;
  const clickBurst = defaultPersonWindows[0]!;
  let refresh: { verb: string; data: object };

  beforeEach(async () => {
    bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId }, undefined, undefined, undefined, {
      personLimit: defaultPersonWindows,
    });
    svc = bot.connector.url;
    await pairWithThursdayObservation(bot, avery, blake, chris);
    // the working day before, 16:00: the host's before-card, which refreshes itself when shown
    bot.clock.set('2026-09-02T14:00:00Z');
    await bot.runDueWork();
    const card = cardsTo(bot, blake).find((c) => /Before you are observed/.test(textOf(c)));
    refresh = (card?.refresh as { action: { verb: string; data: object } }).action;
    assert.equal(refresh.verb, 'prompt.view');
    // past the turns that set it all up
    bot.clock.advance(60_000);
  });
  afterEach(() => bot.close());

  /** Teams showing the card n times; how many answers carried the card */
  async function shown(n: number): Promise<{ cards: number; statuses: number[] }> {
    let cards = 0;
    const statuses: number[] = [];
    for (let i = 0; i < n; i++) {
      const res = await bot.post(refreshCard(blake, svc, refresh));
      statuses.push(res.status);
      if ((res.body as { type?: string }).type === 'application/vnd.microsoft.card.adaptive') cards++;
    }
    return { cards, statuses };
  }

  it('refreshes a chat full of cards, cuts a flood, and leaves the card as it is', async function () {
    this.timeout(60_000);
    const flood = await shown(300);
    assert.equal(flood.cards, refreshBurst.count, `${flood.cards} of 300 refreshes were served`);
    assert.ok(
      flood.statuses.every((s) => s === 200),
      'over the budget Teams gets a plain answer that keeps the card, not an error',
    );
    assert.equal(bot.connector.to(blake.conversationId).filter((a) => a.text).length, 0, 'nothing posted');
    bot.clock.advance(refreshBurst.perMs);
    assert.equal((await shown(1)).cards, 1, 'served again once the window has passed');
  });

  it('keeps clicks and refreshes on separate budgets', async () => {
    await shown(refreshBurst.count + 5);
    const before = bot.connector.to(blake.conversationId).length;
    await bot.post(message(blake, svc, 'help'));
    assert.equal(
      bot.connector.to(blake.conversationId).length,
      before + 1,
      'a click after a flood of refreshes is answered',
    );
    assert.doesNotMatch(String(bot.connector.to(blake.conversationId).at(-1)?.text ?? ''), /wait a moment/);

    bot.clock.advance(refreshBurst.perMs);
    for (let i = 0; i < clickBurst.count + 3; i++) await bot.post(message(blake, svc, 'help'));
    assert.equal((await shown(1)).cards, 1, 'a card still refreshes after a flood of clicks');
  });
});

describe('e2e: a turn without a sender', () => {
  let bot: TestBot;
  let svc: string;
  const team = { id: '19:team-without-sender@thread.tacv2', name: 'Ward 5' };

  beforeEach(async () => {
    bot = await startTestBot({}, undefined, undefined, undefined, { personLimit: defaultPersonWindows });
    svc = bot.connector.url;
  });
  afterEach(() => bot.close());

  const senders: Record<string, object | undefined> = {
    'no from': undefined,
    'an empty from': {},
    'empty ids': { id: '', aadObjectId: '' },
    'blank ids': { id: '  ', aadObjectId: ' ' },
  };

  it('is refused before any store work: a message gets nothing, an invoke 400, an install stores nothing', async () => {
    for (const [what, from] of Object.entries(senders)) {
      const said = await bot.post({ ...message(blake, svc, 'pause'), from });
      assert.equal(said.status, 200, what);
      const clicked = await bot.post({ ...execute(blake, svc, 'command.run', { command: 'help' }), from });
      assert.equal(clicked.status, 400, `${what}: the invoke is refused`);
      await bot.post({ ...installed(blake, svc), from });
      await bot.post({ ...botAddedToTeam(blake, svc, team), from });
    }
    assert.deepEqual(bot.connector.sent, [], 'nothing sent');
    for (const container of ['people', 'teams'] as const) {
      const { resources } = await bot.app.store.containers[container].items.readAll().fetchAll();
      assert.deepEqual(resources, [], `nothing stored in ${container}`);
    }
  });

  it('still lets Teams install the app in a team and in a chat', async () => {
    await bot.post(botAddedToTeam(blake, svc, team));
    await bot.post(installed(blake, svc));
    assert.equal(bot.connector.sent.length, 2, 'two welcomes');
  });
});
