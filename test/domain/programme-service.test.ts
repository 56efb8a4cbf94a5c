import assert from 'node:assert/strict';
import { PeopleService } from '../../src/domain/people-service';
import { supportedLanguages } from '../../src/i18n';
import {
  coordinatorId,
  openProgrammeWorld,
  postedNotices,
  programmeInput,
  ProgrammeWorld,
  sighting,
  supervisor,
} from '../support/domain-fixtures';
import { eachTest } from '../support/each-test';

describe('ProgrammeService: what coordinators do with programmes', () => {
  let world: ProgrammeWorld;

  eachTest(openProgrammeWorld, (opened) => (world = opened));

  it('refuses a programme without a name, and says where', async () => {
    const outcome = await world.programmes.create(coordinatorId, programmeInput({ name: ' ' }));
    assert.equal(outcome.status, 'invalid');
    assert.ok(outcome.status === 'invalid' && outcome.errors.name);
    assert.equal((await world.programmes.list()).length, 1, 'only the world’s own programme');
  });

  it('saves an edit made from the latest version, and hands a stale card the version that won', async () => {
    const { etag } = (await world.programmes.get(world.programme.id))!;
    const saved = await world.programmes.update(
      world.programme.id,
      programmeInput({ name: 'Renamed' }),
      etag,
    );
    assert.equal(saved.status, 'saved');
    const stale = await world.programmes.update(world.programme.id, programmeInput({ name: 'Mine' }), etag);
    assert.equal(stale.status, 'conflict');
    assert.equal(stale.status === 'conflict' && stale.current.name, 'Renamed');
    assert.deepEqual(await world.programmes.update('nothing', programmeInput(), etag), { status: 'missing' });
  });

  it('enrols each supervisor once, and welcomes only those the bot can reach', async () => {
    const people = new PeopleService(world.store.repos, world.clock, [], supportedLanguages);
    const ann = supervisor(1, 'Ann Ahl');
    const bo = supervisor(2, 'Bo Berg');
    await people.recognise(sighting({ personId: ann.personId, displayName: ann.displayName }));
    const first = await world.programmes.enrol(world.programme, coordinatorId, [ann, bo, ann]);
    assert.deepEqual(first.enrolled.map((p) => p.personId).sort(), [ann.personId, bo.personId]);
    assert.deepEqual(
      first.unreachable.map((p) => p.personId),
      [bo.personId],
    );
    assert.deepEqual(
      postedNotices(world.notices).map((n) => [n.kind, n.to]),
      [['enrolled', ann.personId]],
    );

    const again = await world.programmes.enrol(world.programme, coordinatorId, [bo]);
    assert.deepEqual([again.enrolled, again.already.map((p) => p.personId)], [[], [bo.personId]]);
    const overview = (await world.programmes.overview(world.programme.id))!;
    assert.equal(overview.enrolments.length, 2);
    assert.equal((await world.store.repos.people.read(bo.personId, bo.personId))!.doc.programmeIds.length, 1);
  });

  it('enrols a team only when it knows the team', async () => {
    assert.equal(await world.programmes.enrolTeam(world.programme, coordinatorId, '19:unknown'), 'missing');
  });
});
