/**
 * Where the clusterer looks for candidate events (merge.ts `clusterWithCopies`) and where it files
 * them: by type group, day and state or organisation, within a window of days. Shared with the
 * partition into independent blocks (merge/blocks.ts), so the two can never disagree about which
 * reports may meet.
 */
import rules from '../../data/merge-rules.json' with { type: 'json' };
import type { ExtractedEvent } from '../types.ts';

/** How far apart (days) two reports of one event may be dated (copies of one sentence are found by text). */
export const SEARCH_WINDOW = Math.max(rules.weakEvidenceWindowDays, rules.approximateWindowDays);

const WEAK = new Set<string>(rules.weakEvidence);

/** A report whose day may differ from another report's of the same event (see datesCompatible). */
export function isLoose(ev: ExtractedEvent): boolean {
  return ev.datePrecision === 'approximate' || WEAK.has(ev.dateEvidence);
}

/**
 * Index prefixes a report is filed under: "a|group|day|" for every report and, for a loosely dated
 * one (publication day, approximate), also "l|group|day|", the only ones a firmly dated report may
 * meet on another day.
 */
export function filePrefixes(ev: ExtractedEvent, group: string): string[] {
  return isLoose(ev) ? [`a|${group}|${ev.date}|`, `l|${group}|${ev.date}|`] : [`a|${group}|${ev.date}|`];
}

/** Keys a report is filed under within a prefix: its exact set of states, each state, each organisation. */
export function fileKeys(ev: ExtractedEvent): string[] {
  const out = [`s:${ev.countries.join(',')}`];
  for (const c of ev.countries) out.push(`c:${c}`);
  for (const o of ev.organizations) out.push(`o:${o}`);
  return out;
}

/** Index keys under which a compatible report may be found (see countriesCompatible). */
export function lookupKeys(ev: ExtractedEvent): string[] {
  const orgs = ev.organizations.map((o) => `o:${o}`);
  const n = ev.countries.length;
  if (n === 0) return orgs;
  if (n === 1 || rules.maxExtraCountriesWhenBothNamed > 0) return [...ev.countries.map((c) => `c:${c}`), ...orgs];
  return [`s:${ev.countries.join(',')}`, ...ev.countries.map((c) => `s:${c}`), ...orgs];
}

const windowCache = new Map<string, string[]>();
/** The days from SEARCH_WINDOW before `day` to SEARCH_WINDOW after it (the day itself in the middle). */
export function windowDays(day: string): string[] {
  let out = windowCache.get(day);
  if (out === undefined) {
    const t = Date.parse(`${day}T00:00:00Z`);
    out = [];
    for (let d = -SEARCH_WINDOW; d <= SEARCH_WINDOW; d++) {
      out.push(Number.isNaN(t) ? (d === 0 ? day : `${day}~${d}`) : new Date(t + d * 86_400_000).toISOString().slice(0, 10));
    }
    if (windowCache.size > 100_000) windowCache.clear();
    windowCache.set(day, out);
  }
  return out;
}

const prefixCache = new Map<string, string[]>();
/**
 * Index prefixes of the day window around `day`: "a|group|day|" for the day itself and, for a
 * loosely dated report, every day; "l|group|day|" (loosely dated reports only) for the others.
 */
export function windowPrefixes(day: string, group: string, loose: boolean): string[] {
  const key = `${loose ? 'a' : 'l'}|${group}|${day}`;
  let out = prefixCache.get(key);
  if (out === undefined) {
    out = windowDays(day).map((d, i) => `${i === SEARCH_WINDOW || loose ? 'a' : 'l'}|${group}|${d}|`);
    if (prefixCache.size > 100_000) prefixCache.clear();
    prefixCache.set(key, out);
  }
  return out;
}
