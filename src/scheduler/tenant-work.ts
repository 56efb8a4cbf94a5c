import { DueWork } from '../domain/cycle/ports';
import { Job, JobStore } from './jobs';

/** the payload field that says whose work a job is */
const tenantKey = 'tenantId';

/**
 * One tenant's due work: every job it plans says whose it is, so the dispatch loop (one for all
 * tenants) hands it to that tenant's services and their repositories. A job without one was planned
 * before tenants were recorded, and belongs to the tenant such data belongs to.
 */
export function tenantWork(jobs: JobStore, tenantId: string): DueWork {
  return {
    put: (job) => jobs.put({ ...job, payload: { ...job.payload, [tenantKey]: tenantId } }),
    cancel: (id) => jobs.cancel(id),
  };
}

/** the tenant a job belongs to */
export function tenantOfJob(job: Job, homeTenantId: string): string {
  return job.payload[tenantKey] ?? homeTenantId;
}
