/** GET /data/compact.json: every event as a few numbers, for filtering and counts (src/lib/chunks.ts). */
import type { APIRoute } from 'astro';
import { chunkedData } from '../../lib/chunk-build.ts';
import { countryName, loadEventsFile, siteModel } from '../../lib/data.ts';

export const prerender = true;

export const GET: APIRoute = () =>
  new Response(JSON.stringify(chunkedData(loadEventsFile(), countryName, { eventPages: siteModel().eventPages }).compact), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
