/** Words and punctuation of a sentence with absolute offsets (a tiny tokenizer for the clause passes). */
export interface Word {
  /** Lower-cased text. */
  w: string;
  raw: string;
  start: number;
  end: number;
}

/** Letters and digits (the class the words start with), one bit per BMP code point once tested; astral ones are tested each time. */
const LN_RE = /^[\p{L}\p{N}]$/u;
const LN_KNOWN = new Uint8Array(65536);
const LN_YES = new Uint8Array(65536);

function isLetterOrDigit(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  if (cp > 0xffff) return LN_RE.test(String.fromCodePoint(cp));
  if (!LN_KNOWN[cp]) {
    LN_KNOWN[cp] = 1;
    LN_YES[cp] = LN_RE.test(String.fromCharCode(cp)) ? 1 : 0;
  }
  return LN_YES[cp] === 1;
}

/**
 * The tokens of `/[\p{L}\p{N}][\p{L}\p{N}<inner>]*|[<marks>]/gu` over `text`, without a regular expression:
 * walks code points as that expression's search does (a run of letters and digits with the inner marks, else one
 * mark of the set, else the next code point). Returns [start, end) pairs.
 */
export function scanWords(text: string, inner: ReadonlySet<number>, marks: ReadonlySet<number>): number[] {
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    if (isLetterOrDigit(cp)) {
      let j = i + size;
      while (j < n) {
        const d = text.codePointAt(j)!;
        if (!(isLetterOrDigit(d) || inner.has(d))) break;
        j += d > 0xffff ? 2 : 1;
      }
      out.push(i, j);
      i = j;
    } else {
      if (marks.has(cp)) out.push(i, i + 1);
      i += size;
    }
  }
  return out;
}

const codes = (s: string): ReadonlySet<number> => new Set([...s].map((c) => c.codePointAt(0)!));
/** As `/[\p{L}\p{N}][\p{L}\p{N}'’.-]*|[,;:—–()"“”]/gu`, a word's one final full stop left out. */
const INNER = codes("'’.-");
const MARKS = codes(',;:—–()"“”');

function split(text: string, base: number): Word[] {
  const out: Word[] = [];
  const spans = scanWords(text, INNER, MARKS);
  for (let k = 0; k < spans.length; k += 2) {
    const from = spans[k]!;
    let to = spans[k + 1]!;
    if (to - from > 1 && text.charCodeAt(to - 1) === 46) to--;
    const raw = text.slice(from, to);
    out.push({ w: raw.toLowerCase(), raw, start: base + from, end: base + to });
  }
  return out;
}

/**
 * A few (text, base) -> value results kept for the latest calls: every party pass of every candidate of a
 * sentence asks for the same sentence's words, so they are split once per sentence, not once per pass and
 * candidate. The result is shared: callers must not change it (it is typed read-only).
 */
export class SentenceMemo<T> {
  private readonly texts: (string | undefined)[];
  private readonly bases: number[];
  private readonly values: (T | undefined)[];
  private next = 0;

  constructor(
    private readonly compute: (text: string, base: number) => T,
    size = 8,
  ) {
    this.texts = new Array<string | undefined>(size).fill(undefined);
    this.bases = new Array<number>(size).fill(-1);
    this.values = new Array<T | undefined>(size).fill(undefined);
  }

  get(text: string, base: number): T {
    for (let k = 0; k < this.texts.length; k++) {
      if (this.bases[k] === base && this.texts[k] === text) return this.values[k]!;
    }
    const v = this.compute(text, base);
    const k = this.next;
    this.next = (k + 1) % this.texts.length;
    this.texts[k] = text;
    this.bases[k] = base;
    this.values[k] = v;
    return v;
  }
}

const MEMO = new SentenceMemo<readonly Word[]>(split);

/** The words of `text` (offsets plus `base`); shared between calls with the same text and base: read only. */
export function wordsOf(text: string, base: number): readonly Word[] {
  return MEMO.get(text, base);
}
