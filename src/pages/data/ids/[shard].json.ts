/** GET /data/ids/<shard>.json: event id -> compact position for the ids of one shard (src/lib/id-shards.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { chunkedData } from '../../../lib/chunk-build.ts';
import { countryName, loadEventsFile, siteModel } from '../../../lib/data.ts';

export const prerender = true;

const data = () => chunkedData(loadEventsFile(), countryName, { eventPages: siteModel().eventPages });

export const getStaticPaths = (() => [...data().idShards.keys()].sort().map((shard) => ({ params: { shard } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(data().idShards.get(String(params.shard)) ?? {}), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
