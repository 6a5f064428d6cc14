/** GET /data/chunks/<YYYY-MM>.json: the full records of one month's events (src/lib/chunks.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { chunkedData } from '../../../lib/chunk-build.ts';
import { countryName, loadEventsFile, siteModel } from '../../../lib/data.ts';

export const prerender = true;

export const getStaticPaths = (() =>
  [...chunkedData(loadEventsFile(), countryName, { eventPages: siteModel().eventPages }).chunks.keys()].map((key) => ({ params: { key } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const chunk = chunkedData(loadEventsFile(), countryName, { eventPages: siteModel().eventPages }).chunks.get(String(params.key));
  return new Response(JSON.stringify(chunk ?? { key: params.key, events: [] }), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
