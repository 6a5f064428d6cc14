/**
 * One store of the main page's view state. Components read the state and subscribe; a change
 * is announced once, with the set of keys that changed (arrays compared by value), so each
 * component redraws only for what concerns it. Pure: no DOM, no URL; unit-tested.
 *
 * A change carries `meta` (how history should record it, whether the selection should be
 * brought into view...), passed through untouched to every listener.
 */

export type Changed<S> = ReadonlySet<keyof S>;

export type Listener<S, M> = (state: Readonly<S>, changed: Changed<S>, prev: Readonly<S>, meta: M) => void;

export interface Store<S, M> {
  get(): Readonly<S>;
  /** Merges `patch` into the state; listeners run only when some value changed. Returns the changed keys. */
  set(patch: Partial<S>, meta: M): Changed<S>;
  /** Replaces the whole state (keys missing from `next` become undefined). */
  replace(next: S, meta: M): Changed<S>;
  subscribe(fn: Listener<S, M>): () => void;
}

/** Value equality for the store's values: primitives, arrays of primitives, undefined. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return false;
}

/** Keys whose values differ between two states (own keys of either). */
export function changedKeys<S extends object>(a: S, b: S): Set<keyof S> {
  const out = new Set<keyof S>();
  const keys = new Set<keyof S>([...(Object.keys(a) as (keyof S)[]), ...(Object.keys(b) as (keyof S)[])]);
  for (const k of keys) if (!sameValue(a[k], b[k])) out.add(k);
  return out;
}

export function createStore<S extends object, M = undefined>(initial: S, normalize: (s: S) => S = (s) => s): Store<S, M> {
  let state: S = normalize({ ...initial });
  const listeners = new Set<Listener<S, M>>();
  // A listener that changes the state again is queued, not nested: every listener sees the
  // changes in order, and a queued patch applies over the state current when its turn comes.
  const queue: Array<{ make: (cur: S) => S; meta: M }> = [];
  let running = false;

  function apply(make: (cur: S) => S, meta: M): Changed<S> {
    const changed = changedKeys(state, normalize(make(state)));
    if (!changed.size) return changed;
    queue.push({ make, meta });
    if (running) return changed;
    running = true;
    try {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const prev = state;
        const next = normalize(item.make(prev));
        const diff = changedKeys(prev, next);
        if (!diff.size) continue;
        state = next;
        for (const fn of [...listeners]) fn(state, diff, prev, item.meta);
      }
    } finally {
      running = false;
      queue.length = 0;
    }
    return changed;
  }

  return {
    get: () => state,
    set: (patch, meta) => apply((cur) => ({ ...cur, ...patch }), meta),
    replace: (next, meta) => apply(() => ({ ...next }), meta),
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
