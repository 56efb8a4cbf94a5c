import { metrics } from '@opentelemetry/api';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { TelemetryConfig } from '../config/config';
import { Logger } from '../log';
import { startAzureMonitor } from './azure-monitor';
import { MetricSummary } from './metric-summary';

export interface RunningTelemetry {
  /** logs the last summary, flushes what is still to be exported, and stops */
  shutdown(): Promise<void>;
}

/**
 * Where the global meter and tracer send what `globalTelemetry()` records: Azure Monitor with a
 * connection string, the local summary with TELEMETRY_SUMMARY=1, both, or nowhere (the API's no-ops).
 * Runs before the app is built: the API hands out no-op meters until a provider is registered.
 */
export async function startTelemetry(config: TelemetryConfig, log: Logger): Promise<RunningTelemetry> {
  const summary = config.summary ? new MetricSummary(log) : undefined;
  const readers = summary ? [summary.reader] : [];
  let stopProvider: (() => Promise<void>) | undefined;
  if (config.connectionString) {
    stopProvider = await startAzureMonitor(config.connectionString, readers);
    log.info('exporting telemetry to Azure Monitor');
  } else if (summary) {
    const provider = new MeterProvider({ readers });
    metrics.setGlobalMeterProvider(provider);
    stopProvider = () => provider.shutdown();
  }
  summary?.start();
  return {
    async shutdown() {
      await summary?.stop();
      // a flush that fails loses the last minute of telemetry; it must not stop the bot stopping
      await stopProvider?.().catch((err: unknown) => log.warn({ err }, 'could not flush the telemetry'));
    },
  };
}
