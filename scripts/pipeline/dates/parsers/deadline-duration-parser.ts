/**
 * Chrono parser for deadline lengths: "within 50 days", "a 10-day ultimatum". The result is a
 * deadline (counted from the event's day), never the event's own date.
 */
import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import { DEADLINE_DURATION, numberOf } from '../cue-data.ts';
import { TAG, markAsDate, tag } from '../tags.ts';

/** Days per unit ("72 hours" = 3 days). */
const UNIT_DAYS: Record<string, number> = { hour: 1 / 24, day: 1, week: 7, month: 30 };

export class DeadlineDurationParser implements Parser {
  pattern(): RegExp {
    return DEADLINE_DURATION;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const g = match.groups ?? {};
    const unitWord = (g.unit ?? g.unit2 ?? '').toLowerCase().replace(/s$/, '');
    const perUnit = UNIT_DAYS[unitWord];
    const count = numberOf(g.n ?? g.n2) ?? 1;
    if (perUnit === undefined || match.index === undefined) return null;
    const result = context.createParsingResult(match.index, match[0]);
    result.addTag(tag(TAG.deadlineDuration, Math.round(count * perUnit)));
    return markAsDate(result);
  }
}
