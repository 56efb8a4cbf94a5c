import assert from 'node:assert/strict';
import { Observation } from '../../../src/domain/cycle/observation';
import { promptId } from '../../../src/domain/cycle/prompt';
import { Person } from '../../../src/domain/people';
import { ProgrammeWorld } from '../../support/domain-fixtures';
import { eachTest } from '../../support/each-test';
import { CycleRig, sendAndAnswer, sendPrompt, openThursdayCycle } from './cycle-fixture';

describe('CycleReads: what every part of the cycle reads and reckons the same way', () => {
  let world: ProgrammeWorld;
  let rig: CycleRig;
  let ann: Person, bo: Person, cy: Person;
  let o: Observation;

  const reads = () => rig.services.reads;

  eachTest(openThursdayCycle, (cycle) => ({ world, rig, ann, bo, cy, observation: o } = cycle));

  it('finds the pairs a person is in through their enrolments, and none for someone unpaired', async () => {
    assert.deepEqual(
      (await reads().pairsOf(ann)).map(({ pair, programme }) => [pair.id, programme.name]),
      [[o.pairId, 'Autumn peer coaching']],
    );
    assert.deepEqual(await reads().pairsOf(cy), []);
  });

  it('gives an observation only to a member of its pair', async () => {
    assert.equal((await reads().observationOf(bo, o.pairId, o.id))?.id, o.id);
    assert.equal(await reads().observationOf(cy, o.pairId, o.id), undefined);
    assert.equal(await reads().observationOf(bo, o.pairId, 'observation:gone'), undefined);
  });

  it('reckons in the zone a person chose, else the one their Teams reports, else the programme’s', () => {
    const p = world.programme;
    const person = (preferences: Person['preferences'], seen: Person['seen']) => ({
      ...ann,
      preferences,
      seen,
    });
    assert.equal(reads().zoneOf(person({ timeZone: 'Asia/Tokyo' }, { timeZone: 'UTC' }), p), 'Asia/Tokyo');
    assert.equal(reads().zoneOf(person({}, { timeZone: 'UTC' }), p), 'UTC');
    assert.equal(reads().zoneOf(person({}, {}), p), 'Europe/Stockholm');
  });

  it('shows an observer’s card to the observer alone, with the host’s focus once given', async () => {
    world.clock.set('2026-09-02T14:00:00Z');
    await sendPrompt(rig, o, 'beforeObserver', bo);
    const id = promptId(o.id, 'beforeObserver', bo.id);
    assert.equal(await reads().promptFor(ann, o.pairId, id), 'forbidden');
    const before = await reads().promptFor(bo, o.pairId, id);
    assert.equal(before !== 'forbidden' && before?.view.hostFocus, undefined);
    await sendAndAnswer(rig, o, 'beforeHost', ann);
    const after = await reads().promptFor(bo, o.pairId, id);
    assert.equal(after !== 'forbidden' && after?.view.hostFocus, 'About bh.focus: calm and clear');
  });

  it('shows a prompt with its pair and programme whichever programmes its reader is in besides', async () => {
    await sendPrompt(rig, o, 'beforeHost', ann);
    const id = promptId(o.id, 'beforeHost', ann.id);
    for (const programmeIds of [[], ['programme:elsewhere'], [world.programme.id, 'programme:elsewhere']]) {
      const found = await reads().promptFor({ ...ann, programmeIds }, o.pairId, id);
      assert.ok(found && found !== 'forbidden', `in ${programmeIds.join(', ')}`);
      assert.deepEqual([found.prompt.id, found.view.programmeName], [id, 'Autumn peer coaching']);
    }
    assert.equal(await reads().promptFor(ann, 'pair:elsewhere', id), undefined, 'another pair’s card');
  });

  it('keeps documents for the retention after the programme’s last day', () => {
    // the programme ends with 31 January 2027 in Stockholm; 365 days of retention follow
    const expiry = world.clock.now().getTime() + reads().ttl(world.programme) * 1000;
    assert.equal(new Date(expiry).toISOString(), '2028-01-31T23:00:00.000Z');
  });

  it('counts the retention from now on every call, and from the programme’s dates as they are now', () => {
    const r = reads();
    const first = r.ttl(world.programme);
    world.clock.advance(3_600_000);
    assert.equal(r.ttl(world.programme), first - 3600, 'an hour later, an hour less');
    const later = { ...world.programme, endDate: '2027-02-28' };
    const expiry = (p: typeof later) => world.clock.now().getTime() + r.ttl(p) * 1000;
    assert.equal(new Date(expiry(later)).toISOString(), '2028-02-28T23:00:00.000Z', 'a moved last day');
    assert.equal(
      new Date(expiry({ ...later, timeZone: 'America/New_York' })).toISOString(),
      '2028-02-29T05:00:00.000Z',
      'another time zone',
    );
  });

  it('lets a person be disturbed in working hours, and otherwise names their next allowed moment', () => {
    assert.equal(reads().deferral(ann, world.programme), undefined);
    world.clock.set('2026-09-05T10:00:00Z'); // a Saturday
    assert.deepEqual(reads().deferral(ann, world.programme), new Date('2026-09-07T05:00:00Z'));
  });
});
