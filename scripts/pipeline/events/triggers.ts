/**
 * Trigger detection. Each rule of scripts/data/event-rules.json lists the words its match can
 * start at ("anchors", `warn*` = any word starting "warn"). A sentence is cut into ASCII
 * words once; only at anchor words are the rules tried, each as a sticky regex compiled at
 * module load. This keeps detection linear and cheap (no scan of every rule at every position).
 */
import rules from '../../data/event-rules.json' with { type: 'json' };
import type { EventType } from '../types.ts';
import { compileOne, type CompiledPattern } from './patterns.ts';
import { cutsAdjunct, sentenceView, toOriginal, type SentenceView } from './constructions.ts';
import { LEXICON_TRIGGERS } from './lexicon.ts';

export type TriggerType = EventType | 'attribution';
export type TriggerForm = 'verb' | 'noun';

export interface TriggerRule {
  name: string;
  type: TriggerType;
  form: TriggerForm;
  confidence: number;
  /** Position in the data file: lower wins ties. */
  order: number;
  /** Background-only ("the deal signed on ..."): never the news of a clause; an event only with a day of its own. */
  background?: boolean;
}

export interface TriggerMatch {
  rule: TriggerRule;
  /** Offsets relative to the searched text. */
  start: number;
  end: number;
  text: string;
  /** Set when the match was found only in the verb-group view (events/constructions.ts): the ids of the adjunct classes it read across, joined by "+". */
  via?: string;
  /** With `via`: the adjunct words the match read across. */
  elided?: string[];
}

interface Compiled extends CompiledPattern {
  rule: TriggerRule;
  /** Case-insensitive twin of a lower-case rule, built on first need (text whose lower case changes length). */
  ciTwin?: RegExp;
}

/** A trie over lower-case ASCII letters: each node knows the rules whose anchor ends there. */
interface TrieNode {
  next: (TrieNode | null)[];
  /** Rules anchored at exactly this word. */
  exact: Compiled[];
  /** Rules anchored at any word starting with this stem. */
  prefix: Compiled[];
  /** Filled after loading: rules for a word that goes on past this node / ends here, in data-file order. */
  passing: Compiled[];
  ending: Compiled[];
}
const newNode = (): TrieNode => ({ next: new Array<TrieNode | null>(26).fill(null), exact: [], prefix: [], passing: [], ending: [] });
const root = newNode();

/**
 * The hand-written triggers, with the verb lexicon's rules (events/lexicon.ts) placed after them
 * but before the generic one-word speech verb rule: a lexicon frame needs its verb and its object
 * ("vowed to end aid", "dismissed the allegations"), so where it matches it is more specific
 * than "vowed"/"dismissed" as a mere speech verb; everywhere else the hand rules win ties.
 */
const LEXICON_BEFORE = 'statement.said';
interface TriggerSource {
  name: string;
  type: string;
  form: string;
  confidence: number;
  pattern: string;
  anchors: readonly string[];
  background?: boolean;
}
const handTriggers: TriggerSource[] = rules.triggers;
const lexiconAt = handTriggers.findIndex((t) => t.name === LEXICON_BEFORE);
const allTriggers: TriggerSource[] =
  lexiconAt < 0
    ? [...handTriggers, ...LEXICON_TRIGGERS]
    : [...handTriggers.slice(0, lexiconAt), ...LEXICON_TRIGGERS, ...handTriggers.slice(lexiconAt)];

const compiled: Compiled[] = allTriggers.map((t, order) => ({
  ...compileOne(t.pattern, rules.macros, 'y'),
  rule: {
    name: t.name,
    type: t.type as TriggerType,
    form: t.form as TriggerForm,
    confidence: t.confidence,
    order,
    ...(t.background ? { background: true } : {}),
  },
}));
allTriggers.forEach((t, i) => {
  const c = compiled[i]!;
  for (const raw of t.anchors) {
    const word = raw.toLowerCase();
    const isPrefix = word.endsWith('*');
    const stem = isPrefix ? word.slice(0, -1) : word;
    if (!/^[a-z]+$/.test(stem)) throw new Error(`trigger anchor "${raw}" of ${t.name} must be ASCII letters`);
    let node = root;
    for (let k = 0; k < stem.length; k++) {
      const code = stem.charCodeAt(k) - 97;
      node = node.next[code] ??= newNode();
    }
    const list = isPrefix ? node.prefix : node.exact;
    if (!list.includes(c)) list.push(c);
  }
});

/**
 * Precomputes each node's candidate lists so lookups allocate nothing. A node that adds no rule
 * shares its parent's list (already unique and in data-file order) instead of a sorted copy: most
 * nodes of the trie are inner letters of one anchor, so this keeps module load (every worker
 * thread pays it) and its garbage small. The lists are only read.
 */
function settle(node: TrieNode, inherited: Compiled[]): void {
  const byOrder = (list: Compiled[]) => [...new Set(list)].sort((a, b) => a.rule.order - b.rule.order);
  node.passing = node.prefix.length === 0 ? inherited : byOrder([...inherited, ...node.prefix]);
  node.ending = node.exact.length === 0 ? node.passing : byOrder([...node.passing, ...node.exact]);
  for (const child of node.next) if (child) settle(child, node.passing);
}
settle(root, []);

/**
 * Speed: the settled trie as flat tables, read by rulesAt for every word of every sentence (twice with
 * the verb-group view): TRANS[node * 26 + letter] is the child's number + 1 (0: none), and each node's
 * lists are at its number. Nodes are numbered depth first from the root (0).
 */
const PASSING: Compiled[][] = [];
const ENDING: Compiled[][] = [];
const children: number[][] = [];
(function number(node: TrieNode): number {
  const id = PASSING.length;
  PASSING.push(node.passing);
  ENDING.push(node.ending);
  children.push([]);
  const kids = node.next.map((child) => (child ? number(child) + 1 : 0));
  children[id] = kids;
  return id;
})(root);
const TRANS = new Int32Array(PASSING.length * 26);
children.forEach((kids, id) => kids.forEach((k, letterIndex) => (TRANS[id * 26 + letterIndex] = k)));

/** All trigger rules, in data-file order (for tests and reports). */
export const TRIGGER_RULES: readonly TriggerRule[] = compiled.map((c) => c.rule);

const LETTER_BEFORE = /[\p{L}\p{N}]/u;

/**
 * Accented Latin letters (U+00C0..U+024F) fold to their base letter for anchor lookup, so that a
 * rule anchored at "charge" is tried at "chargé" (its pattern says which spellings it accepts).
 */
const LATIN_FOLD: readonly number[] = Array.from({ length: 0x250 - 0xc0 }, (_, i) => {
  const base = String.fromCharCode(0xc0 + i).normalize('NFD').charAt(0).toLowerCase();
  return base >= 'a' && base <= 'z' && base.length === 1 ? base.charCodeAt(0) - 97 : -1;
});

/** For each code below U+0250: its lower-case letter index 0..25 (ASCII letters, accented Latin letters by their base), or -1. */
const LETTER_OF = Int8Array.from({ length: 0x250 }, (_, code) => {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 0xc0) return LATIN_FOLD[code - 0xc0]!;
  return -1;
});

/** Lower-case letter index 0..25 of an ASCII letter code (or an accented Latin letter's base), or -1. */
function letter(code: number): number {
  return code < 0x250 ? LETTER_OF[code]! : -1;
}

/** Rules anchored at the word text[start, end) (every character a letter()), in data-file order. */
function rulesAt(text: string, start: number, end: number): Compiled[] {
  let node = 0;
  for (let k = start; k < end; k++) {
    const child = TRANS[node * 26 + letter(text.charCodeAt(k))]!;
    if (child === 0) return PASSING[node]!;
    node = child - 1;
  }
  return ENDING[node]!;
}

/**
 * Non-overlapping trigger matches in `text`, in order of position: at each anchor word the
 * first rule (in data-file order) that matches there; an earlier match hides later ones it overlaps.
 * The rules also run on the sentence's verb-group view (events/constructions.ts: the sentence
 * without elidable adjuncts such as "on Monday", "formally", "in Beijing"); a match found only
 * there, crossing an elided adjunct and overlapping no match of the original, is added with the
 * original offsets of its first and last word and `via` naming the adjunct classes it read across.
 */
export function findTriggers(text: string): TriggerMatch[] {
  let kept = scanTriggers(text);
  const view = sentenceView(text);
  if (!view) return kept;
  let added = false;
  // A view match counts only when it crosses an elision (toOriginal), so one that starts at or
  // after the last elision's start in the original cannot: the view is scanned only up to there.
  // The scan goes left to right, so the matches before that point are the same as a full scan's.
  for (const m of scanTriggers(view.text, viewIndexOf(view, view.elisions[view.elisions.length - 1]!.start))) {
    const o = toOriginal(view, m.start, m.end);
    if (!o) continue;
    // The view's match is the one a scan would find if the adjuncts were absent. An original match
    // that starts at or before it wins, unless (a) it starts at the same word with a rule of
    // another type that the scan tries later ("vowed on Friday to retaliate": the threat rule
    // comes before the bare speech verb; a rule of the same type keeps the original reading), or
    // (b) it ends inside an adjunct, reading the adjunct's preposition as part of the verb
    // ("called on| Monday for"). An original match that starts inside the view's match is hidden
    // by it, as a later overlapping match is in one scan ("arrived on Monday in X for talks"
    // hides the bare noun "talks").
    const wins = (k: TriggerMatch) =>
      k.start <= o.start && o.start < k.end && !(k.start === o.start && m.rule.order < k.rule.order && m.rule.type !== k.rule.type) && !cutsAdjunct(view, k.end);
    if (kept.some(wins)) continue;
    const via = [...new Set(o.crossed.flatMap((e) => e.rules))].join('+');
    kept = kept.filter((k) => !(k.start < o.end && o.start < k.end));
    kept.push({ rule: m.rule, start: o.start, end: o.end, text: text.slice(o.start, o.end), via, elided: o.crossed.flatMap((e) => e.words) });
    added = true;
  }
  return added ? kept.sort((a, b) => a.start - b.start) : kept;
}

/** The first index of the view whose original offset is at or after `original` (the view's length if none). */
function viewIndexOf(view: SentenceView, original: number): number {
  const { map } = view;
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (map[mid]! < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The matches of the rules in `text` itself (see findTriggers), at words starting before
 * `stopAt` (a match found there may still reach past it).
 */
function scanTriggers(text: string, stopAt = text.length): TriggerMatch[] {
  let lower: string | null | undefined;
  const kept: TriggerMatch[] = [];
  let reach = 0;
  const n = text.length;
  for (let at = 0; at < stopAt; ) {
    if (letter(text.charCodeAt(at)) < 0) {
      at++;
      continue;
    }
    let wordEnd = at + 1;
    while (wordEnd < n && letter(text.charCodeAt(wordEnd)) >= 0) wordEnd++;
    const wordStart = at;
    at = wordEnd;
    if (wordStart < reach) continue;
    const candidates = rulesAt(text, wordStart, wordEnd);
    if (candidates.length === 0) continue;
    if (wordStart > 0 && LETTER_BEFORE.test(text[wordStart - 1] ?? '')) continue;
    for (const c of candidates) {
      const at = wordStart;
      if (c.onLower && lower === undefined) {
        const lowered = text.toLowerCase();
        lower = lowered.length === text.length ? lowered : null;
      }
      const subject = c.onLower ? (lower ?? null) : text;
      const re = c.onLower && !lower ? null : c.re;
      let m: RegExpExecArray | null = null;
      if (re && subject !== null) {
        re.lastIndex = at;
        m = re.exec(subject);
      } else {
        // Lower-casing changed the length (rare Unicode): fall back to a case-insensitive copy.
        c.ciTwin ??= new RegExp(c.re.source, 'iuy');
        c.ciTwin.lastIndex = at;
        m = c.ciTwin.exec(text);
      }
      if (!m || m[0].length === 0) continue;
      const words = text.slice(at, at + m[0].length).trimEnd();
      kept.push({ rule: c.rule, start: at, end: at + words.length, text: words });
      reach = at + words.length;
      break;
    }
  }
  return kept;
}

/** A word-class rule of event-rules.json `nounReadings`, compiled. */
interface NounReading {
  id: string;
  before: RegExp;
  words: ReadonlySet<string>;
}
const NOUN_DATA = rules.nounReadings as {
  words: string[];
  notAfter: string;
  rules: { id: string; before: string; determinerWords?: string[] }[];
};
const NOUN_WORDS: ReadonlySet<string> = new Set(NOUN_DATA.words);
const NOUN_NOT_AFTER = new RegExp(NOUN_DATA.notAfter, 'u');
const NOUN_READINGS: NounReading[] = NOUN_DATA.rules.map((r) => ({
  id: r.id,
  before: new RegExp(r.before, 'u'),
  words: new Set(r.determinerWords ?? NOUN_DATA.words),
}));
/** How far back the noun-reading contexts look. */
const NOUN_WINDOW = 60;

/**
 * "None of the EU states has expelled", "several Western states", "the African states": a verb
 * trigger whose first word is also a plural noun, read as the noun after a quantifier, number or
 * determiner (event-rules.json `nounReadings`). Returns the rule id (`triggers.noun-reading.<id>`)
 * when the match is a noun, undefined when it may be the verb.
 */
export function nounReading(text: string, t: TriggerMatch): string | undefined {
  if (t.rule.form !== 'verb') return undefined;
  const first = /^[\p{L}]+/u.exec(t.text)?.[0]?.toLowerCase();
  if (!first || !NOUN_WORDS.has(first)) return undefined;
  const wordEnd = t.start + first.length;
  if (NOUN_NOT_AFTER.test(text.slice(wordEnd, wordEnd + 10).toLowerCase())) return undefined;
  const before = text.slice(Math.max(0, t.start - NOUN_WINDOW), t.start).toLowerCase();
  for (const r of NOUN_READINGS) if (r.words.has(first) && r.before.test(before)) return `triggers.noun-reading.${r.id}`;
  return undefined;
}
