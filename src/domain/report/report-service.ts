import { mutate } from '../mutate';
import { Repositories } from '../repositories';
import { ProgrammeFacts } from './facts';
import { computeFigures, ProgrammeFigures } from './figures';
import { nextRelease, releasedFiguresId, ReleasedFigures, shownFigures } from './release';

/**
 * Gathers what a coordinator may know about a programme. Observations and prompts are read through
 * projections without their answers, so this code never holds what a supervisor wrote.
 */
export class ReportService {
  constructor(private readonly repos: Repositories) {}

  async facts(programmeId: string): Promise<ProgrammeFacts | undefined> {
    const programme = await this.repos.programmes.programmes.read(programmeId, programmeId);
    if (!programme) return undefined;
    const [enrolments, pairs, observations, prompts] = await Promise.all([
      this.repos.programmes.enrolmentsOf(programmeId),
      this.repos.programmes.pairsOf(programmeId),
      this.repos.cycles.observationFacts(programmeId),
      this.repos.cycles.promptFacts(programmeId),
    ]);
    const people = await Promise.all(enrolments.map((e) => this.repos.people.read(e.personId, e.personId)));
    return {
      programme: programme.doc,
      members: enrolments.map((e, i) => ({
        personId: e.personId,
        displayName: people[i]?.doc.displayName || e.displayName,
        pairId: e.pairId,
        reachable: Boolean(people[i]?.doc.reach),
        paused: Boolean(people[i]?.doc.paused),
      })),
      pairs: pairs.map((p) => ({ pairId: p.id, memberIds: p.memberIds, memberNames: p.memberNames })),
      observations,
      prompts,
    };
  }

  /**
   * A programme's figures as coordinators see them at `now` — on the card and in the CSV alike:
   * the figures derived from answers as last released (see release.ts), taking a step first when
   * one is due. The step is written under the document's ETag, so concurrent readings on any
   * instance agree on one released value.
   */
  async figures(
    programmeId: string,
    now: Date,
  ): Promise<{ facts: ProgrammeFacts; figures: ProgrammeFigures } | undefined> {
    const facts = await this.facts(programmeId);
    if (!facts) return undefined;
    const computed = computeFigures(facts, now);
    const { doc } = await mutate<ReleasedFigures>(
      this.repos.programmes.released,
      releasedFiguresId(programmeId),
      programmeId,
      (current) => nextRelease(computed, facts, current, now),
    );
    return { facts, figures: shownFigures(computed, doc) };
  }
}
