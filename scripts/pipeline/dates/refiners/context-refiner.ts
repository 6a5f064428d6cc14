/**
 * Runs after chrono's own refiners and tags each result with what the words around it say:
 *   - deadline: "by Friday", "until March 3", "no later than", "the July 20 deadline";
 *   - future context: a future word ("will", "is due to", "scheduled") in the few words before the
 *     cue, within the same clause (stopping at punctuation and at an earlier cue);
 *   - relative: "yesterday", "today", "two days ago".
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { DEADLINE_AFTER, DEADLINE_BEFORE, FUTURE_MARKERS, FUTURE_WINDOW_WORDS } from '../cue-data.ts';
import { TAG, hasTag } from '../tags.ts';

const CLAUSE_BREAK = /[,;:()\[\]"“”—–]|\s-\s/g;
const RELATIVE_WORDS = /\b(yesterday|today|tonight|tomorrow|last\s+night|this\s+(morning|afternoon|evening)|ago)\b/i;

/** The words before `index` that belong to the cue's clause: back to punctuation or `floor`. */
export function clauseWindow(text: string, index: number, floor: number): string {
  let from = Math.max(floor, index - 160);
  const chunk = text.slice(from, index);
  let lastBreak = -1;
  for (const m of chunk.matchAll(CLAUSE_BREAK)) lastBreak = (m.index ?? 0) + m[0].length;
  if (lastBreak >= 0) from += lastBreak;
  const words = text.slice(from, index).trim().split(/\s+/);
  return words.slice(-FUTURE_WINDOW_WORDS).join(' ');
}

export class ContextRefiner implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    let floor = 0;
    for (const r of results) {
      const isAnchor = hasTag(r, TAG.anchor) || hasTag(r, TAG.deadlineDuration);
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
