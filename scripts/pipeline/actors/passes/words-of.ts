/** Words and punctuation of a sentence with absolute offsets (a tiny tokenizer for the clause passes). */
export interface Word {
  /** Lower-cased text. */
  w: string;
  raw: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*|[,;:—–()"“”]/gu;

export function wordsOf(text: string, base: number): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const raw = m[0].replace(/\.$/, '');
    out.push({ w: raw.toLowerCase(), raw, start: base + m.index, end: base + m.index + raw.length });
  }
  return out;
}
