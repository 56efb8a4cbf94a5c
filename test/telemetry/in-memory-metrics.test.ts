import assert from 'node:assert/strict';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { InMemoryMetrics } from '../../src/telemetry/in-memory-metrics';

describe('in-memory metrics: what was measured, read on demand', () => {
  it('gives each counter point its sum and each histogram point its count, sum and largest value, cumulatively', async () => {
    const metrics = new InMemoryMetrics();
    const provider = new MeterProvider({ readers: [metrics.reader] });
    const meter = provider.getMeter('test');
    const counter = meter.createCounter('turns');
    const histogram = meter.createHistogram('lag');
    try {
      counter.add(2, { kind: 'message' });
      histogram.record(5);
      histogram.record(9);
      assert.deepEqual(await metrics.points(), [
        { name: 'turns', attributes: { kind: 'message' }, value: 2 },
        { name: 'lag', attributes: {}, value: 2, sum: 14, max: 9 },
      ]);
      counter.add(1, { kind: 'message' });
      const again = await metrics.points();
      assert.equal(again.length, 2, 'each read holds the points once');
      assert.equal(again[0]?.value, 3, 'counted since the start');
    } finally {
      await provider.shutdown();
    }
  });
});
