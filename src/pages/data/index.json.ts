/** GET /data/index.json: the small index of periods, counts and id aliases (src/lib/chunks.ts). */
import type { APIRoute } from 'astro';
import { chunkedData } from '../../lib/chunk-build.ts';
import { countryName, loadEventsFile, siteModel } from '../../lib/data.ts';

export const prerender = true;

export const GET: APIRoute = () =>
  new Response(JSON.stringify(chunkedData(loadEventsFile(), countryName, { eventPages: siteModel().eventPages }).index), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
