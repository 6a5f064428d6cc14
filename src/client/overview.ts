/**
 * D3 overview strip: event counts over the whole span, stacked by type, with a brush.
 * Dragging the brush sets the timeline's window; moving the timeline moves the brush.
 */
import * as d3 from 'd3';
import type { EventType, TimelineEvent } from '../lib/schema.ts';
import { TYPE_ORDER as EVENT_TYPES } from '../lib/colors.ts';
import { TYPE_STYLES, typeClass } from '../lib/colors.ts';
import { dayToDate } from './format.ts';

export interface OverviewHandlers {
  /** The user brushed a new window. */
  onBrush(start: Date, end: Date, final: boolean): void;
}

export interface OverviewView {
  setEvents(events: readonly TimelineEvent[]): void;
  setWindow(start: Date, end: Date): void;
  /** The brush's pixel extent, for tests and the keyboard. */
  domain(): [Date, Date];
}

const HEIGHT = 76;
const AXIS = 18;
const DAY_MS = 86_400_000;

/** A d3 time interval giving roughly 40–120 bins over the span. */
function binInterval(spanMs: number): { interval: d3.TimeInterval; label: string } {
  const days = spanMs / DAY_MS;
  if (days <= 120) return { interval: d3.timeDay, label: 'day' };
  if (days <= 900) return { interval: d3.timeWeek, label: 'week' };
  if (days <= 3650) return { interval: d3.timeMonth, label: 'month' };
  if (days <= 3650 * 3) return { interval: d3.timeMonth.every(3)!, label: 'quarter' };
  return { interval: d3.timeYear, label: 'year' };
}

type Row = { t: Date } & Record<EventType, number>;

export function createOverview(container: HTMLElement, handlers: OverviewHandlers): OverviewView {
  const svg = d3
    .select(container)
    .append('svg')
    .attr('class', 'ov-svg')
    .attr('role', 'img')
    .attr('height', HEIGHT + AXIS);
  const title = svg.append('title');
  const bars = svg.append('g').attr('class', 'ov-bars');
  const axisG = svg.append('g').attr('class', 'ov-axis').attr('transform', `translate(0,${HEIGHT})`);
  const brushG = svg.append('g').attr('class', 'ov-brush');

  let width = Math.max(200, container.clientWidth);
  let x = d3.scaleTime().range([0, width]);
  let rows: Row[] = [];
  let interval: d3.TimeInterval = d3.timeDay;
  let current: [Date, Date] | undefined;
  let silent = false;
  let raf = 0;

  /** True while the user drags the brush: the timeline's echo must not move it meanwhile. */
  let brushing = false;
  const brush = d3
    .brushX<unknown>()
    .on('start', (event: d3.D3BrushEvent<unknown>) => {
      if (!silent && event.sourceEvent) brushing = true;
    })
    .on('brush end', (event: d3.D3BrushEvent<unknown>) => {
      if (event.type === 'end') brushing = false;
      if (silent || !event.sourceEvent) return;
      const sel = event.selection as [number, number] | null;
      const final = event.type === 'end';
      if (!sel) {
        // A click without a drag: centre the current window width on that point.
        if (!final || !current) return;
        const [px] = d3.pointer(event.sourceEvent, svg.node());
        const mid = x.invert(px).getTime();
        const half = (current[1].getTime() - current[0].getTime()) / 2;
        handlers.onBrush(new Date(mid - half), new Date(mid + half), true);
        return;
      }
      const start = x.invert(sel[0]);
      const end = x.invert(sel[1]);
      if (end.getTime() - start.getTime() < DAY_MS) return;
      if (final) {
        cancelAnimationFrame(raf);
        handlers.onBrush(start, end, true);
      } else {
        cancelAnimationFrame(raf);
        raf = requestAnimationFrame(() => handlers.onBrush(start, end, false));
      }
    });

  function draw(): void {
    width = Math.max(200, container.clientWidth);
    svg.attr('width', width).attr('viewBox', `0 0 ${width} ${HEIGHT + AXIS}`);
    x = x.range([0, width]);
    const maxTotal = d3.max(rows, (r) => EVENT_TYPES.reduce((s, t) => s + r[t], 0)) ?? 1;
    const y = d3.scaleLinear().domain([0, Math.max(1, maxTotal)]).range([HEIGHT, 6]);
    const stack = d3.stack<Row, EventType>().keys(EVENT_TYPES)(rows);
    bars
      .selectAll<SVGGElement, d3.Series<Row, EventType>>('g')
      .data(stack, (d) => d.key)
      .join('g')
      .attr('class', (d) => `ov-layer ${typeClass(d.key)}`)
      .selectAll<SVGRectElement, d3.SeriesPoint<Row>>('rect')
      .data((d) => d.filter((p) => p[1] > p[0]))
      .join('rect')
      .attr('x', (p) => x(p.data.t))
      .attr('width', (p) => Math.max(1, x(interval.offset(p.data.t, 1)) - x(p.data.t) - 1))
      .attr('y', (p) => y(p[1]))
      .attr('height', (p) => Math.max(0.5, y(p[0]) - y(p[1])));
    const ticks = Math.max(2, Math.floor(width / 110));
    axisG.call(d3.axisBottom(x).ticks(ticks).tickSizeOuter(0));
    brush.extent([
      [0, 0],
      [width, HEIGHT],
    ]);
    brushG.call(brush);
    if (current) moveBrush(current);
  }

  function moveBrush([start, end]: [Date, Date]): void {
    const [d0, d1] = x.domain() as [Date, Date];
    const a = Math.max(x(start), x(d0));
    const b = Math.min(x(end), x(d1));
    silent = true;
    if (b - a >= 1) brushG.call(brush.move, [a, b]);
    else brushG.call(brush.move, null);
    silent = false;
  }

  new ResizeObserver(() => {
    if (Math.abs(container.clientWidth - width) > 2) draw();
  }).observe(container);

  return {
    setEvents(events) {
      const dates = events.map((e) => dayToDate(e.date)).filter((d) => !Number.isNaN(d.getTime()));
      let [min, max] = d3.extent(dates) as [Date | undefined, Date | undefined];
      if (!min || !max) {
        const now = new Date();
        min = d3.timeMonth.offset(now, -1);
        max = now;
      }
      // A short corpus still gets a few weeks of context, centred on its events.
      const minSpan = 28 * DAY_MS;
      const extra = Math.max(0, minSpan - (max.getTime() - min.getTime())) / 2;
      const lo0 = new Date(min.getTime() - extra);
      const hi0 = new Date(max.getTime() + extra);
      const span = hi0.getTime() - lo0.getTime();
      const bin = binInterval(span);
      interval = bin.interval;
      const lo = interval.floor(new Date(lo0.getTime() - span * 0.02));
      const hi = interval.offset(interval.floor(new Date(hi0.getTime() + span * 0.02)), 1);
      x = d3.scaleTime().domain([lo, hi]).range([0, width]);
      const byBin = new Map<number, Row>();
      for (const t of interval.range(lo, hi)) {
        byBin.set(t.getTime(), { t, meeting: 0, visit: 0, statement: 0, threat: 0, sanction: 0, agreement: 0, accusation: 0, military: 0 });
      }
      for (const ev of events) {
        const row = byBin.get(interval.floor(dayToDate(ev.date)).getTime());
        if (row && ev.type in TYPE_STYLES) row[ev.type]++;
      }
      rows = [...byBin.values()];
      svg.attr('aria-label', `Events per ${bin.label}, stacked by type, ${events.length} events in all. Drag across the strip to choose the timeline's window.`);
      title.text(`Events per ${bin.label}, stacked by type`);
      container.dataset.bin = bin.label;
      draw();
    },
    setWindow(start, end) {
      current = [start, end];
      if (!brushing) moveBrush(current);
    },
    domain: () => x.domain() as [Date, Date],
  };
}
