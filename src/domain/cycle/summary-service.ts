import { Pair } from '../membership';
import { Person } from '../people';
import { SendOutcome } from '../ports';
import { Programme } from '../programme';
import { jobKinds, retryAfterFailure, WorkOutcome } from './cycle-jobs';
import { CycleCore } from './cycle-core';
import { Observation } from './observation';
import { SummaryView } from './ports';
import { PostedLog } from './posted-log';
import { Prompt, promptId, recipients } from './prompt';
import { followUpIds, Summary, summaryId } from './summary';

/** what the caller has read already (an answer, the deadline), so that it is not read again */
export interface AlreadyRead {
  readonly observation: Observation;
  readonly pair: Pair;
  readonly programme: Programme;
  /** an answer's turn: what it stored and read beside */
  readonly answer?: {
    /** the after-prompt the answer stored */
    readonly written: Prompt;
    /** the observation's other after-prompts, read beside that write (`afterPrompts`) */
    readonly others: readonly Prompt[];
    /** who answered, as their turn read them */
    readonly by: Person;
  };
}

/**
 * The pair's summary of an observation: where the host's and the observers' after-prompt answers
 * first meet, sent once to each member, and shown again from `history`.
 */
export class SummaryService {
  constructor(
    private readonly core: CycleCore,
    private readonly posted: PostedLog,
  ) {}

  /**
   * Sends the summary once both sides have answered — or at the deadline with what exists. Nobody
   * sees the other's answers before: the summary is the first place they meet. A summary document
   * created under a fixed id makes sure it goes out once, whichever instance gets there first.
   *
   * An answer reads the other after-prompts beside its write, not after it, to spare the busiest turn
   * a round trip: two answers given at the very same moment can then each see the other open. The
   * expiry job, finding its prompt answered, checks again at the deadline (see `expire`).
   */
  async maybeSummarise(
    pairId: string,
    observationId: string,
    atDeadline: boolean,
    known?: AlreadyRead,
  ): Promise<boolean> {
    const observation = known
      ? known.observation
      : (await this.core.repos.cycles.observations.read(observationId, pairId))?.doc;
    if (!observation) return false;
    const answer = known?.answer;
    const prompts = answer ? [answer.written, ...answer.others] : await this.afterPrompts(observation);
    if (prompts.length === 0) return false;
    const allAnswered = prompts.every((p) => p.status === 'answered');
    const noneOpen = prompts.every((p) => p.status !== 'sent' && p.status !== 'scheduled');
    if (
      !allAnswered &&
      !(atDeadline && noneOpen) &&
      !(noneOpen && prompts.some((p) => p.status === 'unreachable'))
    )
      return false;
    if (!prompts.some((p) => p.status === 'answered')) return false;
    const ctx = known ?? (await this.core.reads.context(pairId, observation.programmeId));
    if (!ctx) return false;
    const readMembers = () =>
      Promise.all(
        ctx.pair.memberIds.map((id) => (id === answer?.by.id ? answer.by : this.core.people.get(id))),
      );
    // an answer reads the members beside the create, which then almost always succeeds; the deadline
    // (which mostly finds the summary sent) reads them only after it
    const [created, early] = await Promise.all([
      this.core.repos.cycles.summaries.create({
        type: 'summary',
        id: summaryId(observationId),
        pairId,
        observationId,
        complete: allAnswered,
        sentAt: this.core.clock.now().toISOString(),
        actionPoints: {},
        ttl: this.core.reads.ttl(ctx.programme),
      }),
      answer && readMembers(),
    ]);
    if (created === 'exists') return false;
    const view = this.summaryView(observation, ctx.programme, ctx.pair, prompts);
    await this.sendToMembers(view, early || (await readMembers()), ctx);
    return true;
  }

  /**
   * To each member now, or at their next allowed moment as durable work (each on their own). The
   * records of what went out are written together once every send has ended, so that however the
   * sends' timing falls they cost one store round trip, not one per member.
   */
  private async sendToMembers(
    view: SummaryView,
    members: readonly (Person | undefined)[],
    ctx: { pair: Pair; programme: Programme },
  ): Promise<void> {
    const { id: observationId, pairId } = view.observation;
    const sent = await Promise.all(
      members.map(async (person) => {
        if (!person?.reach) return undefined;
        const later = this.core.reads.deferral(person, ctx.programme);
        if (!later) return { person, outcome: await this.core.mail.sendSummary(person, view) };
        await this.core.work.put({
          id: `summary:${observationId.replace(/^observation:/, '')}:${person.id}`,
          kind: jobKinds.summary,
          dueAt: later,
          payload: { pairId, observationId, to: person.id },
        });
        return undefined;
      }),
    );
    await Promise.all(sent.map((s) => s && this.recordSent(s.person, s.outcome, view, ctx.programme)));
  }

  /** a deferred summary, at its recipient's allowed moment */
  async sendSummary(payload: Readonly<Record<string, string>>): Promise<WorkOutcome> {
    const person = await this.core.people.get(payload.to ?? '');
    if (!person?.reach) return { status: 'done' };
    const view = await this.summaryFor(person, payload.pairId ?? '', payload.observationId ?? '');
    if (!view) return { status: 'done' };
    const outcome = await this.deliver(person, view);
    return outcome.status === 'failed' ? retryAfterFailure(this.core.clock.now()) : { status: 'done' };
  }

  /** sends the summary and records that it shows the pair's words */
  private async deliver(to: Person, view: SummaryView, programme?: Programme): Promise<SendOutcome> {
    const outcome = await this.core.mail.sendSummary(to, view);
    await this.recordSent(to, outcome, view, programme);
    return outcome;
  }

  /** records that the summary sent to `to` shows the pair's words, if it went out */
  private recordSent(
    to: Person,
    outcome: SendOutcome,
    view: SummaryView,
    programme?: Programme,
  ): Promise<void> {
    const o = view.observation;
    return this.posted.recordSent(
      to,
      outcome,
      {
        source: { kind: 'summary', observationId: o.id },
        personIds: o.memberIds,
        pairs: [{ pairId: o.pairId, programmeId: o.programmeId }],
      },
      programme,
    );
  }

  private summaryView(
    o: Observation,
    programme: Programme,
    pair: Pair,
    afterPrompts: readonly Prompt[],
  ): SummaryView {
    const answered = (p: Prompt | undefined) => (p?.status === 'answered' ? p.answers : undefined);
    const host = answered(afterPrompts.find((p) => p.kind === 'afterHost'));
    const observers: Record<string, Readonly<Record<string, string>>> = {};
    for (const p of afterPrompts.filter((x) => x.kind === 'afterObserver')) {
      const a = answered(p);
      if (a) observers[p.personId] = a;
    }
    return {
      observation: o,
      programmeName: programme.name,
      names: pair.memberNames,
      host,
      observers,
      missing: afterPrompts.filter((p) => p.status !== 'answered').map((p) => p.personId),
    };
  }

  /** the summary view again, for `history` — only for a member of the pair */
  async summaryFor(by: Person, pairId: string, observationId: string): Promise<SummaryView | undefined> {
    const observation = (await this.core.repos.cycles.observations.read(observationId, pairId))?.doc;
    if (!observation || !observation.memberIds.includes(by.id)) return undefined;
    const summary = await this.core.repos.cycles.summaries.read(summaryId(observationId), pairId);
    const ctx = await this.core.reads.context(pairId, observation.programmeId);
    if (!summary || !ctx) return undefined;
    const view = this.summaryView(observation, ctx.programme, ctx.pair, await this.afterPrompts(observation));
    return { ...view, actionPoints: await this.followUps(observation, summary.doc.actionPoints) };
  }

  /** each action point with its follow-up answers, if given (point reads by the follow-ups' known ids) */
  private async followUps(
    o: Observation,
    points: Summary['actionPoints'],
  ): Promise<SummaryView['actionPoints']> {
    const entries = followUpIds(o.id, points);
    const prompts = await Promise.all(
      entries.map((e) => this.core.repos.cycles.prompts.read(e.id, o.pairId)),
    );
    return entries.map((e, i) => {
      const answers = prompts[i]?.doc.status === 'answered' ? prompts[i]?.doc.answers : undefined;
      return {
        personId: e.personId,
        point: e.point,
        tried: answers?.['fu.tried'],
        happened: answers?.['fu.happened'],
      };
    });
  }

  /**
   * The after-prompts of an observation, by their known ids: point reads, no query on the answer
   * path. `except`: the one an answer is writing.
   */
  async afterPrompts(o: Observation, except?: string): Promise<Prompt[]> {
    const found = await Promise.all(
      recipients(o)
        .map((r) => promptId(o.id, r.after, r.personId))
        .filter((id) => id !== except)
        .map(async (id) => (await this.core.repos.cycles.prompts.read(id, o.pairId))?.doc),
    );
    return found.filter((f) => f !== undefined);
  }

  /** a person's past summaries across their pairs, newest first */
  async history(person: Person): Promise<SummaryView[]> {
    const out: SummaryView[] = [];
    for (const { pair } of await this.core.reads.pairsOf(person)) {
      for (const s of await this.core.repos.cycles.summariesOf(pair.id)) {
        const view = await this.summaryFor(person, pair.id, s.observationId);
        if (view) out.push(view);
      }
    }
    return out;
  }
}
