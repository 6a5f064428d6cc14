/**
 * Merge stage: reports of one real event, within one document ("Xi met Lavrov" said three
 * times) or across documents (five outlets, one syndicated copy), become one timeline event
 * listing every source. Pure and order-independent: the input is put in a fixed content
 * order first, so shuffling it changes nothing.
 *
 * Clustering is greedy: reports naming more states first, then the firmest dated and most
 * detailed; each joins the most similar existing event that accepts it (merge/cluster.ts: its
 * states fit the event's, and it is compatible in type, people and day with every member, see
 * merge/same-event.ts), or starts a new one. Checking every member stops chains such as
 * "RUS+TUR call" <- "RUS call" -> "RUS+IRN call" from fusing two calls.
 */
import { retitleMerged } from './title.ts';
import type { Source, TimelineEvent } from '../../src/lib/schema.ts';
import type { ExtractedEvent } from './types.ts';
import type { TraceStep } from './trace.ts';
import { actingStates } from './merge/direction.ts';
import rules from '../data/merge-rules.json' with { type: 'json' };
import { assignIds, cmp } from './ids.ts';
import { isPerson, mergeActors } from './merge/names.ts';
import { Cluster } from './merge/cluster.ts';
import { collapseCopies } from './merge/copies.ts';
import { reportSentenceKey, SPLIT_TYPES, typeGroup } from './merge/same-event.ts';

const RANK: Record<string, number> = rules.evidenceRank;
/** How far apart (days) two reports of one event may be dated (copies of one sentence are found by text). */
const SEARCH_WINDOW = Math.max(rules.weakEvidenceWindowDays, rules.approximateWindowDays);

export function evidenceRank(evidence: string): number {
  return RANK[evidence] ?? 0;
}

/** Order of reports for clustering: firm dates first, then detail. */
export function specificity(ev: ExtractedEvent): number {
  return dateStrength(ev) * 1000 + detail(ev);
}

/** How firm a report's date is: its evidence, and a day over an approximate date. */
function dateStrength(ev: ExtractedEvent): number {
  return evidenceRank(ev.dateEvidence) * 2 + (ev.datePrecision === 'day' ? 1 : 0);
}

/** How much a report says about the event itself: people, states, organisations, place. */
export function detail(ev: ExtractedEvent): number {
  let people = 0;
  for (const a of ev.actors) if (isPerson(a)) people++;
  return (
    people * 10 +
    ev.actors.length * 2 +
    ev.countries.length * 4 +
    ev.organizations.length * 2 +
    (ev.location ? 3 : 0) +
    Math.max(0, Math.min(1, ev.confidence))
  );
}

const keyCache = new WeakMap<ExtractedEvent, string>();

/** A total order over reports that depends on content only (never on input position). */
function contentKey(ev: ExtractedEvent): string {
  let k = keyCache.get(ev);
  if (k === undefined) {
    k = computeContentKey(ev);
    keyCache.set(ev, k);
  }
  return k;
}

function computeContentKey(ev: ExtractedEvent): string {
  const s = ev.source;
  return [
    ev.date,
    ev.type,
    ev.countries.join(','),
    s.document,
    String(s.start).padStart(10, '0'),
    String(s.trigger?.start ?? 0).padStart(10, '0'),
    String(s.end).padStart(10, '0'),
    ev.title,
    JSON.stringify(ev.actors),
    ev.organizations.join(','),
  ].join('\u0000');
}

/** One entry per sentence: (document, start, end). */
function sourceKey(s: Source): string {
  return [s.document, String(s.start).padStart(10, '0'), String(s.end).padStart(10, '0')].join('\u0000');
}

/** Groups reports into clusters, one per real event. */
export function clusterEvents(events: ExtractedEvent[]): ExtractedEvent[][] {
  return clusterWithCopies(events).clusters;
}

/** `clusterEvents`, also telling which reports are copies in reprints (see merge/copies.ts). */
export function clusterWithCopies(events: ExtractedEvent[]): {
  clusters: ExtractedEvent[][];
  copies: Set<ExtractedEvent>;
  /** For traced reports only: the events each was kept apart from, and why. */
  keptApart: Map<ExtractedEvent, TraceStep[]>;
} {
  const keptApart = new Map<ExtractedEvent, TraceStep[]>();
  // Copies of one sentence in reprints follow their original and take no part in clustering.
  const { originals, copiesOf } = collapseCopies(events.map(normalized), (a, b) => cmp(contentKey(a), contentKey(b)));
  const copies = new Set<ExtractedEvent>();
  for (const list of copiesOf.values()) for (const c of list) copies.add(c);
  // Reports naming more states first, so that they found the events and one-state fragments
  // join them; then the most specific first, so that vague reports find the best match.
  const ordered = originals
    .map((ev) => ({ ev, n: new Set(ev.countries).size, key: contentKey(ev), spec: specificity(ev) }))
    .sort((a, b) => b.n - a.n || b.spec - a.spec || cmp(a.key, b.key))
    .map((x) => x.ev);

  const clusters: Cluster[] = [];
  // Index: clusters by (day, exact set of states), (day, one state), (day, organisation) and by
  // sentence text, so that a report is compared only with reports it could be compatible with.
  // Two levels (prefix "a|group|day|" -> key "s:..", "c:..", "o:..") so that a lookup over the
  // day window builds no strings.
  const index = new Map<string, Map<string, Set<number>>>();
  const byText = new Map<string, Set<number>>();
  const put = (into: Map<string, Set<number>>, k: string, ci: number) => {
    const set = into.get(k);
    if (set) set.add(ci);
    else into.set(k, new Set([ci]));
  };
  const slot = (at: string): Map<string, Set<number>> => {
    let m = index.get(at);
    if (m === undefined) index.set(at, (m = new Map()));
    return m;
  };
  // Every report is indexed under its day ("a|"); loosely dated ones (publication day,
  // approximate) also under "l|", the only ones a firmly dated report may meet on another day.
  const addToIndex = (ev: ExtractedEvent, ci: number) => {
    const prefixes = isLoose(ev) ? ['a', 'l'] : ['a'];
    for (const p of prefixes) {
      const m = slot(`${p}|${typeGroup(ev.type)}|${ev.date}|`);
      put(m, `s:${ev.countries.join(',')}`, ci);
      for (const c of ev.countries) put(m, `c:${c}`, ci);
      for (const o of ev.organizations) put(m, `o:${o}`, ci);
    }
    put(byText, reportSentenceKey(ev), ci);
  };
  /** Index keys under which a compatible report may be found (see countriesCompatible). */
  const lookupKeys = (ev: ExtractedEvent): string[] => {
    const orgs = ev.organizations.map((o) => `o:${o}`);
    const n = ev.countries.length;
    if (n === 0) return orgs;
    if (n === 1 || rules.maxExtraCountriesWhenBothNamed > 0) return [...ev.countries.map((c) => `c:${c}`), ...orgs];
    return [`s:${ev.countries.join(',')}`, ...ev.countries.map((c) => `s:${c}`), ...orgs];
  };

  // Reports by sentence: a sentence that names two events ("Xi met Lavrov after a general
  // meeting with SCO ministers") must not lend the wrong one to an event.
  const bySentence = new Map<string, ExtractedEvent[]>();
  for (const ev of ordered) {
    const k = `${ev.source.document}@${ev.source.start}`;
    const list = bySentence.get(k);
    if (list) list.push(ev);
    else bySentence.set(k, [ev]);
  }
  /**
   * An event without organisations is left to the sentence's other report without them (and
   * an organisation's event to the one naming it): `ev` may join only if no sibling fits better.
   */
  const leftToSibling = (ev: ExtractedEvent, cluster: Cluster): boolean => {
    const siblings = bySentence.get(`${ev.source.document}@${ev.source.start}`);
    if (!siblings || siblings.length < 2 || !SPLIT_TYPES.has(ev.type)) return false;
    const want = cluster.organizationKey();
    if (orgKey(ev) === want) return false;
    return siblings.some((s) => s !== ev && orgKey(s) === want && typeGroup(s.type) === typeGroup(ev.type) && cluster.accepts(s));
  };

  // `seen[ci] === round` marks cluster ci as already collected for the current report.
  const seen: number[] = [];
  let round = 0;
  for (const ev of ordered) {
    round++;
    const near: number[] = [];
    const collect = (set: Set<number> | undefined) => {
      if (!set) return;
      for (const ci of set) {
        if (seen[ci] === round) continue;
        seen[ci] = round;
        near.push(ci);
      }
    };
    const keys = lookupKeys(ev);
    const loose = isLoose(ev);
    if (keys.length > 0) {
      for (const at of windowPrefixes(ev.date, typeGroup(ev.type), loose)) {
        const m = index.get(at);
        if (m === undefined) continue;
        for (const k of keys) collect(m.get(k));
      }
    }
    collect(byText.get(reportSentenceKey(ev)));

    // The most similar accepting event; ties go to the one founded first (a content order).
    let best = -1;
    let bestScore = -Infinity;
    const traced = traceOf(ev) !== undefined;
    for (const ci of near) {
      const cluster = clusters[ci]!;
      if (traced) {
        const why = cluster.refusal(ev);
        if (why === 'acting states') {
          const other = cluster.members[0]!;
          const steps = keptApart.get(ev) ?? [];
          steps.push({
            stage: 'merge',
            rule: rules.directedPair.id,
            action: `kept apart from ${reportName(other)}: different acting states`,
            detail: `${actingStates(ev).join('+')} vs ${actingStates(other).join('+')}`,
          });
          keptApart.set(ev, steps);
        }
        if (why !== null) continue;
      } else if (!cluster.accepts(ev)) continue;
      if (leftToSibling(ev, cluster)) continue;
      const score = cluster.similarity(ev);
      if (score > bestScore || (score === bestScore && ci < best)) {
        bestScore = score;
        best = ci;
      }
    }
    if (best < 0) {
      clusters.push(new Cluster(ev));
      best = clusters.length - 1;
    } else clusters[best]!.add(ev);
    addToIndex(ev, best);
  }
  return { clusters: clusters.map((c) => c.members.flatMap((m) => [m, ...(copiesOf.get(m) ?? [])])), copies, keptApart };
}

/** A report's trace, when the pipeline runs with tracing on (ExtractedEvent.trace, set by extract-document). */
function traceOf(ev: ExtractedEvent): TraceStep[] | undefined {
  const t = (ev as ExtractedEvent & { trace?: TraceStep[] }).trace;
  return Array.isArray(t) ? t : undefined;
}

/** "doc-id@123 'expelled'": a report named in a trace step. */
function reportName(ev: ExtractedEvent): string {
  const s = ev.source;
  const trigger = s.trigger ? s.sentence.slice(s.trigger.start, s.trigger.end) : '';
  return `${s.document}@${s.start}${trigger ? ` "${trigger}"` : ''}`;
}

/**
 * The merged event's trace: the lead report's own steps, then one step per other report (how it
 * joined), the kept-apart notes of every member, and the choice of the day. Undefined when no
 * member carries a trace (a normal build), so that the output stays the same.
 */
function mergedTrace(
  lead: ExtractedEvent,
  members: readonly ExtractedEvent[],
  dated: ExtractedEvent,
  copies: ReadonlySet<ExtractedEvent>,
  keptApart: ReadonlyMap<ExtractedEvent, TraceStep[]>,
): TraceStep[] | undefined {
  if (!members.some((m) => traceOf(m) !== undefined)) return undefined;
  const out: TraceStep[] = [...(traceOf(lead) ?? [])];
  for (const m of members) {
    if (m === lead) continue;
    const directed = actingStates(m).length > 0 && actingStates(lead).length > 0;
    const how = copies.has(m)
      ? { rule: 'merge.copy', action: `merged ${reportName(m)}: a copy of the same sentence` }
      : {
          rule: 'merge.same-event',
          action: `merged ${reportName(m)}: ${directed ? 'same directed pair' : 'same states'}, ${m.date === lead.date ? 'same day' : `day ${m.date} compatible`}`,
        };
    out.push({ stage: 'merge', ...how });
  }
  for (const m of members) out.push(...(keptApart.get(m) ?? []));
  out.push({ stage: 'merge', rule: 'merge.pick-date', action: `date=${dated.date}`, detail: `${dated.dateEvidence} evidence of ${reportName(dated)}` });
  return out;
}

/** A report's organisations as one string ("" for none). */
function orgKey(ev: ExtractedEvent): string {
  return ev.organizations.join('|');
}

/** The report with its states and organisations sorted and without repeats (as extract-document emits them). */
function normalized(ev: ExtractedEvent): ExtractedEvent {
  const tidy = (xs: string[]) => {
    for (let i = 1; i < xs.length; i++) if (!(xs[i - 1]! < xs[i]!)) return [...new Set(xs)].sort();
    return xs;
  };
  const countries = tidy(ev.countries);
  const organizations = tidy(ev.organizations);
  return countries === ev.countries && organizations === ev.organizations ? ev : { ...ev, countries, organizations };
}

/** A report whose day may differ from another report's of the same event (see datesCompatible). */
function isLoose(ev: ExtractedEvent): boolean {
  return ev.datePrecision === 'approximate' || WEAK.has(ev.dateEvidence);
}
const WEAK = new Set<string>(rules.weakEvidence);

const windowCache = new Map<string, string[]>();
/** The days from SEARCH_WINDOW before `day` to SEARCH_WINDOW after it (the day itself in the middle). */
function windowDays(day: string): string[] {
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
function windowPrefixes(day: string, group: string, loose: boolean): string[] {
  const key = `${loose ? 'a' : 'l'}|${group}|${day}`;
  let out = prefixCache.get(key);
  if (out === undefined) {
    out = windowDays(day).map((d, i) => `${i === SEARCH_WINDOW || loose ? 'a' : 'l'}|${group}|${d}|`);
    if (prefixCache.size > 100_000) prefixCache.clear();
    prefixCache.set(key, out);
  }
  return out;
}

function toSource(ev: ExtractedEvent): Source {
  const s = ev.source;
  return {
    document: s.document,
    sentence: s.sentence,
    start: s.start,
    end: s.end,
    ...(s.trigger ? { trigger: { start: s.trigger.start, end: s.trigger.end } } : {}),
    ...(s.published ? { published: s.published } : {}),
  };
}

/**
 * The date of a cluster: from its best evidence (explicit > relative > weekday/anchor >
 * dateline > publication day); among equally good reports, the day most of them give,
 * then the one from the earliest-published article, then the earliest day.
 */
export function pickDate(all: ExtractedEvent[], copies: ReadonlySet<ExtractedEvent> = new Set()): ExtractedEvent {
  // Copies in reprints repeat their original's words against a later day: the original decides.
  const originals = all.filter((m) => !copies.has(m));
  const members = originals.length ? originals : all;
  // (no Math.max(...spread): a story syndicated to 100,000 outlets would overflow the call stack)
  const top = members.reduce((t, m) => Math.max(t, dateStrength(m)), -Infinity);
  const best = members.filter((m) => dateStrength(m) === top);
  const votes = new Map<string, number>();
  for (const m of best) votes.set(m.date, (votes.get(m.date) ?? 0) + 1);
  return [...best].sort(
    (a, b) =>
      votes.get(b.date)! - votes.get(a.date)! ||
      cmp(a.source.published, b.source.published) ||
      cmp(a.date, b.date) ||
      cmp(contentKey(a), contentKey(b)),
  )[0]!;
}

/** The most specific report's type, unless the cluster mixes types: then the preferred one (accusation over statement). */
function pickType(members: ExtractedEvent[], lead: ExtractedEvent): ExtractedEvent['type'] {
  const present = new Set(members.map((m) => m.type));
  if (present.size === 1) return lead.type;
  return (rules.typePreference as ExtractedEvent['type'][]).find((t) => present.has(t)) ?? lead.type;
}

/**
 * One timeline event (without id) from a cluster of reports. Title, type, place and actor order
 * come from the report that says most about the event (people, states, place); the date from
 * the firmest date evidence (pickDate).
 */
export function combine(
  members: ExtractedEvent[],
  copies: ReadonlySet<ExtractedEvent> = new Set(),
  keptApart: ReadonlyMap<ExtractedEvent, TraceStep[]> = new Map(),
): Omit<TimelineEvent, 'id'> & { orderKey: string } {
  const bySpec = members
    .map((m) => ({ m, spec: detail(m) * 1000 + dateStrength(m), key: contentKey(m) }))
    .sort((a, b) => b.spec - a.spec || cmp(a.key, b.key))
    .map((x) => x.m);
  const lead = bySpec[0]!;
  const dated = pickDate(members, copies);
  // A sentence that reports the event twice ("rejected ... and accused") is one source; its
  // trigger is the one of the most specific report.
  const sources = new Map<string, Source>();
  for (const m of bySpec) {
    const s = toSource(m);
    const k = sourceKey(s);
    if (!sources.has(k)) sources.set(k, s);
  }
  const sortedSources = [...sources].sort((a, b) => cmp(a[0], b[0])).map(([, s]) => s);
  const location = bySpec.find((m) => m.location)?.location;
  const deadline = bySpec.find((m) => m.deadline)?.deadline;
  const trace = mergedTrace(lead, bySpec, dated, copies, keptApart);
  const type = pickType(members, lead);
  const countries = [...new Set(members.flatMap((m) => m.countries))].sort();
  const organizations = [...new Set(members.flatMap((m) => m.organizations))].sort();
  const actors = mergeActors(bySpec.map((m) => m.actors));
  // The title must agree with what the timeline shows: when merging changed the type or the states,
  // it is written again from the lead report's clause with the merged parts (title.ts).
  const same = type === lead.type && countries.join() === [...lead.countries].sort().join() && organizations.join() === [...lead.organizations].sort().join();
  const title = same ? lead.title : retitleMerged(lead, { type, countries, organizations, actors, ...(location ? { location } : {}) });
  return {
    type,
    date: dated.date,
    datePrecision: dated.datePrecision,
    countries,
    organizations,
    actors,
    title,
    sources: sortedSources,
    ...(location ? { location } : {}),
    ...(deadline ? { deadline } : {}),
    dateEvidence: dated.dateEvidence,
    ...(trace ? { trace } : {}),
    orderKey: sortedSources.length ? sourceKey(sortedSources[0]!) : '',
  };
}

/** Merges reports into timeline events with stable ids, sorted by (date, id). */
export function mergeEvents(events: ExtractedEvent[]): TimelineEvent[] {
  const { clusters, copies, keptApart } = clusterWithCopies(events);
  const combined = clusters.map((c) => combine(c, copies, keptApart));
  const withIds = assignIds(combined, (e) => e.orderKey);
  return withIds
    .map(({ orderKey: _drop, id, ...ev }): TimelineEvent => ({ id, ...ev }))
    .sort((a, b) => cmp(a.date, b.date) || cmp(a.id, b.id));
}

