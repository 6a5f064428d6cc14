/**
 * The whole view of the main page lives in the query string, so that a copied link
 * opens exactly the same view on any static host.
 *
 *   countries=CHN,RUS  mode=all|any  types=meeting,threat  from=YYYY-MM-DD  to=YYYY-MM-DD
 *   event=<id>  group=country|type  q=<text>  embed=1
 *
 * A window needs both ends: `from` without `to` (or the reverse) is dropped, so the address
 * bar never keeps half a window.
 * Parsing is total: any string gives a valid state; unknown or malformed parameters are
 * ignored, never an error. Serialising writes only what differs from the default, in a
 * fixed order, so equal views give equal URLs.
 */
import { isIsoDay } from './days.ts';
import { EVENT_TYPES, type EventType } from './event-types.ts';

export interface ViewState {
  countries: string[];
  countryMode: 'any' | 'all';
  types: EventType[];
  from?: string;
  to?: string;
  event?: string;
  group: 'country' | 'type';
  q?: string;
  /** `embed=1`: the timeline alone, for an iframe. */
  embed?: boolean;
}

export const MAX_QUERY_LENGTH = 200;
export const MAX_ID_LENGTH = 300;

/** The view of a bare URL: everything shown, lanes by country, window chosen by the page. */
export function defaultViewState(): ViewState {
  return { countries: [], countryMode: 'any', types: [], group: 'country' };
}

export { isIsoDay };

const TYPE_SET: ReadonlySet<string> = new Set(EVENT_TYPES);

function parseCountries(raw: string | null): string[] {
  if (!raw) return [];
  const out = new Set<string>();
  for (const part of raw.split(/[\s,;]+/)) {
    const code = part.trim().toUpperCase();
    if (/^[A-Z]{3}$/.test(code)) out.add(code);
  }
  return [...out].sort();
}

function parseTypes(raw: string | null): EventType[] {
  if (!raw) return [];
  const wanted = new Set(raw.split(/[\s,;]+/).map((t) => t.trim().toLowerCase()));
  const types = EVENT_TYPES.filter((t) => wanted.has(t));
  // Every type selected is the same view as no type filter.
  return types.length === EVENT_TYPES.length ? [] : types;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text parameters: control characters become spaces, whitespace is collapsed, lone
 * surrogates (which cannot go back into a URL) are dropped, and the result is capped at
 * `max` UTF-16 units without splitting a character, then trimmed. Empty gives undefined.
 */
function cleanText(raw: string | null, max: number): string | undefined {
  if (raw == null) return undefined;
  let text = raw.replace(LONE_SURROGATE, '').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  if (text.length > max) {
    text = text.slice(0, max);
    if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
    text = text.trim();
  }
  return text || undefined;
}

/** Normalises a state: sorted unique countries, canonical type order, valid window, trimmed text. */
export function normalizeViewState(s: ViewState): ViewState {
  const out: ViewState = {
    countries: parseCountries(s.countries.join(',')),
    countryMode: s.countryMode === 'all' ? 'all' : 'any',
    types: parseTypes(s.types.join(',')),
    group: s.group === 'type' ? 'type' : 'country',
  };
  let from = s.from && isIsoDay(s.from) ? s.from : undefined;
  let to = s.to && isIsoDay(s.to) ? s.to : undefined;
  if (from && to && from > to) [from, to] = [to, from];
  if (from && to) {
    out.from = from;
    out.to = to;
  }
  const event = cleanText(s.event ?? null, MAX_ID_LENGTH);
  if (event) out.event = event;
  const q = cleanText(s.q ?? null, MAX_QUERY_LENGTH);
  if (q) out.q = q;
  if (s.embed === true) out.embed = true;
  return out;
}

/** Reads a query string (with or without the leading "?"). Never throws. */
export function parseViewState(search: string): ViewState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(typeof search === 'string' ? search : '');
  } catch {
    return defaultViewState();
  }
  const get = (k: string): string | null => {
    try {
      return params.get(k);
    } catch {
      return null;
    }
  };
  const mode = get('mode')?.trim().toLowerCase();
  const group = get('group')?.trim().toLowerCase();
  const s: ViewState = {
    countries: parseCountries(get('countries')),
    countryMode: mode === 'all' ? 'all' : 'any',
    types: parseTypes(get('types')),
    group: group === 'type' ? 'type' : 'country',
  };
  const from = get('from')?.trim();
  const to = get('to')?.trim();
  if (from) s.from = from;
  if (to) s.to = to;
  const event = get('event');
  if (event) s.event = event;
  const q = get('q');
  if (q) s.q = q;
  const embed = get('embed')?.trim().toLowerCase();
  if (embed === '1' || embed === 'true') s.embed = true;
  return normalizeViewState(s);
}

const enc = (s: string): string => encodeURIComponent(s);

/** Writes a state as a query string without the leading "?"; "" for the default view. */
export function serializeViewState(state: ViewState): string {
  const s = normalizeViewState(state);
  const parts: string[] = [];
  if (s.countries.length) parts.push(`countries=${s.countries.join(',')}`);
  if (s.countryMode === 'all') parts.push('mode=all');
  if (s.types.length) parts.push(`types=${s.types.join(',')}`);
  if (s.from) parts.push(`from=${s.from}`);
  if (s.to) parts.push(`to=${s.to}`);
  if (s.event) parts.push(`event=${enc(s.event)}`);
  if (s.group === 'type') parts.push('group=type');
  if (s.q) parts.push(`q=${enc(s.q)}`);
  if (s.embed) parts.push('embed=1');
  return parts.join('&');
}

/** True when two states describe the same view. */
export function sameViewState(a: ViewState, b: ViewState): boolean {
  return serializeViewState(a) === serializeViewState(b);
}

/** True when two states select the same events (ignores window, selection and grouping). */
export function sameFilter(a: ViewState, b: ViewState): boolean {
  const strip = (s: ViewState): ViewState => ({ countries: s.countries, countryMode: s.countryMode, types: s.types, group: 'country', ...(s.q ? { q: s.q } : {}) });
  return sameViewState(strip(a), strip(b));
}
