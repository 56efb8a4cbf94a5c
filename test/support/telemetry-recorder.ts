import { MeterProvider } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { InMemoryMetrics, MetricPoint } from '../../src/telemetry/in-memory-metrics';
import { scopeName, Telemetry } from '../../src/telemetry/telemetry';

/** one data point of a metric, as exported: its name, attributes and value (a sum, or a histogram's count) */
export type RecordedPoint = MetricPoint;

/**
 * A Telemetry whose every span and metric stays in memory, for tests: the OpenTelemetry SDK's own
 * in-memory exporters, read on demand (`points()` collects the metrics now).
 */
export class TelemetryRecorder {
  readonly telemetry: Telemetry;
  private readonly spanExporter = new InMemorySpanExporter();
  private readonly metrics = new InMemoryMetrics();
  private readonly meterProvider = new MeterProvider({ readers: [this.metrics.reader] });
  private readonly tracerProvider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(this.spanExporter)],
  });

  constructor() {
    this.telemetry = new Telemetry(
      this.meterProvider.getMeter(scopeName),
      this.tracerProvider.getTracer(scopeName),
    );
  }

  /** every span ended so far */
  spans(): readonly ReadableSpan[] {
    return this.spanExporter.getFinishedSpans();
  }

  /** every metric's data points, as they stand now (cumulative since the start) */
  points(): Promise<RecordedPoint[]> {
    return this.metrics.points();
  }

  /** the summed value of a metric's points whose attributes include `where` */
  async total(name: string, where: Readonly<Record<string, unknown>> = {}): Promise<number> {
    return (await this.points())
      .filter((p) => p.name === name)
      .filter((p) => Object.entries(where).every(([k, v]) => p.attributes[k] === v))
      .reduce((sum, p) => sum + p.value, 0);
  }

  async shutdown(): Promise<void> {
    await Promise.all([this.meterProvider.shutdown(), this.tracerProvider.shutdown()]);
  }
}
