/**
 * D3 country-relations graph: countries as nodes (area ~ number of events), events they
 * share as links (width ~ number of shared events). Clicking a country (or pressing
 * Enter on it) toggles it in the country filter. The layout is computed synchronously
 * (a fixed number of force ticks), so it is stable and costs nothing after drawing.
 */
import { extent, max } from 'd3-array';
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import { scaleSqrt } from 'd3-scale';
import { select } from 'd3-selection';
import { plural } from './format.ts';

export interface RelationsHandlers {
  onToggleCountry(iso3: string): void;
}

export interface RelationsView {
  /** The countries of each event in the current window (and filter); `selected` are the filter's countries. */
  setEvents(countryLists: ReadonlyArray<readonly string[]>, selected: readonly string[], windowLabel: string): void;
}

interface Node extends SimulationNodeDatum {
  id: string;
  count: number;
}
interface Link extends SimulationLinkDatum<Node> {
  source: Node;
  target: Node;
  weight: number;
}

/** At most this many countries (the most active) are drawn. */
export const MAX_NODES = 28;
const MAX_LINKS = 90;

export interface RelationGraph {
  nodes: Array<{ id: string; count: number }>;
  links: Array<{ a: string; b: string; weight: number }>;
  /** Countries with events that were left out past the cap of MAX_NODES. */
  omitted: number;
}

/** Countries and their co-occurrence counts, the most active first, over the given events' countries. */
export function relationGraph(countryLists: ReadonlyArray<readonly string[]>, maxNodes = MAX_NODES): RelationGraph {
  const counts = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (const list of countryLists) {
    const cs = [...new Set(list)].sort();
    for (const c of cs) counts.set(c, (counts.get(c) ?? 0) + 1);
    if (cs.length > 12) continue; // a huge summit says little about any one pair
    for (let i = 0; i < cs.length; i++) {
      for (let j = i + 1; j < cs.length; j++) {
        const key = `${cs[i]}|${cs[j]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
  }
  const nodes = [...counts.entries()]
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
  const omitted = Math.max(0, nodes.length - maxNodes);
  nodes.length = Math.min(nodes.length, maxNodes);
  const keep = new Set(nodes.map((n) => n.id));
  const links = [...pairs.entries()]
    .map(([key, weight]) => {
      const [a, b] = key.split('|') as [string, string];
      return { a, b, weight };
    })
    .filter((l) => keep.has(l.a) && keep.has(l.b))
    .sort((x, y) => y.weight - x.weight || (x.a + x.b < y.a + y.b ? -1 : 1))
    .slice(0, MAX_LINKS);
  return { nodes, links, omitted };
}

export function createRelations(container: HTMLElement, names: (iso3: string) => string, handlers: RelationsHandlers): RelationsView {
  const note = select(container).append('p').attr('class', 'rel-note muted');
  const svg = select(container).append('svg').attr('class', 'rel-svg');
  const desc = svg.append('desc');
  const linkG = svg.append('g').attr('class', 'rel-links');
  const nodeG = svg.append('g').attr('class', 'rel-nodes');
  const empty = select(container).append('p').attr('class', 'rel-empty muted').text('No two countries share an event in this view.');
  let last: { lists: ReadonlyArray<readonly string[]>; selected: readonly string[]; label: string } | undefined;
  let drawnWidth = 0;

  function draw(lists: ReadonlyArray<readonly string[]>, selected: readonly string[], label: string): void {
    const width = Math.max(240, container.clientWidth);
    drawnWidth = width;
    const height = Math.round(Math.min(360, Math.max(240, width * 0.62)));
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    const graph = relationGraph(lists);
    container.dataset.nodes = String(graph.nodes.length);
    container.dataset.omitted = String(graph.omitted);
    note.text(
      `${plural(lists.length, 'event')} ${label}, ${plural(graph.nodes.length + graph.omitted, 'country', 'countries')}` +
        (graph.omitted ? `; the ${graph.nodes.length} most active are drawn, ${plural(graph.omitted, 'country', 'countries')} left out.` : '.'),
    );
    // The note shows only when nothing links two countries.
    empty.attr('hidden', graph.links.length ? '' : null);
    svg.attr('hidden', graph.nodes.length ? null : '');
    const maxCount = max(graph.nodes, (n) => n.count) ?? 1;
    const maxWeight = max(graph.links, (l) => l.weight) ?? 1;
    const r = scaleSqrt().domain([0, maxCount]).range([0, Math.min(30, width / 16)]);
    const w = scaleSqrt().domain([0, maxWeight]).range([0, 9]);
    const nodes: Node[] = graph.nodes.map((n) => ({ ...n }));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const links: Link[] = graph.links.map((l) => ({ source: byId.get(l.a)!, target: byId.get(l.b)!, weight: l.weight }));
    const radius = (n: Node): number => Math.max(9, r(n.count));
    const sim = forceSimulation<Node>(nodes)
      .force('link', forceLink<Node, Link>(links).distance((l) => 70 + 60 / Math.sqrt(l.weight)).strength(0.5))
      .force('charge', forceManyBody<Node>().strength(-220))
      .force('center', forceCenter(width / 2, height / 2))
      .force('x', forceX<Node>(width / 2).strength(0.06))
      .force('y', forceY<Node>(height / 2).strength(0.1))
      .force('collide', forceCollide<Node>().radius((n) => radius(n) + 14))
      .stop();
    for (let i = 0; i < 300; i++) sim.tick();
    // Spread a small graph over the box (at most 2.5x), then keep every node inside it.
    if (nodes.length > 1) {
      const pad = 36;
      const [x0, x1] = extent(nodes, (n) => n.x ?? 0) as [number, number];
      const [y0, y1] = extent(nodes, (n) => n.y ?? 0) as [number, number];
      const k = Math.min(2.5, (width - 2 * pad) / Math.max(1, x1 - x0), (height - 2 * pad - 10) / Math.max(1, y1 - y0));
      const cx = (x0 + x1) / 2;
      const cy = (y0 + y1) / 2;
      if (k > 1) {
        for (const n of nodes) {
          n.x = width / 2 + ((n.x ?? 0) - cx) * k;
          n.y = height / 2 + ((n.y ?? 0) - cy) * k;
        }
      }
    }
    for (const n of nodes) {
      const rr = radius(n) + 4;
      n.x = Math.max(rr, Math.min(width - rr, n.x ?? 0));
      n.y = Math.max(rr, Math.min(height - rr - 12, n.y ?? 0));
    }
    const sel = new Set(selected);
    linkG
      .selectAll<SVGLineElement, Link>('line')
      .data(links)
      .join('line')
      .attr('class', (l) => `rel-link${sel.has(l.source.id) || sel.has(l.target.id) ? ' is-active' : ''}`)
      .attr('x1', (l) => l.source.x!)
      .attr('y1', (l) => l.source.y!)
      .attr('x2', (l) => l.target.x!)
      .attr('y2', (l) => l.target.y!)
      .attr('stroke-width', (l) => Math.max(1, w(l.weight)))
      .selectAll('title')
      .data((l) => [l])
      .join('title')
      .text((l) => `${names(l.source.id)} and ${names(l.target.id)}: ${plural(l.weight, 'shared event')}`);
    const g = nodeG
      .selectAll<SVGGElement, Node>('g')
      .data(nodes, (n) => n.id)
      .join((enter) => {
        const e = enter.append('g');
        e.append('circle');
        e.append('text').attr('class', 'rel-code');
        e.append('title');
        return e;
      })
      .attr('class', (n) => `rel-node${sel.has(n.id) ? ' is-selected' : ''}`)
      .attr('transform', (n) => `translate(${n.x},${n.y})`)
      .attr('tabindex', '0')
      .attr('role', 'button')
      .attr('data-country', (n) => n.id)
      .attr('aria-pressed', (n) => (sel.has(n.id) ? 'true' : 'false'))
      .attr('aria-label', (n) => `${n.id}: ${names(n.id)}, ${plural(n.count, 'event')}. ${sel.has(n.id) ? 'Remove from' : 'Add to'} the country filter.`)
      .on('click', (_e, n) => handlers.onToggleCountry(n.id))
      .on('keydown', (e: KeyboardEvent, n) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          handlers.onToggleCountry(n.id);
        }
      });
    g.select('circle').attr('r', (n) => radius(n));
    g.select<SVGTextElement>('text.rel-code')
      .attr('dy', (n) => radius(n) + 12)
      .text((n) => n.id);
    g.select('title').text((n) => `${names(n.id)}: ${plural(n.count, 'event')}`);
    desc.text(`Countries that share events: ${nodes.length} countries, ${links.length} links.`);
  }

  new ResizeObserver(() => {
    if (last && Math.abs(container.clientWidth - drawnWidth) > 8) draw(last.lists, last.selected, last.label);
  }).observe(container);

  return {
    setEvents(lists, selected, label) {
      last = { lists, selected, label };
      draw(lists, selected, label);
    },
  };
}
