import { Clock } from '../clock';
import { mutate } from '../mutate';
import { Person } from '../people';
import { PeopleService } from '../people-service';
import { findIdentifiers, screenFreeText } from '../privacy/identifiers';
import { Repositories } from '../repositories';
import { CycleReads, LoadedPrompt } from './cycle-reads';
import { PromptView } from './ports';
import { afterKinds, focusOf, isOpen, Prompt, promptId } from './prompt';
import { PromptCards } from './prompt-cards';
import { AnswerErrors, checkAnswers, PromptKind } from './questions';
import { SummaryService } from './summary-service';

export type AnswerOutcome =
  | { readonly status: 'answered' | 'repeated'; readonly prompt: Prompt; readonly view: PromptView }
  | {
      readonly status: 'invalid';
      readonly prompt: Prompt;
      readonly view: PromptView;
      readonly errors: AnswerErrors;
    }
  | {
      readonly status: 'expired' | 'withdrawn' | 'notYet';
      readonly prompt: Prompt;
      readonly view: PromptView;
    }
  | { readonly status: 'forbidden' | 'missing' };

const safetyQuestion = 'ah.safety';

/** what an answer reads beside its write, for what it changes elsewhere (see `readsAfter`) */
interface AfterReads {
  readonly observers?: readonly {
    readonly prompt: Prompt | undefined;
    readonly person: Person | undefined;
  }[];
  readonly others?: readonly Prompt[];
}

/** each answer as it is checked and stored: see `normaliseFreeText` */
function normalisedAnswers(typed: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(typed).map(([q, text]) => [q, screenFreeText(text).text]));
}

/**
 * Every identifier in the answers (already normalised), by question: a message key per kind, and what
 * was found, masked
 */
function identifiersIn(
  answers: Readonly<Record<string, string>>,
  today: Date,
): { errors: Record<string, string>; shown: Record<string, string> } {
  const errors: Record<string, string> = {};
  const shown: Record<string, string> = {};
  for (const [question, text] of Object.entries(answers)) {
    const findings = findIdentifiers(text, { today });
    if (findings.length === 0) continue;
    errors[question] = `prompt.error.identifier.${findings[0]!.kind}`;
    shown[question] = findings.map((f) => f.shown).join(', ');
  }
  return { errors, shown };
}

/**
 * The answers as they will be stored, or why not: per question, an error and what the card shows
 * about it. Checked and stored in one form: an invisible character cannot split an identifier past
 * the check. Identifiers (personnummer, dates of birth, phone numbers, e-mail, record numbers) are
 * never stored: the writer sees what was found, masked, and rephrases — everything typed stays in
 * the card.
 */
function checkTyped(
  kind: PromptKind,
  typed: Readonly<Record<string, string>>,
  today: Date,
):
  | { ok: true; answers: Record<string, string> }
  | { ok: false; errors: AnswerErrors; shown: Pick<PromptView, 'errors' | 'found'> } {
  const checked = checkAnswers(kind, normalisedAnswers(typed));
  if (!checked.ok) {
    const errors = Object.fromEntries(
      Object.entries(checked.errors).map(([q, e]) => [q, `prompt.error.${e}`]),
    );
    return { ok: false, errors: checked.errors, shown: { errors } };
  }
  const found = identifiersIn(checked.answers, today);
  if (Object.keys(found.errors).length === 0) return checked;
  return {
    ok: false,
    errors: Object.fromEntries(Object.keys(found.errors).map((q) => [q, 'invalid' as const])),
    shown: { errors: found.errors, found: found.shown },
  };
}

/**
 * The safety rating is kept apart from the answers: it is only ever reported in aggregate, never
 * shown to the pair, and reports read it without reading any answer.
 */
function splitRating(answers: Record<string, string>): {
  answers: Record<string, string>;
  safetyRating?: number;
} {
  const { [safetyQuestion]: rating, ...rest } = answers;
  return rating ? { answers: rest, safetyRating: Number(rating) } : { answers: rest };
}

/** a prompt card submitted: checked, stored once, and what it changes for the peer and the summary */
export class AnswerService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly reads: CycleReads,
    private readonly cards: PromptCards,
    private readonly summaries: SummaryService,
    private readonly people: PeopleService,
  ) {}

  /**
   * Someone submits a prompt card. Only the person it was sent to may answer, checked against the
   * authenticated sender; a second submission (double click, resent activity) changes nothing.
   * Card submissions are the busiest turns, and the store is a network hop away: what the answer
   * reads is read together — the prompt with its observation, pair and programme, then beside the
   * write what comes after it (see `readsAfter`).
   */
  async answer(
    by: Person,
    pairId: string,
    id: string,
    typed: Readonly<Record<string, string>>,
  ): Promise<AnswerOutcome> {
    const loaded = await this.reads.load(pairId, id, by.programmeIds);
    if (!loaded) return { status: 'missing' };
    const { prompt, promptEtag, observation, pair, programme } = loaded;
    if (prompt.personId !== by.id) return { status: 'forbidden' };
    const view = (p: Prompt, extra: Partial<PromptView> = {}) =>
      this.reads.view(p, observation, pair, programme, extra);
    if (prompt.status === 'answered') return { status: 'repeated', prompt, view: await view(prompt) };
    if (prompt.status === 'expired' || prompt.status === 'withdrawn')
      return { status: prompt.status, prompt, view: await view(prompt, { typed }) };
    if (prompt.status !== 'sent') return { status: 'notYet', prompt, view: await view(prompt, { typed }) };

    const checked = checkTyped(prompt.kind, typed, this.clock.now());
    if (!checked.ok)
      return {
        status: 'invalid',
        prompt,
        errors: checked.errors,
        view: await view(prompt, { typed, ...checked.shown }),
      };
    const now = this.clock.now();
    const [result, hostFocus, after] = await Promise.all([
      mutate<Prompt>(
        this.repos.cycles.prompts,
        id,
        pairId,
        (cur) =>
          cur && cur.status === 'sent'
            ? {
                ...cur,
                status: 'answered',
                ...splitRating(checked.answers),
                answeredAt: now.toISOString(),
                ttl: this.reads.ttl(programme),
              }
            : undefined,
        undefined,
        // read by load() a moment ago: no second read
        { doc: prompt, etag: promptEtag },
      ),
      this.reads.hostFocus(prompt, observation),
      this.readsAfter(loaded),
    ]);
    const stored = result.doc!;
    if (!result.changed) {
      return stored.status === 'answered'
        ? { status: 'repeated', prompt: stored, view: await view(stored, { hostFocus }) }
        : {
            status: stored.status === 'withdrawn' ? 'withdrawn' : 'expired',
            prompt: stored,
            view: await view(stored, { typed, hostFocus }),
          };
    }
    await this.afterAnswer(by, loaded, stored, after);
    return { status: 'answered', prompt: stored, view: await view(stored, { hostFocus }) };
  }

  /**
   * What `afterAnswer` needs, read beside the write since none of it depends on it: for the host's
   * before-prompt, each observer's before-prompt and the observer (whose card shows the focus); for
   * an after-prompt, the observation's other after-prompts (see `maybeSummarise`).
   */
  private async readsAfter({ prompt, observation }: LoadedPrompt): Promise<AfterReads> {
    if (prompt.kind === 'beforeHost') {
      const observers = await Promise.all(
        observation.observerIds.map((observerId) =>
          Promise.all([
            this.repos.cycles.prompts.read(
              promptId(observation.id, 'beforeObserver', observerId),
              prompt.pairId,
            ),
            this.people.get(observerId),
          ]),
        ),
      );
      return { observers: observers.map(([theirs, person]) => ({ prompt: theirs?.doc, person })) };
    }
    if (afterKinds.includes(prompt.kind))
      return { others: await this.summaries.afterPrompts(observation, prompt.id) };
    return {};
  }

  /**
   * What an answer changes elsewhere. The reminder and expiry jobs are left to run: both find the
   * prompt answered and do nothing. Cancelling them here cost six store requests on the busiest
   * turn; running them costs the scheduler two cheap ticks later, off anyone's wait.
   */
  private async afterAnswer(
    by: Person,
    loaded: LoadedPrompt,
    stored: Prompt,
    after: AfterReads,
  ): Promise<void> {
    const { observation, pair, programme } = loaded;
    // the observer's before-card shows the host's focus as soon as it is given
    for (const { prompt: theirs, person } of after.observers ?? [])
      if (theirs && isOpen(theirs))
        await this.cards.refresh(theirs, observation, pair, programme, {
          person,
          hostFocus: focusOf(stored),
        });
    if (after.others)
      await this.summaries.maybeSummarise(stored.pairId, observation.id, false, {
        observation,
        pair,
        programme,
        answer: { written: stored, others: after.others, by },
      });
  }
}
