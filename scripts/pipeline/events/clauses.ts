/**
 * Clause spans of a sentence: cut at semicolons, dashes and clause-opening conjunctions
 * (", as", ", while", " after the president held", " and signed") outside quotations.
 * Each clause may hold one event.
 */
import rules from '../../data/event-rules.json' with { type: 'json' };
import type { QuoteRange } from './quotes.ts';
import { readPattern } from './patterns.ts';

export interface ClauseSpan {
  /** Relative offsets in the sentence. */
  start: number;
  end: number;
}

const BOUNDARY = new RegExp(
  rules.clauseBoundaries.map((raw) => `(?:${readPattern(raw).source})`).join('|'),
  'giu',
);

function inside(pos: number, quotes: readonly QuoteRange[]): boolean {
  return quotes.some((q) => pos > q.start && pos < q.end);
}

/** Clauses covering the whole of `text`, in order; boundaries inside quotations are ignored. */
export function clauseSpans(text: string, quotes: readonly QuoteRange[]): ClauseSpan[] {
  const out: ClauseSpan[] = [];
  let from = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    if (m[0].length === 0) BOUNDARY.lastIndex++;
    if (m.index <= from || inside(m.index, quotes)) continue;
    out.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  out.push({ start: from, end: text.length });
  return out.filter((c) => c.end > c.start);
}
