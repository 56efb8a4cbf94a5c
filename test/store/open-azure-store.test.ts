import assert from 'node:assert/strict';
import { Container, Containers, CosmosClient, Database, Databases } from '@azure/cosmos';
import pino from 'pino';
import sinon from 'sinon';
import { silentLogger } from '../../src/log';
import { StoreLayoutError } from '../../src/store/container-layout';
import { embeddedKey } from '../../src/store/embedded-cosmos';
import { openAzureStore } from '../../src/store/open-azure-store';
import { EmbeddedAccount, keyConfig, openEmbeddedAccount } from './embedded-account';

describe('opening Azure Cosmos DB (the embedded server standing in for the account)', () => {
  const sandbox = sinon.createSandbox();
  let account: EmbeddedAccount;
  beforeEach(async () => {
    account = await openEmbeddedAccount();
  });
  afterEach(async () => {
    sandbox.restore();
    await account.close();
  });

  describe('with an account key', () => {
    it('creates the database and every container on an empty account, and says which account it uses', async () => {
      const lines: Record<string, unknown>[] = [];
      const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
      const config = keyConfig(account);
      const store = await openAzureStore(config, log);
      try {
        assert.deepEqual([store.kind, store.endpoint, await store.ping()], ['azure', config.endpoint, true]);
        const { resources } = await account.client.database('pc').containers.readAll().fetchAll();
        assert.equal(resources.length, Object.keys(store.containers).length);
        assert.deepEqual(
          lines.map((l) => [l.msg, l.auth, l.database]),
          [['using Azure Cosmos DB', 'azure', 'pc']],
        );
        assert.ok(!JSON.stringify(lines).includes(embeddedKey), 'the key is never logged');
      } finally {
        await store.close();
      }
    });
  });

  describe('with a managed identity', () => {
    // the SDK sends an identity's token over TLS only, which the embedded server does not speak: the
    // account is faked at the SDK's edge, and the test checks what is asked of it
    let createDatabase: sinon.SinonStub;
    let createContainer: sinon.SinonStub;
    let readDatabase: sinon.SinonStub;
    let dispose: sinon.SinonSpy;
    beforeEach(() => {
      createDatabase = sandbox
        .stub(Databases.prototype, 'createIfNotExists')
        .rejects(new Error('may not create'));
      createContainer = sandbox
        .stub(Containers.prototype, 'createIfNotExists')
        .rejects(new Error('may not create'));
      readDatabase = sandbox.stub(Database.prototype, 'read');
      dispose = sandbox.spy(CosmosClient.prototype, 'dispose');
    });
    const open = () =>
      openAzureStore(
        { kind: 'azure-identity', endpoint: 'https://pc.documents.azure.com', database: 'pc' },
        silentLogger,
      );

    it('creates no database: a missing one is refused for the operator to make, and the client released', async () => {
      readDatabase.rejects(Object.assign(new Error('not found'), { code: 404 }));
      await assert.rejects(open(), (err: { code?: unknown }) => err.code === 404);
      assert.equal(createDatabase.called, false);
      assert.equal(dispose.callCount, 1);
    });

    it('creates no container: those missing are named, as infrastructure is to create them', async () => {
      readDatabase.resolves({});
      sandbox.stub(Container.prototype, 'read').rejects(Object.assign(new Error('not found'), { code: 404 }));
      const err = await open().then(
        () => assert.fail('the store opened'),
        (e: unknown) => e,
      );
      assert.ok(err instanceof StoreLayoutError);
      assert.ok(err.problems.includes('container "cycles" does not exist'));
      assert.equal(createContainer.called, false);
      assert.equal(dispose.callCount, 1);
    });
  });
});
