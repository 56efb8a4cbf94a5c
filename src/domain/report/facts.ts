import { LearnerLevel, ObservationStatus, Setting } from '../cycle/observation';
import { PromptStatus } from '../cycle/prompt';
import { PromptKind } from '../cycle/questions';
import { Programme } from '../programme';

/**
 * What coordinator features may know about a programme: who takes part and how far they got.
 * These types carry no free text at all — the store projects them without answers — so nothing a
 * supervisor wrote can reach a report, a chart, a CSV, a nudge or an audit entry.
 */
export interface ObservationFact {
  readonly id: string;
  readonly pairId: string;
  readonly status: ObservationStatus;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly hostId: string;
  readonly memberIds: readonly string[];
  /** where it was practised and with whom: chosen from lists when scheduling, never written */
  readonly setting: Setting;
  readonly learnerLevel: LearnerLevel;
}

export interface PromptFact {
  readonly id: string;
  readonly pairId: string;
  readonly observationId: string;
  readonly kind: PromptKind;
  readonly personId: string;
  readonly status: PromptStatus;
  readonly sentAt?: string;
  readonly answeredAt?: string;
  readonly remindedAt?: string;
  /** the prompt's deadline: an expired prompt's outcome arrived no earlier */
  readonly expiresAt?: string;
  /** the host's "how safe did being observed feel" (1–5), only ever reported in aggregate */
  readonly safetyRating?: number;
}

export interface MemberFact {
  readonly personId: string;
  readonly displayName: string;
  readonly pairId?: string;
  /** the app is installed for them: the bot can write to them */
  readonly reachable: boolean;
  readonly paused: boolean;
}

export interface PairFact {
  readonly pairId: string;
  readonly memberIds: readonly string[];
  readonly memberNames: Readonly<Record<string, string>>;
}

/** everything a report is computed from */
export interface ProgrammeFacts {
  readonly programme: Programme;
  readonly members: readonly MemberFact[];
  readonly pairs: readonly PairFact[];
  readonly observations: readonly ObservationFact[];
  readonly prompts: readonly PromptFact[];
}
