import { randomUUID } from 'node:crypto';
import { Clock } from '../clock';
import { Person } from '../people';
import { Repositories } from '../repositories';
import { AuditAction, AuditEntry } from './audit';

/** records coordinator actions, and reads them back for coordinators */
export class AuditLog {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  async record(
    by: Person,
    programmeId: string,
    action: AuditAction,
    counts: Record<string, number> = {},
  ): Promise<void> {
    await this.repos.programmes.audit.create({
      type: 'audit',
      id: `audit:${randomUUID()}`,
      programmeId,
      at: this.clock.now().toISOString(),
      by: by.id,
      byName: by.displayName,
      action,
      counts,
    });
  }

  latest(programmeId: string, limit = 50): Promise<AuditEntry[]> {
    return this.repos.programmes.auditOf(programmeId, limit);
  }
}
