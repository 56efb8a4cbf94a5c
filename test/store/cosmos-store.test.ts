import assert from 'node:assert/strict';
import { silentLogger } from '../../src/log';
import { openCosmosStore } from '../../src/store/cosmos-store';
import { TestClock } from '../support/test-clock';
import { openTestStore } from '../support/test-store';
import { keyConfig, openEmbeddedAccount } from './embedded-account';

describe('cosmos store: which database the bot opens', () => {
  it('with no endpoint configured, starts its own server on loopback, which stops with the store', async () => {
    const t = await openTestStore();
    assert.equal(t.store.kind, 'embedded');
    assert.match(t.store.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(await t.store.ping(), true);
    await t.close();
    assert.equal(await t.store.ping(), false);
  });

  it('with an endpoint and a key, opens that account and starts no server of its own', async () => {
    const account = await openEmbeddedAccount();
    const config = keyConfig(account);
    const store = await openCosmosStore(config, new TestClock(), silentLogger);
    assert.deepEqual([store.kind, store.endpoint], ['azure', account.cosmos.endpoint]);
    await store.close();
    assert.equal(
      await account.client
        .database('pc')
        .read()
        .then(() => 'still there'),
      'still there',
    );
    await account.close();
  });
});
