/** GET /data/search.json: the words of each event, aligned with compact.json, fetched on the first search. */
import type { APIRoute } from 'astro';
import { chunkedData } from '../../lib/chunk-build.ts';
import { countryName, loadEventsFile, siteModel } from '../../lib/data.ts';

export const prerender = true;

export const GET: APIRoute = () =>
  new Response(JSON.stringify(chunkedData(loadEventsFile(), countryName, { eventPages: siteModel().eventPages }).search), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
