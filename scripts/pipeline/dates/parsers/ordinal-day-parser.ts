/**
 * Chrono parser for a day of the month written alone: "signed the pact in Manila on the 8th",
 * "met on the 21st and again on the 23rd", "on the 27th of last month" (rule dates.cue.ordinal-day,
 * pattern in date-cues.json).
 * The month is the publication's when that day is not after publication, else the month before
 * (news reports what happened). "the 13th summit", "the 8th of July" are left alone (the pattern
 * needs "on the" and a clause end or a preposition after the number; chrono reads "8th of July").
 */
import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import raw from '../../../data/date-cues.json' with { type: 'json' };
import { dayNumberOf, partsOf } from '../day-math.ts';
import { referenceDay } from '../refiners/past-preferring-refiner.ts';

const PATTERN = new RegExp(raw.ordinalDay.pattern, 'i');

/** The latest day `day` of a month on or before publication day `pub` (a day number), or null. */
export function latestDayOfMonth(pub: number, day: number): number | null {
  const p = partsOf(pub);
  for (let back = 0; back <= 1; back++) {
    const month = ((p.month - 1 - back + 12) % 12) + 1;
    const year = p.month - back <= 0 ? p.year - 1 : p.year;
    const n = dayNumberOf(year, month, day);
    if (n !== null && n <= pub) return n;
  }
  return null;
}

/** Day `day` of the month before the one of publication day `pub`, or null when it has no such day. */
export function dayOfPreviousMonth(pub: number, day: number): number | null {
  const p = partsOf(pub);
  return p.month === 1 ? dayNumberOf(p.year - 1, 12, day) : dayNumberOf(p.year, p.month - 1, day);
}

export class OrdinalDayParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    if (match.index === undefined) return null;
    const day = Number(match.groups?.day);
    const pub = referenceDay(context);
    // "on the 27th of last month": that day of the month before publication's.
    const n = match.groups?.prev ? dayOfPreviousMonth(pub, day) : latestDayOfMonth(pub, day);
    if (n === null) return null;
    const p = partsOf(n);
    const result = context.createParsingResult(match.index, match[0], { day: p.day, month: p.month, year: p.year });
    result.addTag('dates/ordinal-day');
    return result;
  }
}
