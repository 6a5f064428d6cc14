/**
 * The build state's sections (scripts/pipeline/corpus/state-sections.ts): lists of records one a
 * line, written by copying the runs of old records as bytes, and the blocks parsed one at a time.
 */
import { describe, expect, it } from 'vitest';
import { BlockLines, LinesWriter, recordLines } from '../../scripts/pipeline/corpus/state-sections.ts';

const lines = (list: unknown[]) => Buffer.from(`[${list.map((x) => JSON.stringify(x)).join(',\n')}]`, 'utf8');
const text = (w: LinesWriter) => Buffer.concat(w.finish().parts).toString('utf8');

describe('a section one record a line (recordLines)', () => {
  it('gives where each record lies, also for records holding commas, brackets and escaped line breaks', () => {
    const list = [['a,\nb', { x: ']' }], 0, 'Zürich 北京', [[1, 2], []], null];
    const t = lines(list);
    const at = recordLines(t, list.length)!;
    for (let k = 0; k < list.length; k++) expect(JSON.parse(t.toString('utf8', at[2 * k]!, at[2 * k + 1]!))).toEqual(list[k]);
    expect(recordLines(Buffer.from('[]'), 0)).toEqual(new Uint32Array(0));
  });

  it('says undefined for another count, a list on one line, an empty record or no list', () => {
    const list = [1, [2], 'three'];
    expect(recordLines(lines(list), 2)).toBeUndefined();
    expect(recordLines(lines(list), 4)).toBeUndefined();
    expect(recordLines(Buffer.from(JSON.stringify(list)), 3)).toBeUndefined();
    expect(recordLines(Buffer.from('[1,\n]'), 2)).toBeUndefined();
    expect(recordLines(Buffer.from('[]'), 1)).toBeUndefined();
    expect(recordLines(Buffer.from('[1]'), 0)).toBeUndefined();
    expect(recordLines(Buffer.from(''), 0)).toBeUndefined();
  });
});

describe('a section written from the previous one (LinesWriter)', () => {
  it('gives the text of the new list, whatever is copied and whatever is written', () => {
    const old = [['k0', 1], ['k1', 'x,\ny'], ['k2', []], ['k3', { a: 1 }], ['k4', 4]];
    const oldText = lines(old);
    const at = recordLines(oldText, old.length)!;
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 200; round++) {
      const w = new LinesWriter(oldText, at);
      const want: unknown[] = [];
      const n = Math.floor(rnd() * 8);
      for (let i = 0; i < n; i++) {
        if (rnd() < 0.6) {
          const k = Math.floor(rnd() * old.length);
          w.copy(k);
          want.push(old[k]);
        } else {
          const rec = ['new', i, round];
          w.add(JSON.stringify(rec));
          want.push(rec);
        }
      }
      expect(w.length).toBe(want.length);
      const got = text(w);
      expect(got).toBe(lines(want).toString('utf8'));
    }
  });

  it('copies a run of consecutive old records as one piece', () => {
    const old = lines([1, 2, 3, 4]);
    const w = new LinesWriter(old, recordLines(old, 4));
    for (const k of [0, 1, 2]) w.copy(k);
    w.add('9');
    w.copy(3);
    const { parts, count, bytes } = w.finish();
    expect(parts.map((p) => p.toString('utf8'))).toEqual(['[', '1,\n2,\n3', ',\n', '9', ',\n', '4', ']']);
    expect(count).toBe(5);
    expect(bytes).toBe(Buffer.concat(parts).length);
  });

  it('cannot copy without a previous text', () => {
    const w = new LinesWriter();
    w.copy(0);
    expect(() => w.finish()).toThrow(/no previous text/);
    expect(text(new LinesWriter())).toBe('[]');
  });
});

describe('the blocks of the state (BlockLines)', () => {
  it('gives each block by id, parsed when asked for, and its line', () => {
    const blocks: [number, [number, number][]][] = [
      [7, [[0, 1], [3, 0]]],
      [0, [[2, 5]]],
      [12345, []],
    ];
    const t = lines(blocks);
    const b = new BlockLines(t, blocks.length);
    expect(b.size).toBe(3);
    expect(b.has(7) && b.has(0) && b.has(12345)).toBe(true);
    expect(b.has(1)).toBe(false);
    expect(b.get(1)).toBeUndefined();
    expect(b.get(7)).toEqual([[0, 1], [3, 0]]);
    expect(b.get(7)).toBe(b.get(7));
    expect(b.get(12345)).toEqual([]);
    expect([...b.entries()]).toEqual([[7, 0], [0, 1], [12345, 2]]);
    // Its lines copy back into the same list.
    const w = new LinesWriter(b.text, b.lines);
    for (const [, line] of b.entries()) w.copy(line);
    expect(text(w)).toBe(t.toString('utf8'));
    expect(new BlockLines().size).toBe(0);
  });

  it('rejects a text that is not one block a line with its id first, or names a block twice', () => {
    expect(() => new BlockLines(Buffer.from(JSON.stringify([[1, []], [2, []]])), 2)).toThrow();
    expect(() => new BlockLines(lines([[1, []]]), 2)).toThrow();
    expect(() => new BlockLines(lines([['1', []]]), 1)).toThrow();
    expect(() => new BlockLines(lines([[1.5, []]]), 1)).toThrow();
    expect(() => new BlockLines(lines([[3, []], [3, [[0, 0]]]]), 2)).toThrow();
  });
});
