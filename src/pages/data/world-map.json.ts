/**
 * GET /data/world-map.json: the world map's country shapes as SVG paths with ISO alpha-3 codes
 * (src/lib/world-map.ts), fetched by the main page when its map scrolls into view.
 */
import type { APIRoute } from 'astro';
import { worldMap } from '../../lib/world-map.ts';

export const prerender = true;

export const GET: APIRoute = () =>
  new Response(JSON.stringify(worldMap()), { headers: { 'content-type': 'application/json; charset=utf-8' } });
