import { Clock } from '../clock';
import { WorkOutcome } from '../cycle/cycle-jobs';
import { DueWork } from '../cycle/ports';
import { Programme } from '../programme';
import { Repositories } from '../repositories';
import { isEndOpen } from './end-window';
import { automaticCloseAt, closeJobKind, EvaluationResults, releaseOf, resultsId } from './results-release';

const dayMs = 24 * 3_600_000;

export type CloseOutcome =
  | { readonly status: 'closed' | 'already'; readonly results: EvaluationResults }
  /** no such programme */
  | { readonly status: 'missing' };

/**
 * What a coordinator gets of the evaluation: while it is open, how many answered the end
 * questionnaire (a count, from statuses alone); once closed, the release, computed and stored once.
 */
export class ResultsService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly work: DueWork,
  ) {}

  /** how many answered the end questionnaire: read from statuses, never ratings or comments */
  async answeredAtEnd(programmeId: string): Promise<number> {
    const statuses = await this.repos.programmes.evaluationStatuses(programmeId);
    return statuses.filter((s) => s.phase === 'end' && s.status === 'answered').length;
  }

  /** the release, once closed */
  async results(programmeId: string): Promise<EvaluationResults | undefined> {
    return (await this.repos.programmes.evaluationResults.read(resultsId(programmeId), programmeId))?.doc;
  }

  /**
   * Closes the evaluation: the release over the answers stored now, created once. A second close
   * (a double click, or the job after a coordinator closed it) finds it made and changes nothing.
   */
  async close(programmeId: string, by: EvaluationResults['closedBy']): Promise<CloseOutcome> {
    const made = await this.results(programmeId);
    if (made) return { status: 'already', results: made };
    const programme = await this.repos.programmes.programmes.read(programmeId, programmeId);
    if (!programme) return { status: 'missing' };
    const release = releaseOf(await this.repos.programmes.evaluationsOf(programmeId));
    const results: EvaluationResults = {
      type: 'evaluation-release',
      id: resultsId(programmeId),
      programmeId,
      closedAt: this.clock.now().toISOString(),
      closedBy: by,
      ...(release ? { release } : {}),
    };
    if ((await this.repos.programmes.evaluationResults.create(results)) === 'created')
      return { status: 'closed', results };
    // another instance closed it first: its release stands
    const first = await this.results(programmeId);
    return first ? { status: 'already', results: first } : { status: 'missing' };
  }

  /** plans the automatic close (again when the programme's dates change: the same id moves it) */
  planClose(programme: Programme): Promise<unknown> {
    return this.work.put({
      id: `${closeJobKind}:${programme.id}`,
      kind: closeJobKind,
      dueAt: automaticCloseAt(programme),
      payload: { programmeId: programme.id },
    });
  }

  /**
   * The durable job: closes the evaluation once its time is over — checked again, since the dates
   * or the window may have moved since it was planned, and never while the end questionnaire can
   * still be answered (then it looks again a day later).
   */
  async closeWhenDue(payload: Readonly<Record<string, string>>): Promise<WorkOutcome> {
    const programmeId = payload.programmeId ?? '';
    const programme = await this.repos.programmes.programmes.read(programmeId, programmeId);
    if (!programme) return { status: 'done' };
    const due = automaticCloseAt(programme.doc);
    const now = this.clock.now();
    if (now < due) return { status: 'retry', at: due };
    if (isEndOpen(programme.doc, now)) return { status: 'retry', at: new Date(now.getTime() + dayMs) };
    await this.close(programmeId, 'schedule');
    return { status: 'done' };
  }
}
