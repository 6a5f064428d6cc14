/**
 * The sitemap: every indexable page with its last modification day (the latest source
 * publication day, never the build time, so builds stay byte-identical). Up to 50,000 URLs
 * it is one /sitemap.xml; past that /sitemap.xml is a sitemap index of /sitemaps/<n>.xml files
 * of at most 50,000 URLs each (the protocol's limit). Build-time only.
 */
import { LIMITS, pageCount, type SiteModel } from './data.ts';
import type { TimelineEvent } from './schema.ts';
import { countryPath, eventPath, listPagePath, pairPagePath } from './seo.ts';

/** The sitemap protocol's limit of URLs per file. */
export const SITEMAP_MAX_URLS = 50_000;

export interface SitemapEntry {
  path: string;
  lastmod?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const later = (a: string | undefined, b: string | undefined): string | undefined =>
  b && DAY.test(b) && (!a || b > a) ? b : a;

const cache = new WeakMap<SiteModel, SitemapEntry[]>();

/** Every page of the sitemap, in a stable order; computed once per model. */
export function sitemapEntries(model: SiteModel): SitemapEntry[] {
  const hit = cache.get(model);
  if (hit) return hit;
  const eventDay = new Map<TimelineEvent, string | undefined>();
  let overall: string | undefined;
  for (const ev of model.newest) {
    let day: string | undefined;
    for (const s of ev.sources) day = later(day, s.published ?? model.docs.get(s.document)?.published);
    eventDay.set(ev, day);
    overall = later(overall, day);
  }
  const latestOf = (events: readonly TimelineEvent[]): string | undefined => {
    let day: string | undefined;
    for (const ev of events) day = later(day, eventDay.get(ev));
    return day;
  };
  const entries: SitemapEntry[] = [
    { path: '/', lastmod: overall },
    { path: '/country/', lastmod: overall },
    { path: '/about/' },
  ];
  const listPages = pageCount(model.newest.length, LIMITS.listPage);
  for (let n = 1; n <= listPages; n++) entries.push({ path: listPagePath('/events/', n), lastmod: n === 1 ? overall : undefined });
  for (const c of model.countries.values()) {
    const last = latestOf(c.events);
    const pages = pageCount(c.events.length, LIMITS.listPage);
    for (let n = 1; n <= pages; n++) entries.push({ path: listPagePath(countryPath(c.iso), n), lastmod: last });
  }
  for (const p of model.pairs.values()) entries.push({ path: pairPagePath(p.a, p.b), lastmod: latestOf(p.newest) });
  if (model.eventPages) for (const ev of model.file.events) entries.push({ path: eventPath(ev.id), lastmod: eventDay.get(ev) });
  cache.set(model, entries);
  return entries;
}

const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** A <urlset> of entries; `absolute` turns a site path into an absolute URL. */
export function renderUrlset(entries: readonly SitemapEntry[], absolute: (path: string) => string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries.map((e) => `  <url><loc>${xmlEscape(absolute(e.path))}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`),
    '</urlset>',
    '',
  ].join('\n');
}

/** Number of /sitemaps/<n>.xml files: 0 when one /sitemap.xml holds everything. */
export function sitemapFileCount(entries: number, max = SITEMAP_MAX_URLS): number {
  return entries <= max ? 0 : Math.ceil(entries / max);
}

/** Site path of the n-th (1-based) sitemap file. */
export function sitemapFilePath(n: number): string {
  return `/sitemaps/${n}.xml`;
}

/** A <sitemapindex> of `files` sitemap files. */
export function renderSitemapIndex(files: number, absolute: (path: string) => string): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (let n = 1; n <= files; n++) lines.push(`  <sitemap><loc>${xmlEscape(absolute(sitemapFilePath(n)))}</loc></sitemap>`);
  lines.push('</sitemapindex>', '');
  return lines.join('\n');
}
