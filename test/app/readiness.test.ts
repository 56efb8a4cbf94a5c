import assert from 'node:assert/strict';
import { readinessCheck } from '../../src/app/readiness';
import { metricNames } from '../../src/telemetry/telemetry';
import { TelemetryRecorder } from '../support/telemetry-recorder';

describe('readiness: what /readyz says, and the ready gauge', () => {
  let recorder: TelemetryRecorder;
  beforeEach(() => (recorder = new TelemetryRecorder()));
  afterEach(() => recorder.shutdown());

  const readyGauge = () => recorder.total(metricNames.ready);

  it('is ready when the store answers and the scheduler is not stalled, and says so on the gauge', async () => {
    const ready = readinessCheck(
      async () => true,
      () => false,
      recorder.telemetry,
    );
    assert.deepEqual(await ready(), { ok: true });
    assert.equal(await readyGauge(), 1);
  });

  it('names the store first when both are wrong: without it the scheduler cannot run either', async () => {
    const ready = readinessCheck(
      async () => false,
      () => true,
      recorder.telemetry,
    );
    assert.deepEqual(await ready(), { ok: false, reason: 'store unreachable' });
    assert.equal(await readyGauge(), 0);
  });

  it('is not ready while the scheduler is stalled, and ready again once it ticks', async () => {
    let stalled = true;
    const ready = readinessCheck(
      async () => true,
      () => stalled,
      recorder.telemetry,
    );
    assert.deepEqual(await ready(), { ok: false, reason: 'scheduler stalled' });
    assert.equal(await readyGauge(), 0);
    stalled = false;
    assert.deepEqual(await ready(), { ok: true });
    assert.equal(await readyGauge(), 1);
  });
});
