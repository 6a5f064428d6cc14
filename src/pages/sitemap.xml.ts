/**
 * /sitemap.xml : the home page, the indexes, the list pages, every country and pair page and
 * every event page, with absolute URLs from the configured `site` (src/lib/sitemap.ts). Past
 * 50,000 URLs it is a sitemap index of /sitemaps/<n>.xml. Deterministic: lastmod is the latest
 * source publication day, never the build time.
 */
import type { APIRoute } from 'astro';
import { siteModel } from '../lib/data.ts';
import { absoluteUrl } from '../lib/seo.ts';
import { renderSitemapIndex, renderUrlset, sitemapEntries, sitemapFileCount } from '../lib/sitemap.ts';

export const GET: APIRoute = ({ site }) => {
  const entries = sitemapEntries(siteModel());
  const files = sitemapFileCount(entries.length);
  const absolute = (path: string): string => absoluteUrl(path, site);
  const body = files === 0 ? renderUrlset(entries, absolute) : renderSitemapIndex(files, absolute);
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
