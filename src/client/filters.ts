/**
 * The filter controls: countries (any-of / all-of), event types (the legend doubles as
 * the type filter), lane grouping. They report user choices as state patches; main.ts
 * pushes them to the URL (pushState: Back undoes a filter choice).
 */
import type { EventType, TimelineEvent } from '../lib/schema.ts';
import { TYPE_ORDER as EVENT_TYPES } from '../lib/colors.ts';
import type { ViewState } from '../lib/url-state.ts';
import { clear, el, byId } from './dom.ts';

export interface FiltersContext {
  names(iso3: string): string;
  onChange(patch: Partial<ViewState>): void;
}

export interface FiltersView {
  /** Country list with counts over all events. */
  setData(events: readonly TimelineEvent[]): void;
  /** Reflects a state; `typeCounts` are counts per type under the other filters. */
  update(state: ViewState, typeCounts: ReadonlyMap<EventType, number>): void;
}

export function createFilters(ctx: FiltersContext): FiltersView {
  const list = byId<HTMLUListElement>('mp-country-list');
  const find = byId<HTMLInputElement>('mp-country-find');
  const tags = byId<HTMLUListElement>('mp-active-countries');
  const modeBox = byId<HTMLFieldSetElement>('mp-mode');
  const countriesN = byId('mp-countries-n');
  const typesBox = byId<HTMLElement>('mp-type-list');
  const clearBtn = byId<HTMLButtonElement>('mp-clear');
  let state: ViewState | undefined;
  let countries: Array<{ code: string; name: string; count: number }> = [];

  // Type chips: checkboxes; all checked = no type filter.
  for (const input of typesBox.querySelectorAll<HTMLInputElement>('input[type=checkbox][data-type]')) {
    input.addEventListener('change', () => {
      if (!state) return;
      const checked = [...typesBox.querySelectorAll<HTMLInputElement>('input[data-type]')].filter((i) => i.checked).map((i) => i.dataset.type as EventType);
      const types = checked.length === EVENT_TYPES.length || checked.length === 0 ? [] : EVENT_TYPES.filter((t) => checked.includes(t));
      ctx.onChange({ types });
    });
  }
  for (const input of typesBox.querySelectorAll<HTMLButtonElement>('button[data-only]')) {
    input.addEventListener('click', () => ctx.onChange({ types: [input.dataset.only as EventType] }));
  }
  for (const r of document.querySelectorAll<HTMLInputElement>('input[name=mp-mode]')) {
    r.addEventListener('change', () => r.checked && ctx.onChange({ countryMode: r.value === 'all' ? 'all' : 'any' }));
  }
  for (const r of document.querySelectorAll<HTMLInputElement>('input[name=mp-group]')) {
    r.addEventListener('change', () => r.checked && ctx.onChange({ group: r.value === 'type' ? 'type' : 'country' }));
  }
  list.addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement;
    if (!state || !input.dataset.country) return;
    const code = input.dataset.country;
    const set = new Set(state.countries);
    if (input.checked) set.add(code);
    else set.delete(code);
    ctx.onChange({ countries: [...set].sort() });
  });
  tags.addEventListener('click', (e) => {
    const b = (e.target as Element).closest<HTMLButtonElement>('button[data-remove]');
    if (!b || !state) return;
    ctx.onChange({ countries: state.countries.filter((c) => c !== b.dataset.remove) });
  });
  find.addEventListener('input', () => renderList());
  byId<HTMLButtonElement>('mp-country-clear').addEventListener('click', () => ctx.onChange({ countries: [] }));
  clearBtn.addEventListener('click', () => ctx.onChange({ countries: [], types: [], countryMode: 'any', q: undefined }));

  function renderList(): void {
    const chosen = new Set(state?.countries ?? []);
    const needle = find.value.trim().toLowerCase();
    clear(list);
    // Chosen countries not in the data (from a link) still show, so they can be unticked.
    const extra = [...chosen].filter((c) => !countries.some((x) => x.code === c)).map((code) => ({ code, name: ctx.names(code), count: 0 }));
    for (const c of [...extra, ...countries]) {
      if (needle && !c.name.toLowerCase().includes(needle) && !c.code.toLowerCase().includes(needle)) continue;
      const id = `mp-c-${c.code}`;
      const input = el('input', { type: 'checkbox', id, 'data-country': c.code });
      input.checked = chosen.has(c.code);
      list.append(
        el('li', {}, [
          input,
          el('label', { for: id }, [el('span', { class: 'mp-check__name' }, c.name), el('span', { class: 'mp-check__code' }, c.code), el('span', { class: 'mp-check__count' }, String(c.count))]),
        ]),
      );
    }
    if (!list.firstChild) list.append(el('li', { class: 'muted' }, 'No country matches.'));
  }

  return {
    setData(events) {
      const counts = new Map<string, number>();
      for (const ev of events) for (const c of new Set(ev.countries)) counts.set(c, (counts.get(c) ?? 0) + 1);
      countries = [...counts.entries()]
        .map(([code, count]) => ({ code, name: ctx.names(code), count }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
      renderList();
    },
    update(s, typeCounts) {
      state = s;
      renderList();
      countriesN.textContent = s.countries.length ? String(s.countries.length) : '';
      countriesN.hidden = !s.countries.length;
      clear(tags);
      for (const c of s.countries) {
        tags.append(
          el('li', {}, [
            el('span', {}, `${ctx.names(c)} `),
            el('span', { class: 'mp-tag__code' }, c),
            el('button', { type: 'button', 'data-remove': c, 'aria-label': `Remove ${ctx.names(c)} from the filter`, class: 'mp-tag__x' }, '×'),
          ]),
        );
      }
      modeBox.hidden = s.countries.length < 2;
      for (const r of document.querySelectorAll<HTMLInputElement>('input[name=mp-mode]')) r.checked = r.value === s.countryMode;
      for (const r of document.querySelectorAll<HTMLInputElement>('input[name=mp-group]')) r.checked = r.value === s.group;
      for (const input of typesBox.querySelectorAll<HTMLInputElement>('input[data-type]')) {
        const t = input.dataset.type as EventType;
        input.checked = !s.types.length || s.types.includes(t);
        const n = input.closest('li')?.querySelector('.mp-type__count');
        if (n) n.textContent = String(typeCounts.get(t) ?? 0);
      }
      clearBtn.hidden = !s.countries.length && !s.types.length && !s.q;
    },
  };
}

