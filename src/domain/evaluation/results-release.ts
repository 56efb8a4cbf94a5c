import { endClosesAt } from './end-window';
import { Programme } from '../programme';
import { EvaluationResponse, OverallRatings } from './evaluation';
import { EvaluationRelease, releaseEvaluation } from './release';
import { Ratings } from './statements';

/**
 * What coordinators are shown of a programme's evaluation, computed once when it closes and stored
 * once (created, never replaced), so that every later reading shows the same thing: answers that
 * arrive after the release do not change what was released. It holds no person's id, no answer's
 * date and no single answer — only release.ts's figures, and the comments when five or more wrote one.
 */
export interface EvaluationResults {
  readonly type: 'evaluation-release';
  /** `evaluation-release:<programmeId>` */
  readonly id: string;
  readonly programmeId: string;
  /** when the evaluation closed: no later answer is part of it */
  readonly closedAt: string;
  /** a coordinator's "Close the evaluation now", or the automatic close after the end */
  readonly closedBy: 'coordinator' | 'schedule';
  /** absent when fewer than five answered at the end: then nothing can be shown */
  readonly release?: EvaluationRelease;
  /** seconds; the programme's retention, like the answers it was computed from */
  readonly ttl?: number;
}

export function resultsId(programmeId: string): string {
  return `evaluation-release:${programmeId}`;
}

/** the durable job that closes a programme's evaluation when its time is over */
export const closeJobKind = 'evaluation.close';

/**
 * when the evaluation closes by itself: when the end questionnaire closes, `evaluationDays` after the
 * start of the programme's last day, in its time zone
 */
export function automaticCloseAt(
  programme: Pick<Programme, 'endDate' | 'timeZone' | 'evaluationDays'>,
): Date {
  return endClosesAt(programme);
}

/** release.ts's figures over the stored answers: only answered ones, each in its phase */
export function releaseOf(answers: readonly EvaluationResponse[]): EvaluationRelease | undefined {
  const baseline = new Map<string, Ratings>();
  const end = new Map<string, Ratings>();
  const overall = new Map<string, OverallRatings>();
  const comments = new Map<string, string>();
  for (const a of answers) {
    if (a.status !== 'answered') continue;
    if (a.phase === 'baseline') {
      if (a.ratings) baseline.set(a.personId, a.ratings);
      continue;
    }
    if (a.ratings) end.set(a.personId, a.ratings);
    if (a.overall) overall.set(a.personId, a.overall);
    if (a.comment) comments.set(a.personId, a.comment);
  }
  return releaseEvaluation({ baseline, end, overall, comments });
}
