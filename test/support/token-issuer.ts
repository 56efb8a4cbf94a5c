import { createHmac, generateKeyPairSync, KeyObject, randomUUID, sign } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** the issuer Bot Framework channel tokens carry in the public cloud; botbuilder checks for exactly this */
export const channelTokenIssuer = 'https://api.botframework.com';

/** an RSA key pair and the id its public half is published under */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

export function newSigningKey(kid: string = randomUUID()): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

/** how to sign one token; the defaults are the issuer's own published key */
export interface MintOptions {
  /** the key that signs; another key than the published one makes a forged token */
  readonly key?: KeyObject;
  /** the `kid` header; defaults to the published key's id */
  readonly kid?: string;
  /**
   * RS256 (the default) signs with the key; HS256 signs with the published public key as an HMAC
   * secret (the classic algorithm-confusion forgery); none leaves the signature empty
   */
  readonly alg?: 'RS256' | 'HS256' | 'none';
}

/** the claims Azure Bot Service puts into a token for a request from a channel to the bot */
export interface ChannelClaims {
  readonly iss: string;
  readonly aud: string;
  readonly serviceurl: string;
  /** seconds since the epoch */
  readonly nbf: number;
  readonly exp: number;
  readonly [claim: string]: unknown;
}

/**
 * Stands in for the Bot Framework's token service: serves an OpenID configuration whose `jwks_uri`
 * lists one RSA key generated at start, endorsed for the channels given (as login.botframework.com
 * publishes its keys), and mints RS256 tokens with whatever claims a test chooses.
 */
export class TokenIssuer {
  readonly key = newSigningKey();
  /** every path the validator fetched, in order */
  readonly requests: string[] = [];
  private server?: http.Server;
  url = '';

  constructor(private readonly endorsements: readonly string[] = ['msteams']) {}

  /** where the validator reads the OpenID configuration */
  get metadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }

  /** a token with exactly these claims, in compact JWS form */
  mint(claims: Record<string, unknown>, options: MintOptions = {}): string {
    const alg = options.alg ?? 'RS256';
    const header = { alg, typ: 'JWT', kid: options.kid ?? this.key.kid };
    const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
    const signature =
      alg === 'none'
        ? Buffer.alloc(0)
        : alg === 'HS256'
          ? createHmac('sha256', this.key.publicKey.export({ format: 'pem', type: 'pkcs1' }))
              .update(input)
              .digest()
          : sign('sha256', Buffer.from(input), options.key ?? this.key.privateKey);
    return `${input}.${signature.toString('base64url')}`;
  }

  /**
   * The claims of a genuine channel token for the bot `appId` and a request whose activity carries
   * `serviceUrl`, valid from a minute ago for an hour; `overrides` change or remove (undefined) claims.
   */
  channelClaims(appId: string, serviceUrl: string, overrides: Record<string, unknown> = {}): ChannelClaims {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: channelTokenIssuer,
      aud: appId,
      serviceurl: serviceUrl,
      nbf: now - 60,
      iat: now - 60,
      exp: now + 3600,
      ...overrides,
    };
    for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
    return claims as ChannelClaims;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    this.requests.push(path);
    const reply = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (req.method !== 'GET') return reply(405, { error: 'method not allowed' });
    if (path === '/v1/.well-known/openidconfiguration') {
      return reply(200, {
        issuer: channelTokenIssuer,
        authorization_endpoint: `${this.url}/v1/authorize`,
        jwks_uri: `${this.url}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    }
    if (path === '/v1/.well-known/keys') {
      const jwk = this.key.publicKey.export({ format: 'jwk' });
      return reply(200, {
        keys: [
          {
            kty: jwk.kty,
            use: 'sig',
            kid: this.key.kid,
            n: jwk.n,
            e: jwk.e,
            endorsements: this.endorsements,
          },
        ],
      });
    }
    reply(404, { error: 'not found' });
  }
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
