/**
 * Every container Peer Coach uses, for the whole product (see docs/data-model.md). Created at
 * start-up if missing with a key or the embedded store; with a managed identity infra/main.bicep
 * creates them. Either way start-up checks that they match (container-layout.ts). Partition keys are
 * chosen so the per-message hot path is point reads.
 */
export interface ContainerSpec {
  readonly id: string;
  readonly partitionKey: string;
  /** -1 turns on per-document TTL without a container-wide expiry */
  readonly defaultTtl?: number;
}

export const containerSpecs = {
  /** one document per person, id = Entra object id; and their calendar, id = `calendar:<id>` */
  people: { id: 'people', partitionKey: '/id' },
  /** one document per team the bot is installed in, id = Teams team id */
  teams: { id: 'teams', partitionKey: '/id' },
  /** a programme and its membership: programme, enrolments, pairs, invitations, nudges */
  programmes: { id: 'programmes', partitionKey: '/programmeId' },
  /** a pair's private content: observations, prompts, answers, summaries, action points */
  cycles: { id: 'cycles', partitionKey: '/pairId', defaultTtl: -1 },
  /** due work for the scheduler, bucketed by the UTC hour it falls due in */
  schedule: { id: 'schedule', partitionKey: '/slot' },
} as const satisfies Record<string, ContainerSpec>;

export type ContainerName = keyof typeof containerSpecs;
