/**
 * Picks the day a weekday or a year-less date refers to, relative to the publication day.
 *   past     - news default: the latest such day on or before publication (a year-less date may be
 *              up to GRACE_DAYS ahead: "July 17" in a July 15 article is this July, not last year's);
 *   future   - the clause is about the future ("will meet on Friday"): the earliest such day on or
 *              after publication;
 *   deadline - "by Friday", "until March 3": the earliest such day from a week before publication.
 */
import { dayNumberOf, partsOf, weekdayOnOrAfter, weekdayOnOrBefore, mondayOf } from './day-math.ts';

export type DayMode = 'past' | 'future' | 'deadline';
/** 'lastWeek' / 'nextWeek': "Monday last week", "Friday of next week" (the weekday in that Monday-first week). */
export type WeekdayModifier = 'none' | 'last' | 'next' | 'this' | 'lastWeek' | 'nextWeek';

/** How far after publication a year-less date without future words may still be read as this year. */
export const GRACE_DAYS = 7;
/** How far before publication a deadline may lie (it may just have expired). */
export const DEADLINE_LOOKBACK_DAYS = 7;

export function chooseWeekday(pub: number, weekday: number, modifier: WeekdayModifier, mode: DayMode): number {
  switch (modifier) {
    case 'last':
      return weekdayOnOrBefore(pub - 1, weekday);
    case 'next':
      return weekdayOnOrAfter(pub + 1, weekday);
    case 'this':
      // Monday-first week holding the publication day.
      return mondayOf(pub) + ((weekday + 6) % 7);
    case 'lastWeek':
      return mondayOf(pub) - 7 + ((weekday + 6) % 7);
    case 'nextWeek':
      return mondayOf(pub) + 7 + ((weekday + 6) % 7);
    default:
      return mode === 'past' ? weekdayOnOrBefore(pub, weekday) : weekdayOnOrAfter(pub, weekday);
  }
}

/** Day number of month/day in the year that `mode` prefers, or null when no such date exists. */
export function chooseYear(pub: number, month: number, day: number, mode: DayMode): number | null {
  const y = partsOf(pub).year;
  const options = [y - 1, y, y + 1]
    .map((year) => dayNumberOf(year, month, day))
    .filter((n): n is number => n !== null);
  if (options.length === 0) {
    // Feb 29 outside leap years: look a few years around.
    const more = [y - 3, y - 2, y + 2, y + 3].map((year) => dayNumberOf(year, month, day)).filter((n): n is number => n !== null);
    options.push(...more);
    options.sort((a, b) => a - b);
  }
  if (mode === 'past') {
    const ok = options.filter((n) => n <= pub + GRACE_DAYS);
    return ok.length ? ok[ok.length - 1]! : (options[0] ?? null);
  }
  const floor = mode === 'future' ? pub : pub - DEADLINE_LOOKBACK_DAYS;
  return options.find((n) => n >= floor) ?? options[options.length - 1] ?? null;
}
