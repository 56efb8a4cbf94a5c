import { mutate } from '../mutate';
import { Person } from '../people';
import { Repositories } from '../repositories';
import { EvaluationResponse, evaluationId, OverallRatings, Phase } from './evaluation';
import { Ratings } from './statements';

/** one questionnaire a person answered, for `my data` */
export interface OwnEvaluation {
  readonly programmeId: string;
  readonly programmeName: string;
  readonly phase: Phase;
  readonly ratings: Ratings;
  /** the end only: the programme as a whole */
  readonly overall?: OverallRatings;
  /** the end only: their comment to the coordinator */
  readonly comment?: string;
}

const phases: readonly Phase[] = ['baseline', 'end'];

/** whether a questionnaire holds anything the person answered */
function holdsAnswers(doc: EvaluationResponse): boolean {
  return doc.ratings !== undefined || doc.overall !== undefined || doc.comment !== undefined;
}

/** the person's own answered questionnaires, in each programme they are in (point reads only) */
export async function ownEvaluations(repos: Repositories, person: Person): Promise<OwnEvaluation[]> {
  const found = await Promise.all(
    person.programmeIds.flatMap((programmeId) =>
      phases.map(async (phase) => {
        const doc = (await repos.programmes.evaluations.read(evaluationId(phase, person.id), programmeId))
          ?.doc;
        if (!doc || !holdsAnswers(doc) || doc.personId !== person.id) return undefined;
        const programme = await repos.programmes.programmes.read(programmeId, programmeId);
        return {
          programmeId,
          programmeName: programme?.doc.name ?? '',
          phase,
          ratings: doc.ratings ?? {},
          ...(doc.overall ? { overall: doc.overall } : {}),
          ...(doc.comment ? { comment: doc.comment } : {}),
        };
      }),
    ),
  );
  return found.filter((f): f is OwnEvaluation => f !== undefined);
}

/**
 * `delete my data`: removes the person's ratings, overall answers and comments everywhere. The document stays, without them, so
 * that the card cannot be answered again; it expires with the programme like the rest.
 */
export async function eraseOwnEvaluations(repos: Repositories, person: Person): Promise<number> {
  let erased = 0;
  for (const programmeId of person.programmeIds)
    for (const phase of phases) {
      const result = await mutate<EvaluationResponse>(
        repos.programmes.evaluations,
        evaluationId(phase, person.id),
        programmeId,
        (cur) => {
          if (!cur || !holdsAnswers(cur) || cur.personId !== person.id) return undefined;
          const { ratings: _r, overall: _o, comment: _c, answeredAt: _a, ...rest } = cur;
          return { ...rest, status: 'erased' };
        },
      );
      if (result.changed) erased++;
    }
  return erased;
}
