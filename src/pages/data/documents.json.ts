/**
 * GET /data/documents.json: the source documents (id, title, publication day, and when the
 * article gave them: address, outlet, author), fetched by the main page's details panel the
 * first time it shows sources. Skipped documents are left out.
 */
import type { APIRoute } from 'astro';
import { loadEventsFile } from '../../lib/data.ts';

export const prerender = true;

export const GET: APIRoute = () => {
  const docs = loadEventsFile()
    .documents.filter((d) => d.status === 'ok')
    .map((d) => ({
      id: d.id,
      title: d.title,
      published: d.published,
      ...(d.url ? { url: d.url } : {}),
      ...(d.source ? { source: d.source } : {}),
      ...(d.author ? { author: d.author } : {}),
    }));
  return new Response(JSON.stringify(docs), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
