/**
 * D3 overview strip: event counts over the whole span, stacked by type, with a brush.
 * Dragging the brush sets the timeline's window; moving the timeline moves the brush.
 */
import { max as d3max } from 'd3-array';
import { axisBottom } from 'd3-axis';
import { brushX, type D3BrushEvent } from 'd3-brush';
import { scaleLinear, scaleTime } from 'd3-scale';
import { pointer, select } from 'd3-selection';
import { stack as d3stack, type Series, type SeriesPoint } from 'd3-shape';
import { timeDay, timeMonth, timeWeek, timeYear, type CountableTimeInterval, type TimeInterval } from 'd3-time';
import type { EventType } from '../lib/schema.ts';
import { TYPE_ORDER as EVENT_TYPES } from '../lib/colors.ts';
import { TYPE_STYLES, typeClass } from '../lib/colors.ts';
import { dayStr } from './data-source.ts';
import { dayToDate } from './format.ts';

export interface OverviewHandlers {
  /** The user brushed a new window. */
  onBrush(start: Date, end: Date, final: boolean): void;
}

export interface OverviewView {
  /** The filtered events as columns: UTC day numbers (any order) and types. */
  setEvents(days: ArrayLike<number>, types: readonly EventType[]): void;
  setWindow(start: Date, end: Date): void;
  /** The brush's pixel extent, for tests and the keyboard. */
  domain(): [Date, Date];
}

const HEIGHT = 52;
const AXIS = 18;
const DAY_MS = 86_400_000;

/** A d3 time interval giving roughly 40–120 bins over the span. */
function binInterval(spanMs: number): { interval: TimeInterval; label: string } {
  const days = spanMs / DAY_MS;
  if (days <= 120) return { interval: timeDay, label: 'day' };
  if (days <= 900) return { interval: timeWeek, label: 'week' };
  if (days <= 3650) return { interval: timeMonth, label: 'month' };
  if (days <= 3650 * 3) return { interval: (timeMonth as CountableTimeInterval).every(3)!, label: 'quarter' };
  return { interval: timeYear, label: 'year' };
}

type Row = { t: Date } & Record<EventType, number>;

export function createOverview(container: HTMLElement, handlers: OverviewHandlers): OverviewView {
  const svg = select(container)
    .append('svg')
    .attr('class', 'ov-svg')
    .attr('role', 'img')
    .attr('height', HEIGHT + AXIS);
  const title = svg.append('title');
  const bars = svg.append('g').attr('class', 'ov-bars');
  const axisG = svg.append('g').attr('class', 'ov-axis').attr('transform', `translate(0,${HEIGHT})`);
  const brushG = svg.append('g').attr('class', 'ov-brush');

  let width = Math.max(200, container.clientWidth);
  let x = scaleTime().range([0, width]);
  let rows: Row[] = [];
  let interval: TimeInterval = timeDay;
  let current: [Date, Date] | undefined;
  let silent = false;
  let raf = 0;

  /** True while the user drags the brush: the timeline's echo must not move it meanwhile. */
  let brushing = false;
  const brush = brushX<unknown>()
    .on('start', (event: D3BrushEvent<unknown>) => {
      if (!silent && event.sourceEvent) brushing = true;
    })
    .on('brush end', (event: D3BrushEvent<unknown>) => {
      if (event.type === 'end') brushing = false;
      if (silent || !event.sourceEvent) return;
      const sel = event.selection as [number, number] | null;
      const final = event.type === 'end';
      if (!sel) {
        // A click without a drag: centre the current window width on that point.
        if (!final || !current) return;
        const [px] = pointer(event.sourceEvent, svg.node());
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
    const maxTotal = d3max(rows, (r) => EVENT_TYPES.reduce((s, t) => s + r[t], 0)) ?? 1;
    const y = scaleLinear().domain([0, Math.max(1, maxTotal)]).range([HEIGHT, 6]);
    const stack = d3stack<Row, EventType>().keys(EVENT_TYPES)(rows);
    bars
      .selectAll<SVGGElement, Series<Row, EventType>>('g')
      .data(stack, (d) => d.key)
      .join('g')
      .attr('class', (d) => `ov-layer ${typeClass(d.key)}`)
      .selectAll<SVGRectElement, SeriesPoint<Row>>('rect')
      .data((d) => d.filter((p) => p[1] > p[0]))
      .join('rect')
      .attr('x', (p) => x(p.data.t))
      .attr('width', (p) => Math.max(1, x(interval.offset(p.data.t, 1)) - x(p.data.t) - 1))
      .attr('y', (p) => y(p[1]))
      .attr('height', (p) => Math.max(0.5, y(p[0]) - y(p[1])));
    const ticks = Math.max(2, Math.floor(width / 110));
    axisG.call(axisBottom(x).ticks(ticks).tickSizeOuter(0));
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
    setEvents(days, types) {
      let lo0d = Infinity;
      let hi0d = -Infinity;
      for (let i = 0; i < days.length; i++) {
        const d = days[i]!;
        if (d < lo0d) lo0d = d;
        if (d > hi0d) hi0d = d;
      }
      let min: Date;
      let max: Date;
      if (Number.isFinite(lo0d)) {
        min = dayToDate(dayStr(lo0d));
        max = dayToDate(dayStr(hi0d));
      } else {
        const now = new Date();
        min = timeMonth.offset(now, -1);
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
      x = scaleTime().domain([lo, hi]).range([0, width]);
      const byBin = new Map<number, Row>();
      for (const t of interval.range(lo, hi)) {
        byBin.set(t.getTime(), { t, meeting: 0, visit: 0, statement: 0, threat: 0, sanction: 0, agreement: 0, accusation: 0, military: 0 });
      }
      // Days are counted per distinct day first: a million events cost a million increments,
      // and one date conversion per day with events.
      const perDay = new Map<number, Partial<Record<EventType, number>>>();
      for (let i = 0; i < days.length; i++) {
        const t = types[i]!;
        let m = perDay.get(days[i]!);
        if (!m) perDay.set(days[i]!, (m = {}));
        m[t] = (m[t] ?? 0) + 1;
      }
      for (const [d, m] of perDay) {
        const row = byBin.get(interval.floor(dayToDate(dayStr(d))).getTime());
        if (!row) continue;
        for (const [t, n] of Object.entries(m) as [EventType, number][]) if (t in TYPE_STYLES) row[t] += n;
      }
      rows = [...byBin.values()];
      svg.attr('aria-label', `Events per ${bin.label}, stacked by type, ${days.length} events in all. Drag across the strip to choose the timeline's window.`);
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
