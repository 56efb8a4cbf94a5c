import { accessSync, constants, readFileSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { PNG } from 'pngjs';

/**
 * Headless Chromium for the tests and scripts that need a real browser: the Debian package
 * (`/usr/bin/chromium`), driven with playwright-core. Playwright's own browser downloads are never
 * used (`npx playwright install` fetches from the internet; this machine has Debian's instead).
 */

/** where Chromium is: CHROMIUM_PATH, else Debian's /usr/bin/chromium */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** flags for a quiet, offline, headless run as root in a container */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const INSTALL_HINT = 'apt-get install chromium fonts-liberation';

/** why Chromium cannot be used here (a sentence that says what to do), or undefined if it can */
export function chromiumMissing(): string | undefined {
  const executable = chromiumPath();
  try {
    accessSync(executable, constants.X_OK);
    return undefined;
  } catch {
    return (
      `Chromium was not found at ${executable}. Install it with \`${INSTALL_HINT}\` ` +
      '(Debian), or set CHROMIUM_PATH to a Chromium executable.'
    );
  }
}

/** true when running in CI, where a missing browser is an error rather than a reason to skip */
export function inCi(): boolean {
  const ci = (process.env.CI ?? '').trim().toLowerCase();
  return ci !== '' && ci !== '0' && ci !== 'false';
}

/**
 * For a mocha `before` hook, registered before any hook that starts something expensive: skips the
 * suite with a warning when Chromium is missing, or fails it in CI (CI=1), where `.ci/run` installs it.
 */
export function requireChromium(context: Mocha.Context): void {
  const missing = chromiumMissing();
  if (!missing) return;
  if (inCi()) throw new Error(missing);
  console.warn(`    warning: ${missing} Skipping "${context.test?.parent?.fullTitle() ?? 'this suite'}".`);
  context.skip();
}

/** starts headless Chromium; a missing executable is reported with the install hint */
export async function launchChromium(): Promise<Browser> {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
}

/** a PNG's size and how many distinct colours it has (a blank or broken picture has one or two) */
export function pngStats(file: string): { width: number; height: number; bytes: number; colours: number } {
  const data = readFileSync(file);
  const png = PNG.sync.read(data);
  const colours = new Set<number>();
  // every pixel would be slow for big pictures and tell no more: a sample of ~20 000 is plenty
  const step = Math.max(1, Math.floor((png.width * png.height) / 20_000));
  for (let i = 0; i < png.width * png.height; i += step) colours.add(png.data.readUInt32BE(i * 4));
  return { width: png.width, height: png.height, bytes: data.length, colours: colours.size };
}
