/**
 * Quoted stretches of a sentence. A date inside a quotation ("We will meet next week," he said)
 * belongs to the quoted words, not to the speech verb outside them. A sentence may open inside a
 * quotation begun in an earlier sentence (its first quote mark then closes) or end inside one.
 */
import type { Span } from '../types.ts';

/** Is the straight quote at `i` a closing one (after a word or punctuation, before a space or the end)? */
function looksClosing(text: string, i: number): boolean {
  const before = text[i - 1] ?? ' ';
  const after = text[i + 1] ?? ' ';
  return /\S/.test(before) && /[\s,.;:!?)]/.test(after);
}

export function quoteRanges(text: string): Span[] {
  const ranges: Span[] = [];
  const norm = text.replace(/''/g, '"\u0000').replace(/[«»„]/g, '"');
  let open = -1;
  let sawAny = false;
  for (let i = 0; i < norm.length; i++) {
    const ch = norm[i];
    if (ch === '“') {
      if (open < 0) open = i;
      sawAny = true;
    } else if (ch === '”') {
      if (open >= 0) {
        ranges.push({ start: open, end: i + 1 });
        open = -1;
      } else if (!sawAny) {
        ranges.push({ start: 0, end: i + 1 });
      }
      sawAny = true;
    } else if (ch === '"') {
      if (open >= 0) {
        ranges.push({ start: open, end: i + 1 });
        open = -1;
      } else if (!sawAny && looksClosing(norm, i)) {
        ranges.push({ start: 0, end: i + 1 });
      } else {
        open = i;
      }
      sawAny = true;
    }
  }
  if (open >= 0) ranges.push({ start: open, end: norm.length });
  return ranges;
}

/** The quote range holding `span`, or undefined (ranges in text order, not overlapping: binary search). */
export function quoteOf(ranges: readonly Span[], span: Span): Span | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (span.start < r.start) hi = mid - 1;
    else if (span.start >= r.end) lo = mid + 1;
    else return span.end <= r.end ? r : undefined;
  }
  return undefined;
}
