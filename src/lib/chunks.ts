/**
 * The data interface between the build (which writes these files into `dist/data/`) and the
 * client (which fetches them). Types and pure helpers only: no I/O, safe to import anywhere.
 *
 *   /data/index.json            ChunkIndex: small, fetched first; periods, counts, aliases
 *   /data/chunks/<key>.json     EventChunk: the full records of one period (a calendar month, `YYYY-MM`)
 *   /data/compact.json          CompactIndex: every event as a few numbers, for filtering and counts
 *                               over the whole corpus without the full records (no ids: an event is
 *                               known by its position until its chunk gives the record)
 *   /data/ids/<shard>.json      IdShard (src/lib/id-shards.ts): event id -> compact position, fetched
 *                               only when an id must be found
 *   /data/search.json           SearchIndex: words per event (titles, people, countries, organisations),
 *                               fetched on the first search only
 *
 * A page never needs the whole corpus: the timeline fetches the chunks of the visible window and its
 * neighbours. Compact positions follow the order of the periods and, inside a period, the order
 * of its chunk (day, then id): position p is event `p - start` of the period whose cumulative
 * start (sum of the counts before it) is the last one <= p (see positionInPeriods). An event by id
 * is found through its id shard (id -> position) or, once its chunk is loaded, from the chunk.
 */
import type { TimelineEvent } from './schema.ts';

export const CHUNK_INDEX_VERSION = 2;

export interface PeriodEntry {
  /** `YYYY-MM`. */
  key: string;
  /** First and last day of the period, YYYY-MM-DD. */
  from: string;
  to: string;
  /** Events in the period. */
  count: number;
  /** Site-relative path of the chunk, without the base: `data/chunks/2025-07.json`. */
  file: string;
  /** Events per type in the period (event type -> count), for the overview without loading chunks. */
  types: Record<string, number>;
}

export interface ChunkIndex {
  version: typeof CHUNK_INDEX_VERSION;
  total: number;
  /** First and last event day, YYYY-MM-DD (absent when there are no events). */
  first?: string;
  last?: string;
  /** Sorted by key. */
  periods: PeriodEntry[];
  /** Every country with events: ISO alpha-3, display name, event count. Sorted by code. */
  countries: { iso: string; name: string; count: number }[];
  /** Event type -> count over the corpus. */
  types: Record<string, number>;
  /** Old event id -> current event id (see EventsFile.aliases). */
  aliases: Record<string, string>;
  /** Number of id shards (/data/ids/<shard>.json; a power of two, see src/lib/id-shards.ts). */
  idShards: number;
  /**
   * False when the build wrote no page per event (past the event-page threshold of very large
   * corpora): /event/<id>/ is then answered by the 404 page's resolver, which opens the timeline
   * at the event. Absent means true.
   */
  eventPages?: boolean;
}

export interface EventChunk {
  key: string;
  /** Sorted by date, then id. */
  events: TimelineEvent[];
}

/**
 * Column arrays, one entry per event, sorted by day then id (the order of the chunks). No ids:
 * an event is identified by its position. `countries[i]` are indices into
 * `ChunkIndex.countries`; `types[i]` an index into EVENT_TYPES; `days[i]` days since 1970-01-01.
 */
export interface CompactIndex {
  days: number[];
  types: number[];
  countries: number[][];
}

/** Words per event, aligned with the compact index's positions: lower-cased, de-duplicated, space-joined. */
export interface SearchIndex {
  words: string[];
}

/** The period key (`YYYY-MM`) of a day `YYYY-MM-DD`. */
export function periodKey(day: string): string {
  return day.slice(0, 7);
}

/** The chunk file of a period key, site-relative. */
export function chunkFile(key: string): string {
  return `data/chunks/${key}.json`;
}

/** Cumulative starts of the periods: starts[i] = events in periods[0..i); starts[periods.length] = total. */
export function periodStarts(periods: readonly Pick<PeriodEntry, 'count'>[]): number[] {
  const starts = [0];
  for (const p of periods) starts.push(starts[starts.length - 1]! + p.count);
  return starts;
}

/**
 * The period (index into periods) and offset inside its chunk of compact position `p`, given
 * periodStarts; undefined outside [0, total). Empty periods are skipped.
 */
export function positionInPeriods(starts: readonly number[], p: number): { period: number; offset: number } | undefined {
  const total = starts[starts.length - 1] ?? 0;
  if (!Number.isInteger(p) || p < 0 || p >= total) return undefined;
  // Last i with starts[i] <= p (binary search; starts is non-decreasing).
  let lo = 0;
  let hi = starts.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= p) lo = mid;
    else hi = mid;
  }
  return { period: lo, offset: p - starts[lo]! };
}
