/**
 * The plain, semantic list of the filtered events below the timeline. The page renders
 * the same markup at build time (src/components/EventList.astro) so it works without
 * JavaScript; this module re-renders it for the current filter.
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
}

function row(ev: TimelineEvent, names: (c: string) => string, selected: boolean): HTMLLIElement {
  const style = TYPE_STYLES[ev.type];
  const meta = [
    el('span', { class: `type-badge ${typeClass(ev.type)}` }, [el('span', { class: 'type-symbol', 'aria-hidden': 'true' }, style.symbol), style.label]),
  ];
  if (ev.countries.length) meta.push(el('span', { class: 'ev-countries' }, ev.countries.map(names).join(', ')));
  if (ev.actors.length) meta.push(el('span', { class: 'ev-actors' }, ev.actors.map((a) => a.name).join(', ')));
  return el('li', { class: `ev ${typeClass(ev.type)}${selected ? ' is-selected' : ''}`, 'data-event-id': ev.id }, [
    el('time', { datetime: ev.date }, formatEventDate(ev)),
    el('div', {}, [
      el('p', { class: 'event-list__title' }, el('a', { href: withBase(eventPath(ev.id)), 'data-event-id': ev.id }, ev.title)),
      el('p', { class: 'event-list__meta' }, meta),
    ]),
  ]);
}

/** Chronological order (date, then id), the order of the timeline. */
export function chronological(events: readonly TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function createList(root: HTMLElement, countEl: HTMLElement, ctx: ListContext) {
  let shown = LIST_PAGE;
  let current: TimelineEvent[] = [];
  let selected: string | undefined;

  root.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[data-event-id]');
    if (!a || !(e instanceof MouseEvent) || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    ctx.onPick(a.getAttribute('data-event-id') ?? '');
  });

  function render(): void {
    clear(root);
    let month = '';
    let ol: HTMLOListElement | undefined;
    const n = Math.min(shown, current.length);
    for (let i = 0; i < n; i++) {
      const ev = current[i]!;
      const m = ev.date.slice(0, 7);
      if (m !== month || !ol) {
        month = m;
        const id = `list-${m}`;
        ol = el('ol', { class: 'event-list' });
        root.append(el('section', { class: 'ev-month', 'aria-labelledby': id }, [el('h3', { class: 'month-heading', id }, formatMonth(ev.date)), ol]));
      }
      ol.append(row(ev, ctx.names, ev.id === selected));
    }
    if (!current.length) root.append(el('p', { class: 'muted ev-none' }, 'No events match these filters.'));
    if (n < current.length) {
      const more = el('button', { type: 'button', class: 'button ev-more' }, `Show ${Math.min(LIST_PAGE, current.length - n).toLocaleString('en')} more of ${plural(current.length - n, 'remaining event')}`);
      more.addEventListener('click', () => {
        shown += LIST_PAGE;
        render();
      });
      root.append(more);
    }
    countEl.textContent = plural(current.length, 'event');
  }

  return {
    setEvents(events: readonly TimelineEvent[]): void {
      current = chronological(events);
      shown = LIST_PAGE;
      render();
    },
    select(id: string | undefined): void {
      selected = id;
      for (const li of root.querySelectorAll('li.is-selected')) li.classList.remove('is-selected');
      if (!id) return;
      for (const li of root.querySelectorAll<HTMLElement>('li[data-event-id]')) {
        if (li.dataset.eventId === id) li.classList.add('is-selected');
      }
    },
  };
}
