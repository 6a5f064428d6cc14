import { describe, expect, it } from 'vitest';
import { sortInPlace, sortStrings } from '../../scripts/pipeline/sort.ts';
import { mulberry32 } from '../../scripts/eval/prng.ts';

describe('sortInPlace / sortStrings', () => {
  it('give the same order as Array.prototype.sort (stable) on sorted, unsorted and tied arrays', () => {
    const r = mulberry32(7);
    for (let n = 0; n < 300; n++) {
      const len = Math.floor(r() * 6);
      const items = Array.from({ length: len }, (_, i) => ({ k: Math.floor(r() * 3), i }));
      if (r() < 0.5) items.sort((a, b) => a.k - b.k); // often already in order
      const cmp = (a: { k: number }, b: { k: number }) => a.k - b.k;
      const expected = [...items].sort(cmp);
      const copy = [...items];
      expect(sortInPlace(copy, cmp)).toBe(copy);
      expect(copy).toEqual(expected);
      const words = items.map((x) => ['b', 'a', 'B', 'ab'][x.k + (x.i % 2)]!);
      expect(sortStrings([...words])).toEqual([...words].sort());
    }
  });

  it('leave an array already in order as it is and sort one that is not', () => {
    const a = ['a', 'b', 'b', 'c'];
    expect(sortStrings(a)).toEqual(['a', 'b', 'b', 'c']);
    expect(sortStrings(['c', 'a', 'b'])).toEqual(['a', 'b', 'c']);
    const ties = [{ k: 1, id: 'x' }, { k: 0, id: 'y' }, { k: 1, id: 'z' }];
    expect(sortInPlace(ties, (p, q) => p.k - q.k).map((t) => t.id)).toEqual(['y', 'x', 'z']);
  });
});
