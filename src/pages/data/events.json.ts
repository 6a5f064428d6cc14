/**
 * GET /data/events.json: the validated events file, emitted at build time as a static
 * file. The main page fetches it (same origin) after its first paint, so the page does
 * not wait on a large inline blob; users can also script against it.
 */
import type { APIRoute } from 'astro';
import { loadEventsFile } from '../../lib/data.ts';

export const prerender = true;

export const GET: APIRoute = () =>
  new Response(JSON.stringify(loadEventsFile()), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
