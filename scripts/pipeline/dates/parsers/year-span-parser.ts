/**
 * Chrono parser for a bare year: "in 2022", "late 2023". A year alone is background at best, so
 * the result is only ever an approximate date (see spans.ts); "the 1990s" and "2022's" are not read.
 */
import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import { YEAR_SPAN } from '../cue-data.ts';
import { TAG, tag } from '../tags.ts';
import { periodPart } from './month-span-parser.ts';

export class YearSpanParser implements Parser {
  pattern(): RegExp {
    return YEAR_SPAN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const g = match.groups ?? {};
    if (!g.year || match.index === undefined) return null;
    const result = context.createParsingResult(match.index, match[0], { year: Number(g.year) });
    result.addTag(tag(TAG.yearSpan, periodPart(g.prep)));
    return result;
  }
}
