import assert from 'node:assert/strict';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { trace } from '@opentelemetry/api';
import { MetricSummary, summaryLine } from '../../src/telemetry/metric-summary';
import { scopeName, Telemetry } from '../../src/telemetry/telemetry';
import { capturedLog } from '../support/captured-log';

describe('metric summary: a local run logs what it measured', () => {
  it('logs every metric recorded, one line each with its attributes and value, count and sum', async () => {
    const { log, lines } = capturedLog('info');
    const summary = new MetricSummary(log);
    const provider = new MeterProvider({ readers: [summary.reader] });
    const telemetry = new Telemetry(provider.getMeter(scopeName), trace.getTracer(scopeName));
    telemetry.storeRequest('read', 200, 1);
    telemetry.storeRequest('read', 200, 2.5);
    telemetry.storeRequest('query', 429, 0);
    telemetry.started(1234.567);
    try {
      await summary.stop();
      const messages = lines.map((l) => (JSON.parse(l) as { msg: string }).msg);
      assert.equal(messages[0], 'telemetry summary, cumulative since the start');
      for (const expected of [
        'peercoach.store.requests{operation=read,status=200} 2',
        'peercoach.store.requests{operation=query,status=429} 1',
        'peercoach.store.request_charge{operation=read} count=2 sum=3.5 max=2.5',
        'peercoach.startup.duration count=1 sum=1234.57 max=1234.57',
        'peercoach.ready 0',
      ])
        assert.ok(messages.includes(expected), `${expected}\nnot in\n${messages.join('\n')}`);
    } finally {
      await provider.shutdown();
    }
  });

  it('logs it again at each interval until stopped', async () => {
    const { log, lines } = capturedLog('info');
    const summary = new MetricSummary(log);
    summary.start(10);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await summary.stop();
    const headings = lines.filter((l) => l.includes('telemetry summary')).length;
    assert.ok(headings >= 3, `${headings} summaries`);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(lines.filter((l) => l.includes('telemetry summary')).length, headings, 'none after stop');
  });

  it('writes a gauge or counter as its value, a histogram as count, sum and largest value', () => {
    assert.equal(summaryLine({ name: 'a.b', attributes: { work: 'nudge' }, value: 3 }), 'a.b{work=nudge} 3');
    assert.equal(
      summaryLine({ name: 'a.b', attributes: {}, value: 2, sum: 10.005, max: 7 }),
      'a.b count=2 sum=10.01 max=7',
    );
  });
});
