import assert from 'node:assert/strict';
import pino from 'pino';
import { StoreLayoutError } from '../../src/store/container-layout';
import { openWhenReachable, StartupRetry } from '../../src/store/store-startup';

/** fails with each error in turn, then opens; returns the messages the operator would read */
async function startupLog(...errors: unknown[]): Promise<string[]> {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line).msg) });
  const retry: StartupRetry = { delayMs: () => 1000, sleep: () => Promise.resolve() };
  let attempt = 0;
  const store = await openWhenReachable(
    () => (attempt < errors.length ? Promise.reject(errors[attempt++]) : Promise.resolve('open')),
    log,
    retry,
  );
  assert.equal(store, 'open');
  return lines;
}

describe('store start-up: each reason the store cannot be opened is named for the operator', () => {
  it('containers that differ: which, how, and what to do', async () => {
    const [line] = await startupLog(new StoreLayoutError(['container "cycles" does not exist']));
    assert.match(
      line!,
      /container "cycles" does not exist: create the containers as infra\/main\.bicep does/,
    );
  });

  it('a managed identity that cannot sign in: where to look', async () => {
    const err = Object.assign(new Error('ManagedIdentityCredential: no response'), {
      name: 'CredentialUnavailableError',
    });
    const [line] = await startupLog(err);
    assert.match(line!, /managed identity could not sign in — check AZURE_CLIENT_ID/);
    assert.doesNotMatch(line!, /no response/, 'the library message (which may hold details) is not logged');
  });

  it('a denied key or role, a missing database, a network failure', async () => {
    const lines = await startupLog({ code: 403 }, { code: 404 }, { code: 'ECONNREFUSED' });
    assert.match(lines[0]!, /HTTP 403: check COSMOS_KEY, or the identity's data role/);
    assert.match(lines[1]!, /HTTP 404: check COSMOS_DATABASE/);
    assert.match(lines[2]!, /ECONNREFUSED: check COSMOS_ENDPOINT and the network/);
    assert.match(lines[3]!, /reachable: ready/);
  });
});
