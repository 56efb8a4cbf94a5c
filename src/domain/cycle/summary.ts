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
