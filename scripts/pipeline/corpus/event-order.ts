/**
 * The order of events.json (day, then id, in code-unit order) for a rebuild's events, without
 * sorting 200,000 of them by their strings: the previous build's events are in that order, so its
 * records that keep their day and id (`at`: their position there) are put in it by position, and only
 * the others (new events, and those whose id changed) are sorted and merged in.
 */
import { cmp } from '../ids.ts';

const before = (a: { date: string; id: string }, b: { date: string; id: string }): number => cmp(a.date, b.date) || cmp(a.id, b.id);

/**
 * `all` sorted by (date, id), as `all.sort(before)` sorts it. `moved`: the records of the previous
 * build whose id changed in this one (their position says nothing); `previous`: the number of the
 * previous build's events. (Positions given twice, or a previous order not sorted, as in a damaged
 * state: the whole list is sorted.)
 */
export function inEventOrder<T extends { date: string; id: string; at?: number }>(all: T[], moved: ReadonlySet<T>, previous: number): T[] {
  const slots: (T | undefined)[] = new Array(previous);
  const rest: T[] = [];
  for (const e of all) {
    const at = e.at;
    if (at !== undefined && at >= 0 && at < previous && slots[at] === undefined && !moved.has(e)) slots[at] = e;
    else rest.push(e);
  }
  const base: T[] = [];
  for (const e of slots) if (e !== undefined) base.push(e);
  for (let i = 1; i < base.length; i++) if (before(base[i - 1]!, base[i]!) >= 0) return all.sort(before);
  if (rest.length === 0) return base;
  rest.sort(before);
  // Each of the others goes before the first kept one it comes before (found by bisection).
  const out: T[] = [];
  let from = 0;
  for (const e of rest) {
    let lo = from;
    let hi = base.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(base[mid]!, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = from; i < lo; i++) out.push(base[i]!);
    out.push(e);
    from = lo;
  }
  for (let i = from; i < base.length; i++) out.push(base[i]!);
  return out;
}
