import type { AzureMonitorOpenTelemetryOptions, InstrumentationOptions } from '@azure/monitor-opentelemetry';
import type { MetricReader } from '@opentelemetry/sdk-metrics';

/**
 * Every automatic instrumentation the distro offers, switched off; only what `Telemetry` records
 * (closed sets of kinds, outcomes and codes) is exported.
 *
 * The distro's defaults would record every HTTP request in and out with its URL: the calendar
 * links (`/calendar/<token>.ics`) carry a person's token, the Bot Connector's URLs carry conversation
 * ids, and Cosmos DB's carry document ids (Entra object ids). Redacting URL attributes after the fact
 * would depend on which semantic-convention names each instrumentation version uses (and Live Metrics
 * reads spans too), so the instrumentations are not loaded at all. The bot's own spans and metrics
 * (turns, sends, jobs, store requests) say what the HTTP spans would have, without the URLs. The
 * database and log instrumentations are off because nothing here uses those libraries; Azure SDK
 * tracing is off because its spans carry request URLs too.
 */
const noAutomaticInstrumentation = {
  http: { enabled: false },
  azureSdk: { enabled: false },
  mongoDb: { enabled: false },
  mySql: { enabled: false },
  postgreSql: { enabled: false },
  redis: { enabled: false },
  redis4: { enabled: false },
  bunyan: { enabled: false },
  winston: { enabled: false },
  console: { enabled: false },
} as const satisfies Required<InstrumentationOptions>;

/** what the distro is started with: the connection string from the configuration, nothing automatic */
export function azureMonitorOptions(
  connectionString: string,
  metricReaders: readonly MetricReader[] = [],
): AzureMonitorOpenTelemetryOptions {
  return {
    azureMonitorExporterOptions: { connectionString },
    instrumentationOptions: noAutomaticInstrumentation,
    metricReaders: [...metricReaders],
  };
}

/**
 * Starts the Azure Monitor OpenTelemetry distro: from now on the global meter and tracer export to
 * Application Insights. Loaded only here, so a run without a connection string never loads it.
 * Returns what flushes and stops it.
 */
export async function startAzureMonitor(
  connectionString: string,
  metricReaders: readonly MetricReader[] = [],
): Promise<() => Promise<void>> {
  const { useAzureMonitor, shutdownAzureMonitor } = await import('@azure/monitor-opentelemetry');
  useAzureMonitor(azureMonitorOptions(connectionString, metricReaders));
  return shutdownAzureMonitor;
}
