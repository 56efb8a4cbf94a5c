import assert from 'node:assert/strict';
import { AppCredentials, AuthenticationConstants } from 'botframework-connector';
import * as sinon from 'sinon';
import { avery, blake, message } from '../support/activities';
import { startTestBot, TestBot } from '../support/test-bot';
import { newSigningKey, TokenIssuer } from '../support/token-issuer';

const appId = '6d1f3a52-8c4e-4b7a-9f21-3e5d7c9a0b14';
const anotherBot = '0f0e0d0c-0b0a-4908-8706-050403020100';

/**
 * botbuilder keeps the bot's outbound (bot → connector) token in a process-wide cache keyed by app id
 * and scope. Putting one there lets replies reach the local connector without asking Entra ID, which
 * is out of reach here (and must not be asked for a made-up app id where it is in reach).
 */
const outboundTokens = (AppCredentials as unknown as { cache: Map<string, unknown> }).cache;
const outboundKey = `${appId}${AuthenticationConstants.ToChannelFromBotOAuthScope}-cache`;

function secondsFromNow(seconds: number): number {
  return Math.floor(Date.now() / 1000) + seconds;
}

describe('e2e: inbound tokens are checked against the keys the channel publishes', () => {
  let issuer: TokenIssuer;
  let bot: TestBot;
  const sandbox = sinon.createSandbox();

  before(async () => {
    issuer = await new TokenIssuer().start();
    bot = await startTestBot({
      BOT_ANONYMOUS: '',
      MicrosoftAppId: appId,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: '00000000-0000-4000-8000-0000000000aa',
      BOT_OPENID_METADATA_URL: issuer.metadataUrl,
    });
    // so that a request let through by mistake would be answered, and the tests below would see it
    outboundTokens.set(outboundKey, {
      accessToken: 'outbound-token-for-tests',
      expiresOn: new Date(Date.now() + 3_600_000),
    });
  });
  beforeEach(() => {
    // botbuilder prints every rejected token's error (and the public key) to the console
    sandbox.stub(console, 'error');
  });
  afterEach(() => sandbox.restore());
  after(async () => {
    outboundTokens.delete(outboundKey);
    await bot?.close();
    await issuer?.stop();
  });

  async function peopleStored(): Promise<number> {
    return (await bot.app.store.containers.people.items.readAll().fetchAll()).resources.length;
  }

  /** a genuine channel token for this bot and the local connector, with some claims changed */
  function tokenWith(claims: Record<string, unknown> = {}): string {
    return issuer.mint(issuer.channelClaims(appId, bot.connector.url, claims));
  }

  /** 401, and the turn never ran: nothing answered, nobody stored */
  async function assertRefused(
    token: string | undefined,
    activity: object = message(blake, bot.connector.url, 'help'),
  ) {
    const sentBefore = bot.connector.sent.length;
    const peopleBefore = await peopleStored();
    const res = await bot.post(activity, token);
    assert.equal(res.status, 401, `expected 401, got ${res.status}: ${JSON.stringify(res.body)}`);
    assert.equal(bot.connector.sent.length, sentBefore, 'the bot answered a request it refused');
    assert.equal(await peopleStored(), peopleBefore, 'the bot stored someone from a refused request');
  }

  it('refuses a request without an Authorization header', async () => {
    await assertRefused(undefined);
  });

  it('refuses a bearer token that is not a JWT', async () => {
    await assertRefused('not.a-jwt');
  });

  it('refuses a token signed by another key under the published key id', async () => {
    const forger = newSigningKey(issuer.key.kid);
    await assertRefused(
      issuer.mint(issuer.channelClaims(appId, bot.connector.url), { key: forger.privateKey }),
    );
  });

  it('refuses a token signed by a key the channel never published', async () => {
    const forger = newSigningKey();
    await assertRefused(
      issuer.mint(issuer.channelClaims(appId, bot.connector.url), {
        key: forger.privateKey,
        kid: forger.kid,
      }),
    );
  });

  it('refuses an unsigned token and one HMAC-signed with the public key', async () => {
    const claims = issuer.channelClaims(appId, bot.connector.url);
    await assertRefused(issuer.mint(claims, { alg: 'none' }));
    await assertRefused(issuer.mint(claims, { alg: 'HS256' }));
  });

  it('refuses a token from another issuer, even when signed with the published key', async () => {
    await assertRefused(tokenWith({ iss: 'https://sts.example.com/' }));
  });

  it('refuses a token for another bot', async () => {
    await assertRefused(tokenWith({ aud: anotherBot }));
  });

  it('refuses a token that expired an hour ago, well past the five minutes of clock skew allowed', async () => {
    await assertRefused(
      tokenWith({ nbf: secondsFromNow(-7200), iat: secondsFromNow(-7200), exp: secondsFromNow(-3600) }),
    );
  });

  it('refuses a token not valid until an hour from now', async () => {
    await assertRefused(tokenWith({ nbf: secondsFromNow(3600), exp: secondsFromNow(7200) }));
  });

  it('refuses a token whose serviceUrl claim is not the activity serviceUrl', async () => {
    await assertRefused(tokenWith({ serviceurl: 'https://smba.trafficmanager.net/emea/' }));
  });

  it('refuses a token without a serviceUrl claim', async () => {
    await assertRefused(tokenWith({ serviceurl: undefined }));
  });

  it('refuses an activity from a channel the signing key is not endorsed for', async () => {
    await assertRefused(tokenWith(), { ...message(blake, bot.connector.url, 'help'), channelId: 'webchat' });
  });

  it('accepts a genuine token: 200, the person is recorded and the reply reaches the connector', async () => {
    const res = await bot.post(message(avery, bot.connector.url, 'help'), tokenWith());
    assert.equal(res.status, 200);
    await bot.connector.waitFor(() => bot.connector.to(avery.conversationId).length > 0);
    const stored = await bot.app.store.containers.people.item(avery.aadObjectId, avery.aadObjectId).read();
    assert.equal(stored.statusCode, 200);
    // the keys came from the configured OpenID configuration, not the public cloud's
    assert.ok(issuer.requests.includes('/v1/.well-known/openidconfiguration'));
    assert.ok(issuer.requests.includes('/v1/.well-known/keys'));
  });
});

describe('e2e: inbound tokens when the channel keys cannot be fetched', () => {
  const sandbox = sinon.createSandbox();
  afterEach(() => sandbox.restore());

  it('refuses every request rather than letting it through', async () => {
    // a port that was just ours and now has nothing listening
    const gone = await new TokenIssuer().start();
    await gone.stop();
    const bot = await startTestBot({
      BOT_ANONYMOUS: '',
      MicrosoftAppId: appId,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: '00000000-0000-4000-8000-0000000000aa',
      BOT_OPENID_METADATA_URL: gone.metadataUrl,
    });
    sandbox.stub(console, 'error');
    try {
      const token = gone.mint(gone.channelClaims(appId, bot.connector.url));
      const res = await bot.post(message(blake, bot.connector.url, 'help'), token);
      assert.equal(res.status, 500);
      assert.equal(bot.connector.sent.length, 0);
    } finally {
      await bot.close();
    }
  });
});
