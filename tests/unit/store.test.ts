import { describe, expect, it } from 'vitest';
import { changedKeys, createStore, sameValue } from '../../src/client/store.ts';
import { defaultViewState, normalizeViewState, type ViewState } from '../../src/lib/url-state.ts';

type Meta = { history: 'push' | 'replace' | 'none' };
const push: Meta = { history: 'push' };

describe('sameValue / changedKeys', () => {
  it('compares arrays by value and everything else by identity', () => {
    expect(sameValue(['CHN', 'RUS'], ['CHN', 'RUS'])).toBe(true);
    expect(sameValue(['CHN'], ['CHN', 'RUS'])).toBe(false);
    expect(sameValue(undefined, undefined)).toBe(true);
    expect(sameValue('a', 'b')).toBe(false);
  });

  it('lists the keys that differ, including keys present on one side only', () => {
    const a: ViewState = { ...defaultViewState(), countries: ['CHN'] };
    const b: ViewState = { ...defaultViewState(), countries: ['CHN'], q: 'Lavrov' };
    expect([...changedKeys(a, b)]).toEqual(['q']);
    expect([...changedKeys(b, a)]).toEqual(['q']);
  });
});

describe('createStore', () => {
  it('announces exactly the keys that changed, with the previous state and the meta', () => {
    const store = createStore<ViewState, Meta>(defaultViewState(), normalizeViewState);
    const seen: Array<{ changed: string[]; prevCountries: string[]; meta: Meta }> = [];
    store.subscribe((_s, changed, prev, meta) => seen.push({ changed: [...changed] as string[], prevCountries: prev.countries, meta }));
    store.set({ countries: ['RUS', 'CHN'] }, push);
    store.set({ from: '2025-07-01', to: '2025-07-31' }, { history: 'replace' });
    expect(seen).toEqual([
      { changed: ['countries'], prevCountries: [], meta: push },
      { changed: ['from', 'to'], prevCountries: ['CHN', 'RUS'], meta: { history: 'replace' } },
    ]);
    // Normalised on the way in: sorted codes.
    expect(store.get().countries).toEqual(['CHN', 'RUS']);
  });

  it('stays silent when a patch changes nothing (same values, or normalised to the same)', () => {
    const store = createStore<ViewState, Meta>({ ...defaultViewState(), countries: ['CHN', 'RUS'] }, normalizeViewState);
    let calls = 0;
    store.subscribe(() => calls++);
    expect(store.set({ countries: ['RUS', 'CHN'] }, push).size).toBe(0);
    expect(store.set({ group: 'country' }, push).size).toBe(0);
    expect(calls).toBe(0);
  });

  it('queues a change made by a listener instead of nesting it, and applies it over the newest state', () => {
    const store = createStore<ViewState, Meta>(defaultViewState(), normalizeViewState);
    const order: string[] = [];
    store.subscribe((s, changed) => {
      order.push(`A:${[...changed].join(',')}`);
      // Selecting an event hidden by the type filter widens the filter (what main does for "show it").
      if (changed.has('event') && s.types.length) store.set({ types: [] }, push);
    });
    store.subscribe((s, changed) => order.push(`B:${[...changed].join(',')}:${s.types.join('|')}`));
    store.set({ types: ['meeting'] }, push);
    store.set({ event: 'x', q: 'Lavrov' }, push);
    expect(order).toEqual(['A:types', 'B:types:meeting', 'A:event,q', 'B:event,q:meeting', 'A:types', 'B:types:']);
    expect(store.get()).toMatchObject({ event: 'x', q: 'Lavrov', types: [] });
  });

  it('replace() drops keys the new state does not have', () => {
    const store = createStore<ViewState, Meta>({ ...defaultViewState(), q: 'SCO', event: 'e1' }, normalizeViewState);
    const changed = store.replace({ ...defaultViewState(), q: 'SCO' }, { history: 'none' });
    expect([...changed]).toEqual(['event']);
    expect(store.get().event).toBeUndefined();
  });

  it('unsubscribes', () => {
    const store = createStore<{ n: number }, undefined>({ n: 0 });
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.set({ n: 1 }, undefined);
    off();
    store.set({ n: 2 }, undefined);
    expect(calls).toBe(1);
    expect(store.get().n).toBe(2);
  });
});
