import { Clock } from '../clock';
import { Person } from '../people';
import { SendOutcome } from '../ports';
import { Programme } from '../programme';
import { Repositories } from '../repositories';
import { CycleReads } from './cycle-reads';
import { Posted, postedId, Shows } from './posted';

/** the messages posted that show someone's words, recorded so that erasing those words can reach them */
export class PostedLog {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly reads: CycleReads,
  ) {}

  /**
   * Records a message just posted to `viewer` that shows what `shows.personIds` wrote, in each pair's
   * partition, so that erasing those words can reach it. Ids only.
   */
  async record(
    viewer: Person,
    conversationId: string,
    activityId: string,
    shows: Shows,
    /** the programme the caller already holds: a send in progress need not read it again */
    known?: Programme,
  ): Promise<void> {
    const id = postedId(conversationId, activityId);
    const done = new Set<string>();
    for (const { pairId, programmeId } of shows.pairs) {
      if (done.has(pairId)) continue;
      done.add(pairId);
      const programme =
        known?.id === programmeId
          ? known
          : (await this.repos.programmes.programmes.read(programmeId, programmeId))?.doc;
      const record: Posted = {
        type: 'posted',
        id,
        pairId,
        programmeId,
        viewerId: viewer.id,
        conversationId,
        activityId,
        shows: [...new Set(shows.personIds)],
        source: shows.source,
        postedAt: this.clock.now().toISOString(),
        ...(programme ? { ttl: this.reads.ttl(programme) } : {}),
      };
      await this.repos.cycles.posted.create(record);
    }
  }

  /** records a message the cycle sent to `to`'s chat, if it went out */
  async recordSent(to: Person, outcome: SendOutcome, shows: Shows, programme?: Programme): Promise<void> {
    if (outcome.status === 'sent' && outcome.activityId && to.reach)
      await this.record(to, to.reach.conversationId, outcome.activityId, shows, programme);
  }
}
