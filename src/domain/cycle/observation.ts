import { DateTime } from 'luxon';
import { Programme } from '../programme';
import { localDateTime } from '../timing';

export const settings = [
  'wardRound',
  'outpatientClinic',
  'operatingTheatre',
  'emergencyDepartment',
  'primaryCare',
  'bedsideTeaching',
  'other',
] as const;
export type Setting = (typeof settings)[number];

export const learnerLevels = ['studentEarly', 'studentLate', 'intern', 'resident'] as const;
export type LearnerLevel = (typeof learnerLevels)[number];

export type ObservationStatus = 'scheduled' | 'cancelled' | 'didNotHappen';

/**
 * When the pair will talk the observation over: right after it, later the same day, the next
 * working day, or a time they will agree later (no talk is planned then).
 */
export const talkChoices = ['rightAfter', 'laterToday', 'nextWorkingDay', 'agreeLater'] as const;
export type TalkChoice = (typeof talkChoices)[number];

/** the planned follow-up conversation: UTC instants */
export interface Talk {
  readonly choice: Exclude<TalkChoice, 'agreeLater'>;
  readonly startsAt: string;
  readonly endsAt: string;
}

/**
 * One observation: the host supervises a learner while the observer(s) watch. Lives in the pair's
 * partition of `cycles`. `revision` grows with every reschedule, so work planned for an earlier
 * time recognises itself as stale.
 */
export interface Observation {
  readonly type: 'observation';
  /** `observation:<uuid>` */
  readonly id: string;
  readonly pairId: string;
  readonly programmeId: string;
  readonly memberIds: readonly string[];
  readonly hostId: string;
  readonly observerIds: readonly string[];
  /** UTC instants */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly durationMinutes: number;
  readonly setting: Setting;
  readonly learnerLevel: LearnerLevel;
  readonly status: ObservationStatus;
  readonly revision: number;
  readonly scheduledBy: string;
  /** when the pair will talk it over; absent when they will agree a time later */
  readonly talk?: Talk;
  /** the observation this one returns (roles swapped), if any */
  readonly returnOf?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** seconds; retention after the programme ends (real Cosmos DB expires the document) */
  readonly ttl?: number;
}

/** whether an observation's start time has come: from then on it counts, whatever became of it */
export function hasStarted(o: Pick<Observation, 'startsAt'>, now: Date): boolean {
  return Date.parse(o.startsAt) <= now.getTime();
}

/** what the schedule card sends; every value a string */
export interface ScheduleInput {
  readonly date?: string;
  readonly startTime?: string;
  readonly durationMinutes?: string;
  readonly hostId?: string;
  readonly setting?: string;
  readonly learnerLevel?: string;
  /** when the pair will talk it over: one of talkChoices */
  readonly talk?: string;
  /** HH:mm, in the scheduler's time zone; empty for the choice's default */
  readonly talkTime?: string;
  /** on a move: 'true' takes the talk along with the observation, 'false' takes the talk fields */
  readonly talkMoves?: string;
}

/** every field of a schedule card, in the order it asks */
export const scheduleFields = [
  'date',
  'startTime',
  'durationMinutes',
  'hostId',
  'setting',
  'learnerLevel',
  'talk',
  'talkTime',
  'talkMoves',
] as const satisfies readonly (keyof ScheduleInput)[];

export type ScheduleField = keyof ScheduleInput;
export type ScheduleErrors = Partial<Record<ScheduleField, string>>;

export interface ScheduleContext {
  /** the time zone of the person scheduling: the date and time are theirs */
  readonly zone: string;
  readonly now: Date;
  readonly programme: Pick<Programme, 'startDate' | 'endDate' | 'timeZone'>;
  readonly memberIds: readonly string[];
}

export const durationLimits = [10, 480] as const;

/**
 * converts a wall-clock date and time in `zone` to an instant; undefined if it does not exist there
 * (a spring-forward gap). A time that happens twice is its earlier occurrence, as everywhere in
 * timing.ts: luxon's own choice between the two depends on the season of the real clock.
 */
export function wallClock(date: string, time: string, zone: string): DateTime | undefined {
  const at = localDateTime(date.trim().slice(0, 10), time.trim().slice(0, 5), zone);
  return at && DateTime.fromJSDate(at, { zone });
}

/**
 * Checks a schedule card. Refuses, each with its own message: a date or time that does not exist,
 * a start in the past, a day outside the programme, a duration outside 10–480 minutes, and a host
 * who is not in the pair. An overlap with another observation of a member is refused where the
 * time is reserved in their calendars (calendar.ts), so that two schedulings cannot both pass it.
 */
export function checkSchedule(
  input: ScheduleInput,
  ctx: ScheduleContext,
):
  | {
      ok: true;
      startsAt: Date;
      endsAt: Date;
      durationMinutes: number;
      hostId: string;
      setting: Setting;
      learnerLevel: LearnerLevel;
    }
  | { ok: false; errors: ScheduleErrors } {
  const errors: ScheduleErrors = {};
  const duration = Number((input.durationMinutes ?? '').trim());
  if (!Number.isInteger(duration) || duration < durationLimits[0] || duration > durationLimits[1]) {
    errors.durationMinutes = 'schedule.error.duration';
  }
  const hostId = (input.hostId ?? '').trim().toLowerCase();
  if (!ctx.memberIds.includes(hostId)) errors.hostId = 'schedule.error.host';
  const setting = (input.setting ?? '') as Setting;
  if (!settings.includes(setting)) errors.setting = 'schedule.error.setting';
  const learnerLevel = (input.learnerLevel ?? '') as LearnerLevel;
  if (!learnerLevels.includes(learnerLevel)) errors.learnerLevel = 'schedule.error.learnerLevel';

  const start = wallClock(input.date ?? '', input.startTime ?? '', ctx.zone);
  if (
    !/^\d{4}-\d{2}-\d{2}/.test(input.date ?? '') ||
    !DateTime.fromISO((input.date ?? '').slice(0, 10)).isValid
  ) {
    errors.date = 'schedule.error.date';
  } else if (!start) {
    errors.startTime = 'schedule.error.time';
  } else {
    const localDay = start.setZone(ctx.programme.timeZone).toISODate() ?? '';
    if (start.toMillis() <= ctx.now.getTime()) errors.date = 'schedule.error.past';
    else if (localDay < ctx.programme.startDate || localDay > ctx.programme.endDate) {
      errors.date = 'schedule.error.outsideProgramme';
    }
  }
  if (Object.keys(errors).length > 0 || !start) return { ok: false, errors };

  const startsAt = start.toJSDate();
  const endsAt = start.plus({ minutes: duration }).toJSDate();
  return { ok: true, startsAt, endsAt, durationMinutes: duration, hostId, setting, learnerLevel };
}
