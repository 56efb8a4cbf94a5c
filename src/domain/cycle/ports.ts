import { OwnEvaluation } from '../evaluation/own-evaluations';
import { Person } from '../people';
import { SendOutcome } from '../ports';
import { Observation } from './observation';
import { Erasure } from './posted';
import { Prompt } from './prompt';

/** work to do later, durably (the scheduler's job store satisfies this) */
export interface DueWork {
  /** idempotent by id: planning the same id again moves it */
  put(job: { id: string; kind: string; dueAt: Date; payload: Record<string, string> }): Promise<unknown>;
  cancel(id: string): Promise<unknown>;
}

/** what a prompt card shows besides its questions */
export interface PromptView {
  readonly observation: Observation;
  readonly programmeName: string;
  readonly names: Readonly<Record<string, string>>;
  /** the host's answer to "what should your peer watch for", once given (observer's before-card) */
  readonly hostFocus?: string;
  /** what the card looked like when typed into, kept through a refusal */
  readonly typed?: Readonly<Record<string, string>>;
  /** message keys per question id */
  readonly errors?: Readonly<Record<string, string>>;
  /** what an identifier check found in an answer, masked, per question id */
  readonly found?: Readonly<Record<string, string>>;
}

/** one side of the summary: a member's answers, by question */
export interface SummaryView {
  readonly observation: Observation;
  readonly programmeName: string;
  readonly names: Readonly<Record<string, string>>;
  /** the host's after-prompt answers, if given */
  readonly host?: Readonly<Record<string, string>>;
  /** each observer's after-prompt answers, if given */
  readonly observers: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** sent at the deadline with someone's answers missing */
  readonly missing: readonly string[];
  /** action points the members set themselves, with what the follow-up brought back */
  readonly actionPoints?: readonly {
    readonly personId: string;
    readonly point: string;
    readonly tried?: string;
    readonly happened?: string;
  }[];
}

export type CycleNotice =
  | {
      readonly kind: 'scheduled' | 'rescheduled' | 'cancelled' | 'didNotHappen';
      readonly by: string;
      readonly observation: Observation;
      readonly names: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'reminder'; readonly prompt: Prompt; readonly observation: Observation }
  | { readonly kind: 'peerUnreachable'; readonly peerName: string; readonly observation: Observation };

/** everything a person wrote (`my data`) */
export interface MyData {
  readonly answers: readonly {
    readonly prompt: Prompt;
    readonly observation: Observation | undefined;
    /** the host's name as the pair knows it, so an observer's heading says whom the feedback was for */
    readonly hostName: string | undefined;
  }[];
  readonly actionPoints: readonly {
    readonly observationId: string;
    readonly pairId: string;
    readonly programmeId: string;
    readonly point: string;
  }[];
  /** the evaluation questionnaires they answered (their ratings, by programme) */
  readonly evaluations: readonly OwnEvaluation[];
}

/** a posted message made again from the store, once someone's words are gone from it */
export type PostedContent =
  | { readonly kind: 'summary'; readonly view: SummaryView }
  | { readonly kind: 'prompt'; readonly prompt: Prompt; readonly view: PromptView }
  | { readonly kind: 'myData'; readonly data: MyData; readonly part: number }
  /** what it was made from is no longer there for this reader */
  | { readonly kind: 'removed' };

/** sends the cycle's cards and messages in each recipient's language and time zone */
export interface CycleMail {
  sendPrompt(to: Person, prompt: Prompt, view: PromptView): Promise<SendOutcome>;
  /** replaces a card already sent (answered, expired, withdrawn, or the host's focus arrived) */
  updatePrompt(to: Person, prompt: Prompt, view: PromptView): Promise<SendOutcome>;
  sendSummary(to: Person, view: SummaryView): Promise<SendOutcome>;
  notify(to: Person, notice: CycleNotice): Promise<SendOutcome>;
  /** replaces a message posted in `to`'s chat with `content`, rate-limited like a send */
  replacePosted(
    to: Person,
    where: { readonly conversationId: string; readonly activityId: string },
    content: PostedContent,
  ): Promise<SendOutcome>;
  /** tells a person how many messages showing their words were updated: on their erasure card, or anew */
  erasureDone(to: Person, erasure: Erasure): Promise<SendOutcome>;
}
