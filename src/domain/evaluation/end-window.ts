import { DateTime } from 'luxon';
import { defaultEvaluationDays, Programme } from '../programme';

type Dated = Pick<Programme, 'endDate' | 'timeZone' | 'evaluationDays'>;

/** the earliest time zone there is: the last day begins there first */
const earliestZone = 'UTC+14';

/** how many days the end questionnaire stays open; programmes stored before the setting read as 14 */
export function evaluationDaysOf(programme: Pick<Programme, 'evaluationDays'>): number {
  return programme.evaluationDays ?? defaultEvaluationDays;
}

/** the first moment of the programme's last day (or a day after it) in a time zone */
function dayStart(programme: Dated, zone: string, daysAfter = 0): Date {
  return DateTime.fromISO(programme.endDate, { zone }).startOf('day').plus({ days: daysAfter }).toJSDate();
}

/** when someone in this time zone may first get the end card: their last day of the programme begins */
export function endStartsFor(programme: Dated, zone: string): Date {
  return dayStart(programme, zone);
}

/** when the end questionnaire opens anywhere: the last day begins in the earliest time zone */
export function endOpensAt(programme: Dated): Date {
  return endStartsFor(programme, earliestZone);
}

/**
 * When it closes: `evaluationDays` whole days from the start of the last day, in the programme's time
 * zone (one closing moment for everyone, so the coordinator's release waits for a single time).
 */
export function endClosesAt(programme: Dated): Date {
  return dayStart(programme, programme.timeZone, evaluationDaysOf(programme));
}

/** the last day the end card can be answered (yyyy-MM-dd, in the programme's time zone) */
export function endLastDay(programme: Dated): string {
  return DateTime.fromISO(programme.endDate)
    .plus({ days: evaluationDaysOf(programme) - 1 })
    .toISODate()!;
}

/** whether the end questionnaire can be answered now */
export function isEndOpen(programme: Dated, now: Date): boolean {
  return now >= endOpensAt(programme) && now < endClosesAt(programme);
}

/**
 * The one reminder: halfway through the window (whole days, rounded down) at the start of that day in
 * the person's time zone, checked against quiet hours when due. None when that is not before closing.
 */
export function endReminderFor(programme: Dated, zone: string): Date | undefined {
  const at = dayStart(programme, zone, Math.floor(evaluationDaysOf(programme) / 2));
  return at > endStartsFor(programme, zone) && at < endClosesAt(programme) ? at : undefined;
}
