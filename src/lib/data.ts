/**
 * Build-time data access for the pages. Reads the events file once per path with
 * `fs`, validates it with the shared zod schema, and offers small lookups.
 * Never import this from client code: it uses `node:fs` and the whole
 * world-countries table, which must not be shipped to the browser.
 */
import { constants as bufferConstants } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import countries from 'world-countries';
import { EventsFileSchema, type EventsFile, type TimelineEvent } from './schema.ts';

/** Default location of the events file, relative to the project root. */
export const DEFAULT_EVENTS_PATH = 'src/data/events.json';

/** The path that `loadEventsFile` reads: `$EVENTS_JSON` when set, else the default. */
export function eventsFilePath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.EVENTS_JSON?.trim();
  return resolve(fromEnv ? fromEnv : DEFAULT_EVENTS_PATH);
}

/** Parses and validates the text of an events file; throws an Error naming the problem. */
export function parseEventsFile(text: string, source = 'events file'): EventsFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`${source} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = EventsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? first.path.join('.') || '(root)' : '(root)';
    throw new Error(`${source} does not match the schema at ${where}: ${first?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

const cache = new Map<string, { stamp: string; file: EventsFile }>();

/**
 * Reads `process.env.EVENTS_JSON || 'src/data/events.json'`, zod-parsed.
 * Cached per path and modification time, so every page of a build shares one parse
 * and `astro dev` picks up a re-extracted file.
 */
export function loadEventsFile(): EventsFile {
  const path = eventsFilePath();
  let text: string;
  let stamp: string;
  try {
    const st = statSync(path);
    stamp = `${st.mtimeMs}:${st.size}`;
    const hit = cache.get(path);
    if (hit && hit.stamp === stamp) return hit.file;
    if (st.size > bufferConstants.MAX_STRING_LENGTH) {
      // About 800,000 events of ordinary size: see the README, "Very large corpora".
      const e = new Error(`too large: ${(st.size / 2 ** 20).toFixed(0)} MiB, more than Node can read as one string (${(bufferConstants.MAX_STRING_LENGTH / 2 ** 20).toFixed(0)} MiB)`) as NodeJS.ErrnoException;
      e.code = 'EFBIG';
      throw e;
    }
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EFBIG') {
      throw new Error(`The events file ${path} is ${(err as Error).message}; see "Very large corpora" in the README.`);
    }
    throw new Error(
      `Cannot read the events file ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'}). ` +
        'Run `npm run extract -- --input seeds --output src/data/events.json` first, or set EVENTS_JSON.',
    );
  }
  const file = parseEventsFile(text, path);
  cache.set(path, { stamp, file });
  return file;
}

/** Forgets cached files (for tests). */
export function clearEventsCache(): void {
  cache.clear();
}

/** Events grouped by each country they involve; keys sorted, events keep their input order. */
export function eventsByCountry(events: readonly TimelineEvent[]): Map<string, TimelineEvent[]> {
  const groups = new Map<string, TimelineEvent[]>();
  for (const ev of events) {
    for (const iso of new Set(ev.countries)) {
      const list = groups.get(iso);
      if (list) list.push(ev);
      else groups.set(iso, [ev]);
    }
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Codes in use that world-countries spells differently (Kosovo is "UNK" there). */
const EXTRA_NAMES: Record<string, string> = { XKX: 'Kosovo' };

const NAMES: ReadonlyMap<string, string> = new Map([
  ...countries.map((c): [string, string] => [c.cca3, c.name.common]),
  ...Object.entries(EXTRA_NAMES),
]);

/** Common English name of an ISO alpha-3 code (any case); the upper-cased code itself when unknown. */
export function countryName(iso3: string): string {
  const code = iso3.toUpperCase();
  return NAMES.get(code) ?? code;
}

/** True when the code is a known ISO alpha-3 code. */
export function isKnownCountry(iso3: string): boolean {
  return NAMES.has(iso3.toUpperCase());
}

/**
 * A small `{ ISO3: name }` map for the given codes only, safe to embed in a page
 * for client scripts (instead of shipping world-countries).
 */
export function countryNameMap(codes: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const code of [...new Set(codes)].sort()) out[code] = countryName(code);
  return out;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** Sets of one event's keys, computed once and reused for every comparison. */
interface Keys {
  countries: Set<string>;
  actors: Set<string>;
  documents: Set<string>;
  day: number;
}
const keyCache = new WeakMap<TimelineEvent, Keys>();
function keysOf(ev: TimelineEvent): Keys {
  let k = keyCache.get(ev);
  if (!k) {
    k = {
      countries: new Set(ev.countries),
      actors: new Set(ev.actors.map((x) => x.name.toLowerCase())),
      documents: new Set(ev.sources.map((s) => s.document)),
      day: dayNumber(ev.date),
    };
    keyCache.set(ev, k);
  }
  return k;
}

const countShared = (a: Set<string>, b: Set<string>): number => {
  let n = 0;
  for (const x of b) if (a.has(x)) n++;
  return n;
};

/** How strongly `b` relates to `a`: shared countries, actors, documents, closeness in time. 0 = unrelated. */
export function relatedness(a: TimelineEvent, b: TimelineEvent): number {
  if (a.id === b.id) return 0;
  const ka = keysOf(a);
  const kb = keysOf(b);
  const sharedCountries = countShared(ka.countries, kb.countries);
  const sharedActors = countShared(ka.actors, kb.actors);
  const sharedDoc = countShared(ka.documents, kb.documents) > 0 ? 1 : 0;
  if (sharedCountries === 0 && sharedActors === 0 && sharedDoc === 0) return 0;
  const gapDays = Math.abs(ka.day - kb.day);
  const closeness = Number.isFinite(gapDays) ? 1 / (1 + gapDays / 7) : 0;
  const bothCountries = sharedCountries >= 2 ? 1 : 0;
  return sharedCountries * 2 + bothCountries * 2 + sharedActors * 3 + sharedDoc * 1.5 + closeness * 2;
}

/** Keys for each pair of an event's countries (events of up to 6 countries), so that events
 * sharing two countries are found even when many single-country events lie between them. */
function countryPairs(countries: Set<string>): string[] {
  const list = [...countries].sort();
  if (list.length < 2 || list.length > 6) return [];
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) out.push(`p:${list[i]}|${list[j]}`);
  return out;
}

/** Events per country, country pair, actor and document, each list in date order. */
interface RelatedIndex {
  lists: Map<string, TimelineEvent[]>;
}
const indexCache = new WeakMap<readonly TimelineEvent[], RelatedIndex>();
function relatedIndex(all: readonly TimelineEvent[]): RelatedIndex {
  let index = indexCache.get(all);
  if (index) return index;
  const lists = new Map<string, TimelineEvent[]>();
  const add = (key: string, ev: TimelineEvent) => {
    const list = lists.get(key);
    if (list) list.push(ev);
    else lists.set(key, [ev]);
  };
  for (const ev of all) {
    const k = keysOf(ev);
    for (const c of k.countries) add(`c:${c}`, ev);
    for (const pair of countryPairs(k.countries)) add(pair, ev);
    for (const a of k.actors) add(`a:${a}`, ev);
    for (const d of k.documents) add(`d:${d}`, ev);
  }
  for (const list of lists.values()) list.sort((x, y) => keysOf(x).day - keysOf(y).day);
  index = { lists };
  indexCache.set(all, index);
  return index;
}

/** How many neighbours in time are considered per shared country, actor or document. */
const NEIGHBOURS_PER_KEY = 60;

/** The up-to-`k` events of a date-sorted list nearest in time to `day`. */
function nearest(list: readonly TimelineEvent[], day: number, k: number): TimelineEvent[] {
  if (list.length <= k) return [...list];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keysOf(list[mid]!).day < day) lo = mid + 1;
    else hi = mid;
  }
  const out: TimelineEvent[] = [];
  let left = lo - 1;
  let right = lo;
  while (out.length < k && (left >= 0 || right < list.length)) {
    const dl = left >= 0 ? day - keysOf(list[left]!).day : Infinity;
    const dr = right < list.length ? keysOf(list[right]!).day - day : Infinity;
    if (dl <= dr) out.push(list[left--]!);
    else out.push(list[right++]!);
  }
  return out;
}

/**
 * Up to `limit` events related to `event`, best first (ties: nearer date, then id),
 * returned in date order so they read as a small timeline. Candidates are the events
 * nearest in time among those sharing a country, an actor or a document (an index built
 * once per event list), so a 20,000-event build stays fast.
 */
export function relatedEvents(
  event: TimelineEvent,
  all: readonly TimelineEvent[],
  limit = 6,
): TimelineEvent[] {
  if (limit <= 0) return [];
  const { lists } = relatedIndex(all);
  const k = keysOf(event);
  const keys = [
    ...[...k.countries].map((c) => `c:${c}`),
    ...countryPairs(k.countries),
    ...[...k.actors].map((a) => `a:${a}`),
    ...[...k.documents].map((d) => `d:${d}`),
  ];
  const candidates = new Set<TimelineEvent>();
  for (const key of keys) for (const ev of nearest(lists.get(key) ?? [], k.day, NEIGHBOURS_PER_KEY)) candidates.add(ev);
  const scored = [...candidates]
    .map((ev) => ({ ev, score: relatedness(event, ev) }))
    .filter((x) => x.score > 0);
  scored.sort(
    (x, y) =>
      y.score - x.score ||
      Math.abs(keysOf(x.ev).day - k.day) - Math.abs(keysOf(y.ev).day - k.day) ||
      (x.ev.id < y.ev.id ? -1 : x.ev.id > y.ev.id ? 1 : 0),
  );
  return scored
    .slice(0, limit)
    .map((x) => x.ev)
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** "2025-07-14" -> "14 July 2025" (no locale data, so builds are identical everywhere). */
export function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** "2025-07-14" -> "14 Jul 2025". */
export function formatDayShort(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${(MONTHS[Number(m[2]) - 1] ?? m[2] ?? '').slice(0, 3)} ${m[1]}`;
}

/** "2025-07-14" -> "July 2025". */
export function formatMonth(iso: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** Counts of values, sorted by count (desc) then key. */
export function countBy<T>(items: readonly T[], key: (item: T) => readonly string[] | string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const keys = key(item);
    for (const k of new Set(typeof keys === 'string' ? [keys] : keys)) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

// ---------------------------------------------------------------- the site model

/**
 * Size bounds of the static pages and downloads. Every page lists at most a page of rows, so a
 * page's size depends on the page size, never on the corpus (issue 12 item 3: one huge document
 * must not make 17 MB pages).
 */
export const LIMITS = {
  /** Newest events listed in the main page's HTML (the rest: /events/ and its pages). */
  homeRows: 100,
  /** Rows per page of /events/page/N/ and of a country's or pair's list. */
  listPage: 200,
  /** Events per export file (CSV, iCalendar, JSON) of a country; more go to numbered parts. */
  exportPart: 2000,
  /** Countries named in one list row (the rest as "+N more"). */
  rowCountries: 8,
  /** Sources shown on an event page (the rest are counted). */
  eventSources: 40,
  /** Articles named on a country page (the most cited first). */
  countryArticles: 40,
  /**
   * Past this many events the build writes no page per event: /event/<id>/ is then answered by
   * the 404 page's resolver (see the README, "Very large corpora"). `SITE_EVENT_PAGES_MAX` overrides it.
   */
  eventPagesMax: 250_000,
} as const;

/** The event-page threshold, from `$SITE_EVENT_PAGES_MAX` when it is a non-negative integer. */
export function eventPagesMax(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SITE_EVENT_PAGES_MAX?.trim();
  return raw && /^\d{1,9}$/.test(raw) ? Number(raw) : LIMITS.eventPagesMax;
}

/** Events per export file, from `$SITE_EXPORT_PART` when it is an integer from 10 up (tests use small parts). */
export function exportPartSize(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SITE_EXPORT_PART?.trim();
  return raw && /^\d{2,7}$/.test(raw) ? Number(raw) : LIMITS.exportPart;
}

/** Newest first: date descending, then id ascending (the order of every static list). */
export function newestFirst(a: TimelineEvent, b: TimelineEvent): number {
  return a.date > b.date ? -1 : a.date < b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Number of pages of `count` rows at `size` per page (at least one). */
export function pageCount(count: number, size: number): number {
  return Math.max(1, Math.ceil(count / size));
}

/** Rows of page `n` (1-based). */
export function pageSlice<T>(items: readonly T[], n: number, size: number): T[] {
  return items.slice((n - 1) * size, n * size);
}

/** Events shared by two countries, `a < b`. */
export interface PairEntry {
  a: string;
  b: string;
  count: number;
  /** The newest events of the pair, newest first, at most LIMITS.listPage. */
  newest: TimelineEvent[];
}

/** One country: its events newest first and the per-country figures its page shows. */
export interface CountryEntry {
  iso: string;
  /** Newest first. */
  events: TimelineEvent[];
  /** Counterparts (country -> shared events), sorted by count desc then code. */
  counterparts: Array<[string, number]>;
}

export interface SiteModel {
  file: EventsFile;
  /** Every event, newest first. */
  newest: TimelineEvent[];
  docs: ReadonlyMap<string, EventsFile['documents'][number]>;
  countries: ReadonlyMap<string, CountryEntry>;
  /** Pairs by `A|B` (A < B). */
  pairs: ReadonlyMap<string, PairEntry>;
  /** Whether the build writes one page per event (false past eventPagesMax). */
  eventPages: boolean;
}

/** The key of a pair of countries, order-free: `CHN|RUS`. */
export function pairKey(x: string, y: string): string {
  return x < y ? `${x}|${y}` : `${y}|${x}`;
}

/**
 * Builds every lookup the pages share, once per events file: documents by id, events per
 * country and per pair of countries, all lists newest first. Linear in the number of
 * (event, country) and (event, pair) memberships; pair lists keep only their newest page of
 * events, so an event naming 50 countries costs 1,225 counters, not 1,225 growing lists.
 */
export function buildSiteModel(file: EventsFile, maxEventPages = eventPagesMax()): SiteModel {
  const newest = [...file.events].sort(newestFirst);
  const docs = new Map(file.documents.map((d) => [d.id, d]));
  const byCountry = new Map<string, TimelineEvent[]>();
  const counter = new Map<string, Map<string, number>>();
  const pairs = new Map<string, PairEntry>();
  for (const ev of newest) {
    const codes = [...new Set(ev.countries)].sort();
    for (const iso of codes) {
      const list = byCountry.get(iso);
      if (list) list.push(ev);
      else byCountry.set(iso, [ev]);
    }
    for (let i = 0; i < codes.length; i++) {
      const a = codes[i]!;
      let row = counter.get(a);
      if (!row) counter.set(a, (row = new Map()));
      for (let j = i + 1; j < codes.length; j++) {
        const b = codes[j]!;
        row.set(b, (row.get(b) ?? 0) + 1);
        const key = `${a}|${b}`;
        let pair = pairs.get(key);
        if (!pair) pairs.set(key, (pair = { a, b, count: 0, newest: [] }));
        pair.count++;
        if (pair.newest.length < LIMITS.listPage) pair.newest.push(ev);
      }
    }
  }
  const countries = new Map<string, CountryEntry>();
  for (const iso of [...byCountry.keys()].sort()) {
    const counts = new Map<string, number>();
    for (const [other, n] of counter.get(iso) ?? []) counts.set(other, n);
    for (const [a, row] of counter) {
      if (a >= iso) continue;
      const n = row.get(iso);
      if (n) counts.set(a, n);
    }
    const counterparts = [...counts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    countries.set(iso, { iso, events: byCountry.get(iso)!, counterparts });
  }
  return { file, newest, docs, countries, pairs, eventPages: file.events.length <= maxEventPages };
}

const modelCache = new WeakMap<EventsFile, SiteModel>();
/** buildSiteModel once per events file object: every page of a build shares one model. */
export function siteModel(file: EventsFile = loadEventsFile()): SiteModel {
  let hit = modelCache.get(file);
  if (!hit) {
    hit = buildSiteModel(file);
    modelCache.set(file, hit);
  }
  return hit;
}

/** The address of an original article when it is an absolute http(s) URL, else undefined. */
export function safeArticleUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const text = url.trim();
  if (text.length > 2000) return undefined;
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Figures of a country's first page, computed once per country. */
export interface CountryStats {
  typeCounts: Map<string, number>;
  /** People acting for the country, most events first, at most 10. */
  people: Array<[string, number]>;
  roles: Map<string, string>;
  /** Documents cited by the country's events, most events first. */
  documents: Array<[string, number]>;
  /** Each year with events, newest first, with the month of its newest event and the list page it is on. */
  years: Array<{ year: string; month: string; page: number }>;
}

const statsCache = new WeakMap<CountryEntry, CountryStats>();
/** The figures of a country page, once per country (pages 2..N share them). */
export function countryStats(entry: CountryEntry): CountryStats {
  const hit = statsCache.get(entry);
  if (hit) return hit;
  const { iso, events } = entry;
  const typeCounts = new Map(countBy(events, (e) => e.type));
  const people = countBy(events, (e) => e.actors.filter((a) => a.country === iso).map((a) => a.name)).slice(0, 10);
  const roles = new Map<string, string>();
  for (const e of events) for (const a of e.actors) if (a.country === iso && a.role && !roles.has(a.name)) roles.set(a.name, a.role);
  const documents = countBy(events, (e) => e.sources.map((s) => s.document));
  const years: CountryStats['years'] = [];
  events.forEach((e, i) => {
    const year = e.date.slice(0, 4);
    if (years.at(-1)?.year !== year) years.push({ year, month: e.date.slice(0, 7), page: Math.floor(i / LIMITS.listPage) + 1 });
  });
  const stats = { typeCounts, people, roles, documents, years };
  statsCache.set(entry, stats);
  return stats;
}

/** The export parts of a list of events: [1-based part, its events], each at most LIMITS.exportPart. */
export function exportParts<T>(events: readonly T[], size: number = exportPartSize()): Array<[number, T[]]> {
  const out: Array<[number, T[]]> = [];
  for (let i = 0; i < events.length || out.length === 0; i += size) out.push([out.length + 1, events.slice(i, i + size)]);
  return out;
}
