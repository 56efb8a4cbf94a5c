import { Pair } from '../membership';
import { Person } from '../people';
import { PeopleService } from '../people-service';
import { Repositories } from '../repositories';
import { Observation } from './observation';

/** what one person's calendar file of an observation is made from */
export interface CalendarFileSource {
  readonly observation: Observation;
  readonly pair: Pair;
  readonly person: Person;
}

/**
 * What an "Add to calendar" link opens, read by id: the observation in its pair's partition, the pair
 * (for the names, and to know who is still in it) and the person (for their language) — three point
 * reads, whatever the pair's history.
 */
export class CalendarFileReads {
  constructor(
    private readonly repos: Repositories,
    private readonly people: PeopleService,
  ) {}

  /**
   * The observation for the member `isThem` picks out; undefined once its document is gone, or when
   * that member is not (or no longer) in the pair. The link names the person only by a keyed tag,
   * which is why the member is found by asking, not by id.
   */
  async observationFor(
    pairId: string,
    observationId: string,
    isThem: (memberId: string) => boolean,
  ): Promise<CalendarFileSource | undefined> {
    const observation = (await this.repos.cycles.observations.read(observationId, pairId))?.doc;
    const memberId = observation?.memberIds.find(isThem);
    if (!observation || !memberId) return undefined;
    const [pair, person] = await Promise.all([
      this.repos.programmes.pairs.read(pairId, observation.programmeId),
      this.people.get(memberId),
    ]);
    if (!pair?.doc.memberIds.includes(memberId) || !person) return undefined;
    return { observation, pair: pair.doc, person };
  }
}
