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

const TOKEN_RE = /[\p{L}\p{M}\p{N}]+|['’]s(?![\p{L}\p{M}\p{N}])|[^\s\p{L}\p{M}\p{N}]/gu;
const MARKS_RE = /\p{M}/gu;

/** Lower case, no diacritics, straight apostrophes and hyphens. */
export function normalizeToken(raw: string): string {
  let s = raw;
  if (/[^\x00-\x7f]/.test(s)) {
    s = s.normalize('NFD').replace(MARKS_RE, '').replace(/[’‘`´]/g, "'").replace(/[‐-―]/g, '-');
  }
  return s.toLowerCase();
}

/** Split text into tokens; offsets are relative to `text` plus `base`. */
export function tokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const raw = m[0];
    out.push({ raw, norm: normalizeToken(raw), start: base + m.index, end: base + m.index + raw.length });
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
  if (shape === 'exact') return normalizeForExact(text.raw) === normalizeForExact(entryRaw);
  const ch = text.raw.replace(/[^\p{L}]/gu, '')[0];
  return ch !== undefined && ch !== ch.toLowerCase();
}

function normalizeForExact(s: string): string {
  return /[^\x00-\x7f]/.test(s) ? s.normalize('NFD').replace(MARKS_RE, '') : s;
}

/** True if the word starts with an upper-case letter. */
export function isCapitalized(raw: string): boolean {
  const ch = raw[0];
  return ch !== undefined && /\p{Lu}/u.test(ch);
}

/** True for word tokens (letters or digits). */
export function isWord(t: Token): boolean {
  return /[\p{L}\p{N}]/u.test(t.raw[0] ?? '');
}
