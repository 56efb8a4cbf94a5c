import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Clock } from '../clock';
import { enrolmentId, Pair } from '../membership';
import { mutate } from '../mutate';
import { Person } from '../people';
import { PeopleService } from '../people-service';
import { Programme } from '../programme';
import { Repositories } from '../repositories';
import {
  afterPromptAt,
  beforePromptAt,
  dayScale,
  deadlineAt,
  followUpAt,
  followUpWeeks,
  isAllowed,
  nextAllowed,
  reminderAt,
  TimingScale,
} from '../timing';
import { CalendarEntry, calendarId, describes, overlaps, upcomingEntries, withEntry } from './calendar';
import { checkSchedule, hasStarted, Observation, ScheduleErrors, ScheduleInput } from './observation';
import { CycleMail, CycleNotice, DueWork, MyData, PostedContent, PromptView, SummaryView } from './ports';
import { Erasure, erasureId, Posted, postedId, Shows } from './posted';
import { isOpen, Prompt, promptId, recipients } from './prompt';
import { findIdentifiers, IdentifierKind, screenFreeText } from '../privacy/identifiers';
import { AnswerErrors, checkAnswers, PromptKind } from './questions';
import { Summary, summaryId } from './summary';
import { clampTtl } from '../ttl';

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

/** each action point of a summary with the id of the follow-up prompt that asks about it */
function followUpIds(
  observationId: string,
  points: Summary['actionPoints'],
): { personId: string; point: string; id: string }[] {
  return Object.entries(points).flatMap(([personId, list]) =>
    list.map((point, i) => ({
      personId,
      point,
      id: `${promptId(observationId, 'followUp', personId)}:${i + 1}`,
    })),
  );
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

const safetyQuestion = 'ah.safety';

/** what a job handler tells the scheduler */
export type WorkOutcome =
  { status: 'done' } | { status: 'retry'; at: Date } | { status: 'failed'; reason: string };

export const jobKinds = {
  send: 'prompt.send',
  remind: 'prompt.remind',
  expire: 'prompt.expire',
  notice: 'cycle.notice',
  summary: 'cycle.summary',
  /** after `delete my data`: every message that showed the person's words, updated in place */
  erase: 'data.erase.messages',
} as const;

export interface CycleOptions {
  /** real days, or minutes for a local demo run */
  readonly scale?: TimingScale;
  /** answers expire this many days after the programme ends (Cosmos DB TTL) */
  readonly retentionDays: number;
  readonly defaultTimeZone: string;
}

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

const afterKinds: readonly PromptKind[] = ['afterHost', 'afterObserver'];
/** the kinds of prompt an observation plans for its members (follow-ups come from action points) */
const plannedKinds: readonly PromptKind[] = ['beforeHost', 'beforeObserver', 'afterHost', 'afterObserver'];
/**
 * How long a calendar entry that does not match its observation is believed: the scheduling that
 * wrote it may still be writing the observation. After that it is a leftover of a scheduling that
 * stopped half-way, and gives way to what the observation says.
 */
const calendarHoldMinutes = 2;
/**
 * Observations a pair may have ahead (not ended yet) at once. Each sits in both members' calendar
 * documents, which every scheduling reads and writes whole, and each brings its peer a notice: a
 * term's worth of planning, far below what would make either grow or flood anyone.
 */
export const maxUpcomingPerPair = 10;
/** a move that loses a race with another move of the same observation starts again, this often */
const scheduleAttempts = 4;

const pausedRetryHours = 6;
const failedRetryMinutes = 5;
const actionPointLength = 500;

/** a reservation in one member's calendar, and the entry it replaced (a move), to put back on failure */
interface Held {
  readonly personId: string;
  readonly previous: CalendarEntry | undefined;
}

/**
 * The observation cycle: schedule, prompt before and after, summarise for the pair, follow up.
 * Every planned send is durable work (DueWork); every state change of a prompt is ETag-guarded, so
 * a double click, a resent activity or two instances racing change a prompt once.
 */
export class CycleService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly people: PeopleService,
    private readonly work: DueWork,
    private readonly mail: CycleMail,
    private readonly options: CycleOptions,
  ) {}

  // ---------------------------------------------------------------- pairs and people

  /** the pairs a person belongs to, with their programmes (point reads only) */
  async pairsOf(person: Person): Promise<{ programme: Programme; pair: Pair }[]> {
    const found = await Promise.all(
      person.programmeIds.map(async (programmeId) => {
        const enrolment = await this.repos.programmes.enrolments.read(enrolmentId(person.id), programmeId);
        if (!enrolment?.doc.pairId) return undefined;
        const [pair, programme] = await Promise.all([
          this.repos.programmes.pairs.read(enrolment.doc.pairId, programmeId),
          this.repos.programmes.programmes.read(programmeId, programmeId),
        ]);
        return pair && programme ? { programme: programme.doc, pair: pair.doc } : undefined;
      }),
    );
    return found.filter((f): f is { programme: Programme; pair: Pair } => f !== undefined);
  }

  private zoneOf(person: Person | undefined, programme: Programme): string {
    return (
      person?.preferences.timeZone ??
      person?.seen.timeZone ??
      programme.timeZone ??
      this.options.defaultTimeZone
    );
  }

  private async context(pairId: string, programmeId: string) {
    const [pair, programme] = await Promise.all([
      this.repos.programmes.pairs.read(pairId, programmeId),
      this.repos.programmes.programmes.read(programmeId, programmeId),
    ]);
    return pair && programme ? { pair: pair.doc, programme: programme.doc } : undefined;
  }

  // ---------------------------------------------------------------- scheduling

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
    const ctx = await this.context(pairId, programmeId);
    if (!ctx) return { status: 'missing' };
    const { pair, programme } = ctx;
    if (!pair.memberIds.includes(by.id)) return { status: 'forbidden' };
    const moving = movingId ? await this.repos.cycles.observations.read(movingId, pairId) : undefined;
    if (movingId && !moving) return { status: 'missing' };
    if (moving && moving.doc.status !== 'scheduled') return { status: 'notScheduled' };
    // a return visit names one of this pair's observations: an id from a card cannot point into another pair
    if (returnOf && !(await this.repos.cycles.observations.read(returnOf, pairId)))
      return { status: 'missing' };

    const checked = checkSchedule(input, {
      zone: this.zoneOf(by, programme),
      now: this.clock.now(),
      programme,
      memberIds: pair.memberIds,
    });
    if (!checked.ok) return { status: 'invalid', errors: checked.errors };

    const at = this.clock.now().toISOString();
    const id = moving?.doc.id ?? `observation:${randomUUID()}`;
    // the time is taken in every member's calendar before the observation is written: of two
    // schedulings that would overlap for someone, the second to write that calendar is refused
    const slot: CalendarEntry = {
      observationId: id,
      pairId,
      startsAt: checked.startsAt.toISOString(),
      endsAt: checked.endsAt.toISOString(),
      at,
      hold: randomUUID(),
    };
    const held = await this.reserve(pair.memberIds, slot);
    if (held === 'clash') return { status: 'invalid', errors: { startTime: 'schedule.error.overlap' } };
    if (held === 'full') return { status: 'invalid', errors: { date: 'schedule.error.tooMany' } };

    const fields = {
      hostId: checked.hostId,
      observerIds: pair.memberIds.filter((m) => m !== checked.hostId),
      startsAt: checked.startsAt.toISOString(),
      endsAt: checked.endsAt.toISOString(),
      durationMinutes: checked.durationMinutes,
      setting: checked.setting,
      learnerLevel: checked.learnerLevel,
      updatedAt: at,
      ttl: this.ttl(programme),
    };
    let observation: Observation;
    if (moving) {
      // only from the revision whose time was just reserved: a move racing another move would
      // otherwise leave the calendars saying one time and the observation another
      const result = await mutate<Observation>(this.repos.cycles.observations, id, pairId, (o) =>
        o && o.status === 'scheduled' && o.revision === moving.doc.revision
          ? { ...o, ...fields, revision: o.revision + 1 }
          : undefined,
      );
      if (!result.changed) {
        await this.release(held, slot);
        return result.doc?.status === 'scheduled' ? 'raced' : { status: 'notScheduled' };
      }
      observation = result.doc!;
    } else {
      observation = {
        type: 'observation',
        id,
        pairId,
        programmeId,
        memberIds: pair.memberIds,
        status: 'scheduled',
        revision: 1,
        scheduledBy: by.id,
        ...(returnOf ? { returnOf } : {}),
        createdAt: at,
        ...fields,
      };
      await this.repos.cycles.observations.create(observation);
    }
    await this.plan(observation, programme, pair);
    await this.tellOthers(by, pair, programme, {
      kind: moving ? 'rescheduled' : 'scheduled',
      by: by.id,
      observation,
      names: pair.memberNames,
    });
    return { status: moving ? 'rescheduled' : 'scheduled', observation };
  }

  /** plans (or re-plans) the before- and after-prompts of an observation, per recipient and time zone */
  private async plan(o: Observation, programme: Programme, pair: Pair): Promise<void> {
    const now = this.clock.now();
    for (const r of recipients(o)) {
      const person = await this.people.get(r.personId);
      const zone = this.zoneOf(person, programme);
      const before = beforePromptAt(new Date(o.startsAt), zone, programme.policy, now, this.options.scale);
      const after = afterPromptAt(new Date(o.endsAt), zone, programme.policy, this.options.scale);
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
    for (const p of await this.readPrompts(o.pairId, others)) await this.withdraw(p, o, pair, programme);
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

  // ---------------------------------------------------------------- calendars

  /**
   * Takes the slot in each member's calendar, one after another in a fixed order, under ETags: two
   * schedulings racing for one person's time both write that calendar, and the second sees the
   * first's entry. So the pair's limit of observations ahead is counted there too: two racing for
   * the last place cannot both have it. On a clash or a full calendar the ones already written are
   * put back.
   */
  private async reserve(
    memberIds: readonly string[],
    slot: CalendarEntry,
  ): Promise<Held[] | 'clash' | 'full'> {
    const held: Held[] = [];
    for (const personId of [...memberIds].sort()) {
      const outcome = await this.reserveFor(personId, slot);
      if (outcome === 'clash' || outcome === 'full') {
        await this.release(held, slot);
        return outcome;
      }
      held.push(outcome);
    }
    return held;
  }

  private async reserveFor(personId: string, slot: CalendarEntry): Promise<Held | 'clash' | 'full'> {
    const id = calendarId(personId);
    const known = await this.repos.cycles.calendars.read(id, id);
    const now = this.clock.now();
    const repairs = await this.repairs(
      (known?.doc.entries ?? []).filter((e) => e.observationId !== slot.observationId && overlaps(e, slot)),
      now,
    );
    let clash = false;
    let full = false;
    let previous: CalendarEntry | undefined;
    await mutate(
      this.repos.cycles.calendars,
      id,
      id,
      (cur) => {
        const entries = (cur?.entries ?? []).flatMap((e) =>
          repairs.has(e.hold) ? (repairs.get(e.hold) ?? []) : [e],
        );
        const others = entries.filter((e) => e.observationId !== slot.observationId);
        clash = others.some((e) => overlaps(e, slot));
        previous = entries.find((e) => e.observationId === slot.observationId);
        // a move keeps its place; a new observation needs one of the pair's places still free
        full =
          !previous &&
          upcomingEntries(others, now).filter((e) => e.pairId === slot.pairId).length >= maxUpcomingPerPair;
        return clash || full
          ? undefined
          : withEntry(personId, cur && { ...cur, entries }, slot, slot.observationId, now);
      },
      undefined,
      known,
    );
    return clash ? 'clash' : full ? 'full' : { personId, previous };
  }

  /**
   * What to do about entries in the way that are older than the hold and no longer say what their
   * observation says (a scheduling stopped between its two writes): by hold, the entry as the
   * observation has it, or undefined to drop it. A point read per such entry; usually there is none.
   */
  private async repairs(
    entries: readonly CalendarEntry[],
    now: Date,
  ): Promise<Map<string, CalendarEntry | undefined>> {
    const out = new Map<string, CalendarEntry | undefined>();
    const old = entries.filter((e) => now.getTime() - Date.parse(e.at) >= calendarHoldMinutes * 60_000);
    for (const e of old) {
      const o = (await this.repos.cycles.observations.read(e.observationId, e.pairId))?.doc;
      if (describes(e, o)) continue;
      out.set(
        e.hold,
        o?.status === 'scheduled' ? { ...e, startsAt: o.startsAt, endsAt: o.endsAt } : undefined,
      );
    }
    return out;
  }

  /** undoes a reservation where it is still this scheduling's own (a later one may have replaced it) */
  private async release(held: readonly Held[], slot: CalendarEntry): Promise<void> {
    await Promise.all(
      held.map(({ personId, previous }) => {
        const id = calendarId(personId);
        return mutate(this.repos.cycles.calendars, id, id, (cur) =>
          cur?.entries.some((e) => e.hold === slot.hold)
            ? withEntry(personId, cur, previous, slot.observationId, this.clock.now())
            : undefined,
        );
      }),
    );
  }

  /** takes an observation that will no longer happen out of its members' calendars */
  private async unlist(o: Observation): Promise<void> {
    await Promise.all(
      o.memberIds.map((personId) => {
        const id = calendarId(personId);
        return mutate(this.repos.cycles.calendars, id, id, (cur) =>
          cur?.entries.some((e) => e.observationId === o.id)
            ? withEntry(personId, cur, undefined, o.id, this.clock.now())
            : undefined,
        );
      }),
    );
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
        ttl: this.ttl(programme),
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
      await this.refreshCard(prompt, o, pair, programme);
    }
  }

  /**
   * Tells the other members what one of them did — now, or at their next allowed moment if it is
   * their quiet hours or day off (a change made at 3 a.m. in one zone waits for the morning in another).
   */
  private async tellOthers(
    by: Person,
    pair: Pair,
    programme: Programme,
    notice: Extract<CycleNotice, { by: string }>,
  ): Promise<void> {
    for (const id of pair.memberIds.filter((m) => m !== by.id)) {
      const person = await this.people.get(id);
      if (!person?.reach) continue;
      const later = this.deferral(person, programme);
      if (!later) {
        await this.mail.notify(person, notice);
        continue;
      }
      const o = notice.observation;
      await this.work.put({
        id: `notice:${o.id.replace(/^observation:/, '')}:${o.revision}:${notice.kind}:${id}`,
        kind: jobKinds.notice,
        dueAt: later,
        payload: { pairId: o.pairId, observationId: o.id, to: id, notice: notice.kind, by: notice.by },
      });
    }
  }

  /** undefined when now is an allowed moment for this person; otherwise their next allowed moment */
  private deferral(person: Person, programme: Programme): Date | undefined {
    if (this.options.scale?.unit === 'minutes') return undefined;
    const now = this.clock.now();
    const zone = this.zoneOf(person, programme);
    return isAllowed(now, zone, programme.policy) ? undefined : nextAllowed(now, zone, programme.policy);
  }

  /** a deferred notice, at its recipient's allowed moment; a scheduling notice the events overtook is dropped */
  async sendNotice(payload: Readonly<Record<string, string>>): Promise<WorkOutcome> {
    const o = (await this.repos.cycles.observations.read(payload.observationId ?? '', payload.pairId ?? ''))
      ?.doc;
    const person = await this.people.get(payload.to ?? '');
    const kind = payload.notice as Extract<CycleNotice, { by: string }>['kind'];
    if (!o || !person?.reach) return { status: 'done' };
    if ((kind === 'scheduled' || kind === 'rescheduled') && o.status !== 'scheduled')
      return { status: 'done' };
    const pair = (await this.repos.programmes.pairs.read(o.pairId, o.programmeId))?.doc;
    const outcome = await this.mail.notify(person, {
      kind,
      by: payload.by ?? '',
      observation: o,
      names: pair?.memberNames ?? {},
    });
    return outcome.status === 'failed'
      ? {
          status: 'retry',
          at: DateTime.fromJSDate(this.clock.now()).plus({ minutes: failedRetryMinutes }).toJSDate(),
        }
      : { status: 'done' };
  }

  /** a deferred summary, at its recipient's allowed moment */
  async sendSummary(payload: Readonly<Record<string, string>>): Promise<WorkOutcome> {
    const person = await this.people.get(payload.to ?? '');
    if (!person?.reach) return { status: 'done' };
    const view = await this.summaryFor(person, payload.pairId ?? '', payload.observationId ?? '');
    if (!view) return { status: 'done' };
    const outcome = await this.mail.sendSummary(person, view);
    await this.recordSent(person, outcome, {
      source: { kind: 'summary', observationId: view.observation.id },
      personIds: view.observation.memberIds,
      pairs: [{ pairId: view.observation.pairId, programmeId: view.observation.programmeId }],
    });
    return outcome.status === 'failed'
      ? {
          status: 'retry',
          at: DateTime.fromJSDate(this.clock.now()).plus({ minutes: failedRetryMinutes }).toJSDate(),
        }
      : { status: 'done' };
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
    await this.unlist(observation);
    const ctx = await this.context(pairId, observation.programmeId);
    if (ctx) {
      for (const p of await this.promptsOf(observation)) {
        if (p.status === 'scheduled' || p.status === 'sent')
          await this.withdraw(p, observation, ctx.pair, ctx.programme);
      }
      await this.tellOthers(by, ctx.pair, ctx.programme, {
        kind: how,
        by: by.id,
        observation,
        names: ctx.pair.memberNames,
      });
    }
    return { status: how, observation, repeated: false };
  }

  private async withdraw(p: Prompt, o: Observation, pair: Pair, programme: Programme): Promise<void> {
    const result = await mutate<Prompt>(this.repos.cycles.prompts, p.id, p.pairId, (cur) =>
      cur && (cur.status === 'scheduled' || cur.status === 'sent')
        ? { ...cur, status: 'withdrawn' }
        : undefined,
    );
    await Promise.all([`send:${p.id}`, `remind:${p.id}`, `expire:${p.id}`].map((id) => this.work.cancel(id)));
    if (result.changed && result.before?.status === 'sent')
      await this.refreshCard(result.doc!, o, pair, programme);
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

  // ---------------------------------------------------------------- what the cards show

  private async view(
    p: Prompt,
    o: Observation,
    pair: Pair,
    programme: Programme,
    extra: Partial<PromptView> = {},
  ): Promise<PromptView> {
    let hostFocus: string | undefined;
    if (p.kind === 'beforeObserver' || p.kind === 'afterObserver') {
      const hostBefore = await this.repos.cycles.prompts.read(
        promptId(o.id, 'beforeHost', o.hostId),
        o.pairId,
      );
      hostFocus = hostBefore?.doc.status === 'answered' ? hostBefore.doc.answers?.['bh.focus'] : undefined;
    }
    return { observation: o, programmeName: programme.name, names: pair.memberNames, hostFocus, ...extra };
  }

  private async refreshCard(p: Prompt, o: Observation, pair: Pair, programme: Programme): Promise<void> {
    const person = await this.people.get(p.personId);
    if (person?.reach && p.activityId)
      await this.mail.updatePrompt(person, p, await this.view(p, o, pair, programme));
  }

  private async load(pairId: string, id: string) {
    const prompt = await this.repos.cycles.prompts.read(id, pairId);
    if (!prompt) return undefined;
    const observation = await this.repos.cycles.observations.read(prompt.doc.observationId, pairId);
    if (!observation) return undefined;
    const ctx = await this.context(pairId, observation.doc.programmeId);
    if (!ctx) return undefined;
    return { prompt: prompt.doc, promptEtag: prompt.etag, observation: observation.doc, ...ctx };
  }

  // ---------------------------------------------------------------- due work

  /** the scheduler's handlers, by job kind */
  handlers(): Record<string, (payload: Readonly<Record<string, string>>) => Promise<WorkOutcome>> {
    return {
      [jobKinds.send]: (p) => this.sendPrompt(p.pairId ?? '', p.promptId ?? ''),
      [jobKinds.remind]: (p) => this.remind(p.pairId ?? '', p.promptId ?? ''),
      [jobKinds.expire]: (p) => this.expire(p.pairId ?? '', p.promptId ?? ''),
      [jobKinds.notice]: (p) => this.sendNotice(p),
      [jobKinds.summary]: (p) => this.sendSummary(p),
      [jobKinds.erase]: (p) => this.finishErasure(p.personId ?? ''),
    };
  }

  async sendPrompt(pairId: string, id: string): Promise<WorkOutcome> {
    const loaded = await this.load(pairId, id);
    if (loaded?.prompt.status === 'sent' && loaded.prompt.sentAt && loaded.prompt.expiresAt) {
      // this job ran before and recorded the send, but stopped (crashed, lost its lease) before it
      // planned what follows: plan it now from the recorded times, or the card stays open for ever
      const person = await this.people.get(loaded.prompt.personId);
      await this.planAfterSend(
        loaded.prompt,
        new Date(loaded.prompt.sentAt),
        new Date(loaded.prompt.expiresAt),
        this.zoneOf(person, loaded.programme),
        loaded.programme,
      );
      return { status: 'done' };
    }
    if (!loaded || loaded.prompt.status !== 'scheduled') return { status: 'done' };
    const { prompt, observation, pair, programme } = loaded;
    const now = this.clock.now();
    if (prompt.kind !== 'followUp' && observation.status !== 'scheduled') {
      await this.withdraw(prompt, observation, pair, programme);
      return { status: 'done' };
    }
    const person = await this.people.get(prompt.personId);
    if (person?.paused) {
      // no prompts while paused; a before-prompt that would now come too late is dropped
      if (prompt.kind.startsWith('before') && now.getTime() >= Date.parse(observation.startsAt)) {
        await this.withdraw(prompt, observation, pair, programme);
        return { status: 'done' };
      }
      return { status: 'retry', at: DateTime.fromJSDate(now).plus({ hours: pausedRetryHours }).toJSDate() };
    }
    if (!person?.reach) return this.unreachable(prompt, observation, pair);
    const zone = this.zoneOf(person, programme);
    if (this.options.scale?.unit !== 'minutes' && !isAllowed(now, zone, programme.policy)) {
      // a send that runs late (a retry, a restart after downtime) still waits for their morning;
      // a before-prompt that would then come after the observation has started is not sent at all
      const morning = nextAllowed(now, zone, programme.policy);
      if (prompt.kind.startsWith('before') && morning.getTime() >= Date.parse(observation.startsAt)) {
        await this.withdraw(prompt, observation, pair, programme);
        return { status: 'done' };
      }
      return { status: 'retry', at: morning };
    }
    const expiresAt = deadlineAt(now, zone, programme.policy, this.options.scale);
    // the card goes out open: it shows the prompt as it will be once sent
    const outgoing: Prompt = { ...prompt, status: 'sent' };
    const outcome = await this.mail.sendPrompt(
      person,
      outgoing,
      await this.view(outgoing, observation, pair, programme),
    );
    if (outcome.status === 'unreachable') return this.unreachable(prompt, observation, pair);
    if (outcome.status === 'failed') {
      return {
        status: 'retry',
        at: DateTime.fromJSDate(now).plus({ minutes: failedRetryMinutes }).toJSDate(),
      };
    }
    const sent = await mutate<Prompt>(this.repos.cycles.prompts, id, pairId, (cur) =>
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
    // an observer's card shows the host's focus; a follow-up quotes the writer's own action point
    const shows =
      prompt.kind === 'followUp'
        ? [prompt.personId]
        : prompt.kind === 'beforeObserver' || prompt.kind === 'afterObserver'
          ? [observation.hostId]
          : [];
    if (shows.length > 0)
      await this.recordSent(
        person,
        outcome,
        {
          source: { kind: 'prompt', promptId: id },
          personIds: shows,
          pairs: [{ pairId, programmeId: observation.programmeId }],
        },
        programme,
      );
    if (sent.changed) await this.planAfterSend(prompt, now, expiresAt, zone, programme);
    return { status: 'done' };
  }

  /** the reminder and the expiry of a prompt sent at `sentAt` (idempotent: the job ids are fixed) */
  private async planAfterSend(
    prompt: Prompt,
    sentAt: Date,
    expiresAt: Date,
    zone: string,
    programme: Programme,
  ): Promise<void> {
    const payload = { pairId: prompt.pairId, promptId: prompt.id };
    const remindAt = reminderAt(sentAt, zone, programme.policy, this.options.scale);
    if (remindAt < expiresAt) {
      await this.work.put({ id: `remind:${prompt.id}`, kind: jobKinds.remind, dueAt: remindAt, payload });
    }
    await this.work.put({ id: `expire:${prompt.id}`, kind: jobKinds.expire, dueAt: expiresAt, payload });
  }

  private async unreachable(prompt: Prompt, observation: Observation, pair: Pair): Promise<WorkOutcome> {
    const result = await mutate<Prompt>(this.repos.cycles.prompts, prompt.id, prompt.pairId, (cur) =>
      cur && cur.status === 'scheduled' ? { ...cur, status: 'unreachable' } : undefined,
    );
    if (result.changed) {
      // their peer hears it from us rather than waiting: talk in person
      for (const id of pair.memberIds.filter((m) => m !== prompt.personId)) {
        const peer = await this.people.get(id);
        if (peer?.reach) {
          await this.mail.notify(peer, {
            kind: 'peerUnreachable',
            peerName: pair.memberNames[prompt.personId] ?? '',
            observation,
          });
        }
      }
      if (afterKinds.includes(prompt.kind)) await this.maybeSummarise(prompt.pairId, observation.id, false);
    }
    return { status: 'done' };
  }

  async remind(pairId: string, id: string): Promise<WorkOutcome> {
    const loaded = await this.load(pairId, id);
    if (!loaded || !isOpen(loaded.prompt) || loaded.prompt.remindedAt) return { status: 'done' };
    const person = await this.people.get(loaded.prompt.personId);
    if (!person?.reach || person.paused) return { status: 'done' };
    const outcome = await this.mail.notify(person, {
      kind: 'reminder',
      prompt: loaded.prompt,
      observation: loaded.observation,
    });
    if (outcome.status === 'failed') {
      return {
        status: 'retry',
        at: DateTime.fromJSDate(this.clock.now()).plus({ minutes: failedRetryMinutes }).toJSDate(),
      };
    }
    await mutate<Prompt>(this.repos.cycles.prompts, id, pairId, (cur) =>
      cur && isOpen(cur) && !cur.remindedAt
        ? { ...cur, remindedAt: this.clock.now().toISOString() }
        : undefined,
    );
    return { status: 'done' };
  }

  async expire(pairId: string, id: string): Promise<WorkOutcome> {
    const loaded = await this.load(pairId, id);
    if (!loaded) return { status: 'done' };
    const result = await mutate<Prompt>(this.repos.cycles.prompts, id, pairId, (cur) =>
      cur && isOpen(cur) ? { ...cur, status: 'expired' } : undefined,
    );
    if (!result.changed) return { status: 'done' };
    await this.work.cancel(`remind:${id}`);
    await this.refreshCard(result.doc!, loaded.observation, loaded.pair, loaded.programme);
    if (afterKinds.includes(loaded.prompt.kind))
      await this.maybeSummarise(pairId, loaded.observation.id, true);
    return { status: 'done' };
  }

  /**
   * A prompt card as it stands now, for the person it was sent to (Teams asks again whenever the card
   * is shown): answered, expired or withdrawn since, or still open. Anyone else gets nothing — the
   * observer's card shows the host's focus.
   */
  async promptFor(
    by: Person,
    pairId: string,
    id: string,
  ): Promise<{ readonly prompt: Prompt; readonly view: PromptView } | 'forbidden' | undefined> {
    const loaded = await this.load(pairId, id);
    if (!loaded) return undefined;
    if (loaded.prompt.personId !== by.id) return 'forbidden';
    const { prompt, observation, pair, programme } = loaded;
    return { prompt, view: await this.view(prompt, observation, pair, programme) };
  }

  // ---------------------------------------------------------------- answers

  /**
   * Someone submits a prompt card. Only the person it was sent to may answer, checked against the
   * authenticated sender; a second submission (double click, resent activity) changes nothing.
   */
  async answer(
    by: Person,
    pairId: string,
    id: string,
    typed: Readonly<Record<string, string>>,
  ): Promise<AnswerOutcome> {
    const loaded = await this.load(pairId, id);
    if (!loaded) return { status: 'missing' };
    const { prompt, promptEtag, observation, pair, programme } = loaded;
    if (prompt.personId !== by.id) return { status: 'forbidden' };
    const view = (p: Prompt, extra: Partial<PromptView> = {}) =>
      this.view(p, observation, pair, programme, extra);
    if (prompt.status === 'answered') return { status: 'repeated', prompt, view: await view(prompt) };
    if (prompt.status === 'expired' || prompt.status === 'withdrawn')
      return { status: prompt.status, prompt, view: await view(prompt, { typed }) };
    if (prompt.status !== 'sent') return { status: 'notYet', prompt, view: await view(prompt, { typed }) };

    // checked and stored in one form: an invisible character cannot split an identifier past the check
    const checked = checkAnswers(prompt.kind, normalisedAnswers(typed));
    if (!checked.ok) {
      const errors = Object.fromEntries(
        Object.entries(checked.errors).map(([q, e]) => [q, `prompt.error.${e}`]),
      );
      return {
        status: 'invalid',
        prompt,
        errors: checked.errors,
        view: await view(prompt, { typed, errors }),
      };
    }
    // identifiers (personnummer, dates of birth, phone numbers, e-mail, record numbers) are never
    // stored: the writer sees what was found, masked, and rephrases — everything typed stays in the card
    const found = identifiersIn(checked.answers, this.clock.now());
    if (Object.keys(found.errors).length > 0) {
      return {
        status: 'invalid',
        prompt,
        errors: Object.fromEntries(Object.keys(found.errors).map((q) => [q, 'invalid' as const])),
        view: await view(prompt, { typed, errors: found.errors, found: found.shown }),
      };
    }
    const now = this.clock.now();
    const result = await mutate<Prompt>(
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
              ttl: this.ttl(programme),
            }
          : undefined,
      undefined,
      // read by load() a moment ago: a card submission is the busiest turn, so no second read
      { doc: prompt, etag: promptEtag },
    );
    const stored = result.doc!;
    if (!result.changed) {
      return stored.status === 'answered'
        ? { status: 'repeated', prompt: stored, view: await view(stored) }
        : {
            status: stored.status === 'withdrawn' ? 'withdrawn' : 'expired',
            prompt: stored,
            view: await view(stored, { typed }),
          };
    }
    // the reminder and expiry jobs are left to run: both find the prompt answered and do nothing.
    // Cancelling them here cost six store requests on the busiest turn; running them costs the
    // scheduler two cheap ticks later, off anyone's wait.
    if (prompt.kind === 'beforeHost') {
      // the observer's before-card shows the host's focus as soon as it is given
      for (const observerId of observation.observerIds) {
        const theirs = await this.repos.cycles.prompts.read(
          promptId(observation.id, 'beforeObserver', observerId),
          pairId,
        );
        if (theirs && isOpen(theirs.doc)) await this.refreshCard(theirs.doc, observation, pair, programme);
      }
    }
    if (afterKinds.includes(prompt.kind))
      await this.maybeSummarise(pairId, observation.id, false, {
        observation,
        pair,
        programme,
        written: stored,
      });
    return { status: 'answered', prompt: stored, view: await view(stored) };
  }

  /**
   * Seconds until a pair's document expires: retention after the programme's last day. Cosmos DB
   * counts a ttl from a document's last write, so a later write can only move expiry later, never
   * earlier than promised.
   */
  private ttl(programme: Programme): number {
    const end = DateTime.fromISO(programme.endDate, { zone: programme.timeZone })
      .endOf('day')
      .plus({ days: this.options.retentionDays });
    return clampTtl((end.toMillis() - this.clock.now().getTime()) / 1000);
  }

  // ---------------------------------------------------------------- summary

  /**
   * Sends the summary once both sides have answered — or at the deadline with what exists. Nobody
   * sees the other's answers before: the summary is the first place they meet. A summary document
   * created under a fixed id makes sure it goes out once, whichever instance gets there first.
   */
  async maybeSummarise(
    pairId: string,
    observationId: string,
    atDeadline: boolean,
    /**
     * what an answer has just read and written (its observation, pair and programme, and the prompt
     * it stored), so that the busiest turn does not read them again
     */
    known?: { observation: Observation; pair: Pair; programme: Programme; written: Prompt },
  ): Promise<boolean> {
    const observation = known
      ? known.observation
      : (await this.repos.cycles.observations.read(observationId, pairId))?.doc;
    if (!observation) return false;
    const prompts = await this.afterPrompts(observation, known?.written);
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
    const ctx = known ?? (await this.context(pairId, observation.programmeId));
    if (!ctx) return false;
    const created = await this.repos.cycles.summaries.create({
      type: 'summary',
      id: summaryId(observationId),
      pairId,
      observationId,
      complete: allAnswered,
      sentAt: this.clock.now().toISOString(),
      actionPoints: {},
      ttl: this.ttl(ctx.programme),
    });
    if (created === 'exists') return false;
    const view = this.summaryView(observation, ctx.programme, ctx.pair, prompts);
    for (const id of ctx.pair.memberIds) {
      const person = await this.people.get(id);
      if (!person?.reach) continue;
      const later = this.deferral(person, ctx.programme);
      if (!later) {
        const outcome = await this.mail.sendSummary(person, view);
        await this.recordSent(
          person,
          outcome,
          {
            source: { kind: 'summary', observationId },
            personIds: observation.memberIds,
            pairs: [{ pairId, programmeId: observation.programmeId }],
          },
          ctx.programme,
        );
      } else {
        await this.work.put({
          id: `summary:${observationId.replace(/^observation:/, '')}:${id}`,
          kind: jobKinds.summary,
          dueAt: later,
          payload: { pairId, observationId, to: id },
        });
      }
    }
    return true;
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
    const observation = (await this.repos.cycles.observations.read(observationId, pairId))?.doc;
    if (!observation || !observation.memberIds.includes(by.id)) return undefined;
    const summary = await this.repos.cycles.summaries.read(summaryId(observationId), pairId);
    const ctx = await this.context(pairId, observation.programmeId);
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
    const prompts = await Promise.all(entries.map((e) => this.repos.cycles.prompts.read(e.id, o.pairId)));
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

  /** the after-prompts of an observation, by their known ids: point reads, no query on the answer path */
  /** the observation's after-prompts; `written` is one of them as this turn has just stored it */
  private async afterPrompts(o: Observation, written?: Prompt): Promise<Prompt[]> {
    const found = await Promise.all(
      recipients(o).map(async (r) => {
        const id = promptId(o.id, r.after, r.personId);
        return id === written?.id ? written : (await this.repos.cycles.prompts.read(id, o.pairId))?.doc;
      }),
    );
    return found.filter((f) => f !== undefined);
  }

  /** a person's past summaries across their pairs, newest first */
  async history(person: Person): Promise<SummaryView[]> {
    const out: SummaryView[] = [];
    for (const { pair } of await this.pairsOf(person)) {
      for (const s of await this.repos.cycles.summariesOf(pair.id)) {
        const view = await this.summaryFor(person, pair.id, s.observationId);
        if (view) out.push(view);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- a person's own data

  /** everything this person wrote: their answers (with the observation they belong to) and action points */
  async myData(person: Person): Promise<MyData> {
    const prompts = (await this.repos.cycles.answeredBy(person.id)).filter(
      (p) => Object.keys(p.answers ?? {}).length > 0,
    );
    const pairs = new Map<string, Promise<Pair | undefined>>();
    const pairOf = (prompt: Prompt) => {
      if (!pairs.has(prompt.pairId))
        pairs.set(
          prompt.pairId,
          this.repos.programmes.pairs.read(prompt.pairId, prompt.programmeId).then((r) => r?.doc),
        );
      return pairs.get(prompt.pairId)!;
    };
    const answers = await Promise.all(
      prompts.map(async (prompt) => {
        const [observation, pair] = await Promise.all([
          this.repos.cycles.observations.read(prompt.observationId, prompt.pairId).then((r) => r?.doc),
          pairOf(prompt),
        ]);
        return { prompt, observation, hostName: observation && pair?.memberNames[observation.hostId] };
      }),
    );
    const actionPoints: MyData['actionPoints'][number][] = [];
    for (const { pair } of await this.pairsOf(person)) {
      for (const s of await this.repos.cycles.summariesOf(pair.id)) {
        for (const point of s.actionPoints[person.id] ?? [])
          actionPoints.push({
            observationId: s.observationId,
            pairId: pair.id,
            programmeId: pair.programmeId,
            point,
          });
      }
    }
    return { answers, actionPoints };
  }

  /**
   * Removes everything this person wrote, everywhere: their answers (and safety ratings) and their
   * action points in the pair's summaries, with the follow-ups that would quote them. Their peer's
   * own words stay. What remains is each prompt's state and times, so participation counts stay as
   * anonymous aggregates. Then a durable job updates every message posted that showed their words
   * (see finishErasure); `card`, the message confirming it, is updated with the result.
   */
  async eraseContentOf(
    person: Person,
    card?: Erasure['card'],
  ): Promise<{ answers: number; actionPoints: number }> {
    const at = this.clock.now().toISOString();
    let answers = 0;
    for (const p of await this.repos.cycles.answeredBy(person.id)) {
      const result = await mutate<Prompt>(this.repos.cycles.prompts, p.id, p.pairId, (cur) => {
        if (!cur || cur.personId !== person.id || cur.erasedAt) return undefined;
        const { safetyRating: _r, actionPoint: _a, ...rest } = cur;
        return { ...rest, answers: {}, erasedAt: at };
      });
      if (result.changed) answers++;
    }
    let actionPoints = 0;
    for (const { pair } of await this.pairsOf(person)) {
      for (const s of await this.repos.cycles.summariesOf(pair.id)) {
        const result = await mutate<Summary>(this.repos.cycles.summaries, s.id, s.pairId, (cur) => {
          if (!cur?.actionPoints[person.id]) return undefined;
          const { [person.id]: _removed, ...rest } = cur.actionPoints;
          return { ...cur, actionPoints: rest };
        });
        const removed = result.changed ? (result.before?.actionPoints[person.id] ?? []) : [];
        actionPoints += removed.length;
        for (let i = 1; i <= removed.length; i++) {
          const id = `${promptId(s.observationId, 'followUp', person.id)}:${i}`;
          await this.work.cancel(`send:${id}`);
          await mutate<Prompt>(this.repos.cycles.prompts, id, s.pairId, (cur) => {
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
    await this.planMessageUpdates(person, { answers, actionPoints }, card);
    return { answers, actionPoints };
  }

  // ---------------------------------------------------------------- messages that show someone's words

  /**
   * Records a message just posted to `viewer` that shows what `shows.personIds` wrote, in each pair's
   * partition, so that erasing those words can reach it. Ids only.
   */
  async recordPosted(
    viewer: Person,
    conversationId: string,
    activityId: string,
    shows: Shows,
    /** the programme the caller already holds: a send in progress need not read it again */
    known?: Programme,
  ): Promise<void> {
    const id = postedId(conversationId, activityId);
    const done = new Set<string>();
    for (const { pairId, programmeId } of shows.pairs) {
      if (done.has(pairId)) continue;
      done.add(pairId);
      const programme =
        known?.id === programmeId
          ? known
          : (await this.repos.programmes.programmes.read(programmeId, programmeId))?.doc;
      const record: Posted = {
        type: 'posted',
        id,
        pairId,
        programmeId,
        viewerId: viewer.id,
        conversationId,
        activityId,
        shows: [...new Set(shows.personIds)],
        source: shows.source,
        postedAt: this.clock.now().toISOString(),
        ...(programme ? { ttl: this.ttl(programme) } : {}),
      };
      await this.repos.cycles.posted.create(record);
    }
  }

  private async recordSent(
    to: Person,
    outcome: Awaited<ReturnType<CycleMail['sendSummary']>>,
    shows: Shows,
    programme?: Programme,
  ): Promise<void> {
    if (outcome.status === 'sent' && outcome.activityId && to.reach)
      await this.recordPosted(to, to.reach.conversationId, outcome.activityId, shows, programme);
  }

  /**
   * Plans the job that updates what was posted. Put even when nothing was left to remove: a second
   * click after a crash between the store and the plan still brings the messages up to date.
   */
  private async planMessageUpdates(
    person: Person,
    removed: { answers: number; actionPoints: number },
    card: Erasure['card'] | undefined,
  ): Promise<void> {
    const id = erasureId(person.id);
    await mutate<Erasure>(this.repos.cycles.erasures, id, id, (cur) => ({
      type: 'erasure',
      id,
      personId: person.id,
      startedAt: cur?.startedAt ?? this.clock.now().toISOString(),
      answers: (cur?.answers ?? 0) + removed.answers,
      actionPoints: (cur?.actionPoints ?? 0) + removed.actionPoints,
      ...(card ? { card } : {}),
      handled: cur?.handled ?? [],
      updated: cur?.updated ?? 0,
      gone: cur?.gone ?? 0,
    }));
    await this.work.put({
      id: `erase:${person.id}`,
      kind: jobKinds.erase,
      dueAt: this.clock.now(),
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
    if (!(await this.repos.cycles.erasures.read(id, id))) return { status: 'done' };
    const byMessage = new Map<string, Posted[]>();
    for (const r of await this.repos.cycles.postedShowing(personId))
      byMessage.set(r.id, [...(byMessage.get(r.id) ?? []), r]);
    let unfinished = false;
    for (const [key, records] of byMessage) {
      const handled = (await this.repos.cycles.erasures.read(id, id))?.doc.handled ?? [];
      if (!handled.includes(key)) {
        const outcome = await this.replacePosted(records[0]!);
        if (outcome === 'failed') {
          unfinished = true;
          continue;
        }
        await mutate<Erasure>(this.repos.cycles.erasures, id, id, (cur) =>
          cur && !cur.handled.includes(key)
            ? {
                ...cur,
                handled: [...cur.handled, key],
                updated: cur.updated + (outcome === 'updated' ? 1 : 0),
                gone: cur.gone + (outcome === 'gone' ? 1 : 0),
              }
            : undefined,
        );
      }
      for (const r of records)
        await mutate<Posted>(this.repos.cycles.posted, r.id, r.pairId, (cur) =>
          cur?.shows.includes(personId)
            ? { ...cur, shows: cur.shows.filter((p) => p !== personId) }
            : undefined,
        );
    }
    const retry = {
      status: 'retry',
      at: DateTime.fromJSDate(this.clock.now()).plus({ minutes: failedRetryMinutes }).toJSDate(),
    } as const;
    if (unfinished) return retry;
    const erasure = (await this.repos.cycles.erasures.read(id, id))?.doc;
    if (!erasure) return { status: 'done' };
    const person = await this.people.get(personId);
    if (person?.reach && (await this.mail.erasureDone(person, erasure)).status === 'failed') return retry;
    await this.repos.cycles.erasures.remove(id, id);
    return { status: 'done' };
  }

  /** one posted message, made again for its reader from the store as it stands */
  private async replacePosted(record: Posted): Promise<'updated' | 'gone' | 'failed'> {
    const viewer = await this.people.get(record.viewerId);
    if (!viewer?.reach) return 'gone';
    const outcome = await this.mail.replacePosted(viewer, record, await this.postedContent(viewer, record));
    return outcome.status === 'sent' ? 'updated' : outcome.status === 'unreachable' ? 'gone' : 'failed';
  }

  private async postedContent(viewer: Person, record: Posted): Promise<PostedContent> {
    const source = record.source;
    switch (source.kind) {
      case 'summary': {
        const view = await this.summaryFor(viewer, record.pairId, source.observationId);
        return view ? { kind: 'summary', view } : { kind: 'removed' };
      }
      case 'prompt': {
        const found = await this.promptFor(viewer, record.pairId, source.promptId);
        return found && found !== 'forbidden' ? { kind: 'prompt', ...found } : { kind: 'removed' };
      }
      case 'myData':
        return { kind: 'myData', data: await this.myData(viewer), part: source.part };
    }
  }

  // ---------------------------------------------------------------- action points and follow-up

  /** how long a policy day lasts here, so that what the cards promise is what happens */
  get scale(): TimingScale {
    return this.options.scale ?? dayScale;
  }

  /** records an action point and plans a follow-up prompt for it (default: two weeks later) */
  async addActionPoint(
    by: Person,
    pairId: string,
    observationId: string,
    text: string,
  ): Promise<
    | 'added'
    | 'empty'
    | 'tooLong'
    | 'forbidden'
    | 'missing'
    | { readonly identifier: IdentifierKind; readonly shown: string }
  > {
    const screened = screenFreeText(text.trim(), { today: this.clock.now() });
    const point = screened.text.trim();
    if (!point) return 'empty';
    if (point.length > actionPointLength) return 'tooLong';
    // an action point is shown to the peer and quoted back in the follow-up: no identifier is kept
    if (screened.findings.length > 0)
      return {
        identifier: screened.findings[0]!.kind,
        shown: screened.findings.map((f) => f.shown).join(', '),
      };
    const observation = (await this.repos.cycles.observations.read(observationId, pairId))?.doc;
    if (!observation) return 'missing';
    if (!observation.memberIds.includes(by.id)) return 'forbidden';
    const ctx = await this.context(pairId, observation.programmeId);
    if (!ctx) return 'missing';
    const updated = await mutate(this.repos.cycles.summaries, summaryId(observationId), pairId, (s) =>
      s
        ? { ...s, actionPoints: { ...s.actionPoints, [by.id]: [...(s.actionPoints[by.id] ?? []), point] } }
        : undefined,
    );
    if (!updated.changed) return 'missing';
    const index = updated.doc!.actionPoints[by.id]!.length;
    const id = `${promptId(observationId, 'followUp', by.id)}:${index}`;
    const now = this.clock.now();
    const sendAt = followUpAt(
      now,
      this.zoneOf(by, ctx.programme),
      ctx.programme.policy,
      followUpWeeks,
      this.options.scale,
    );
    await this.repos.cycles.prompts.create({
      type: 'prompt',
      id,
      pairId,
      programmeId: observation.programmeId,
      observationId,
      kind: 'followUp',
      personId: by.id,
      status: 'scheduled',
      revision: observation.revision,
      sendAt: sendAt.toISOString(),
      actionPoint: point,
      ttl: this.ttl(ctx.programme),
    });
    await this.work.put({
      id: `send:${id}`,
      kind: jobKinds.send,
      dueAt: sendAt,
      payload: { pairId, promptId: id },
    });
    return 'added';
  }
}
