import type { Browser, Page } from 'playwright-core';
import { PlaygroundClient } from './playground-client';

/**
 * A Playground's own web UI in headless Chromium, open on the person's chat and listening for the
 * bot (DOM findings: docs/playground-notes.md).
 */

/** what trackOpenSockets needs of the page's globals (this project type-checks without the DOM lib) */
interface PageGlobals {
  WebSocket: new (url: string | URL, protocols?: string | string[]) => EventTarget;
  openSockets?: string[];
}

/** runs in the page before its scripts: records each WebSocket once it is open */
function trackOpenSockets(): void {
  const page = globalThis as unknown as PageGlobals;
  const Native = page.WebSocket;
  const opened: string[] = (page.openSockets = []);
  page.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('open', () => opened.push(String(url)));
    }
  };
}

/**
 * Opens the person's Playground in a new page (offline: every request off this machine is refused),
 * waits until its conversation socket is open — the page shows only what arrives after that — and
 * until the bot has answered the installation the page posts on every load. Uncaught page errors
 * are added to `errors`. The chat scrolls inside the page, so a card is pictured whole only when the
 * viewport is taller than the card.
 */
export async function openPlaygroundPage(
  browser: Browser,
  playground: PlaygroundClient,
  errors: string[],
  viewport = { width: 1280, height: 1200 },
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  await context.route(
    (url) => !['localhost', '127.0.0.1'].includes(url.hostname),
    (route) => route.abort(),
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(trackOpenSockets);

  const installs = () => playground.turns.filter((t) => t.activity === 'installationUpdate').length;
  const before = installs();
  await page.goto(playground.url);
  await page.waitForFunction(() =>
    (globalThis as unknown as PageGlobals).openSockets?.some((url) => url.includes('/_ws_conversation/')),
  );
  await playground.waitFor(() => installs() > before, 'the page to install the personal chat');
  return page;
}
