/**
 * Runs after chrono's own refiners and tags each result with what the words around it say:
 *   - deadline: "by Friday", "until March 3", "no later than", "the July 20 deadline";
 *   - future context: a future word ("will", "is due to", "scheduled") in the few words before the
 *     cue, within the same clause (stopping at punctuation and at an earlier cue);
 *   - relative: "yesterday", "today", "two days ago".
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { DEADLINE_AFTER, DEADLINE_BEFORE, FUTURE_MARKERS, FUTURE_WINDOW_WORDS } from '../cue-data.ts';
import { TAG, hasIn, tagsOf } from '../tags.ts';

/** Characters that end a clause for the future-word window. */
const BREAK_CHARS = new Set([',', ';', ':', '(', ')', '[', ']', '"', '“', '”', '—', '–']);
const RELATIVE_WORDS = /\b(yesterday|today|tonight|tomorrow|last\s+night|this\s+(morning|afternoon|evening)|ago)\b/i;

/**
 * The words before `index` that belong to the cue's clause: back to punctuation, to `floor`
 * (the end of the previous cue) or FUTURE_WINDOW_WORDS words, whichever is nearest.
 */
export function clauseWindow(text: string, index: number, floor: number): string {
  let words = 0;
  let inWord = false;
  let i = index - 1;
  for (; i >= floor; i--) {
    const ch = text[i]!;
    if (BREAK_CHARS.has(ch) || (ch === '-' && text[i - 1] === ' ' && text[i + 1] === ' ')) break;
    const space = ch === ' ' || ch === '\n' || ch === '\t';
    if (!space && !inWord) {
      inWord = true;
    } else if (space && inWord) {
      inWord = false;
      if (++words >= FUTURE_WINDOW_WORDS) break;
    }
  }
  return text.slice(i + 1, index).trim();
}

export class ContextRefiner implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    let floor = 0;
    for (const r of results) {
      const tags = tagsOf(r);
      const isAnchor = hasIn(tags, TAG.anchor) || hasIn(tags, TAG.deadlineDuration);
      if (!isAnchor) {
        const before = context.text.slice(Math.max(0, r.index - 40), r.index);
        const after = context.text.slice(r.index + r.text.length, r.index + r.text.length + 30);
        if (DEADLINE_BEFORE.test(before) || DEADLINE_AFTER.test(after)) r.addTag(TAG.deadline);
        const window = clauseWindow(context.text, r.index, floor);
        if (FUTURE_MARKERS.test(window) || /^(next|coming)\b/i.test(r.text.trim())) r.addTag(TAG.futureContext);
        if (RELATIVE_WORDS.test(r.text)) r.addTag(TAG.relative);
      }
      floor = r.index + r.text.length;
    }
    return results;
  }
}
