import assert from 'node:assert/strict';
import { buildServices } from '../../src/app/build-services';
import { createAdapter } from '../../src/bot/inbound/adapter';
import { TenantGate } from '../../src/bot/inbound/tenant-gate';
import { parseConfig } from '../../src/config/config';
import { nudgeJobKind, NudgeService } from '../../src/domain/nudge/nudge-service';
import { silentLogger } from '../../src/log';
import { globalTelemetry } from '../../src/telemetry/telemetry';
import { cosmosJobStore } from '../../src/store/job-store';
import { AppOptions } from '../../src/app/options';
import { metricNames } from '../../src/telemetry/telemetry';
import { TelemetryRecorder } from '../support/telemetry-recorder';
import { TestClock } from '../support/test-clock';
import { openTestStore, TestStore } from '../support/test-store';
import { eachTest } from '../support/each-test';

const tenantA = '00000000-0000-4000-8000-0000000000aa';
const tenantB = '00000000-0000-4000-8000-0000000000bb';

describe("build services: each tenant's bot, and one scheduler for all their due work", () => {
  const clock = new TestClock();
  let t: TestStore;
  const sandbox = eachTest(
    () => openTestStore(clock),
    (opened) => (t = opened),
  );

  const build = (options: AppOptions = {}) => {
    const config = parseConfig({ BOT_ANONYMOUS: '1', ALLOWED_TENANT_IDS: `${tenantA},${tenantB}` });
    const gate = new TenantGate(config.allowedTenantIds, clock, silentLogger);
    const adapter = createAdapter(config.auth, config.defaultLocale, silentLogger, gate, globalTelemetry());
    return buildServices(config, silentLogger, clock, t.store, adapter, options);
  };

  it('makes one bot per tenant, when first asked for it', () => {
    const services = build();
    assert.equal(services.botFor(tenantB), services.botFor(tenantB));
    assert.notEqual(services.botFor(tenantA), services.botFor(tenantB));
  });

  it("runs each job with the services of the tenant that planned it; an older job's with the home tenant's", async () => {
    const ranBy = new Map<string, NudgeService>();
    sandbox.stub(NudgeService.prototype, 'batch').callsFake(async function (this: NudgeService, payload) {
      ranBy.set(payload.job!, this);
      return { status: 'done' };
    });
    const { dispatch } = build();
    const jobs = cosmosJobStore(t.store, clock);
    const plan = (job: string, tenant?: string) =>
      jobs.put({
        id: job,
        kind: nudgeJobKind,
        dueAt: clock.now(),
        payload: tenant ? { job, tenantId: tenant } : { job },
      });
    await plan('b1', tenantB);
    await plan('b2', tenantB);
    await plan('a1', tenantA);
    await plan('old');

    assert.equal((await dispatch.tick()).done, 4);
    assert.equal(ranBy.get('b1'), ranBy.get('b2'), "one tenant's jobs, one tenant's services");
    assert.notEqual(ranBy.get('a1'), ranBy.get('b1'));
    assert.equal(ranBy.get('old'), ranBy.get('a1'));
  });

  it('counts the nudges and erasures this instance is sending now, by work', async () => {
    let release: () => void = () => undefined;
    let entered: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (entered = resolve));
    sandbox.stub(NudgeService.prototype, 'batch').callsFake(
      () =>
        new Promise((resolve) => {
          release = () => resolve({ status: 'done' });
          entered();
        }),
    );
    const recorder = new TelemetryRecorder();
    const { dispatch } = build({ telemetry: recorder.telemetry });
    const inProgress = async () =>
      Object.fromEntries(
        (await recorder.points())
          .filter((p) => p.name === metricNames.inProgress)
          .map((p) => [String(p.attributes.work), p.value]),
      );
    await cosmosJobStore(t.store, clock).put({
      id: 'n',
      kind: nudgeJobKind,
      dueAt: clock.now(),
      payload: {},
    });
    const tick = dispatch.tick();
    await running;
    assert.deepEqual(await inProgress(), { nudge: 1, erasure: 0 });
    release();
    await tick;
    assert.deepEqual(await inProgress(), { nudge: 0, erasure: 0 });
    await recorder.shutdown();
  });
});
