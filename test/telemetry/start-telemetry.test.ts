import assert from 'node:assert/strict';
import { metrics } from '@opentelemetry/api';
import { startTelemetry } from '../../src/telemetry/start-telemetry';
import { globalTelemetry } from '../../src/telemetry/telemetry';
import { capturedLog } from '../support/captured-log';

const distroLoaded = () => Object.keys(require.cache).some((file) => file.includes('monitor-opentelemetry'));

describe('start-up of telemetry: where the global meter sends what the bot records', () => {
  afterEach(() => metrics.disable());

  it('with TELEMETRY_SUMMARY=1, logs what the app recorded through the global meter when it stops', async () => {
    const { log, lines } = capturedLog('info');
    const running = await startTelemetry({ summary: true }, log);
    globalTelemetry().storeRequest('read', 200, 1);
    await running.shutdown();
    assert.ok(
      lines.some((l) => l.includes('"msg":"peercoach.store.requests{operation=read,status=200} 1"')),
      lines.join('\n'),
    );
    assert.equal(distroLoaded(), false, 'no connection string: Azure Monitor is never loaded');
  });

  it('with neither a connection string nor the summary, registers nothing and logs nothing', async () => {
    const { log, lines } = capturedLog('info');
    const running = await startTelemetry({ summary: false }, log);
    const before = metrics.getMeterProvider();
    globalTelemetry().storeRequest('read', 200, 1);
    await running.shutdown();
    assert.equal(before.constructor.name, 'NoopMeterProvider');
    assert.deepEqual(lines, []);
    assert.equal(distroLoaded(), false);
  });
});
