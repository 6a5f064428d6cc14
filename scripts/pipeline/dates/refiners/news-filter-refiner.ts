/**
 * Runs first: drops what chrono reads as a date but news text does not mean as one.
 *   - "may impose", "March" the verb, "Sat" the verb: month and weekday words must be capitalised,
 *     weekdays written out in full, and a month abbreviation needs a day number;
 *   - times alone ("2 p.m."), "now", "morning" alone: they never change the day;
 *   - dates naming a past event ("the Sept 11 attacks", "the October 7 attack"), unless a day and
 *     month without a year lie a few weeks before publication ("the May 28 attack" in a June story:
 *     dates.filter.recent-named-date);
 *   - "two days before/earlier" from chrono's "ago" parser: relative to another event, not to
 *     publication (our anchor parser reads those);
 *   - anything after "since"/"from" ("since June"): a start of a state, not the event's day
 *     (but "from Monday to Wednesday" stays: chrono merges it into a range starting Monday; and
 *     so does a bare weekday after "from": "four days of talks from Monday" began on Monday).
 * Results of our own parsers (tagged "dates/...") are only checked for "since"/"from".
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { IGNORE_BEFORE, NAMED_DATE_FOLLOWERS, RECENT_NAMED_DATE, START_FROM_BEFORE } from '../cue-data.ts';
import { chooseYear } from '../choose-day.ts';
import { referenceDay } from './past-preferring-refiner.ts';
import { isOurs, tagsOf } from '../tags.ts';

const WEEKDAYS = /\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|sday|rsday|urday)?\b\.?/gi;
const FULL_WEEKDAY = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
const MONTH_WORDS = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(uary|ruary|ch|il|e|y|ust|tember|ober|ember)?\b\.?/gi;

/** True when every weekday/month word in the result is written as news writes dates. */
function wellFormedWords(result: ParsingResult): boolean {
  const text = result.text;
  for (const m of text.matchAll(WEEKDAYS)) {
    const word = m[0].replace(/\.$/, '');
    if (!FULL_WEEKDAY.test(word)) return false;
  }
  for (const m of text.matchAll(MONTH_WORDS)) {
    const word = m[0];
    if (!/^[A-Z]/.test(word)) return false;
    // A month needs a day or a year next to it ("May 5", "5 May", "May 2024").
    if (!result.start.isCertain('day') && !result.start.isCertain('year')) return false;
  }
  return true;
}

const RANGE_NEXT = /^\s*(?:to|until|till|through|-|–)\s/i;

function isDateless(result: ParsingResult): boolean {
  const s = result.start;
  return !s.isCertain('day') && !s.isCertain('weekday') && !s.isCertain('month') && !s.isCertain('year');
}

/** A bare weekday ("Monday"), no month or day of month. */
function isWeekdayOnly(result: ParsingResult): boolean {
  const s = result.start;
  return s.isCertain('weekday') && !s.isCertain('month') && !s.isCertain('day');
}

/**
 * "the May 28 attack" in a June story: a day and month without a year whose latest instance not
 * after publication lies a few weeks back names that recent act (dates.filter.recent-named-date).
 */
function recentDay(context: ParsingContext, r: ParsingResult): boolean {
  const s = r.start;
  if (!s.isCertain('day') || !s.isCertain('month') || s.isCertain('year') || RECENT_NAMED_DATE.iconic.test(r.text.trim())) return false;
  const pub = referenceDay(context);
  const day = chooseYear(pub, s.get('month')!, s.get('day')!, 'past');
  return day !== null && day <= pub && pub - day <= RECENT_NAMED_DATE.maxDaysBefore;
}

export class NewsFilterRefiner implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    return results.filter((r) => {
      const before = context.text.slice(Math.max(0, r.index - 12), r.index);
      const after = context.text.slice(r.index + r.text.length, r.index + r.text.length + 30);
      // "since June" is a state's start, not a day; "from Monday to Wednesday" is a range (kept).
      // "four days of talks from Monday": a weekday after "from" is the event's first day (dates.cue.start-from-weekday).
      const startDay = START_FROM_BEFORE.test(before) && isWeekdayOnly(r);
      if (IGNORE_BEFORE.test(before) && !RANGE_NEXT.test(after) && !r.end && !startDay) return false;
      const tags = tagsOf(r);
      if (isOurs(tags)) return true;
      const lower = r.text.trim().toLowerCase();
      if (lower === 'now' || isDateless(r)) return false;
      const relative = tags.includes('result/relativeDate');
      if (relative && /\b(before|earlier)$/.test(lower)) return false;
      if (!wellFormedWords(r)) return false;
      if ((r.start.isCertain('day') || r.start.isCertain('month')) && !relative && NAMED_DATE_FOLLOWERS.test(after) && !recentDay(context, r)) return false;
      return true;
    });
  }
}
