/**
 * Which cue of a sentence belongs to a candidate event: the nearest one to the trigger, preferring
 * cues inside the candidate's clause (a cue of an earlier clause may do: "When they met on Sunday,
 * the ministers signed ..."; one of a later clause may not), and never one that
 *   - an "after"/"before" phrase separates from the trigger ("X met Y on Sunday, two days after
 *     Z said on Friday": "met" gets Sunday, "said" gets Friday);
 *   - is possessive ("this year's exercises", "Tuesday's talks") unless the trigger follows it;
 *   - stands inside a quotation while the trigger is outside it, or the other way round
 *     ("We will meet next week," he said: the week is not the day of "said");
 *   - stands inside a relative clause while the trigger is outside it, or the other way round
 *     ("Vasconcelos, who is travelling in Asia this week, met Morimoto on Tuesday"), unless the
 *     clause follows the trigger noun itself ("The drills, which began on July 7, ...") or the
 *     trigger's relative clause follows a noun the day premodifies ("a Christmas Day broadcast by
 *     the general, who accused ...": dates.select.dated-noun);
 *   - follows another actor's event noun after the trigger ("condemned North Korea's launch last
 *     Thursday": Thursday dates the launch, not the condemnation), or an act noun with its
 *     complement ("condemned Pyongyang for the launch of an ICBM last week");
 *   - follows a participle modifying the act's object, someone's words or decision ("rejects the
 *     statements by the president during a show held last Friday": dates.select.object-day).
 */
import type { Span } from '../types.ts';
import { ACT_NOUN_PHRASE_BEFORE, ACT_NOUN_REACH, DATED_NOUN, EVENT_NOUN_BEFORE, OBJECT_DAY, SHARED_DAY } from './cue-data.ts';
import { datedNounAfter } from './dated-noun.ts';
import type { AnchorCue, DateCue } from './cues.ts';
import { quoteOf, quoteRanges } from './quotes.ts';

/** Extra distance for a cue outside the candidate's clause. */
const OUTSIDE_CLAUSE_PENALTY = 1000;
/** Cues farther than this from the trigger are never its own (run-on "sentences" of odd input). */
export const MAX_CUE_REACH = 500;
/** How close after a possessive cue the trigger must start ("Tuesday's talks"). */
const POSSESSIVE_REACH = 30;

export function gap(a: Span, b: Span): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

function inside(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** Where the phrase an anchor governs ends: the next clause break or the end of the sentence. */
export function complementEnd(text: string, anchor: Span): number {
  const m = /[,;:]|\s[-—–]\s/.exec(text.slice(anchor.end));
  return m ? anchor.end + m.index : text.length;
}

/**
 * True when an explicit anchor's phrase ("two days after Z said on Friday") holds exactly one of
 * the cue and the trigger: the cue then dates the other event. A parenthetical anchor that holds
 * neither ("On Monday, after weeks of talks, the sides signed") separates nothing.
 */
export function separatedByAnchor(text: string, cue: Span, trigger: Span, anchors: AnchorCue[]): boolean {
  for (const a of anchors) {
    if (a.implicit) continue;
    const end = complementEnd(text, a);
    // A cue's span may take in the comma that ends the phrase ("on Friday,"): where it starts decides.
    const cueIn = cue.start >= a.start && cue.start < end;
    const triggerIn = trigger.start >= a.start && trigger.start < end;
    if (cueIn !== triggerIn) return true;
  }
  return false;
}

/** A year after a day ("on April 2, 2024") does not close the clause (dates.select.relative-year). */
const RELATIVE_CLAUSE = /,\s+(?:who|whom|whose|which|where)\b(?:[^,;:"“”]|,\s\d{4}\b)*,/g;

/** Relative clauses set off by commas (", who is travelling in Asia this week,"), in text order. */
export function relativeClauses(text: string): Span[] {
  if (!text.includes(',')) return [];
  const out: Span[] = [];
  for (const m of text.matchAll(RELATIVE_CLAUSE)) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

/**
 * "a Christmas Day broadcast by the general, who accused ...": a relative clause that follows,
 * within a few words and no clause break, the noun a day premodifies (dates.select.dated-noun)
 * tells the act of that dated noun, so the day is the act's.
 */
export function relativeOnDatedNoun(text: string, cue: DateCue, relative: Span): boolean {
  if (cue.kind !== 'day') return false;
  const noun = datedNounAfter(text, cue);
  if (!noun || relative.start < noun.end || relative.start - noun.end > DATED_NOUN.relativeReach) return false;
  return !/[,;:"“”()]/.test(text.slice(noun.end, relative.start));
}

/** True when the cue dates something else than the trigger (see the header). */
export function attachedElsewhere(text: string, cue: Span, trigger: Span): boolean {
  if (/^\s*['’]s\b/.test(text.slice(cue.end, cue.end + 3))) {
    return !(trigger.start >= cue.end && trigger.start - cue.end <= POSSESSIVE_REACH);
  }
  if (cue.start >= trigger.end) {
    const before = text.slice(Math.max(trigger.end, cue.start - 40), cue.start);
    if (EVENT_NOUN_BEFORE.test(before)) return true;
    // "condemned North Korea for the launch of an ICBM last week": the week dates the launch.
    const phrase = text.slice(Math.max(trigger.end, cue.start - ACT_NOUN_REACH), cue.start);
    if (ACT_NOUN_PHRASE_BEFORE.test(phrase)) return true;
    // "rejects the statements by the president during a show held last Friday": the day dates
    // the object (dates.select.object-day).
    if (datesObject(text, cue, trigger)) return true;
  }
  return false;
}

/** "rejects the statements ... held last Friday": the cue dates the act's object (dates.select.object-day). */
export function datesObject(text: string, cue: Span, trigger: Span): boolean {
  if (cue.start < trigger.end || cue.start - trigger.end > OBJECT_DAY.reach) return false;
  const between = text.slice(trigger.end, cue.start);
  return !between.includes(';') && OBJECT_DAY.object.test(between) && OBJECT_DAY.participle.test(between);
}

/** "X warned of war and suspended the pact on Tuesday": the closing day is the first act's too (dates.select.shared-day). */
export function sharedDay(text: string, cue: DateCue, clause: Span): boolean {
  return cue.kind === 'day' && SHARED_DAY.between.test(text.slice(clause.end, cue.start)) && SHARED_DAY.after.test(text.slice(cue.end));
}

/** The cue among `cues` nearest to the trigger (clause first), or undefined. `text` is the sentence. */
export function nearestCue<T extends DateCue>(text: string, cues: T[], trigger: Span, clause: Span, anchors: AnchorCue[]): T | undefined {
  if (cues.length === 0) return undefined;
  let best: T | undefined;
  let bestScore = Infinity;
  const quotes = /["“”«»„]|''/.test(text) ? quoteRanges(text) : [];
  const triggerQuote = quoteOf(quotes, trigger);
  const relatives = relativeClauses(text);
  const triggerRelative = quoteOf(relatives, trigger);
  for (const c of cues) {
    const distance = gap(c, trigger);
    if (distance > MAX_CUE_REACH) continue;
    if (c.kind !== 'anchor' && separatedByAnchor(text, c, trigger, anchors)) continue;
    if (quotes.length && quoteOf(quotes, c) !== triggerQuote) continue;
    let viaDatedNoun = false;
    if (relatives.length && c.kind !== 'deadline') {
      const rel = quoteOf(relatives, c);
      // ", which began on July 7," right after the trigger noun describes that very event.
      const describesTrigger = rel !== undefined && rel.start >= trigger.end && rel.start - trigger.end <= 2;
      viaDatedNoun = rel === undefined && triggerRelative !== undefined && relativeOnDatedNoun(text, c, triggerRelative);
      if (rel !== triggerRelative && !describesTrigger && !viaDatedNoun) continue;
    }
    if (c.kind !== 'deadline' && !viaDatedNoun && attachedElsewhere(text, c, trigger)) continue;
    const own = inside(c, clause);
    // A cue in a later clause dates that clause's event ("India blamed X and, on May 7, struck Y"),
    // unless it ends the sentence after a second predicate of the same subject ("warned of war and
    // suspended the pact on Tuesday": dates.select.shared-day).
    if (!own && c.start >= clause.end && c.kind !== 'deadline' && !sharedDay(text, c, clause)) continue;
    const score = distance + (own ? 0 : OUTSIDE_CLAUSE_PENALTY);
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
