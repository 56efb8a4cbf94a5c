import { randomUUID } from 'node:crypto';
import { Clock } from '../clock';
import { Pair } from '../membership';
import { mutate } from '../mutate';
import { Person } from '../people';
import { PeopleService } from '../people-service';
import { Programme } from '../programme';
import { Repositories } from '../repositories';
import { afterPromptAt, beforePromptAt } from '../timing';
import { CalendarEntry, calendarId, upcomingEntries } from './calendar';
import { CalendarReservations, Held } from './calendar-reservations';
import { jobKinds } from './cycle-jobs';
import { CycleNotices } from './cycle-notices';
import { CycleReads } from './cycle-reads';
import { checkSchedule, hasStarted, Observation, ScheduleErrors, ScheduleInput } from './observation';
import { DueWork } from './ports';
import { Prompt, promptId, recipients } from './prompt';
import { PromptCards } from './prompt-cards';
import { PromptKind } from './questions';
import { afterCardAt, talkOf } from './talk';
import { followUpIds, summaryId } from './summary';

export type ScheduleOutcome =
  | { readonly status: 'scheduled' | 'rescheduled'; readonly observation: Observation }
  | { readonly status: 'invalid'; readonly errors: ScheduleErrors }
  | { readonly status: 'forbidden' | 'missing' | 'notScheduled' };

export type EndOutcome =
  | {
      readonly status: 'cancelled' | 'didNotHappen';
      readonly observation: Observation;
      readonly repeated: boolean;
    }
  /** a cancel that came after the start: it took place, or did not happen, but stays counted */
  | { readonly status: 'started'; readonly observation: Observation }
  | { readonly status: 'forbidden' | 'missing' };

/** the kinds of prompt an observation plans for its members (follow-ups come from action points) */
const plannedKinds: readonly PromptKind[] = ['beforeHost', 'beforeObserver', 'afterHost', 'afterObserver'];
/** which field of the card a talk error belongs to */
const talkField = { 'schedule.error.talk': 'talk', 'schedule.error.talkTime': 'talkTime' } as const;
/** a move that loses a race with another move of the same observation starts again, this often */
const scheduleAttempts = 4;

/** what a scheduling sets on the observation, new or moved */
type ScheduledFields = Pick<
  Observation,
  | 'hostId'
  | 'observerIds'
  | 'startsAt'
  | 'endsAt'
  | 'durationMinutes'
  | 'setting'
  | 'learnerLevel'
  | 'talk'
  | 'updatedAt'
  | 'ttl'
>;

/** the pair and programme a scheduling is for, and the observation it moves, if any */
interface Request {
  readonly pair: Pair;
  readonly programme: Programme;
  readonly moving: Observation | undefined;
}

/**
 * Scheduling, moving and ending observations: each member's calendar holds the time, the prompts
 * before and after are planned as durable work, and the other members are told.
 */
export class SchedulingService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly people: PeopleService,
    private readonly work: DueWork,
    private readonly reads: CycleReads,
    private readonly cards: PromptCards,
    private readonly calendars: CalendarReservations,
    private readonly notices: CycleNotices,
  ) {}

  /**
   * Schedules a new observation, or moves one (movingId) — either member may do both. Point reads
   * and writes only: the overlap check reads each member's calendar, however long their history.
   */
  async schedule(
    by: Person,
    pairId: string,
    programmeId: string,
    input: ScheduleInput,
    movingId?: string,
    returnOf?: string,
  ): Promise<ScheduleOutcome> {
    for (let attempt = 0; attempt < scheduleAttempts; attempt++) {
      const outcome = await this.trySchedule(by, pairId, programmeId, input, movingId, returnOf);
      if (outcome !== 'raced') return outcome;
    }
    throw new Error(`gave up moving ${movingId} after ${scheduleAttempts} concurrent moves`);
  }

  /** 'raced': the observation being moved was moved by someone else since it was read */
  private async trySchedule(
    by: Person,
    pairId: string,
    programmeId: string,
    input: ScheduleInput,
    movingId: string | undefined,
    returnOf: string | undefined,
  ): Promise<ScheduleOutcome | 'raced'> {
    const request = await this.readRequest(by, pairId, programmeId, movingId, returnOf);
    if ('status' in request) return request;
    const { pair, programme, moving } = request;
    const zone = this.reads.zoneOf(by, programme);
    const checked = checkSchedule(input, {
      zone,
      now: this.clock.now(),
      programme,
      memberIds: pair.memberIds,
    });
    if (!checked.ok) return { status: 'invalid', errors: checked.errors };
    const talk = talkOf(input, checked, moving, zone, programme.policy);
    if (!talk.ok) return { status: 'invalid', errors: { [talkField[talk.error]]: talk.error } };

    const at = this.clock.now().toISOString();
    // the time is taken in every member's calendar before the observation is written: of two
    // schedulings that would overlap for someone, the second to write that calendar is refused
    const slot: CalendarEntry = {
      observationId: moving?.id ?? `observation:${randomUUID()}`,
      pairId,
      startsAt: checked.startsAt.toISOString(),
      endsAt: checked.endsAt.toISOString(),
      at,
      hold: randomUUID(),
    };
    const held = await this.calendars.reserve(pair.memberIds, slot);
    if (held === 'clash') return { status: 'invalid', errors: { startTime: 'schedule.error.overlap' } };
    if (held === 'full') return { status: 'invalid', errors: { date: 'schedule.error.tooMany' } };

    const fields: ScheduledFields = {
      hostId: checked.hostId,
      observerIds: pair.memberIds.filter((m) => m !== checked.hostId),
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      durationMinutes: checked.durationMinutes,
      setting: checked.setting,
      learnerLevel: checked.learnerLevel,
      talk: talk.talk,
      updatedAt: at,
      ttl: this.reads.ttl(programme),
    };
    const observation = moving
      ? await this.move(moving, fields, held, slot)
      : await this.create(by, pair, programmeId, returnOf, slot, fields);
    if (observation === 'raced') return 'raced';
    if (observation === 'notScheduled') return { status: 'notScheduled' };
    await this.plan(observation, programme, pair);
    await this.notices.tellOthers(by, pair, programme, {
      kind: moving ? 'rescheduled' : 'scheduled',
      by: by.id,
      observation,
      names: pair.memberNames,
    });
    return { status: moving ? 'rescheduled' : 'scheduled', observation };
  }

  /** the pair and programme `by` schedules in, and the observation moved: or why there is none */
  private async readRequest(
    by: Person,
    pairId: string,
    programmeId: string,
    movingId: string | undefined,
    returnOf: string | undefined,
  ): Promise<Request | { readonly status: 'forbidden' | 'missing' | 'notScheduled' }> {
    const ctx = await this.reads.context(pairId, programmeId);
    if (!ctx) return { status: 'missing' };
    if (!ctx.pair.memberIds.includes(by.id)) return { status: 'forbidden' };
    const moving = movingId ? (await this.repos.cycles.observations.read(movingId, pairId))?.doc : undefined;
    if (movingId && !moving) return { status: 'missing' };
    if (moving && moving.status !== 'scheduled') return { status: 'notScheduled' };
    // a return visit names one of this pair's observations: an id from a card cannot point into another pair
    if (returnOf && !(await this.repos.cycles.observations.read(returnOf, pairId)))
      return { status: 'missing' };
    return { ...ctx, moving };
  }

  private async create(
    by: Person,
    pair: Pair,
    programmeId: string,
    returnOf: string | undefined,
    slot: CalendarEntry,
    fields: ScheduledFields,
  ): Promise<Observation> {
    const observation: Observation = {
      type: 'observation',
      id: slot.observationId,
      pairId: slot.pairId,
      programmeId,
      memberIds: pair.memberIds,
      status: 'scheduled',
      revision: 1,
      scheduledBy: by.id,
      ...(returnOf ? { returnOf } : {}),
      createdAt: fields.updatedAt,
      ...fields,
    };
    await this.repos.cycles.observations.create(observation);
    return observation;
  }

  /**
   * Moves the observation, only from the revision whose time was just reserved: a move racing another
   * move would otherwise leave the calendars saying one time and the observation another. A move that
   * lost gives its reservation back.
   */
  private async move(
    moving: Observation,
    fields: ScheduledFields,
    held: readonly Held[],
    slot: CalendarEntry,
  ): Promise<Observation | 'raced' | 'notScheduled'> {
    const result = await mutate<Observation>(this.repos.cycles.observations, moving.id, slot.pairId, (o) =>
      o && o.status === 'scheduled' && o.revision === moving.revision
        ? { ...o, ...fields, revision: o.revision + 1 }
        : undefined,
    );
    if (result.changed) return result.doc!;
    await this.calendars.release(held, slot);
    return result.doc?.status === 'scheduled' ? 'raced' : 'notScheduled';
  }

  /** plans (or re-plans) the before- and after-prompts of an observation, per recipient and time zone */
  private async plan(o: Observation, programme: Programme, pair: Pair): Promise<void> {
    const now = this.clock.now();
    const scale = this.reads.scale;
    for (const r of recipients(o)) {
      const person = await this.people.get(r.personId);
      const zone = this.reads.zoneOf(person, programme);
      const before = beforePromptAt(new Date(o.startsAt), zone, programme.policy, now, scale);
      const usualAfter = afterPromptAt(new Date(o.endsAt), zone, programme.policy, scale);
      const after = afterCardAt(usualAfter, new Date(o.endsAt), o.talk);
      for (const [kind, sendAt] of [
        [r.before, before],
        [r.after, after],
      ] as const) {
        await this.planPrompt(o, kind, r.personId, sendAt, pair, programme);
      }
    }
    // a former host or observer whose role changed on reschedule keeps no stale prompt; a new
    // observation (revision 1) has no earlier prompts, so scheduling one needs no query for them
    if (o.revision === 1) return;
    const current = new Set(
      recipients(o).flatMap((r) => [
        promptId(o.id, r.before, r.personId),
        promptId(o.id, r.after, r.personId),
      ]),
    );
    const others = o.memberIds
      .flatMap((m) => plannedKinds.map((k) => promptId(o.id, k, m)))
      .filter((id) => !current.has(id));
    for (const p of await this.readPrompts(o.pairId, others))
      await this.cards.withdraw(p, o, pair, programme);
  }

  private async planPrompt(
    o: Observation,
    kind: PromptKind,
    personId: string,
    sendAt: Date | undefined,
    pair: Pair,
    programme: Programme,
  ): Promise<void> {
    const id = promptId(o.id, kind, personId);
    const result = await mutate<Prompt>(this.repos.cycles.prompts, id, o.pairId, (current) => {
      // an answered prompt keeps its answers; a card already out stays answerable (it is refreshed below)
      if (current && (current.status === 'answered' || current.status === 'sent')) {
        return current.revision === o.revision ? undefined : { ...current, revision: o.revision };
      }
      if (!sendAt) {
        return current && current.status !== 'withdrawn'
          ? { ...current, status: 'withdrawn', revision: o.revision }
          : undefined;
      }
      return {
        type: 'prompt',
        id,
        pairId: o.pairId,
        programmeId: o.programmeId,
        observationId: o.id,
        kind,
        personId,
        status: 'scheduled',
        revision: o.revision,
        sendAt: sendAt.toISOString(),
        ttl: this.reads.ttl(programme),
      };
    });
    const prompt = result.doc;
    if (!prompt) return;
    if (prompt.status === 'scheduled') {
      await this.work.put({
        id: `send:${id}`,
        kind: jobKinds.send,
        dueAt: new Date(prompt.sendAt),
        payload: { pairId: o.pairId, promptId: id },
      });
    } else if (prompt.status === 'sent' && result.changed) {
      await this.cards.refresh(prompt, o, pair, programme);
    }
  }

  /** the prompts stored under these ids (point reads: the ids of an observation's prompts are known) */
  private async readPrompts(pairId: string, ids: readonly string[]): Promise<Prompt[]> {
    const found = await Promise.all(ids.map((id) => this.repos.cycles.prompts.read(id, pairId)));
    return found.flatMap((f) => (f ? [f.doc] : []));
  }

  /** every prompt an observation may have: before and after for each member, a follow-up per action point */
  private async promptsOf(o: Observation): Promise<Prompt[]> {
    const summary = await this.repos.cycles.summaries.read(summaryId(o.id), o.pairId);
    return this.readPrompts(o.pairId, [
      ...o.memberIds.flatMap((m) => plannedKinds.map((k) => promptId(o.id, k, m))),
      ...followUpIds(o.id, summary?.doc.actionPoints ?? {}).map((f) => f.id),
    ]);
  }

  /**
   * Cancels (or records as not having happened) an observation, withdrawing its pending prompts.
   * Once its start has passed it can no longer be cancelled, only recorded as not having happened:
   * it is part of the programme's figures from then on, and a cancel would quietly take it out.
   */
  async end(
    by: Person,
    pairId: string,
    observationId: string,
    how: 'cancelled' | 'didNotHappen',
  ): Promise<EndOutcome> {
    const found = await this.repos.cycles.observations.read(observationId, pairId);
    if (!found) return { status: 'missing' };
    if (!found.doc.memberIds.includes(by.id)) return { status: 'forbidden' };
    const now = this.clock.now();
    const started = (o: Observation) => hasStarted(o, now);
    const result = await mutate<Observation>(this.repos.cycles.observations, observationId, pairId, (o) =>
      o && o.status === 'scheduled' && !(how === 'cancelled' && started(o))
        ? { ...o, status: how, updatedAt: now.toISOString() }
        : undefined,
    );
    const observation = result.doc!;
    if (!result.changed && observation.status === 'scheduled') return { status: 'started', observation };
    if (!result.changed)
      return {
        status: observation.status === 'didNotHappen' ? 'didNotHappen' : 'cancelled',
        observation,
        repeated: true,
      };
    await this.calendars.unlist(observation);
    const ctx = await this.reads.context(pairId, observation.programmeId);
    if (ctx) {
      for (const p of await this.promptsOf(observation)) {
        if (p.status === 'scheduled' || p.status === 'sent')
          await this.cards.withdraw(p, observation, ctx.pair, ctx.programme);
      }
      await this.notices.tellOthers(by, ctx.pair, ctx.programme, {
        kind: how,
        by: by.id,
        observation,
        names: ctx.pair.memberNames,
      });
    }
    return { status: how, observation, repeated: false };
  }

  /** the person's scheduled observations that have not ended yet, soonest first */
  async upcoming(
    person: Person,
  ): Promise<{ observation: Observation; names: Readonly<Record<string, string>> }[]> {
    const now = this.clock.now();
    const id = calendarId(person.id);
    const entries = upcomingEntries((await this.repos.cycles.calendars.read(id, id))?.doc.entries ?? [], now);
    const found = await Promise.all(
      entries.map((e) => this.repos.cycles.observations.read(e.observationId, e.pairId)),
    );
    // the observation as stored decides (its calendar entry may be a moment behind a move or a cancel)
    const observations = found
      .flatMap((f) => (f ? [f.doc] : []))
      .filter(
        (o) =>
          o.status === 'scheduled' && Date.parse(o.endsAt) > now.getTime() && o.memberIds.includes(person.id),
      )
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const pairs = new Map<string, Pair>();
    for (const o of observations) {
      if (!pairs.has(o.pairId)) {
        const pair = await this.repos.programmes.pairs.read(o.pairId, o.programmeId);
        if (pair) pairs.set(o.pairId, pair.doc);
      }
    }
    return observations.map((observation) => ({
      observation,
      names: pairs.get(observation.pairId)?.memberNames ?? {},
    }));
  }
}
