/**
 * Wiring of the main page. The view state lives in one store (src/client/store.ts) mirrored in
 * the URL; small components (filters, search, overview, list, details, relations, range bar,
 * timeline) each find their elements inside their own root and redraw for the keys that changed.
 *
 * Data (src/client/data-source.ts): /data/index.json and /data/compact.json first (enough for the
 * filters, counts, the overview and the relations graph), then the chunks of the visible window;
 * /data/search.json on the first search. vis-timeline is imported after the first paint.
 * The compact index has no ids: the timeline, list and keyboard know events by compact
 * position and get records from the loaded chunks; the view state (and the URL) names the
 * selected event by id, found through its id shard when a link names it.
 *
 * History: a new filter choice or selection is pushState (Back undoes it); zoom and pan
 * replace the current entry after a short pause; popstate restores the view.
 */
// vis-timeline's stylesheet goes with the page's CSS; its script loads after the first paint.
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import type { EventType, TimelineEvent } from '../lib/schema.ts';
import { EVENT_TYPES } from '../lib/event-types.ts';
import { TYPE_STYLES } from '../lib/colors.ts';
import { parseViewState, serializeViewState, normalizeViewState, type ViewState } from '../lib/url-state.ts';
import { densestWindowDays } from '../lib/filter.ts';
import { toCSV, toICS, toJSON } from '../lib/export.ts';
import { withBase } from '../lib/seo.ts';
import { createStore, type Changed } from './store.ts';
import { presetRange } from './range.ts';
import { aliasChain, compileFilter, createDataSource, type CompiledFilter, dayNum, dayStr, dayTimes, filterCompact, lowerBound, resolveEventId, typeCounts, type DataSource } from './data-source.ts';
import type { TimelineDeps, TimelineHandlers, TimelineModel, TimelineView } from './timeline.ts';
import { createOverview } from './overview.ts';
import { createRelations } from './relations.ts';
import { createMap } from './map.ts';
import { save, savePng, saveSvg } from './save-svg.ts';
import { renderDetails } from './details.ts';
import { createList } from './list.ts';
import { createFilters } from './filters.ts';
import { createSearch } from './search.ts';
import { attachKeyboard } from './keyboard.ts';
import { createLater } from './later.ts';
import { dateToDay, dayToDate, formatDay, formatEventDate, plural } from './format.ts';
import { byId, clear, el } from './dom.ts';

const DAY_MS = 86_400_000;
const HALF_DAY_MS = DAY_MS / 2;
const URL_DELAY_MS = 350;
/** Above this many filtered events the timeline follows the brush when it is released. */
const LIVE_BRUSH_LIMIT = 2000;
/** Up to this many events in the window, its chunks are fetched (beyond, the timeline shows counts). */
const RECORDS_LIMIT = 1500;

/** How a change reaches the URL, and whether the selection is brought into view. */
interface Meta {
  history: 'push' | 'replace' | 'none';
  reveal?: boolean;
  /** The window change came from the timeline itself (do not set it back). */
  fromTimeline?: boolean;
}

async function fetchJson(path: string): Promise<unknown> {
  const res = await fetch(withBase(path), { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}

function download(name: string, type: string, text: string): void {
  save(name, new Blob([text], { type }));
}

/** Resolves after the browser has painted the current frame. */
const afterPaint = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Local-midnight window of a day range (end exclusive). */
const windowOfDays = (from: string, to: string): [Date, Date] => [dayToDate(from), new Date(dayToDate(to).getTime() + DAY_MS)];

/** A named moment of the page's start (bench:site --trace prints them; free otherwise). */
const mark = (name: string): void => {
  performance.mark(`mp:${name}`);
};

async function main(): Promise<void> {
  mark('main');
  const root = byId('mp-app');
  const status = byId('mp-status');
  const live = byId('mp-live');
  const noticeEl = byId('mp-notice');
  const t0 = performance.now();
  const first = parseViewState(location.search);
  if (first.embed) document.documentElement.dataset.embed = 'true';

  // vis-timeline is fetched in parallel with the data, but only after the first paint, and the
  // (empty) timeline is built as soon as it arrives: its constructor measures the page, which is
  // cheap while the page has not changed since the first paint. It reaches the rest of the page
  // through `wired`, set once the data is here.
  const timelineEl = byId('mp-timeline');
  let wired: { deps: TimelineDeps; handlers: TimelineHandlers } | undefined;
  const timelineBuilt = afterPaint()
    .then(() => import('./timeline.ts'))
    .then((mod) => {
      mark('timeline-module');
      return mod.createTimeline(
        timelineEl,
        {
          names: (iso3) => wired?.deps.names(iso3) ?? iso3,
          record: (p) => wired?.deps.record(p),
          need: (a, b) => wired?.deps.need(a, b) ?? Promise.resolve(),
        },
        {
          onSelect: (p) => wired?.handlers.onSelect(p),
          onRange: (start, end, byUser, final) => wired?.handlers.onRange(start, end, byUser, final),
          onMode: (mode, n) => wired?.handlers.onMode?.(mode, n),
          onLanes: (shown, hidden) => wired?.handlers.onLanes?.(shown, hidden),
        },
      );
    });
  // Not awaited until the first apply: a failure is handled there.
  timelineBuilt.catch(() => undefined);

  let src: DataSource;
  try {
    // The event a link names: its id shard is fetched with the compact index.
    src = await createDataSource(fetchJson, (idx) => (first.event ? aliasChain(first.event, idx.aliases) : []));
  } catch (err) {
    root.dataset.state = 'error';
    status.setAttribute('role', 'alert');
    status.textContent = `The timeline could not load its data (${(err as Error).message}). The list below still shows the events.`;
    return;
  }
  mark('data');
  const { index, compact } = src;
  const names = (iso3: string): string => src.countryName(iso3);
  const isoOf = index.countries.map((c) => c.iso);
  const knownCountries = new Set(isoOf);

  // --- Notices (a link that cannot be honoured says so, with a way out) ---------------------
  function notice(text: string, action?: { label: string; run: () => void }, kind = 'info'): void {
    clear(noticeEl);
    noticeEl.dataset.kind = kind;
    noticeEl.append(el('span', { class: 'mp-notice__text' }, text));
    if (action) {
      const b = el('button', { type: 'button', class: 'mp-link-btn mp-notice__action' }, action.label);
      b.addEventListener('click', () => {
        clearNotice();
        action.run();
      });
      noticeEl.append(b);
    }
    const x = el('button', { type: 'button', class: 'mp-notice__close', 'aria-label': 'Dismiss this notice' }, '×');
    x.addEventListener('click', clearNotice);
    noticeEl.append(x);
    noticeEl.hidden = false;
  }
  function clearNotice(): void {
    clear(noticeEl);
    noticeEl.hidden = true;
    delete noticeEl.dataset.kind;
  }

  /** A link's state made honest against the data: unknown countries dropped, old event ids resolved. */
  function sanitize(s: ViewState, announce: boolean): ViewState {
    const unknown = s.countries.filter((c) => !knownCountries.has(c));
    let out: ViewState = unknown.length ? { ...s, countries: s.countries.filter((c) => knownCountries.has(c)) } : s;
    if (out.event) {
      const r = resolveEventId(out.event, index.aliases, (id) => src.position(id) !== undefined);
      if (r.kind === 'alias') {
        out = { ...out, event: r.id };
        if (announce) notice(`The link named this event by an older id (${r.from}); it is now ${r.id}.`);
      } else if (r.kind === 'missing') {
        const { event: _gone, ...rest } = out;
        out = rest;
        if (announce) notice(`No event with the id “${r.from}” exists in this edition of the timeline. It may have been merged into another event or removed.`, undefined, 'warning');
      }
    }
    if (unknown.length && announce) live.textContent = `Ignored ${unknown.join(', ')}: not a country in the data.`;
    return normalizeViewState(out);
  }

  /**
   * Looks up the event a link names (and the ids its aliases lead to) in the id shards, so that
   * sanitize can tell, synchronously, which of them exist.
   */
  async function locateLinked(s: ViewState): Promise<void> {
    if (!s.event) return;
    await Promise.all(aliasChain(s.event, index.aliases).map((id) => src.locate(id).catch(() => undefined)));
  }
  /** The compact position of the selected event (known once sanitize kept it). */
  const selectedAt = (id: string | undefined): number | undefined => (id === undefined ? undefined : src.position(id));

  await locateLinked(first);
  const store = createStore<ViewState, Meta>(sanitize(first, true), normalizeViewState);

  // --- Filtering over the compact index -----------------------------------------------------
  let positions: Int32Array = new Int32Array(0);
  let model: TimelineModel = { positions: new Int32Array(0), days: [], types: [], countries: [] };
  let modelTimes: number[] = [];
  let filterGen = 0;
  let prefetched = false;

  /** Filters the compact index into `positions`, `model` and `modelTimes`; undefined when a newer filter ran meanwhile. */
  async function computeModel(s: Readonly<ViewState>): Promise<{ f: CompiledFilter; words?: readonly string[] } | undefined> {
    const gen = ++filterGen;
    const f = compileFilter(index, s);
    const words = f.terms.length ? await src.words().catch(() => undefined) : undefined;
    if (gen !== filterGen) return undefined;
    if (f.terms.length && !words) live.textContent = 'Search is unavailable: the search index could not load.';
    positions = filterCompact(compact, f, words);
    const days = new Int32Array(positions.length);
    const types: EventType[] = new Array(positions.length);
    const countries: string[][] = new Array(positions.length);
    for (let k = 0; k < positions.length; k++) {
      const p = positions[k]!;
      days[k] = compact.days[p]!;
      types[k] = EVENT_TYPES[compact.types[p]!] ?? 'statement';
      countries[k] = compact.countries[p]!.map((i) => isoOf[i] ?? '???');
    }
    model = { positions, days, types, countries };
    modelTimes = dayTimes(days, HALF_DAY_MS);
    if (!prefetched) {
      // The first view: ask for the chunks of its window now, so that they load while the
      // controls and the overview are drawn (only for single events: counts need no records).
      prefetched = true;
      const w = s.from && s.to ? windowOfDays(s.from, s.to) : defaultWindow();
      const n = lowerBound(modelTimes, w[1].getTime()) - lowerBound(modelTimes, w[0].getTime());
      if (n <= RECORDS_LIMIT) void src.ensureWindow(dateToDay(w[0]), dateToDay(new Date(w[1].getTime() - 1)), 0).catch(() => undefined);
    }
    return { f, words };
  }
  /**
   * The first view's filter, computed as soon as the data is here, so that the chunks of its
   * window are requested before the components are built (a filtered link needs records at once).
   */
  let firstModel: { s: Readonly<ViewState>; r: ReturnType<typeof computeModel> } | undefined = { s: store.get(), r: computeModel(store.get()) };

  async function refilter(s: Readonly<ViewState>): Promise<boolean> {
    const early = firstModel?.s === s ? firstModel.r : undefined;
    firstModel = undefined;
    const r = await (early ?? computeModel(s));
    if (!r) return false;
    filters.update(s, typeCounts(compact, r.f, r.words));
    overview.setEvents(model.days, model.types);
    return true;
  }

  // --- The window ---------------------------------------------------------------------------
  /** The window shown, as local dates (end exclusive). Owned here; the timeline follows it. */
  let win: [Date, Date] = [new Date(), new Date()];

  function defaultWindow(): [Date, Date] {
    const w = densestWindowDays(model.days.length ? model.days : compact.days);
    if (!w) {
      const now = Date.now();
      return [new Date(now - 30 * DAY_MS), new Date(now)];
    }
    let a = dayToDate(w.from).getTime();
    // Item labels run to the right of their date: leave room after the last event.
    let b = dayToDate(w.to).getTime() + DAY_MS;
    b += (b - a) * 0.2;
    return [new Date(a), new Date(b)];
  }
  function fitAllWindow(): [Date, Date] | undefined {
    const days = model.days.length ? model.days : undefined;
    if (!days) return undefined;
    const a = dayToDate(dayStr(days[0]!)).getTime();
    const b = dayToDate(dayStr(days[days.length - 1]!)).getTime() + DAY_MS;
    const pad = Math.max(2 * DAY_MS, (b - a) * 0.04);
    return [new Date(a - pad), new Date(b + pad + (b - a) * 0.12)];
  }
  /** [lo, hi) of the model inside the window: the events "in this view" (timeline, list, status agree). */
  function inView(): [number, number] {
    return [lowerBound(modelTimes, win[0].getTime()), lowerBound(modelTimes, win[1].getTime())];
  }

  // --- Components -----------------------------------------------------------------------------
  const controls = byId<HTMLFormElement>('mp-controls');
  const filters = createFilters(controls, {
    names,
    onChange(patch) {
      store.set(patch, { history: 'push' });
    },
  });
  filters.setData(index.countries);
  const search = createSearch(controls, (q, push) => store.set({ q }, { history: push ? 'push' : 'replace' }));
  const overview = createOverview(byId('mp-overview'), {
    onBrush(start, end, final) {
      if (!final && positions.length > LIVE_BRUSH_LIMIT) return;
      setWindow([start, end], true, final);
    },
  });
  const relations = createRelations(byId('mp-relations'), names, {
    onToggleCountry(iso3) {
      const set = new Set(store.get().countries);
      if (set.has(iso3)) set.delete(iso3);
      else set.add(iso3);
      store.set({ countries: [...set].sort() }, { history: 'push' });
    },
  });
  const worldMap = createMap(byId('mp-map'), {
    load: () => fetchJson('/data/world-map.json'),
    onToggleCountry(iso3) {
      const set = new Set(store.get().countries);
      if (set.has(iso3)) set.delete(iso3);
      else set.add(iso3);
      store.set({ countries: [...set].sort() }, { history: 'push' });
    },
  });
  const later = createLater((fn) => setTimeout(fn, 0), (err) => console.error(err));
  const grid = byId('mp-grid');
  const detailsEl = byId('mp-details');
  const listRoot = byId('mp-list').closest('section') ?? byId('mp-list');
  const need = (fromDay: number, toDay: number): Promise<void> => src.ensureWindow(dayStr(fromDay), dayStr(toDay), 0);
  const list = createList(listRoot, {
    names,
    record: (p) => src.recordAt(p),
    need,
    onPick(id) {
      store.set({ event: id }, { history: 'push', reveal: true });
      openDetails();
    },
  });

  let timeline: TimelineView | undefined;
  /** The next window change comes from the user (keyboard), so it goes to the URL. */
  let userWindow = false;
  const wrap = byId('mp-timeline-wrap');
  const lanesBtn = byId<HTMLButtonElement>('mp-lanes-toggle');
  let allLanes = false;
  lanesBtn.addEventListener('click', () => {
    allLanes = !allLanes;
    timeline?.showAllLanes(allLanes);
  });

  function openDetails(): void {
    requestAnimationFrame(() => {
      detailsEl.scrollIntoView({ block: 'nearest' });
      document.getElementById('det-title')?.focus({ preventScroll: true });
    });
  }

  // Escape closes the details panel from anywhere inside it, and gives focus back to the timeline.
  detailsEl.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !store.get().event) return;
    e.preventDefault();
    store.set({ event: undefined }, { history: 'push' });
    wrap.focus({ preventScroll: true });
  });

  // --- Window changes -------------------------------------------------------------------------
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  /** Sets the window from a control (brush, presets, inputs, keyboard); `user` records it in the URL. */
  function setWindow(w: [Date, Date], user: boolean, final = true): void {
    win = w;
    if (timeline) {
      timeline.setWindow(w[0], w[1], false, final);
      win = [timeline.getWindow().start, timeline.getWindow().end];
    }
    // The timeline reports a moved window too; an unchanged one (new filter) must still redraw.
    if (final) windowChanged();
    overview.setWindow(w[0], w[1]);
    if (final && user) recordWindow();
  }
  function recordWindow(): void {
    store.set({ from: dateToDay(win[0]), to: dateToDay(new Date(win[1].getTime() - 1)) }, { history: 'replace', fromTimeline: true });
  }

  /** Everything that depends on the window: status, list, relations, range inputs, chunks. */
  function windowChanged(): void {
    const from = dateToDay(win[0]);
    const to = dateToDay(new Date(win[1].getTime() - 1));
    timelineEl.dataset.from = from;
    timelineEl.dataset.to = to;
    rangeFrom.value = from;
    rangeTo.value = to;
    const [lo, hi] = inView();
    const n = hi - lo;
    const parts = [`${plural(positions.length, 'event')} of ${index.total.toLocaleString('en')}`, `${n.toLocaleString('en')} in view`];
    if (timeline?.mode() === 'counts') parts.push('showing counts per period: zoom in for single events');
    status.textContent = parts.join(' · ');
    status.dataset.inView = String(n);
    // Fetch the window's chunks and their neighbours ahead of a pan (not for a window of counts).
    // The window's own chunks first: the neighbours' parsing would delay its first draw.
    if (n <= RECORDS_LIMIT) void src.ensureWindow(from, to, 0).then(() => src.ensureWindow(from, to, 1)).catch(() => undefined);
    // A window with no events offers the way back to the data.
    emptyBox.hidden = !(n === 0 && positions.length > 0);
    const windowLabel = `${formatDay(from)} to ${formatDay(to)}`;
    const listPositions = positions.subarray(lo, hi);
    const listDays = Array.prototype.slice.call(model.days, lo, hi) as number[];
    const listEmpty = positions.length ? `No events from ${windowLabel}. Use “Fit all” to see every matching event.` : 'No events match these filters.';
    later.now('list', () => list.setEvents(listPositions, listDays, listEmpty));
    // The panels below the timeline wait for its first draw, then redraw once per burst.
    const lists = model.countries.slice(lo, hi);
    const chosen = store.get().countries;
    later.run('relations', () => relations.setEvents(lists, chosen, `from ${windowLabel}`));
    later.run('map', () => {
      const perCountry = new Map<string, number>();
      for (const cs of lists) for (const c of new Set(cs)) perCountry.set(c, (perCountry.get(c) ?? 0) + 1);
      worldMap.setCounts(perCountry, chosen, `from ${windowLabel}`);
    });
    printSummary();
  }

  // --- Range bar: date inputs, presets, fit all, reset ---------------------------------------
  const rangeFrom = byId<HTMLInputElement>('mp-from');
  const rangeTo = byId<HTMLInputElement>('mp-to');
  const emptyBox = byId('mp-empty');
  if (index.first && index.last) {
    for (const input of [rangeFrom, rangeTo]) {
      input.min = index.first;
      input.max = index.last;
    }
  }
  byId('mp-range').addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement;
    if (t !== rangeFrom && t !== rangeTo) return;
    let a = rangeFrom.value;
    let b = rangeTo.value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(a) || !/^\d{4}-\d{2}-\d{2}$/.test(b)) return;
    if (a > b) [a, b] = [b, a];
    setWindow(windowOfDays(a, b), true);
  });
  function fitAll(): void {
    const w = fitAllWindow();
    if (w) setWindow(w, true);
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-fit-all]')) b.addEventListener('click', fitAll);
  // Reset view: no filters, no selection, the opening window.
  byId('mp-reset').addEventListener('click', () => {
    const s = store.get();
    clearNotice();
    store.replace({ countries: [], countryMode: 'any', types: [], group: s.group, ...(s.embed ? { embed: true } : {}) }, { history: 'push' });
  });
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-preset]')) {
    b.addEventListener('click', () => {
      const kind = b.dataset.preset as 'month' | 'quarter' | 'year';
      const sel = store.get().event;
      const p = sel !== undefined ? src.position(sel) : undefined;
      // Around the selected event, else around the middle of the window.
      const mid = p !== undefined ? dayStr(compact.days[p]!) : dateToDay(new Date((win[0].getTime() + win[1].getTime()) / 2));
      const r = presetRange(kind, mid);
      setWindow(windowOfDays(r.from, r.to), true);
    });
  }

  // --- Details --------------------------------------------------------------------------------
  let detailsGen = 0;
  /** The event the details panel shows (or is loading). */
  let detailsFor: string | undefined;
  async function showDetails(id: string | undefined): Promise<void> {
    const gen = ++detailsGen;
    detailsFor = id;
    grid.dataset.details = id ? 'open' : 'closed';
    detailsEl.hidden = !id;
    if (!id) {
      renderDetails(detailsEl, undefined, { names, documents: new Map(), nearby: [], onPick: () => undefined, onClose: () => undefined });
      return;
    }
    const [ev, documents] = await Promise.all([src.load(id), src.documents()]);
    if (gen !== detailsGen) return;
    if (!ev) {
      renderDetails(detailsEl, undefined, { names, documents, nearby: [], onPick: () => undefined, onClose: () => undefined });
      return;
    }
    const around = (days: number): string => dayStr(dayNum(ev.date) + days);
    await src.ensureWindow(around(-45), around(45), 0).catch(() => undefined);
    if (gen !== detailsGen) return;
    renderDetails(detailsEl, ev, {
      names,
      documents,
      nearby: src.loadedBetween(around(-45), around(45)),
      onPick: (rid) => store.set({ event: rid }, { history: 'push', reveal: true }),
      onClose: () => {
        store.set({ event: undefined }, { history: 'push' });
        wrap.focus({ preventScroll: true });
      },
    });
  }

  /** An event hidden by the filters is not opened silently: a notice offers to show it. */
  function selectionHidden(s: ViewState): boolean {
    if (!s.event) return false;
    const p = src.position(s.event);
    if (p === undefined) return false;
    // positions is ascending.
    return positions[lowerBound(positions, p)] !== p;
  }

  // --- Print summary --------------------------------------------------------------------------
  const printEl = byId('mp-print-summary');
  function printSummary(): void {
    const s = store.get();
    const parts: string[] = [];
    parts.push(s.countries.length ? `Countries: ${s.countries.map((c) => `${names(c)} (${c})`).join(s.countryMode === 'all' ? ' and ' : ' or ')}` : 'Countries: all');
    parts.push(s.types.length ? `Types: ${s.types.map((t) => TYPE_STYLES[t].label).join(', ')}` : 'Types: all');
    if (s.q) parts.push(`Search: “${s.q}”`);
    parts.push(`Window: ${formatDay(dateToDay(win[0]))} to ${formatDay(dateToDay(new Date(win[1].getTime() - 1)))}`);
    parts.push(`${plural(inView()[1] - inView()[0], 'event')} in view of ${plural(positions.length, 'matching event')}`);
    printEl.textContent = `${parts.join(' · ')}.`;
  }

  // --- URL -----------------------------------------------------------------------------------
  function writeUrl(how: 'push' | 'replace'): void {
    clearTimeout(urlTimer);
    const qs = serializeViewState(store.get());
    const url = `${location.pathname}${qs ? `?${qs}` : ''}${location.hash}`;
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    if (how === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }
  const FILTER_KEYS: ReadonlyArray<keyof ViewState> = ['countries', 'countryMode', 'types', 'q'];

  // --- The one subscriber: redraw what the change concerns ----------------------------------
  async function apply(s: Readonly<ViewState>, changed: Changed<ViewState> | 'all', meta: Meta): Promise<void> {
    const has = (k: keyof ViewState): boolean => changed === 'all' || changed.has(k);
    if (has('embed')) {
      if (s.embed) document.documentElement.dataset.embed = 'true';
      else delete document.documentElement.dataset.embed;
    }
    const filterChanged = FILTER_KEYS.some(has);
    if (filterChanged) {
      if (!(await refilter(s))) return;
      search.set(s.q);
      if (changed !== 'all') live.textContent = `${plural(positions.length, 'event')} match the filters.`;
    }
    if (filterChanged || has('group')) timeline?.setData(model, s.group, s.countries);
    // Window: the link's window; on a filter change keep the window unless it went empty.
    if ((has('from') || has('to')) && !meta.fromTimeline) {
      setWindow(s.from && s.to ? windowOfDays(s.from, s.to) : defaultWindow(), false);
    } else if (changed === 'all') {
      setWindow(defaultWindow(), false);
    } else if (filterChanged && positions.length) {
      const [lo, hi] = inView();
      if (hi === lo) setWindow(defaultWindow(), Boolean(s.from));
      else setWindow(win, false);
    } else if (filterChanged || has('group')) {
      setWindow(win, false);
    }
    if (has('event') || filterChanged) {
      const hidden = selectionHidden(s);
      if (hidden && s.event) {
        const id = s.event;
        notice('The selected event is hidden by the current filters.', {
          label: 'Show it',
          run: () => store.set({ countries: [], types: [], q: undefined, countryMode: 'any', event: id }, { history: 'push', reveal: true }),
        });
      } else if (noticeEl.dataset.kind === 'info' && noticeEl.textContent?.includes('hidden by the current filters')) clearNotice();
      const shown = hidden ? undefined : s.event;
      timeline?.select(selectedAt(shown), meta.reveal ?? changed === 'all');
      if (shown !== detailsFor || changed === 'all') void showDetails(shown);
      list.select(shown);
      if (shown && !timeline && (meta.reveal || changed === 'all')) {
        // No timeline yet: bring the event's day into the window for the list and status.
        const p = src.position(shown);
        if (p !== undefined) {
          const t = dayToDate(dayStr(compact.days[p]!)).getTime() + HALF_DAY_MS;
          if (t < win[0].getTime() || t >= win[1].getTime()) {
            const span = win[1].getTime() - win[0].getTime();
            setWindow([new Date(t - span / 2), new Date(t + span / 2)], false);
          }
        }
      }
    }
    printSummary();
    if (meta.history === 'push') writeUrl('push');
    else if (meta.history === 'replace') {
      clearTimeout(urlTimer);
      if (meta.fromTimeline) urlTimer = setTimeout(() => writeUrl('replace'), URL_DELAY_MS);
      else writeUrl('replace');
    }
  }
  let queue: Promise<void> = Promise.resolve();
  store.subscribe((s, changed, _prev, meta) => {
    queue = queue.then(() => apply(s, changed, meta)).catch((err: unknown) => console.error(err));
  });

  // --- Export, copy link, embed snippet -------------------------------------------------------
  const stamp = (): string => {
    const s = store.get();
    const parts = [s.countries.join('-'), s.types.join('-')].filter(Boolean).join('_');
    return `diplomatic-events${parts ? `_${parts.toLowerCase()}` : ''}`;
  };
  /** Full records of every filtered event (loads the chunks that hold them). */
  async function filteredRecords(): Promise<TimelineEvent[]> {
    await src.loadPositions(positions);
    return Array.from(positions, (p) => src.recordAt(p)).filter((e): e is TimelineEvent => Boolean(e));
  }
  byId('mp-export-csv').addEventListener('click', async () => download(`${stamp()}.csv`, 'text/csv;charset=utf-8', `\uFEFF${toCSV(await filteredRecords())}`));
  byId('mp-export-json').addEventListener('click', async () => {
    const [events, docs] = await Promise.all([filteredRecords(), src.documents()]);
    download(`${stamp()}.json`, 'application/json', toJSON(events, [...docs.values()]));
  });
  byId('mp-export-ics').addEventListener('click', async () =>
    download(`${stamp()}.ics`, 'text/calendar;charset=utf-8', toICS(await filteredRecords(), { name: 'Diplomatic events', siteUrl: new URL(withBase('/'), location.href).href, uidDomain: location.hostname || 'localhost' })),
  );
  const copyBtn = byId<HTMLButtonElement>('mp-copy');
  copyBtn.addEventListener('click', async () => {
    // The link carries the window too, even if the user has not panned yet.
    recordWindow();
    writeUrl('replace');
    const url = location.href;
    let ok = false;
    try {
      await navigator.clipboard.writeText(url);
      ok = true;
    } catch {
      const field = byId<HTMLInputElement>('mp-link');
      field.hidden = false;
      field.value = url;
      field.select();
    }
    copyBtn.dataset.copied = ok ? 'true' : 'false';
    live.textContent = ok ? 'Link copied to the clipboard.' : 'Copy the selected link.';
    byId('mp-copy-label').textContent = ok ? 'Link copied' : 'Copy link';
    setTimeout(() => {
      byId('mp-copy-label').textContent = 'Copy link';
      delete copyBtn.dataset.copied;
    }, 2500);
  });
  const embedCode = byId<HTMLTextAreaElement>('mp-embed-code');
  const embedSnippet = (): string => {
    const s = { ...store.get(), from: dateToDay(win[0]), to: dateToDay(new Date(win[1].getTime() - 1)), embed: true };
    const src2 = new URL(`${location.pathname}?${serializeViewState(s)}`, location.href).href;
    return `<iframe src="${src2.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" title="Diplomatic events timeline" width="100%" height="560" loading="lazy"></iframe>`;
  };
  byId('mp-embed-pop').addEventListener('toggle', () => {
    embedCode.value = embedSnippet();
  });
  byId('mp-embed-copy').addEventListener('click', async () => {
    embedCode.value = embedSnippet();
    embedCode.select();
    let ok = false;
    try {
      await navigator.clipboard.writeText(embedCode.value);
      ok = true;
    } catch {
      ok = false;
    }
    live.textContent = ok ? 'Embed code copied.' : 'Copy the selected embed code.';
    byId('mp-embed-copy').textContent = ok ? 'Copied' : 'Copy';
  });
  const fullView = byId<HTMLAnchorElement>('mp-full-view');
  const updateFullView = (): void => {
    const { embed: _e, ...rest } = store.get();
    fullView.href = `${location.pathname}${serializeViewState(rest) ? `?${serializeViewState(rest)}` : ''}`;
  };
  store.subscribe(updateFullView);
  updateFullView();

  // Save the overview or the map as SVG / PNG.
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-save]')) {
    b.addEventListener('click', () => {
      const which = b.dataset.save === 'map' ? 'mp-map' : 'mp-overview';
      const svg = document.querySelector<SVGSVGElement>(`#${which} svg`);
      if (!svg) {
        live.textContent = 'Nothing to save yet.';
        return;
      }
      const name = `diplomatic-events-${b.dataset.save}`;
      if (b.dataset.format === 'png') savePng(svg, name).catch((err: unknown) => (live.textContent = (err as Error).message));
      else saveSvg(svg, name);
    });
  }

  // Popovers (<details class="mp-pop">): close on a click outside, on Escape, and after an export.
  const pops = [...document.querySelectorAll<HTMLDetailsElement>('details.mp-pop')];
  document.addEventListener('click', (e) => {
    for (const d of pops) if (d.open && !d.contains(e.target as Node)) d.open = false;
  });
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    for (const d of pops) {
      if (d.open) {
        d.open = false;
        d.querySelector('summary')?.focus();
      }
    }
  });
  for (const b of document.querySelectorAll('.mp-menu__item')) {
    b.addEventListener('click', () => {
      const d = b.closest('details');
      if (d) d.open = false;
    });
  }

  /** The newest history step (a Back waiting for an id shard is dropped by a newer one). */
  let popGen = 0;
  window.addEventListener('popstate', () => {
    const next = parseViewState(location.search);
    const gen = ++popGen;
    void locateLinked(next).then(() => {
      if (gen === popGen) store.replace(sanitize(next, true), { history: 'none', reveal: true });
    });
  });

  // --- First paint without the timeline, then the timeline -----------------------------------
  await apply(store.get(), 'all', { history: 'none' });
  mark('first-apply');
  // A link that named unknown countries, half a window or an old id: the address bar says what is shown.
  writeUrl('replace');
  root.dataset.state = 'ready';

  wired = {
    deps: { names, record: (p) => src.recordAt(p), need },
    handlers: {
      onSelect(p) {
        // An item is drawn from its record: a selected item's record is loaded.
        const id = p === undefined ? undefined : src.recordAt(p)?.id;
        if (p !== undefined && id === undefined) return;
        store.set({ event: id }, { history: 'push' });
      },
      onRange(start, end, byUser, final) {
        if (!timeline) return;
        win = [start, end];
        overview.setWindow(start, end);
        if (final) {
          windowChanged();
          if (byUser || userWindow) {
            userWindow = false;
            recordWindow();
          }
        }
      },
      onMode(mode, n) {
        root.dataset.mode = mode;
        if (mode === 'counts') live.textContent = `${plural(n, 'event')} in view: showing counts. Zoom in to see single events.`;
      },
      onLanes(_shown, hidden) {
        lanesBtn.hidden = hidden === 0 && !allLanes;
        lanesBtn.textContent = allLanes ? 'Hide lanes with no events in this view' : `${plural(hidden, 'lane')} with no events in this view: show`;
        lanesBtn.setAttribute('aria-pressed', allLanes ? 'true' : 'false');
        lanesBtn.dataset.hidden = String(hidden);
      },
    },
  };
  timeline = await timelineBuilt.catch((err: unknown) => {
    // No timeline: the panels below it draw anyway.
    later.release();
    throw err;
  });
  mark('timeline-create');
  // Clicking the timeline gives it keyboard focus (arrows, +/-) without scrolling the page.
  wrap.addEventListener('pointerdown', () => {
    if (document.activeElement !== wrap) wrap.focus({ preventScroll: true });
  });
  /** The newest keyboard step (a step waiting for its chunk is dropped by a newer one). */
  let keyGen = 0;
  attachKeyboard(wrap, {
    timeline,
    selected: () => selectedAt(store.get().event),
    select(p) {
      // Walking with the arrow keys replaces the entry: Back should not replay every step.
      if (p === undefined) {
        store.set({ event: undefined }, { history: 'replace', reveal: true });
        live.textContent = 'Selection cleared';
        return;
      }
      // The id comes with the record: load the event's chunk first when it is not here yet.
      const gen = ++keyGen;
      const done = (ev: TimelineEvent | undefined): void => {
        if (gen !== keyGen || !ev) return;
        store.set({ event: ev.id }, { history: 'replace', reveal: true });
        live.textContent = `${ev.title}, ${formatEventDate(ev)}`;
      };
      const ready = src.recordAt(p);
      if (ready) done(ready);
      else {
        live.textContent = `Event of ${formatDay(dayStr(compact.days[p]!))}`;
        src.loadAt(p).then(done, () => undefined);
      }
    },
    openDetails,
    userWindow() {
      userWindow = true;
    },
  });
  const s = store.get();
  timeline.setData(model, s.group, s.countries);
  timeline.setWindow(win[0], win[1]);
  const shown = selectionHidden(s) ? undefined : s.event;
  timeline.select(selectedAt(shown), true);
  windowChanged();
  timelineEl.setAttribute('aria-busy', 'false');
  // The timeline draws once the window's records are here, on the next frame; the panels below
  // it after that.
  await timeline.settled();
  await afterPaint();
  later.release();
  await later.idle();
  root.dataset.timeline = 'ready';
  mark('timeline-ready');
  root.dataset.loadMs = String(Math.round(performance.now() - t0));
}

main().catch((err: unknown) => {
  const status = document.getElementById('mp-status');
  if (status) status.textContent = `Something went wrong while drawing the timeline: ${(err as Error).message}`;
  console.error(err);
});
