/**
 * Chrono parser for all-number dates with a four-digit year: "24-03-2022", "15/07/2025",
 * "07.15.2025" (bylines and datelines). Day-first or month-first is read from the numbers when one
 * is above 12; otherwise the reading nearest to publication, and not after it, wins.
 * (chrono's own slash parser is dropped: it assumes month-first and reads "9/11" and "24/7".)
 */
import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import { dayNumberOf } from '../day-math.ts';
import { referenceDay } from '../refiners/past-preferring-refiner.ts';

const PATTERN = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2})(?![\d/.-])/;

export class NumericDateParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    if (match.index === undefined) return null;
    const a = Number(match[1]);
    const b = Number(match[3]);
    const year = Number(match[4]);
    const pub = referenceDay(context);
    const readings = [
      { day: a, month: b },
      { day: b, month: a },
    ]
      .map((r) => ({ ...r, n: dayNumberOf(year, r.month, r.day) }))
      .filter((r): r is { day: number; month: number; n: number } => r.n !== null);
    if (readings.length === 0) return null;
    // Nearest to publication among those not after it; else nearest overall.
    const past = readings.filter((r) => r.n <= pub);
    const pool = past.length ? past : readings;
    const best = pool.reduce((x, y) => (Math.abs(y.n - pub) < Math.abs(x.n - pub) ? y : x));
    return context.createParsingResult(match.index, match[0], { day: best.day, month: best.month, year });
  }
}
