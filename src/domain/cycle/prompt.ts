import { Observation } from './observation';
import { PromptKind } from './questions';

export type PromptStatus = 'scheduled' | 'sent' | 'answered' | 'expired' | 'withdrawn' | 'unreachable';

/**
 * One card one person is asked to fill in, before or after an observation (or a follow-up). Lives
 * in the pair's partition; its answers are the pair's private content and never leave it except to
 * the pair's summary.
 */
export interface Prompt {
  readonly type: 'prompt';
  /** `prompt:<observation uuid>:<kind>:<personId>` (one per person and kind, so planning is idempotent) */
  readonly id: string;
  readonly pairId: string;
  readonly programmeId: string;
  readonly observationId: string;
  readonly kind: PromptKind;
  readonly personId: string;
  readonly status: PromptStatus;
  /** the observation's revision this prompt was planned for */
  readonly revision: number;
  readonly sendAt: string;
  readonly sentAt?: string;
  /** the card as sent, so it can be updated in place (answered, expired, withdrawn) */
  readonly activityId?: string;
  readonly remindedAt?: string;
  readonly expiresAt?: string;
  readonly answers?: Readonly<Record<string, string>>;
  /** the host's "how safe did being observed feel" (1–5): aggregate reporting only, never shown to the pair */
  readonly safetyRating?: number;
  readonly answeredAt?: string;
  /** for a follow-up: the action point it asks about */
  readonly actionPoint?: string;
  /** when the writer deleted what they wrote (`delete my data`); the prompt's state and times remain */
  readonly erasedAt?: string;
  /** seconds; set when retention applies (real Cosmos DB expires the document) */
  readonly ttl?: number;
}

export function promptId(observationId: string, kind: PromptKind, personId: string): string {
  return `prompt:${observationId.replace(/^observation:/, '')}:${kind}:${personId}`;
}

/**
 * The observation a prompt id names (its uuid comes first), so that both can be read at once; a
 * guess until the prompt is read and says the same
 */
export function observationIdIn(id: string): string | undefined {
  const uuid = /^prompt:([^:]+):/.exec(id)?.[1];
  return uuid ? `observation:${uuid}` : undefined;
}

/** the kinds of prompt that ask how an observation went: the pair's summary is made of their answers */
export const afterKinds: readonly PromptKind[] = ['afterHost', 'afterObserver'];

/** who gets which prompt for an observation: the host reflects, the observer(s) give feedback */
export function recipients(
  o: Pick<Observation, 'hostId' | 'observerIds'>,
): { personId: string; before: PromptKind; after: PromptKind }[] {
  return [
    { personId: o.hostId, before: 'beforeHost', after: 'afterHost' },
    ...o.observerIds.map((id) => ({
      personId: id,
      before: 'beforeObserver' as const,
      after: 'afterObserver' as const,
    })),
  ];
}

/** a prompt that can still be answered */
export function isOpen(p: Pick<Prompt, 'status'>): boolean {
  return p.status === 'sent';
}

/** the focus the host gave in their before-prompt, once answered */
export function focusOf(hostBefore: Prompt | undefined): string | undefined {
  return hostBefore?.status === 'answered' ? hostBefore.answers?.['bh.focus'] : undefined;
}
