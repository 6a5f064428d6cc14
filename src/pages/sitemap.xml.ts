/**
 * /sitemap.xml : the home page, the indexes, every country page and every event page,
 * with absolute URLs from the configured `site`. Deterministic: lastmod is the latest
 * source publication day, never the build time.
 */
import type { APIRoute } from 'astro';
import { eventsByCountry, loadEventsFile } from '../lib/data.ts';
import { absoluteUrl, countryPath, eventPath } from '../lib/seo.ts';

const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export const GET: APIRoute = ({ site }) => {
  const file = loadEventsFile();
  const latest = (days: Array<string | undefined>): string | undefined =>
    days.filter((d): d is string => Boolean(d && /^\d{4}-\d{2}-\d{2}$/.test(d))).sort().at(-1);
  const docDay = new Map(file.documents.map((d) => [d.id, d.published]));
  const eventDay = (ev: (typeof file.events)[number]): string | undefined =>
    latest(ev.sources.map((s) => s.published ?? docDay.get(s.document)));
  const overall = latest(file.events.map(eventDay));

  const entries: Array<{ path: string; lastmod?: string }> = [
    { path: '/', lastmod: overall },
    { path: '/country/', lastmod: overall },
    { path: '/about/' },
  ];
  for (const [iso, events] of eventsByCountry(file.events)) {
    entries.push({ path: countryPath(iso), lastmod: latest(events.map(eventDay)) });
  }
  for (const ev of file.events) entries.push({ path: eventPath(ev.id), lastmod: eventDay(ev) });

  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries.map(
      (e) =>
        `  <url><loc>${xmlEscape(absoluteUrl(e.path, site))}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`,
    ),
    '</urlset>',
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
