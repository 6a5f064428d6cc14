import { describe, expect, it } from 'vitest';
import { walk, type WalkModel } from '../../src/client/keyboard.ts';

// Five events over four lanes; e0 and e2 sit in two lanes each (a CHN-RUS meeting, a RUS-USA call).
const LANES: Record<string, string[]> = { e0: ['CHN', 'RUS'], e1: ['CHN'], e2: ['RUS', 'USA'], e3: ['IND'], e4: ['USA'] };
const M: WalkModel = {
  days: [100, 101, 103, 110, 120],
  lanesAt: (k) => LANES[`e${k}`]!,
  lanes: ['CHN', 'RUS', 'USA', 'IND'],
};

describe('walk (keyboard)', () => {
  it('steps through time with next/prev and jumps to the ends', () => {
    expect(walk(M, 1, 'CHN', 'next', [0, 999])?.index).toBe(2);
    expect(walk(M, 1, 'CHN', 'prev', [0, 999])?.index).toBe(0);
    expect(walk(M, undefined, undefined, 'first', [0, 999])?.index).toBe(0);
    expect(walk(M, undefined, undefined, 'last', [0, 999])?.index).toBe(4);
  });

  it('starts from the window when nothing is selected', () => {
    expect(walk(M, undefined, undefined, 'next', [102, 130])?.index).toBe(2);
    expect(walk(M, undefined, undefined, 'prev', [0, 105])?.index).toBe(2);
  });

  it('reaches every lane going down, even through events that sit in two lanes', () => {
    let pos = walk(M, undefined, undefined, 'first', [0, 999])!;
    const seen = [pos.lane];
    for (let i = 0; i < 6; i++) {
      pos = walk(M, pos.index, pos.lane, 'down', [0, 999])!;
      seen.push(pos.lane);
    }
    expect([...new Set(seen)]).toEqual(['CHN', 'RUS', 'USA', 'IND']);
    // And back up to the top.
    for (let i = 0; i < 6; i++) pos = walk(M, pos.index, pos.lane, 'up', [0, 999])!;
    expect(pos.lane).toBe('CHN');
  });

  it('picks the nearest event in time in the next lane', () => {
    expect(walk(M, 2, 'USA', 'down', [0, 999])).toEqual({ index: 3, lane: 'IND' });
    expect(walk(M, 4, 'USA', 'up', [0, 999])).toEqual({ index: 2, lane: 'RUS' });
  });

  it('returns nothing without events', () => {
    expect(walk({ ...M, days: [] }, undefined, undefined, 'next', [0, 1])).toBeUndefined();
  });
});
