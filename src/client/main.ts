/**
 * Wiring of the main page: loads the events (same-origin JSON, fetched after first paint),
 * keeps the view state in the URL and renders the timeline, overview, relations graph,
 * details panel and list from it.
 *
 * History: a new filter choice or selection is pushState (Back undoes it); zoom and pan
 * replace the current entry after a short pause; popstate restores the view.
 */
import type { DocumentEntry, EventType, TimelineEvent } from '../lib/schema.ts';
import { TYPE_ORDER as EVENT_TYPES } from '../lib/colors.ts';
import { defaultViewState, parseViewState, sameFilter, serializeViewState, type ViewState } from '../lib/url-state.ts';
import { densestWindow, filterEvents, matchesView, queryTerms } from '../lib/filter.ts';
import { toCSV, toICS, toJSON } from '../lib/export.ts';
import { withBase } from '../lib/seo.ts';
import { createTimeline } from './timeline.ts';
import { createOverview } from './overview.ts';
import { createRelations } from './relations.ts';
import { renderDetails } from './details.ts';
import { createList } from './list.ts';
import { createFilters } from './filters.ts';
import { createSearch } from './search.ts';
import { attachKeyboard } from './keyboard.ts';
import { dateToDay, dayToDate, formatDay, plural } from './format.ts';
import { byId } from './dom.ts';

const DAY_MS = 86_400_000;
const URL_DELAY_MS = 350;
/** Above this many filtered events the timeline follows the brush when it is released. */
const LIVE_BRUSH_LIMIT = 2000;

/** Keeps only entries shaped like events (the file was validated at build time; this guards odd hosts). */
function looksLikeEvent(x: unknown): x is TimelineEvent {
  if (!x || typeof x !== 'object') return false;
  const e = x as Record<string, unknown>;
  return (
    typeof e.id === 'string' &&
    typeof e.title === 'string' &&
    typeof e.date === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(e.date) &&
    typeof e.type === 'string' &&
    (EVENT_TYPES as readonly string[]).includes(e.type) &&
    Array.isArray(e.countries) &&
    Array.isArray(e.actors) &&
    Array.isArray(e.organizations) &&
    Array.isArray(e.sources) &&
    e.sources.length > 0
  );
}

async function fetchJson(path: string): Promise<unknown> {
  const res = await fetch(withBase(path), { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function main(): Promise<void> {
  const root = byId('mp-app');
  const status = byId('mp-status');
  const live = byId('mp-live');
  const t0 = performance.now();
  let raw: unknown;
  let nameMap: Record<string, string> = {};
  try {
    const [ev, names] = await Promise.all([fetchJson('/data/events.json'), fetchJson('/data/countries.json').catch(() => ({}))]);
    raw = ev;
    nameMap = (names && typeof names === 'object' ? names : {}) as Record<string, string>;
  } catch (err) {
    root.dataset.state = 'error';
    status.setAttribute('role', 'alert');
    status.textContent = `The timeline could not load its data (${(err as Error).message}). The list below still shows every event.`;
    return;
  }
  const file = (raw && typeof raw === 'object' ? raw : {}) as { events?: unknown; documents?: unknown };
  const events: TimelineEvent[] = Array.isArray(file.events) ? file.events.filter(looksLikeEvent) : [];
  const documents = new Map<string, DocumentEntry>(
    (Array.isArray(file.documents) ? (file.documents as DocumentEntry[]) : []).filter((d) => d && typeof d.id === 'string').map((d) => [d.id, d]),
  );
  const byEventId = new Map(events.map((e) => [e.id, e]));
  const names = (iso3: string): string => (typeof nameMap[iso3] === 'string' ? nameMap[iso3]! : iso3);

  let state: ViewState = defaultViewState();
  let filtered: TimelineEvent[] = [];
  /** The next window change comes from the user (brush, keyboard), so it goes to the URL. */
  let userWindow = false;
  let urlTimer: ReturnType<typeof setTimeout> | undefined;

  const timelineEl = byId('mp-timeline');
  const timeline = createTimeline(timelineEl, names, {
    onSelect(id) {
      setState({ ...state, event: id }, 'push', { reveal: false });
    },
    onRange(start, end, byUser, final) {
      overview.setWindow(start, end);
      if (final) {
        updateStatus();
        if (byUser || userWindow) {
          userWindow = false;
          state = { ...state, from: dateToDay(start), to: dateToDay(new Date(end.getTime() - 1)) };
          scheduleUrl();
        }
      }
    },
    onMode(mode, n) {
      root.dataset.mode = mode;
      if (mode === 'counts') live.textContent = `${plural(n, 'event')} in view: showing counts. Zoom in to see single events.`;
    },
  });
  const overview = createOverview(byId('mp-overview'), {
    onBrush(start, end, final) {
      // With many events, follow the brush on release only: each intermediate window would
      // make vis-timeline re-measure every box.
      if (!final && filtered.length > LIVE_BRUSH_LIMIT) return;
      userWindow = true;
      timeline.setWindow(start, end, false, final);
      if (!final) userWindow = true;
    },
  });
  const relations = createRelations(byId('mp-relations'), names, {
    onToggleCountry(iso3) {
      const set = new Set(state.countries);
      if (set.has(iso3)) set.delete(iso3);
      else set.add(iso3);
      setState({ ...state, countries: [...set].sort() }, 'push');
    },
  });
  const detailsEl = byId('mp-details');
  const list = createList(byId('mp-list'), byId('mp-list-count'), {
    names,
    onPick(id) {
      setState({ ...state, event: id }, 'push', { reveal: true });
      detailsEl.scrollIntoView({ block: 'nearest' });
      byId('det-title').focus({ preventScroll: true });
    },
  });
  const filters = createFilters({
    names,
    onChange(patch) {
      setState({ ...state, ...patch }, 'push');
    },
  });
  const search = createSearch((q, push) => setState({ ...state, q }, push ? 'push' : 'replace'));
  // Clicking the timeline gives it keyboard focus (arrows, +/-) without scrolling the page.
  const wrap = byId('mp-timeline-wrap');
  wrap.addEventListener('pointerdown', () => {
    if (document.activeElement !== wrap) wrap.focus({ preventScroll: true });
  });
  attachKeyboard(wrap, {
    timeline,
    selected: () => state.event,
    select(id) {
      // Walking with the arrow keys replaces the entry: Back should not replay every step.
      setState({ ...state, event: id }, 'replace', { reveal: true });
      const ev = id ? byEventId.get(id) : undefined;
      live.textContent = ev ? `${ev.title}, ${formatDay(ev.date)}` : 'Selection cleared';
    },
    openDetails() {
      detailsEl.scrollIntoView({ block: 'nearest' });
      document.getElementById('det-title')?.focus({ preventScroll: true });
    },
    userWindow() {
      userWindow = true;
    },
  });

  function writeUrl(how: 'push' | 'replace'): void {
    clearTimeout(urlTimer);
    const qs = serializeViewState(state);
    const url = `${location.pathname}${qs ? `?${qs}` : ''}${location.hash}`;
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    if (how === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }
  function scheduleUrl(): void {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => writeUrl('replace'), URL_DELAY_MS);
  }

  function typeCounts(s: ViewState): Map<EventType, number> {
    const counts = new Map<EventType, number>();
    const terms = queryTerms(s.q);
    const noTypes = { ...s, types: [] };
    for (const ev of events) if (matchesView(ev, noTypes, terms)) counts.set(ev.type, (counts.get(ev.type) ?? 0) + 1);
    return counts;
  }

  function windowFor(s: ViewState): [Date, Date] | undefined {
    if (s.from && s.to) return [dayToDate(s.from), new Date(dayToDate(s.to).getTime() + DAY_MS)];
    const w = densestWindow(filtered.length ? filtered : events);
    if (!w) return undefined;
    let a = dayToDate(w.from).getTime();
    // Item labels run to the right of their date: leave room after the last event.
    let b = dayToDate(w.to).getTime() + DAY_MS;
    b += (b - a) * 0.2;
    const sel = s.event ? byEventId.get(s.event) : undefined;
    if (sel) {
      const t = dayToDate(sel.date).getTime() + DAY_MS / 2;
      if (t < a || t > b - (b - a) * 0.25) {
        const span = b - a;
        [a, b] = [t - span * 0.6, t + span * 0.4];
      }
    }
    return [new Date(a), new Date(b)];
  }

  function updateStatus(): void {
    // The window as days, for tests and for anyone reading the DOM.
    const w = timeline.getWindow();
    timelineEl.dataset.from = dateToDay(w.start);
    timelineEl.dataset.to = dateToDay(new Date(w.end.getTime() - 1));
    const inView = timeline.visibleEventCount();
    const parts = [`${plural(filtered.length, 'event')} of ${events.length.toLocaleString('en')}`, `${inView.toLocaleString('en')} in view`];
    if (timeline.mode() === 'counts') parts.push('showing counts per period: zoom in for single events');
    status.textContent = parts.join(' · ');
  }

  /** Applies a new state to every view; `how` says what happens to the URL. */
  function setState(next: ViewState, how: 'push' | 'replace' | 'none', opts: { reveal?: boolean; first?: boolean } = {}): void {
    const prev = state;
    state = next;
    const filterChanged = opts.first || !sameFilter(prev, next);
    const groupChanged = opts.first || prev.group !== next.group;
    if (filterChanged) filtered = filterEvents(events, next);
    if (state.event && !byEventId.has(state.event)) state = { ...state, event: undefined };
    if (filterChanged || groupChanged) {
      timeline.setEvents(filtered, next.group, next.countries);
    }
    if (filterChanged) {
      overview.setEvents(filtered);
      relations.setEvents(filtered, next.countries);
      list.setEvents(filtered);
      filters.update(state, typeCounts(state));
      search.set(state.q);
      if (!opts.first) live.textContent = `${plural(filtered.length, 'event')} match the filters.`;
    }
    // Window: restore the link's window; on a filter change keep the window unless it went empty.
    const windowChanged = prev.from !== state.from || prev.to !== state.to;
    if (opts.first || (how === 'none' && windowChanged)) {
      const w = windowFor(state);
      if (w) timeline.setWindow(w[0], w[1]);
    } else if (filterChanged && filtered.length && timeline.visibleEventCount() === 0) {
      const w = densestWindow(filtered);
      if (w) {
        userWindow = Boolean(state.from);
        timeline.setWindow(dayToDate(w.from), new Date(dayToDate(w.to).getTime() + DAY_MS));
      }
    }
    if (opts.first || prev.event !== state.event || filterChanged || groupChanged) {
      timeline.select(state.event, opts.reveal ?? opts.first ?? false);
      const ev = state.event ? byEventId.get(state.event) : undefined;
      if (opts.first || prev.event !== state.event) {
        renderDetails(detailsEl, ev, {
          names,
          documents,
          all: events,
          onPick: (id) => setState({ ...state, event: id }, 'push', { reveal: true }),
          onClose: () => setState({ ...state, event: undefined }, 'push'),
        });
      }
      list.select(state.event);
    }
    const w = timeline.getWindow();
    overview.setWindow(w.start, w.end);
    updateStatus();
    if (how !== 'none') writeUrl(how);
  }

  // Export and copy link.
  const stamp = (): string => {
    const parts = [state.countries.join('-'), state.types.join('-')].filter(Boolean).join('_');
    return `diplomatic-events${parts ? `_${parts.toLowerCase()}` : ''}`;
  };
  byId('mp-export-csv').addEventListener('click', () => download(`${stamp()}.csv`, 'text/csv;charset=utf-8', toCSV(filtered)));
  byId('mp-export-json').addEventListener('click', () => download(`${stamp()}.json`, 'application/json', toJSON(filtered, [...documents.values()])));
  byId('mp-export-ics').addEventListener('click', () =>
    download(`${stamp()}.ics`, 'text/calendar;charset=utf-8', toICS(filtered, { name: 'Diplomatic events', siteUrl: new URL(withBase('/'), location.href).href, uidDomain: location.hostname || 'localhost' })),
  );
  const copyBtn = byId<HTMLButtonElement>('mp-copy');
  copyBtn.addEventListener('click', async () => {
    // The link carries the window too, even if the user has not panned yet.
    const w = timeline.getWindow();
    state = { ...state, from: dateToDay(w.start), to: dateToDay(new Date(w.end.getTime() - 1)) };
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

  window.addEventListener('popstate', () => {
    setState(parseViewState(location.search), 'none', { reveal: true });
  });

  filters.setData(events);
  root.dataset.state = 'ready';
  setState(parseViewState(location.search), 'none', { first: true });
  const ms = Math.round(performance.now() - t0);
  root.dataset.loadMs = String(ms);
  timelineEl.setAttribute('aria-busy', 'false');
}

main().catch((err: unknown) => {
  const status = document.getElementById('mp-status');
  if (status) status.textContent = `Something went wrong while drawing the timeline: ${(err as Error).message}`;
  console.error(err);
});
