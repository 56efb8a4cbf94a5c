import assert from 'node:assert/strict';
import { JobStore } from '../../src/scheduler/jobs';
import { tenantOfJob, tenantWork } from '../../src/scheduler/tenant-work';
import { cosmosJobStore } from '../../src/store/job-store';
import { TestClock } from '../support/test-clock';
import { openTestStore, TestStore } from '../support/test-store';

const home = '00000000-0000-4000-8000-0000000000aa';
const other = '00000000-0000-4000-8000-0000000000bb';

describe("tenant work: each tenant's due work says whose it is", () => {
  const clock = new TestClock();
  let t: TestStore;
  let jobs: JobStore;
  beforeEach(async () => {
    t = await openTestStore(clock);
    jobs = cosmosJobStore(t.store, clock);
  });
  afterEach(() => t.close());

  const job = (id: string, payload: Record<string, string>) => ({
    id,
    kind: 'prompt.send',
    dueAt: clock.now(),
    payload,
  });

  it('stamps every job a tenant plans with that tenant, over whatever its payload claimed', async () => {
    await tenantWork(jobs, other).put(job('prompt:1', { promptId: '1' }));
    await tenantWork(jobs, other).put(job('prompt:2', { promptId: '2', tenantId: home }));
    const first = (await jobs.get('prompt:1'))!;
    const second = (await jobs.get('prompt:2'))!;
    assert.deepEqual(first.payload, { promptId: '1', tenantId: other });
    assert.equal(tenantOfJob(first, home), other);
    assert.equal(tenantOfJob(second, home), other, 'a payload cannot move work to another tenant');
  });

  it('hands a job planned before tenants were recorded to the home tenant', async () => {
    await jobs.put(job('prompt:old', { promptId: 'old' }));
    assert.equal(tenantOfJob((await jobs.get('prompt:old'))!, home), home);
  });

  it('cancels a planned job by its id', async () => {
    const work = tenantWork(jobs, other);
    await work.put(job('prompt:1', {}));
    await work.cancel('prompt:1');
    assert.equal(await jobs.get('prompt:1'), undefined);
  });
});
