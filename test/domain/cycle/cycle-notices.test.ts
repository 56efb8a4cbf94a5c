import assert from 'node:assert/strict';
import sinon from 'sinon';
import { jobKinds } from '../../../src/domain/cycle/cycle-jobs';
import { CycleNotices, MemberNotice } from '../../../src/domain/cycle/cycle-notices';
import { Pair } from '../../../src/domain/membership';
import { Observation } from '../../../src/domain/cycle/observation';
import { Person } from '../../../src/domain/people';
import { ProgrammeWorld } from '../../support/domain-fixtures';
import { eachTest } from '../../support/each-test';
import { CycleRig, openThursdayCycle } from './cycle-fixture';

describe('CycleNotices: what one member did, told to the others', () => {
  let world: ProgrammeWorld;
  let rig: CycleRig;
  let notices: CycleNotices;
  let ann: Person, bo: Person;
  let pair: Pair;
  let o: Observation;

  const notice = (kind: MemberNotice['kind']): MemberNotice => ({
    kind,
    by: ann.id,
    observation: o,
    names: pair.memberNames,
  });

  eachTest(openThursdayCycle, (cycle) => {
    ({ world, rig, ann, bo, pair, observation: o } = cycle);
    const { services, people, work, mail } = rig;
    notices = new CycleNotices({
      repos: world.store.repos,
      clock: world.clock,
      people,
      work,
      mail,
      reads: services.reads,
    });
  });

  it('tells the others at once in their working hours, never the one who did it', async () => {
    await notices.tellOthers(ann, pair, world.programme, notice('rescheduled'));
    assert.deepEqual(
      rig.mail.notify.getCalls().map((c) => [c.args[0].id, c.args[1].kind]),
      [[bo.id, 'rescheduled']],
    );
    sinon.assert.notCalled(rig.work.put);
  });

  it('keeps a change made at night for the morning, and sends it then', async () => {
    world.clock.set('2026-09-01T21:30:00Z'); // 23:30 in Stockholm
    await notices.tellOthers(ann, pair, world.programme, notice('rescheduled'));
    sinon.assert.notCalled(rig.mail.notify);
    const job = rig.work.put.lastCall.args[0];
    assert.equal(job.kind, jobKinds.notice);
    assert.equal(job.dueAt.toISOString(), '2026-09-02T05:00:00.000Z');
    world.clock.set('2026-09-02T05:00:00Z');
    assert.deepEqual(await notices.sendNotice(job.payload), { status: 'done' });
    const [to, sent] = rig.mail.notify.lastCall.args;
    assert.equal(to.id, bo.id);
    assert.ok(sent.kind === 'rescheduled' && sent.by === ann.id && sent.names[bo.id] === 'Bo Berg');
  });

  it('drops a kept scheduling notice the events overtook, and tries a failed one again', async () => {
    const payload = { pairId: o.pairId, observationId: o.id, to: bo.id, notice: 'scheduled', by: ann.id };
    rig.mail.notify.resolves({ status: 'failed', reason: 'throttled' });
    assert.equal((await notices.sendNotice(payload)).status, 'retry');
    assert.equal((await rig.services.scheduling.end(ann, o.pairId, o.id, 'cancelled')).status, 'cancelled');
    rig.mail.notify.resetHistory();
    assert.deepEqual(await notices.sendNotice(payload), { status: 'done' });
    sinon.assert.notCalled(rig.mail.notify);
  });
});
