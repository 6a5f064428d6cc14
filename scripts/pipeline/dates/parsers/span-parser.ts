/**
 * Chrono parser for vague periods: "earlier this month", "last week", "recently", "next month".
 * The phrase list is data (date-cues.json "spans"); the result carries only a tag naming the span
 * rule (spans.ts turns it into days once the publication day and the clause's tense are known).
 */
import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import { SPAN_PATTERNS, alternation } from '../cue-data.ts';
import { TAG, markAsDate, tag } from '../tags.ts';

/** All span phrases as one alternation; at one position the phrase listed first wins. */
const COMBINED = alternation(SPAN_PATTERNS.map((s) => s.source), 's');

export class SpanParser implements Parser {
  pattern(): RegExp {
    return COMBINED;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const groups = match.groups ?? {};
    const i = SPAN_PATTERNS.findIndex((_, k) => groups[`s${k}`] !== undefined);
    const span = SPAN_PATTERNS[i];
    if (!span || match.index === undefined) return null;
    const result = context.createParsingResult(match.index, match[0]);
    result.addTag(tag(TAG.span, span.rule));
    return markAsDate(result);
  }
}
