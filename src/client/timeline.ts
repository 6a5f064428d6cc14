/**
 * The vis-timeline view: one lane per country (or per type), one item per event and lane.
 *
 * An event between several countries appears once in each of its countries' lanes; the
 * copies share the event id, show the other participants ("with RUS"), and are selected
 * together, so the link between lanes stays visible. Events without a state (only
 * organisations) go to a lane of their own.
 *
 * Scale: only the events around the visible window are handed to vis-timeline. When the
 * window holds more than AGGREGATE_THRESHOLD items, the lanes show counts per time bucket
 * instead of single events; zooming in (or clicking a count) brings the events back.
 *
 * Untrusted text: item contents, tooltips and lane labels are DOM elements built with
 * textContent; vis-timeline's own XSS filter stays on with an empty tag whitelist.
 */
// The peer build: the standalone one injects a <style> element, which the page's CSP blocks.
import { DataSet } from 'vis-data/peer';
import { Timeline } from 'vis-timeline/peer';
import type { DataGroup, DataItem, IdType, TimelineOptions } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import type { EventType, TimelineEvent } from '../lib/schema.ts';
import { TYPE_STYLES, typeClass } from '../lib/colors.ts';
import { dayNumber, dayString } from '../lib/filter.ts';
import { dayToDate, formatDay, formatEventDate, plural } from './format.ts';
import { clear, el } from './dom.ts';

/** Above this many items in the visible window, lanes show counts instead of events. */
export const AGGREGATE_THRESHOLD = 1500;
/** Lane of events that involve no state. */
export const NO_COUNTRY_LANE = '~none';

const DAY_MS = 86_400_000;
const HALF_DAY_MS = DAY_MS / 2;
/** Bucket widths (days) for aggregated counts, smallest first. */
const BUCKET_DAYS = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1826, 3652];
/** Aim for at most this many buckets across the window. */
const TARGET_BUCKETS = 24;

export type Grouping = 'country' | 'type';

export interface TimelineHandlers {
  /** The user selected an event (or cleared the selection) on the timeline. */
  onSelect(id: string | undefined): void;
  /** The window moved. `final` is true once a pan/zoom gesture ended. */
  onRange(start: Date, end: Date, byUser: boolean, final: boolean): void;
  /** The display mode changed (events or aggregated counts). */
  onMode?(mode: 'events' | 'counts', visibleItems: number): void;
}

export interface TimelineView {
  setEvents(events: readonly TimelineEvent[], grouping: Grouping, pinned: readonly string[]): void;
  /** Moves the window; `final` false (a brush still moving) defers reloading counts. */
  setWindow(start: Date, end: Date, animate?: boolean, final?: boolean): void;
  getWindow(): { start: Date; end: Date };
  select(id: string | undefined, reveal?: boolean): void;
  /** Zooms around the centre; factor < 1 zooms in. */
  zoom(factor: number): void;
  /** Events in date order (the keyboard walks this). */
  ordered(): readonly TimelineEvent[];
  /** Lane ids in display order. */
  laneOrder(): readonly string[];
  /** The lanes an event appears in. */
  lanesOf(ev: TimelineEvent): string[];
  mode(): 'events' | 'counts';
  /** Number of timeline items (event copies) inside the window. */
  visibleItemCount(): number;
  /** Number of events inside the window. */
  visibleEventCount(): number;
  redraw(): void;
}

interface Loaded {
  mode: 'events' | 'counts';
  from: number;
  to: number;
  bucket: number;
}

/** Index of the first element of a sorted array that is >= x. */
function lowerBound(arr: readonly number[], x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createTimeline(
  container: HTMLElement,
  names: (iso3: string) => string,
  handlers: TimelineHandlers,
): TimelineView {
  const items = new DataSet<DataItem>([]);
  const groups = new DataSet<DataGroup>([]);
  let events: TimelineEvent[] = [];
  let times: number[] = [];
  /** Prefix sums of lane counts: itemsBefore[i] = items of events[0..i). */
  let itemsBefore: number[] = [0];
  let grouping: Grouping = 'country';
  let lanes: string[] = [];
  let loaded: Loaded | undefined;
  let selected: string | undefined;
  const itemToEvent = new Map<IdType, string>();
  const aggInfo = new Map<IdType, { n: number; from: string; to: string; lane: string }>();
  const indexById = new Map<string, number>();

  const options: TimelineOptions = {
    orientation: { axis: 'top', item: 'top' },
    stack: true,
    type: 'point',
    zoomKey: 'ctrlKey',
    horizontalScroll: false,
    verticalScroll: true,
    maxHeight: 560,
    minHeight: 260,
    zoomMin: 4 * DAY_MS,
    zoomMax: 60 * 365 * DAY_MS,
    multiselect: false,
    selectable: true,
    showCurrentTime: false,
    groupOrder: 'order',
    margin: { item: { horizontal: 6, vertical: 6 }, axis: 8 },
    showTooltips: false,
    xss: { disabled: false, filterOptions: { whiteList: {}, stripIgnoreTag: true, stripIgnoreTagBody: ['script', 'style'] } },
    locale: 'en',
  };
  const timeline = new Timeline(container, items, groups, options);
  // vis-timeline fits all items once, on its first "changed" event (and only then shows
  // itself). A window set before that would be overwritten, so it is re-applied after.
  let firstChangeDone = false;
  let pendingWindow: [Date, Date] | undefined;
  timeline.on('changed', () => {
    if (firstChangeDone) return;
    firstChangeDone = true;
    if (pendingWindow) {
      timeline.setWindow(pendingWindow[0], pendingWindow[1], { animation: false });
      pendingWindow = undefined;
      refresh();
    }
  });

  const lanesOf = (ev: TimelineEvent): string[] => {
    if (grouping === 'type') return [ev.type];
    return ev.countries.length ? [...new Set(ev.countries)] : [NO_COUNTRY_LANE];
  };

  function laneLabel(lane: string, count: number): HTMLElement {
    if (grouping === 'type') {
      const style = TYPE_STYLES[lane as EventType];
      return el('span', { class: `lane-label lane-label--type ${typeClass(lane as EventType)}` }, [
        el('span', { class: 'type-sym', 'aria-hidden': 'true' }, style?.symbol ?? ''),
        el('span', { class: 'lane-name' }, style?.label ?? lane),
        el('span', { class: 'lane-count' }, String(count)),
      ]);
    }
    if (lane === NO_COUNTRY_LANE) {
      return el('span', { class: 'lane-label' }, [
        el('span', { class: 'lane-name' }, 'No state'),
        el('span', { class: 'lane-code' }, 'org.'),
        el('span', { class: 'lane-count' }, String(count)),
      ]);
    }
    return el('span', { class: 'lane-label' }, [
      el('span', { class: 'lane-name' }, names(lane)),
      el('span', { class: 'lane-code' }, lane),
      el('span', { class: 'lane-count' }, String(count)),
    ]);
  }

  function itemContent(ev: TimelineEvent, lane: string): HTMLElement {
    const style = TYPE_STYLES[ev.type];
    const others = grouping === 'country' ? ev.countries.filter((c) => c !== lane) : ev.countries;
    const kids: Array<Node | string> = [
      el('span', { class: 'tl-sym', 'aria-hidden': 'true' }, style.symbol),
      el('span', { class: 'tl-title' }, ev.title),
    ];
    if (others.length) {
      kids.push(el('span', { class: 'tl-with' }, `${grouping === 'country' ? 'with ' : ''}${others.slice(0, 3).join(', ')}${others.length > 3 ? '…' : ''}`));
    }
    return el(
      'span',
      {
        class: `tl-item ${typeClass(ev.type)}${ev.datePrecision === 'approximate' ? ' tl-approx' : ''}`,
        'data-event-id': ev.id,
        'data-lane': lane,
      },
      kids,
    );
  }

  function tooltip(ev: TimelineEvent): HTMLElement {
    const style = TYPE_STYLES[ev.type];
    const countries = ev.countries.map((c) => names(c)).join(', ');
    const actors = ev.actors.map((a) => a.name).join(', ');
    return el('div', { class: `tl-tip ${typeClass(ev.type)}` }, [
      el('div', { class: 'tl-tip__type' }, [el('span', { class: 'tl-sym', 'aria-hidden': 'true' }, style.symbol), ` ${style.label} · ${formatEventDate(ev)}`]),
      el('div', { class: 'tl-tip__title' }, ev.title),
      countries ? el('div', { class: 'tl-tip__meta' }, countries) : '',
      actors ? el('div', { class: 'tl-tip__meta' }, actors) : '',
    ]);
  }

  const itemId = (index: number, lane: string): string => `e${index}@${lane}`;

  function siblingIds(eventId: string): string[] {
    const i = indexById.get(eventId);
    if (i === undefined) return [];
    const ev = events[i]!;
    return lanesOf(ev)
      .map((lane) => itemId(i, lane))
      .filter((id) => items.get(id) !== null);
  }

  function visibleRange(): { lo: number; hi: number; count: number } {
    const w = timeline.getWindow();
    const lo = lowerBound(times, w.start.getTime());
    const hi = lowerBound(times, w.end.getTime());
    return { lo, hi, count: itemsBefore[hi]! - itemsBefore[lo]! };
  }

  function bucketFor(spanMs: number): number {
    const days = spanMs / DAY_MS;
    return BUCKET_DAYS.find((b) => days / b <= TARGET_BUCKETS) ?? BUCKET_DAYS[BUCKET_DAYS.length - 1]!;
  }

  function loadEvents(from: number, to: number): void {
    const lo = lowerBound(times, from);
    const hi = lowerBound(times, to);
    const next: DataItem[] = [];
    itemToEvent.clear();
    for (let i = lo; i < hi; i++) {
      const ev = events[i]!;
      for (const lane of lanesOf(ev)) {
        const id = itemId(i, lane);
        itemToEvent.set(id, ev.id);
        next.push({
          id,
          group: lane,
          start: times[i]!,
          type: 'point',
          className: `${typeClass(ev.type)}${ev.datePrecision === 'approximate' ? ' is-approx' : ''}`,
          content: itemContent(ev, lane) as unknown as string,
        });
      }
    }
    replaceItems(next);
  }

  function loadCounts(from: number, to: number, bucket: number): void {
    const lo = lowerBound(times, from);
    const hi = lowerBound(times, to);
    const counts = new Map<string, { lane: string; b: number; n: number }>();
    for (let i = lo; i < hi; i++) {
      const ev = events[i]!;
      const b = Math.floor(dayNumber(ev.date) / bucket);
      for (const lane of lanesOf(ev)) {
        const key = `${lane}|${b}`;
        const hit = counts.get(key);
        if (hit) hit.n++;
        else counts.set(key, { lane, b, n: 1 });
      }
    }
    let max = 1;
    for (const c of counts.values()) max = Math.max(max, c.n);
    const next: DataItem[] = [];
    itemToEvent.clear();
    aggInfo.clear();
    for (const { lane, b, n } of counts.values()) {
      const start = dayToDate(dayString(b * bucket));
      const end = dayToDate(dayString((b + 1) * bucket));
      const level = Math.min(5, Math.max(1, Math.ceil((n / max) * 5)));
      next.push({
        id: `agg${bucket}:${lane}:${b}`,
        group: lane,
        start,
        end,
        type: 'range',
        selectable: false,
        className: `tl-agg tl-agg--${level}`,
        content: el('span', { class: 'tl-agg__n', 'data-count': String(n) }, n.toLocaleString('en')) as unknown as string,
      });
      aggInfo.set(`agg${bucket}:${lane}:${b}`, { n, from: dayString(b * bucket), to: dayString((b + 1) * bucket - 1), lane });
    }
    replaceItems(next);
  }

  function replaceItems(next: DataItem[]): void {
    const keep = new Set(next.map((i) => i.id));
    const remove = items.getIds().filter((id) => !keep.has(id));
    const have = new Set(items.getIds());
    items.remove(remove);
    items.add(next.filter((i) => !have.has(i.id!)));
  }

  /** Loads what the current window needs; cheap when the loaded range still covers it. */
  function refresh(force = false): void {
    const w = timeline.getWindow();
    const start = w.start.getTime();
    const end = w.end.getTime();
    const span = Math.max(end - start, DAY_MS);
    const { count } = visibleRange();
    const mode: Loaded['mode'] = count > AGGREGATE_THRESHOLD ? 'counts' : 'events';
    const bucket = mode === 'counts' ? bucketFor(span) : 0;
    if (!force && loaded && loaded.mode === mode && loaded.bucket === bucket && loaded.from <= start && loaded.to >= end) return;
    const modeChanged = !loaded || loaded.mode !== mode;
    if (mode === 'events') {
      // Half a window of margin on each side keeps short pans smooth; less when dense.
      let margin = span * 0.5;
      const lo = lowerBound(times, start - margin);
      const hi = lowerBound(times, end + margin);
      if (itemsBefore[hi]! - itemsBefore[lo]! > AGGREGATE_THRESHOLD * 2) margin = 0;
      const from = start - margin;
      const to = end + margin;
      if (modeChanged) timeline.setOptions({ stack: true });
      loadEvents(from, to);
      loaded = { mode, from, to, bucket };
      if (selected) timeline.setSelection(siblingIds(selected));
    } else {
      const bucketMs = bucket * DAY_MS;
      // Only buckets that touch the window: a box wholly outside it can be left drawn at the
      // edge by vis-timeline. Panning reloads as soon as the window leaves this range.
      const from = Math.floor(start / bucketMs) * bucketMs;
      const to = Math.ceil(end / bucketMs) * bucketMs;
      if (modeChanged) timeline.setOptions({ stack: false });
      // New bucket size: start from an empty set (vis-timeline can leave a stale box behind
      // when items of another size are swapped in the middle of a range change).
      if (!modeChanged && loaded && loaded.bucket !== bucket) items.clear();
      loadCounts(from, to, bucket);
      loaded = { mode, from, to, bucket };
    }
    container.dataset.mode = mode;
    container.dataset.visibleItems = String(count);
    if (modeChanged) handlers.onMode?.(mode, count);
  }

  // One tooltip, filled on hover with text nodes (cheaper than a title element per item).
  const tip = el('div', { class: 'tl-tooltip', role: 'tooltip', hidden: '' });
  container.append(tip);
  let tipTimer: ReturnType<typeof setTimeout> | undefined;
  const hideTip = (): void => {
    clearTimeout(tipTimer);
    tip.hidden = true;
  };
  timeline.on('itemover', (props: { item: IdType; event: MouseEvent }) => {
    clearTimeout(tipTimer);
    const eventId = itemToEvent.get(props.item);
    const agg = aggInfo.get(props.item);
    const target = (props.event.target as Element | null)?.closest?.('.vis-item');
    tipTimer = setTimeout(() => {
      clear(tip);
      if (eventId !== undefined) {
        const i = indexById.get(eventId);
        if (i === undefined) return;
        tip.append(tooltip(events[i]!));
      } else if (agg) {
        tip.append(el('div', { class: 'tl-tip' }, [el('div', { class: 'tl-tip__title' }, plural(agg.n, 'event')), el('div', { class: 'tl-tip__meta' }, `${grouping === 'type' ? TYPE_STYLES[agg.lane as EventType]?.label ?? agg.lane : agg.lane === NO_COUNTRY_LANE ? 'No state' : names(agg.lane)} · ${formatDay(agg.from)} to ${formatDay(agg.to)}. Click to zoom in.`)]));
      } else return;
      const box = (target ?? container).getBoundingClientRect();
      const host = container.getBoundingClientRect();
      tip.hidden = false;
      const left = Math.min(Math.max(0, box.left - host.left), Math.max(0, host.width - tip.offsetWidth));
      const top = box.bottom - host.top + 6;
      tip.style.left = `${left}px`;
      tip.style.top = `${top + tip.offsetHeight > host.height ? box.top - host.top - tip.offsetHeight - 6 : top}px`;
    }, 200);
  });
  timeline.on('itemout', hideTip);
  container.addEventListener('pointerdown', hideTip);
  container.addEventListener('wheel', hideTip, { passive: true });

  let rafPending = false;
  /** True while a brush drag moves the window: counts are reloaded once it settles. */
  let settling = false;
  timeline.on('rangechange', (props: { start: Date; end: Date; byUser: boolean }) => {
    handlers.onRange(props.start, props.end, props.byUser, false);
    // Reloading counts costs a layout of every box: in counts mode wait for the gesture to end
    // (the boxes already drawn move with the axis meanwhile).
    if (loaded?.mode === 'counts') return;
    if (!rafPending) {
      rafPending = true;
      requestAnimationFrame(() => {
        rafPending = false;
        refresh();
      });
    }
  });
  timeline.on('rangechanged', (props: { start: Date; end: Date; byUser: boolean }) => {
    if (!settling) refresh();
    handlers.onRange(props.start, props.end, props.byUser, !settling);
  });
  timeline.on('select', (props: { items: IdType[] }) => {
    const first = props.items[0];
    const id = first === undefined ? undefined : itemToEvent.get(first);
    selected = id;
    if (id) timeline.setSelection(siblingIds(id));
    handlers.onSelect(id);
  });
  timeline.on('click', (props: { item: IdType | null; what: string | null }) => {
    const id = props.item;
    if (typeof id === 'string' && id.startsWith('agg')) {
      const it = items.get(id);
      if (it && it.end) {
        const s = new Date(it.start).getTime();
        const e = new Date(it.end).getTime();
        const pad = (e - s) * 0.1;
        timeline.setWindow(s - pad, e + pad, { animation: true });
      }
    }
  });

  return {
    setEvents(list, group, pinned) {
      grouping = group;
      events = [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      times = events.map((ev) => dayToDate(ev.date).getTime() + HALF_DAY_MS);
      indexById.clear();
      events.forEach((ev, i) => indexById.set(ev.id, i));
      itemsBefore = [0];
      const laneCounts = new Map<string, number>();
      for (const ev of events) {
        const ls = lanesOf(ev);
        itemsBefore.push(itemsBefore[itemsBefore.length - 1]! + ls.length);
        for (const l of ls) laneCounts.set(l, (laneCounts.get(l) ?? 0) + 1);
      }
      const pin = new Set(pinned);
      const typeIndex = (t: string): number => Object.keys(TYPE_STYLES).indexOf(t);
      lanes = [...laneCounts.keys()].sort((a, b) => {
        if (group === 'type') return typeIndex(a) - typeIndex(b);
        const pa = pin.has(a) ? 0 : a === NO_COUNTRY_LANE ? 2 : 1;
        const pb = pin.has(b) ? 0 : b === NO_COUNTRY_LANE ? 2 : 1;
        if (pa !== pb) return pa - pb;
        const d = laneCounts.get(b)! - laneCounts.get(a)!;
        return d || names(a).localeCompare(names(b));
      });
      items.clear();
      loaded = undefined;
      groups.clear();
      groups.add(lanes.map((lane, order) => ({ id: lane, order, content: laneLabel(lane, laneCounts.get(lane)!), className: `lane lane-${grouping}` }) as DataGroup));
      if (selected && !indexById.has(selected)) selected = undefined;
      refresh(true);
    },
    setWindow(start, end, animate = false, final = true) {
      if (!firstChangeDone) pendingWindow = [start, end];
      settling = !final && loaded?.mode === 'counts';
      timeline.setWindow(start, end, { animation: animate });
      settling = false;
      if (final || loaded?.mode !== 'counts') refresh();
    },
    getWindow: () => timeline.getWindow(),
    select(id, reveal = false) {
      selected = id && indexById.has(id) ? id : undefined;
      if (selected && reveal) {
        const t = times[indexById.get(selected)!]!;
        const w = timeline.getWindow();
        if (t < w.start.getTime() || t > w.end.getTime()) {
          const span = w.end.getTime() - w.start.getTime();
          timeline.setWindow(t - span / 2, t + span / 2, { animation: false });
          refresh();
        }
      }
      timeline.setSelection(selected ? siblingIds(selected) : []);
    },
    zoom(factor) {
      const w = timeline.getWindow();
      const mid = (w.start.getTime() + w.end.getTime()) / 2;
      const half = ((w.end.getTime() - w.start.getTime()) * factor) / 2;
      timeline.setWindow(mid - half, mid + half, { animation: { duration: 200, easingFunction: 'easeInOutQuad' } });
    },
    ordered: () => events,
    laneOrder: () => lanes,
    lanesOf,
    mode: () => loaded?.mode ?? 'events',
    visibleItemCount: () => visibleRange().count,
    visibleEventCount: () => {
      const r = visibleRange();
      return r.hi - r.lo;
    },
    redraw: () => timeline.redraw(),
  };
}
