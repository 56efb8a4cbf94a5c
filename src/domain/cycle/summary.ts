import { promptId } from './prompt';

/** the pair's summary of one observation; content stays in the answers, this records that it went out */
export interface Summary {
  readonly type: 'summary';
  /** `summary:<observation uuid>` */
  readonly id: string;
  readonly pairId: string;
  readonly observationId: string;
  /** false when sent at the deadline with an answer missing */
  readonly complete: boolean;
  readonly sentAt: string;
  /** action points the members added, by person */
  readonly actionPoints: Readonly<Record<string, readonly string[]>>;
  /** seconds; retention after the programme ends (real Cosmos DB expires the document) */
  readonly ttl?: number;
}

export function summaryId(observationId: string): string {
  return `summary:${observationId.replace(/^observation:/, '')}`;
}

/** the follow-up prompt that asks about a person's `index`th action point (from 1) */
export function followUpId(observationId: string, personId: string, index: number): string {
  return `${promptId(observationId, 'followUp', personId)}:${index}`;
}

/** each action point of a summary with the id of the follow-up prompt that asks about it */
export function followUpIds(
  observationId: string,
  points: Summary['actionPoints'],
): { personId: string; point: string; id: string }[] {
  return Object.entries(points).flatMap(([personId, list]) =>
    list.map((point, i) => ({ personId, point, id: followUpId(observationId, personId, i + 1) })),
  );
}
