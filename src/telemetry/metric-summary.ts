import { MetricReader } from '@opentelemetry/sdk-metrics';
import { Logger } from '../log';
import { InMemoryMetrics, MetricPoint } from './in-memory-metrics';

/** how often a local run logs its summary */
export const summaryEveryMs = 60_000;

/** `name{key=value,…} value`, or for a histogram `name{…} count=3 sum=12 max=8` */
export function summaryLine(point: MetricPoint): string {
  const attributes = Object.entries(point.attributes)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(',');
  const name = attributes ? `${point.name}{${attributes}}` : point.name;
  if (point.sum === undefined) return `${name} ${point.value}`;
  const round = (n: number) => Math.round(n * 100) / 100;
  const max = point.max === undefined ? '' : ` max=${round(point.max)}`;
  return `${name} count=${point.value} sum=${round(point.sum)}${max}`;
}

/**
 * For local runs (TELEMETRY_SUMMARY=1): the bot's metrics, cumulative since the start, logged at info
 * one line each every minute and at shutdown, so a cycle's telemetry can be read without Azure Monitor.
 */
export class MetricSummary {
  private readonly metrics = new InMemoryMetrics();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly log: Logger) {}

  /** what a MeterProvider (ours, or the Azure Monitor distro's) reads the metrics into */
  get reader(): MetricReader {
    return this.metrics.reader;
  }

  start(everyMs = summaryEveryMs): void {
    this.timer = setInterval(() => void this.print(), everyMs);
    this.timer.unref();
  }

  async print(): Promise<void> {
    try {
      const points = await this.metrics.points();
      this.log.info({ points: points.length }, 'telemetry summary, cumulative since the start');
      const lines = points.map(summaryLine).sort();
      for (const line of lines) this.log.info(line);
    } catch (err) {
      this.log.warn({ err }, 'could not read the metrics for the summary');
    }
  }

  /** the last summary, at shutdown */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.print();
  }
}
