/**
 * The bot as deployed, for the memory section: the JavaScript tsc emits (not TypeScript under tsx,
 * whose loader alone adds ~20 MB), run with the Node options `npm start` gives it.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { compiledBotScript } from '../../test/support/fleet';

const root = path.resolve(__dirname, '../..');

/**
 * Compiles src/ and scripts/fleet-bot.ts into dist/ (tsconfig.fleet.json: tsconfig.build.json, which
 * `npm start` builds, plus the fleet script), incrementally as `npm run build` does: nothing to do
 * when dist/ is current. Resolves to tsc's complaints, if any: tsc still emits when the types do not
 * check, and the types are the typecheck's business, not the benchmark's.
 */
export async function compileBot(): Promise<string | undefined> {
  const tsc = require.resolve('typescript/bin/tsc');
  try {
    await promisify(execFile)(process.execPath, [tsc, '-b', path.join(root, 'tsconfig.fleet.json')], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    });
    return undefined;
  } catch (err) {
    const e = err as { stdout?: string; message: string };
    if (!existsSync(compiledBotScript))
      throw new Error(`tsc emitted no fleet bot: ${e.stdout ?? e.message}`, { cause: err });
    return e.stdout?.trim() || e.message;
  }
}

/**
 * The Node options in package.json's `start` script (`node --opt … dist/src/index.js`), so the
 * benchmark runs the bot with the same heap settings as a deployment
 */
export function startNodeOptions(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const words = (pkg.scripts?.start ?? '').split(/\s+/).filter(Boolean);
  const node = words.indexOf('node');
  if (node < 0) return [];
  const options: string[] = [];
  for (const word of words.slice(node + 1)) {
    if (!word.startsWith('-')) break;
    options.push(word);
  }
  return options;
}
