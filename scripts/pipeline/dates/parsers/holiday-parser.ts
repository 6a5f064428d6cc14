/**
 * Chrono parser for holidays on a fixed calendar day (rule dates.cue.holiday, list in
 * date-cues.json "holidays"): "on Christmas Day", "a New Year's Eve address", "the Boxing Day
 * talks". The day is the latest such day on or before publication; the result carries the same
 * "flexible month-day" tag as a date written without its year, so a clause about the future (or a
 * planned event) re-picks it forward. Holidays whose day moves (Easter) or depends on the country
 * (Independence Day) are not in the list: their day cannot be read from the words alone.
 */
import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import raw from '../../../data/date-cues.json' with { type: 'json' };
import { dayNumberOf, partsOf } from '../day-math.ts';
import { referenceDay } from '../refiners/past-preferring-refiner.ts';
import { TAG, tag } from '../tags.ts';

interface Holiday {
  re: RegExp;
  month: number;
  day: number;
}

const DAYS: Holiday[] = raw.holidays.days.map((h) => ({ re: new RegExp(`^(?:${h.pattern})$`, 'i'), month: h.month, day: h.day }));

/** One alternation of all holiday names, at word boundaries (no nested quantifiers). */
const PATTERN = new RegExp(`\\b(?:${raw.holidays.days.map((h) => h.pattern).join('|')})\\b`, 'i');

export const HOLIDAY_RULE = raw.holidays.id;

/** The holiday's month and day for a matched name, or undefined. */
export function holidayOf(name: string): { month: number; day: number } | undefined {
  const h = DAYS.find((d) => d.re.test(name));
  return h ? { month: h.month, day: h.day } : undefined;
}

/** The latest `month`/`day` on or before day number `pub` (no grace days: a holiday is named, not misdated). */
export function latestOnOrBefore(pub: number, month: number, day: number): number | null {
  const y = partsOf(pub).year;
  const n = dayNumberOf(y, month, day);
  if (n === null) return null;
  return n <= pub ? n : dayNumberOf(y - 1, month, day);
}

export class HolidayParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    if (match.index === undefined) return null;
    const h = holidayOf(match[0]);
    if (!h) return null;
    const n = latestOnOrBefore(referenceDay(context), h.month, h.day);
    if (n === null) return null;
    const p = partsOf(n);
    const result = context.createParsingResult(match.index, match[0], { day: p.day, month: p.month, year: p.year });
    result.addTag(tag(TAG.flexible, 'md', h.month, h.day));
    result.addTag(HOLIDAY_TAG);
    return result;
  }
}

export const HOLIDAY_TAG = 'dates/holiday';
