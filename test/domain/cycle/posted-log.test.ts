import assert from 'node:assert/strict';
import { Shows } from '../../../src/domain/cycle/posted';
import { Person } from '../../../src/domain/people';
import { openProgrammeWorld, ProgrammeWorld, supervisor } from '../../support/domain-fixtures';
import { CycleRig, cycleRig, installed } from './cycle-fixture';
import { eachTest } from '../../support/each-test';

describe('PostedLog: messages that show someone’s words, recorded so erasing them can reach them', () => {
  let world: ProgrammeWorld;
  let rig: CycleRig;
  let ann: Person, bo: Person;

  const shows = (...pairIds: string[]): Shows => ({
    source: { kind: 'myData', part: 1 },
    personIds: [bo.id, bo.id],
    pairs: pairIds.map((pairId) => ({ pairId, programmeId: world.programme.id })),
  });
  const showingBo = () => world.store.repos.cycles.postedShowing(bo.id);

  eachTest(openProgrammeWorld, async (opened, sandbox) => {
    world = opened;
    rig = cycleRig(world, sandbox);
    [ann, bo] = (await installed(
      rig,
      ...(await world.enrol(supervisor(1, 'Ann Ahl'), supervisor(2, 'Bo Berg'))),
    )) as [Person, Person];
  });

  it('keeps one record in each pair’s partition, ids only, with the pair’s retention', async () => {
    await rig.services.posted.record(ann, 'a:chat', 'activity-9', shows('pair:1', 'pair:2', 'pair:1'));
    const records = await showingBo();
    assert.deepEqual(records.map((r) => r.pairId).sort(), ['pair:1', 'pair:2']);
    for (const r of records) {
      assert.deepEqual([r.viewerId, r.activityId, r.shows], [ann.id, 'activity-9', [bo.id]]);
      assert.equal(r.ttl, rig.services.reads.ttl(world.programme));
    }
  });

  it('records a send only when it went out to a chat under an id', async () => {
    await rig.services.posted.recordSent(ann, { status: 'failed', reason: 'throttled' }, shows('pair:1'));
    await rig.services.posted.recordSent(ann, { status: 'sent' }, shows('pair:1'));
    assert.deepEqual(await showingBo(), []);
    await rig.services.posted.recordSent(ann, { status: 'sent', activityId: 'activity-3' }, shows('pair:1'));
    assert.deepEqual(
      (await showingBo()).map((r) => [r.conversationId, r.activityId]),
      [[ann.reach!.conversationId, 'activity-3']],
    );
  });
});
