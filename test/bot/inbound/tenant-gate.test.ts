import assert from 'node:assert/strict';
import { TenantGate, tenantOf } from '../../../src/bot/inbound/tenant-gate';
import { capturedLog } from '../../support/captured-log';
import { TestClock } from '../../support/test-clock';

const a = '00000000-0000-4000-8000-0000000000aa';
const b = '00000000-0000-4000-8000-0000000000bb';

/** an activity as Teams sends it, naming its tenant in both places */
function fromTeams(tenant: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    channelId: 'msteams',
    conversation: { id: 'a:1', tenantId: tenant },
    channelData: { tenant: { id: tenant } },
    ...extra,
  };
}

describe('TenantGate', () => {
  const { log, lines } = capturedLog('info');
  let clock: TestClock;
  let gate: TenantGate;
  beforeEach(() => {
    lines.length = 0;
    clock = new TestClock();
    gate = new TenantGate([a.toUpperCase()], clock, log);
  });

  it('admits Teams from an allowed tenant, whatever the case of its id', () => {
    assert.deepEqual(gate.admit(fromTeams(a)), { admitted: true, tenantId: a });
    assert.deepEqual(gate.admit(fromTeams(a.toUpperCase())), { admitted: true, tenantId: a });
  });

  it('takes the tenant from either place Teams names it, but refuses two different names', () => {
    assert.equal(tenantOf({ conversation: { tenantId: a } }), a);
    assert.equal(tenantOf({ channelData: { tenant: { id: a } } }), a);
    assert.equal(tenantOf({ conversation: { tenantId: a }, channelData: { tenant: { id: b } } }), undefined);
    assert.equal(tenantOf({ conversation: { tenantId: a }, channelData: { tenant: { id: '' } } }), undefined);
    assert.equal(tenantOf({ conversation: { tenantId: ['x'] } }), undefined);
    assert.equal(tenantOf({}), undefined);
  });

  it('refuses another tenant, no tenant and any channel but msteams', () => {
    assert.deepEqual(gate.admit(fromTeams(b)), { admitted: false, reason: 'tenant', tenantId: b });
    assert.deepEqual(gate.admit({ type: 'message', channelId: 'msteams' }), {
      admitted: false,
      reason: 'no-tenant',
    });
    for (const channelId of ['webchat', 'directline', 'emulator', 'MSTEAMS', 'msteams ', undefined, 7])
      assert.equal(gate.admit(fromTeams(a, { channelId })).admitted, false, String(channelId));
  });

  it('logs each refused tenant once a minute, with its id', () => {
    for (let i = 0; i < 10; i++) gate.admit(fromTeams(b));
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, new RegExp(b));
    clock.advance(59_000);
    gate.admit(fromTeams(b));
    assert.equal(lines.length, 1);
    clock.advance(2_000);
    gate.admit(fromTeams(b));
    assert.equal(lines.length, 2);
  });

  it('keeps its memory of refused tenants bounded, however many ids are made up', () => {
    for (let i = 0; i < 5_000; i++)
      gate.admit(fromTeams(`00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`));
    assert.ok((gate as unknown as { lastLogged: Map<string, number> }).lastLogged.size <= 1_000);
  });
});
