import { DateTime } from 'luxon';
import { Pair } from '../membership';
import { mutate } from '../mutate';
import { Person } from '../people';
import { SendOutcome } from '../ports';
import { Programme } from '../programme';
import { deadlineAt, isAllowed, nextAllowed, reminderAt } from '../timing';
import { answerWindow } from './talk';
import { jobKinds, retryAfterFailure, WorkOutcome } from './cycle-jobs';
import { CycleCore } from './cycle-core';
import { LoadedPrompt } from './cycle-reads';
import { Observation } from './observation';
import { PostedLog } from './posted-log';
import { afterKinds, isOpen, Prompt } from './prompt';
import { PromptCards } from './prompt-cards';
import { SummaryService } from './summary-service';

const pausedRetryHours = 6;

/**
 * A prompt's life as due work: sent at its moment (never in someone's quiet hours, never while they
 * are paused), reminded once, expired at its deadline. Each job may run twice (a crash, a lost
 * lease): every step is ETag-guarded, so it changes a prompt once.
 */
export class PromptDeliveryService {
  constructor(
    private readonly core: CycleCore,
    private readonly cards: PromptCards,
    private readonly posted: PostedLog,
    private readonly summaries: SummaryService,
  ) {}

  async sendPrompt(pairId: string, id: string): Promise<WorkOutcome> {
    const loaded = await this.core.reads.load(pairId, id);
    if (loaded?.prompt.status === 'sent' && loaded.prompt.sentAt && loaded.prompt.expiresAt) {
      // this job ran before and recorded the send, but stopped (crashed, lost its lease) before it
      // planned what follows: plan it now from the recorded times, or the card stays open for ever
      const person = await this.core.people.get(loaded.prompt.personId);
      const zone = this.core.reads.zoneOf(person, loaded.programme);
      const { prompt, observation, programme } = loaded;
      const window = this.answerWindow(prompt, observation, new Date(prompt.sentAt!), zone, programme);
      await this.planAfterSend(prompt, { ...window, expiresAt: new Date(prompt.expiresAt!) });
      return { status: 'done' };
    }
    if (!loaded || loaded.prompt.status !== 'scheduled') return { status: 'done' };
    const { prompt, observation, pair, programme } = loaded;
    const now = this.core.clock.now();
    if (prompt.kind !== 'followUp' && observation.status !== 'scheduled') {
      await this.cards.withdraw(prompt, observation, pair, programme);
      return { status: 'done' };
    }
    const person = await this.core.people.get(prompt.personId);
    // no prompts while paused; a before-prompt that would now come too late is dropped
    if (person?.paused)
      return this.retryUnlessStarted(
        loaded,
        now,
        DateTime.fromJSDate(now).plus({ hours: pausedRetryHours }).toJSDate(),
      );
    if (!person?.reach) return this.unreachable(prompt, observation, pair);
    const zone = this.core.reads.zoneOf(person, programme);
    if (this.core.reads.scale.unit !== 'minutes' && !isAllowed(now, zone, programme.policy)) {
      // a send that runs late (a retry, a restart after downtime) still waits for their morning;
      // a before-prompt that would then come after the observation has started is not sent at all
      const morning = nextAllowed(now, zone, programme.policy);
      return this.retryUnlessStarted(loaded, morning, morning);
    }
    return this.deliver(loaded, person, zone, now);
  }

  /**
   * Tries the send again at `retryAt` — unless it is a before-prompt and the observation will have
   * started by `comesAt`: that one is withdrawn instead.
   */
  private async retryUnlessStarted(loaded: LoadedPrompt, comesAt: Date, retryAt: Date): Promise<WorkOutcome> {
    const { prompt, observation, pair, programme } = loaded;
    if (prompt.kind.startsWith('before') && comesAt.getTime() >= Date.parse(observation.startsAt)) {
      await this.cards.withdraw(prompt, observation, pair, programme);
      return { status: 'done' };
    }
    return { status: 'retry', at: retryAt };
  }

  /** sends the card now, records it as sent and plans its reminder and expiry */
  private async deliver(loaded: LoadedPrompt, person: Person, zone: string, now: Date): Promise<WorkOutcome> {
    const { prompt, observation, pair, programme } = loaded;
    const window = this.answerWindow(prompt, observation, now, zone, programme);
    const expiresAt = window.expiresAt;
    // the card goes out open: it shows the prompt as it will be once sent, and when it is due
    const outgoing: Prompt = { ...prompt, status: 'sent', expiresAt: expiresAt.toISOString() };
    const outcome = await this.core.mail.sendPrompt(
      person,
      outgoing,
      await this.core.reads.view(outgoing, observation, pair, programme),
    );
    if (outcome.status === 'unreachable') return this.unreachable(prompt, observation, pair);
    if (outcome.status === 'failed') return retryAfterFailure(now);
    const sent = await mutate<Prompt>(this.core.repos.cycles.prompts, prompt.id, prompt.pairId, (cur) =>
      cur && cur.status === 'scheduled'
        ? {
            ...cur,
            status: 'sent',
            sentAt: now.toISOString(),
            activityId: outcome.activityId,
            expiresAt: expiresAt.toISOString(),
          }
        : undefined,
    );
    await this.recordShown(loaded, person, outcome);
    if (sent.changed) await this.planAfterSend(prompt, window);
    return { status: 'done' };
  }

  /** an observer's card shows the host's focus; a follow-up quotes the writer's own action point */
  private async recordShown(loaded: LoadedPrompt, to: Person, outcome: SendOutcome): Promise<void> {
    const { prompt, observation, programme } = loaded;
    const shows =
      prompt.kind === 'followUp'
        ? [prompt.personId]
        : prompt.kind === 'beforeObserver' || prompt.kind === 'afterObserver'
          ? [observation.hostId]
          : [];
    if (shows.length > 0)
      await this.posted.recordSent(
        to,
        outcome,
        {
          source: { kind: 'prompt', promptId: prompt.id },
          personIds: shows,
          pairs: [{ pairId: prompt.pairId, programmeId: observation.programmeId }],
        },
        programme,
      );
  }

  /**
   * When a prompt sent now is due and reminded: after the policy's days, or — for an after-card with
   * a talk planned sooner — when the talk begins, so the summary reaches both before they meet.
   */
  private answerWindow(
    prompt: Prompt,
    observation: Observation,
    now: Date,
    zone: string,
    programme: Programme,
  ): { expiresAt: Date; remindAt: Date | undefined } {
    const expiresAt = deadlineAt(now, zone, programme.policy, this.core.reads.scale);
    const remindAt = reminderAt(now, zone, programme.policy, this.core.reads.scale);
    const usual = { expiresAt, remindAt: remindAt < expiresAt ? remindAt : undefined };
    return prompt.kind === 'afterHost' || prompt.kind === 'afterObserver'
      ? answerWindow(now, usual, observation.talk)
      : usual;
  }

  /** the reminder and the expiry of a prompt just sent (idempotent: the job ids are fixed) */
  private async planAfterSend(
    prompt: Prompt,
    window: { readonly expiresAt: Date; readonly remindAt: Date | undefined },
  ): Promise<void> {
    const payload = { pairId: prompt.pairId, promptId: prompt.id };
    if (window.remindAt)
      await this.core.work.put({
        id: `remind:${prompt.id}`,
        kind: jobKinds.remind,
        dueAt: window.remindAt,
        payload,
      });
    await this.core.work.put({
      id: `expire:${prompt.id}`,
      kind: jobKinds.expire,
      dueAt: window.expiresAt,
      payload,
    });
  }

  private async unreachable(prompt: Prompt, observation: Observation, pair: Pair): Promise<WorkOutcome> {
    const result = await mutate<Prompt>(this.core.repos.cycles.prompts, prompt.id, prompt.pairId, (cur) =>
      cur && cur.status === 'scheduled' ? { ...cur, status: 'unreachable' } : undefined,
    );
    if (result.changed) {
      // their peer hears it from us rather than waiting: talk in person
      for (const id of pair.memberIds.filter((m) => m !== prompt.personId)) {
        const peer = await this.core.people.get(id);
        if (peer?.reach) {
          await this.core.mail.notify(peer, {
            kind: 'peerUnreachable',
            peerName: pair.memberNames[prompt.personId] ?? '',
            observation,
          });
        }
      }
      if (afterKinds.includes(prompt.kind))
        await this.summaries.maybeSummarise(prompt.pairId, observation.id, false);
    }
    return { status: 'done' };
  }

  async remind(pairId: string, id: string): Promise<WorkOutcome> {
    const loaded = await this.core.reads.load(pairId, id);
    if (!loaded || !isOpen(loaded.prompt) || loaded.prompt.remindedAt) return { status: 'done' };
    const person = await this.core.people.get(loaded.prompt.personId);
    if (!person?.reach || person.paused) return { status: 'done' };
    const outcome = await this.core.mail.notify(person, {
      kind: 'reminder',
      prompt: loaded.prompt,
      observation: loaded.observation,
    });
    if (outcome.status === 'failed') return retryAfterFailure(this.core.clock.now());
    await mutate<Prompt>(this.core.repos.cycles.prompts, id, pairId, (cur) =>
      cur && isOpen(cur) && !cur.remindedAt
        ? { ...cur, remindedAt: this.core.clock.now().toISOString() }
        : undefined,
    );
    return { status: 'done' };
  }

  /**
   * The deadline: an open prompt expires, and the summary goes with what exists. An answered
   * after-prompt checks the summary once more: two answers given at the same moment may each have
   * missed the other (see `maybeSummarise`).
   */
  async expire(pairId: string, id: string): Promise<WorkOutcome> {
    const loaded = await this.core.reads.load(pairId, id);
    if (!loaded) return { status: 'done' };
    const result = await mutate<Prompt>(
      this.core.repos.cycles.prompts,
      id,
      pairId,
      (cur) => (cur && isOpen(cur) ? { ...cur, status: 'expired' } : undefined),
      undefined,
      { doc: loaded.prompt, etag: loaded.promptEtag },
    );
    if (!result.changed) {
      if (result.doc?.status === 'answered' && afterKinds.includes(result.doc.kind))
        await this.summaries.maybeSummarise(pairId, loaded.observation.id, true, loaded);
      return { status: 'done' };
    }
    await this.core.work.cancel(`remind:${id}`);
    await this.cards.refresh(result.doc!, loaded.observation, loaded.pair, loaded.programme);
    if (afterKinds.includes(loaded.prompt.kind))
      await this.summaries.maybeSummarise(pairId, loaded.observation.id, true, loaded);
    return { status: 'done' };
  }
}
