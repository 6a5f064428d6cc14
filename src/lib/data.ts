/**
 * Build-time data access for the pages. Reads the events file once per path with
 * `fs`, validates it with the shared zod schema, and offers small lookups.
 * Never import this from client code: it uses `node:fs` and the whole
 * world-countries table, which must not be shipped to the browser.
 */
import { readFileSync } from 'node:fs';
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

const cache = new Map<string, EventsFile>();

/**
 * Reads `process.env.EVENTS_JSON || 'src/data/events.json'`, zod-parsed.
 * Cached per path, so every page of a build shares one parse.
 */
export function loadEventsFile(): EventsFile {
  const path = eventsFilePath();
  const hit = cache.get(path);
  if (hit) return hit;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(
      `Cannot read the events file ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'}). ` +
        'Run `npm run extract -- --input seeds --output src/data/events.json` first, or set EVENTS_JSON.',
    );
  }
  const file = parseEventsFile(text, path);
  cache.set(path, file);
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

/** How strongly `b` relates to `a`: shared countries, actors, documents, closeness in time. 0 = unrelated. */
export function relatedness(a: TimelineEvent, b: TimelineEvent): number {
  if (a.id === b.id) return 0;
  const aCountries = new Set(a.countries);
  const sharedCountries = b.countries.filter((c) => aCountries.has(c)).length;
  const aActors = new Set(a.actors.map((x) => x.name.toLowerCase()));
  const sharedActors = b.actors.filter((x) => aActors.has(x.name.toLowerCase())).length;
  const aDocs = new Set(a.sources.map((s) => s.document));
  const sharedDoc = b.sources.some((s) => aDocs.has(s.document)) ? 1 : 0;
  if (sharedCountries === 0 && sharedActors === 0 && sharedDoc === 0) return 0;
  const gapDays = Math.abs(dayNumber(a.date) - dayNumber(b.date));
  const closeness = Number.isFinite(gapDays) ? 1 / (1 + gapDays / 7) : 0;
  const bothCountries = sharedCountries >= 2 ? 1 : 0;
  return sharedCountries * 2 + bothCountries * 2 + sharedActors * 3 + sharedDoc * 1.5 + closeness * 2;
}

/**
 * Up to `limit` events related to `event`, best first (ties: nearer date, then id),
 * returned in date order so they read as a small timeline.
 */
export function relatedEvents(
  event: TimelineEvent,
  all: readonly TimelineEvent[],
  limit = 6,
): TimelineEvent[] {
  const scored = all
    .map((ev) => ({ ev, score: relatedness(event, ev) }))
    .filter((x) => x.score > 0);
  const target = dayNumber(event.date);
  scored.sort(
    (x, y) =>
      y.score - x.score ||
      Math.abs(dayNumber(x.ev.date) - target) - Math.abs(dayNumber(y.ev.date) - target) ||
      (x.ev.id < y.ev.id ? -1 : x.ev.id > y.ev.id ? 1 : 0),
  );
  return scored
    .slice(0, Math.max(0, limit))
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
