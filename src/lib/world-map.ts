/**
 * The world map of the main page, drawn at build time: Natural Earth country shapes from the
 * world-atlas package (TopoJSON, 1:110m), projected with d3-geo (Equal Earth) into SVG path
 * strings, one per country with its ISO 3166-1 alpha-3 code. The browser only shades the paths
 * (src/client/map.ts), so the map costs no projection code in the page's script. Pure apart
 * from reading the package's JSON.
 */
import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-countries';

export interface WorldMap {
  width: number;
  height: number;
  /** Sorted by code. `d` is an SVG path in the width x height box. */
  countries: Array<{ iso: string; name: string; d: string }>;
}

const require = createRequire(import.meta.url);

/** Numeric ISO 3166-1 code ("840") to alpha-3 ("USA"). */
function numericToAlpha3(): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of countries) if (c.ccn3 && c.cca3) out.set(String(c.ccn3).padStart(3, '0'), c.cca3);
  return out;
}

let memo: WorldMap | undefined;

export function worldMap(width = 960): WorldMap {
  if (memo && memo.width === width) return memo;
  const topo = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const shapes = feature(topo, topo.objects.countries);
  const height = Math.round(width * 0.5);
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [width - 4, height - 4],
    ],
    shapes,
  );
  const path = geoPath(projection).digits(1);
  const codes = numericToAlpha3();
  const byIso = new Map<string, { iso: string; name: string; d: string }>();
  for (const f of shapes.features) {
    const iso = codes.get(String(f.id ?? '').padStart(3, '0'));
    const d = path(f);
    // Shapes without a code (disputed areas) are drawn as land without a country.
    const key = iso ?? `~${f.properties?.name ?? f.id}`;
    if (!d) continue;
    const prev = byIso.get(key);
    byIso.set(key, { iso: iso ?? '', name: f.properties?.name ?? key, d: prev ? `${prev.d}${d}` : d });
  }
  memo = { width, height, countries: [...byIso.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, v]) => v) };
  return memo;
}
