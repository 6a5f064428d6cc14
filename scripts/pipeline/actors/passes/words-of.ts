/** Words and punctuation of a sentence with absolute offsets (a tiny tokenizer for the clause passes). */
export interface Word {
  /** Lower-cased text. */
  w: string;
  raw: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*|[,;:—–()"“”]/gu;

function split(text: string, base: number): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const raw = m[0].replace(/\.$/, '');
    out.push({ w: raw.toLowerCase(), raw, start: base + m.index, end: base + m.index + raw.length });
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
