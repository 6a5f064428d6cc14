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
