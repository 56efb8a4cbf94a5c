import { isIP } from 'node:net';
import { IANAZone } from 'luxon';
import { isSupportedLocale } from '../i18n';
import { ConfigIssue, ConfigurationError, configIssue } from './errors';

export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

/** how inbound requests are authenticated */
export type AuthConfig =
  | {
      /** every request must carry a valid Bot Framework token */
      readonly mode: 'authenticated';
      readonly appId: string;
      readonly appPassword: string;
      readonly appType: AppType;
      readonly tenantId: string;
      /**
       * where the signing keys of inbound tokens are published (an OpenID configuration); unset means
       * the public cloud's, which is what every bot behind Azure Bot Service wants
       */
      readonly openIdMetadataUrl?: string;
    }
  | {
      /** local use only: requests without a token are accepted */
      readonly mode: 'anonymous';
    };

/** where documents are stored */
export type StoreConfig =
  | { readonly kind: 'azure'; readonly endpoint: string; readonly key: string; readonly database: string }
  | { readonly kind: 'azure-identity'; readonly endpoint: string; readonly database: string }
  | {
      /** the in-process Cosmos DB–compatible server, snapshotted under dataDir */
      readonly kind: 'embedded';
      readonly dataDir: string;
      readonly database: string;
    };

/** "Add to calendar": how its links are signed, and where they point */
export interface CalendarConfig {
  /**
   * the key the links are signed with (CALENDAR_LINK_SECRET); unset only in local use, where one is
   * made at the first start and kept in `secretDir`
   */
  readonly linkSecret?: string;
  /** where local use keeps the secret it made: the data folder (DATA_DIR) */
  readonly secretDir: string;
  /** the bot's public address (BOT_ENDPOINT); unset only in local use: the address it listens on */
  readonly baseUrl?: string;
}

/** operations telemetry: where it goes */
export interface TelemetryConfig {
  /**
   * the Application Insights connection string (APPLICATIONINSIGHTS_CONNECTION_STRING); unset, no
   * telemetry leaves the process
   */
  readonly connectionString?: string;
  /** log a summary of the metrics every minute and at shutdown (TELEMETRY_SUMMARY=1, for local runs) */
  readonly summary: boolean;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  /** the HTTP port for /api/messages, /healthz and /readyz */
  readonly port: number;
  /**
   * the address the port listens on: 127.0.0.1 in anonymous mode, where anyone who reaches the port
   * can act as anyone; every address (0.0.0.0) with an app id, where a token is checked
   */
  readonly host: string;
  readonly auth: AuthConfig;
  readonly store: StoreConfig;
  /** Entra object ids that are coordinators from the first start */
  readonly coordinatorIds: readonly string[];
  /** used until a person's Teams client tells us theirs */
  readonly defaultTimeZone: string;
  /** used until a person's Teams client tells us theirs */
  readonly defaultLocale: string;
  readonly logLevel: LogLevel;
  /** 'minutes' turns a policy's days into minutes, so a whole cycle runs in minutes locally */
  readonly timingScale: 'days' | 'minutes';
  /** what supervisors wrote expires this many days after their programme ends */
  readonly retentionDays: number;
  /** how a CSV export reaches a coordinator: Teams' file consent, or shown in the chat (local Playground) */
  readonly exportAs: 'file' | 'chat';
  /**
   * how many copies of the bot run side by side on one store; each sends at most its share of
   * Teams' per-tenant limit, since every process counts only its own sends
   */
  readonly instances: number;
  /**
   * the Entra tenants whose activities are served; any other tenant (or none) is refused before any
   * store work. Data stored before tenants were recorded belongs to the first
   */
  readonly allowedTenantIds: readonly string[];
  readonly calendar: CalendarConfig;
  readonly telemetry: TelemetryConfig;
}

export type Env = Readonly<Record<string, string | undefined>>;

const appTypes: readonly AppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];
const logLevels: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function value(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

function parseAuth(env: Env, issues: ConfigIssue[]): AuthConfig | undefined {
  const appId = value(env, 'MicrosoftAppId');
  const anonymousFlag = value(env, 'BOT_ANONYMOUS');
  if (anonymousFlag !== undefined && anonymousFlag !== '0' && anonymousFlag !== '1') {
    issues.push(configIssue('InvalidFlag', 'BOT_ANONYMOUS'));
    return undefined;
  }
  const anonymous = anonymousFlag === '1';
  if (!appId) {
    if (anonymous) return { mode: 'anonymous' };
    issues.push(configIssue('NoAuthenticationChosen', 'MicrosoftAppId'));
    return undefined;
  }
  if (anonymous) {
    issues.push(configIssue('AnonymousWithAppId', 'BOT_ANONYMOUS'));
    return undefined;
  }
  // Azure Bot Service creates no new multi-tenant bots (since 31 July 2025); existing ones still run
  const appType = (value(env, 'MicrosoftAppType') ?? 'SingleTenant') as AppType;
  if (!appTypes.includes(appType)) {
    issues.push(configIssue('InvalidAppType', 'MicrosoftAppType'));
    return undefined;
  }
  const appPassword = value(env, 'MicrosoftAppPassword') ?? '';
  if (appType !== 'UserAssignedMSI' && !appPassword) {
    issues.push(configIssue('MissingAppPassword', 'MicrosoftAppPassword'));
  }
  const tenantId = value(env, 'MicrosoftAppTenantId') ?? '';
  if (appType !== 'MultiTenant' && !tenantId) {
    issues.push(configIssue('MissingAppTenantId', 'MicrosoftAppTenantId'));
  }
  const openIdMetadataUrl = value(env, 'BOT_OPENID_METADATA_URL');
  if (openIdMetadataUrl !== undefined && !isTlsOrLocalUrl(openIdMetadataUrl)) {
    issues.push(configIssue('InvalidOpenIdMetadataUrl', 'BOT_OPENID_METADATA_URL'));
  }
  return {
    mode: 'authenticated',
    appId,
    appPassword,
    appType,
    tenantId,
    ...(openIdMetadataUrl ? { openIdMetadataUrl } : {}),
  };
}

/**
 * Over TLS, or plain http only to this machine. Whoever serves the OpenID metadata decides which keys
 * sign valid tokens; a calendar link sent over plain http could be read on the way.
 */
function isTlsOrLocalUrl(raw: string): boolean {
  if (!isHttpUrl(raw)) return false;
  const url = new URL(raw);
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

function isHttpUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !/\s/.test(raw);
  } catch {
    return false;
  }
}

function parseStore(env: Env, issues: ConfigIssue[]): StoreConfig | undefined {
  const endpoint = value(env, 'COSMOS_ENDPOINT');
  const key = value(env, 'COSMOS_KEY');
  const auth = value(env, 'COSMOS_AUTH') ?? 'key';
  const database = value(env, 'COSMOS_DATABASE') ?? 'peercoach';
  if (database.length > 255 || /[/\\?#]/.test(database)) {
    issues.push(configIssue('InvalidDatabaseName', 'COSMOS_DATABASE'));
  }
  if (auth !== 'key' && auth !== 'identity') {
    issues.push(configIssue('InvalidCosmosAuth', 'COSMOS_AUTH'));
    return undefined;
  }
  if (!endpoint) {
    if (key) issues.push(configIssue('CosmosKeyWithoutEndpoint', 'COSMOS_KEY'));
    return { kind: 'embedded', dataDir: value(env, 'DATA_DIR') ?? '.data', database };
  }
  if (!isHttpUrl(endpoint)) {
    issues.push(configIssue('InvalidCosmosEndpoint', 'COSMOS_ENDPOINT'));
    return undefined;
  }
  if (auth === 'identity') return { kind: 'azure-identity', endpoint, database };
  if (!key) {
    issues.push(configIssue('CosmosEndpointWithoutCredential', 'COSMOS_KEY'));
    return undefined;
  }
  return { kind: 'azure', endpoint, key, database };
}

/** an IP address, or a host name of dot-separated labels whose last is not all digits */
function isHost(raw: string): boolean {
  if (isIP(raw)) return true;
  const labels = raw.split('.');
  return (
    raw.length <= 253 &&
    labels.every((l) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(l)) &&
    !/^\d+$/.test(labels[labels.length - 1]!)
  );
}

function parseHost(env: Env, auth: AuthConfig | undefined, issues: ConfigIssue[]): string {
  const host = value(env, 'HOST') ?? (auth?.mode === 'anonymous' ? '127.0.0.1' : '0.0.0.0');
  if (!isHost(host)) issues.push(configIssue('InvalidHost', 'HOST'));
  return host;
}

function parsePort(env: Env, issues: ConfigIssue[]): number {
  const raw = value(env, 'PORT') ?? '3978';
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) issues.push(configIssue('InvalidPort', 'PORT'));
  return port;
}

/** the tenant of the Playground configurations in env/ (and of the tests' activities) */
export const playgroundTenantId = '00000000-0000-4000-8000-0000000000aa';

/**
 * ALLOWED_TENANT_IDS, else the bot registration's own tenant; in local mode, the Playground's. With
 * an app id and neither, the bot would serve any tenant that can install it: it refuses to start.
 */
function parseAllowedTenants(env: Env, auth: AuthConfig | undefined, issues: ConfigIssue[]): string[] {
  const listed = (value(env, 'ALLOWED_TENANT_IDS') ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (listed.some((id) => !guid.test(id))) {
    issues.push(configIssue('InvalidAllowedTenantId', 'ALLOWED_TENANT_IDS'));
    return [];
  }
  if (listed.length > 0) return [...new Set(listed)];
  if (auth?.mode === 'anonymous') return [playgroundTenantId];
  const own = auth?.tenantId.toLowerCase();
  if (own && guid.test(own)) return [own];
  // a single-tenant registration without its tenant id is already reported (PC-CFG-005)
  if (auth?.mode === 'authenticated' && auth.appType === 'MultiTenant')
    issues.push(configIssue('NoAllowedTenants', 'ALLOWED_TENANT_IDS'));
  return [];
}

/**
 * Bytes of key material a secret holds, read as hex or base64 where it is written that way; a value
 * of few distinct characters counts as none, whatever its length.
 */
export function secretBytes(secret: string): number {
  if (new Set(secret).size < 10) return 0;
  if (/^(?:[0-9a-f]{2})+$/i.test(secret)) return secret.length / 2;
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(secret)) return Math.floor((secret.replace(/=+$/, '').length * 3) / 4);
  return Buffer.byteLength(secret, 'utf8');
}

/**
 * The links' secret and address: required in Azure (Cosmos DB and an app id), where every instance
 * must sign and check alike and people reach the bot at its public address; in local use both have
 * defaults.
 */
function parseCalendar(
  env: Env,
  store: StoreConfig | undefined,
  auth: AuthConfig | undefined,
  issues: ConfigIssue[],
): CalendarConfig {
  const azure = store !== undefined && store.kind !== 'embedded' && auth?.mode === 'authenticated';
  const linkSecret = value(env, 'CALENDAR_LINK_SECRET');
  if (linkSecret !== undefined && secretBytes(linkSecret) < 32)
    issues.push(configIssue('CalendarSecretTooShort', 'CALENDAR_LINK_SECRET'));
  if (linkSecret === undefined && azure)
    issues.push(configIssue('MissingCalendarSecret', 'CALENDAR_LINK_SECRET'));
  const endpoint = value(env, 'BOT_ENDPOINT');
  if (endpoint !== undefined && (!isTlsOrLocalUrl(endpoint) || /[?#]/.test(endpoint)))
    issues.push(configIssue('InvalidBotEndpoint', 'BOT_ENDPOINT'));
  if (endpoint === undefined && azure) issues.push(configIssue('MissingBotEndpoint', 'BOT_ENDPOINT'));
  return {
    ...(linkSecret ? { linkSecret } : {}),
    secretDir: store?.kind === 'embedded' ? store.dataDir : (value(env, 'DATA_DIR') ?? '.data'),
    ...(endpoint ? { baseUrl: endpoint.replace(/\/+$/, '') } : {}),
  };
}

/**
 * `key=value` parts separated by semicolons, one of them an InstrumentationKey GUID: enough to catch
 * a value pasted incompletely or into the wrong setting, which would otherwise drop every metric
 * without a word.
 */
function isConnectionString(raw: string): boolean {
  const parts = raw
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split('='));
  const key = parts.find(([name]) => name?.trim().toLowerCase() === 'instrumentationkey');
  return parts.every((p) => p.length >= 2 && p[0]!.trim() !== '') && guid.test(key?.[1]?.trim() ?? '');
}

function parseTelemetry(env: Env, issues: ConfigIssue[]): TelemetryConfig {
  const connectionString = value(env, 'APPLICATIONINSIGHTS_CONNECTION_STRING');
  if (connectionString !== undefined && !isConnectionString(connectionString))
    issues.push(configIssue('InvalidConnectionString', 'APPLICATIONINSIGHTS_CONNECTION_STRING'));
  const summary = value(env, 'TELEMETRY_SUMMARY') ?? '0';
  if (summary !== '0' && summary !== '1')
    issues.push(configIssue('InvalidTelemetrySummary', 'TELEMETRY_SUMMARY'));
  return { ...(connectionString ? { connectionString } : {}), summary: summary === '1' };
}

function parseCoordinators(env: Env, issues: ConfigIssue[]): string[] {
  const ids = (value(env, 'COORDINATOR_AAD_IDS') ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (ids.some((id) => !guid.test(id)))
    issues.push(configIssue('InvalidCoordinatorId', 'COORDINATOR_AAD_IDS'));
  return [...new Set(ids)];
}

/**
 * Reads the environment once. Every problem found is reported together, so an operator fixes them
 * in one go; the result is frozen so nothing can change it later.
 */
export function parseConfig(env: Env): Config {
  const issues: ConfigIssue[] = [];
  const port = parsePort(env, issues);
  const auth = parseAuth(env, issues);
  const store = parseStore(env, issues);
  const coordinatorIds = parseCoordinators(env, issues);
  const allowedTenantIds = parseAllowedTenants(env, auth, issues);
  const host = parseHost(env, auth, issues);
  const calendar = parseCalendar(env, store, auth, issues);
  const telemetry = parseTelemetry(env, issues);

  const defaultTimeZone = value(env, 'DEFAULT_TIME_ZONE') ?? 'Europe/Stockholm';
  if (!IANAZone.isValidZone(defaultTimeZone))
    issues.push(configIssue('InvalidTimeZone', 'DEFAULT_TIME_ZONE'));
  const defaultLocale = value(env, 'DEFAULT_LOCALE') ?? 'en';
  if (!isSupportedLocale(defaultLocale)) issues.push(configIssue('InvalidLocale', 'DEFAULT_LOCALE'));
  const logLevel = (value(env, 'LOG_LEVEL') ?? 'info') as LogLevel;
  if (!logLevels.includes(logLevel)) issues.push(configIssue('InvalidLogLevel', 'LOG_LEVEL'));

  const timingScale = (value(env, 'TIMING_SCALE') ?? 'days') as Config['timingScale'];
  if (timingScale !== 'days' && timingScale !== 'minutes')
    issues.push(configIssue('InvalidTimingScale', 'TIMING_SCALE'));
  const retentionRaw = value(env, 'RETENTION_DAYS') ?? '365';
  const retentionDays = Number(retentionRaw);
  if (!/^\d+$/.test(retentionRaw) || retentionDays < 1 || retentionDays > 3650) {
    issues.push(configIssue('InvalidRetention', 'RETENTION_DAYS'));
  }

  const exportAs = (value(env, 'EXPORT_AS') ??
    (auth?.mode === 'anonymous' ? 'chat' : 'file')) as Config['exportAs'];
  if (exportAs !== 'file' && exportAs !== 'chat') issues.push(configIssue('InvalidExportAs', 'EXPORT_AS'));

  const instancesRaw = value(env, 'INSTANCES') ?? '1';
  const instances = Number(instancesRaw);
  if (!/^\d+$/.test(instancesRaw) || instances < 1 || instances > 30) {
    issues.push(configIssue('InvalidInstances', 'INSTANCES'));
  }

  if (issues.length > 0 || !auth || !store) throw new ConfigurationError(issues);
  return deepFreeze({
    port,
    auth,
    store,
    coordinatorIds,
    defaultTimeZone,
    defaultLocale,
    logLevel,
    timingScale,
    retentionDays,
    exportAs,
    instances,
    allowedTenantIds,
    host,
    calendar,
    telemetry,
  });
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
