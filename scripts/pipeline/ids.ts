/**
 * Stable event ids, derived only from the event's own content:
 *
 *   <date>-<type>-<countries>[-<surnames>]      e.g. 2025-07-15-meeting-chn-rus-jinping-lavrov
 *
 * - countries: sorted ISO alpha-3 codes, lower case, then the organisations taking part ("none" if neither);
 * - surnames: the last word of each named person taking part, sorted, at most a few
 *   (the disambiguator: it tells "Lavrov meets Xi" from "Lavrov meets Wang Yi" on one day
 *   without looking at any other document).
 * Nothing depends on file order, on other documents or on a counter, so adding, removing or
 * reordering an unrelated article leaves an id unchanged. Two different events that still
 * get the same id are told apart by `assignIds` with -2, -3... in a fixed content order.
 */
import type { Actor } from './types.ts';
import rules from '../data/merge-rules.json' with { type: 'json' };
import { isPerson, surname } from './merge/names.ts';
import { sortStrings } from './sort.ts';

/** The fields an id is made of. */
export interface IdFields {
  type: string;
  date: string;
  countries: string[];
  organizations: string[];
  actors: Actor[];
}

/** Lower-case ASCII slug: diacritics dropped, runs of other characters become one '-'. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|(?<!-)-+$/g, '');
}

/** FNV-1a 32-bit hash of a string, in base 36: short, deterministic, dependency-free. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The id an event gets before collisions are resolved. */
export function baseId(ev: IdFields): string {
  const countries = sortStrings([...new Set(ev.countries)]).map((c) => c.toLowerCase());
  const orgs = sortStrings([...new Set(ev.organizations.map(slugify).filter(Boolean))]);
  const who = [...countries, ...orgs].join('-') || 'none';
  const names = sortStrings([...new Set(ev.actors.filter(isPerson).map((a) => slugify(surname(a.name))).filter(Boolean))]);
  const shown = names.slice(0, rules.idActorSlugMax);
  if (names.length > shown.length) shown.push('etal');
  const parts = [ev.date, slugify(ev.type) || 'event', who, ...shown];
  const id = parts.join('-');
  if (id.length <= rules.idMaxLength) return id;
  // Very long ids (a 20-country summit) keep their head and get a hash of the whole.
  return `${id.slice(0, rules.idMaxLength - 8).replace(/(?<!-)-+$/, '')}-${shortHash(id)}`;
}

/**
 * Gives each event its id: `baseId`, and for events that share one, a suffix -2, -3...
 * in the order of `orderKey` (a content key such as the earliest source), so the result
 * does not depend on the order of the input array. Ids already taken (e.g. by curated
 * events) are listed in `taken` and are skipped over.
 */
export function assignIds<T extends IdFields>(
  events: T[],
  orderKey: (ev: T) => string,
  taken: ReadonlySet<string> = new Set(),
): (T & { id: string })[] {
  const groups = new Map<string, T[]>();
  for (const ev of events) {
    const id = baseId(ev);
    const g = groups.get(id);
    if (g) g.push(ev);
    else groups.set(id, [ev]);
  }
  const used = new Set(taken);
  const withIds = new Map<T, string>();
  for (const [id, group] of [...groups].sort((a, b) => cmp(a[0], b[0]))) {
    const ordered = [...group].sort((a, b) => cmp(orderKey(a), orderKey(b)));
    let n = 1;
    for (const ev of ordered) {
      let candidate = n === 1 ? id : `${id}-${n}`;
      while (used.has(candidate)) candidate = `${id}-${++n}`;
      used.add(candidate);
      withIds.set(ev, candidate);
      n++;
    }
  }
  return events.map((ev) => ({ ...ev, id: withIds.get(ev)! }));
}

/** Plain code-unit string comparison (locale-independent, so output is byte-stable). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
