/**
 * Person-name helpers: runs of capitalised name words ("Abbas Araghchi", "Han Seo-yeon"), words that are no
 * part of a name, short names inside longer names, and title-case detection.
 */
import { isCapitalized, isWord, tokenize, type Token } from './text.ts';

export const NAME_PARTICLES = new Set(['bin', 'bint', 'al', 'el', 'ibn', 'abu', 'de', 'da', 'di', 'del', 'la', 'le', 'van', 'von', 'der', 'den', 'dos', 'das', 'ul', '-']);

export const MAX_NAME = 5;

export const TITLE_SMALL = new Set(['a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'as', 'vs', 'via', 'from', 'into', 'over', 'after']);

export function normName(s: string): string {
  return tokenize(s)
    .map((t) => t.norm)
    .join(' ');
}

/** A run of capitalised name words starting at `i` (particles such as "bin", "al-" allowed inside). */
export function nameRun(tokens: Token[], i: number, covered: Uint8Array, stop: Set<string>): { first: number; last: number; words: number } | undefined {
  let j = i;
  let words = 0;
  let last = -1;
  while (j < tokens.length && words < MAX_NAME) {
    const t = tokens[j]!;
    if (covered[j] === 1) break;
    if (isWord(t) && isCapitalized(t.raw) && !stop.has(t.raw) && /\p{Ll}/u.test(t.raw)) {
      words++;
      last = j;
      j++;
      // "Seo-yeon", "Abdel-Fattah": a hyphen joining the next word to this one
      // "Chan-o-cha": up to three joined parts.
      for (let n = 0; n < 3; n++) {
        const h = tokens[j];
        const after = tokens[j + 1];
        if (!(h?.raw === '-' && after && isWord(after) && h.start === tokens[j - 1]!.end && after.start === h.end && covered[j + 1] !== 1)) break;
        last = j + 1;
        j += 2;
      }
      continue;
    }
    if (last >= 0 && NAME_PARTICLES.has(t.norm) && tokens[j + 1] && isCapitalized(tokens[j + 1]!.raw)) {
      j++;
      continue;
    }
    break;
  }
  if (words === 0 || last < i) return undefined;
  return { first: i, last, words };
}

/** Does the span hold a word that is no part of a person's name ("Iron Dome", "Public Investment Fund")? */
export function hasNonNameWord(tokens: Token[], first: number, last: number, words: Set<string>): boolean {
  for (let j = first; j <= last; j++) if (words.has(tokens[j]!.norm)) return true;
  return false;
}

export function shortInsideName(
  tokens: Token[],
  first: number,
  last: number,
  covered: Uint8Array,
  stop: Set<string>,
  particles?: { joined: Set<string>; spaced: Set<string> },
): boolean {
  const next = tokens[last + 1];
  if (next && next.raw === '-' && next.start === tokens[last]!.end) return true;
  if (next && isNameWord(next, covered[last + 1]!, stop)) return true;
  // "Hussein al-Ezzi", "Mohammed bin Zayed", "Luis de Guindos": a name particle carries the name on
  // (actor-context.json nameParticlesJoined / nameParticlesSpaced).
  if (next && particles && /^\p{Ll}+$/u.test(next.raw)) {
    const after = tokens[last + 2];
    if (after && after.start === next.end && after.raw === '-' && particles.joined.has(next.norm)) return true;
    if (after && after.start > next.end && particles.spaced.has(next.norm) && isCapitalized(after.raw) && isWord(after)) return true;
  }
  const prev = tokens[first - 1];
  return !!prev && first - 1 > 0 && isNameWord(prev, covered[first - 1]!, stop);
}

/**
 * A known full name inside a longer name: another capitalised name part right after it ("Luis Arce Gomez" is
 * not "Luis Arce"; "Kim Jong Un" is not a listed "Kim Jong"). A capitalised particle ("Faisal bin Farhan Al
 * Saud") carries the same name on and does not count. Callers skip the check in title-case text and after the
 * person's own title ("President Claudia Sheinbaum Pardo": a second surname).
 */
export function fullInsideName(tokens: Token[], last: number, covered: Uint8Array, stop: Set<string>): boolean {
  const next = tokens[last + 1];
  if (!next || next.start !== tokens[last]!.end + 1 || NAME_PARTICLES.has(next.norm)) return false;
  return isNameWord(next, covered[last + 1]!, stop);
}

export function isNameWord(t: Token, cov: number, stop: Set<string>): boolean {
  return cov === 0 && isWord(t) && isCapitalized(t.raw) && /\p{Ll}/u.test(t.raw) && !stop.has(t.raw);
}

/** True when a capitalised unknown word sits right before or after the span (a person's name: "Jim Jordan", "Chad Smith"). */
export function nextToName(tokens: Token[], first: number, last: number, covered: Uint8Array, stop: Set<string>): boolean {
  const isName = (j: number): boolean => {
    const t = tokens[j];
    return !!t && covered[j] !== 1 && isWord(t) && isCapitalized(t.raw) && /\p{Ll}/u.test(t.raw) && !stop.has(t.raw);
  };
  return (first > 0 && isName(first - 1)) || isName(last + 1);
}

/** Headings and title-case sentences capitalise every word; name checks do not apply there. */
export function isTitleCase(tokens: Token[]): boolean {
  let words = 0;
  for (const t of tokens) {
    if (!isWord(t) || !/^\p{L}/u.test(t.raw)) continue;
    if (!isCapitalized(t.raw) && !TITLE_SMALL.has(t.norm)) return false;
    words++;
  }
  return words >= 3;
}

export function titleCaseRole(s: string): string {
  return s
    .split(/(\s+|-)/)
    .map((w) => (/^(of|the|for|and)$/i.test(w) ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
}
