import { createHash } from 'node:crypto';

/** what a posted message was made from, so it can be made again from the store as it stands */
export type PostedSource =
  /** a pair's summary (sent when both had answered, or opened again from `history`) */
  | { readonly kind: 'summary'; readonly observationId: string }
  /** a prompt card: an observer's card shows the host's focus, a follow-up quotes an action point */
  | { readonly kind: 'prompt'; readonly promptId: string }
  /** one of the cards `my data` answered with (it splits long answers over several) */
  | { readonly kind: 'myData'; readonly part: number };

/**
 * A message the bot posted that shows what someone wrote, so that `delete my data` can replace it in
 * place. Ids only, never the words: whose words it shows, where it is, what it was made from. It
 * lives in the partition of the pair whose words it shows, with that pair's retention (a message
 * showing two pairs' words has a record in each).
 */
export interface Posted {
  readonly type: 'posted';
  /** `posted:<digest of conversation and activity id>`: the same in every pair's partition */
  readonly id: string;
  readonly pairId: string;
  readonly programmeId: string;
  /** whose chat it is in */
  readonly viewerId: string;
  readonly conversationId: string;
  readonly activityId: string;
  /** the people whose words it shows; one who deleted theirs is taken off once it has been updated */
  readonly shows: readonly string[];
  readonly source: PostedSource;
  readonly postedAt: string;
  /** seconds; the pair's retention (real Cosmos DB expires the document) */
  readonly ttl?: number;
}

/** what a reply about to be posted shows: recorded once Teams has given it an id */
export interface Shows {
  readonly source: PostedSource;
  /** whose words are in it */
  readonly personIds: readonly string[];
  /** the pairs those words belong to */
  readonly pairs: readonly { readonly pairId: string; readonly programmeId: string }[];
}

export function postedId(conversationId: string, activityId: string): string {
  const digest = createHash('sha256').update(`${conversationId}\n${activityId}`).digest('hex');
  return `posted:${digest.slice(0, 40)}`;
}

/**
 * One person's `delete my data` while the messages that showed their words are being updated: a
 * durable job does that, and this keeps its count, so a restart half-way neither loses nor repeats
 * any. Removed when the person has been told the result. Ids and counts only.
 */
export interface Erasure {
  readonly type: 'erasure';
  /** `erasure:<personId>` */
  readonly id: string;
  readonly personId: string;
  readonly startedAt: string;
  /** what was removed from the store, for the final message */
  readonly answers: number;
  readonly actionPoints: number;
  /** the card that confirmed it, updated in place with the result; absent: a new message says it */
  readonly card?: { readonly conversationId: string; readonly activityId: string };
  /** the posted messages dealt with so far (their record ids) */
  readonly handled: readonly string[];
  readonly updated: number;
  /** could not be updated: the chat is gone or the person can no longer be reached */
  readonly gone: number;
}

export function erasureId(personId: string): string {
  return `erasure:${personId}`;
}
