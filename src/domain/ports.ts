/**
 * The small interfaces the domain talks to. Cosmos DB, botbuilder and Teams sit behind them, so the
 * domain imports none of those and a change of transport or store touches one folder.
 */

/** a stored document with the version the store gave it (the Cosmos DB _etag) */
export interface Versioned<T> {
  readonly doc: T;
  readonly etag: string;
}

/** point operations on one kind of document; partition is the document's partition key value */
export interface Collection<T> {
  read(id: string, partition: string): Promise<Versioned<T> | undefined>;
  /** 'exists' when a document with that id is already in the partition */
  create(doc: T): Promise<'created' | 'exists'>;
  /** 'conflict' when the stored version is no longer etag (someone else wrote first) */
  replace(doc: T, etag: string): Promise<'replaced' | 'conflict' | 'missing'>;
  remove(id: string, partition: string): Promise<'removed' | 'missing'>;
}

/** how to reach a person or a team later, proactively */
export interface ConversationReach {
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly tenantId?: string;
  /** our own bot's channel id in that conversation */
  readonly botId: string;
  /**
   * the person's Teams user id (MRI, `29:…`) in a 1:1 chat, so a card can name who it refreshes
   * for (Universal Actions `refresh.userIds`); absent for a team and for reaches stored before it
   */
  readonly userId?: string;
}

/** what happened when we tried to send something to someone */
export type SendOutcome =
  | { readonly status: 'sent'; readonly activityId?: string }
  | { readonly status: 'unreachable'; readonly reason: string }
  | { readonly status: 'failed'; readonly reason: string };

/** a member of a team's roster, as Teams reports it */
export interface RosterMember {
  readonly personId: string;
  readonly displayName: string;
  readonly tenantId?: string;
}

/** reads a team's roster (Teams: the paged members API) */
export interface Directory {
  teamMembers(reach: ConversationReach): Promise<RosterMember[] | 'unreachable'>;
}
