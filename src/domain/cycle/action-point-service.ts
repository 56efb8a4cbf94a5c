import { Clock } from '../clock';
import { mutate } from '../mutate';
import { Person } from '../people';
import { IdentifierKind, screenFreeText } from '../privacy/identifiers';
import { Programme } from '../programme';
import { Repositories } from '../repositories';
import { followUpAt, followUpWeeks } from '../timing';
import { jobKinds } from './cycle-jobs';
import { CycleReads } from './cycle-reads';
import { Observation } from './observation';
import { DueWork } from './ports';
import { followUpId, summaryId } from './summary';

const actionPointLength = 500;

export type ActionPointOutcome =
  | 'added'
  | 'empty'
  | 'tooLong'
  | 'forbidden'
  | 'missing'
  | { readonly identifier: IdentifierKind; readonly shown: string };

/** what a member means to try after an observation, and the follow-up prompt that asks how it went */
export class ActionPointService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly work: DueWork,
    private readonly reads: CycleReads,
  ) {}

  /** records an action point and plans a follow-up prompt for it (default: two weeks later) */
  async addActionPoint(
    by: Person,
    pairId: string,
    observationId: string,
    text: string,
  ): Promise<ActionPointOutcome> {
    const screened = screenFreeText(text.trim(), { today: this.clock.now() });
    const point = screened.text.trim();
    if (!point) return 'empty';
    if (point.length > actionPointLength) return 'tooLong';
    // an action point is shown to the peer and quoted back in the follow-up: no identifier is kept
    if (screened.findings.length > 0)
      return {
        identifier: screened.findings[0]!.kind,
        shown: screened.findings.map((f) => f.shown).join(', '),
      };
    const observation = (await this.repos.cycles.observations.read(observationId, pairId))?.doc;
    if (!observation) return 'missing';
    if (!observation.memberIds.includes(by.id)) return 'forbidden';
    const ctx = await this.reads.context(pairId, observation.programmeId);
    if (!ctx) return 'missing';
    const updated = await mutate(this.repos.cycles.summaries, summaryId(observationId), pairId, (s) =>
      s
        ? { ...s, actionPoints: { ...s.actionPoints, [by.id]: [...(s.actionPoints[by.id] ?? []), point] } }
        : undefined,
    );
    if (!updated.changed) return 'missing';
    await this.planFollowUp(by, observation, ctx.programme, point, updated.doc!.actionPoints[by.id]!.length);
    return 'added';
  }

  /** the follow-up prompt for the writer's `index`th action point, and the job that sends it */
  private async planFollowUp(
    by: Person,
    observation: Observation,
    programme: Programme,
    point: string,
    index: number,
  ): Promise<void> {
    const { id: observationId, pairId } = observation;
    const id = followUpId(observationId, by.id, index);
    const sendAt = followUpAt(
      this.clock.now(),
      this.reads.zoneOf(by, programme),
      programme.policy,
      followUpWeeks,
      this.reads.scale,
    );
    await this.repos.cycles.prompts.create({
      type: 'prompt',
      id,
      pairId,
      programmeId: observation.programmeId,
      observationId,
      kind: 'followUp',
      personId: by.id,
      status: 'scheduled',
      revision: observation.revision,
      sendAt: sendAt.toISOString(),
      actionPoint: point,
      ttl: this.reads.ttl(programme),
    });
    await this.work.put({
      id: `send:${id}`,
      kind: jobKinds.send,
      dueAt: sendAt,
      payload: { pairId, promptId: id },
    });
  }
}
