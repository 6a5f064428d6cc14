/**
 * Clause spans of a sentence: cut at semicolons, dashes and clause-opening conjunctions
 * (", as", ", while", " after the president held", " and signed") outside quotations, and
 * after an opening subordinate clause ("If Tehran rejects the offer, ..."). Each clause may
 * hold one event. Patterns are data (event-rules.json), written in lower case and run on
 * the lower-cased sentence.
 */
import rules from '../../data/event-rules.json' with { type: 'json' };
import type { QuoteRange } from './quotes.ts';
import { readPattern } from './patterns.ts';

export interface ClauseSpan {
  /** Relative offsets in the sentence. */
  start: number;
  end: number;
}

const SOURCES = rules.clauseBoundaries.map((raw) => `(?:${readPattern(raw).source})`).join('|');
const BOUNDARY_LOWER = new RegExp(SOURCES, 'gu');
const BOUNDARY_ANY_CASE = new RegExp(SOURCES, 'giu');
const LEADING = new RegExp(rules.leadingSubordinateClause, 'du');

/** Whether `pos` lies strictly inside a quotation (binary search: quotes are in text order). */
function inside(pos: number, quotes: readonly QuoteRange[]): boolean {
  let lo = 0;
  let hi = quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = quotes[mid]!;
    if (pos <= q.start) hi = mid - 1;
    else if (pos >= q.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Clauses covering the whole of `text`, in order; boundaries inside quotations are ignored. */
export function clauseSpans(text: string, quotes: readonly QuoteRange[]): ClauseSpan[] {
  const lowered = text.toLowerCase();
  const sameLength = lowered.length === text.length;
  const subject = sameLength ? lowered : text;
  const re = sameLength ? BOUNDARY_LOWER : BOUNDARY_ANY_CASE;
  const raw: ClauseSpan[] = [];
  let from = 0;
  re.lastIndex = 0;
  for (let m = re.exec(subject); m; m = re.exec(subject)) {
    if (m[0].length === 0) re.lastIndex++;
    if (m.index <= from || inside(m.index, quotes)) continue;
    raw.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  raw.push({ start: from, end: text.length });
  // An opening subordinate clause ("If Tehran rejects the offer, ...") is a clause of its own.
  const out: ClauseSpan[] = [];
  for (const c of raw) {
    const lead = sameLength ? LEADING.exec(lowered.slice(c.start, c.end)) : null;
    const comma = lead?.indices?.[1];
    if (comma && !inside(c.start + comma[0], quotes)) {
      out.push({ start: c.start, end: c.start + comma[0] });
      out.push({ start: c.start + comma[1], end: c.end });
    } else {
      out.push(c);
    }
  }
  return out.filter((c) => c.end > c.start);
}
