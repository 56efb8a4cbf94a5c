import assert from 'node:assert/strict';
import sinon from 'sinon';
import { homeTenantOf, SharedParts, tenantServicesOver } from '../../src/app/tenant-services';
import { Messenger } from '../../src/bot/outbound/messenger';
import { Env, parseConfig } from '../../src/config/config';
import { newPerson } from '../../src/domain/people';
import { silentLogger } from '../../src/log';
import { cosmosJobStore } from '../../src/store/job-store';
import { entraId, sighting } from '../support/domain-fixtures';
import { TestClock } from '../support/test-clock';
import { eachTestStore } from '../support/test-store';
import { globalTelemetry } from '../../src/telemetry/telemetry';

const tenantA = '00000000-0000-4000-8000-0000000000aa';
const tenantB = '00000000-0000-4000-8000-0000000000bb';

/** a registration with an app id, serving tenants A (listed first: home) and B */
const authenticated: Env = {
  MicrosoftAppId: '6d1f3a52-8c4e-4b7a-9f21-3e5d7c9a0b14',
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: tenantA,
  ALLOWED_TENANT_IDS: `${tenantA},${tenantB}`,
};

describe("tenant services: each organisation's services, over the shared store", () => {
  const clock = new TestClock();
  const t = eachTestStore(clock);

  const servicesOver = (env: Env, options: SharedParts['options'] = {}) =>
    tenantServicesOver({
      config: parseConfig(env),
      log: silentLogger,
      clock,
      opened: t.store,
      jobs: cosmosJobStore(t.store, clock),
      // sends nothing: these services are only built, never asked to send
      messenger: sinon.createStubInstance(Messenger),
      personLimit: undefined,
      options,
      telemetry: globalTelemetry(),
    });

  it('the home tenant is the first one allowed', () => {
    assert.equal(homeTenantOf(parseConfig(authenticated)), tenantA);
    const reordered = parseConfig({ ...authenticated, ALLOWED_TENANT_IDS: `${tenantB},${tenantA}` });
    assert.equal(homeTenantOf(reordered), tenantB);
  });

  it("sees only its own tenant's people; what was stored before tenants belongs to the home tenant", async () => {
    const servicesOf = servicesOver(authenticated);
    const [a, b] = [servicesOf(tenantA), servicesOf(tenantB)];
    await b.people.recognise(sighting({ personId: entraId(2), displayName: 'Bea' }));
    await t.store.containers.people.items.create(newPerson(entraId(3), 'Old Olle', clock.now()));

    assert.equal((await b.people.get(entraId(2)))?.displayName, 'Bea');
    assert.equal(await a.people.get(entraId(2)), undefined);
    assert.equal((await a.people.get(entraId(3)))?.displayName, 'Old Olle');
    assert.equal(await b.people.get(entraId(3)), undefined);
  });

  it('offers the people picker and file consent with an app id, and neither in local mode', () => {
    const teams = servicesOver(authenticated)(tenantA);
    assert.deepEqual([teams.peoplePicker, teams.fileConsent], [true, true]);
    const local = servicesOver({ BOT_ANONYMOUS: '1' })(tenantA);
    assert.deepEqual([local.peoplePicker, local.fileConsent], [false, false]);
  });

  it('answers a slow card action after 10 s unless told otherwise, and limits nobody unless given a limit', () => {
    const settings = servicesOver({ ...authenticated, DEFAULT_TIME_ZONE: 'Europe/Helsinki' })(tenantA);
    assert.equal(settings.invokeDeadlineMs, 10_000);
    assert.equal(settings.defaultTimeZone, 'Europe/Helsinki');
    assert.equal('personLimit' in settings, false);
    assert.equal('uploadHosts' in settings, false);
    const tests = servicesOver(authenticated, { invokeDeadlineMs: 50, uploadHosts: ['127.0.0.1:9'] })(
      tenantA,
    );
    assert.deepEqual([tests.invokeDeadlineMs, tests.uploadHosts], [50, ['127.0.0.1:9']]);
  });
});
