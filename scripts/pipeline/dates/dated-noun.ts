/**
 * dates.select.dated-noun: a day written as a noun's premodifier ("the October 2 letter",
 * "Tuesday's talks", "a Christmas Day broadcast", "his New Year's Eve address") names a dated act.
 * The premodifier needs a determiner or possessive before the day ("the", "a", "his",
 * "Ethiopia's") or the genitive "'s" after it; "On Tuesday talks resumed" is no premodifier.
 */
import type { EventType, Span } from '../types.ts';
import { DATED_NOUN } from './cue-data.ts';

/** A determiner or possessive right before the day (one word; "Ethiopia's" as a genitive). */
const DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:the|a|an|this|that|his|her|its|their|our|whose|[\p{L}]+['’]s)\s+$/iu;

const TRAILING = new Set([' ', '\t', '\n', ',', '.', ';', ':']);

/** True when `text` has a word of the noun class of `type` ("letter", "call", "visit"). */
export function namesActOf(text: string, type: EventType): boolean {
  const words = DATED_NOUN.wordsOf.get(type);
  if (!words) return false;
  for (const m of text.matchAll(/\p{L}+/gu)) if (words.has(m[0].toLowerCase())) return true;
  return false;
}

/** The noun the day premodifies, of the class of `type` (any class when omitted), or undefined. */
export function datedNounAfter(text: string, cue: Span & { text: string }, type?: EventType): Span | undefined {
  const re = type ? DATED_NOUN.byType.get(type) : DATED_NOUN.any;
  if (!re) return undefined;
  // Cue texts may carry a leading "on " ("on Tuesday"): a premodifier never has one.
  if (/^\s*(?:on|at|by|from|since|until|in)\s/i.test(cue.text)) return undefined;
  let len = cue.text.length;
  while (len > 0 && TRAILING.has(cue.text[len - 1]!)) len--;
  const end = cue.start + len;
  const after = text.slice(end, end + 60);
  const m = re.exec(after);
  if (!m) return undefined;
  const genitive = /^['’]s/.test(after);
  if (!genitive && !DETERMINER_BEFORE.test(text.slice(Math.max(0, cue.start - 30), cue.start))) return undefined;
  return { start: end, end: end + m[0].length };
}
