import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MetricReader,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';

/** one data point of a metric, as exported: its name, attributes and value (a sum, or a histogram's count) */
export interface MetricPoint {
  readonly name: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** a counter's or gauge's value; a histogram's count */
  readonly value: number;
  /** a histogram's sum (undefined for counters and gauges) */
  readonly sum?: number;
  /** a histogram's largest value */
  readonly max?: number;
}

/**
 * A metric reader that keeps what it reads in memory, read on demand: the OpenTelemetry SDK's own
 * in-memory exporter, cumulative since the start. For tests, and for the local summary.
 */
export class InMemoryMetrics {
  private readonly exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  readonly reader: MetricReader = new PeriodicExportingMetricReader({
    exporter: this.exporter,
    // never by itself: points() collects
    exportIntervalMillis: 2 ** 31 - 1,
  });

  /** every metric's data points, as they stand now */
  async points(): Promise<MetricPoint[]> {
    this.exporter.reset();
    await this.reader.forceFlush();
    const out: MetricPoint[] = [];
    for (const resource of this.exporter.getMetrics())
      for (const scope of resource.scopeMetrics)
        for (const metric of scope.metrics)
          for (const point of metric.dataPoints) {
            const value = point.value as number | { count: number; sum?: number; max?: number };
            out.push(
              typeof value === 'number'
                ? { name: metric.descriptor.name, attributes: point.attributes, value }
                : {
                    name: metric.descriptor.name,
                    attributes: point.attributes,
                    value: value.count,
                    sum: value.sum,
                    max: value.max,
                  },
            );
          }
    return out;
  }
}
