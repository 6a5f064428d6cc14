/**
 * Chrono parser for phrases that date an event against another one: "hours after",
 * "two days before", "the day after", "a day earlier", "following", "in the wake of".
 * "N days later/earlier" and "the previous day" are implicit: the other event is the one told before.
 * "on the second day of his visit" is one day after the visit named after it.
 */
import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import { ANCHOR_PATTERNS, ORDINAL_DAYS, alternation, numberOf } from '../cue-data.ts';
import { TAG, markAsDate, tag } from '../tags.ts';

const COMBINED = alternation(ANCHOR_PATTERNS.map((a, i) => stripNames(a.source, i)), 'a');

/** Named groups must be unique in one regex: suffix each pattern's names with its index. */
function stripNames(source: string, i: number): string {
  return source.replace(/\(\?<([a-zA-Z]\w*)>/g, (_, name: string) => `(?<${name}_${i}>`);
}

export class AnchorParser implements Parser {
  pattern(): RegExp {
    return COMBINED;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const g = match.groups ?? {};
    const i = ANCHOR_PATTERNS.findIndex((_, k) => g[`a${k}`] !== undefined);
    const pat = ANCHOR_PATTERNS[i];
    if (!pat || match.index === undefined) return null;
    const get = (name: string): string | undefined => g[`${name}_${i}`];
    const text = match[0].toLowerCase();
    let rel = (get('rel') ?? get('rel2') ?? get('rel3') ?? get('rel4') ?? '').toLowerCase();
    let implicit = false;
    if (/^(later|afterwards?|thereafter|next|following)$/.test(rel) && !/^following$/.test(text.trim())) {
      rel = 'after';
      implicit = true;
    } else if (/^(earlier|previous)$/.test(rel)) {
      rel = 'before';
      implicit = true;
    } else if (/ahead of|prior to/.test(rel)) {
      rel = 'before';
    } else if (/following|in the wake of|in response to|in retaliation for|in reprisal for/.test(rel)) {
      rel = 'after';
    }
    // "the same day", "earlier in the day", "later that day", "That day", "on that occasion": the
    // day of the event told before.
    const sameDay = /same day|in the day|that day|that occasion/.test(text);
    if (sameDay) {
      rel = 'after';
      implicit = true;
    }
    // "on the eve of the summit": the day before the event named next.
    if (/^on the eve of/i.test(match[0])) {
      const result = context.createParsingResult(match.index, match[0]);
      result.addTag(tag(TAG.anchor, 'before', 'day', 1, 0));
      return markAsDate(result);
    }
    // "on the second day of his visit": that many days after the start of the event named next.
    const ord = get('ord')?.toLowerCase();
    if (ord !== undefined) {
      const nth = ORDINAL_DAYS[ord];
      const result = context.createParsingResult(match.index, match[0]);
      result.addTag(tag(TAG.anchor, 'after', 'ordinal', nth === undefined ? 'few' : nth - 1, 0));
      return markAsDate(result);
    }
    if (rel !== 'after' && rel !== 'before') return null;
    const unit = sameDay ? 'day' : (get('unit') ?? get('unit3') ?? get('unit4') ?? pat.unitDefault ?? 'none').toLowerCase().replace(/s$/, '');
    const hasCount = get('n') !== undefined;
    const count = sameDay ? 0 : (numberOf(get('n')) ?? (unit === 'none' ? 0 : 1));
    const result = context.createParsingResult(match.index, match[0]);
    // A bare unit ("hours after", "days after") is a handful of them, not one.
    result.addTag(tag(TAG.anchor, rel, unit, hasCount || sameDay || unit === 'none' || /\b(a|an|one|the)\b/.test(text) ? count : 'few', implicit ? 1 : 0));
    return markAsDate(result);
  }
}
