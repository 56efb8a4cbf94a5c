import { DateTime } from 'luxon';
import { TimingPolicy } from '../programme';
import { ScheduleInput, Talk, TalkChoice, talkChoices, wallClock } from './observation';

/** a talk is planned for this long */
export const talkMinutes = 30;
/** "right after" leaves this long to answer the after-card, so the summary is there when they meet */
export const rightAfterMinutes = 15;
/** "later today" without a time: this long after the end */
export const laterTodayMinutes = 30;
/** an after-card goes at least this long before the talk, or else when the observation ends */
export const answerLeadMinutes = 15;
/** a reminder is only worth sending inside an answer window at least this long */
const reminderWindowMinutes = 20;

const MINUTE = 60_000;

/** what the schedule card sends about the talk */
export type TalkInput = Pick<ScheduleInput, 'talk' | 'talkTime'>;

export type TalkError = 'schedule.error.talk' | 'schedule.error.talkTime';

/** the observation's times the talk is planned against */
interface Planned {
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/**
 * The talk a schedule card asks for, against the observation's (new) times. No choice at all is a
 * card from before talks existed: no talk, as with "we'll agree later".
 * - right after: 15 minutes after the end, so the after-card can be answered first;
 * - later today: at the time given, on the day the observation ends (empty: 30 minutes after the end);
 * - the next working day (of the programme's policy) at the time given (empty: the observation's start time).
 */
export function checkTalk(
  input: TalkInput,
  at: Planned,
  zone: string,
  policy: Pick<TimingPolicy, 'workingDays'>,
): { ok: true; talk: Talk | undefined } | { ok: false; error: TalkError } {
  const choice = (input.talk ?? '').trim() || 'agreeLater';
  if (!(talkChoices as readonly string[]).includes(choice))
    return { ok: false, error: 'schedule.error.talk' };
  const time = (input.talkTime ?? '').trim();
  const end = DateTime.fromJSDate(at.endsAt, { zone });
  let start: DateTime | undefined;
  switch (choice as TalkChoice) {
    case 'agreeLater':
      return { ok: true, talk: undefined };
    case 'rightAfter':
      start = end.plus({ minutes: rightAfterMinutes });
      break;
    case 'laterToday':
      start = time ? wallClock(end.toISODate() ?? '', time, zone) : end.plus({ minutes: laterTodayMinutes });
      if (start && (start < end || start.toISODate() !== end.toISODate()))
        return { ok: false, error: 'schedule.error.talkTime' };
      break;
    case 'nextWorkingDay': {
      const day = nextWorkingDay(end, policy.workingDays);
      const clock = time || DateTime.fromJSDate(at.startsAt, { zone }).toFormat('HH:mm');
      start = wallClock(day.toISODate() ?? '', clock, zone);
      break;
    }
  }
  if (!start) return { ok: false, error: 'schedule.error.talkTime' };
  return {
    ok: true,
    talk: {
      choice: choice as Talk['choice'],
      startsAt: start.toUTC().toISO() ?? '',
      endsAt: start.plus({ minutes: talkMinutes }).toUTC().toISO() ?? '',
    },
  };
}

/** the first working day after the one `end` falls on, in its zone */
function nextWorkingDay(end: DateTime, workingDays: readonly number[]): DateTime {
  let day = end.startOf('day').plus({ days: 1 });
  for (let i = 0; i < 7 && !workingDays.includes(day.weekday); i++) day = day.plus({ days: 1 });
  return day;
}

/**
 * A moved observation takes its talk along: the same choice, as far from the new end as it was from
 * the old one (right after, later today), or at the same time on the working day after the new date.
 */
export function movedTalk(
  talk: Talk,
  from: Planned,
  to: Planned,
  zone: string,
  policy: Pick<TimingPolicy, 'workingDays'>,
): Talk | undefined {
  if (talk.choice === 'nextWorkingDay') {
    const time = DateTime.fromISO(talk.startsAt, { zone }).toFormat('HH:mm');
    const checked = checkTalk({ talk: 'nextWorkingDay', talkTime: time }, to, zone, policy);
    return checked.ok ? checked.talk : undefined;
  }
  const gap = Date.parse(talk.startsAt) - from.endsAt.getTime();
  const startsAt = new Date(to.endsAt.getTime() + gap);
  return {
    choice: talk.choice,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + talkMinutes * MINUTE).toISOString(),
  };
}

/**
 * When the after-card goes when a talk is planned: at its usual time if that leaves 15 minutes to
 * answer before the talk, else when the observation ends, so the summary can be there when they meet.
 */
export function afterCardAt(usual: Date | undefined, endsAt: Date, talk: Talk | undefined): Date | undefined {
  if (!talk || !usual) return usual;
  const latest = Date.parse(talk.startsAt) - answerLeadMinutes * MINUTE;
  return usual.getTime() <= latest ? usual : endsAt;
}

/**
 * An after-card's deadline and reminder when a talk is planned: due when the talk begins (if that is
 * sooner than the usual deadline), so that the summary — of what exists by then — reaches both before
 * they talk; the reminder moves to halfway through a window too short for its usual time. A talk that
 * has already begun when the card goes changes nothing.
 */
export function answerWindow(
  sentAt: Date,
  usual: { readonly expiresAt: Date; readonly remindAt: Date | undefined },
  talk: Talk | undefined,
): { expiresAt: Date; remindAt: Date | undefined; beforeTalk: boolean } {
  const talkAt = talk ? Date.parse(talk.startsAt) : NaN;
  if (!(talkAt > sentAt.getTime() && talkAt < usual.expiresAt.getTime()))
    return { ...usual, beforeTalk: false };
  const expiresAt = new Date(talkAt);
  const window = talkAt - sentAt.getTime();
  const remindAt =
    usual.remindAt && usual.remindAt < expiresAt
      ? usual.remindAt
      : window >= reminderWindowMinutes * MINUTE
        ? new Date(sentAt.getTime() + Math.round(window / 2 / MINUTE) * MINUTE)
        : undefined;
  return { expiresAt, remindAt, beforeTalk: true };
}

/**
 * The talk of a scheduling: a moved observation takes its talk along unless the card says otherwise
 * (`talkMoves: 'false'`), else what the card asks for.
 */
export function talkOf(
  input: ScheduleInput,
  at: Planned,
  moving: { readonly startsAt: string; readonly endsAt: string; readonly talk?: Talk } | undefined,
  zone: string,
  policy: Pick<TimingPolicy, 'workingDays'>,
): { ok: true; talk: Talk | undefined } | { ok: false; error: TalkError } {
  if (moving?.talk && input.talkMoves !== 'false') {
    const from = { startsAt: new Date(moving.startsAt), endsAt: new Date(moving.endsAt) };
    const talk = movedTalk(moving.talk, from, at, zone, policy);
    return talk ? { ok: true, talk } : { ok: false, error: 'schedule.error.talkTime' };
  }
  return checkTalk(input, at, zone, policy);
}
