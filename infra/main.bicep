// Peer Coach on Azure, in one resource group:
//
//   user-assigned managed identity  the bot's identity towards Bot Service and Cosmos DB (no secrets)
//   Azure Cosmos DB (serverless)     database and containers as src/store/containers.ts defines them;
//                                    keys disabled, the identity has the built-in Data Contributor role
//   App Service (Linux, Node.js)     runs dist/src/index.js; health check on /readyz
//   Azure Bot                        Teams channel, messaging endpoint https://<app>/api/messages
//   Key Vault (RBAC)                 the secret that signs "Add to calendar" links; the identity may
//                                    read that one secret, the app setting refers to it
//   Log Analytics (optional)         console, HTTP and platform logs of the App Service; with it:
//   Application Insights             the bot's metrics and traces (OpenTelemetry), kept in the workspace
//   alert rules, action group        log search alerts on those metrics; e-mail to alertEmail if set
//
// Deployed by `atk provision` (m365agents.yml, parameters from infra/main.parameters.json) or by
// `az deployment group create` (docs/deploy.md). test/infra/deployment.test.ts checks this file
// against the code: containers and partition keys, app settings, outputs; test/infra/monitoring.test.ts
// checks the alert rules against the metrics src/telemetry/telemetry.ts emits.

@minLength(4)
@maxLength(20)
@description('Base of every resource name (lower-case letters and digits), e.g. peercoach1a2b3c. App Service, Cosmos DB and Azure Bot names must be globally unique.')
param resourceBaseName string

@description('Region for everything except Azure Bot (which is global). Where the data lives: choose the region your data-protection rules require.')
param location string = resourceGroup().location

@maxLength(42)
@description('Name of the bot in the Azure portal.')
param botDisplayName string = 'Peer Coach'

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot pricing tier. Teams is a standard channel: F0 carries it without a message limit.')
param botSku string = 'F0'

@description('App Service plan tier. Basic (B1) or above: "Always On" keeps the scheduler running, and the free tier has no Always On.')
param appServiceSku string = 'B1'

@allowed([
  '22'
  '24'
])
@description('Node.js major version on App Service: 24 LTS. CI runs the tests on both allowed majors (package.json engines); Node.js 22 reaches end of life on 30 April 2027.')
param nodeMajorVersion string = '24'

@description('Cosmos DB database name; the bot reads it from COSMOS_DATABASE.')
param databaseName string = 'peercoach'

@allowed([
  'Geo'
  'Zone'
  'Local'
])
@description('Where Cosmos DB keeps its periodic backups: Geo also copies them to the paired region, Local keeps them in this region only.')
param backupStorageRedundancy string = 'Geo'

@minLength(36)
@description('Comma-separated Entra object ids of the first coordinators (at least one). They can add further coordinators in the bot.')
param coordinatorAadIds string

@description('Comma-separated Entra tenant ids whose people may use the bot; empty: only the tenant it is deployed in. Activities from any other tenant are refused.')
param allowedTenantIds string = ''

@description('IANA time zone used until a person\'s Teams client reports theirs.')
param defaultTimeZone string = 'Europe/Stockholm'

@allowed([
  'en'
  'sv'
])
@description('Language used until a person\'s Teams client reports theirs (each person can also choose in `profile`).')
param defaultLocale string = 'en'

@minValue(1)
@maxValue(30)
@description('How many copies of the bot run (App Service instances). Each sends at most its share of Teams\' per-tenant limit (INSTANCES), so together they stay within it.')
param instanceCount int = 1

@minValue(1)
@maxValue(3650)
@description('What supervisors wrote expires this many days after their programme\'s last day.')
param retentionDays int = 365

@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

@description('Send the App Service\'s logs and the bot\'s telemetry (Application Insights) to a Log Analytics workspace (kept 30 days), with the alert rules of docs/operations.md.')
param enableLogAnalytics bool = true

@description('E-mail address (a team mailbox) that the alert rules notify. Empty: the rules still fire and show under Monitor > Alerts, but nobody is e-mailed.')
param alertEmail string = ''

@minValue(1)
@description('Alert when more proactive sends than this fail or find their recipient unreachable within 15 minutes.')
param sendFailureAlertThreshold int = 20

@minValue(1)
@description('Alert when Cosmos DB answers more store requests than this with 429 (too many requests) in each of three 5-minute windows in a row.')
param throttledRequestAlertThreshold int = 10

param tags object = {
  application: 'peer-coach'
}

@secure()
@minLength(44)
@description('Signs the "Add to calendar" links: at least 32 random bytes, e.g. the output of `openssl rand -base64 32`. Kept in Key Vault. Keep the same value from one deployment to the next: a new one makes every link already sent stop working.')
param calendarLinkSecret string

var names = {
  identity: 'id-${resourceBaseName}'
  cosmos: toLower('cosmos-${resourceBaseName}')
  plan: 'plan-${resourceBaseName}'
  webApp: 'app-${resourceBaseName}'
  bot: 'bot-${resourceBaseName}'
  logs: 'log-${resourceBaseName}'
  insights: 'appi-${resourceBaseName}'
  actionGroup: 'ag-${resourceBaseName}'
  alerts: 'alert-${resourceBaseName}'
  vault: 'kv-${resourceBaseName}'
}

// Cosmos DB built-in data-plane role "Cosmos DB Built-in Data Contributor": read and write items,
// read metadata; it cannot create databases or containers, which is why they are declared here.
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'

// Azure built-in role "Key Vault Secrets User": read a secret's value, nothing else
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

// ---------------------------------------------------------------------------------------------
// Identity

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: tags
}

// ---------------------------------------------------------------------------------------------
// Cosmos DB: serverless, no keys (Entra ID only), session consistency

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: names.cosmos
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
    backupPolicy: {
      type: 'Periodic'
      periodicModeProperties: {
        backupIntervalInMinutes: 240
        backupRetentionIntervalInHours: 8
        backupStorageRedundancy: backupStorageRedundancy
      }
    }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: cosmos
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
  }
}

// The containers of src/store/containers.ts, with the same partition keys. Serverless: no throughput.

resource peopleContainer 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = {
  parent: database
  name: 'people'
  properties: {
    resource: {
      id: 'people'
      partitionKey: {
        paths: [
          '/id'
        ]
        kind: 'Hash'
        version: 2
      }
    }
  }
}

resource teamsContainer 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = {
  parent: database
  name: 'teams'
  properties: {
    resource: {
      id: 'teams'
      partitionKey: {
        paths: [
          '/id'
        ]
        kind: 'Hash'
        version: 2
      }
    }
  }
}

resource programmesContainer 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = {
  parent: database
  name: 'programmes'
  properties: {
    resource: {
      id: 'programmes'
      partitionKey: {
        paths: [
          '/programmeId'
        ]
        kind: 'Hash'
        version: 2
      }
    }
  }
}

// defaultTtl -1: TTL is on, and each document carries its own `ttl` (what supervisors wrote
// expires RETENTION_DAYS after the programme ends); documents without one never expire.
resource cyclesContainer 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = {
  parent: database
  name: 'cycles'
  properties: {
    resource: {
      id: 'cycles'
      partitionKey: {
        paths: [
          '/pairId'
        ]
        kind: 'Hash'
        version: 2
      }
      defaultTtl: -1
    }
  }
}

resource scheduleContainer 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = {
  parent: database
  name: 'schedule'
  properties: {
    resource: {
      id: 'schedule'
      partitionKey: {
        paths: [
          '/slot'
        ]
        kind: 'Hash'
        version: 2
      }
    }
  }
}

resource cosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

// ---------------------------------------------------------------------------------------------
// Key Vault: the calendar links' secret, readable by the bot's identity (and no one else's app)

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: names.vault
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource calendarSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'calendar-link-secret'
  properties: {
    value: calendarLinkSecret
  }
}

resource calendarSecretReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: calendarSecret
  name: guid(calendarSecret.id, identity.id, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------
// App Service: Linux, Node.js

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: names.plan
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: names.webApp
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  // the Key Vault reference below resolves only once the identity may read the secret
  dependsOn: [calendarSecretReader]
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with the bot's identity
    keyVaultReferenceIdentity: identity.id
    // instances share nothing but the store: no sticky sessions
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|${nodeMajorVersion}-lts'
      // App Service sets PORT; the bot listens on it
      appCommandLine: 'node dist/src/index.js'
      alwaysOn: true
      // not ready (store unreachable, or this instance's scheduler stalled): App Service takes the
      // instance out of the load balancer and restarts it if it stays so
      healthCheckPath: '/readyz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // the bot's identity towards Bot Service: the managed identity, no client secret
        {
          name: 'MicrosoftAppType'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MicrosoftAppId'
          value: identity.properties.clientId
        }
        {
          name: 'MicrosoftAppTenantId'
          value: identity.properties.tenantId
        }
        // the organisations served; empty means MicrosoftAppTenantId's alone
        {
          name: 'ALLOWED_TENANT_IDS'
          value: allowedTenantIds
        }
        // Cosmos DB through DefaultAzureCredential, which takes the user-assigned identity named here
        {
          name: 'COSMOS_ENDPOINT'
          value: cosmos.properties.documentEndpoint
        }
        {
          name: 'COSMOS_AUTH'
          value: 'identity'
        }
        {
          name: 'COSMOS_DATABASE'
          value: databaseName
        }
        {
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'COORDINATOR_AAD_IDS'
          value: coordinatorAadIds
        }
        {
          name: 'DEFAULT_TIME_ZONE'
          value: defaultTimeZone
        }
        {
          name: 'DEFAULT_LOCALE'
          value: defaultLocale
        }
        {
          name: 'RETENTION_DAYS'
          value: string(retentionDays)
        }
        {
          name: 'INSTANCES'
          value: string(instanceCount)
        }
        {
          name: 'LOG_LEVEL'
          value: logLevel
        }
        // metrics and traces to Application Insights (content-free: docs/operations.md); it only
        // lets the bot write telemetry, so it is a plain setting like COSMOS_ENDPOINT, not a secret
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: enableLogAnalytics ? insights.properties.ConnectionString : ''
        }
        // "Add to calendar": the links' secret from Key Vault, and the address the links point to
        {
          name: 'CALENDAR_LINK_SECRET'
          value: '@Microsoft.KeyVault(SecretUri=${calendarSecret.properties.secretUri})'
        }
        {
          name: 'BOT_ENDPOINT'
          value: 'https://${names.webApp}.azurewebsites.net'
        }
        {
          name: 'NODE_ENV'
          value: 'production'
        }
        // as `npm start` runs it: without a limit V8 lets old space grow far beyond the live heap
        {
          name: 'NODE_OPTIONS'
          value: '--max-old-space-size=1024'
        }
        // the deploy uploads dist/ and package*.json; App Service installs the production
        // dependencies on Linux, and does not run `npm run build` (already done before upload)
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'true'
        }
        {
          name: 'CUSTOM_BUILD_COMMAND'
          value: 'npm ci --omit=dev --ignore-scripts --no-audit --no-fund'
        }
      ]
    }
  }
}

// stdout of the bot (JSON lines from pino) for `az webapp log tail` and the portal's Log stream
resource webAppLogs 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'logs'
  properties: {
    httpLogs: {
      fileSystem: {
        enabled: true
        retentionInDays: 7
        retentionInMb: 35
      }
    }
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = if (enableLogAnalytics) {
  name: names.logs
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (enableLogAnalytics) {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

// ---------------------------------------------------------------------------------------------
// Telemetry and alerts: Application Insights keeps its data in the workspace, where the bot's
// OpenTelemetry metrics land in AppMetrics (Name, Sum, ItemCount, Max, Properties = the attributes).
// The bot records no HTTP requests itself: App Service's HTTP log (AppServiceHTTPLogs, above) has
// them. What each alert means and what to do: docs/operations.md.

resource insights 'Microsoft.Insights/components@2020-02-02' = if (enableLogAnalytics) {
  name: names.insights
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
  }
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (enableLogAnalytics && !empty(alertEmail)) {
  name: names.actionGroup
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'Peer Coach'
    enabled: true
    emailReceivers: [
      {
        name: 'it-team'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// Each rule: the query projects TimeGenerated and one measure; the rule aggregates the measure over
// each window and fires when `windows` windows in a row cross the threshold, separately for each
// value of the `splitBy` column if one is named. Metric names are exactly those of
// src/telemetry/telemetry.ts (metricNames); counters arrive as deltas, so their Sums add up.
var alertRules = [
  {
    name: 'due-work-late'
    displayName: 'Peer Coach: due work over 15 minutes late'
    description: 'A prompt, reminder or summary ran more than 15 minutes after it was due (peercoach.due_work.lag). People get their cards late. Check /readyz on each instance, the instance count and whether a scheduler stalled; see docs/operations.md.'
    severity: 2
    query: 'AppMetrics | where Name == "peercoach.due_work.lag" | project TimeGenerated, LagMs = Max'
    measure: 'LagMs'
    aggregation: 'Maximum'
    operator: 'GreaterThan'
    threshold: 900000
    window: 'PT15M'
    windows: 1
    splitBy: ''
  }
  {
    name: 'sends-failing'
    displayName: 'Peer Coach: proactive sends failing'
    description: 'More proactive sends than the threshold failed or found their recipient unreachable within 15 minutes (peercoach.sends). Check for a Teams outage, an app blocked or uninstalled by a Teams administrator, and 403s in the logs; see docs/operations.md.'
    severity: 2
    query: 'AppMetrics | where Name == "peercoach.sends" | where tostring(Properties.outcome) in ("failed", "unreachable") | project TimeGenerated, Failures = Sum'
    measure: 'Failures'
    aggregation: 'Total'
    operator: 'GreaterThan'
    threshold: sendFailureAlertThreshold
    window: 'PT15M'
    windows: 1
    splitBy: ''
  }
  {
    name: 'messages-5xx'
    displayName: 'Peer Coach: server errors on /api/messages'
    description: 'More than 5 requests from Azure Bot Service to /api/messages ended in a 5xx within 15 minutes (App Service\'s HTTP log): people see an error or a missing answer in Teams. Check /readyz, the instance count and the console logs for error names; see docs/operations.md.'
    severity: 1
    query: 'AppServiceHTTPLogs | where CsUriStem == "/api/messages" and ScStatus >= 500 | project TimeGenerated, ServerErrors = 1'
    measure: 'ServerErrors'
    aggregation: 'Total'
    operator: 'GreaterThan'
    threshold: 5
    window: 'PT15M'
    windows: 1
    splitBy: ''
  }
  {
    name: 'store-throttled'
    displayName: 'Peer Coach: Cosmos DB throttling (429) sustained'
    description: 'Cosmos DB answered more store requests than the threshold with 429 in each 5-minute window for 15 minutes (peercoach.store.requests, status 429). Turns and due work slow down. Check the request units consumed and a hot partition, then raise the limit; see docs/operations.md.'
    severity: 2
    query: 'AppMetrics | where Name == "peercoach.store.requests" | where tostring(Properties.status) == "429" | project TimeGenerated, Throttled = Sum'
    measure: 'Throttled'
    aggregation: 'Total'
    operator: 'GreaterThan'
    threshold: throttledRequestAlertThreshold
    window: 'PT5M'
    windows: 3
    splitBy: ''
  }
  {
    name: 'not-ready'
    displayName: 'Peer Coach: an instance not ready for 10 minutes'
    description: 'An instance reported not ready (peercoach.ready 0) for 10 minutes: its store is unreachable or its scheduler stalled. Check /readyz on that instance and restart it if the store is fine; see docs/operations.md.'
    severity: 1
    query: 'AppMetrics | where Name == "peercoach.ready" | project TimeGenerated, AppRoleInstance, Ready = Sum'
    measure: 'Ready'
    aggregation: 'Maximum'
    operator: 'LessThan'
    threshold: 1
    window: 'PT10M'
    windows: 1
    splitBy: 'AppRoleInstance'
  }
]

resource alerts 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [for rule in alertRules: if (enableLogAnalytics) {
  name: '${names.alerts}-${rule.name}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: rule.displayName
    description: rule.description
    severity: rule.severity
    enabled: true
    scopes: [
      logs.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: rule.window
    criteria: {
      allOf: [
        {
          query: rule.query
          timeAggregation: rule.aggregation
          metricMeasureColumn: rule.measure
          operator: rule.operator
          threshold: rule.threshold
          dimensions: empty(rule.splitBy) ? [] : [{ name: rule.splitBy, operator: 'Include', values: ['*'] }]
          failingPeriods: {
            numberOfEvaluationPeriods: rule.windows
            minFailingPeriodsToAlert: rule.windows
          }
        }
      ]
    }
    // AppMetrics appears in a new workspace only once the bot first writes to it:
    // validating the queries at deployment would fail the first deployment
    skipQueryValidation: true
    autoMitigate: true
    actions: {
      actionGroups: empty(alertEmail) ? [] : [actionGroup.id]
    }
  }
}]

// ---------------------------------------------------------------------------------------------
// Azure Bot: the managed identity is the bot's app id; Teams channel on

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: names.bot
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
    msaAppType: 'UserAssignedMSI'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Outputs: the Agents Toolkit writes each into env/.env.<env> under the same name.

output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output COSMOS_ENDPOINT string = cosmos.properties.documentEndpoint
output COSMOS_DATABASE string = databaseName
