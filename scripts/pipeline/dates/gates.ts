/**
 * Speed: chrono runs every parser's regex over the whole text. Most sentences hold none or one
 * kind of date word, so one scan for the gate words (date-cues.json "gates") decides which parsers
 * can match at all; chrono then runs with only those (one chrono per parser set, built on demand).
 * A sentence without any gate word is not parsed.
 */
import type { Chrono, ParsingReference, ParsingResult } from 'chrono-node';
import { GATE_WORDS } from './cue-data.ts';

export const GATE_NAMES = Object.keys(GATE_WORDS);

/** Lower-case word -> bit mask of the gates it opens. */
const WORD_BITS = new Map<string, number>();
let DIGITS_BIT = 0;
/** "8th", "21st": a day of the month written alone (OrdinalDayParser). */
let ORDINAL_BIT = 0;
GATE_NAMES.forEach((name, i) => {
  for (const w of GATE_WORDS[name]!) {
    if (w === '####') DIGITS_BIT |= 1 << i;
    else if (w === '#th') ORDINAL_BIT |= 1 << i;
    else WORD_BITS.set(w.toLowerCase(), (WORD_BITS.get(w.toLowerCase()) ?? 0) | (1 << i));
  }
});
const MAX_WORD = Math.max(...[...WORD_BITS.keys()].map((w) => w.length));

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Bit mask of the gates whose words occur in `text` (bit i = GATE_NAMES[i]); one pass, no regex. */
export function gateMask(text: string): number {
  let mask = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isLetter(c)) {
      let j = i + 1;
      while (j < n && isLetter(text.charCodeAt(j))) j++;
      // Whole ASCII words only: "Mondays" yes, "Monday’s" yes (’ ends the word), "dayan" no.
      if (j - i <= MAX_WORD && !(j < n && isDigit(text.charCodeAt(j))) && !(i > 0 && isDigit(text.charCodeAt(i - 1)))) {
        const bits = WORD_BITS.get(text.slice(i, j).toLowerCase());
        if (bits) mask |= bits;
      }
      i = j;
    } else if (isDigit(c)) {
      let j = i + 1;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      if (j - i === 4) mask |= DIGITS_BIT;
      else if (j - i <= 2 && ORDINAL_BIT && /^(?:st|nd|rd|th)$/i.test(text.slice(j, j + 2))) mask |= ORDINAL_BIT;
      i = j;
    } else {
      i++;
    }
  }
  return mask;
}

/** Runs a chrono holding only the parsers a text's gate words allow. */
export class GatedChrono {
  private readonly byMask = new Map<number, Chrono>();

  /**
   * @param full     the chrono with every parser and refiner
   * @param gateOf   a parser's gate name (by class name); a parser without one always runs
   */
  constructor(
    private readonly full: Chrono,
    private readonly gateOf: (parserName: string) => string | undefined,
  ) {}

  parse(text: string, ref: ParsingReference): ParsingResult[] {
    const mask = gateMask(text);
    if (mask === 0) return [];
    let chrono = this.byMask.get(mask);
    if (!chrono) {
      chrono = this.full.clone();
      chrono.parsers = this.full.parsers.filter((p) => {
        const gate = this.gateOf(p.constructor.name);
        return gate === undefined || (mask & (1 << GATE_NAMES.indexOf(gate))) !== 0;
      });
      this.byMask.set(mask, chrono);
    }
    // chrono types parse() as ParsedResult[]; the objects are the ParsingResults our refiners saw.
    return chrono.parse(text, ref, { forwardDate: false }) as ParsingResult[];
  }
}
