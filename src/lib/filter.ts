/**
 * Which events a view shows, and where the timeline opens. Pure functions shared by
 * the page (build time) and the browser modules.
 */
import type { TimelineEvent } from './schema.ts';
import type { ViewState } from './url-state.ts';
import { searchWords } from './chunk-build.ts';

/** Lower-cased text with accents removed, for forgiving search. */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * The words of a text, as search compares them: folded (lower case, no accents) and split at
 * anything that is not a letter or a digit. "Moscow" is one word, so a search for "SCO" does
 * not find it.
 */
export function searchTokens(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Everything a search looks at, as one space-joined string of unique words: the title, people's
 * names, organisations, and every country as its code and its name (so "USA", "United States"
 * and "Russia" find the events of those countries). The same words as /data/search.json
 * (src/lib/chunk-build.ts), folded.
 */
export function searchText(ev: TimelineEvent, names: (iso3: string) => string = (c) => c): string {
  return foldText(searchWords(ev, names));
}

/**
 * Search terms of a query: whitespace-separated words, or "quoted phrases"; each term is its
 * words joined by single spaces. A term is matched as whole words.
 */
export function queryTerms(q: string | undefined): string[] {
  if (!q) return [];
  const terms: string[] = [];
  const re = /"([^"]*)"|([^\s"]+)/g;
  for (let m = re.exec(q); m; m = re.exec(q)) {
    const t = searchTokens(m[1] ?? m[2] ?? '').join(' ');
    if (t) terms.push(t);
  }
  return terms;
}

/** True when the space-joined `words` hold every term as whole words (a phrase's words in a row). */
export function matchesTerms(words: string, terms: readonly string[]): boolean {
  if (!terms.length) return true;
  const hay = ` ${words} `;
  return terms.every((t) => hay.includes(` ${t} `));
}

/** True when the event matches the view's countries (any-of / all-of), types and search. */
export function matchesView(ev: TimelineEvent, s: ViewState, terms = queryTerms(s.q), names?: (iso3: string) => string): boolean {
  if (s.types.length && !s.types.includes(ev.type)) return false;
  if (s.countries.length) {
    const mine = new Set(ev.countries);
    const ok = s.countryMode === 'all' ? s.countries.every((c) => mine.has(c)) : s.countries.some((c) => mine.has(c));
    if (!ok) return false;
  }
  return matchesTerms(searchText(ev, names), terms);
}

/**
 * The events a view shows, in input order. The window (from/to) is where the timeline
 * looks, not a filter: it does not remove events.
 */
export function filterEvents(events: readonly TimelineEvent[], s: ViewState, names?: (iso3: string) => string): TimelineEvent[] {
  const terms = queryTerms(s.q);
  return events.filter((ev) => matchesView(ev, s, terms, names));
}

const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01, UTC) of a YYYY-MM-DD string; NaN when malformed. */
export function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

/** YYYY-MM-DD of a day number. */
export function dayString(n: number): string {
  return new Date(Math.round(n) * DAY_MS).toISOString().slice(0, 10);
}

export interface DayWindow {
  from: string;
  to: string;
}

/**
 * Where the timeline opens when the link does not say: the densest recent period.
 * Slides a window of `width` days (default: the whole span when it is short, else
 * 45 days) over the most recent `recentDays` of data and keeps the one holding the
 * most events, the latest on ties; then pads it a little on both sides.
 * Returns undefined for no events.
 */
export function densestWindow(
  events: readonly Pick<TimelineEvent, 'date'>[],
  opts: { width?: number; recentDays?: number; pad?: number } = {},
): DayWindow | undefined {
  const days = events.map((e) => dayNumber(e.date)).filter(Number.isFinite).sort((a, b) => a - b);
  return densestWindowDays(days, opts);
}

/** densestWindow over day numbers already sorted ascending (the compact index's order). */
export function densestWindowDays(days: ArrayLike<number>, opts: { width?: number; recentDays?: number; pad?: number } = {}): DayWindow | undefined {
  if (!days.length) return undefined;
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const span = last - first;
  const width = opts.width ?? (span <= 60 ? Math.max(span, 0) : 45);
  const recent = opts.recentDays ?? 365;
  const padDays = (w: number): number => opts.pad ?? Math.max(1, Math.round(w * 0.08));
  if (span <= width) {
    const p = padDays(Math.max(span, 6));
    return { from: dayString(first - p - (span < 6 ? 3 : 0)), to: dayString(last + p + (span < 6 ? 3 : 0)) };
  }
  const startIdx = (() => {
    const lo = last - recent;
    let i = 0;
    while (i < days.length && days[i]! < lo) i++;
    return i;
  })();
  let best = { count: -1, end: last };
  let j = startIdx;
  // Each window ends on an event day; count events in (end - width, end].
  for (let i = startIdx; i < days.length; i++) {
    const end = days[i]!;
    while (days[j]! <= end - width) j++;
    const count = i - j + 1;
    if (count >= best.count) best = { count, end };
  }
  const p = padDays(width);
  return { from: dayString(best.end - width - p), to: dayString(best.end + p) };
}
