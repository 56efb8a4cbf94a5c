import assert from 'node:assert/strict';
import { buttonData, pairWithThursdayObservation } from '../support/cycle-fixtures';
import { avery, execute, message, refreshCard, submit, TestUser, testUser } from '../support/activities';
import { cardOf, invokeCard, startTestBot, TestBot, textOf, verbsOf } from '../support/test-bot';
import { latestCardTitled } from '../support/e2e-bot';
import { embeddedKey, EmbeddedCosmos, startEmbeddedCosmos } from '../../src/store/embedded-cosmos';
import { FaultProxy } from '../support/fault-proxy';

const blake = testUser('b', 'Blake Berg', { timeZone: 'Europe/Stockholm', locale: 'en-GB' });
const chris = testUser('c', 'Chris Dahl', { timeZone: 'Europe/London', locale: 'en-GB' });

type Card = Record<string, unknown>;
interface Refresh {
  action: { type: string; verb: string; data: Record<string, string> };
  userIds?: string[];
}
const refreshOf = (card: Card | undefined) => card?.refresh as Refresh | undefined;

/** every Action.Execute anywhere in a card except the refresh */
function executeActions(card: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown, key?: string) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n));
    if (!node || typeof node !== 'object' || key === 'refresh') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute') out.push(o);
    for (const [k, v] of Object.entries(o)) if (k !== 'fallback') walk(v, k);
  };
  walk(card);
  return out;
}

describe('e2e: Universal Actions — each person sees their own current card, in every client', () => {
  let bot: TestBot;
  let svc: string;

  const sentTo = (u: TestUser) => bot.connector.sent.filter((s) => s.conversationId === u.conversationId);
  const lastCardMatching = (u: TestUser, title: RegExp) => latestCardTitled(bot, u, title);
  const answer = async (u: TestUser, card: Card | undefined, answers: Record<string, string>) =>
    invokeCard(
      (await bot.post(execute(u, svc, 'prompt.answer', { ...buttonData(card, 'prompt.answer'), ...answers })))
        .body,
    );
  /** Teams showing `card` to `u` and running its refresh */
  const shown = (u: TestUser, card: Card | undefined) =>
    bot.post(refreshCard(u, svc, refreshOf(card)!.action));

  let hostBefore: Card;
  let observerBefore: Card;

  beforeEach(async () => {
    bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    svc = bot.connector.url;
    await pairWithThursdayObservation(bot, avery, blake, chris);
    // the working day before, 16:00 in both zones: both before-cards are out
    bot.clock.set('2026-09-02T15:00:00Z');
    await bot.runDueWork();
    hostBefore = lastCardMatching(blake, /Before you are observed/)!;
    observerBefore = lastCardMatching(chris, /Before you observe/)!;
    assert.ok(hostBefore && observerBefore);
  });
  afterEach(() => bot.close());

  it('a prompt card refreshes for its reader only, and every button has an Action.Submit fallback', () => {
    const refresh = refreshOf(hostBefore)!;
    assert.equal(refresh.action.type, 'Action.Execute');
    assert.equal(refresh.action.verb, 'prompt.view');
    assert.deepEqual(refresh.userIds, [`29:${blake.aadObjectId}`]);
    assert.deepEqual(refreshOf(observerBefore)!.userIds, [`29:${chris.aadObjectId}`]);
    const buttons = executeActions(hostBefore);
    assert.ok(buttons.length > 0);
    for (const b of buttons) {
      assert.deepEqual(b.fallback, {
        type: 'Action.Submit',
        title: b.title,
        ...(b.style ? { style: b.style } : {}),
        data: { ...(b.data as object), verb: b.verb },
      });
    }
  });

  it('the fallback works: an Action.Submit with the fallback data answers the card in place', async () => {
    const fallback = executeActions(hostBefore)[0]!.fallback as { data: Record<string, string> };
    const cardId = sentTo(blake).find((s) => /Before you are observed/.test(textOf(cardOf(s.activity))))!.id;
    await bot.post(
      submit(blake, svc, cardId, { ...fallback.data, 'bh.strategy': 'Silence', 'bh.focus': 'Wait longer' }),
    );
    const inPlace = bot.connector.updated.filter((u) => u.id === cardId).at(-1);
    assert.match(textOf(cardOf(inPlace?.activity)), /Thank you — saved/);
  });

  it('shown after its deadline, the card says it has expired and cannot be answered; nothing is posted', async () => {
    // the default deadline is a week after the card was sent
    bot.clock.set('2026-09-10T12:00:00Z');
    await bot.runDueWork();
    const before = sentTo(blake).length;
    const res = await shown(blake, hostBefore);
    const card = invokeCard(res.body);
    assert.match(textOf(card), /Before you are observed/);
    assert.match(textOf(card), /This card has expired/);
    assert.deepEqual(verbsOf(card), [], 'no buttons on an expired card');
    assert.equal(refreshOf(card)?.action.verb, 'prompt.view', 'it keeps refreshing');
    assert.equal(sentTo(blake).length, before, 'a refresh never posts to the chat');
  });

  it("shown after the host answered elsewhere, the observer's card has the host's focus and the host's is answered", async () => {
    await answer(blake, hostBefore, {
      'bh.strategy': 'Let the student lead',
      'bh.focus': 'My own questions',
    });
    assert.match(textOf(invokeCard((await shown(chris, observerBefore)).body)), /My own questions/);
    const host = invokeCard((await shown(blake, hostBefore)).body);
    assert.match(textOf(host), /Thank you — saved/);
    assert.deepEqual(verbsOf(host), []);
  });

  it('a withdrawn observation: the card, shown again, says so', async () => {
    const upcomingCardActions = async () => {
      await bot.post({ ...execute(chris, svc, 'command.run', { command: 'upcoming' }) });
      return sentTo(chris)
        .map((s) => cardOf(s.activity))
        .filter((c) => c && verbsOf(c).includes('observation.cancel'))
        .at(-1);
    };
    const upcoming = await upcomingCardActions();
    await bot.post(execute(chris, svc, 'observation.cancel', buttonData(upcoming, 'observation.cancel')));
    const card = invokeCard((await shown(blake, hostBefore)).body);
    assert.match(textOf(card), /so this card is withdrawn/);
    assert.deepEqual(verbsOf(card), []);
  });

  it("someone else's Teams running the refresh gets no card, nothing of the owner's, and nothing is posted", async () => {
    await answer(blake, hostBefore, { 'bh.strategy': 'PRIVATE-strategy', 'bh.focus': 'PRIVATE-focus' });
    for (const other of [chris, avery]) {
      const before = sentTo(other).length;
      const res = await shown(other, hostBefore);
      assert.equal(res.status, 200);
      const body = res.body as { type: string };
      assert.equal(body.type, 'application/vnd.microsoft.activity.message');
      assert.doesNotMatch(JSON.stringify(res.body), /PRIVATE/);
      assert.equal(sentTo(other).length, before);
    }
  });

  it('an automatic trigger can only refresh: it cannot answer a card (403, nothing stored)', async () => {
    const res = await bot.post(
      refreshCard(blake, svc, {
        verb: 'prompt.answer',
        data: { ...buttonData(hostBefore, 'prompt.answer'), 'bh.strategy': 'x', 'bh.focus': 'y' },
      }),
    );
    assert.equal((res.body as { statusCode: number }).statusCode, 403);
    const card = invokeCard((await shown(blake, hostBefore)).body);
    assert.deepEqual(verbsOf(card), ['prompt.answer'], 'still open');
  });

  it("the summary refreshes for each member with the pair's latest: an action point the peer added since", async () => {
    bot.clock.set('2026-09-03T10:00:00Z');
    await bot.runDueWork();
    await answer(chris, lastCardMatching(chris, /Your feedback for Blake Berg/), {
      'ao.worked': 'You waited',
      'ao.focus': 'Silence worked',
    });
    await answer(blake, lastCardMatching(blake, /Your reflection/), {
      'ah.plan': 'Better than planned',
      'ah.noticed': 'I felt rushed',
      'ah.safety': '4',
    });
    await bot.runDueWork();
    const blakeSummary = lastCardMatching(blake, /side by side|Summary/i);
    const chrisSummary = lastCardMatching(chris, /side by side|Summary/i);
    assert.ok(blakeSummary && chrisSummary);
    assert.equal(refreshOf(blakeSummary)!.action.verb, 'summary.view');
    assert.deepEqual(refreshOf(blakeSummary)!.userIds, [`29:${blake.aadObjectId}`]);
    assert.deepEqual(refreshOf(chrisSummary)!.userIds, [`29:${chris.aadObjectId}`]);
    assert.doesNotMatch(textOf(blakeSummary), /Ask more open questions/);

    await bot.post(
      execute(chris, svc, 'summary.actionPoint', {
        ...buttonData(chrisSummary, 'summary.actionPoint'),
        actionPoint: 'Ask more open questions',
      }),
    );
    const refreshed = invokeCard((await shown(blake, blakeSummary)).body);
    assert.match(textOf(refreshed), /Chris Dahl: Ask more open questions/);
    assert.deepEqual(refreshOf(refreshed)!.userIds, [`29:${blake.aadObjectId}`], 'still his own view');

    const outsider = await shown(avery, blakeSummary);
    assert.doesNotMatch(JSON.stringify(outsider.body), /open questions|I felt rushed/);

    // Chris deletes what he wrote: Blake's summary, shown again, no longer holds Chris's words
    await bot.post(message(chris, svc, 'delete my data'));
    const confirm = cardOf(bot.connector.to(chris.conversationId).at(-1));
    await bot.post(execute(chris, svc, 'data.erase', buttonData(confirm, 'data.erase')));
    const afterErase = textOf(invokeCard((await shown(blake, blakeSummary)).body));
    assert.doesNotMatch(afterErase, /Silence worked|You waited|Ask more open questions/);
    assert.match(afterErase, /I felt rushed/, "Blake's own words stay");
  });
});

describe('e2e: a card action slower than Teams waits for', () => {
  let cosmos: EmbeddedCosmos;
  let proxy: FaultProxy;
  let bot: TestBot;

  before(async () => {
    cosmos = await startEmbeddedCosmos();
    proxy = new FaultProxy(cosmos.endpoint);
    await proxy.start();
  });
  after(async () => {
    await proxy.stop();
    await cosmos.close();
  });
  afterEach(() => bot?.close());

  it('is answered "still working" at the deadline, and its result arrives in the chat when ready', async () => {
    bot = await startTestBot(
      { COORDINATOR_AAD_IDS: avery.aadObjectId, COSMOS_ENDPOINT: proxy.url, COSMOS_KEY: embeddedKey },
      undefined,
      undefined,
      undefined,
      { invokeDeadlineMs: 150 },
    );
    const svc = bot.connector.url;
    await pairWithThursdayObservation(bot, avery, blake, chris);
    bot.clock.set('2026-09-02T15:00:00Z');
    await bot.runDueWork();
    const card = latestCardTitled(bot, blake, /Before you are observed/)!;

    // every store request now takes 100 ms: an answer needs several
    proxy.slowDown(100);
    const before = bot.connector.to(blake.conversationId).length;
    const res = await bot.post(
      execute(blake, svc, 'prompt.answer', {
        ...buttonData(card, 'prompt.answer'),
        'bh.strategy': 'Let the student lead',
        'bh.focus': 'My own questions',
      }),
    );
    assert.deepEqual(res.body, {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Still working on it — the result will appear in this chat in a moment.',
    });
    for (let i = 0; i < 100 && bot.connector.to(blake.conversationId).length === before; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    proxy.heal();
    const late = bot.connector.to(blake.conversationId).slice(before);
    assert.equal(late.length, 1, 'the answered card, once');
    assert.match(textOf(cardOf(late[0])), /Thank you — saved/);
  });
});
