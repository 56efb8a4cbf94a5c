import assert from 'node:assert/strict';
import { newPerson } from '../../../src/domain/people';
import { AuditLog } from '../../../src/domain/report/audit-log';
import { coordinatorId } from '../../support/domain-fixtures';
import { TestClock } from '../../support/test-clock';
import { openTestStore } from '../../support/test-store';

describe('AuditLog: what coordinators did, for coordinators to read', () => {
  it('records who did what and how much, and reads the latest back first', async () => {
    const clock = new TestClock();
    const store = await openTestStore(clock);
    try {
      const log = new AuditLog(store.repos, clock);
      const coordinator = newPerson(coordinatorId, 'Cora Ordin', clock.now());
      await log.record(coordinator, 'autumn', 'programme.create');
      clock.advance(60_000);
      await log.record(coordinator, 'autumn', 'enrol', { enrolled: 4 });
      clock.advance(60_000);
      await log.record(coordinator, 'spring', 'export');

      assert.deepEqual(
        (await log.latest('autumn')).map((e) => [e.action, e.byName, e.counts, e.at]),
        [
          ['enrol', 'Cora Ordin', { enrolled: 4 }, '2026-09-01T08:01:00.000Z'],
          ['programme.create', 'Cora Ordin', {}, '2026-09-01T08:00:00.000Z'],
        ],
      );
      assert.equal((await log.latest('autumn', 1)).length, 1);
    } finally {
      await store.close();
    }
  });
});
