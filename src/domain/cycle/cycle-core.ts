import { Clock } from '../clock';
import { PeopleService } from '../people-service';
import { Repositories } from '../repositories';
import { CycleReads } from './cycle-reads';
import { CycleMail, DueWork } from './ports';

/**
 * What the parts of the cycle that send work with: the tenant's stored documents, the clock, the
 * people, durable due work, the cycle's mail and the reads they all share.
 */
export interface CycleCore {
  readonly repos: Repositories;
  readonly clock: Clock;
  readonly people: PeopleService;
  readonly work: DueWork;
  readonly mail: CycleMail;
  readonly reads: CycleReads;
}
