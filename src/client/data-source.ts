/**
 * Where the main page gets its events: /data/index.json first (periods, counts, aliases), then
 * the monthly chunks of the visible window and its neighbours (fetched once, cached), the
 * compact index (/data/compact.json) for filters and counts over the whole corpus, and the
 * search words (/data/search.json) on the first search. Never /data/events.json: the page
 * never assumes that every event is in memory; full records exist only for loaded chunks.
 * The compact index has no ids: the page knows an event by its compact position; a loaded chunk
 * gives the records (and ids) of its positions, and an id is found through its id shard
 * (/data/ids/<shard>.json) when a link names it.
 *
 * The pure part (which chunks a window needs, filtering the compact index, counting, id
 * resolution) is exported for unit tests; `createDataSource` adds the fetching and caching.
 */
import { CHUNK_INDEX_VERSION, periodStarts, positionInPeriods, type ChunkIndex, type CompactIndex, type EventChunk, type PeriodEntry, type SearchIndex } from '../lib/chunks.ts';
import { idShard, idShardFile, lookupShard } from '../lib/id-shards.ts';
import type { DocumentEntry, EventType, TimelineEvent } from '../lib/schema.ts';
import { EVENT_TYPES } from '../lib/event-types.ts';
import { foldText, matchesTerms, queryTerms } from '../lib/filter.ts';
import type { ViewState } from '../lib/url-state.ts';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) of a YYYY-MM-DD day. */
export function dayNum(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}
/** YYYY-MM-DD of a day number. */
export function dayStr(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Local-time milliseconds of each UTC day number, plus `offsetMs` (the timeline puts an event at
 * local noon of its calendar day). One Date per distinct day: the days are sorted, so runs of
 * the same day reuse the previous value (20,000 events fall on about 1,100 days).
 */
export function dayTimes(days: ArrayLike<number>, offsetMs = 0): number[] {
  const out: number[] = new Array(days.length);
  let prevDay = Number.NaN;
  let prev = 0;
  for (let i = 0; i < days.length; i++) {
    const d = days[i]!;
    if (d !== prevDay) {
      const u = new Date(d * DAY_MS);
      prev = new Date(u.getUTCFullYear(), u.getUTCMonth(), u.getUTCDate()).getTime() + offsetMs;
      prevDay = d;
    }
    out[i] = prev;
  }
  return out;
}

/** Index of the first element of an ascending array that is >= x. */
export function lowerBound(arr: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The chunk keys a window of days needs: every period that overlaps [from, to], plus
 * `neighbours` periods with events on each side (so short pans find their data loaded).
 * `periods` are sorted by key, as in the index.
 */
export function chunkKeysForWindow(periods: readonly PeriodEntry[], from: string, to: string, neighbours = 1): string[] {
  if (!periods.length || from > to) return [];
  // First period whose last day is on/after `from`; last period whose first day is on/before `to`.
  let lo = 0;
  while (lo < periods.length && periods[lo]!.to < from) lo++;
  let hi = lo;
  while (hi < periods.length && periods[hi]!.from <= to) hi++;
  const a = Math.max(0, lo - neighbours);
  const b = Math.min(periods.length, hi + neighbours);
  return periods.slice(a, b).map((p) => p.key);
}

/** A view's filter, compiled against the index (country codes to indices, type names to indices). */
export interface CompiledFilter {
  countries: number[] | null;
  mode: 'any' | 'all';
  types: Set<number> | null;
  terms: string[];
  /** A chosen country with no events: in all-of mode nothing matches. */
  impossible: boolean;
}

export function compileFilter(index: Pick<ChunkIndex, 'countries'>, s: Pick<ViewState, 'countries' | 'countryMode' | 'types' | 'q'>): CompiledFilter {
  const pos = new Map(index.countries.map((c, i) => [c.iso, i]));
  const known = s.countries.map((c) => pos.get(c)).filter((i): i is number => i !== undefined);
  return {
    countries: s.countries.length ? known : null,
    mode: s.countryMode,
    types: s.types.length ? new Set(s.types.map((t) => EVENT_TYPES.indexOf(t))) : null,
    terms: queryTerms(s.q),
    impossible: s.countryMode === 'all' && known.length < s.countries.length,
  };
}

/** True when compact event `i` passes the filter (`words` needed only when the filter has terms). */
export function matchesCompact(compact: CompactIndex, i: number, f: CompiledFilter, words?: readonly string[], ignoreTypes = false): boolean {
  if (f.impossible) return false;
  if (!ignoreTypes && f.types && !f.types.has(compact.types[i]!)) return false;
  if (f.countries) {
    const mine = compact.countries[i]!;
    const ok = f.mode === 'all' ? f.countries.every((c) => mine.includes(c)) : f.countries.some((c) => mine.includes(c));
    if (!ok) return false;
  }
  if (f.terms.length) return words ? matchesTerms(words[i] ?? '', f.terms) : false;
  return true;
}

/** Positions (ascending, so by day) of the compact events that pass the filter. */
export function filterCompact(compact: CompactIndex, f: CompiledFilter, words?: readonly string[]): Int32Array {
  const out = new Int32Array(compact.days.length);
  let n = 0;
  for (let i = 0; i < compact.days.length; i++) if (matchesCompact(compact, i, f, words)) out[n++] = i;
  return out.slice(0, n);
}

/** Events per type under every filter but the type filter (the counts on the type chips). */
export function typeCounts(compact: CompactIndex, f: CompiledFilter, words?: readonly string[]): Map<EventType, number> {
  const counts = new Map<EventType, number>();
  for (let i = 0; i < compact.days.length; i++) {
    if (!matchesCompact(compact, i, f, words, true)) continue;
    const t = EVENT_TYPES[compact.types[i]!];
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

/** The slice [lo, hi) of `positions` whose days fall in [fromDay, toDay]. */
export function windowSlice(compact: CompactIndex, positions: Int32Array, fromDay: number, toDay: number): [number, number] {
  const dayAt = (k: number): number => compact.days[positions[k]!]!;
  const bound = (x: number): number => {
    let lo = 0;
    let hi = positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (dayAt(mid) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [bound(fromDay), bound(toDay + 1)];
}

/** How a requested event id resolves: itself, through an alias (an id of an earlier build), or not at all. */
export type Resolution = { kind: 'found'; id: string } | { kind: 'alias'; id: string; from: string } | { kind: 'missing'; from: string };

/** An id and the ids its aliases lead to (a short chain, never a loop). */
export function aliasChain(id: string, aliases: Readonly<Record<string, string>>): string[] {
  const chain = [id];
  for (let cur = id, step = 0; step < 8; step++) {
    const next = Object.prototype.hasOwnProperty.call(aliases, cur) ? aliases[cur] : undefined;
    if (typeof next !== 'string' || chain.includes(next)) break;
    chain.push(next);
    cur = next;
  }
  return chain;
}

export function resolveEventId(id: string, aliases: Readonly<Record<string, string>>, exists: (id: string) => boolean): Resolution {
  if (exists(id)) return { kind: 'found', id };
  // Follow a short chain (an id renamed twice), never a loop.
  let cur = id;
  for (let step = 0; step < 8; step++) {
    const next = Object.prototype.hasOwnProperty.call(aliases, cur) ? aliases[cur] : undefined;
    if (typeof next !== 'string' || next === cur) break;
    if (exists(next)) return { kind: 'alias', id: next, from: id };
    cur = next;
  }
  return { kind: 'missing', from: id };
}

// ---------------------------------------------------------------------------------------------
// Shape checks for fetched files (same origin, validated at build time; guarded anyway).

const isStr = (x: unknown): x is string => typeof x === 'string';
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function looksLikeEvent(x: unknown): x is TimelineEvent {
  if (!x || typeof x !== 'object') return false;
  const e = x as Record<string, unknown>;
  return (
    isStr(e.id) &&
    isStr(e.title) &&
    isStr(e.date) &&
    DAY_RE.test(e.date) &&
    isStr(e.type) &&
    (EVENT_TYPES as readonly string[]).includes(e.type) &&
    Array.isArray(e.countries) &&
    e.countries.every(isStr) &&
    Array.isArray(e.actors) &&
    Array.isArray(e.organizations) &&
    Array.isArray(e.sources) &&
    e.sources.length > 0
  );
}

/** The data index, or an error that says what is wrong with it (an old or broken build). */
export function checkIndex(x: unknown): ChunkIndex {
  const o = (x && typeof x === 'object' ? x : {}) as Partial<ChunkIndex>;
  if (o.version !== CHUNK_INDEX_VERSION) throw new Error(`data index: version ${String(o.version)}, this page reads version ${CHUNK_INDEX_VERSION} (reload the page)`);
  const total = o.total;
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 0) throw new Error('data index: no event total');
  if (!Array.isArray(o.periods)) throw new Error('data index: no periods');
  const periods = o.periods.filter((p) => p && isStr(p.key) && isStr(p.from) && isStr(p.to) && isStr(p.file) && Number.isInteger(p.count) && p.count >= 0);
  if (periods.length !== o.periods.length) throw new Error('data index: a period is malformed');
  const sum = periods.reduce((n, p) => n + p.count, 0);
  if (sum !== total) throw new Error(`data index: the periods hold ${sum} events, the total says ${total}`);
  const shards = o.idShards;
  if (typeof shards !== 'number' || !Number.isInteger(shards) || shards < 1 || (shards & (shards - 1)) !== 0) throw new Error('data index: no valid id shard count');
  const countries = Array.isArray(o.countries) ? o.countries.filter((c) => c && isStr(c.iso) && /^[A-Z]{3}$/.test(c.iso) && isStr(c.name)) : [];
  const aliases: Record<string, string> = {};
  if (o.aliases && typeof o.aliases === 'object') for (const [k, v] of Object.entries(o.aliases)) if (isStr(v)) aliases[k] = v;
  return {
    version: CHUNK_INDEX_VERSION,
    total,
    ...(isStr(o.first) && isStr(o.last) ? { first: o.first, last: o.last } : {}),
    periods,
    countries,
    types: o.types && typeof o.types === 'object' ? o.types : {},
    aliases,
    idShards: shards,
    ...(o.eventPages === false ? { eventPages: false } : {}),
  };
}

/** The compact index, checked against the data index: `total` events in day order, columns of equal length. */
export function checkCompact(x: unknown, total: number): CompactIndex {
  const o = (x && typeof x === 'object' ? x : {}) as Partial<CompactIndex>;
  const { days, types, countries } = o;
  if (!Array.isArray(days) || !Array.isArray(types) || !Array.isArray(countries)) throw new Error('compact index: a column is missing');
  if (days.length !== types.length || days.length !== countries.length) throw new Error('compact index: columns of different lengths');
  if (days.length !== total) throw new Error(`compact index: ${days.length} events, the data index says ${total}`);
  for (let i = 0; i < days.length; i++) {
    const d = days[i];
    if (typeof d !== 'number' || (i > 0 && d < days[i - 1]!)) throw new Error('compact index: days not in order');
  }
  return { days: days as number[], types: types as number[], countries: (countries as unknown[]).map((c) => (Array.isArray(c) ? (c as number[]) : [])) };
}

/**
 * The records of a fetched chunk, by offset (undefined where a record is malformed), checked
 * against the compact index: as many events as the period counts, each on the day of its position.
 */
export function checkChunk(raw: unknown, period: Pick<PeriodEntry, 'key' | 'count'>, start: number, days: ArrayLike<number>): (TimelineEvent | undefined)[] {
  const chunk = (raw && typeof raw === 'object' ? raw : {}) as Partial<EventChunk>;
  const events = Array.isArray(chunk.events) ? (chunk.events as unknown[]) : undefined;
  if (!events) throw new Error(`chunk ${period.key}: no events`);
  if (events.length !== period.count) throw new Error(`chunk ${period.key}: ${events.length} events, the data index says ${period.count}`);
  return events.map((ev, o) => {
    if (!looksLikeEvent(ev)) return undefined;
    if (dayNum(ev.date) !== days[start + o]) throw new Error(`chunk ${period.key}: event ${o} is not in the order of the compact index`);
    return ev;
  });
}

// ---------------------------------------------------------------------------------------------

export interface DataSource {
  readonly index: ChunkIndex;
  readonly compact: CompactIndex;
  /** Compact position of an id, when known (its chunk is loaded, or its id shard was fetched). */
  position(id: string): number | undefined;
  /** Finds the position of an id, fetching its id shard when needed; undefined when no event has that id. */
  locate(id: string): Promise<number | undefined>;
  countryName(iso3: string): string;
  /** Folded search words aligned with the compact index (fetched on first call). */
  words(): Promise<readonly string[]>;
  /** Loads the chunks of a window (and its neighbours); resolves when their records are in memory. */
  ensureWindow(from: string, to: string, neighbours?: number): Promise<void>;
  /** Loads the chunk that holds this event and returns its record. */
  load(id: string): Promise<TimelineEvent | undefined>;
  /** Loads the chunk of compact position `p` and returns its record. */
  loadAt(p: number): Promise<TimelineEvent | undefined>;
  /** Loads every chunk that holds one of these compact positions. */
  loadPositions(positions: ArrayLike<number>): Promise<void>;
  /** A record already in memory, by id. */
  record(id: string): TimelineEvent | undefined;
  /** A record already in memory, by compact position. */
  recordAt(p: number): TimelineEvent | undefined;
  /** Records in memory whose days fall in [from, to] (for related events). */
  loadedBetween(from: string, to: string): TimelineEvent[];
  /** Source documents (titles, outlets), fetched on the first details panel. */
  documents(): Promise<ReadonlyMap<string, DocumentEntry>>;
}

export type Fetcher = (path: string) => Promise<unknown>;

/**
 * Fetches the index and the compact index; chunks, id shards and search words come later, on
 * demand. `linked`: the ids a link names (the event of `?event=` and its alias targets, given the
 * index), whose id shards are fetched as soon as the index is here, while the compact index loads.
 */
export async function createDataSource(fetchJson: Fetcher, linked?: (index: ChunkIndex) => readonly string[]): Promise<DataSource> {
  const indexFetch = fetchJson('/data/index.json');
  const compactFetch = fetchJson('/data/compact.json');
  // Not awaited before the index: a failure is reported by the await below.
  compactFetch.catch(() => undefined);
  const index = checkIndex(await indexFetch);
  const total = index.total;
  /** Fetched id shards (shard name -> raw shard, checked on each lookup). */
  const shards = new Map<string, Promise<unknown>>();
  const shardData = new Map<string, unknown>();
  function fetchShard(name: string): Promise<unknown> {
    let shard = shards.get(name);
    if (!shard) {
      shard = fetchJson(`/${idShardFile(name)}`).then((raw) => {
        shardData.set(name, raw);
        return raw;
      });
      shard.catch(() => shards.delete(name));
      shards.set(name, shard);
    }
    return shard;
  }
  if (total && linked) for (const id of linked(index)) fetchShard(idShard(id, index.idShards)).catch(() => undefined);
  const compact = checkCompact(await compactFetch, total);
  const starts = periodStarts(index.periods);
  const names = new Map(index.countries.map((c) => [c.iso, c.name]));
  const periodByKey = new Map(index.periods.map((p, i) => [p.key, i]));
  const chunks = new Map<string, Promise<void>>();
  /** Records of the loaded chunks, by position; positions of their ids. */
  const records = new Map<number, TimelineEvent>();
  const pos = new Map<string, number>();
  let words: Promise<string[]> | undefined;
  let docs: Promise<Map<string, DocumentEntry>> | undefined;

  function loadChunk(key: string): Promise<void> {
    let p = chunks.get(key);
    if (!p) {
      const i = periodByKey.get(key);
      if (i === undefined) return Promise.resolve();
      const period = index.periods[i]!;
      const start = starts[i]!;
      p = fetchJson(`/${period.file}`).then((raw) => {
        checkChunk(raw, period, start, compact.days).forEach((ev, o) => {
          if (!ev) return;
          records.set(start + o, ev);
          pos.set(ev.id, start + o);
        });
      });
      // A failed chunk may be retried on the next request.
      p.catch(() => chunks.delete(key));
      chunks.set(key, p);
    }
    return p;
  }
  function loadAt(p: number): Promise<TimelineEvent | undefined> {
    const at = positionInPeriods(starts, p);
    if (!at) return Promise.resolve(undefined);
    return loadChunk(index.periods[at.period]!.key).then(() => records.get(p));
  }
  function position(id: string): number | undefined {
    const p = pos.get(id);
    if (p !== undefined || !total) return p;
    const shard = shardData.get(idShard(id, index.idShards));
    return shard === undefined ? undefined : lookupShard(shard, id, total);
  }

  async function locate(id: string): Promise<number | undefined> {
    const known = position(id);
    if (known !== undefined || !total) return known;
    return lookupShard(await fetchShard(idShard(id, index.idShards)), id, total);
  }

  return {
    index,
    compact,
    position,
    locate,
    countryName: (iso) => names.get(iso) ?? iso,
    words() {
      words ??= fetchJson('/data/search.json').then((raw) => {
        const w = (raw as Partial<SearchIndex> | null)?.words;
        if (!Array.isArray(w) || w.length !== total) throw new Error('search index does not match the events');
        return w.map((x) => foldText(String(x)));
      });
      words.catch(() => (words = undefined));
      return words;
    },
    async ensureWindow(from, to, neighbours = 1) {
      await Promise.all(chunkKeysForWindow(index.periods, from, to, neighbours).map(loadChunk));
    },
    async load(id) {
      const p = await locate(id);
      return p === undefined ? undefined : loadAt(p);
    },
    loadAt,
    async loadPositions(list) {
      const periods = new Set<number>();
      for (let k = 0; k < list.length; k++) {
        const at = positionInPeriods(starts, list[k]!);
        if (at) periods.add(at.period);
      }
      await Promise.all([...periods].map((i) => loadChunk(index.periods[i]!.key)));
    },
    record: (id) => {
      const p = pos.get(id);
      return p === undefined ? undefined : records.get(p);
    },
    recordAt: (p) => records.get(p),
    loadedBetween(from, to) {
      const a = dayNum(from);
      const b = dayNum(to);
      const [lo, hi] = [lowerBound(compact.days, a), lowerBound(compact.days, b + 1)];
      const out: TimelineEvent[] = [];
      for (let i = lo; i < hi; i++) {
        const r = records.get(i);
        if (r) out.push(r);
      }
      return out;
    },
    documents() {
      docs ??= fetchJson('/data/documents.json')
        .then((raw) => {
          const list = Array.isArray(raw) ? raw : [];
          return new Map(list.filter((d): d is DocumentEntry => d && typeof d === 'object' && isStr((d as DocumentEntry).id)).map((d) => [d.id, d]));
        })
        .catch(() => new Map<string, DocumentEntry>());
      return docs;
    },
  };
}
