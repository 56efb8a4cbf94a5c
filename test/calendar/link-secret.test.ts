import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { calendarLinkSecret, localSecretFile } from '../../src/calendar/link-secret';
import { parseConfig } from '../../src/config/config';

describe('calendarLinkSecret', () => {
  let dataDir: string;
  const local = (env: Record<string, string> = {}) =>
    parseConfig({ BOT_ANONYMOUS: '1', DATA_DIR: dataDir, ...env });
  beforeEach(() => {
    dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'peer-coach-secret-')), 'data');
  });
  afterEach(() => rmSync(path.dirname(dataDir), { recursive: true, force: true }));

  it('makes a secret at the first local start, readable by its owner only, and uses it again on the next', async () => {
    const first = await calendarLinkSecret(local());
    const file = path.join(dataDir, localSecretFile);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(readFileSync(file, 'utf8').trim(), first);
    assert.ok(Buffer.from(first, 'base64url').length >= 32);
    assert.equal(await calendarLinkSecret(local()), first);
  });

  it('takes CALENDAR_LINK_SECRET when it is set, and keeps nothing on disk', async () => {
    const secret = 'q2V8m1Zs0pL4cX7nR9tY3uW6bE5aH0kJ8fD2gS1vN4o=';
    assert.equal(await calendarLinkSecret(local({ CALENDAR_LINK_SECRET: secret })), secret);
    assert.throws(() => statSync(path.join(dataDir, localSecretFile)), /ENOENT/);
  });

  it('refuses to start on a kept file that holds no usable secret, rather than sign with it', async () => {
    await calendarLinkSecret(local());
    writeFileSync(path.join(dataDir, localSecretFile), 'short\n');
    await assert.rejects(calendarLinkSecret(local()), /holds no usable secret/);
  });
});
