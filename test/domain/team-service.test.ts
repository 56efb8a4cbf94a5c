import assert from 'node:assert/strict';
import { TeamService } from '../../src/domain/team-service';
import { personalReach } from '../support/domain-fixtures';
import { TestClock } from '../support/test-clock';
import { openTestStore, TestStore } from '../support/test-store';

describe('TeamService (real SDK, embedded server)', () => {
  let clock: TestClock;
  let t: TestStore;
  let teams: TeamService;
  const surgery = { id: '19:surgery@thread.tacv2', name: 'Surgery supervisors', reach: personalReach() };

  beforeEach(async () => {
    clock = new TestClock();
    t = await openTestStore(clock);
    teams = new TeamService(t.repos, clock);
  });
  afterEach(() => t.close());

  it('records a team the app is added to, reached through its general channel, and welcomes it once', async () => {
    assert.deepEqual(await teams.installed(surgery), { welcome: true });
    assert.deepEqual(await teams.installed(surgery), { welcome: false });
    const stored = (await teams.all()).map((team) => ({ ...team, installedAt: undefined }));
    assert.deepEqual(stored, [
      {
        type: 'team',
        id: surgery.id,
        name: 'Surgery supervisors',
        reach: { ...surgery.reach, conversationId: surgery.id },
        installedAt: undefined,
      },
    ]);
  });

  it('welcomes only one of two install events that race', async () => {
    const outcomes = await Promise.all([teams.installed(surgery), teams.installed(surgery)]);
    assert.deepEqual(outcomes.map((o) => o.welcome).sort(), [false, true]);
  });

  it('stops offering a team once the app is removed from it, and welcomes it again if re-added', async () => {
    await teams.installed(surgery);
    await teams.installed({ ...surgery, id: '19:medicine@thread.tacv2', name: 'Medicine' });
    await teams.removed(surgery.id);
    assert.deepEqual(
      (await teams.all()).map((team) => team.name),
      ['Medicine'],
    );
    assert.deepEqual(await teams.installed(surgery), { welcome: true });
  });
});
