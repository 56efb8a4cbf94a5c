import { eraseOwnEvaluations, ownEvaluations } from '../evaluation/own-evaluations';
import { Pair } from '../membership';
import { mutate } from '../mutate';
import { Person } from '../people';
import { jobKinds, retryAfterFailure, WorkOutcome } from './cycle-jobs';
import { CycleCore } from './cycle-core';
import { MyData, PostedContent } from './ports';
import { Erasure, erasureId, Posted } from './posted';
import { Prompt } from './prompt';
import { Summary, followUpId } from './summary';
import { SummaryService } from './summary-service';

/** what an erasure removed */
interface Removed {
  readonly answers: number;
  readonly actionPoints: number;
}

/**
 * `my data` and `delete my data`: everything a person wrote in the cycle, shown to them, or removed
 * everywhere — with every message posted that showed it updated in place.
 */
export class MyDataService {
  constructor(
    private readonly core: CycleCore,
    private readonly summaries: SummaryService,
  ) {}

  /**
   * everything this person wrote: their answers (with the observation they belong to), action points
   * and evaluation ratings
   */
  async myData(person: Person): Promise<MyData> {
    const prompts = (await this.core.repos.cycles.answeredBy(person.id)).filter(
      (p) => Object.keys(p.answers ?? {}).length > 0,
    );
    const pairs = new Map<string, Promise<Pair | undefined>>();
    const pairOf = (prompt: Prompt) => {
      if (!pairs.has(prompt.pairId))
        pairs.set(
          prompt.pairId,
          this.core.repos.programmes.pairs.read(prompt.pairId, prompt.programmeId).then((r) => r?.doc),
        );
      return pairs.get(prompt.pairId)!;
    };
    const answers = await Promise.all(
      prompts.map(async (prompt) => {
        const [observation, pair] = await Promise.all([
          this.core.repos.cycles.observations.read(prompt.observationId, prompt.pairId).then((r) => r?.doc),
          pairOf(prompt),
        ]);
        return { prompt, observation, hostName: observation && pair?.memberNames[observation.hostId] };
      }),
    );
    const actionPoints: MyData['actionPoints'][number][] = [];
    for (const { pair } of await this.core.reads.pairsOf(person)) {
      for (const s of await this.core.repos.cycles.summariesOf(pair.id)) {
        for (const point of s.actionPoints[person.id] ?? [])
          actionPoints.push({
            observationId: s.observationId,
            pairId: pair.id,
            programmeId: pair.programmeId,
            point,
          });
      }
    }
    return { answers, actionPoints, evaluations: await ownEvaluations(this.core.repos, person) };
  }

  /**
   * Removes everything this person wrote, everywhere: their answers (and safety ratings), their
   * evaluation ratings and their action points in the pair's summaries, with the follow-ups that
   * would quote them. Their peer's
   * own words stay. What remains is each prompt's state and times, so participation counts stay as
   * anonymous aggregates. Then a durable job updates every message posted that showed their words
   * (see finishErasure); `card`, the message confirming it, is updated with the result.
   */
  async eraseContentOf(person: Person, card?: Erasure['card']): Promise<Removed> {
    const at = this.core.clock.now().toISOString();
    const removed = {
      answers: await this.eraseAnswers(person, at),
      actionPoints: await this.eraseActionPoints(person, at),
    };
    await this.planMessageUpdates(person, removed, card);
    return removed;
  }

  private async eraseAnswers(person: Person, at: string): Promise<number> {
    let answers = 0;
    for (const p of await this.core.repos.cycles.answeredBy(person.id)) {
      const result = await mutate<Prompt>(this.core.repos.cycles.prompts, p.id, p.pairId, (cur) => {
        if (!cur || cur.personId !== person.id || cur.erasedAt) return undefined;
        const { safetyRating: _r, actionPoint: _a, ...rest } = cur;
        return { ...rest, answers: {}, erasedAt: at };
      });
      if (result.changed) answers++;
    }
    return answers + (await eraseOwnEvaluations(this.core.repos, person));
  }

  /** the person's action points in every summary of their pairs, and the follow-ups that quote them */
  private async eraseActionPoints(person: Person, at: string): Promise<number> {
    let actionPoints = 0;
    for (const { pair } of await this.core.reads.pairsOf(person)) {
      for (const s of await this.core.repos.cycles.summariesOf(pair.id)) {
        const result = await mutate<Summary>(this.core.repos.cycles.summaries, s.id, s.pairId, (cur) => {
          if (!cur?.actionPoints[person.id]) return undefined;
          const { [person.id]: _removed, ...rest } = cur.actionPoints;
          return { ...cur, actionPoints: rest };
        });
        const removed = result.changed ? (result.before?.actionPoints[person.id] ?? []) : [];
        actionPoints += removed.length;
        for (let i = 1; i <= removed.length; i++) {
          const id = followUpId(s.observationId, person.id, i);
          await this.core.work.cancel(`send:${id}`);
          await mutate<Prompt>(this.core.repos.cycles.prompts, id, s.pairId, (cur) => {
            if (!cur || cur.actionPoint === undefined) return undefined;
            const { actionPoint: _a, ...rest } = cur;
            return {
              ...rest,
              status: cur.status === 'answered' ? 'answered' : 'withdrawn',
              answers: {},
              erasedAt: at,
            };
          });
        }
      }
    }
    return actionPoints;
  }

  /**
   * Plans the job that updates what was posted. Put even when nothing was left to remove: a second
   * click after a crash between the store and the plan still brings the messages up to date.
   */
  private async planMessageUpdates(
    person: Person,
    removed: Removed,
    card: Erasure['card'] | undefined,
  ): Promise<void> {
    const id = erasureId(person.id);
    await mutate<Erasure>(this.core.repos.cycles.erasures, id, id, (cur) => ({
      type: 'erasure',
      id,
      personId: person.id,
      startedAt: cur?.startedAt ?? this.core.clock.now().toISOString(),
      answers: (cur?.answers ?? 0) + removed.answers,
      actionPoints: (cur?.actionPoints ?? 0) + removed.actionPoints,
      ...(card ? { card } : {}),
      handled: cur?.handled ?? [],
      updated: cur?.updated ?? 0,
      gone: cur?.gone ?? 0,
    }));
    await this.core.work.put({
      id: `erase:${person.id}`,
      kind: jobKinds.erase,
      dueAt: this.core.clock.now(),
      payload: { personId: person.id },
    });
  }

  /**
   * The durable half of `delete my data`: every message still showing the person's words is made
   * again from the store (which no longer has them) and replaced in place. Each is counted once, in
   * the erasure document, before its record lets go of the person: a restart half-way picks up where
   * it stopped. A chat that is gone counts as not updated; a failed update is tried again later.
   * Finally the person is told how many were updated and how many could not be.
   */
  async finishErasure(personId: string): Promise<WorkOutcome> {
    const id = erasureId(personId);
    if (!(await this.core.repos.cycles.erasures.read(id, id))) return { status: 'done' };
    const byMessage = new Map<string, Posted[]>();
    for (const r of await this.core.repos.cycles.postedShowing(personId))
      byMessage.set(r.id, [...(byMessage.get(r.id) ?? []), r]);
    let unfinished = false;
    for (const [key, records] of byMessage) {
      if ((await this.updateMessage(id, key, records)) === 'failed') {
        unfinished = true;
        continue;
      }
      for (const r of records)
        await mutate<Posted>(this.core.repos.cycles.posted, r.id, r.pairId, (cur) =>
          cur?.shows.includes(personId)
            ? { ...cur, shows: cur.shows.filter((p) => p !== personId) }
            : undefined,
        );
    }
    if (unfinished) return retryAfterFailure(this.core.clock.now());
    const erasure = (await this.core.repos.cycles.erasures.read(id, id))?.doc;
    if (!erasure) return { status: 'done' };
    const person = await this.core.people.get(personId);
    if (person?.reach && (await this.core.mail.erasureDone(person, erasure)).status === 'failed')
      return retryAfterFailure(this.core.clock.now());
    await this.core.repos.cycles.erasures.remove(id, id);
    return { status: 'done' };
  }

  /** one message (its records in each pair's partition), replaced and counted once in the erasure */
  private async updateMessage(
    erasure: string,
    key: string,
    records: readonly Posted[],
  ): Promise<'done' | 'failed'> {
    const handled = (await this.core.repos.cycles.erasures.read(erasure, erasure))?.doc.handled ?? [];
    if (handled.includes(key)) return 'done';
    const outcome = await this.replacePosted(records[0]!);
    if (outcome === 'failed') return 'failed';
    await mutate<Erasure>(this.core.repos.cycles.erasures, erasure, erasure, (cur) =>
      cur && !cur.handled.includes(key)
        ? {
            ...cur,
            handled: [...cur.handled, key],
            updated: cur.updated + (outcome === 'updated' ? 1 : 0),
            gone: cur.gone + (outcome === 'gone' ? 1 : 0),
          }
        : undefined,
    );
    return 'done';
  }

  /** one posted message, made again for its reader from the store as it stands */
  private async replacePosted(record: Posted): Promise<'updated' | 'gone' | 'failed'> {
    const viewer = await this.core.people.get(record.viewerId);
    if (!viewer?.reach) return 'gone';
    const outcome = await this.core.mail.replacePosted(
      viewer,
      record,
      await this.postedContent(viewer, record),
    );
    return outcome.status === 'sent' ? 'updated' : outcome.status === 'unreachable' ? 'gone' : 'failed';
  }

  private async postedContent(viewer: Person, record: Posted): Promise<PostedContent> {
    const source = record.source;
    switch (source.kind) {
      case 'summary': {
        const view = await this.summaries.summaryFor(viewer, record.pairId, source.observationId);
        return view ? { kind: 'summary', view } : { kind: 'removed' };
      }
      case 'prompt': {
        const found = await this.core.reads.promptFor(viewer, record.pairId, source.promptId);
        return found && found !== 'forbidden' ? { kind: 'prompt', ...found } : { kind: 'removed' };
      }
      case 'myData':
        return { kind: 'myData', data: await this.myData(viewer), part: source.part };
    }
  }
}
