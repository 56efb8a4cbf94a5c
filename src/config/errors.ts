/**
 * One catalogue of configuration errors: every problem has a stable code and a sentence that says
 * what to do about it. Codes never change meaning, so operators can search for them.
 */
export const configErrors = {
  NoAuthenticationChosen: {
    code: 'PC-CFG-001',
    description:
      'Neither MicrosoftAppId nor BOT_ANONYMOUS=1 is set. Set MicrosoftAppId and MicrosoftAppPassword to run behind Azure Bot Service, or set BOT_ANONYMOUS=1 for local use with the Agents Playground.',
  },
  AnonymousWithAppId: {
    code: 'PC-CFG-002',
    description:
      'BOT_ANONYMOUS=1 and MicrosoftAppId are both set. Anonymous requests are only for local use without an app id: remove BOT_ANONYMOUS or MicrosoftAppId.',
  },
  MissingAppPassword: {
    code: 'PC-CFG-003',
    description:
      'MicrosoftAppId is set but MicrosoftAppPassword is empty. Put the client secret of the bot registration in MicrosoftAppPassword (in env/.env.<name>.user or the host settings).',
  },
  InvalidAppType: {
    code: 'PC-CFG-004',
    description: 'MicrosoftAppType must be one of MultiTenant, SingleTenant or UserAssignedMSI.',
  },
  MissingAppTenantId: {
    code: 'PC-CFG-005',
    description:
      'MicrosoftAppType SingleTenant and UserAssignedMSI need MicrosoftAppTenantId: set it to the directory (tenant) id of the bot registration.',
  },
  InvalidPort: {
    code: 'PC-CFG-006',
    description: 'PORT must be a whole number between 1 and 65535 (default 3978).',
  },
  CosmosKeyWithoutEndpoint: {
    code: 'PC-CFG-007',
    description:
      'COSMOS_KEY is set without COSMOS_ENDPOINT. Set COSMOS_ENDPOINT to the account URI, or remove COSMOS_KEY to use the embedded local store.',
  },
  CosmosEndpointWithoutCredential: {
    code: 'PC-CFG-008',
    description:
      'COSMOS_ENDPOINT is set without a credential. Set COSMOS_KEY, or COSMOS_AUTH=identity to sign in with a managed identity.',
  },
  InvalidCosmosEndpoint: {
    code: 'PC-CFG-009',
    description: 'COSMOS_ENDPOINT must be an http(s) URL such as https://<account>.documents.azure.com:443/.',
  },
  InvalidCosmosAuth: {
    code: 'PC-CFG-010',
    description: 'COSMOS_AUTH must be "key" (the default) or "identity".',
  },
  InvalidTimeZone: {
    code: 'PC-CFG-011',
    description: 'DEFAULT_TIME_ZONE must be an IANA time zone name such as Europe/Stockholm.',
  },
  InvalidLocale: {
    code: 'PC-CFG-012',
    description: 'DEFAULT_LOCALE must be a language Peer Coach speaks: en (English) or sv (Swedish).',
  },
  InvalidCoordinatorId: {
    code: 'PC-CFG-013',
    description:
      'COORDINATOR_AAD_IDS must be a comma-separated list of Microsoft Entra object ids (GUIDs) of the first coordinators.',
  },
  InvalidFlag: {
    code: 'PC-CFG-014',
    description: 'BOT_ANONYMOUS must be 1 or 0 (or left unset).',
  },
  InvalidLogLevel: {
    code: 'PC-CFG-015',
    description: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace or silent.',
  },
  InvalidDatabaseName: {
    code: 'PC-CFG-016',
    description: 'COSMOS_DATABASE must be 1–255 characters without / \\ ? or #.',
  },
  InvalidTimingScale: {
    code: 'PC-CFG-017',
    description:
      'TIMING_SCALE must be "days" (the default) or "minutes" (local demo runs: a policy day lasts a minute).',
  },
  InvalidRetention: {
    code: 'PC-CFG-018',
    description: 'RETENTION_DAYS must be a whole number of days from 1 to 3650 (default 365).',
  },
  InvalidExportAs: {
    code: 'PC-CFG-019',
    description:
      'EXPORT_AS must be "file" (Teams file consent) or "chat" (the CSV shown in the chat, for the local Playground).',
  },
  InvalidOpenIdMetadataUrl: {
    code: 'PC-CFG-020',
    description:
      'BOT_OPENID_METADATA_URL must be an https URL of an OpenID configuration (http only for localhost), or unset to trust the public Bot Framework cloud.',
  },
  InvalidInstances: {
    code: 'PC-CFG-021',
    description:
      "INSTANCES must be a whole number from 1 to 30: how many copies of the bot run side by side, so that each keeps to its share of Teams' per-tenant sending limit.",
  },
  NoAllowedTenants: {
    code: 'PC-CFG-022',
    description:
      'MicrosoftAppId is set but no tenant is allowed: set ALLOWED_TENANT_IDS to the Entra tenant id(s) whose people use Peer Coach (or MicrosoftAppTenantId, which it defaults to). Activities from any other tenant are refused.',
  },
  InvalidHost: {
    code: 'PC-CFG-023',
    description:
      'HOST must be an IP address or a host name to listen on, such as 127.0.0.1 (the default in anonymous mode) or 0.0.0.0 (every address; the default with MicrosoftAppId).',
  },
  InvalidAllowedTenantId: {
    code: 'PC-CFG-024',
    description: 'ALLOWED_TENANT_IDS must be a comma-separated list of Microsoft Entra tenant ids (GUIDs).',
  },
  CalendarSecretTooShort: {
    code: 'PC-CFG-025',
    description:
      'CALENDAR_LINK_SECRET is too weak: it signs the "Add to calendar" links and must hold at least 32 random bytes. Generate one with `openssl rand -base64 32` (or leave it unset in local use, where one is made and kept in DATA_DIR).',
  },
  MissingCalendarSecret: {
    code: 'PC-CFG-026',
    description:
      'COSMOS_ENDPOINT and MicrosoftAppId are set but CALENDAR_LINK_SECRET is not. Set it to at least 32 random bytes (`openssl rand -base64 32`), the same on every instance; infra/main.bicep keeps it in Key Vault.',
  },
  InvalidBotEndpoint: {
    code: 'PC-CFG-027',
    description:
      'BOT_ENDPOINT must be the https address people reach the bot at, such as https://app-peercoach.azurewebsites.net (http only for localhost), without a query.',
  },
  MissingBotEndpoint: {
    code: 'PC-CFG-028',
    description:
      'COSMOS_ENDPOINT and MicrosoftAppId are set but BOT_ENDPOINT is not. Set it to the https address people reach the bot at: the "Add to calendar" links point there.',
  },
  InvalidConnectionString: {
    code: 'PC-CFG-029',
    description:
      'APPLICATIONINSIGHTS_CONNECTION_STRING must be the Application Insights connection string, "InstrumentationKey=<GUID>;IngestionEndpoint=https://…" as the portal shows it (or unset, to export no telemetry).',
  },
  InvalidTelemetrySummary: {
    code: 'PC-CFG-030',
    description:
      'TELEMETRY_SUMMARY must be 1 (log a summary of the metrics every minute, for local runs) or 0 (or left unset).',
  },
} as const;

export type ConfigErrorName = keyof typeof configErrors;

/** one thing wrong with the environment: which variable, and the catalogue entry */
export interface ConfigIssue {
  /** the catalogue entry's name */
  readonly name: ConfigErrorName;
  /** the stable code, e.g. PC-CFG-001 */
  readonly code: string;
  /** the environment variable at fault */
  readonly variable: string;
  /** what is wrong and what to do */
  readonly message: string;
}

export function configIssue(name: ConfigErrorName, variable: string): ConfigIssue {
  const entry = configErrors[name];
  return { name, code: entry.code, variable, message: entry.description };
}

/** the one error thrown when the environment cannot start the bot */
export class ConfigurationError extends Error {
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(
      'Peer Coach cannot start; fix the configuration:\n' +
        issues.map((i) => `  ${i.code} ${i.variable}: ${i.message}`).join('\n'),
    );
    this.name = 'ConfigurationError';
  }
}
