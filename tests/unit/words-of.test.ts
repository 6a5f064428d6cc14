import { describe, expect, it } from 'vitest';
import { scanWords, SentenceMemo, wordsOf } from '../../scripts/pipeline/actors/passes/words-of.ts';

/** The regular expressions scanWords stands for (the party passes used them before). */
const WORDS_RE = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*|[,;:—–()"“”]/gu;
const CLAUSE_RE = /[\p{L}\p{N}][\p{L}\p{N}'’-]*|[,;:—–()]/gu;
const set = (s: string) => new Set([...s].map((c) => c.codePointAt(0)!));

function byRegex(re: RegExp, text: string): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index, m.index + m[0].length);
  return out;
}

// Pieces that exercise every branch: ASCII, accented and combining letters, digits of other scripts, astral letters
// and symbols, lone surrogates, the inner marks, the single marks and characters that are neither.
const PIECES = ['a', 'Z', '7', 'é', 'e\u0301', '٣', 'Ж', '中', '𝐀', '😀', '\ud800', '\udc00', "'", '’', '.', '-', ',', ';', ':', '—', '–', '(', ')', '"', '“', '”', ' ', '\n', '!', '?', '/', 'ß', 'İ'];

function randomText(seed: number, length: number): string {
  let x = seed;
  let s = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += PIECES[x % PIECES.length];
  }
  return s;
}

describe('scanWords', () => {
  it('finds what the two regular expressions find, on mixed text', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const text = randomText(seed, 1 + (seed % 60));
      expect(scanWords(text, set("'’.-"), set(',;:—–()"“”'))).toEqual(byRegex(WORDS_RE, text));
      expect(scanWords(text, set("'’-"), set(',;:—–()'))).toEqual(byRegex(CLAUSE_RE, text));
    }
  });

  it('drops only a final full stop from a word', () => {
    const ws = wordsOf('The U.S. met Iran, and Gen. Li spoke.', 100);
    expect(ws.map((w) => w.raw)).toEqual(['The', 'U.S', 'met', 'Iran', ',', 'and', 'Gen', 'Li', 'spoke']);
    expect(ws[1]).toEqual({ w: 'u.s', raw: 'U.S', start: 104, end: 107 });
  });
});

describe('SentenceMemo', () => {
  it('computes once per text and base, and again for another base', () => {
    let calls = 0;
    const memo = new SentenceMemo((text: string, base: number) => {
      calls++;
      return `${base}:${text.length}`;
    }, 2);
    expect(memo.get('abc', 0)).toBe('0:3');
    expect(memo.get('abc', 0)).toBe('0:3');
    expect(calls).toBe(1);
    expect(memo.get('abc', 5)).toBe('5:3');
    expect(memo.get('xy', 0)).toBe('0:2');
    expect(calls).toBe(3);
    // the oldest entry ('abc' at 0) was replaced
    expect(memo.get('abc', 0)).toBe('0:3');
    expect(calls).toBe(4);
  });
});
