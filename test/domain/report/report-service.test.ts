import assert from 'node:assert/strict';
import sinon from 'sinon';
import { releasedFiguresId, steppedFigures } from '../../../src/domain/report/release';
import { ReportService } from '../../../src/domain/report/report-service';
import { ProgrammeWorld } from '../../support/domain-fixtures';
import { openThursdayCycle, sendAndAnswer, ThursdayCycle } from '../cycle/cycle-fixture';

describe('ReportService: what a coordinator may know about a programme', () => {
  const sandbox = sinon.createSandbox();
  let cycle: ThursdayCycle;
  let world: ProgrammeWorld;
  let reports: ReportService;

  beforeEach(async () => {
    cycle = await openThursdayCycle(sandbox);
    world = cycle.world;
    reports = new ReportService(world.store.repos);
  });
  afterEach(async () => {
    sandbox.restore();
    await world.close();
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
