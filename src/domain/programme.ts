import { DateTime, IANAZone } from 'luxon';
import { plainText } from './plain-text';
import { findIdentifiers, normaliseFreeText } from './privacy/identifiers';

/** ISO weekday numbers, Monday = 1 … Sunday = 7 */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** when prompts go out; every time is in the recipient's own time zone */
export interface TimingPolicy {
  /** the before-prompt goes this many working days before the observation … */
  readonly beforeDays: number;
  /** … at this local time (HH:mm) */
  readonly beforeTime: string;
  /** the after-prompt goes this many minutes after the observation ends */
  readonly afterMinutes: number;
  /** one reminder this many working days after an unanswered prompt */
  readonly reminderDays: number;
  /** a prompt expires this many days after it was sent */
  readonly deadlineDays: number;
  /** nothing is sent from quietStart until quietEnd (local HH:mm; may span midnight) */
  readonly quietStart: string;
  readonly quietEnd: string;
  readonly workingDays: readonly Weekday[];
}

export const defaultPolicy: TimingPolicy = Object.freeze({
  beforeDays: 1,
  beforeTime: '16:00',
  afterMinutes: 60,
  reminderDays: 1,
  deadlineDays: 7,
  quietStart: '20:00',
  quietEnd: '07:00',
  workingDays: Object.freeze([1, 2, 3, 4, 5] as Weekday[]),
});

/** a programme: one cohort of supervisors over a term */
export interface Programme {
  readonly type: 'programme';
  readonly id: string;
  /** equal to id: a programme's documents share its partition */
  readonly programmeId: string;
  readonly name: string;
  /** first and last day, as calendar dates (yyyy-MM-dd) in the programme's time zone */
  readonly startDate: string;
  readonly endDate: string;
  readonly timeZone: string;
  readonly locale: string;
  readonly targetObservations: number;
  /** how many days the end questionnaire stays open from the last day; absent in older programmes (14) */
  readonly evaluationDays?: number;
  readonly policy: TimingPolicy;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** what a coordinator typed into the programme card; every value arrives as a string */
export interface ProgrammeInput {
  readonly name?: string;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly timeZone?: string;
  readonly locale?: string;
  readonly targetObservations?: string;
  readonly evaluationDays?: string;
  readonly beforeDays?: string;
  readonly beforeTime?: string;
  readonly afterMinutes?: string;
  readonly reminderDays?: string;
  readonly deadlineDays?: string;
  readonly quietStart?: string;
  readonly quietEnd?: string;
  /** comma-separated ISO weekdays, as a multi-select ChoiceSet sends them */
  readonly workingDays?: string;
}

export type ProgrammeField = keyof ProgrammeInput;

/** every field of the programme card, in the card's order */
export const programmeFields = [
  'name',
  'startDate',
  'endDate',
  'timeZone',
  'locale',
  'targetObservations',
  'evaluationDays',
  'beforeDays',
  'beforeTime',
  'afterMinutes',
  'reminderDays',
  'deadlineDays',
  'quietStart',
  'quietEnd',
  'workingDays',
] as const satisfies readonly ProgrammeField[];

/** a field and the message key (see i18n) that explains what is wrong with it */
export type FieldErrors = Partial<Record<ProgrammeField, string>>;

export type ProgrammeSettings = Pick<
  Programme,
  | 'name'
  | 'startDate'
  | 'endDate'
  | 'timeZone'
  | 'locale'
  | 'targetObservations'
  | 'evaluationDays'
  | 'policy'
>;

/** how long the end questionnaire stays open when a programme does not say (those stored before it could) */
export const defaultEvaluationDays = 14;

export const limits = Object.freeze({
  nameLength: 100,
  maxProgrammeDays: 3 * 366,
  /** how far back a new programme may start, and how far ahead of today it may end */
  startYearsBack: 1,
  endYearsAhead: 3,
  targetObservations: [1, 20] as const,
  evaluationDays: [1, 60] as const,
  beforeDays: [0, 14] as const,
  afterMinutes: [0, 24 * 60] as const,
  reminderDays: [1, 14] as const,
  deadlineDays: [1, 60] as const,
});

const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

function int(raw: string | undefined, [min, max]: readonly [number, number]): number | undefined {
  const s = (raw ?? '').trim();
  if (!/^-?\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= min && n <= max ? n : undefined;
}

function date(raw: string | undefined, zone: string): DateTime | undefined {
  const d = DateTime.fromISO((raw ?? '').trim().slice(0, 10), { zone });
  return d.isValid ? d : undefined;
}

/** the form's starting values: a new programme, or the one being edited */
export function programmeToInput(p: ProgrammeSettings): Required<ProgrammeInput> {
  return {
    name: p.name,
    startDate: p.startDate,
    endDate: p.endDate,
    timeZone: p.timeZone,
    locale: p.locale,
    targetObservations: String(p.targetObservations),
    evaluationDays: String(p.evaluationDays ?? defaultEvaluationDays),
    beforeDays: String(p.policy.beforeDays),
    beforeTime: p.policy.beforeTime,
    afterMinutes: String(p.policy.afterMinutes),
    reminderDays: String(p.policy.reminderDays),
    deadlineDays: String(p.policy.deadlineDays),
    quietStart: p.policy.quietStart,
    quietEnd: p.policy.quietEnd,
    workingDays: p.policy.workingDays.join(','),
  };
}

/** sensible defaults for a new programme starting today, one term long */
export function defaultSettings(
  today: DateTime,
  timeZone: string,
  locale: string,
  policy: TimingPolicy = defaultPolicy,
): ProgrammeSettings {
  const start = today.setZone(timeZone);
  return {
    name: '',
    startDate: start.toISODate() ?? '',
    endDate: start.plus({ months: 4 }).toISODate() ?? '',
    timeZone,
    locale,
    targetObservations: 2,
    evaluationDays: defaultEvaluationDays,
    policy,
  };
}

/**
 * Checks a programme card's input. Returns the settings, or every field's problem at once so the
 * coordinator fixes them in one go. `now` decides whether the end date has already passed, and the
 * window the dates must lie in: a start at most a year back, an end at most three years ahead (a
 * typo like 9999 would otherwise plan prompts and keep answers for millennia). An edit may keep
 * the start the programme already has (`current`), however long ago that now is.
 */
export function validateProgramme(
  input: ProgrammeInput,
  now: Date,
  supportedLocales: readonly string[],
  current?: Pick<Programme, 'startDate'>,
): { ok: true; settings: ProgrammeSettings } | { ok: false; errors: FieldErrors; found?: string } {
  const errors: FieldErrors = {};
  // the name is shown to everyone in the programme: checked for identifiers in the form it is stored in
  const name = plainText(normaliseFreeText(input.name ?? ''));
  const found = findIdentifiers(name, { today: now })
    .map((f) => f.shown)
    .join(', ');
  if (!name) errors.name = 'programme.error.nameRequired';
  else if (name.length > limits.nameLength) errors.name = 'programme.error.nameTooLong';
  else if (found) errors.name = 'programme.error.nameIdentifier';

  const timeZone = (input.timeZone ?? '').trim();
  const zoneOk = IANAZone.isValidZone(timeZone);
  if (!zoneOk) errors.timeZone = 'programme.error.timeZone';
  const zone = zoneOk ? timeZone : 'UTC';

  const start = date(input.startDate, zone);
  const end = date(input.endDate, zone);
  if (!start) errors.startDate = 'programme.error.date';
  if (!end) errors.endDate = 'programme.error.date';
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  if (
    start &&
    start < today.minus({ years: limits.startYearsBack }) &&
    start.toISODate() !== current?.startDate
  )
    errors.startDate = 'programme.error.startTooEarly';
  if (start && end) {
    if (end < start) errors.endDate = 'programme.error.endBeforeStart';
    else if (end.diff(start, 'days').days > limits.maxProgrammeDays)
      errors.endDate = 'programme.error.tooLong';
    else if (end.endOf('day').toMillis() < now.getTime()) errors.endDate = 'programme.error.endPassed';
  }
  if (end && !errors.endDate && end > today.plus({ years: limits.endYearsAhead }))
    errors.endDate = 'programme.error.endTooLate';

  const locale = (input.locale ?? '').trim();
  if (!supportedLocales.includes(locale)) errors.locale = 'programme.error.locale';

  const targetObservations = int(input.targetObservations, limits.targetObservations);
  if (targetObservations === undefined) errors.targetObservations = 'programme.error.target';
  // a programme card opened before the setting existed does not send it: the default, not an error
  const evaluationDays =
    input.evaluationDays === undefined
      ? defaultEvaluationDays
      : int(input.evaluationDays, limits.evaluationDays);
  if (evaluationDays === undefined) errors.evaluationDays = 'programme.error.evaluationDays';
  const beforeDays = int(input.beforeDays, limits.beforeDays);
  if (beforeDays === undefined) errors.beforeDays = 'programme.error.beforeDays';
  const afterMinutes = int(input.afterMinutes, limits.afterMinutes);
  if (afterMinutes === undefined) errors.afterMinutes = 'programme.error.afterMinutes';
  const reminderDays = int(input.reminderDays, limits.reminderDays);
  if (reminderDays === undefined) errors.reminderDays = 'programme.error.reminderDays';
  const deadlineDays = int(input.deadlineDays, limits.deadlineDays);
  if (deadlineDays === undefined) errors.deadlineDays = 'programme.error.deadlineDays';
  if (reminderDays !== undefined && deadlineDays !== undefined && reminderDays >= deadlineDays) {
    errors.reminderDays = 'programme.error.reminderAfterDeadline';
  }

  const times = {
    beforeTime: (input.beforeTime ?? '').trim().slice(0, 5),
    quietStart: (input.quietStart ?? '').trim().slice(0, 5),
    quietEnd: (input.quietEnd ?? '').trim().slice(0, 5),
  };
  for (const [field, v] of Object.entries(times) as [ProgrammeField, string][]) {
    if (!timePattern.test(v)) errors[field] = 'programme.error.time';
  }
  if (!errors.quietStart && !errors.quietEnd && times.quietStart === times.quietEnd) {
    errors.quietEnd = 'programme.error.quietEmpty';
  }

  const workingDays = [
    ...new Set(
      (input.workingDays ?? '')
        .split(',')
        .map((d) => Number(d.trim()))
        .filter((d): d is Weekday => Number.isInteger(d) && d >= 1 && d <= 7),
    ),
  ].sort();
  if (workingDays.length === 0) errors.workingDays = 'programme.error.workingDays';

  if (Object.keys(errors).length > 0) return { ok: false, errors, ...(found ? { found } : {}) };
  return {
    ok: true,
    settings: {
      name,
      startDate: start!.toISODate()!,
      endDate: end!.toISODate()!,
      timeZone,
      locale,
      targetObservations: targetObservations!,
      evaluationDays: evaluationDays!,
      policy: {
        beforeDays: beforeDays!,
        beforeTime: times.beforeTime,
        afterMinutes: afterMinutes!,
        reminderDays: reminderDays!,
        deadlineDays: deadlineDays!,
        quietStart: times.quietStart,
        quietEnd: times.quietEnd,
        workingDays,
      },
    },
  };
}
