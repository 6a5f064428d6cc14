/**
 * Quoted stretches of a sentence ("...", “...”, ‘...’), so that verbs inside a quotation
 * are not taken as events. Apostrophes (Russia's, Russia’s, and Russia‘s with the wrong mark) are not quotes.
 */

export interface QuoteRange {
  start: number;
  end: number;
  words: number;
}

const WORDS = /\S+/g;

// Built once: a literal inside a function is a new object on every call.
const OPENING_BEFORE = /[\s(\[{—–-]/u;
const CLOSING_AFTER = /[\s.,;:!?)\]}—–-]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether `code` is a quotation mark or apostrophe: " “ ” « » ‘ ’ '. */
function isQuoteCode(code: number): boolean {
  return code === 34 || code === 39 || code === 0xab || code === 0xbb || (code >= 0x2018 && code <= 0x2019) || (code >= 0x201c && code <= 0x201d);
}

function isOpeningContext(prev: string | undefined): boolean {
  return prev === undefined || OPENING_BEFORE.test(prev);
}

function isClosingContext(next: string | undefined): boolean {
  return next === undefined || CLOSING_AFTER.test(next);
}

/** How many matches `/\S+/g` finds in `text` (counted with test: no array of the words). */
export function countWords(text: string): number {
  let n = 0;
  WORDS.lastIndex = 0;
  while (WORDS.test(text)) n++;
  return n;
}

/**
 * A possessive typed with a space before its apostrophe ("Niger 's", "Ecuador ’s"): a word, one space, an
 * apostrophe or single quote, an "s" and no further letter. Never an opening quote.
 */
function spacedPossessive(text: string, i: number): boolean {
  const c = text[i];
  if (c !== "'" && c !== '’' && c !== '‘') return false;
  if (i < 2 || text[i - 1] !== ' ' || !LETTER_OR_DIGIT.test(text[i - 2] ?? '')) return false;
  return (text[i + 1] === 's' || text[i + 1] === 'S') && !LETTER_OR_DIGIT.test(text[i + 2] ?? '');
}

/**
 * Quoted ranges of `text` (relative offsets). `openAtStart` says a quotation opened in an
 * earlier sentence of the paragraph is still open; an unclosed quotation runs to the end.
 */
export function quotedRanges(text: string, openAtStart = false): QuoteRange[] {
  const out: QuoteRange[] = [];
  let open: { start: number; char: string } | null = openAtStart ? { start: 0, char: '"' } : null;
  const close = (end: number) => {
    if (!open) return;
    const body = text.slice(open.start, end);
    out.push({ start: open.start, end, words: countWords(body) });
    open = null;
  };
  // The marks found by their codes (no match object per apostrophe).
  for (let i = 0; i < text.length; i++) {
    if (!isQuoteCode(text.charCodeAt(i))) continue;
    const c = text[i]!;
    const prev = i > 0 ? text[i - 1] : undefined;
    const next = i + 1 < text.length ? text[i + 1] : undefined;
    if (c === '“' || c === '«') {
      if (!open) open = { start: i, char: c };
    } else if (c === '”' || c === '»') {
      if (open && open.char !== '‘' && open.char !== "'") close(i + 1);
      else if (!open && out.length === 0) {
        open = { start: 0, char: '"' };
        close(i + 1);
      }
    } else if (c === '"') {
      if (open && (open.char === '"' || open.char === '“')) close(i + 1);
      else if (!open && isOpeningContext(prev)) open = { start: i, char: c };
      else if (!open && out.length === 0) {
        open = { start: 0, char: '"' };
        close(i + 1);
      }
    } else if (spacedPossessive(text, i)) {
      // "Niger 's decision": a possessive typed with a space before the apostrophe opens nothing.
      continue;
    } else if (c === '‘' && prev !== undefined && LETTER_OR_DIGIT.test(prev)) {
      // "Burkina Faso‘s": a left quote mark typed for an apostrophe, between letters, opens nothing.
      continue;
    } else if (c === '‘' || (c === "'" && isOpeningContext(prev) && next !== undefined && LETTER_OR_DIGIT.test(next))) {
      if (!open) open = { start: i, char: c };
    } else if ((c === '’' || c === "'") && open && (open.char === '‘' || open.char === "'") && isClosingContext(next)) {
      close(i + 1);
    }
  }
  if (open) close(text.length);
  return out;
}

/** Whether, at the end of `text`, a double quotation is still open (for the next sentence). */
export function endsInsideQuote(text: string, openAtStart: boolean): boolean {
  const ranges = quotedRanges(text, openAtStart);
  const last = ranges[ranges.length - 1];
  if (!last || last.end !== text.length) return false;
  const closing = text[text.length - 1];
  return closing !== '"' && closing !== '”' && closing !== '»' && closing !== '’' && closing !== "'";
}
