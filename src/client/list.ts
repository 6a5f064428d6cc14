/**
 * The plain, semantic list of the events in view (the filtered events inside the timeline's
 * window: the same count the timeline's status gives) below the timeline. The page renders
 * the first rows at build time (src/components/EventList.astro) so it works without
 * JavaScript; this module re-renders it for the current filter and window, from the records
 * of the loaded chunks (asking for the missing ones).
 */
import type { TimelineEvent } from '../lib/schema.ts';
import { TYPE_STYLES, typeClass } from '../lib/colors.ts';
import { eventPath, withBase } from '../lib/seo.ts';
import { formatEventDate, formatMonth, plural } from './format.ts';
import { clear, el } from './dom.ts';

/** Rows rendered at once; a button shows more. Keeps 20,000-event views fast. */
export const LIST_PAGE = 300;

export interface ListContext {
  names(iso3: string): string;
  onPick(id: string): void;
  /** The record of a compact position, when its chunk is loaded. */
  record(position: number): TimelineEvent | undefined;
  /** Loads the records of these days (day numbers); resolves when they are in memory. */
  need(fromDay: number, toDay: number): Promise<void>;
}

function row(ev: TimelineEvent, names: (c: string) => string, selected: boolean): HTMLLIElement {
  const style = TYPE_STYLES[ev.type];
  const meta = [el('span', { class: `type-badge ${typeClass(ev.type)}` }, [el('span', { class: 'type-symbol', 'aria-hidden': 'true' }, style.symbol), style.label])];
  if (ev.countries.length) meta.push(el('span', { class: 'ev-countries' }, ev.countries.map(names).join(', ')));
  if (ev.actors.length) meta.push(el('span', { class: 'ev-actors' }, ev.actors.map((a) => a.name).join(', ')));
  return el('li', { class: `ev ${typeClass(ev.type)}${selected ? ' is-selected' : ''}`, 'data-event-id': ev.id }, [
    el('time', { datetime: ev.date }, formatEventDate(ev)),
    el('div', {}, [el('p', { class: 'event-list__title' }, el('a', { href: withBase(eventPath(ev.id)), 'data-event-id': ev.id }, ev.title)), el('p', { class: 'event-list__meta' }, meta)]),
  ]);
}

/** Chronological order (date, then id), the order of the timeline. */
export function chronological(events: readonly TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The list component: finds its parts inside `root` (the section holding #mp-list). */
export function createList(root: HTMLElement, ctx: ListContext) {
  const listEl = root.querySelector<HTMLElement>('#mp-list') ?? root;
  const countEl = root.querySelector<HTMLElement>('#mp-list-count');
  const titleEl = root.querySelector<HTMLElement>('#mp-list-title');
  let shown = LIST_PAGE;
  /** Compact positions of the events in view. */
  let positions: ArrayLike<number> = [];
  let days: ArrayLike<number> = [];
  let selected: string | undefined;
  let emptyText = 'No events match these filters.';
  let generation = 0;

  listEl.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[data-event-id]');
    if (!a || !(e instanceof MouseEvent) || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    ctx.onPick(a.getAttribute('data-event-id') ?? '');
  });

  function render(): void {
    const n = Math.min(shown, positions.length);
    // Records first: ask for the missing chunks and draw once they are here.
    let missing = false;
    for (let i = 0; i < n && !missing; i++) if (!ctx.record(positions[i]!)) missing = true;
    if (missing) {
      const gen = ++generation;
      listEl.setAttribute('aria-busy', 'true');
      ctx
        .need(days[0]!, days[n - 1]!)
        .then(() => {
          if (gen === generation) draw(n);
        })
        .catch(() => {
          if (gen === generation) draw(n);
        });
      return;
    }
    generation++;
    draw(n);
  }

  function draw(n: number): void {
    listEl.removeAttribute('aria-busy');
    clear(listEl);
    let month = '';
    let ol: HTMLOListElement | undefined;
    for (let i = 0; i < n; i++) {
      const ev = ctx.record(positions[i]!);
      if (!ev) continue;
      const m = ev.date.slice(0, 7);
      if (m !== month || !ol) {
        month = m;
        const id = `list-${m}`;
        ol = el('ol', { class: 'event-list' });
        listEl.append(el('section', { class: 'ev-month', 'aria-labelledby': id }, [el('h3', { class: 'month-heading', id }, formatMonth(ev.date)), ol]));
      }
      ol.append(row(ev, ctx.names, ev.id === selected));
    }
    if (!positions.length) listEl.append(el('p', { class: 'muted ev-none' }, emptyText));
    if (n < positions.length) {
      const more = el('button', { type: 'button', class: 'button ev-more' }, `Show ${Math.min(LIST_PAGE, positions.length - n).toLocaleString('en')} more of ${plural(positions.length - n, 'remaining event')}`);
      more.addEventListener('click', () => {
        shown += LIST_PAGE;
        render();
      });
      listEl.append(more);
    }
  }

  return {
    /** The events in view, in day order (compact positions and their day numbers). */
    setEvents(next: ArrayLike<number>, nextDays: ArrayLike<number>, empty: string): void {
      let same = next.length === positions.length;
      for (let i = 0; same && i < next.length; i++) same = next[i] === positions[i];
      positions = next;
      days = nextDays;
      emptyText = empty;
      if (titleEl) titleEl.textContent = 'Events in this view';
      if (countEl) countEl.textContent = plural(positions.length, 'event');
      if (same && listEl.dataset.rendered === 'true') return;
      listEl.dataset.rendered = 'true';
      shown = LIST_PAGE;
      render();
    },
    select(id: string | undefined): void {
      selected = id;
      for (const li of listEl.querySelectorAll('li.is-selected')) li.classList.remove('is-selected');
      if (!id) return;
      for (const li of listEl.querySelectorAll<HTMLElement>('li[data-event-id]')) {
        if (li.dataset.eventId === id) li.classList.add('is-selected');
      }
    },
  };
}
