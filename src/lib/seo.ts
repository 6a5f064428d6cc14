/// <reference types="astro/client" />
/**
 * Small pure helpers for links and page metadata. Works in pages and client code
 * (no Node APIs). `path` arguments are site paths that start with "/" and do NOT
 * include the deploy base (BASE_PATH); these helpers add it.
 */

/** Joins the deploy base (e.g. "/" or "/timeline/") and a site path ("/country/chn/"). */
export function joinBase(base: string, path: string): string {
  const b = base.replace(/(?<!\/)\/+$/, '');
  const p = path.startsWith('/') ? path : `/${path}`;
  return `${b}${p}` || '/';
}

/** A site path with the configured base prepended, for href attributes. */
export function withBase(path: string): string {
  return joinBase(import.meta.env.BASE_URL ?? '/', path);
}

/** Absolute URL of a site path, for canonical and og:url (falls back to the path when no site is set). */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  const full = withBase(path);
  if (!site) return full;
  return new URL(full, site).href;
}

/** Collapses whitespace and shortens to at most `max` characters on a word boundary, adding "…". */
export function summarize(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/(?<![\s,;:.-])[\s,;:.-]+$/, '')}…`;
}

/** Path of a country page: "/country/chn/". */
export function countryPath(iso3: string): string {
  return `/country/${iso3.toLowerCase()}/`;
}

/** Path of an event page: "/event/<id>/" (the id is URI-encoded). */
export function eventPath(id: string): string {
  return `/event/${encodeURIComponent(id)}/`;
}

/** Path of a pair page: "/country/chn/rus/" (codes in alphabetical order). */
export function pairPagePath(x: string, y: string): string {
  const [a, b] = x < y ? [x, y] : [y, x];
  return `/country/${a.toLowerCase()}/${b.toLowerCase()}/`;
}

/** Path of page `n` of a paginated list whose first page is `first` ("/events/" -> "/events/page/2/"). */
export function listPagePath(first: string, n: number): string {
  return n <= 1 ? first : `${first}page/${n}/`;
}

/**
 * True for an id that can be a page path segment: letters, digits, dot, underscore, tilde and
 * hyphen, starting with a letter or digit, at most 200 characters (no "..", "/", "?" or "#").
 */
export function isPathSafeId(id: string): boolean {
  return id.length <= 200 && /^[\p{L}\p{N}][\p{L}\p{N}._~-]*$/u.test(id) && !id.includes('..');
}

/**
 * The link of an event from a static page: its own page, or, past the event-page threshold
 * (no page per event), the timeline opened at it.
 */
export function eventHref(id: string, eventPages = true): string {
  return eventPages ? withBase(eventPath(id)) : `${withBase('/')}?event=${encodeURIComponent(id)}`;
}
