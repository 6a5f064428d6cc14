/**
 * GET /data/countries.json: `{ ISO3: common English name }` for every country, so the
 * browser can name any code in the data without shipping the world-countries package.
 */
import type { APIRoute } from 'astro';
import countries from 'world-countries';
import { countryNameMap } from '../../lib/data.ts';

export const prerender = true;

export const GET: APIRoute = () =>
  new Response(JSON.stringify(countryNameMap(countries.map((c) => c.cca3))), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
