import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { wordsFor } from '../../src/i18n';
import { launchChromium, pngStats, requireChromium } from '../support/browser';
import { PlaygroundClient, ReceivedMessage, visibleText } from '../support/playground-client';
import { openPlaygroundPage } from '../support/playground-page';
import { BLAKE_ZONE, escape, MINUTE, playgroundSessionHooks, typedAt } from '../support/playground-session';
import { TestClock } from '../support/test-clock';

/**
 * Issue 7's real-client test with a real browser: the Microsoft 365 Agents Playground's own web UI in
 * headless Chromium. The coordinator's set-up (programme, enrolment, pairing) and the scheduling go
 * through the Playgrounds' API, as in playground-cycle.test.ts; then Blake Berg opens his Playground
 * in Chromium, his before-card arrives in the chat, and he types his answers and clicks Send in the
 * page. Screenshots go to test-output/screenshots/. DOM findings: docs/playground-notes.md.
 */

const ROOT = path.resolve(__dirname, '../..');
const SCREENSHOTS = path.join(ROOT, 'test-output/screenshots');
const shot = (name: string) => path.join(SCREENSHOTS, `playground-${name}.png`);
/** every picture this test takes; removed first, so that an old run's files prove nothing */
const PICTURES = ['before-card-open', 'before-card-filled', 'before-card-answered', 'chat-answered'];

/** Tuesday 6 October 2026: 15:00 in Stockholm, 09:00 in Toronto */
const FIRST_MOMENT = '2026-10-06T13:00:00Z';
/** the Playground is always en-US */
const words = wordsFor('en-US', BLAKE_ZONE);
const STRATEGY = 'Let the student lead the bedside history';
const FOCUS = 'How long I wait before stepping in';

describe('playground (browser): a supervisor answers his before-card in the Playground web UI', function () {
  this.timeout(45_000);

  // first, so that a machine without Chromium starts nothing
  before(function () {
    requireChromium(this);
  });
  const clock = new TestClock(FIRST_MOMENT);
  const session = playgroundSessionHooks({ name: 'browser', clock, env: { TIMING_SCALE: 'minutes' } });
  let avery: PlaygroundClient;
  let blake: PlaygroundClient;
  let browser: Browser | undefined;
  let page: Page;
  /** the before-card as Blake's page shows it: the message's card container in the chat */
  let card: Locator;
  let start: Date;
  /** Avery's before-card, as her Playground (the API client) shows it */
  let averyCard: ReceivedMessage;
  const pageErrors: string[] = [];

  before(async () => {
    ({ avery, blake } = session);
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page && !page.isClosed()) {
      await page.screenshot({ path: shot('failure'), fullPage: true }).catch(() => undefined);
      console.log(`    the page at the failure: ${shot('failure')}`);
    }
  });
  after(async () => {
    await browser?.close();
  });

  it('through the API: Avery sets up a programme and pairs herself with Blake; Blake schedules an observation he hosts', async () => {
    await session.openChats();
    await avery.send('new programme');
    const programme = await avery.waitForMessage(/New programme/);
    await avery.execute(programme, 'programme.save', { name: 'Spring term, Surgery' });
    await avery.execute(programme, 'enrol.open');
    await avery.execute(programme, 'enrol.save', {
      people: [avery.me.aadObjectId, blake.me.aadObjectId].join(','),
    });
    await avery.execute(programme, 'pairing.open');
    await avery.execute(programme, 'pairing.manual', {
      first: avery.me.aadObjectId,
      second: blake.me.aadObjectId,
    });
    await blake.waitForMessage(/You have a peer in/);
    // the two baseline invitations that enrolment plans go out now, not with the before-cards
    await session.runDueWork();
    await blake.waitForMessage(/^Your starting point/);

    const from = blake.messages.length;
    await blake.send('schedule');
    const form = await blake.waitForMessage(/^Schedule an observation/, from);
    start = new Date(clock.now().getTime() + 5 * MINUTE);
    await blake.execute(form, 'schedule.save', {
      ...typedAt(start, BLAKE_ZONE),
      durationMinutes: '10',
      hostId: blake.me.aadObjectId,
      setting: 'bedsideTeaching',
      learnerLevel: 'intern',
    });
    await avery.waitForMessage(/^New observation/);
  });

  it('Blake opens his Playground in Chromium: his personal chat, listening for the bot', async () => {
    page = await openPlaygroundPage(browser!, blake, pageErrors);
  });

  it('a minute before the start his before-card appears in the chat, with the questions to answer', async () => {
    const from = { avery: avery.messages.length, blake: blake.messages.length };
    clock.set(new Date(start.getTime() - MINUTE).toISOString());
    assert.equal(await session.runDueWork(), 2, 'the two before-cards');
    averyCard = await avery.waitForMessage(/^Before you observe/, from.avery);
    await blake.waitForMessage(/^Before you are observed/, from.blake);

    card = page
      .locator('.fai-OutputCard')
      .filter({ has: page.getByRole('heading', { name: words.t('prompt.beforeHostTitle') }) });
    await card.waitFor();
    await card.getByRole('button', { name: words.t('prompt.submit') }).waitFor();
    for (const id of ['bh.strategy', 'bh.complexity', 'bh.focus', 'bh.safety'])
      assert.equal(await card.getByLabel(words.t(`questions.${id}`)).inputValue(), '', `${id} is empty`);
    await card.screenshot({ path: shot('before-card-open'), animations: 'disabled' });
  });

  it('he types his answers into the card and clicks Send; the card turns into its answered, read-only state', async () => {
    await card.getByLabel(words.t('questions.bh.strategy')).fill(STRATEGY);
    await card.getByLabel(words.t('questions.bh.focus')).fill(FOCUS);
    await card.screenshot({ path: shot('before-card-filled'), animations: 'disabled' });

    await card.getByRole('button', { name: words.t('prompt.submit') }).click();
    // the bot's invoke response replaces the card in place
    await card.getByText(words.t('prompt.answered')).waitFor();
    assert.equal(await card.locator('textarea').count(), 0, 'no inputs left');
    assert.equal(await card.getByRole('button', { name: words.t('prompt.submit') }).count(), 0, 'no Send');
    assert.match(await card.innerText(), new RegExp(escape(words.t('prompt.beforeHostTitle'))));
    await card.screenshot({ path: shot('before-card-answered'), animations: 'disabled' });
    await page.screenshot({ path: shot('chat-answered'), animations: 'disabled' });
  });

  it('the answer reached the bot: it is saved, and Avery’s before-card now shows his focus', async () => {
    const invokes = blake.turns.filter((t) => t.activity === 'invoke');
    assert.deepEqual(
      invokes.map((t) => t.statusCode),
      [200, 200],
      'the API’s schedule.save and the page’s Send, both answered',
    );

    await avery.waitFor(() => averyCard.updates > 0, 'Avery’s before-card to be updated');
    assert.match(visibleText(averyCard), new RegExp(`Blake Berg would like feedback on\n${escape(FOCUS)}`));
    assert.doesNotMatch(visibleText(averyCard), new RegExp(escape(STRATEGY)), 'only the focus');

    const { resources } = await session.app.store.containers.cycles.items
      .query<{ status: string; answers?: Record<string, string> }>({
        query: 'SELECT * FROM c WHERE c.type = @type AND c.kind = @kind AND c.personId = @person',
        parameters: [
          { name: '@type', value: 'prompt' },
          { name: '@kind', value: 'beforeHost' },
          { name: '@person', value: blake.me.aadObjectId },
        ],
      })
      .fetchAll();
    assert.equal(resources.length, 1);
    assert.equal(resources[0]!.status, 'answered');
    assert.deepEqual(resources[0]!.answers, { 'bh.strategy': STRATEGY, 'bh.focus': FOCUS });
  });

  it('saved the screenshots, each a real picture', () => {
    for (const name of PICTURES) {
      const stats = pngStats(shot(name));
      assert.ok(stats.width >= 300 && stats.height >= 200, `${name}: ${stats.width}×${stats.height}`);
      assert.ok(stats.bytes > 5_000, `${name}: ${stats.bytes} bytes`);
      assert.ok(stats.colours > 16, `${name}: ${stats.colours} colours (a blank picture has 1)`);
    }
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  });
});
