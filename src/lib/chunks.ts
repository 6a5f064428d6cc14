/**
 * The data interface between the build (which writes these files into `dist/data/`) and the
 * client (which fetches them). Types and pure helpers only: no I/O, safe to import anywhere.
 *
 *   /data/index.json            ChunkIndex: small, fetched first; periods, counts, aliases
 *   /data/chunks/<key>.json     EventChunk: the full records of one period (a calendar month, `YYYY-MM`)
 *   /data/compact.json          CompactIndex: every event as a few numbers, for filtering and counts
 *                               over the whole corpus without the full records
 *   /data/search.json           SearchIndex: words per event (titles, people, countries, organisations),
 *                               fetched on the first search only
 *
 * A page never needs the whole corpus: the timeline fetches the chunks of the visible window and its
 * neighbours; an event by id is found through the compact index (id -> day -> chunk).
 */
import type { TimelineEvent } from './schema.ts';

export const CHUNK_INDEX_VERSION = 1;

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
 * Column arrays, one entry per event, sorted by day then id. `countries[i]` are indices into
 * `ChunkIndex.countries`; `types[i]` an index into EVENT_TYPES; `days[i]` days since 1970-01-01.
 */
export interface CompactIndex {
  ids: string[];
  days: number[];
  types: number[];
  countries: number[][];
}

/** Words per event, aligned with CompactIndex.ids: lower-cased, de-duplicated, space-joined. */
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
