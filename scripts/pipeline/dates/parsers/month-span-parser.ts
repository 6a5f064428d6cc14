/**
 * Chrono parser for a month without a day: "in June", "early March 2024", "in late May last year".
 * Needs a preposition or part word before the month (so "March" the verb and "may" are never read),
 * and never takes a month followed by a day number ("June 5" is chrono's own month-day parser's).
 */
import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import { MONTH_SPAN } from '../cue-data.ts';
import { TAG, tag } from '../tags.ts';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** "early"/"mid"/"late"/"start of"/"end of" -> the part of the period meant. */
export function periodPart(prep: string | undefined): 'whole' | 'early' | 'mid' | 'late' {
  const p = (prep ?? '').toLowerCase();
  if (/early|start|beginning/.test(p)) return 'early';
  if (/mid|middle/.test(p)) return 'mid';
  if (/late|end/.test(p)) return 'late';
  return 'whole';
}

export class MonthSpanParser implements Parser {
  pattern(): RegExp {
    return MONTH_SPAN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const g = match.groups ?? {};
    // Month names are capitalised in news text: "in may" is not May.
    if (!/^[A-Z]/.test(g.month ?? '')) return null;
    const month = MONTHS[(g.month ?? '').slice(0, 3).toLowerCase()];
    if (!month || match.index === undefined) return null;
    const prep = (g.prep ?? '').trim().toLowerCase();
    // "last March" / "next June" / "this May": a relative month, written as the "rel" of the year.
    const relWord = /^(last|next|this)$/.test(prep) ? prep : (g.rel ?? 'none').toLowerCase();
    const result = context.createParsingResult(match.index, match[0], { month });
    if (g.year) result.start.assign('year', Number(g.year));
    result.addTag(tag(TAG.monthSpan, periodPart(prep), g.year ? 'none' : relWord));
    return result;
  }
}
