/**
 * Tokens for gazetteer matching: words, "'s" possessive markers and single punctuation marks,
 * with offsets into the text they came from.
 */

export interface Token {
  /** The token as written. */
  raw: string;
  /** Lower case, accents removed, curly apostrophes straightened: the trie key. */
  norm: string;
  start: number;
  end: number;
}

const MARKS_RE = /\p{M}/gu;

/** Lower case, no diacritics, straight apostrophes and hyphens. */
export function normalizeToken(raw: string): string {
  let s = raw;
  if (/[^\x00-\x7f]/.test(s)) {
    s = s.normalize('NFD').replace(MARKS_RE, '').replace(/[’‘`´]/g, "'").replace(/[‐-―]/g, '-');
  }
  return s.toLowerCase();
}

/** Character classes for BMP code points: 1 word (letter, mark, digit), 2 other, 3 space; 0 not yet known. */
const CLASS = new Uint8Array(65536);
const WORD_RE = /[\p{L}\p{M}\p{N}]/u;
const SPACE_RE = /\s/u;
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  CLASS[c] = /[A-Za-z0-9]/.test(ch) ? 1 : /\s/.test(ch) ? 3 : 2;
}

function charClass(c: number): number {
  let k = CLASS[c]!;
  if (k === 0) {
    if (c >= 0xd800 && c <= 0xdfff) k = 1;
    else {
      const ch = String.fromCharCode(c);
      k = WORD_RE.test(ch) ? 1 : SPACE_RE.test(ch) ? 3 : 2;
    }
    CLASS[c] = k;
  }
  return k;
}

/** Split text into tokens (words, "'s", single punctuation marks); offsets are relative to `text` plus `base`. */
export function tokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = charClass(c);
    if (k === 3) {
      i++;
      continue;
    }
    let j = i + 1;
    let ascii = c < 128;
    if (k === 1) {
      while (j < n) {
        const d = text.charCodeAt(j);
        if (charClass(d) !== 1) break;
        if (d >= 128) ascii = false;
        j++;
      }
    } else if ((c === 39 || c === 8217) && j < n && (text.charCodeAt(j) | 32) === 115 && (j + 1 >= n || charClass(text.charCodeAt(j + 1)) !== 1)) {
      j++;
    }
    const raw = text.slice(i, j);
    out.push({ raw, norm: ascii ? raw.toLowerCase() : normalizeToken(raw), start: base + i, end: base + j });
    i = j;
  }
  return out;
}

/** Normalised token keys of a gazetteer phrase. */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm);
}

/** How a gazetteer token constrains the case of the text token it matches. */
export type CaseShape = 'exact' | 'cap' | 'any';

/** 'exact' for acronyms (US, UN, SCO), 'cap' for capitalised words, 'any' for lower-case words. */
export function caseShape(raw: string): CaseShape {
  const letters = raw.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) return 'any';
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return 'exact';
  const first = letters[0] as string;
  if (first !== first.toLowerCase()) return 'cap';
  return 'any';
}

/** True when the text token satisfies the case constraint of a gazetteer token. */
export function caseMatches(shape: CaseShape, entryRaw: string, text: Token): boolean {
  if (shape === 'any') return true;
  const raw = text.raw;
  if (shape === 'exact') return raw === entryRaw || stripMarks(raw) === stripMarks(entryRaw);
  return isCapitalized(raw);
}

function stripMarks(s: string): string {
  return /[^\x00-\x7f]/.test(s) ? s.normalize('NFD').replace(MARKS_RE, '') : s;
}

/** True if the word starts with an upper-case letter. */
export function isCapitalized(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = raw[0]!;
  return ch !== ch.toLowerCase();
}

/** True for word tokens (letters or digits). */
export function isWord(t: Token): boolean {
  return t.raw.length > 0 && charClass(t.raw.charCodeAt(0)) === 1;
}
