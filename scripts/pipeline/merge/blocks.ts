/**
 * Independent blocks of the merge: groups of reports such that no report of one block can ever
 * meet a report of another in `clusterWithCopies` (merge.ts). Clustering each block on its own, in
 * the same order, gives exactly the clusters of one run over everything, so a block whose reports
 * did not change can take its clusters from a cache (corpus/merge-cache.ts), and adding one article
 * re-clusters only the blocks its reports touch.
 *
 * Two reports are in one block when (the union, closed transitively):
 * - one finds the other in the clusterer's index (same type group, within the day window, under a
 *   key one files and the other looks up: merge/index-keys.ts, the very functions the clusterer
 *   uses) AND their types and days are compatible (typesCompatible, datesCompatible). An event
 *   accepts a report only when the report is compatible in type and day with every member
 *   (cluster.ts: members of one signature share type, day, precision and evidence, all that these
 *   two tests read), or is a copy of the member's sentence (the text link below); so an event
 *   found through a member the report is not compatible with refuses it, and the link can never
 *   change a result. Without this test, reports dated by their publication day chained every day
 *   of the period into two blocks of 50,000 reports;
 * - their sentences read the same and their days are at most SAME_TEXT_DAYS apart: the clusterer
 *   also looks candidates up by sentence text, but a report joins an event only when its day is
 *   compatible with every member's (same-event.ts: at most `approximateWindowDays`, the weak-evidence
 *   windows or the 7 days of a reprinted sentence), so farther ones never change the result;
 * - they come from one sentence (the sibling test of `leftToSibling`);
 * - their sentences read the same and their articles were published at most COPY_WINDOW_DAYS apart:
 *   this holds every chain of copies in reprints (merge/copies.ts), whose key includes the sentence.
 * Tracing (`--explain`) notes refused candidates too, so traced runs do not use blocks.
 */
import rules from '../../data/merge-rules.json' with { type: 'json' };
import type { ExtractedEvent } from '../types.ts';
import { COPY_WINDOW_DAYS } from './copies.ts';
import { fileKeys, isLoose, lookupKeys, SEARCH_WINDOW, windowDays } from './index-keys.ts';
import { datesCompatible, dayNumber, reportSentenceKey, SAME_SENTENCE_WINDOW_DAYS, typeGroup, typesCompatible } from './same-event.ts';

/** Days beyond which two reports of the same sentence can never be one event (see same-event.ts). */
export const SAME_TEXT_DAYS = Math.max(SAME_SENTENCE_WINDOW_DAYS, rules.approximateWindowDays, rules.weakEvidenceWindowDays);

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Joins the members of each group whose consecutive days (sorted) are at most `gap` apart; unknown days join all. */
function chainByDay(uf: UnionFind, members: number[], day: (i: number) => number, gap: number): void {
  if (members.length < 2) return;
  const known: { i: number; d: number }[] = [];
  let unknown = -1;
  for (const i of members) {
    const d = day(i);
    if (Number.isNaN(d)) {
      if (unknown < 0) unknown = i;
      else uf.union(unknown, i);
    } else known.push({ i, d });
  }
  if (unknown >= 0) for (const k of known) uf.union(unknown, k.i);
  known.sort((a, b) => a.d - b.d);
  for (let k = 1; k < known.length; k++) if (known[k]!.d - known[k - 1]!.d <= gap) uf.union(known[k - 1]!.i, known[k]!.i);
}

function push<K>(map: Map<K, number[]>, key: K, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

/**
 * The blocks of `events` (normalized: states and organisations sorted, no repeats), as lists of
 * positions in input order; blocks are ordered by their first position.
 */
export function mergeBlocks(events: readonly ExtractedEvent[]): number[][] {
  const n = events.length;
  const uf = new UnionFind(n);

  // 1. The clusterer's index (the same prefixes and keys as merge.ts, as small integers: strings
  // interned once, so the lookups over the day window hash no strings): file every report, then
  // join each with what its lookups find.
  const ids = new Map<string, number>();
  const intern = (s: string): number => {
    let id = ids.get(s);
    if (id === undefined) ids.set(s, (id = ids.size));
    return id;
  };
  const windows = new Map<string, number[]>();
  /** Ids of the days of the window around `day` (index SEARCH_WINDOW is the day itself). */
  const windowIds = (day: string): number[] => {
    let w = windows.get(day);
    if (w === undefined) windows.set(day, (w = windowDays(day).map(intern)));
    return w;
  };
  // Outer key: (day, type group, a/l) as one integer; inner: the state or organisation key.
  const slotOf = (day: number, group: number, loose: 0 | 1) => (day * 64 + group) * 2 + loose;
  const index = new Map<number, Map<number, number[]>>();
  const groupIds = new Map<string, number>();
  const groups = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const g = typeGroup(events[i]!.type);
    let id = groupIds.get(g);
    if (id === undefined) groupIds.set(g, (id = groupIds.size));
    if (id >= 64) throw new Error('merge blocks: more than 64 type groups');
    groups[i] = id;
  }
  for (let i = 0; i < n; i++) {
    const ev = events[i]!;
    const keys = fileKeys(ev).map(intern);
    const day = intern(ev.date);
    for (const kind of isLoose(ev) ? ([0, 1] as const) : ([0] as const)) {
      const at = slotOf(day, groups[i]!, kind);
      let m = index.get(at);
      if (m === undefined) index.set(at, (m = new Map()));
      for (const k of keys) push(m, k, i);
    }
  }
  // Compatibility in type and day depends only on (type, day, precision, evidence): one class per
  // combination, the answer memoized per pair of classes, and each list of the index split by class.
  const classIds = new Map<string, number>();
  const classes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const ev = events[i]!;
    const c = `${ev.type}|${ev.date}|${ev.datePrecision}|${ev.dateEvidence}`;
    let id = classIds.get(c);
    if (id === undefined) classIds.set(c, (id = classIds.size));
    classes[i] = id;
  }
  classIds.clear();
  const compatible = new Map<number, boolean>();
  const pairCompatible = (i: number, j: number): boolean => {
    const ci = classes[i]!;
    const cj = classes[j]!;
    const key = ci < cj ? ci * n + cj : cj * n + ci;
    let ok = compatible.get(key);
    if (ok === undefined) {
      const a = events[i]!;
      const b = events[j]!;
      ok = typesCompatible(a.type, b.type) && (datesCompatible(a, b) || datesCompatible(b, a));
      compatible.set(key, ok);
    }
    return ok;
  };
  const byClass = new Map<number[], number[][]>();
  const splitByClass = (list: number[]): number[][] => {
    let parts = byClass.get(list);
    if (parts === undefined) {
      const m = new Map<number, number[]>();
      for (const j of list) push(m, classes[j]!, j);
      byClass.set(list, (parts = [...m.values()]));
    }
    return parts;
  };
  const joined = new Set<number[]>();
  for (let i = 0; i < n; i++) {
    const ev = events[i]!;
    const names = lookupKeys(ev);
    if (names.length === 0) continue;
    const keys: number[] = [];
    for (const name of names) {
      const k = ids.get(name);
      if (k !== undefined) keys.push(k);
    }
    if (keys.length === 0) continue;
    const loose = isLoose(ev);
    const days = windowIds(ev.date);
    for (let d = 0; d < days.length; d++) {
      const m = index.get(slotOf(days[d]!, groups[i]!, d === SEARCH_WINDOW || loose ? 0 : 1));
      if (m === undefined) continue;
      for (const k of keys) {
        const list = m.get(k);
        if (list === undefined) continue;
        for (const part of splitByClass(list)) {
          if (!pairCompatible(i, part[0]!)) continue;
          // The first join takes every report of the part; later ones need only join its first.
          if (joined.has(part)) uf.union(i, part[0]!);
          else {
            for (const j of part) uf.union(i, j);
            joined.add(part);
          }
        }
      }
    }
  }
  index.clear();
  joined.clear();
  byClass.clear();
  compatible.clear();
  ids.clear();

  // 2. Same sentence text within SAME_TEXT_DAYS, by day or by publication day (the latter holds
  // every chain of copies in reprints: a copy's key includes its sentence); 3. same sentence.
  const byText = new Map<string, number[]>();
  const bySentence = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const ev = events[i]!;
    push(byText, reportSentenceKey(ev), i);
    const at = `${ev.source.document}@${ev.source.start}`;
    const first = bySentence.get(at);
    if (first === undefined) bySentence.set(at, i);
    else uf.union(first, i);
  }
  for (const list of byText.values()) {
    if (list.length < 2) continue;
    chainByDay(uf, list, (i) => dayNumber(events[i]!.date), SAME_TEXT_DAYS);
    chainByDay(uf, list, (i) => dayNumber(events[i]!.source.published ?? ''), COPY_WINDOW_DAYS);
  }

  const blocks = new Map<number, number[]>();
  for (let i = 0; i < n; i++) push(blocks, uf.find(i), i);
  return [...blocks.values()];
}
