/**
 * The world map: countries shaded by their events in the current window and filter; click (or
 * Enter on) a country to toggle it in the country filter. The shapes are projected at build
 * time (src/lib/world-map.ts, /data/world-map.json) and fetched when the map first scrolls into
 * view, so the page ships no projection code. Colours come from the design tokens (light and dark).
 */
import type { WorldMap } from '../lib/world-map.ts';
import { plural } from './format.ts';

const SVG = 'http://www.w3.org/2000/svg';
const LEVELS = 5;

export interface MapHandlers {
  onToggleCountry(iso3: string): void;
  load(): Promise<unknown>;
}

export interface MapView {
  /** Events per country in the window; `selected` are the filter's countries. */
  setCounts(counts: ReadonlyMap<string, number>, selected: readonly string[], label: string): void;
}

/** Shade level (0 = none, 1..5) of a count, on a square-root scale up to the largest count. */
export function shadeLevel(n: number, max: number): number {
  if (n <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(LEVELS, Math.ceil(Math.sqrt(n / max) * LEVELS)));
}

export function createMap(container: HTMLElement, handlers: MapHandlers): MapView {
  const note = container.querySelector<HTMLElement>('.map-note');
  let svg: SVGSVGElement | undefined;
  const paths = new Map<string, SVGPathElement>();
  let last: { counts: ReadonlyMap<string, number>; selected: readonly string[]; label: string } | undefined;
  let loading = false;

  function build(map: WorldMap): void {
    svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${map.width} ${map.height}`);
    svg.setAttribute('class', 'map-svg');
    svg.setAttribute('role', 'group');
    svg.setAttribute('aria-label', 'World map of the events in view');
    for (const c of map.countries) {
      if (typeof c.d !== 'string' || !/^[MLZmlz\d.,\s-]+$/.test(c.d)) continue;
      const p = document.createElementNS(SVG, 'path');
      p.setAttribute('d', c.d);
      p.setAttribute('class', 'map-land');
      if (/^[A-Z]{3}$/.test(c.iso)) {
        p.dataset.country = c.iso;
        p.dataset.name = c.name;
        const title = document.createElementNS(SVG, 'title');
        p.append(title);
        paths.set(c.iso, p);
      }
      svg.append(p);
    }
    svg.addEventListener('click', (e) => {
      const iso = (e.target as Element).closest<SVGPathElement>('path[data-country][tabindex]')?.dataset.country;
      if (iso) handlers.onToggleCountry(iso);
    });
    svg.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      const iso = (e.target as Element).closest<SVGPathElement>('path[data-country][tabindex]')?.dataset.country;
      if (!iso) return;
      e.preventDefault();
      handlers.onToggleCountry(iso);
    });
    container.querySelector('.map-box')?.append(svg);
    container.dataset.ready = 'true';
  }

  function paint(): void {
    if (!svg || !last) return;
    const { counts, selected, label } = last;
    const sel = new Set(selected);
    let max = 0;
    for (const n of counts.values()) max = Math.max(max, n);
    let shaded = 0;
    for (const [iso, p] of paths) {
      const n = counts.get(iso) ?? 0;
      const level = shadeLevel(n, max);
      if (level) shaded++;
      p.setAttribute('class', `map-land map-l${level}${sel.has(iso) ? ' is-selected' : ''}`);
      p.dataset.count = String(n);
      const name = p.dataset.name ?? iso;
      p.firstElementChild!.textContent = `${name}: ${plural(n, 'event')}`;
      // Only countries with events (or chosen ones) are buttons.
      if (n > 0 || sel.has(iso)) {
        p.setAttribute('tabindex', '0');
        p.setAttribute('role', 'button');
        p.setAttribute('aria-pressed', sel.has(iso) ? 'true' : 'false');
        p.setAttribute('aria-label', `${name} (${iso}): ${plural(n, 'event')}. ${sel.has(iso) ? 'Remove from' : 'Add to'} the country filter.`);
      } else {
        p.removeAttribute('tabindex');
        p.removeAttribute('role');
        p.removeAttribute('aria-pressed');
        p.removeAttribute('aria-label');
      }
    }
    container.dataset.shaded = String(shaded);
    if (note) note.textContent = `${plural(shaded, 'country', 'countries')} with events ${label}. Stronger colour: more events. Click a country to filter by it.`;
  }

  function ensure(): void {
    if (svg || loading) return;
    loading = true;
    handlers
      .load()
      .then((raw) => {
        const map = raw as WorldMap;
        if (!map || !Array.isArray(map.countries) || typeof map.width !== 'number' || typeof map.height !== 'number') throw new Error('bad map');
        build(map);
        paint();
      })
      .catch(() => {
        if (note) note.textContent = 'The map could not load.';
      });
  }

  // Fetch the shapes when the map comes near the screen.
  if ('IntersectionObserver' in window) {
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          ensure();
        }
      },
      { rootMargin: '400px' },
    );
    io.observe(container);
  } else ensure();

  return {
    setCounts(counts, selected, label) {
      last = { counts, selected, label };
      paint();
    },
  };
}
