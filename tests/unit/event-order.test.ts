/**
 * The order of events.json for a rebuild (corpus/event-order.ts inEventOrder): what sorting every
 * event by day and id gives, with the previous build's records placed by their position.
 */
import { describe, expect, it } from 'vitest';
import { inEventOrder } from '../../scripts/pipeline/corpus/event-order.ts';
import { cmp } from '../../scripts/pipeline/ids.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Rec {
  date: string;
  id: string;
  at?: number;
}
const sorted = (list: Rec[]) => [...list].sort((a, b) => cmp(a.date, b.date) || cmp(a.id, b.id));

describe('events in the order of events.json (inEventOrder)', () => {
  it('gives the order of a full sort after events are added, dropped, moved to the end and renamed', () => {
    const r = rng(9);
    for (let round = 0; round < 300; round++) {
      const word = () => Math.floor(r() * 36 ** 2).toString(36);
      const day = () => `2024-0${1 + Math.floor(r() * 3)}-1${Math.floor(r() * 3)}`;
      // The previous build's events, in its order, with their positions.
      const prev = sorted(Array.from({ length: Math.floor(r() * 40) }, () => ({ date: day(), id: `e-${word()}-${word()}` })))
        .filter((e, i, l) => i === 0 || e.id !== l[i - 1]!.id || e.date !== l[i - 1]!.date)
        .map((e, at) => ({ ...e, at }));
      const list: Rec[] = [];
      const tail: Rec[] = [];
      const moved = new Set<Rec>();
      for (const e of prev) {
        const x = r();
        if (x < 0.1) continue;
        // Kept in place, kept but listed at the end (a re-clustered block's), or renamed.
        const copy = { ...e };
        if (x < 0.25) tail.push(copy);
        else list.push(copy);
        if (x > 0.9) {
          copy.id = r() < 0.5 ? `${copy.id}-${Math.floor(r() * 3)}` : `m-${word()}`;
          moved.add(copy);
        }
      }
      for (let i = Math.floor(r() * 6); i > 0; i--) tail.push({ date: day(), id: `n-${word()}` });
      const all = [...list, ...tail];
      const want = sorted(all);
      expect(inEventOrder([...all], moved, prev.length)).toEqual(want);
    }
  });

  it('sorts everything when positions repeat or the previous order is not sorted', () => {
    const a = { date: '2024-01-02', id: 'b', at: 0 };
    const b = { date: '2024-01-01', id: 'a', at: 1 };
    expect(inEventOrder([a, b], new Set(), 2)).toEqual([b, a]);
    const c = { date: '2024-01-03', id: 'c', at: 0 };
    expect(inEventOrder([c, b, { ...c, id: 'a' }], new Set(), 2).map((e) => e.id)).toEqual(['a', 'a', 'c']);
  });
});
