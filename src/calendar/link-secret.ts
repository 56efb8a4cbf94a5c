import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Config, secretBytes } from '../config/config';

/** where local mode keeps the secret it made, in the data folder beside the store's snapshot */
export const localSecretFile = 'calendar-link-secret';

/**
 * The key "Add to calendar" links are signed with: CALENDAR_LINK_SECRET, or in local use (where the
 * configuration allows it unset) one made at the first start and kept in the data folder, readable
 * by its owner only, so that links sent before a restart still open after it, and processes sharing
 * the folder share it.
 */
export async function calendarLinkSecret(config: Config): Promise<string> {
  if (config.calendar.linkSecret) return config.calendar.linkSecret;
  const file = path.join(config.calendar.secretDir, localSecretFile);
  const kept = await readKept(file);
  if (kept !== undefined) return kept;
  await mkdir(config.calendar.secretDir, { recursive: true });
  const made = randomBytes(32).toString('base64url');
  try {
    await writeFile(file, `${made}\n`, { mode: 0o600, flag: 'wx' });
    return made;
  } catch (err) {
    // another process sharing the folder made it first: use theirs
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return (await readKept(file)) ?? made;
  }
}

async function readKept(file: string): Promise<string | undefined> {
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if (secretBytes(text) < 32) throw new Error(`${file} holds no usable secret: delete it to make a new one`);
  return text;
}
