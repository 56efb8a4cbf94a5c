import assert from 'node:assert/strict';
import { Env, parseConfig } from '../../src/config/config';
import { ConfigurationError } from '../../src/config/errors';

const appId = '11111111-2222-4333-8444-555555555555';
const tenant = '00000000-0000-4000-8000-0000000000aa';

/** local use with the Agents Playground: no credentials at all */
function localEnv(overrides: Env = {}): Env {
  return { BOT_ANONYMOUS: '1', ...overrides };
}

/** behind Azure Bot Service with a single-tenant registration (the default app type) */
function azureBotEnv(overrides: Env = {}): Env {
  return {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: 'app-secret-value',
    MicrosoftAppTenantId: tenant,
    ...overrides,
  };
}

/** the ConfigurationError parseConfig throws for env (fails the test if it does not throw one) */
function configError(env: Env): ConfigurationError {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigurationError) return err;
    throw err;
  }
  assert.fail('expected parseConfig to refuse this environment');
}

function codesFor(env: Env): string[] {
  return configError(env).issues.map((i) => i.code);
}

/** each of `values` in `variable` is refused with `code` alone, and the error never repeats the value */
function refusesQuietly(variable: string, values: readonly string[], code: string): void {
  for (const value of values) {
    const error = configError(localEnv({ [variable]: value }));
    assert.deepEqual(
      error.issues.map((i) => i.code),
      [code],
      value,
    );
    assert.ok(!error.message.includes(value), value);
  }
}

describe('parseConfig', () => {
  describe('defaults', () => {
    it('starts locally on port 3978 with the embedded store in .data, Stockholm time, English, info logs, one instance', () => {
      const config = parseConfig(localEnv());
      assert.deepEqual(config, {
        port: 3978,
        auth: { mode: 'anonymous' },
        store: { kind: 'embedded', dataDir: '.data', database: 'peercoach' },
        coordinatorIds: [],
        defaultTimeZone: 'Europe/Stockholm',
        defaultLocale: 'en',
        logLevel: 'info',
        timingScale: 'days',
        retentionDays: 365,
        exportAs: 'chat',
        instances: 1,
        // the tenant of the Playground configurations in env/
        allowedTenantIds: [tenant],
        // anonymous: nobody else on the network may act as anyone
        host: '127.0.0.1',
        // calendar links: a secret made and kept beside the store, pointing where the bot listens
        calendar: { secretDir: '.data' },
        // nothing leaves the process, and no summary is logged
        telemetry: { summary: false },
      });
    });

    it('treats variables that are only whitespace as unset', () => {
      const config = parseConfig(
        localEnv({ PORT: '  ', DATA_DIR: ' ', DEFAULT_TIME_ZONE: '', MicrosoftAppId: '   ' }),
      );
      assert.equal(config.port, 3978);
      assert.deepEqual(config.store, { kind: 'embedded', dataDir: '.data', database: 'peercoach' });
      assert.equal(config.defaultTimeZone, 'Europe/Stockholm');
      assert.equal(config.auth.mode, 'anonymous');
    });

    it('takes the port, data folder, database, time zone and log level from the environment', () => {
      const config = parseConfig(
        localEnv({
          PORT: '8080',
          DATA_DIR: '/var/peer-coach',
          COSMOS_DATABASE: 'coaching',
          DEFAULT_TIME_ZONE: 'Europe/Helsinki',
          LOG_LEVEL: 'debug',
        }),
      );
      assert.equal(config.port, 8080);
      assert.deepEqual(config.store, { kind: 'embedded', dataDir: '/var/peer-coach', database: 'coaching' });
      assert.equal(config.defaultTimeZone, 'Europe/Helsinki');
      assert.equal(config.logLevel, 'debug');
    });
  });

  describe('authentication', () => {
    it('accepts anonymous requests only with BOT_ANONYMOUS=1 and no app id', () => {
      assert.deepEqual(parseConfig(localEnv()).auth, { mode: 'anonymous' });
    });

    it('refuses to start with neither an app id nor BOT_ANONYMOUS=1, naming MicrosoftAppId (PC-CFG-001)', () => {
      for (const env of [{}, { BOT_ANONYMOUS: '0' }]) {
        const err = configError(env);
        assert.deepEqual(
          err.issues.map((i) => [i.code, i.variable]),
          [['PC-CFG-001', 'MicrosoftAppId']],
        );
        assert.match(err.message, /PC-CFG-001 MicrosoftAppId:/);
      }
    });

    it('refuses BOT_ANONYMOUS=1 together with an app id (PC-CFG-002)', () => {
      assert.deepEqual(codesFor(azureBotEnv({ BOT_ANONYMOUS: '1' })), ['PC-CFG-002']);
    });

    it('refuses a BOT_ANONYMOUS flag other than 1 or 0 (PC-CFG-014)', () => {
      assert.deepEqual(codesFor({ BOT_ANONYMOUS: 'yes' }), ['PC-CFG-014']);
    });

    it('authenticates a single-tenant registration (the default app type) with app id, password and tenant', () => {
      assert.deepEqual(parseConfig(azureBotEnv()).auth, {
        mode: 'authenticated',
        appId,
        appPassword: 'app-secret-value',
        appType: 'SingleTenant',
        tenantId: tenant,
      });
    });

    it('still starts an existing multi-tenant registration when the tenants it serves are listed', () => {
      const config = parseConfig(
        azureBotEnv({
          MicrosoftAppType: 'MultiTenant',
          MicrosoftAppTenantId: undefined,
          ALLOWED_TENANT_IDS: tenant,
        }),
      );
      assert.equal(config.auth.mode === 'authenticated' && config.auth.appType, 'MultiTenant');
      assert.deepEqual(config.allowedTenantIds, [tenant]);
    });

    it('refuses an app id without a password (PC-CFG-003), also when the password is only spaces', () => {
      assert.deepEqual(codesFor(azureBotEnv({ MicrosoftAppPassword: undefined })), ['PC-CFG-003']);
      assert.deepEqual(codesFor(azureBotEnv({ MicrosoftAppPassword: '   ' })), ['PC-CFG-003']);
    });

    it('needs no password for a user-assigned managed identity', () => {
      const config = parseConfig({
        MicrosoftAppId: appId,
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppTenantId: tenant,
      });
      assert.deepEqual(config.auth, {
        mode: 'authenticated',
        appId,
        appPassword: '',
        appType: 'UserAssignedMSI',
        tenantId: tenant,
      });
    });

    it('refuses a single-tenant registration without a tenant id (PC-CFG-005)', () => {
      const err = configError(
        azureBotEnv({ MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: undefined }),
      );
      assert.deepEqual(
        err.issues.map((i) => [i.code, i.variable]),
        [['PC-CFG-005', 'MicrosoftAppTenantId']],
      );
    });

    it('accepts a single-tenant registration with its tenant id', () => {
      const config = parseConfig(
        azureBotEnv({ MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: tenant }),
      );
      assert.equal(config.auth.mode === 'authenticated' && config.auth.tenantId, tenant);
    });

    it('refuses an unknown MicrosoftAppType (PC-CFG-004)', () => {
      assert.deepEqual(codesFor(azureBotEnv({ MicrosoftAppType: 'Managed' })), ['PC-CFG-004']);
    });

    it('checks tokens against the public cloud keys unless BOT_OPENID_METADATA_URL names another OpenID configuration', () => {
      const publicCloud = parseConfig(azureBotEnv()).auth;
      assert.ok(publicCloud.mode === 'authenticated' && !('openIdMetadataUrl' in publicCloud));
      const sovereign = 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration';
      const local = 'http://127.0.0.1:4321/v1/.well-known/openidconfiguration';
      for (const url of [sovereign, local, 'http://localhost:4321/openid']) {
        const auth = parseConfig(azureBotEnv({ BOT_OPENID_METADATA_URL: url })).auth;
        assert.equal(auth.mode === 'authenticated' && auth.openIdMetadataUrl, url);
      }
    });

    it('refuses a BOT_OPENID_METADATA_URL that is not https, unless it points at this machine (PC-CFG-020)', () => {
      for (const bad of [
        'http://keys.example.com/v1/.well-known/openidconfiguration',
        'ftp://keys.example.com/openid',
        'https://exa mple.com/openid',
        'keys.example.com',
      ]) {
        const err = configError(azureBotEnv({ BOT_OPENID_METADATA_URL: bad }));
        assert.deepEqual(
          err.issues.map((i) => [i.code, i.variable]),
          [['PC-CFG-020', 'BOT_OPENID_METADATA_URL']],
          bad,
        );
      }
    });
  });

  describe('tenants', () => {
    const other = '00000000-0000-4000-8000-0000000000bb';

    it('serves the tenants ALLOWED_TENANT_IDS lists, lower-cased and without repeats, in their order', () => {
      const config = parseConfig(
        azureBotEnv({ ALLOWED_TENANT_IDS: ` ${other.toUpperCase()}, ${tenant} ,${other}` }),
      );
      assert.deepEqual(config.allowedTenantIds, [other, tenant]);
    });

    it("serves the bot registration's own tenant when ALLOWED_TENANT_IDS is unset", () => {
      assert.deepEqual(parseConfig(azureBotEnv()).allowedTenantIds, [tenant]);
    });

    it('serves only the Playground tenant in local mode, unless told otherwise', () => {
      assert.deepEqual(parseConfig(localEnv()).allowedTenantIds, [tenant]);
      assert.deepEqual(parseConfig(localEnv({ ALLOWED_TENANT_IDS: other })).allowedTenantIds, [other]);
    });

    it('refuses to start a multi-tenant registration that names no tenant (PC-CFG-022)', () => {
      const err = configError(
        azureBotEnv({ MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: undefined }),
      );
      assert.deepEqual(
        err.issues.map((i) => [i.code, i.variable]),
        [['PC-CFG-022', 'ALLOWED_TENANT_IDS']],
      );
    });

    it('refuses a tenant id that is not a GUID, or a list with one (PC-CFG-024)', () => {
      for (const bad of ['contoso.onmicrosoft.com', `${tenant},*`, `${tenant};${other}`])
        assert.deepEqual(codesFor(azureBotEnv({ ALLOWED_TENANT_IDS: bad })), ['PC-CFG-024'], bad);
    });
  });

  describe('port', () => {
    for (const port of ['abc', '0', '70000', '-1', '3978.5']) {
      it(`refuses PORT=${port} (PC-CFG-006)`, () => {
        assert.deepEqual(codesFor(localEnv({ PORT: port })), ['PC-CFG-006']);
      });
    }

    it('accepts the edges of the port range', () => {
      assert.equal(parseConfig(localEnv({ PORT: '1' })).port, 1);
      assert.equal(parseConfig(localEnv({ PORT: '65535' })).port, 65535);
    });
  });

  describe('store', () => {
    const endpoint = 'https://peer-coach.documents.azure.com:443/';

    it('uses Azure Cosmos DB with a key when both endpoint and key are set', () => {
      assert.deepEqual(parseConfig(localEnv({ COSMOS_ENDPOINT: endpoint, COSMOS_KEY: 'cosmos-key' })).store, {
        kind: 'azure',
        endpoint,
        key: 'cosmos-key',
        database: 'peercoach',
      });
    });

    it('signs in with a managed identity when COSMOS_AUTH=identity, without a key', () => {
      assert.deepEqual(parseConfig(localEnv({ COSMOS_ENDPOINT: endpoint, COSMOS_AUTH: 'identity' })).store, {
        kind: 'azure-identity',
        endpoint,
        database: 'peercoach',
      });
    });

    it('refuses COSMOS_KEY without COSMOS_ENDPOINT rather than silently using the local store (PC-CFG-007)', () => {
      const err = configError(localEnv({ COSMOS_KEY: 'cosmos-key' }));
      assert.deepEqual(
        err.issues.map((i) => [i.code, i.variable]),
        [['PC-CFG-007', 'COSMOS_KEY']],
      );
    });

    it('refuses COSMOS_ENDPOINT without a key or identity (PC-CFG-008)', () => {
      assert.deepEqual(codesFor(localEnv({ COSMOS_ENDPOINT: endpoint })), ['PC-CFG-008']);
    });

    for (const bad of [
      'peer-coach.documents.azure.com',
      'ftp://peer-coach.documents.azure.com',
      'https://',
    ]) {
      it(`refuses the endpoint ${bad} (PC-CFG-009)`, () => {
        assert.deepEqual(codesFor(localEnv({ COSMOS_ENDPOINT: bad, COSMOS_KEY: 'cosmos-key' })), [
          'PC-CFG-009',
        ]);
      });
    }

    it('refuses a COSMOS_AUTH other than key or identity (PC-CFG-010)', () => {
      assert.deepEqual(codesFor(localEnv({ COSMOS_ENDPOINT: endpoint, COSMOS_AUTH: 'password' })), [
        'PC-CFG-010',
      ]);
    });

    it('refuses a database name Cosmos DB cannot hold (PC-CFG-016)', () => {
      assert.deepEqual(codesFor(localEnv({ COSMOS_DATABASE: 'peer/coach' })), ['PC-CFG-016']);
      assert.deepEqual(codesFor(localEnv({ COSMOS_DATABASE: 'x'.repeat(256) })), ['PC-CFG-016']);
    });
  });

  describe('time zone, locale and log level', () => {
    it('refuses a DEFAULT_TIME_ZONE that is not an IANA zone (PC-CFG-011)', () => {
      assert.deepEqual(codesFor(localEnv({ DEFAULT_TIME_ZONE: 'Stockholm' })), ['PC-CFG-011']);
    });

    it('refuses a DEFAULT_LOCALE Peer Coach does not speak (PC-CFG-012)', () => {
      assert.deepEqual(codesFor(localEnv({ DEFAULT_LOCALE: 'xx' })), ['PC-CFG-012']);
    });

    it('refuses an unknown LOG_LEVEL (PC-CFG-015)', () => {
      assert.deepEqual(codesFor(localEnv({ LOG_LEVEL: 'verbose' })), ['PC-CFG-015']);
    });
  });

  describe('coordinators', () => {
    const ann = 'AAAAAAAA-0000-4000-8000-00000000000A';
    const bo = 'bbbbbbbb-0000-4000-8000-00000000000b';

    it('lower-cases the configured coordinator ids and drops duplicates', () => {
      const config = parseConfig(localEnv({ COORDINATOR_AAD_IDS: ` ${ann}, ${bo},${ann.toLowerCase()},, ` }));
      assert.deepEqual(config.coordinatorIds, [ann.toLowerCase(), bo]);
    });

    it('refuses coordinator ids that are not Entra object ids (PC-CFG-013)', () => {
      for (const ids of [`${ann},alice@example.org`, 'not-a-guid', `${ann.slice(0, -1)}`]) {
        assert.deepEqual(codesFor(localEnv({ COORDINATOR_AAD_IDS: ids })), ['PC-CFG-013'], ids);
      }
    });
  });

  it('reports every problem together in one error, one line each', () => {
    const err = configError({
      PORT: 'abc',
      COSMOS_KEY: 'cosmos-key',
      DEFAULT_TIME_ZONE: 'Mars/Olympus',
      DEFAULT_LOCALE: 'xx',
      COORDINATOR_AAD_IDS: 'someone',
    });
    assert.deepEqual(
      err.issues.map((i) => i.code),
      ['PC-CFG-006', 'PC-CFG-001', 'PC-CFG-007', 'PC-CFG-013', 'PC-CFG-011', 'PC-CFG-012'],
    );
    const lines = err.message.split('\n');
    assert.equal(lines.length, 1 + err.issues.length);
    for (const issue of err.issues)
      assert.ok(lines.includes(`  ${issue.code} ${issue.variable}: ${issue.message}`));
  });

  it('never puts the app password or the Cosmos DB key into the error', () => {
    const password = 'Zq8~pW3-secret-app-password';
    const key = 'c2VjcmV0LWNvc21vcy1rZXk=';
    const err = configError({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: password,
      MicrosoftAppType: 'SingleTenant',
      COSMOS_ENDPOINT: 'not a url',
      COSMOS_KEY: key,
      PORT: password,
      DEFAULT_LOCALE: key,
    });
    assert.ok(err.issues.length >= 4, 'the environment has several problems');
    const everything = [err.message, String(err.stack), JSON.stringify(err.issues), JSON.stringify(err)].join(
      '\n',
    );
    assert.ok(!everything.includes(password), 'the password leaked into the error');
    assert.ok(!everything.includes(key), 'the Cosmos DB key leaked into the error');
  });

  it('returns a configuration nothing can change afterwards', () => {
    const config = parseConfig(
      localEnv({
        COORDINATOR_AAD_IDS: 'aaaaaaaa-0000-4000-8000-00000000000a',
        COSMOS_ENDPOINT: 'https://peer-coach.documents.azure.com:443/',
        COSMOS_KEY: 'cosmos-key',
      }),
    );
    assert.ok(Object.isFrozen(config));
    assert.ok(Object.isFrozen(config.auth));
    assert.ok(Object.isFrozen(config.store));
    assert.ok(Object.isFrozen(config.coordinatorIds));
    assert.throws(() => {
      (config as { port: number }).port = 1;
    }, TypeError);
    assert.throws(() => {
      (config.store as { database: string }).database = 'other';
    }, TypeError);
    assert.throws(() => {
      (config.coordinatorIds as string[]).push('bbbbbbbb-0000-4000-8000-00000000000b');
    }, TypeError);
    assert.equal(config.port, 3978);
    assert.equal(config.store.database, 'peercoach');
    assert.equal(config.coordinatorIds.length, 1);
  });
});

describe('parseConfig: COSMOS_ENDPOINT', () => {
  it('refuses an endpoint that is not a well-formed URL (PC-CFG-009)', () => {
    for (const bad of [
      'https://exa mple.com',
      'https://peer-coach.documents.azure.com:notaport/',
      'ftp://x',
    ]) {
      assert.deepEqual(
        codesFor(localEnv({ COSMOS_ENDPOINT: bad, COSMOS_KEY: 'cosmos-key' })),
        ['PC-CFG-009'],
        bad,
      );
    }
  });
});

describe('parseConfig: timing and retention', () => {
  it('runs a policy day as a minute only when TIMING_SCALE=minutes', () => {
    assert.equal(parseConfig(localEnv({ TIMING_SCALE: 'minutes' })).timingScale, 'minutes');
    assert.deepEqual(codesFor(localEnv({ TIMING_SCALE: 'hours' })), ['PC-CFG-017']);
  });

  it('keeps answers a configurable number of days after a programme ends', () => {
    assert.equal(parseConfig(localEnv({ RETENTION_DAYS: '90' })).retentionDays, 90);
    for (const bad of ['0', '-1', '1.5', 'forever', '4000']) {
      assert.deepEqual(codesFor(localEnv({ RETENTION_DAYS: bad })), ['PC-CFG-018'], bad);
    }
  });
});

describe('parseConfig: INSTANCES', () => {
  it('is one copy of the bot unless told how many run side by side', () => {
    assert.equal(parseConfig(localEnv()).instances, 1);
    assert.equal(parseConfig(localEnv({ INSTANCES: '3' })).instances, 3);
    for (const bad of ['0', '-2', '1.5', 'three', '31']) {
      assert.deepEqual(codesFor(localEnv({ INSTANCES: bad })), ['PC-CFG-021'], bad);
    }
  });
});

describe('parseConfig: EXPORT_AS', () => {
  it('sends files through Teams when authenticated and shows them in the chat locally, unless told otherwise', () => {
    assert.equal(parseConfig(localEnv()).exportAs, 'chat');
    assert.equal(parseConfig(localEnv({ EXPORT_AS: 'file' })).exportAs, 'file');
    assert.deepEqual(codesFor(localEnv({ EXPORT_AS: 'email' })), ['PC-CFG-019']);
  });
});

describe('parseConfig: telemetry', () => {
  const connectionString =
    'InstrumentationKey=0a1b2c3d-0000-4000-8000-000000000abc;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;ApplicationId=9f8e7d6c-0000-4000-8000-000000000def';

  it('exports to Azure Monitor only with a connection string, and summarises locally only with TELEMETRY_SUMMARY=1', () => {
    assert.deepEqual(parseConfig(localEnv()).telemetry, { summary: false });
    assert.deepEqual(
      parseConfig(
        localEnv({ APPLICATIONINSIGHTS_CONNECTION_STRING: ` ${connectionString} `, TELEMETRY_SUMMARY: '1' }),
      ).telemetry,
      { connectionString, summary: true },
    );
    assert.equal(parseConfig(localEnv({ TELEMETRY_SUMMARY: '0' })).telemetry.summary, false);
  });

  it('refuses a connection string without an instrumentation key GUID, and never repeats it (PC-CFG-029)', () => {
    const bad = [
      'https://westeurope-5.in.applicationinsights.azure.com/',
      '0a1b2c3d-0000-4000-8000-000000000abc',
      'InstrumentationKey=;IngestionEndpoint=https://example.com/',
      'InstrumentationKey=not-a-guid-value',
      'InstrumentationKey=0a1b2c3d-0000-4000-8000-000000000abc;IngestionEndpoint',
    ];
    refusesQuietly('APPLICATIONINSIGHTS_CONNECTION_STRING', bad, 'PC-CFG-029');
  });

  it('refuses a TELEMETRY_SUMMARY other than 1 or 0 (PC-CFG-030)', () => {
    for (const bad of ['yes', 'true', '2'])
      assert.deepEqual(codesFor(localEnv({ TELEMETRY_SUMMARY: bad })), ['PC-CFG-030'], bad);
  });
});

describe('parseConfig: HOST', () => {
  it('listens only on this machine in local mode, and on every address with an app id', () => {
    assert.equal(parseConfig(localEnv()).host, '127.0.0.1');
    assert.equal(parseConfig(azureBotEnv()).host, '0.0.0.0');
  });

  it('listens where HOST says: an IP address or a host name', () => {
    for (const host of ['0.0.0.0', '192.168.1.20', '::', '::1', 'localhost', 'bot.internal.example']) {
      assert.equal(parseConfig(localEnv({ HOST: host })).host, host, host);
      assert.equal(parseConfig(azureBotEnv({ HOST: host })).host, host, host);
    }
  });

  it('refuses a HOST that is neither an IP address nor a host name (PC-CFG-023)', () => {
    const bad = ['http://0.0.0.0', '0.0.0.0:3978', '[::1]', '1.2.3.999', 'bad host', '-bot.example', 'a..b'];
    for (const host of [...bad, 'x'.repeat(64)]) {
      assert.deepEqual(codesFor(localEnv({ HOST: host })), ['PC-CFG-023'], host);
    }
  });
});

describe('parseConfig: CALENDAR_LINK_SECRET and BOT_ENDPOINT', () => {
  const azure = (overrides: Env = {}) =>
    azureBotEnv({
      COSMOS_ENDPOINT: 'https://cosmos.example.com:443/',
      COSMOS_AUTH: 'identity',
      ...overrides,
    });
  const strong = 'q2V8m1Zs0pL4cX7nR9tY3uW6bE5aH0kJ8fD2gS1vN4o=';

  it('needs neither locally: the secret is made and kept in DATA_DIR, the links point where the bot listens', () => {
    assert.deepEqual(parseConfig(localEnv({ DATA_DIR: '/var/pc' })).calendar, { secretDir: '/var/pc' });
  });

  it('refuses to start in Azure without either (PC-CFG-026, PC-CFG-028)', () => {
    assert.deepEqual(codesFor(azure()), ['PC-CFG-026', 'PC-CFG-028']);
    const config = parseConfig(
      azure({ CALENDAR_LINK_SECRET: strong, BOT_ENDPOINT: 'https://app.example.net/' }),
    );
    assert.equal(config.calendar.linkSecret, strong);
    assert.equal(config.calendar.baseUrl, 'https://app.example.net');
  });

  it('refuses a secret with fewer than 32 random bytes, and names only the variable, never its value (PC-CFG-025)', () => {
    const weak = [
      'short',
      'a'.repeat(64),
      'abababababababababababababababababababababab',
      'ab12'.repeat(15),
      strong.slice(0, 40),
    ];
    refusesQuietly('CALENDAR_LINK_SECRET', weak, 'PC-CFG-025');
    for (const secret of [
      strong,
      '0123456789abcdef'.repeat(4),
      'correct horse battery staple, plus some more words',
    ])
      assert.equal(parseConfig(localEnv({ CALENDAR_LINK_SECRET: secret })).calendar.linkSecret, secret);
  });

  it('refuses a BOT_ENDPOINT that is not https (http only for localhost) or carries a query (PC-CFG-027)', () => {
    for (const endpoint of [
      'http://app.example.net',
      'ftp://app.example.net',
      'https://app.example.net/?x=1',
      'app',
    ])
      assert.deepEqual(codesFor(localEnv({ BOT_ENDPOINT: endpoint })), ['PC-CFG-027'], endpoint);
    assert.equal(
      parseConfig(localEnv({ BOT_ENDPOINT: 'http://localhost:3978' })).calendar.baseUrl,
      'http://localhost:3978',
    );
  });
});
