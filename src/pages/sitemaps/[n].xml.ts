/** /sitemaps/<n>.xml : the parts of a sitemap of more than 50,000 URLs (src/lib/sitemap.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteModel } from '../../lib/data.ts';
import { absoluteUrl } from '../../lib/seo.ts';
import { renderUrlset, SITEMAP_MAX_URLS, sitemapEntries, sitemapFileCount } from '../../lib/sitemap.ts';

export const getStaticPaths = (() => {
  const files = sitemapFileCount(sitemapEntries(siteModel()).length);
  return Array.from({ length: files }, (_, i) => ({ params: { n: String(i + 1) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const n = Number(params.n);
  const entries = sitemapEntries(siteModel()).slice((n - 1) * SITEMAP_MAX_URLS, n * SITEMAP_MAX_URLS);
  return new Response(renderUrlset(entries, (path) => absoluteUrl(path, site)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
