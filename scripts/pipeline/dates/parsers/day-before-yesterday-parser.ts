/**
 * Chrono parser for "the day before yesterday" (two days before publication), which chrono would
 * otherwise read as the anchor "the day before" plus a deadline-looking "yesterday".
 */
import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import { partsOf } from '../day-math.ts';
import { referenceDay } from '../refiners/past-preferring-refiner.ts';
import { TAG } from '../tags.ts';

const PATTERN = /(?<![\p{L}\p{N}_])the day before yesterday(?![\p{L}\p{N}_])/iu;

export class DayBeforeYesterdayParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    if (match.index === undefined) return null;
    const p = partsOf(referenceDay(context) - 2);
    const result = context.createParsingResult(match.index, match[0], { year: p.year, month: p.month, day: p.day });
    result.addTag(TAG.relative);
    return result;
  }
}
