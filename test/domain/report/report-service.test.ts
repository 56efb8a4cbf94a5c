import assert from 'node:assert/strict';
import { releasedFiguresId, steppedFigures } from '../../../src/domain/report/release';
import { ReportService } from '../../../src/domain/report/report-service';
import { ProgrammeWorld } from '../../support/domain-fixtures';
import { openThursdayCycle, sendAndAnswer, ThursdayCycle } from '../cycle/cycle-fixture';
import { eachTest } from '../../support/each-test';

describe('ReportService: what a coordinator may know about a programme', () => {
  let cycle: ThursdayCycle;
  let world: ProgrammeWorld;
  let reports: ReportService;

  eachTest(openThursdayCycle, (opened) => {
    cycle = opened;
    world = cycle.world;
    reports = new ReportService(world.store.repos);
  });

  it('gathers who takes part and how far they got, without a word anyone wrote', async () => {
    const { rig, ann, observation: o } = cycle;
    world.clock.set('2026-09-03T10:00:00Z');
    await sendAndAnswer(rig, o, 'afterHost', ann);

    const facts = (await reports.facts(world.programme.id))!;
    assert.deepEqual(facts.members.map((m) => [m.displayName, m.pairId === o.pairId, m.reachable]).sort(), [
      ['Ann Ahl', true, true],
      ['Bo Berg', true, true],
      ['Cy Carl', false, false],
    ]);
    assert.deepEqual(
      facts.observations.map((f) => f.id),
      [o.id],
    );
    const answered = facts.prompts.find((p) => p.status === 'answered')!;
    assert.equal(answered.safetyRating, 4);
    assert.ok(!JSON.stringify(facts).includes('calm and clear'), 'no answer reaches a report');
    assert.equal(await reports.facts('nothing'), undefined);
  });

  it('withholds a figure derived from answers until it is released, and stores nothing before', async () => {
    const now = world.clock.now();
    const { figures } = (await reports.figures(world.programme.id, now))!;
    for (const name of steppedFigures) assert.deepEqual(figures[name], { withheld: true }, name);
    const id = releasedFiguresId(world.programme.id);
    assert.equal(await world.store.repos.programmes.released.read(id, world.programme.id), undefined);
    assert.equal(await reports.figures('nothing', now), undefined);
  });
});
