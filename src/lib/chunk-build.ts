/**
 * Builds the chunked data files of src/lib/chunks.ts from a validated events file. Pure: the pages
 * under src/pages/data/ call it once per build (memoised per file object) and serialise its parts.
 * Linear in the number of events; no per-event work over all events.
 */
import { CHUNK_INDEX_VERSION, chunkFile, periodKey, type ChunkIndex, type CompactIndex, type EventChunk, type PeriodEntry, type SearchIndex } from './chunks.ts';
import { EVENT_TYPES } from './event-types.ts';
import { buildIdShards, type IdShard } from './id-shards.ts';
import type { EventsFile, TimelineEvent } from './schema.ts';

export interface ChunkedData {
  index: ChunkIndex;
  chunks: Map<string, EventChunk>;
  compact: CompactIndex;
  search: SearchIndex;
  /** Shard name -> id map (/data/ids/<shard>.json). */
  idShards: Map<string, IdShard>;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD day. */
export function dayNumber(day: string): number {
  return Math.round(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS);
}

function lastDayOfMonth(key: string): string {
  const y = Number(key.slice(0, 4));
  const m = Number(key.slice(5, 7));
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${key}-${String(d).padStart(2, '0')}`;
}

function byDateThenId(a: TimelineEvent, b: TimelineEvent): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The words an event is found by: title, people, country codes and names, organisations. Lower-cased, unique. */
export function searchWords(ev: TimelineEvent, countryName: (iso: string) => string): string {
  const parts = [ev.title, ...ev.organizations, ...ev.actors.map((a) => a.name)];
  for (const iso of ev.countries) parts.push(iso, countryName(iso));
  const words = new Set<string>();
  for (const part of parts) {
    for (const w of part.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w) words.add(w);
  }
  return [...words].join(' ');
}

export interface ChunkOptions {
  /** Whether the build writes a page per event (ChunkIndex.eventPages); true by default. */
  eventPages?: boolean;
}

export function buildChunkedData(file: EventsFile, countryName: (iso: string) => string, options: ChunkOptions = {}): ChunkedData {
  const events = [...file.events].sort(byDateThenId);
  const chunks = new Map<string, EventChunk>();
  const periods = new Map<string, PeriodEntry>();
  const countryCounts = new Map<string, number>();
  const typeCounts: Record<string, number> = {};
  for (const ev of events) {
    const key = periodKey(ev.date);
    let chunk = chunks.get(key);
    let period = periods.get(key);
    if (!chunk || !period) {
      chunk = { key, events: [] };
      period = { key, from: `${key}-01`, to: lastDayOfMonth(key), count: 0, file: chunkFile(key), types: {} };
      chunks.set(key, chunk);
      periods.set(key, period);
    }
    chunk.events.push(ev);
    period.count++;
    period.types[ev.type] = (period.types[ev.type] ?? 0) + 1;
    typeCounts[ev.type] = (typeCounts[ev.type] ?? 0) + 1;
    for (const iso of new Set(ev.countries)) countryCounts.set(iso, (countryCounts.get(iso) ?? 0) + 1);
  }
  const countries = [...countryCounts.keys()].sort().map((iso) => ({ iso, name: countryName(iso), count: countryCounts.get(iso) ?? 0 }));
  const countryIndex = new Map(countries.map((c, i) => [c.iso, i]));
  const shards = buildIdShards(events.map((ev) => ev.id));
  const aliases: Record<string, string> = {};
  for (const k of Object.keys(file.aliases ?? {}).sort()) aliases[k] = (file.aliases ?? {})[k]!;
  const index: ChunkIndex = {
    version: CHUNK_INDEX_VERSION,
    total: events.length,
    ...(events.length ? { first: events[0]!.date, last: events[events.length - 1]!.date } : {}),
    periods: [...periods.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
    countries,
    types: typeCounts,
    aliases,
    idShards: shards.shards,
    ...(options.eventPages === false ? { eventPages: false } : {}),
  };
  const compact: CompactIndex = { days: [], types: [], countries: [] };
  const search: SearchIndex = { words: [] };
  for (const ev of events) {
    compact.days.push(dayNumber(ev.date));
    compact.types.push(EVENT_TYPES.indexOf(ev.type));
    compact.countries.push([...new Set(ev.countries)].map((iso) => countryIndex.get(iso)!).sort((a, b) => a - b));
    search.words.push(searchWords(ev, countryName));
  }
  return { index, chunks, compact, search, idShards: shards.files };
}

const memo = new WeakMap<EventsFile, ChunkedData>();
/** buildChunkedData once per events file object (the pages of one build share it). */
export function chunkedData(file: EventsFile, countryName: (iso: string) => string, options: ChunkOptions = {}): ChunkedData {
  let hit = memo.get(file);
  if (!hit) {
    hit = buildChunkedData(file, countryName, options);
    memo.set(file, hit);
  }
  return hit;
}
