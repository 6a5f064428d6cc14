/** /robots.txt : allow everything and point to the sitemap by its absolute URL. */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/seo.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap.xml', site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
