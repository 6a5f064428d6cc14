/**
 * Clustering a block again after reports were added to it, without clustering all of it (issue 10):
 * one article that joins a block of 51,000 reports changes the decisions of a handful of them. The
 * state keeps, per large block, how the previous build clustered it (a ClusterTable); `replay` gives
 * exactly what `clusterWithCopies` (merge.ts) gives for the block with the added reports, recomputing
 * only the decisions that can differ, and parsing only the reports those decisions read.
 *
 * WHY THE REPLAY GIVES THE FULL RESULT. clusterWithCopies (1) splits the reports into originals and
 * copies in reprints (merge/copies.ts), (2) takes the originals in a total order (compareClusterOrder:
 * more states, more specific, content key), and (3) for each report in that order looks up candidate
 * clusters in an index of the reports taken before it (filed under filePrefixes x fileKeys, and by
 * sentence text; looked up under windowPrefixes x lookupKeys, and by text), and joins the candidate
 * that accepts it (Cluster.accepts), is not left to a sibling (leftToSibling: the other originals of
 * the same sentence, and whether the cluster accepts them), and is most similar (Cluster.similarity);
 * ties go to the cluster founded first; no candidate: it founds a cluster. Its output: the clusters in
 * the order they were founded, each member (in the order it joined) followed by its copies.
 *
 * Name a cluster by its founder (its first member). Let O be the previous run's originals and N this
 * run's, both taken in the one total order over all reports. A cluster is CLEAN at a point of the
 * order when its members before that point are the same in both runs, else DIRTY; a dirty cluster
 * stays dirty (members are only added). Take a report x of both O and N whose sentence has the same
 * originals in both runs. The decision for x reads only: x itself; the set of clusters x finds (those
 * of the reports before x that x finds, a relation of the two reports' contents alone); each found
 * cluster's state (a function of its member sequence: members join in the order, so equal member sets
 * mean equal sequences and equal founders); x's siblings (the same by assumption); and the founding
 * order of found clusters (the order of their founders). If every cluster that x finds in either run
 * is clean, the found sets are equal (a found cluster holds the same found member in both runs), so
 * x makes the same decision in both runs: it joins the cluster of the same founder, or founds one
 * (named by x in both runs), and every cluster's cleanness is unchanged. So this run's clusters follow
 * from the previous run's decisions, recomputing only:
 * - the reports of N not in O (added reports, and old copies that became originals because an added
 *   report took over their group of copies), which make the cluster they join dirty;
 * - the reports of O not in N (originals that became copies): their previous cluster becomes dirty;
 * - reports of both whose sentence gained or lost an original (leftToSibling reads all of them);
 * - reports that can find a member, in either run, of a dirty cluster (`findsDirty`, conservatively:
 *   every member of the previous run's cluster, at any point, filed as the index files it; a report
 *   none of whose (type group, lookup key) pairs a dirty member is filed with is passed over before
 *   its day window is searched, since an index prefix names its type group; the sentence text by a
 *   32-bit hash).
 * A recomputed report of both runs that chooses another cluster than before makes both dirty. A
 * recomputation is exact: it looks candidates up among the reports before it with their decisions in
 * this run (over the index keys in the table, the texts compared whole), builds each candidate's state
 * from its members in this run, and decides as clusterWithCopies does (Cluster, leftToSibling and the
 * tie order are the same code). Recomputing more reports than needed is always safe.
 * Copies: a group of copies depends only on its members (copyKey includes the sentence text), so only
 * the groups of the added reports' sentence texts are split again (reprints, on those reports); every
 * other report keeps its status and its copies. Output: a cluster none of whose members are in those
 * groups and whose founder is clean has the same members and copies as its previous self (whose event
 * is kept); `changed` and `oldChanged` name the others.
 * Preconditions (else `ok: false` with the reason, and the block is clustered in full): a table that
 * names every report of the block once and is consistent; no two reports in the same place of the order
 * (an exact tie of compareClusterOrder, where the full run would keep input order: tableOf writes no
 * table for such a block, and an added report tying with another is refused); at most `limit`
 * decisions recomputed. A report kept without recomputation whose cluster is dirty, or whose founder
 * was not taken first, would contradict the argument: the replay then gives up too. Removed reports are not replayed (build-state.ts clusters such blocks in full).
 */
import { Cluster } from '../merge/cluster.ts';
import { compareClusterOrder, leftToSibling, orderItem, reprints, sentenceOf, type OrderItem } from '../merge.ts';
import { fileKeys, filePrefixes, isLoose, lookupKeys, windowPrefixes } from '../merge/index-keys.ts';
import { reportSentenceKey, typeGroup } from '../merge/same-event.ts';
import type { ExtractedEvent } from '../types.ts';

/** Blocks with fewer reports than `minReports` are clustered in full (it is cheap) and keep no table (tests lower it). */
export const tableLimits = { minReports: 1000 };

const TABLE_FORMAT = 1;

/** FNV-1a over UTF-16 units: a 32-bit hash of a string (equal strings, equal hashes). */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A row of the table, what the clusterer's index reads of a report: [text hash, sentence hash,
 * day, type group, loose, #file prefixes, ...prefixes, #file keys, ...keys, #lookup keys, ...keys],
 * strings as positions in the table's strings.
 */
function rowOf(ev: ExtractedEvent, intern: (s: string) => number): number[] {
  const group = typeGroup(ev.type);
  const prefixes = filePrefixes(ev, group);
  const file = fileKeys(ev);
  const look = lookupKeys(ev);
  const row = [hash32(reportSentenceKey(ev)), hash32(sentenceOf(ev)), intern(ev.date), intern(group), isLoose(ev) ? 1 : 0, prefixes.length];
  for (const p of prefixes) row.push(intern(p));
  row.push(file.length);
  for (const k of file) row.push(intern(k));
  row.push(look.length);
  for (const k of look) row.push(intern(k));
  return row;
}

const T = 0;
const S = 1;
const DAY = 2;
const GROUP = 3;
const LOOSE = 4;
const PREFIXES = 5;

/**
 * How a block was clustered (for `replay`): per report (in the block's order) its row (rowOf); the
 * originals in the order they were clustered and, for each, the number of its cluster (clusters
 * numbered in the order they were founded); each copy and its original, in the order of the output.
 */
export class ClusterTable {
  private starts: Int32Array | undefined;

  constructor(
    readonly strings: string[],
    readonly rows: number[],
    readonly n: number,
    readonly order: number[],
    readonly cluster: number[],
    readonly copies: number[],
  ) {}

  /** Where each report's row starts in `rows` (undefined when the rows are not n well-formed rows). */
  rowStarts(): Int32Array | undefined {
    if (this.starts) return this.starts;
    const at = new Int32Array(this.n + 1);
    let p = 0;
    const s = this.strings.length;
    const ok = (x: number | undefined) => x !== undefined && Number.isInteger(x) && x >= 0 && x < s;
    for (let i = 0; i < this.n; i++) {
      at[i] = p;
      if (p + PREFIXES >= this.rows.length || !ok(this.rows[p + DAY]) || !ok(this.rows[p + GROUP])) return undefined;
      let q = p + PREFIXES;
      for (let part = 0; part < 3; part++) {
        const len = this.rows[q]!;
        if (!Number.isInteger(len) || len < 0 || q + len >= this.rows.length) return undefined;
        for (let j = 1; j <= len; j++) if (!ok(this.rows[q + j])) return undefined;
        q += len + 1;
      }
      p = q;
    }
    if (p !== this.rows.length) return undefined;
    at[this.n] = p;
    this.starts = at;
    return at;
  }

  /** The table as JSON text (for the state). */
  text(): string {
    return JSON.stringify({ f: TABLE_FORMAT, n: this.n, s: this.strings, r: this.rows, o: this.order, c: this.cluster, p: this.copies });
  }

  /** The table of `text` (ClusterTable.text), or undefined when it is not one. */
  static parse(text: string): ClusterTable | undefined {
    try {
      const t = JSON.parse(text) as { f: number; n: number; s: string[]; r: number[]; o: number[]; c: number[]; p: number[] };
      if (t.f !== TABLE_FORMAT || !Number.isInteger(t.n) || ![t.s, t.r, t.o, t.c, t.p].every(Array.isArray)) return undefined;
      return new ClusterTable(t.s, t.r, t.n, t.o, t.c, t.p);
    } catch {
      return undefined;
    }
  }

  /** The same table for the reports in another order: report i of this one is report `to[i]` of the result. */
  permuted(to: Int32Array | readonly number[]): ClusterTable {
    const starts = this.rowStarts();
    if (!starts) throw new Error('cluster table: malformed rows');
    const from = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) from[to[i]!] = i;
    const rows: number[] = [];
    for (let k = 0; k < this.n; k++) {
      const i = from[k]!;
      for (let p = starts[i]!; p < starts[i + 1]!; p++) rows.push(this.rows[p]!);
    }
    return new ClusterTable(
      this.strings,
      rows,
      this.n,
      this.order.map((i) => to[i]!),
      this.cluster,
      this.copies.map((i) => to[i]!),
    );
  }
}

/** Numbers by number, without an array for a key that has one (most have). */
class MultiMap {
  private readonly m = new Map<number, number | number[]>();
  add(k: number, v: number): void {
    const x = this.m.get(k);
    if (x === undefined) this.m.set(k, v);
    else if (typeof x === 'number') this.m.set(k, [x, v]);
    else x.push(v);
  }
  get(k: number): readonly number[] {
    const x = this.m.get(k);
    return x === undefined ? [] : typeof x === 'number' ? [x] : x;
  }
}

/** Interns strings into a table's string list. */
class Strings {
  readonly list: string[];
  private readonly ids = new Map<string, number>();
  constructor(list: readonly string[]) {
    this.list = [...list];
    this.list.forEach((s, i) => this.ids.set(s, i));
  }
  known(s: string): number | undefined {
    return this.ids.get(s);
  }
  id = (s: string): number => {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.ids.set(s, i);
    }
    return i;
  };
}

/**
 * The table of a block clustered by clusterWithCopies: `events` the block's reports (normalized, as
 * given to it), `result` its output. Undefined when the output does not name the reports by identity,
 * or two originals tie in the order.
 */
export function tableOf(
  events: readonly ExtractedEvent[],
  result: { clusters: readonly ExtractedEvent[][]; copies: ReadonlySet<ExtractedEvent>; ordered: readonly ExtractedEvent[] },
): ClusterTable | undefined {
  const at = new Map<ExtractedEvent, number>();
  events.forEach((ev, i) => at.set(ev, i));
  if (at.size !== events.length) return undefined;
  const strings = new Strings([]);
  const rows: number[] = [];
  for (const ev of events) for (const x of rowOf(ev, strings.id)) rows.push(x);
  const clusterOf = new Int32Array(events.length).fill(-1);
  const copies: number[] = [];
  for (let ci = 0; ci < result.clusters.length; ci++) {
    let original = -1;
    for (const m of result.clusters[ci]!) {
      const i = at.get(m);
      if (i === undefined) return undefined;
      if (result.copies.has(m)) {
        if (original < 0) return undefined;
        copies.push(i, original);
      } else {
        original = i;
        clusterOf[i] = ci;
      }
    }
  }
  // No table when two originals share a place in the order (the run kept their input order, which a
  // later run need not keep: see replay's preconditions).
  for (let k = 1; k < result.ordered.length; k++) if (compareClusterOrder(orderItem(result.ordered[k - 1]!), orderItem(result.ordered[k]!)) === 0) return undefined;
  const order: number[] = [];
  const cluster: number[] = [];
  for (const ev of result.ordered) {
    const i = at.get(ev);
    if (i === undefined || clusterOf[i]! < 0) return undefined;
    order.push(i);
    cluster.push(clusterOf[i]!);
  }
  return new ClusterTable(strings.list, rows, events.length, order, cluster, copies);
}

export interface ReplayInput {
  /** The previous run's table of the block (its reports are positions 0..n-1). */
  table: ClusterTable;
  /** Report i of the block (normalized), parsed when first asked for. */
  base: (i: number) => ExtractedEvent;
  /** The reports added to the block (normalized): positions n, n+1, ... */
  inserted: readonly ExtractedEvent[];
  /** Give up when more decisions than this would be recomputed (default: an eighth of the block, at least 100). */
  limit?: number;
}

export interface ReplayDone {
  ok: true;
  /** clusterWithCopies's clusters, as positions (0..n-1 the block's reports, then the added ones). */
  clusters: number[][];
  /** Positions of the copies in reprints. */
  copies: Set<number>;
  /** Clusters (indexes in `clusters`) that may differ from their previous selves: the others did not change. */
  changed: number[];
  /** The previous run's clusters that may have changed (their founding numbers, see oldClusters). */
  oldChanged: number[];
  /** The table of this run (positions as in `clusters`). */
  table: ClusterTable;
  stats: { recomputed: number; parsed: number };
}

export type ReplayResult = ReplayDone | { ok: false; reason: string };

/** Previous clusters of `table` (by founding number) as positions, each copy as ~position, as in its output. */
export function oldClusters(table: ClusterTable, which: readonly number[]): Map<number, number[]> {
  const out = new Map<number, number[]>(which.map((ci) => [ci, []] as const));
  const copiesOf = new Map<number, number[]>();
  for (let k = 0; k < table.copies.length; k += 2) {
    const list = copiesOf.get(table.copies[k + 1]!);
    if (list) list.push(table.copies[k]!);
    else copiesOf.set(table.copies[k + 1]!, [table.copies[k]!]);
  }
  for (let k = 0; k < table.order.length; k++) {
    const list = out.get(table.cluster[k]!);
    if (list === undefined) continue;
    list.push(table.order[k]!);
    for (const c of copiesOf.get(table.order[k]!) ?? []) list.push(~c);
  }
  return out;
}

/** clusterWithCopies over the table's block and `inserted`, from the table (see the comment at the top). */
export function replay(input: ReplayInput): ReplayResult {
  const { table, inserted } = input;
  const n = table.n;
  const total = n + inserted.length;
  const starts = table.rowStarts();
  if (!starts) return { ok: false, reason: 'malformed cluster table' };
  const strings = new Strings(table.strings);
  if (total >= 1 << 21) return { ok: false, reason: 'block too large for a cluster table' };
  // All rows: the table's, then the added reports' (rowOf); `at[p]` where report p's row starts.
  const all = table.rows.slice();
  const at = new Int32Array(total + 1);
  at.set(starts.subarray(0, n));
  for (let k = 0; k < inserted.length; k++) {
    at[n + k] = all.length;
    for (const x of rowOf(inserted[k]!, strings.id)) all.push(x);
  }
  at[total] = all.length;
  const field = (p: number, f: number) => all[at[p]! + f]!;
  // Each list of a row is its length, then its elements: where the file prefixes, file keys and lookup keys start.
  const prefixesAt = (p: number) => at[p]! + PREFIXES;
  const fileKeysAt = (p: number) => {
    const q = at[p]! + PREFIXES;
    return q + all[q]! + 1;
  };
  const lookKeysAt = (p: number) => {
    const q = fileKeysAt(p);
    return q + all[q]! + 1;
  };

  let parsedCount = 0;
  const parsed: (ExtractedEvent | undefined)[] = new Array(n);
  const evAt = (p: number): ExtractedEvent => {
    if (p >= n) return inserted[p - n]!;
    let ev = parsed[p];
    if (ev === undefined) {
      ev = parsed[p] = input.base(p);
      parsedCount++;
    }
    return ev;
  };
  const items = new Map<number, OrderItem>();
  const itemAt = (p: number): OrderItem => {
    let it = items.get(p);
    if (it === undefined) items.set(p, (it = orderItem(evAt(p))));
    return it;
  };

  // The previous run: each original's place in the order and its cluster's founder; the copies.
  const order = table.order;
  if (order.length !== table.cluster.length || table.copies.length % 2 !== 0) return { ok: false, reason: 'inconsistent cluster table' };
  const rankOld = new Int32Array(n).fill(-1);
  const founderOfCi: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const p = order[k]!;
    const ci = table.cluster[k]!;
    if (!Number.isInteger(p) || p < 0 || p >= n || rankOld[p] !== -1) return { ok: false, reason: 'inconsistent cluster table' };
    rankOld[p] = k;
    if (ci === founderOfCi.length) founderOfCi.push(p);
    else if (!(ci >= 0 && ci < founderOfCi.length)) return { ok: false, reason: 'inconsistent cluster table' };
  }
  const oldFounder = (p: number) => founderOfCi[table.cluster[rankOld[p]!]!]!;
  const origOld = new Int32Array(n).fill(-1);
  const oldCopies = new Map<number, number[]>();
  for (let k = 0; k < table.copies.length; k += 2) {
    const c = table.copies[k]!;
    const o = table.copies[k + 1]!;
    if (!(c >= 0 && c < n && o >= 0 && o < n) || rankOld[c] !== -1 || origOld[c] !== -1 || rankOld[o]! < 0) return { ok: false, reason: 'inconsistent cluster table' };
    origOld[c] = o;
    const list = oldCopies.get(o);
    if (list) list.push(c);
    else oldCopies.set(o, [c]);
  }
  if (order.length + table.copies.length / 2 !== n) return { ok: false, reason: 'inconsistent cluster table' };

  // Reports by sentence-text hash, by sentence hash and by file prefix (candidates for recomputed
  // decisions, checked whole: the texts compared, the prefix and keys those of the clusterer's index).
  const byText = new MultiMap();
  const bySentence = new MultiMap();
  const byPrefix = new MultiMap();
  for (let p = 0; p < total; p++) {
    byText.add(field(p, T), p);
    bySentence.add(field(p, S), p);
    const q = prefixesAt(p);
    for (let j = 1; j <= all[q]!; j++) byPrefix.add(all[q + j]!, p);
  }

  // 1. Copies: the groups of the added reports' sentence texts, split again.
  const addedTexts = new Set(inserted.map((ev) => reportSentenceKey(ev)));
  const regrouped: number[] = [];
  const seenHash = new Set<number>();
  for (let p = n; p < total; p++) {
    const h = field(p, T);
    if (seenHash.has(h)) continue;
    seenHash.add(h);
    for (const q of byText.get(h)) if (q >= n || addedTexts.has(reportSentenceKey(evAt(q)))) regrouped.push(q);
  }
  const inGroup = new Set(regrouped);
  const posOf = new Map<ExtractedEvent, number>();
  for (const p of regrouped) posOf.set(evAt(p), p);
  const split = reprints(regrouped.map(evAt));
  /** This run's originals among the regrouped reports, and their copies (positions). */
  const isOriginalNew = new Set<number>();
  const newCopies = new Map<number, number[]>();
  for (const ev of split.originals) isOriginalNew.add(posOf.get(ev)!);
  for (const [o, list] of split.copiesOf) newCopies.set(posOf.get(o)!, list.map((c) => posOf.get(c)!));
  const inNew = (p: number) => (inGroup.has(p) ? isOriginalNew.has(p) : p < n && rankOld[p]! >= 0);
  const inOld = (p: number) => p < n && rankOld[p]! >= 0;
  /** Reports of N not in O (to insert into the order) and of O not in N. */
  const joining: number[] = [];
  const leaving = new Set<number>();
  for (const p of regrouped) {
    if (inNew(p) && !inOld(p)) joining.push(p);
    if (inOld(p) && !inNew(p)) leaving.add(p);
  }
  // Sentences that gained or lost an original: their other originals are decided again.
  const flagged = new Set<number>();
  for (const p of [...joining, ...leaving]) {
    const sentence = sentenceOf(evAt(p));
    for (const q of bySentence.get(field(p, S))) if (q !== p && inOld(q) && inNew(q) && sentenceOf(evAt(q)) === sentence) flagged.add(q);
  }

  // 2. This run's order: the joining reports put into the previous order (no exact ties).
  joining.sort((a, b) => compareClusterOrder(itemAt(a), itemAt(b)));
  for (let k = 1; k < joining.length; k++) if (compareClusterOrder(itemAt(joining[k - 1]!), itemAt(joining[k]!)) === 0) return { ok: false, reason: 'two added reports in one place of the order' };
  const placeOf: number[] = [];
  for (const p of joining) {
    const it = itemAt(p);
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareClusterOrder(itemAt(order[mid]!), it) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo < order.length && compareClusterOrder(itemAt(order[lo]!), it) === 0) return { ok: false, reason: 'an added report in the place of another in the order' };
    if (lo > 0 && compareClusterOrder(itemAt(order[lo - 1]!), it) >= 0) return { ok: false, reason: 'cluster table out of order' };
    placeOf.push(lo);
  }
  for (let k = 1; k < placeOf.length; k++) if (placeOf[k]! < placeOf[k - 1]!) return { ok: false, reason: 'cluster table out of order' };

  // 3. Index codes: (prefix, key) as one number (prefix id * K + key id), as the clusterer files and looks up.
  const K = 1 << 21;
  if (strings.list.length >= K) return { ok: false, reason: 'cluster table too large' };
  const windows = new Map<number, number[]>();
  /**
   * Index prefixes (ids) a report looks up, as windowPrefixes gives them, but for those no report is
   * filed under (not among the strings: every file prefix is).
   */
  const lookPrefixes = (p: number): number[] => {
    const day = field(p, DAY);
    const group = field(p, GROUP);
    const loose = field(p, LOOSE);
    const key = (day * K + group) * 2 + loose;
    let w = windows.get(key);
    if (w === undefined) {
      w = [];
      for (const pre of windowPrefixes(strings.list[day]!, strings.list[group]!, loose === 1)) {
        const id = strings.known(pre);
        if (id !== undefined) w.push(id);
      }
      windows.set(key, w);
    }
    return w;
  };
  /** Whether report m is filed with one of the keys all[q+1..q+len] (under each of its prefixes: byPrefix). */
  const filedWith = (m: number, q: number, len: number): boolean => {
    const fq = fileKeysAt(m);
    for (let j = 1; j <= all[fq]!; j++) for (let i = 1; i <= len; i++) if (all[fq + j] === all[q + i]) return true;
    return false;
  };

  // 4. The walk over O and N in the order.
  const newFounder = new Int32Array(total).fill(-1);
  /** Place in this run's order of each report of N taken so far (-1: not yet, or not in N). */
  const rank = new Int32Array(total).fill(-1);
  let taken = 0;
  const membersNew = new Map<number, number[]>();
  const dirty = new Set<number>();
  const dirtyCodes = new Set<number>();
  const dirtyTexts = new Set<number>();
  let oldMembers: MultiMap | undefined;
  /**
   * (type group, key) of the codes in dirtyCodes: a report none of whose lookup keys is among them for
   * its group finds no dirty cluster by key (a prefix, "kind|group|day|", names its group).
   */
  const dirtyKeys = new Set<number>();
  const fileDirty = (p: number) => {
    dirtyTexts.add(field(p, T));
    const pq = prefixesAt(p);
    const fq = fileKeysAt(p);
    for (let j = 1; j <= all[pq]!; j++) {
      for (let i = 1; i <= all[fq]!; i++) {
        dirtyCodes.add(all[pq + j]! * K + all[fq + i]!);
        dirtyKeys.add(field(p, GROUP) * K + all[fq + i]!);
      }
    }
  };
  const markDirty = (f: number) => {
    if (dirty.has(f)) return;
    dirty.add(f);
    if (f < n && rankOld[f]! >= 0 && oldFounder(f) === f) {
      if (oldMembers === undefined) {
        oldMembers = new MultiMap();
        for (let k = 0; k < order.length; k++) oldMembers.add(founderOfCi[table.cluster[k]!]!, order[k]!);
      }
      for (const m of oldMembers.get(f)) fileDirty(m);
    }
    for (const m of membersNew.get(f) ?? []) fileDirty(m);
  };
  const findsDirty = (p: number): boolean => {
    if (dirtyTexts.has(field(p, T))) return true;
    const q = lookKeysAt(p);
    const len = all[q]!;
    const group = field(p, GROUP) * K;
    let any = false;
    for (let i = 1; i <= len && !any; i++) any = dirtyKeys.has(group + all[q + i]!);
    if (!any) return false;
    for (const pre of lookPrefixes(p)) for (let i = 1; i <= len; i++) if (dirtyCodes.has(pre * K + all[q + i]!)) return true;
    return false;
  };
  const materialized = new Map<number, { c: Cluster; added: number }>();
  const clusterOf = (f: number): Cluster => {
    const members = membersNew.get(f)!;
    let mc = materialized.get(f);
    if (mc === undefined) materialized.set(f, (mc = { c: new Cluster(evAt(members[0]!)), added: 1 }));
    while (mc.added < members.length) mc.c.add(evAt(members[mc.added++]!));
    return mc.c;
  };
  /** This run's decision for report p (its cluster's founder), as clusterWithCopies makes it. */
  const decide = (p: number): number => {
    const ev = evAt(p);
    const near = new Set<number>();
    const q = lookKeysAt(p);
    const len = all[q]!;
    if (len > 0) {
      for (const pre of lookPrefixes(p)) {
        for (const m of byPrefix.get(pre)) if (rank[m]! >= 0 && filedWith(m, q, len)) near.add(newFounder[m]!);
      }
    }
    const text = reportSentenceKey(ev);
    for (const m of byText.get(field(p, T))) if (rank[m]! >= 0 && reportSentenceKey(evAt(m)) === text) near.add(newFounder[m]!);
    const sentence = sentenceOf(ev);
    const siblings: ExtractedEvent[] = [];
    for (const r of bySentence.get(field(p, S))) if (inNew(r) && sentenceOf(evAt(r)) === sentence) siblings.push(evAt(r));
    let best = -1;
    let bestScore = -Infinity;
    for (const f of near) {
      const cluster = clusterOf(f);
      if (!cluster.accepts(ev)) continue;
      if (leftToSibling(ev, cluster, siblings)) continue;
      const score = cluster.similarity(ev);
      if (score > bestScore || (score === bestScore && best >= 0 && rank[f]! < rank[best]!)) {
        bestScore = score;
        best = f;
      }
    }
    return best < 0 ? p : best;
  };

  const limit = input.limit ?? Math.max(100, n >> 3);
  let recomputed = 0;
  const take = (p: number, recompute: boolean): string | undefined => {
    let f: number;
    if (!recompute) {
      f = oldFounder(p);
      // (Its cluster is clean, so its founder was taken, and founded it, in this run too.)
      if ((f !== p && newFounder[f] !== f) || dirty.has(f)) return 'cluster table out of step';
    } else {
      if (++recomputed > limit) return `more than ${limit} decisions to recompute`;
      f = decide(p);
      if (inOld(p)) {
        const before = oldFounder(p);
        if (before !== f) {
          markDirty(before);
          markDirty(f);
        }
      } else markDirty(f);
    }
    newFounder[p] = f;
    rank[p] = taken++;
    const list = membersNew.get(f);
    if (list) list.push(p);
    else membersNew.set(f, [p]);
    if (dirty.has(f)) fileDirty(p);
    return undefined;
  };
  let next = 0;
  for (let k = 0; k <= order.length; k++) {
    // The joining reports placed before old entry k.
    while (next < joining.length && placeOf[next] === k) {
      const why = take(joining[next]!, true);
      if (why) return { ok: false, reason: why };
      next++;
    }
    if (k === order.length) break;
    const p = order[k]!;
    if (leaving.has(p)) {
      markDirty(oldFounder(p));
      continue;
    }
    const why = take(p, flagged.has(p) || (dirty.size > 0 && findsDirty(p)));
    if (why) return { ok: false, reason: why };
  }

  // 5. Output as clusterWithCopies gives it, and this run's table.
  const ordered: number[] = new Array(taken);
  for (let p = 0; p < total; p++) if (rank[p]! >= 0) ordered[rank[p]!] = p;
  const copiesOf = (o: number): readonly number[] => (inGroup.has(o) ? (newCopies.get(o) ?? []) : (oldCopies.get(o) ?? []));
  const indexOf = new Map<number, number>();
  const clusters: number[][] = [];
  const changed: number[] = [];
  const copies = new Set<number>();
  const cluster: number[] = [];
  for (const p of ordered) {
    const f = newFounder[p]!;
    if (f === p) {
      indexOf.set(p, clusters.length);
      clusters.push([]);
    }
    cluster.push(indexOf.get(f)!);
  }
  for (const [f, i] of indexOf) {
    const out = clusters[i]!;
    let hit = dirty.has(f);
    for (const m of membersNew.get(f)!) {
      out.push(m);
      if (inGroup.has(m)) hit = true;
      for (const c of copiesOf(m)) {
        out.push(c);
        copies.add(c);
      }
    }
    if (hit) changed.push(i);
  }
  changed.sort((a, b) => a - b);
  // (copy pairs in the order of the output, as tableOf writes them)
  const pairs: number[] = [];
  for (const out of clusters) {
    let original = -1;
    for (const m of out) {
      if (copies.has(m)) pairs.push(m, original);
      else original = m;
    }
  }
  const oldChangedSet = new Set<number>();
  for (const f of dirty) if (f < n && rankOld[f]! >= 0 && oldFounder(f) === f) oldChangedSet.add(table.cluster[rankOld[f]!]!);
  for (const p of regrouped) if (inOld(p)) oldChangedSet.add(table.cluster[rankOld[p]!]!);
  return {
    ok: true,
    clusters,
    copies,
    changed,
    oldChanged: [...oldChangedSet].sort((a, b) => a - b),
    table: new ClusterTable(strings.list, all, total, ordered, cluster, pairs),
    stats: { recomputed, parsed: parsedCount },
  };
}
