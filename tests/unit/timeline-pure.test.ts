import { describe, expect, it } from 'vitest';
import { deferItemShow, firstLanes, recordsFirst } from '../../src/client/timeline.ts';
import { formatCount, plural } from '../../src/client/format.ts';

describe('firstLanes', () => {
  it('covers a screenful of lanes below the controls, never fewer than 16', () => {
    expect(firstLanes(900)).toBe(25); // (900 - ~450 px above the lanes) / 26 px = 18 lanes on screen
    expect(firstLanes(1440)).toBe(40);
    expect(firstLanes(400)).toBe(16);
    expect(firstLanes(Number.NaN)).toBe(16);
  });
});

describe('deferItemShow', () => {
  /** A lane shaped like vis-timeline 8's Group: add() draws the item at once when it is in range. */
  class Lane {
    items: Record<string, unknown> = {};
    stackDirty = false;
    drawn: string[] = [];
    subgroups: string[] = [];
    add(item: { id: string }): void {
      this.items[item.id] = item;
      this.drawn.push(item.id); // the eager draw (a forced layout per item in the browser)
    }
    _addToSubgroup(item: { data: { subgroup?: string } }): void {
      this.subgroups.push(String(item.data.subgroup));
    }
    orderSubgroups(): void {}
  }
  const item = (id: string, subgroup?: string) => {
    const parents: unknown[] = [];
    return { id, data: { subgroup }, parents, setParent: (p: unknown) => parents.push(p) };
  };

  it('keeps the item, its parent and its subgroup, marks the lane for the next redraw, and draws nothing', () => {
    expect(deferItemShow(Lane as never)).toBe(true);
    const lane = new Lane();
    const a = item('e1@CHN');
    const b = item('e2@RUS', 'sub');
    lane.add(a);
    lane.add(b);
    expect(Object.keys(lane.items)).toEqual(['e1@CHN', 'e2@RUS']);
    expect(a.parents).toEqual([lane]);
    expect(lane.subgroups).toEqual(['sub']);
    expect(lane.stackDirty).toBe(true);
    expect(lane.drawn).toEqual([]);
  });

  it('leaves a class alone when it does not look like the lane class of vis-timeline', () => {
    expect(deferItemShow(undefined)).toBe(false);
    class Other {
      add(): void {}
    }
    const before = Other.prototype.add;
    expect(deferItemShow(Other as never)).toBe(false);
    expect(Other.prototype.add).toBe(before);
  });
});

describe('recordsFirst', () => {
  const loaded = (...idx: number[]) => (i: number) => idx.includes(i);
  it('asks for the visible records first when one of them is missing', () => {
    // Range 0..10 with the window at 3..7; record 5 missing, margin 0..2 and 8..9 missing too.
    expect(recordsFirst(0, 10, 3, 7, loaded(3, 4, 6))).toEqual([3, 7]);
  });
  it('asks for the whole range once the visible records are loaded', () => {
    expect(recordsFirst(0, 10, 3, 7, loaded(3, 4, 5, 6))).toEqual([0, 10]);
  });
  it('clips the visible part to the range, and takes the range when nothing is visible', () => {
    expect(recordsFirst(2, 6, 0, 4, loaded())).toEqual([2, 4]);
    expect(recordsFirst(2, 6, 6, 6, loaded())).toEqual([2, 6]);
  });
});

describe('formatCount', () => {
  it('writes counts as toLocaleString("en") does', () => {
    for (const n of [0, 1, 999, 1000, 20000, 1234567]) expect(formatCount(n)).toBe(n.toLocaleString('en'));
    expect(formatCount(20000)).toBe('20,000');
    expect(plural(1, 'event')).toBe('1 event');
    expect(plural(12345, 'event')).toBe('12,345 events');
  });
});
