/**
 * The vis-timeline view: one lane per country (or per type), one item per event and lane.
 * Loaded on demand (main.ts imports this module after the first paint), from vis-timeline's
 * esnext build (no bundled polyfills; vis-data and moment as peers, moment without locales).
 *
 * An event between several countries appears once in each of its countries' lanes; the
 * copies share the event id, show the other participants ("with RUS"), and are selected
 * together. Events without a state (only organisations) go to a lane of their own.
 *
 * Data: the timeline is given the filtered events as columns (compact positions, days, types,
 * countries: the compact index), not full records, and knows an event by its compact position. Single events need their records (title, people):
 * for the window it asks `deps.need()`, which fetches the window's chunks, and redraws.
 * When the window holds more than AGGREGATE_THRESHOLD items, lanes show counts per time
 * bucket, which need only the columns.
 *
 * Lanes with no event in the window are collapsed (a count of hidden lanes, one click to show
 * them); lane labels count the window's events. The timeline grows to its lanes instead of
 * scrolling inside itself, so a plain mouse wheel scrolls the page; Ctrl + wheel zooms and
 * Shift + wheel pans.
 *
 * Untrusted text: item contents, tooltips and lane labels are DOM elements built with
 * textContent; vis-timeline's own XSS filter stays on with an empty tag whitelist.
 */
import { DataSet } from 'vis-data/esnext/esm/vis-data.js';
import * as vis from 'vis-timeline/esnext/esm/vis-timeline-graph2d.js';
import type { DataGroup, DataItem, IdType, TimelineOptions } from 'vis-timeline/esnext';
import type { EventType, TimelineEvent } from '../lib/schema.ts';
import { TYPE_STYLES, typeClass } from '../lib/colors.ts';
import { dayStr, dayTimes, lowerBound } from './data-source.ts';
import { dayToDate, formatCount, formatDay, formatEventDate, plural } from './format.ts';
import { clear, el } from './dom.ts';

/** Above this many items in the visible window, lanes show counts instead of events. */
export const AGGREGATE_THRESHOLD = 1500;
/**
 * Lanes drawn at first after new data: a screenful and more (the timeline starts 300 to 500 px
 * down the page and a lane is at least 26 px high). The other lanes follow in steps of
 * LANE_STEP, one step per frame after the first paint, so 200 lanes of counts do not hold back
 * the first screen (vis-timeline lays out each lane's new items separately: 0.7 s for 194 lanes
 * on the development machine).
 */
export function firstLanes(viewportHeight: number): number {
  return Math.max(16, Math.ceil((Number.isFinite(viewportHeight) ? viewportHeight : 0) / 36));
}
export const LANE_STEP = 60;
/** Lane of events that involve no state. */
export const NO_COUNTRY_LANE = '~none';

const DAY_MS = 86_400_000;
const HALF_DAY_MS = DAY_MS / 2;
/** Bucket widths (days) for aggregated counts, smallest first. */
const BUCKET_DAYS = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1826, 3652];
/** Aim for at most this many buckets across the window. */
const TARGET_BUCKETS = 24;

export type Grouping = 'country' | 'type';

const { Timeline } = vis;

/** The parts of vis-timeline's (untyped) lane class that `deferItemShow` touches. */
interface VisGroupProto {
  add(item: VisItem): void;
  _addToSubgroup(item: VisItem): void;
  orderSubgroups(): void;
}
interface VisItem {
  id: IdType;
  data: { subgroup?: unknown };
  setParent(group: unknown): void;
}
interface VisLane extends VisGroupProto {
  items: Record<string, VisItem>;
  stackDirty: boolean;
}
let showDeferred = false;

/**
 * vis-timeline 8 draws an item the moment it is added to a lane that is on screen (Group.add
 * shows it and measures it at once), so adding N items forces N layouts of the page: about
 * 0.7 ms each, 350 ms for 500 events. Its redraw, which runs on the next animation frame
 * anyway, draws the new items of a lane in one batch (create all, then measure all), and
 * Group.add already marks the lane for it (`stackDirty`). This lets add() leave the drawing
 * to that redraw: the same items, drawn in the same frame, with one layout per lane.
 */
export function deferItemShow(Group: { prototype: VisGroupProto } | undefined): boolean {
  const proto = Group?.prototype;
  if (!proto || typeof proto.add !== 'function' || typeof proto._addToSubgroup !== 'function') return false;
  proto.add = function add(this: VisLane, item: VisItem): void {
    this.items[item.id as string] = item;
    item.setParent(this);
    this.stackDirty = true;
    if (item.data.subgroup !== undefined) {
      this._addToSubgroup(item);
      this.orderSubgroups();
    }
  };
  return true;
}

/**
 * The model range [a, b) whose records to load first, given the range [lo, hi) to draw (the
 * window and its margin), the visible part [vlo, vhi) and which records are loaded: the visible
 * part when one of its records is missing (the margin's chunks would delay its first draw),
 * else the whole range. Pure.
 */
export function recordsFirst(lo: number, hi: number, vlo: number, vhi: number, has: (i: number) => boolean): [number, number] {
  const a = Math.max(lo, vlo);
  const b = Math.min(hi, vhi);
  for (let i = a; i < b; i++) if (!has(i)) return [a, b];
  return [lo, hi];
}

/** The filtered events, in day order, as columns. */
export interface TimelineModel {
  /** Compact positions (src/lib/chunks.ts), ascending. */
  positions: ArrayLike<number>;
  /** UTC day numbers, ascending. */
  days: ArrayLike<number>;
  types: readonly EventType[];
  countries: ReadonlyArray<readonly string[]>;
}

export interface TimelineDeps {
  names(iso3: string): string;
  /** The full record of a compact position, when its chunk is loaded. */
  record(position: number): TimelineEvent | undefined;
  /** Loads the records of [fromDay, toDay] (day numbers); resolves when they are in memory. */
  need(fromDay: number, toDay: number): Promise<void>;
}

export interface TimelineHandlers {
  /** The user selected an event (its compact position; or cleared the selection) on the timeline. */
  onSelect(position: number | undefined): void;
  /** The window moved. `final` is true once a pan/zoom gesture ended. */
  onRange(start: Date, end: Date, byUser: boolean, final: boolean): void;
  /** The display mode changed (events or aggregated counts). */
  onMode?(mode: 'events' | 'counts', visibleItems: number): void;
  /** Lanes shown and hidden (empty in the window) after the window or the data changed. */
  onLanes?(shown: number, hidden: number): void;
}

export interface TimelineView {
  setData(model: TimelineModel, grouping: Grouping, pinned: readonly string[]): void;
  /** Moves the window; `final` false (a brush still moving) defers reloading counts. */
  setWindow(start: Date, end: Date, animate?: boolean, final?: boolean): void;
  getWindow(): { start: Date; end: Date };
  /** Selects an event by compact position; `reveal` brings it into view (window, then the page scrolled to its lane). */
  select(position: number | undefined, reveal?: boolean): void;
  /** Zooms around the centre; factor < 1 zooms in. */
  zoom(factor: number): void;
  /** The model (the keyboard walks it). */
  model(): TimelineModel;
  /** Lane ids in display order; only the lanes shown unless `all`. */
  laneOrder(all?: boolean): readonly string[];
  /** The lanes of the k-th event of the model. */
  lanesAt(k: number): string[];
  /** Index in the model of a compact position. */
  indexOf(position: number): number | undefined;
  mode(): 'events' | 'counts';
  /** Number of events inside the window. */
  visibleEventCount(): number;
  /** Resolves once the records the window needs are loaded and handed to vis-timeline (or failed to load). */
  settled(): Promise<void>;
  /** Shows every lane (also those empty in the window), or collapses the empty ones again. */
  showAllLanes(on: boolean): void;
  redraw(): void;
}

interface Loaded {
  mode: 'events' | 'counts';
  from: number;
  to: number;
  bucket: number;
}

export function createTimeline(container: HTMLElement, deps: TimelineDeps, handlers: TimelineHandlers): TimelineView {
  const { names } = deps;
  const items = new DataSet<DataItem>([]);
  const groups = new DataSet<DataGroup>([]);
  let model: TimelineModel = { positions: [], days: [], types: [], countries: [] };
  let times: number[] = [];
  /** Prefix sums of lane counts: itemsBefore[i] = items of events[0..i). */
  let itemsBefore: number[] = [0];
  let grouping: Grouping = 'country';
  let lanes: string[] = [];
  let pinnedLanes = new Set<string>();
  let shownLanes: string[] = [];
  let showAll = false;
  let laneSignature = '';
  /** How many of the shown lanes are drawn (see firstLanes). */
  let laneLimit = firstLanes(window.innerHeight);
  let revealPending = false;
  let loaded: Loaded | undefined;
  /** Compact position of the selected event. */
  let selected: number | undefined;
  const itemToEvent = new Map<IdType, number>();
  const aggInfo = new Map<IdType, { n: number; from: string; to: string; lane: string }>();
  /** Model index of a compact position (positions are ascending). */
  const indexOfPosition = (p: number): number | undefined => {
    const k = lowerBound(model.positions, p);
    return k < model.positions.length && model.positions[k] === p ? k : undefined;
  };
  /** Bumped by every setData: a late chunk never draws into newer data. */
  let generation = 0;

  const options: TimelineOptions = {
    orientation: { axis: 'top', item: 'top' },
    stack: true,
    type: 'point',
    zoomKey: 'ctrlKey',
    horizontalScroll: false,
    // No scrolling inside the timeline: it grows to its lanes, the page scrolls.
    verticalScroll: false,
    minHeight: Math.max(280, Math.round(window.innerHeight * 0.55)),
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
  if (!showDeferred) {
    const ns = (vis as unknown as { timeline?: { components?: { Group?: { prototype: VisGroupProto } } } }).timeline;
    showDeferred = deferItemShow(ns?.components?.Group);
  }
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

  const lanesAt = (k: number): string[] => {
    if (grouping === 'type') return [model.types[k]!];
    const cs = model.countries[k]!;
    if (!cs.length) return [NO_COUNTRY_LANE];
    // The compact index lists each country once: no Set per event (200,000 of them at 200k).
    for (let i = 1; i < cs.length; i++) if (cs.indexOf(cs[i]!) !== i) return [...new Set(cs)];
    return cs as string[];
  };

  function laneLabel(lane: string, count: number): HTMLElement {
    const countEl = el('span', { class: 'lane-count', title: `${plural(count, 'event')} in this view` }, String(count));
    if (grouping === 'type') {
      const style = TYPE_STYLES[lane as EventType];
      return el('span', { class: `lane-label lane-label--type ${typeClass(lane as EventType)}`, 'data-lane': lane }, [
        el('span', { class: 'type-sym', 'aria-hidden': 'true' }, style?.symbol ?? ''),
        el('span', { class: 'lane-name' }, style?.label ?? lane),
        countEl,
      ]);
    }
    if (lane === NO_COUNTRY_LANE) {
      return el('span', { class: 'lane-label', 'data-lane': lane }, [el('span', { class: 'lane-name' }, 'No state'), el('span', { class: 'lane-code' }, 'org.'), countEl]);
    }
    return el('span', { class: 'lane-label', 'data-lane': lane }, [el('span', { class: 'lane-name' }, names(lane)), el('span', { class: 'lane-code' }, lane), countEl]);
  }

  function itemContent(ev: TimelineEvent, lane: string): HTMLElement {
    const style = TYPE_STYLES[ev.type];
    const others = grouping === 'country' ? ev.countries.filter((c) => c !== lane) : ev.countries;
    const kids: Array<Node | string> = [el('span', { class: 'tl-sym', 'aria-hidden': 'true' }, style.symbol), el('span', { class: 'tl-title' }, ev.title)];
    if (others.length) {
      kids.push(el('span', { class: 'tl-with' }, `${grouping === 'country' ? 'with ' : ''}${others.slice(0, 3).join(', ')}${others.length > 3 ? '…' : ''}`));
    }
    return el(
      'span',
      {
        class: `tl-item ${typeClass(ev.type)}${ev.datePrecision === 'approximate' ? ' tl-approx' : ''}`,
        'data-event-id': ev.id,
        'data-lane': lane,
        title: ev.title,
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

  function siblingIds(position: number): string[] {
    const i = indexOfPosition(position);
    if (i === undefined) return [];
    return lanesAt(i)
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

  /** Draws the events of [from, to); returns false when some records were not loaded yet. */
  function loadEvents(from: number, to: number): boolean {
    const lo = lowerBound(times, from);
    const hi = lowerBound(times, to);
    const next: DataItem[] = [];
    itemToEvent.clear();
    let missing = false;
    for (let i = lo; i < hi; i++) {
      const ev = deps.record(model.positions[i]!);
      if (!ev) {
        missing = true;
        continue;
      }
      for (const lane of lanesAt(i)) {
        const id = itemId(i, lane);
        itemToEvent.set(id, model.positions[i]!);
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
    if (missing && hi > lo) {
      const gen = generation;
      container.dataset.loading = 'true';
      // The visible window's records first: its items are drawn as soon as they are here, and
      // the margin's records (another chunk, often) follow with the next pass.
      const w = timeline.getWindow();
      const [a, b] = recordsFirst(lo, hi, lowerBound(times, w.start.getTime()), lowerBound(times, w.end.getTime()), (i) => deps.record(model.positions[i]!) !== undefined);
      const load = deps
        .need(model.days[a]!, model.days[b - 1]!)
        .then(() => {
          if (gen !== generation) return;
          delete container.dataset.loading;
          refresh(true);
          if (selected !== undefined) timeline.setSelection(siblingIds(selected));
          afterDraw?.();
        })
        .catch(() => {
          delete container.dataset.loading;
          container.dataset.loadError = 'true';
        })
        .finally(() => {
          if (pendingLoad === load) pendingLoad = undefined;
        });
      pendingLoad = load;
    }
    return !missing;
  }

  function loadCounts(from: number, to: number, bucket: number): void {
    const lo = lowerBound(times, from);
    const hi = lowerBound(times, to);
    const counts = new Map<string, { lane: string; b: number; n: number }>();
    for (let i = lo; i < hi; i++) {
      const b = Math.floor(model.days[i]! / bucket);
      for (const lane of lanesAt(i)) {
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
      const start = dayToDate(dayStr(b * bucket));
      const end = dayToDate(dayStr((b + 1) * bucket));
      const level = Math.min(5, Math.max(1, Math.ceil((n / max) * 5)));
      next.push({
        id: `agg${bucket}:${lane}:${b}`,
        group: lane,
        start,
        end,
        type: 'range',
        selectable: false,
        className: `tl-agg tl-agg--${level}`,
        content: el('span', { class: 'tl-agg__n', 'data-count': String(n) }, formatCount(n)) as unknown as string,
      });
      aggInfo.set(`agg${bucket}:${lane}:${b}`, { n, from: dayStr(b * bucket), to: dayStr((b + 1) * bucket - 1), lane });
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

  /**
   * Lane labels count the window's events; lanes with none are collapsed (unless pinned by the
   * country filter, holding the selection, or "show all lanes" is on).
   */
  function updateLanes(): void {
    const { lo, hi } = visibleRange();
    const counts = new Map<string, number>();
    for (let i = lo; i < hi; i++) for (const l of lanesAt(i)) counts.set(l, (counts.get(l) ?? 0) + 1);
    const selIndex = selected === undefined ? undefined : indexOfPosition(selected);
    const selLanes = new Set(selIndex !== undefined ? lanesAt(selIndex) : []);
    const shown = lanes.filter((l) => showAll || (counts.get(l) ?? 0) > 0 || pinnedLanes.has(l) || selLanes.has(l));
    // The selection's lanes are drawn in the first step too.
    const drawn = shown.length > laneLimit ? [...new Set([...shown.filter((l) => selLanes.has(l)), ...shown])].slice(0, laneLimit) : shown;
    if (drawn.length < shown.length) revealLater();
    const signature = `${grouping}|${showAll}|${lanes.map((l) => `${l}:${counts.get(l) ?? 0}`).join(',')}|${drawn.join(',')}`;
    if (signature !== laneSignature) {
      laneSignature = signature;
      const visible = new Set(drawn);
      groups.update(lanes.map((lane, order) => ({ id: lane, order, content: laneLabel(lane, counts.get(lane) ?? 0), visible: visible.has(lane), className: `lane lane-${grouping}` }) as DataGroup));
    }
    shownLanes = shown;
    container.dataset.lanesShown = String(shown.length);
    container.dataset.lanesDrawn = String(drawn.length);
    container.dataset.lanesHidden = String(lanes.length - shown.length);
    handlers.onLanes?.(shown.length, lanes.length - shown.length);
  }

  /** setOptions measures the whole page (a forced layout): only when the option changes. */
  let stacked = options.stack === true;
  function setStack(on: boolean): void {
    if (on === stacked) return;
    stacked = on;
    timeline.setOptions({ stack: on });
  }

  /** Draws LANE_STEP more lanes once the current frame has painted, until all are drawn. */
  function revealLater(): void {
    if (revealPending) return;
    revealPending = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        revealPending = false;
        laneLimit += LANE_STEP;
        updateLanes();
      }, 0),
    );
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
      setStack(true);
      const complete = loadEvents(from, to);
      // An incomplete load is redone when the records arrive.
      loaded = complete ? { mode, from, to, bucket } : undefined;
      if (selected !== undefined) timeline.setSelection(siblingIds(selected));
    } else {
      const bucketMs = bucket * DAY_MS;
      const from = Math.floor(start / bucketMs) * bucketMs;
      const to = Math.ceil(end / bucketMs) * bucketMs;
      setStack(false);
      if (!modeChanged && loaded && loaded.bucket !== bucket) items.clear();
      loadCounts(from, to, bucket);
      loaded = { mode, from, to, bucket };
    }
    container.dataset.mode = mode;
    container.dataset.visibleItems = String(count);
    if (modeChanged) handlers.onMode?.(mode, count);
  }

  /** The newest load of missing records, until it is drawn. */
  let pendingLoad: Promise<void> | undefined;

  /** Runs once after the records of a reveal arrive (scrolls the page to the selected item). */
  let afterDraw: (() => void) | undefined;

  // One tooltip, filled on hover with text nodes (cheaper than a title element per item).
  const tip = el('div', { class: 'tl-tooltip', role: 'tooltip', hidden: '' });
  container.append(tip);
  let tipTimer: ReturnType<typeof setTimeout> | undefined;
  const hideTip = (): void => {
    clearTimeout(tipTimer);
    tip.hidden = true;
  };
  /** Touch: a tap selects; the tooltip would stay over the next items, so it is not shown. */
  let lastPointer = 'mouse';
  container.addEventListener('pointerdown', (e) => {
    lastPointer = e.pointerType;
    hideTip();
  });
  timeline.on('itemover', (props: { item: IdType; event: MouseEvent }) => {
    clearTimeout(tipTimer);
    if (lastPointer === 'touch') return;
    const eventAt = itemToEvent.get(props.item);
    const agg = aggInfo.get(props.item);
    const target = (props.event.target as Element | null)?.closest?.('.vis-item');
    tipTimer = setTimeout(() => {
      clear(tip);
      if (eventAt !== undefined) {
        const ev = deps.record(eventAt);
        if (!ev) return;
        tip.append(tooltip(ev));
      } else if (agg) {
        const laneName = grouping === 'type' ? TYPE_STYLES[agg.lane as EventType]?.label ?? agg.lane : agg.lane === NO_COUNTRY_LANE ? 'No state' : names(agg.lane);
        tip.append(el('div', { class: 'tl-tip' }, [el('div', { class: 'tl-tip__title' }, plural(agg.n, 'event')), el('div', { class: 'tl-tip__meta' }, `${laneName} · ${formatDay(agg.from)} to ${formatDay(agg.to)}. Click to zoom in.`)]));
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
  container.addEventListener('wheel', hideTip, { passive: true });
  // Any touch elsewhere on the page (or scrolling) hides a tooltip left over from a tap.
  document.addEventListener('pointerdown', (e) => {
    if (!container.contains(e.target as Node)) hideTip();
  });
  window.addEventListener('scroll', hideTip, { passive: true });

  // Shift + wheel pans (vis-timeline leaves a plain wheel to the page and zooms with Ctrl).
  container.addEventListener(
    'wheel',
    (e) => {
      if (!e.shiftKey || e.ctrlKey || e.metaKey) return;
      const delta = Math.abs(e.deltaX) > Math.abs(e.deltaY) ? e.deltaX : e.deltaY;
      if (!delta) return;
      e.preventDefault();
      e.stopPropagation();
      const w = timeline.getWindow();
      const span = w.end.getTime() - w.start.getTime();
      const unit = e.deltaMode === 1 ? 40 : e.deltaMode === 2 ? 800 : 1;
      const shift = ((delta * unit) / Math.max(200, container.clientWidth)) * span;
      timeline.setWindow(w.start.getTime() + shift, w.end.getTime() + shift, { animation: false });
      userMoved = true;
    },
    { capture: true, passive: false },
  );
  let userMoved = false;

  let rafPending = false;
  /** True while a brush drag moves the window: counts are reloaded once it settles. */
  let settling = false;
  timeline.on('rangechange', (props: { start: Date; end: Date; byUser: boolean }) => {
    handlers.onRange(props.start, props.end, props.byUser || userMoved, false);
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
    if (!settling) {
      refresh();
      updateLanes();
    }
    handlers.onRange(props.start, props.end, props.byUser || userMoved, !settling);
    userMoved = false;
  });
  timeline.on('select', (props: { items: IdType[] }) => {
    const first = props.items[0];
    const p = first === undefined ? undefined : itemToEvent.get(first);
    selected = p;
    if (p !== undefined) timeline.setSelection(siblingIds(p));
    handlers.onSelect(p);
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

  /** Scrolls the page so that the selected item (or its lane) is on screen. */
  function scrollToSelected(): void {
    if (selected === undefined) return;
    const node = container.querySelector('.vis-item.vis-selected');
    if (node) node.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  return {
    setData(next, group, pinned) {
      generation++;
      grouping = group;
      model = next;
      times = dayTimes(next.days, HALF_DAY_MS);
      itemsBefore = [0];
      const laneCounts = new Map<string, number>();
      for (let i = 0; i < next.positions.length; i++) {
        const ls = lanesAt(i);
        itemsBefore.push(itemsBefore[itemsBefore.length - 1]! + ls.length);
        for (const l of ls) laneCounts.set(l, (laneCounts.get(l) ?? 0) + 1);
      }
      pinnedLanes = new Set(pinned);
      const typeIndex = (t: string): number => Object.keys(TYPE_STYLES).indexOf(t);
      lanes = [...laneCounts.keys()].sort((a, b) => {
        if (group === 'type') return typeIndex(a) - typeIndex(b);
        const pa = pinnedLanes.has(a) ? 0 : a === NO_COUNTRY_LANE ? 2 : 1;
        const pb = pinnedLanes.has(b) ? 0 : b === NO_COUNTRY_LANE ? 2 : 1;
        if (pa !== pb) return pa - pb;
        const d = laneCounts.get(b)! - laneCounts.get(a)!;
        return d || names(a).localeCompare(names(b));
      });
      items.clear();
      loaded = undefined;
      laneLimit = firstLanes(window.innerHeight);
      groups.clear();
      laneSignature = '';
      // Labels come with updateLanes just below (counts of the window): not built twice.
      groups.add(lanes.map((lane, order) => ({ id: lane, order, content: '', className: `lane lane-${grouping}` }) as DataGroup));
      if (selected !== undefined && indexOfPosition(selected) === undefined) selected = undefined;
      refresh(true);
      updateLanes();
    },
    setWindow(start, end, animate = false, final = true) {
      if (!firstChangeDone) pendingWindow = [start, end];
      settling = !final && loaded?.mode === 'counts';
      timeline.setWindow(start, end, { animation: animate });
      settling = false;
      if (final || loaded?.mode !== 'counts') refresh();
      if (final) updateLanes();
    },
    getWindow: () => timeline.getWindow(),
    select(position, reveal = false) {
      const k = position === undefined ? undefined : indexOfPosition(position);
      selected = k === undefined ? undefined : position;
      if (k !== undefined && reveal) {
        const t = times[k]!;
        const w = timeline.getWindow();
        const span = w.end.getTime() - w.start.getTime();
        if (t < w.start.getTime() + span * 0.02 || t > w.end.getTime() - span * 0.05) {
          if (!firstChangeDone) pendingWindow = [new Date(t - span * 0.5), new Date(t + span * 0.5)];
          timeline.setWindow(t - span * 0.5, t + span * 0.5, { animation: false });
          refresh();
        }
      }
      timeline.setSelection(selected !== undefined ? siblingIds(selected) : []);
      updateLanes();
      if (selected !== undefined && reveal) {
        afterDraw = () => {
          afterDraw = undefined;
          requestAnimationFrame(scrollToSelected);
        };
        // Drawn already (records loaded): scroll on the next frame.
        if (siblingIds(selected).length) afterDraw();
      }
    },
    zoom(factor) {
      const w = timeline.getWindow();
      const mid = (w.start.getTime() + w.end.getTime()) / 2;
      const half = ((w.end.getTime() - w.start.getTime()) * factor) / 2;
      timeline.setWindow(mid - half, mid + half, { animation: { duration: 200, easingFunction: 'easeInOutQuad' } });
    },
    model: () => model,
    laneOrder: (all = false) => (all ? lanes : shownLanes),
    lanesAt,
    indexOf: indexOfPosition,
    mode: () => loaded?.mode ?? 'events',
    visibleEventCount: () => {
      const r = visibleRange();
      return r.hi - r.lo;
    },
    async settled() {
      // A load may start another (the window moved meanwhile): wait for the newest.
      for (let p = pendingLoad; p; p = pendingLoad) await p;
    },
    showAllLanes(on) {
      showAll = on;
      updateLanes();
    },
    redraw: () => timeline.redraw(),
  };
}
