/**
 * The filter controls: countries (any-of / all-of), event types (the legend doubles as
 * the type filter), lane grouping. They report user choices as state patches; main.ts
 * pushes them to the URL (pushState: Back undoes a filter choice).
 */
import type { EventType } from '../lib/schema.ts';
import { TYPE_ORDER as EVENT_TYPES } from '../lib/colors.ts';
import type { ViewState } from '../lib/url-state.ts';
import { clear, el } from './dom.ts';

export interface FiltersContext {
  names(iso3: string): string;
  onChange(patch: Partial<ViewState>): void;
}

export interface FiltersView {
  /** Country list with counts over all events (from the data index). */
  setData(countries: ReadonlyArray<{ iso: string; name: string; count: number }>): void;
  /** Reflects a state; `typeCounts` are counts per type under the other filters. */
  update(state: ViewState, typeCounts: ReadonlyMap<EventType, number>): void;
}

/** The filter bar: finds its parts inside `root` (the controls form). */
export function createFilters(root: HTMLElement, ctx: FiltersContext): FiltersView {
  const part = <T extends HTMLElement>(sel: string): T => {
    const node = root.querySelector<T>(sel);
    if (!node) throw new Error(`filters: missing ${sel}`);
    return node;
  };
  const list = part<HTMLUListElement>('#mp-country-list');
  const find = part<HTMLInputElement>('#mp-country-find');
  const tags = part<HTMLUListElement>('#mp-active-countries');
  const modeBox = part<HTMLFieldSetElement>('#mp-mode');
  const countriesN = part('#mp-countries-n');
  const typesBox = part<HTMLElement>('#mp-type-list');
  const clearBtn = part<HTMLButtonElement>('#mp-clear');
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
  for (const r of root.querySelectorAll<HTMLInputElement>('input[name=mp-mode]')) {
    r.addEventListener('change', () => r.checked && ctx.onChange({ countryMode: r.value === 'all' ? 'all' : 'any' }));
  }
  for (const r of root.querySelectorAll<HTMLInputElement>('input[name=mp-group]')) {
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
  // The country list (about 200 rows) lives in a closed popover: it is built when the popover
  // opens, not on every state change (a link's first view does not wait for it).
  const pop = list.closest('details');
  let listDirty = true;
  pop?.addEventListener('toggle', () => {
    if (pop.open && listDirty) renderList();
  });
  let idleQueued = false;
  /** Rebuilds the list now when it can be seen, else when it is next opened or the page is idle. */
  function listChanged(): void {
    listDirty = true;
    if (!pop || pop.open) {
      renderList();
      return;
    }
    // Built anyway once the page is idle (find-in-page reaches into a closed popover).
    if (idleQueued || typeof requestIdleCallback !== 'function') return;
    idleQueued = true;
    requestIdleCallback(
      () => {
        idleQueued = false;
        if (listDirty) renderList();
      },
      { timeout: 5000 },
    );
  }
  part<HTMLButtonElement>('#mp-country-clear').addEventListener('click', () => ctx.onChange({ countries: [] }));
  clearBtn.addEventListener('click', () => ctx.onChange({ countries: [], types: [], countryMode: 'any', q: undefined }));

  function renderList(): void {
    listDirty = false;
    const chosen = new Set(state?.countries ?? []);
    const needle = find.value.trim().toLowerCase();
    clear(list);
    // Only countries of the data are offered (a link's unknown code is dropped by main.ts).
    for (const c of countries) {
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
    setData(list) {
      countries = list.map((c) => ({ code: c.iso, name: c.name, count: c.count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
      listChanged();
    },
    update(s, typeCounts) {
      state = s;
      listChanged();
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
      for (const r of root.querySelectorAll<HTMLInputElement>('input[name=mp-mode]')) r.checked = r.value === s.countryMode;
      for (const r of root.querySelectorAll<HTMLInputElement>('input[name=mp-group]')) r.checked = r.value === s.group;
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

