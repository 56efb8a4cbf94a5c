import {
  Attributes,
  Counter,
  Histogram,
  Meter,
  metrics,
  ObservableGauge,
  Span,
  SpanStatusCode,
  trace,
  Tracer,
} from '@opentelemetry/api';

/**
 * What Peer Coach measures, through the OpenTelemetry API: the names below are the contract with
 * the dashboards and alert rules (infra/ and docs/operations.md), so a name never changes once used.
 *
 * Attributes are kinds, outcomes, codes and counts only — never text, names, Entra ids, conversation
 * ids or programme names. Every method here takes closed sets of values, not free strings from an
 * activity, so nothing a person typed can become an attribute.
 */
export const metricNames = {
  /** inbound turns, by `kind` (activity type or invoke name) and `outcome` */
  turns: 'peercoach.turns',
  /** how long an inbound turn took, ms, by `kind` and `outcome` */
  turnDuration: 'peercoach.turn.duration',
  /** card answers (Send on a prompt card), by `prompt_kind` and `outcome` */
  cardAnswers: 'peercoach.card_answers',
  /** proactive sends, by `outcome`: sent, unreachable, failed, throttled, retried */
  sends: 'peercoach.sends',
  /** how late each job ran against its due time, ms, by job `kind` */
  dueWorkLag: 'peercoach.due_work.lag',
  /** jobs run, by job `kind` and `outcome` (done, retried, failed) */
  jobs: 'peercoach.jobs',
  /** jobs due and not yet run, seen at the last claim */
  dueWorkBacklog: 'peercoach.due_work.backlog',
  /** jobs claimed after their holder's lease ran out (an instance crashed or stalled) */
  leaseTakeovers: 'peercoach.lease_takeovers',
  /** store requests, by `operation`, `status` (HTTP status code) */
  storeRequests: 'peercoach.store.requests',
  /** request units a store request charged, by `operation` */
  storeRequestCharge: 'peercoach.store.request_charge',
  /** work in progress, by `work`: nudge, erasure */
  inProgress: 'peercoach.work.in_progress',
  /** from process start to ready, ms */
  startupDuration: 'peercoach.startup.duration',
  /** 1 while /readyz says ready, 0 otherwise */
  ready: 'peercoach.ready',
} as const;

export type MetricName = (typeof metricNames)[keyof typeof metricNames];

/** the instrumentation scope: one meter and one tracer for the whole bot */
export const scopeName = 'peer-coach';

export type TurnOutcome = 'ok' | 'refused' | 'failed';
export type SendOutcome = 'sent' | 'unreachable' | 'failed' | 'throttled' | 'retried';
export type JobOutcomeName = 'done' | 'retried' | 'failed';
export type WorkInProgress = 'nudge' | 'erasure';

/**
 * The bot's instruments. Made from a meter and a tracer: the global ones (which the Azure Monitor
 * distro registers when a connection string is set, and which do nothing otherwise), or a test's.
 */
export class Telemetry {
  readonly tracer: Tracer;
  private readonly turns: Counter;
  private readonly turnDuration: Histogram;
  private readonly cardAnswers: Counter;
  private readonly sends: Counter;
  private readonly dueWorkLag: Histogram;
  private readonly jobs: Counter;
  private readonly leaseTakeovers: Counter;
  private readonly storeRequests: Counter;
  private readonly storeRequestCharge: Histogram;
  private readonly startupDuration: Histogram;
  private readonly gauges: ObservableGauge[] = [];
  private backlog = 0;
  private isReady = false;
  private readonly inProgress = new Map<WorkInProgress, () => number>();

  constructor(
    private readonly meter: Meter,
    tracer: Tracer,
  ) {
    this.tracer = tracer;
    this.turns = meter.createCounter(metricNames.turns, { description: 'inbound turns' });
    this.turnDuration = meter.createHistogram(metricNames.turnDuration, {
      description: 'inbound turn duration',
      unit: 'ms',
    });
    this.cardAnswers = meter.createCounter(metricNames.cardAnswers, { description: 'card answers' });
    this.sends = meter.createCounter(metricNames.sends, { description: 'proactive sends' });
    this.dueWorkLag = meter.createHistogram(metricNames.dueWorkLag, {
      description: 'how late a job ran against its due time',
      unit: 'ms',
    });
    this.jobs = meter.createCounter(metricNames.jobs, { description: 'jobs run' });
    this.leaseTakeovers = meter.createCounter(metricNames.leaseTakeovers, {
      description: 'jobs claimed after their lease expired',
    });
    this.storeRequests = meter.createCounter(metricNames.storeRequests, { description: 'store requests' });
    this.storeRequestCharge = meter.createHistogram(metricNames.storeRequestCharge, {
      description: 'request units charged per store request',
      unit: 'RU',
    });
    this.startupDuration = meter.createHistogram(metricNames.startupDuration, {
      description: 'from process start to ready',
      unit: 'ms',
    });
    this.observe(metricNames.dueWorkBacklog, 'jobs due and not yet run', (r) => r.observe(this.backlog));
    this.observe(metricNames.ready, 'ready to serve', (r) => r.observe(this.isReady ? 1 : 0));
    this.observe(metricNames.inProgress, 'work in progress', (r) => {
      for (const [work, count] of this.inProgress) r.observe(count(), { work });
    });
  }

  private observe(
    name: MetricName,
    description: string,
    callback: (result: { observe(value: number, attributes?: Attributes): void }) => void,
  ): void {
    const gauge = this.meter.createObservableGauge(name, { description });
    gauge.addCallback(callback);
    this.gauges.push(gauge);
  }

  turn(kind: string, outcome: TurnOutcome, durationMs: number): void {
    const attributes = { kind, outcome };
    this.turns.add(1, attributes);
    this.turnDuration.record(durationMs, attributes);
  }

  cardAnswer(promptKind: string, outcome: string): void {
    this.cardAnswers.add(1, { prompt_kind: promptKind, outcome });
  }

  send(outcome: SendOutcome): void {
    this.sends.add(1, { outcome });
  }

  jobRan(kind: string, lagMs: number, outcome: JobOutcomeName): void {
    this.dueWorkLag.record(Math.max(0, lagMs), { kind });
    this.jobs.add(1, { kind, outcome });
  }

  /** what the last claim saw: how many jobs were due beyond what it took */
  backlogSeen(count: number): void {
    this.backlog = count;
  }

  leaseTakeover(kind: string): void {
    this.leaseTakeovers.add(1, { kind });
  }

  storeRequest(operation: string, status: number, requestCharge: number): void {
    this.storeRequests.add(1, { operation, status });
    if (requestCharge > 0) this.storeRequestCharge.record(requestCharge, { operation });
  }

  /** counts this work in progress whenever metrics are collected */
  countInProgress(work: WorkInProgress, count: () => number): void {
    this.inProgress.set(work, count);
  }

  started(durationMs: number): void {
    this.startupDuration.record(durationMs);
  }

  readiness(ready: boolean): void {
    this.isReady = ready;
  }

  /**
   * Runs `work` in a span named `name` with these attributes (closed values only, as for metrics);
   * an error marks the span failed with the error's name, never its message.
   */
  async span<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>): Promise<T> {
    return this.tracer.startActiveSpan(name, { attributes }, async (span) => {
      try {
        return await work(span);
      } catch (err) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.name ?? 'error' });
        throw err;
      } finally {
        span.end();
      }
    });
  }
}

/** the global meter and tracer: Azure Monitor's when the distro was started, no-ops otherwise */
export function globalTelemetry(): Telemetry {
  return new Telemetry(metrics.getMeter(scopeName), trace.getTracer(scopeName));
}
