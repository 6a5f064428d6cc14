/**
 * The verb-group view of a sentence. Trigger rules are surface patterns: they need the parts of a
 * verb group, or a verb and its complement, next to each other. News puts adjuncts between them
 * ("the envoy was on Monday summoned", "had been formally recalled", "agreed in Beijing on
 * March 10 to resume", "the ambassador to France had been recalled"). This stage finds
 * the ELIDABLE ADJUNCTS of a sentence (time phrases, manner and sentence adverbs, place phrases,
 * the prepositional phrase after an envoy noun, connectives between commas; the classes are data
 * in scripts/data/constructions.json, each with a rule id) and builds a VIEW of the sentence
 * without them, with a map from every view character back to the original.
 *
 * Trigger detection also runs on the view (events/triggers.ts); a match found only there is
 * mapped back to original offsets, so every later stage (modality, actors, dates, titles) still
 * reads the original sentence. A view match counts only when it crosses an elision (some elided
 * words lie strictly between its first and last word) and no elision touches its edges (so the
 * look-behind and look-ahead conditions of a rule saw the original neighbours).
 *
 * Pure; one pass of each class pattern over the sentence (all repetition bounded), so linear.
 */
import data from '../../data/constructions.json' with { type: 'json' };
import { compileOne } from './patterns.ts';

/** A run of original text left out of the view. */
export interface Elision {
  /** Removed range of the original text: [start, end). */
  start: number;
  end: number;
  /** Ids of the adjunct classes whose words were removed (data-file ids). */
  rules: string[];
  /** The adjunct words themselves (without the commas or spaces removed around them). */
  words: string[];
  /** Where those words are in the original: [start, end) each. */
  parts: { start: number; end: number }[];
}

export interface SentenceView {
  /** The sentence without its elidable adjuncts. */
  text: string;
  /** For each character of `text`, its offset in the original sentence. */
  map: Int32Array;
  elisions: Elision[];
  /** Length of the original sentence. */
  originalLength: number;
}

/** An adjunct found in the original sentence (its words only). */
export interface AdjunctSpan {
  start: number;
  end: number;
  rule: string;
}

interface AdjunctClass {
  id: string;
  /** A pattern class; null for a word-list class (see `words`). */
  re: RegExp | null;
  onLower: boolean;
  /** Lower-case single words of a word-list class: looked up word by word, no regex. */
  words?: ReadonlySet<string>;
  /** Lower-case words after which this class is a complement, not an adjunct ("arrived in Beijing"). */
  notAfter?: ReadonlySet<string>;
  /** Lower-case words that make a match of this class meaningful, so not elidable ("at the airport"). */
  notContaining?: readonly string[];
  /** Speed only: the pattern cannot match a subject without `requiresCount` occurrences of these (any mix). */
  requires?: readonly string[];
  requiresCount: number;
}

interface AdjunctEntry {
  id: string;
  pattern?: string;
  words?: string[];
  notAfter?: string[];
  notContaining?: string[];
  requires?: string[];
  requiresCount?: number;
}

const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\n';

const CLASSES: AdjunctClass[] = (data.adjuncts as AdjunctEntry[]).map((a) => {
  const c = a.pattern === undefined ? null : compileOne(a.pattern, data.macros, 'g');
  if (!c && !(a.words ?? []).every((w) => /^[a-z]+$/.test(w))) throw new Error(`constructions.json: ${a.id}: words must be single lower-case ASCII words`);
  return {
    id: a.id,
    re: c?.re ?? null,
    onLower: c?.onLower ?? false,
    ...(c ? {} : { words: new Set(a.words ?? []) }),
    ...(a.notAfter ? { notAfter: new Set(a.notAfter.map((w) => w.toLowerCase())) } : {}),
    ...(a.notContaining ? { notContaining: a.notContaining.map((w) => w.toLowerCase()) } : {}),
    ...(a.requires ? { requires: a.requires } : {}),
    requiresCount: a.requiresCount ?? 1,
  };
});
const NOT_AFTER = new Map(CLASSES.filter((c) => c.notAfter).map((c) => [c.id, c.notAfter!]));

const isWordChar = (code: number) =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 45 || code > 127;

/** The lower-cased word that ends right before `at` in `text` (spaces skipped), or ''. */
function wordBefore(text: string, at: number): string {
  let end = at;
  while (end > 0 && isSpace(text[end - 1])) end--;
  let start = end;
  while (start > 0 && end - start < 40 && isWordChar(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end).toLowerCase();
}

/**
 * Whether `subject` holds at least `count` occurrences of the words of `list` (non-overlapping for one
 * word, counted over all of them): without them a class's pattern cannot match (its "requires").
 */
function holds(subject: string, list: readonly string[], count: number): boolean {
  let seen = 0;
  for (const w of list) {
    for (let at = subject.indexOf(w); at >= 0; at = subject.indexOf(w, at + w.length)) if (++seen >= count) return true;
  }
  return false;
}

/** The adjunct class ids, in data-file order (for tests and reports). */
export const ADJUNCT_RULES: readonly string[] = CLASSES.map((c) => c.id);

/** Whole words of `text` that are in `words` (compared lower-cased), not part of a longer token ("also-ran", "then's"). */
function wordListSpans(text: string, rule: string, words: ReadonlySet<string>, out: AdjunctSpan[]): void {
  const shape = shapeOf(words);
  const n = text.length;
  for (let at = 0; at < n; ) {
    if (!isWordChar(text.charCodeAt(at))) {
      at++;
      continue;
    }
    let ascii = text.charCodeAt(at) < 128;
    let end = at + 1;
    for (let c = 0; end < n && isWordChar((c = text.charCodeAt(end))); end++) if (c >= 128) ascii = false;
    const start = at;
    at = end;
    const next = text[end];
    if (next === "'" || next === '\u2019') continue;
    // Speed: an ASCII word lower-cases letter by letter, so one of another length or first letter is not in
    // the list (no copy of it made); other words are compared as before.
    if (ascii && (end - start < shape.min || end - start > shape.max || !shape.first[text.charCodeAt(start) | 32])) continue;
    if (end - start <= 20 && words.has(text.slice(start, end).toLowerCase())) out.push({ start, end, rule });
  }
}

/** Lengths and first letters of a word list's words (single lower-case ASCII words, checked at load). */
interface ListShape {
  min: number;
  max: number;
  first: Uint8Array;
}
const SHAPES = new WeakMap<ReadonlySet<string>, ListShape>();
function shapeOf(words: ReadonlySet<string>): ListShape {
  let shape = SHAPES.get(words);
  if (!shape) {
    shape = { min: Infinity, max: 0, first: new Uint8Array(128) };
    for (const w of words) {
      shape.min = Math.min(shape.min, w.length);
      shape.max = Math.max(shape.max, w.length);
      shape.first[w.charCodeAt(0)] = 1;
    }
    SHAPES.set(words, shape);
  }
  return shape;
}

/**
 * The elidable adjuncts of `text`, sorted by start, overlaps resolved in favour of the earlier
 * (then the longer) span.
 */
export function adjunctSpans(text: string): AdjunctSpan[] {
  let lower: string | null | undefined;
  const found: AdjunctSpan[] = [];
  for (const c of CLASSES) {
    if (!c.re) {
      if (c.words) wordListSpans(text, c.id, c.words, found);
      continue;
    }
    let subject = text;
    if (c.onLower) {
      if (lower === undefined) {
        const l = text.toLowerCase();
        lower = l.length === text.length ? l : null;
      }
      if (lower === null) continue; // lower-casing changed the length (rare Unicode): skip the class
      subject = lower;
    }
    // Speed: a sentence without the words every match needs is not scanned (exact: see "requires").
    if (c.requires && !holds(subject, c.requires, c.requiresCount)) continue;
    c.re.lastIndex = 0;
    for (let m = c.re.exec(subject); m; m = c.re.exec(subject)) {
      if (m[0].length === 0) {
        c.re.lastIndex++;
        continue;
      }
      const words = m[0].trimEnd();
      if (c.notContaining) {
        const low = words.toLowerCase();
        if (c.notContaining.some((w) => low.includes(w))) continue;
      }
      found.push({ start: m.index, end: m.index + words.length, rule: c.id });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: AdjunctSpan[] = [];
  for (const s of found) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      // Overlap: keep the earlier span, extended when the later one reaches further.
      if (s.end > last.end) last.end = s.end;
      continue;
    }
    // A class that is a complement after some verbs ("arrived on Monday in Beijing"): look at
    // the word before it in the view, i.e. skipping the adjuncts kept just before it.
    const notAfter = NOT_AFTER.get(s.rule);
    if (notAfter) {
      let at = s.start;
      for (let k = out.length - 1; k >= 0; k--) {
        let b = at;
        while (b > 0 && isSpace(text[b - 1])) b--;
        if (out[k]!.end !== b) break;
        at = out[k]!.start;
      }
      if (notAfter.has(wordBefore(text, at))) continue;
    }
    out.push({ ...s });
  }
  return out;
}

/**
 * The view of `text` without its elidable adjuncts, or null when it has none. Adjuncts separated
 * only by spaces form one run; a run set off by commas on both sides (", in Beijing on Monday,")
 * goes with its commas; otherwise with the spaces after it (before punctuation: the spaces before it).
 */
export function sentenceView(text: string): SentenceView | null {
  const spans = adjunctSpans(text);
  if (spans.length === 0) return null;
  const elisions: Elision[] = [];
  let i = 0;
  while (i < spans.length) {
    const first = spans[i]!;
    let end = first.end;
    const rules = [first.rule];
    const words = [text.slice(first.start, first.end)];
    const parts = [{ start: first.start, end: first.end }];
    let j = i + 1;
    for (; j < spans.length; j++) {
      const next = spans[j]!;
      let k = end;
      while (k < next.start && isSpace(text[k])) k++;
      if (k !== next.start) break;
      end = next.end;
      if (!rules.includes(next.rule)) rules.push(next.rule);
      words.push(text.slice(next.start, next.end));
      parts.push({ start: next.start, end: next.end });
    }
    i = j;
    let start = first.start;
    let before = start;
    while (before > 0 && isSpace(text[before - 1])) before--;
    let after = end;
    while (after < text.length && isSpace(text[after])) after++;
    if (before > 0 && text[before - 1] === ',' && text[after] === ',') {
      // A parenthetical: drop it with both commas, keep the space after the second one.
      start = before - 1;
      end = after + 1;
    } else if (after > end && after < text.length) {
      end = after;
    } else {
      start = before;
    }
    const prev = elisions[elisions.length - 1];
    if (prev && start <= prev.end) {
      prev.end = Math.max(prev.end, end);
      for (const r of rules) if (!prev.rules.includes(r)) prev.rules.push(r);
      prev.words.push(...words);
      prev.parts.push(...parts);
    } else {
      elisions.push({ start, end, rules, words, parts });
    }
  }
  let length = text.length;
  for (const e of elisions) length -= e.end - e.start;
  const map = new Int32Array(length);
  let view = '';
  let v = 0;
  let from = 0;
  for (const e of [...elisions, { start: text.length, end: text.length, rules: [], words: [], parts: [] }]) {
    view += text.slice(from, e.start);
    for (let k = from; k < e.start; k++) map[v++] = k;
    from = e.end;
  }
  return { text: view, map, elisions, originalLength: text.length };
}

export interface MappedMatch {
  start: number;
  end: number;
  /** The elisions the match crossed. */
  crossed: Elision[];
}

/**
 * Original offsets of the view range [start, end): start of its first word to end of its last.
 * Null when the range crosses no elision (the original sentence has the same words: its own
 * match decides) or an elision lies between it and the nearest non-space character on either
 * side (a rule's look-behind or look-ahead would have seen other neighbours than in the original).
 */
export function toOriginal(view: SentenceView, start: number, end: number): MappedMatch | null {
  const { map, text } = view;
  const n = map.length;
  if (start < 0 || end > n || end <= start) return null;
  const oStart = map[start]!;
  const oEnd = map[end - 1]! + 1;
  // The nearest non-space character on each side must be the same neighbour as in the original.
  let k = start - 1;
  while (k >= 0 && isSpace(text[k])) k--;
  if (oStart - (k >= 0 ? map[k]! : -1) !== start - k) return null;
  k = end;
  while (k < n && isSpace(text[k])) k++;
  if ((k < n ? map[k]! : view.originalLength) - (oEnd - 1) !== k - (end - 1)) return null;
  const crossed = view.elisions.filter((e) => e.start > oStart && e.end < oEnd);
  return crossed.length ? { start: oStart, end: oEnd, crossed } : null;
}

/** Whether original offset `at` falls strictly inside the words of an elided adjunct ("called on| Monday"). */
export function cutsAdjunct(view: SentenceView, at: number): boolean {
  return view.elisions.some((e) => e.parts.some((p) => p.start < at && at < p.end));
}
