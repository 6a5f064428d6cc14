/**
 * Independent blocks of the merge: groups of reports such that no report of one block can ever
 * meet a report of another in `clusterWithCopies` (merge.ts). Clustering each block on its own, in
 * the same order, gives exactly the clusters of one run over everything, so a block whose reports
 * did not change can take its clusters from a cache (corpus/merge-cache.ts), and adding one article
 * re-clusters only the blocks its reports touch.
 *
 * Two reports are in one block when (the union, closed transitively):
 * - one finds the other in the clusterer's index: same type group, within the day window, under a
 *   key one files and the other looks up (merge/index-keys.ts, the very functions the clusterer uses);
 * - their sentences read the same and their days are at most SAME_TEXT_DAYS apart: the clusterer
 *   also looks candidates up by sentence text, but a report joins an event only when its day is
 *   compatible with every member's (same-event.ts: at most `approximateWindowDays`, the weak-evidence
 *   windows or the 7 days of a reprinted sentence), so farther ones never change the result;
 * - they come from one sentence (the sibling test of `leftToSibling`);
 * - they are copies of one sentence in articles published at most COPY_WINDOW_DAYS apart
 *   (merge/copies.ts, chained as collapseCopies chains them).
 * Tracing (`--explain`) notes refused candidates too, so traced runs do not use blocks.
 */
import rules from '../../data/merge-rules.json' with { type: 'json' };
import type { ExtractedEvent } from '../types.ts';
import { COPY_WINDOW_DAYS, copyKey } from './copies.ts';
import { fileKeys, filePrefixes, isLoose, lookupKeys, windowPrefixes } from './index-keys.ts';
import { dayNumber, reportSentenceKey, SAME_SENTENCE_WINDOW_DAYS, typeGroup } from './same-event.ts';

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

  // 1. The clusterer's index: file every report, then join each with what its lookups find.
  const index = new Map<string, Map<string, number[]>>();
  for (let i = 0; i < n; i++) {
    const ev = events[i]!;
    const keys = fileKeys(ev);
    for (const at of filePrefixes(ev, typeGroup(ev.type))) {
      let m = index.get(at);
      if (m === undefined) index.set(at, (m = new Map()));
      for (const k of keys) push(m, k, i);
    }
  }
  const joined = new Set<number[]>();
  for (let i = 0; i < n; i++) {
    const ev = events[i]!;
    const keys = lookupKeys(ev);
    if (keys.length === 0) continue;
    for (const at of windowPrefixes(ev.date, typeGroup(ev.type), isLoose(ev))) {
      const m = index.get(at);
      if (m === undefined) continue;
      for (const k of keys) {
        const list = m.get(k);
        if (list === undefined) continue;
        // The first lookup joins every report of the list; later ones need only join its first.
        if (joined.has(list)) uf.union(i, list[0]!);
        else {
          for (const j of list) uf.union(i, j);
          joined.add(list);
        }
      }
    }
  }
  index.clear();
  joined.clear();

  // 2. Same sentence text within SAME_TEXT_DAYS; 3. same sentence; 4. copies in reprints.
  const byText = new Map<string, number[]>();
  const bySentence = new Map<string, number>();
  const byCopy = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const ev = events[i]!;
    push(byText, reportSentenceKey(ev), i);
    const at = `${ev.source.document}@${ev.source.start}`;
    const first = bySentence.get(at);
    if (first === undefined) bySentence.set(at, i);
    else uf.union(first, i);
    push(byCopy, copyKey(ev), i);
  }
  for (const list of byText.values()) chainByDay(uf, list, (i) => dayNumber(events[i]!.date), SAME_TEXT_DAYS);
  for (const list of byCopy.values()) chainByDay(uf, list, (i) => dayNumber(events[i]!.source.published ?? ''), COPY_WINDOW_DAYS);

  const blocks = new Map<number, number[]>();
  for (let i = 0; i < n; i++) push(blocks, uf.find(i), i);
  return [...blocks.values()];
}
