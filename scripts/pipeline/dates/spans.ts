/**
 * Vague periods -> a representative day. A span is cut at the publication day (an event told in
 * the past tense did not happen after publication) and represented by its middle day, which is
 * reported with precision 'approximate':
 *   thisWeek     Monday of the publication week .. publication      ("this week", "earlier this week")
 *   lastWeek     Monday .. Sunday of the week before                 (-> its Thursday)
 *   thisMonth    1st of the publication month .. publication         ("earlier this month")
 *   lastMonth    the whole previous month (early: 1-10, late: 21-end)
 *   thisYear     1 January .. publication                            ("earlier this year")
 *   lastYear     the whole previous year (early: Jan-Apr, late: Sep-Dec)
 *   recentDays   publication-7 .. publication-1                      ("in recent days")
 *   recentWeeks  publication-28 .. publication-1                     ("recently", "in recent weeks")
 *   recentMonths publication-120 .. publication-1                    ("in recent months")
 *   weekend      the latest Saturday (and Sunday) on or before publication
 *   month        "in June": the latest June not after the publication month; early = 1-10,
 *                mid = 11-20, late = 21-end
 *   year         "in 2022": the year (early = Jan-Apr, mid = May-Aug, late = Sep-Dec)
 * A span that starts after publication, or any span in a future clause, has no knowable day: null.
 */
import type { SpanRule } from './cue-data.ts';
import { dayNumberOf, daysInMonth, midpoint, mondayOf, partsOf, weekdayOnOrBefore } from './day-math.ts';

export type PeriodPart = 'whole' | 'early' | 'mid' | 'late';

export interface SpanDay {
  /** Day number of the representative day, or null when it cannot be known. */
  day: number | null;
  future: boolean;
  /** The span (day numbers, inclusive, cut at publication) the day represents. */
  from?: number;
  to?: number;
}

const UNKNOWN_FUTURE: SpanDay = { day: null, future: true };

/** Cuts [from, to] at publication and returns its middle day; a span wholly after publication is future. */
export function representDay(from: number, to: number, pub: number): SpanDay {
  if (from > pub) return UNKNOWN_FUTURE;
  const end = Math.min(to, pub);
  return { day: midpoint(from, end), future: false, from, to: end };
}

export function spanDay(rule: SpanRule, pub: number, futureContext: boolean): SpanDay {
  const p = partsOf(pub);
  // In a future clause ("will meet this week") only the past-only spans still mean the past.
  const pastOnly = rule.startsWith('last') || rule.startsWith('recent');
  if (rule === 'future' || (futureContext && !pastOnly)) return UNKNOWN_FUTURE;
  switch (rule) {
    case 'thisWeek':
      return representDay(mondayOf(pub), pub, pub);
    case 'lastWeek':
      return representDay(mondayOf(pub) - 7, mondayOf(pub) - 1, pub);
    case 'thisMonth':
      return representDay(dayNumberOf(p.year, p.month, 1)!, pub, pub);
    case 'lastMonth':
    case 'lastMonthEarly':
    case 'lastMonthLate': {
      const year = p.month === 1 ? p.year - 1 : p.year;
      const month = p.month === 1 ? 12 : p.month - 1;
      const part = rule === 'lastMonthEarly' ? 'early' : rule === 'lastMonthLate' ? 'late' : 'whole';
      return monthPartDay(year, month, part, pub);
    }
    case 'thisMonthEarly':
      return monthPartDay(p.year, p.month, 'early', pub);
    case 'thisYear':
      return representDay(dayNumberOf(p.year, 1, 1)!, pub, pub);
    case 'lastYear':
      return yearPartDay(p.year - 1, 'whole', pub);
    case 'lastYearEarly':
      return yearPartDay(p.year - 1, 'early', pub);
    case 'lastYearLate':
      return yearPartDay(p.year - 1, 'late', pub);
    case 'recentDays':
      return representDay(pub - 7, pub - 1, pub);
    case 'recentWeeks':
      return representDay(pub - 28, pub - 1, pub);
    case 'recentMonths':
      return representDay(pub - 120, pub - 1, pub);
    case 'weekend': {
      const saturday = weekdayOnOrBefore(pub, 6);
      return representDay(saturday, saturday + 1, pub);
    }
    default:
      return UNKNOWN_FUTURE;
  }
}

/** "in June", "early March 2024", "last May": see the header for the year chosen. */
export function monthSpanDay(
  month: number,
  year: number | null,
  rel: 'none' | 'last' | 'this' | 'next',
  part: PeriodPart,
  pub: number,
  futureContext: boolean,
): SpanDay {
  const p = partsOf(pub);
  let y: number;
  if (year !== null) y = year;
  else if (rel === 'next') return UNKNOWN_FUTURE;
  else if (rel === 'this') y = p.year;
  else if (rel === 'last') y = month < p.month ? p.year : p.year - 1;
  else if (futureContext) return UNKNOWN_FUTURE;
  else y = month <= p.month ? p.year : p.year - 1;
  if (futureContext && year !== null && dayNumberOf(y, month, daysInMonth(y, month))! >= pub) return UNKNOWN_FUTURE;
  return monthPartDay(y, month, part, pub);
}

/** A part of a month: early = 1-10, mid = 11-20, late = 21-end. */
export function monthPartDay(year: number, month: number, part: PeriodPart, pub: number): SpanDay {
  const last = daysInMonth(year, month);
  const [d1, d2] = part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : part === 'late' ? [21, last] : [1, last];
  return representDay(dayNumberOf(year, month, d1)!, dayNumberOf(year, month, d2)!, pub);
}

/** "in 2022", "late 2023". */
export function yearPartDay(year: number, part: PeriodPart, pub: number): SpanDay {
  const [m1, m2] = part === 'early' ? [1, 4] : part === 'mid' ? [5, 8] : part === 'late' ? [9, 12] : [1, 12];
  return representDay(dayNumberOf(year, m1, 1)!, dayNumberOf(year, m2, daysInMonth(year, m2))!, pub);
}
