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
import { createHash } from 'node:crypto';
import { retitleMerged } from './title.ts';
import type { Source, TimelineEvent } from '../../src/lib/schema.ts';
import type { ExtractedEvent } from './types.ts';
import type { TraceStep } from './trace.ts';
import { actingStates, QUOTED_SPEAKER_RULE, quotedSpeakerStates } from './merge/direction.ts';
import rules from '../data/merge-rules.json' with { type: 'json' };
import { assignIds, cmp } from './ids.ts';
import { COUNTERPART_PERSON_RULE, isPerson, mergeActors } from './merge/names.ts';
import { mergeBlocks } from './merge/blocks.ts';
import { PLANNED_VS_HELD_RULE } from './merge/planned.ts';
import { Cluster } from './merge/cluster.ts';
import { collapseCopies } from './merge/copies.ts';
import { ANCHORED_DAY_RULE, reportSentenceKey, SPLIT_TYPES, typeGroup } from './merge/same-event.ts';
import { fileKeys, filePrefixes, isLoose, lookupKeys, windowPrefixes } from './merge/index-keys.ts';
import { sortInPlace, sortStrings } from './sort.ts';
import { ongoingAtPublication, PRESENT_STATE_RULE } from './merge/present-state.ts';

const RANK: Record<string, number> = rules.evidenceRank;

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
export function contentKey(ev: ExtractedEvent): string {
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

/** Where a report stands in the order the clusterer takes reports in (compareClusterOrder). */
export interface OrderItem {
  ev: ExtractedEvent;
  n: number;
  spec: number;
  key: string;
}

export function orderItem(ev: ExtractedEvent): OrderItem {
  return { ev, n: new Set(ev.countries).size, key: contentKey(ev), spec: specificity(ev) };
}

/**
 * The clusterer's order: reports naming more states first, so that they found the events and
 * one-state fragments join them; then the most specific first, so that vague reports find the best
 * match; then by content.
 */
export function compareClusterOrder(a: OrderItem, b: OrderItem): number {
  return b.n - a.n || b.spec - a.spec || cmp(a.key, b.key);
}

/** Copies of one sentence in reprints and their originals, as the clusterer splits them (merge/copies.ts). */
export function reprints(events: ExtractedEvent[]): ReturnType<typeof collapseCopies> {
  return collapseCopies(events, (a, b) => cmp(contentKey(a), contentKey(b)));
}

/** A report's sentence ("document@start"): reports of one sentence are siblings (leftToSibling). */
export function sentenceOf(ev: ExtractedEvent): string {
  return `${ev.source.document}@${ev.source.start}`;
}

/**
 * An event without organisations is left to the sentence's other report without them (and
 * an organisation's event to the one naming it): `ev` may join only if no sibling fits better.
 * `siblings`: the reports clustered of `ev`'s sentence (`ev` among them).
 */
export function leftToSibling(ev: ExtractedEvent, cluster: Cluster, siblings: readonly ExtractedEvent[] | undefined): boolean {
  if (!siblings || siblings.length < 2 || !SPLIT_TYPES.has(ev.type)) return false;
  const want = cluster.organizationKey();
  if (orgKey(ev) === want) return false;
  return siblings.some((s) => s !== ev && orgKey(s) === want && typeGroup(s.type) === typeGroup(ev.type) && cluster.accepts(s));
}

/** `clusterEvents`, also telling which reports are copies in reprints (see merge/copies.ts). */
export function clusterWithCopies(events: ExtractedEvent[]): {
  clusters: ExtractedEvent[][];
  copies: Set<ExtractedEvent>;
  /** For traced reports only: the events each was kept apart from, and why. */
  keptApart: Map<ExtractedEvent, TraceStep[]>;
  /** The originals (no copies) in the order they were clustered (compareClusterOrder). */
  ordered: ExtractedEvent[];
  /** The copies that follow each original (reprints). */
  copiesOf: Map<ExtractedEvent, ExtractedEvent[]>;
} {
  const keptApart = new Map<ExtractedEvent, TraceStep[]>();
  // Copies of one sentence in reprints follow their original and take no part in clustering.
  const { originals, copiesOf } = reprints(events.map(normalized));
  const copies = new Set<ExtractedEvent>();
  for (const list of copiesOf.values()) for (const c of list) copies.add(c);
  const ordered = originals.map(orderItem).sort(compareClusterOrder).map((x) => x.ev);

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
    const keys = fileKeys(ev);
    for (const at of filePrefixes(ev, typeGroup(ev.type))) {
      const m = slot(at);
      for (const k of keys) put(m, k, ci);
    }
    put(byText, reportSentenceKey(ev), ci);
  };

  // Reports by sentence: a sentence that names two events ("Xi met Lavrov after a general
  // meeting with SCO ministers") must not lend the wrong one to an event.
  const bySentence = new Map<string, ExtractedEvent[]>();
  for (const ev of ordered) {
    const k = sentenceOf(ev);
    const list = bySentence.get(k);
    if (list) list.push(ev);
    else bySentence.set(k, [ev]);
  }

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
        if (why === 'act') {
          const other = cluster.members[0]!;
          const steps = keptApart.get(ev) ?? [];
          steps.push({ stage: 'merge', rule: 'merge.distinct-acts', action: `kept apart from ${reportName(other)}: another kind of ${ev.type}` });
          keptApart.set(ev, steps);
        }
        if (why === 'planned') {
          const other = cluster.members[0]!;
          const steps = keptApart.get(ev) ?? [];
          steps.push({
            stage: 'merge',
            rule: PLANNED_VS_HELD_RULE,
            action: `kept apart from ${reportName(other)}: one is told as planned, the other as done`,
          });
          keptApart.set(ev, steps);
        }
        if (why === 'counterpart' || why === 'anchored day') {
          const other = cluster.members[0]!;
          const steps = keptApart.get(ev) ?? [];
          steps.push(
            why === 'counterpart'
              ? { stage: 'merge', rule: COUNTERPART_PERSON_RULE, action: `kept apart from ${reportName(other)}: another person for the same state` }
              : { stage: 'merge', rule: ANCHORED_DAY_RULE, action: `kept apart from ${reportName(other)}: a day counted from another act (${ev.date} vs ${other.date})` },
          );
          keptApart.set(ev, steps);
        }
        if (why !== null) continue;
      } else if (!cluster.accepts(ev)) continue;
      if (leftToSibling(ev, cluster, bySentence.get(sentenceOf(ev)))) continue;
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
  return { clusters: clusters.map((c) => c.members.flatMap((m) => [m, ...(copiesOf.get(m) ?? [])])), copies, keptApart, ordered, copiesOf };
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
  for (const m of members) {
    const speaker = quotedSpeakerStates(m);
    if (speaker !== undefined) {
      out.push({ stage: 'merge', rule: QUOTED_SPEAKER_RULE, action: `acting states of ${reportName(m)} from the quotation's speaker: ${speaker.length ? speaker.join('+') : 'unknown'}` });
    }
  }
  const ongoing = dated === presentStateReport(originalsOf(members, copies));
  out.push({ stage: 'merge', rule: ongoing ? PRESENT_STATE_RULE : 'merge.pick-date', action: `date=${dated.date}`, detail: `${dated.dateEvidence} evidence of ${reportName(dated)}${ongoing ? ': the act is told as going on at publication ("is now in")' : ''}` });
  return out;
}

/** A report's organisations as one string ("" for none). */
function orgKey(ev: ExtractedEvent): string {
  return ev.organizations.join('|');
}

/** The report with its states and organisations sorted and without repeats (as extract-document emits them). */
export function normalized(ev: ExtractedEvent): ExtractedEvent {
  const tidy = (xs: string[]) => {
    for (let i = 1; i < xs.length; i++) if (!(xs[i - 1]! < xs[i]!)) return [...new Set(xs)].sort();
    return xs;
  };
  const countries = tidy(ev.countries);
  const organizations = tidy(ev.organizations);
  return countries === ev.countries && organizations === ev.organizations ? ev : { ...ev, countries, organizations };
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


/** The reports that are no copy in a reprint (all of them when every one is). */
function originalsOf(all: readonly ExtractedEvent[], copies: ReadonlySet<ExtractedEvent>): readonly ExtractedEvent[] {
  const originals = all.filter((m) => !copies.has(m));
  return originals.length ? originals : all;
}

/**
 * merge.present-state-day: a report dated by publication because its sentence tells the act as going
 * on now ("is now in Fiji for her first official visit", "is on a three-day visit to"; the date stage's
 * presentState, which keeps such a lead on the publication day) keeps that day when it is the cluster's
 * first report and the others come from the same article with no explicit day: a co-reported act with
 * a weekday or relative day (a ceremony "attended ... on Tuesday evening") is one day of the ongoing
 * act, not the day it is told for; an explicit day ("On January 26, he arrived") still dates the act.
 * Clusters that span articles pick by evidence as before.
 */
function presentStateReport(members: readonly ExtractedEvent[]): ExtractedEvent | undefined {
  if (members.length < 2) return undefined;
  const doc = members[0]!.source.document;
  if (members.some((m) => m.source.document !== doc || m.dateEvidence === 'explicit')) return undefined;
  const first = members.reduce((a, m) => (m.source.start < a.source.start ? m : a));
  return ongoingAtPublication(first) ? first : undefined;
}

/**
 * The date of a cluster: from its best evidence (explicit > relative > weekday/anchor >
 * dateline > publication day); among equally good reports, the day most of them give,
 * then the one from the earliest-published article, then the earliest day.
 */
export function pickDate(all: ExtractedEvent[], copies: ReadonlySet<ExtractedEvent> = new Set()): ExtractedEvent {
  // Copies in reprints repeat their original's words against a later day: the original decides.
  const members = originalsOf(all, copies);
  const ongoing = presentStateReport(members);
  if (ongoing) return ongoing;
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
  const bySpec = sortInPlace(
    members.map((m) => ({ m, spec: detail(m) * 1000 + dateStrength(m), key: contentKey(m) })),
    (a, b) => b.spec - a.spec || cmp(a.key, b.key),
  ).map((x) => x.m);
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
  const sortedSources = sortInPlace([...sources], (a, b) => cmp(a[0], b[0])).map(([, s]) => s);
  const location = bySpec.find((m) => m.location)?.location;
  const deadline = bySpec.find((m) => m.deadline)?.deadline;
  const trace = mergedTrace(lead, bySpec, dated, copies, keptApart);
  const type = pickType(members, lead);
  const countries = sortStrings([...new Set(members.flatMap((m) => m.countries))]);
  const organizations = sortStrings([...new Set(members.flatMap((m) => m.organizations))]);
  const actors = mergeActors(bySpec.map((m) => m.actors));
  // The title must agree with what the timeline shows: when merging changed the type or the states,
  // it is written again from the lead report's clause with the merged parts (title.ts).
  const same = type === lead.type && countries.join() === sortStrings([...lead.countries]).join() && organizations.join() === sortStrings([...lead.organizations]).join();
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

/**
 * Clusters of a block remembered between builds (corpus/merge-cache.ts): by a key naming the
 * block's reports, each cluster as positions in the block, a copy in a reprint as ~position.
 */
export interface MergeCache {
  get(key: string): number[][] | undefined;
  set(key: string, clusters: number[][]): void;
}

export interface MergeOptions {
  /**
   * Cluster block by block (merge/blocks.ts): the same result as one run over everything. On by
   * default when `reportKeys` and `cache` are given; traced runs never use blocks.
   */
  blocks?: boolean;
  /**
   * A key per report (aligned with the input) that changes whenever the report's content does,
   * such as its document's cache key and its position there; null for a report without one.
   */
  reportKeys?: readonly (string | null)[];
  /** Where blocks whose reports all have keys find and leave their clusters. */
  cache?: MergeCache;
  /** Counts of blocks clustered and taken from the cache (for the build's timings). */
  stats?: { blocks: number; fromCache: number; reports: number; reclustered: number };
}

/** One key for a block from its reports' keys (in input order), or null when one has none. */
function blockKey(block: readonly number[], keys: readonly (string | null)[]): string | null {
  const h = createHash('sha256');
  for (const i of block) {
    const k = keys[i];
    if (k === null || k === undefined) return null;
    h.update(k);
    h.update('\u0000');
  }
  return h.digest('hex').slice(0, 32);
}

/** Cached clusters name every position of the block exactly once. */
function coversOnce(clusters: readonly number[][], n: number): boolean {
  const seen = new Uint8Array(n);
  let count = 0;
  for (const c of clusters) {
    for (const p of c) {
      const i = p < 0 ? ~p : p;
      if (!Number.isInteger(i) || i >= n || seen[i]) return false;
      seen[i] = 1;
      count++;
    }
  }
  return count === n;
}

/** Clusters (and copies) of one block: from the cache when it has them, else computed and stored. */
function clusterBlock(
  events: ExtractedEvent[],
  key: string | null,
  cache: MergeCache | undefined,
): { clusters: ExtractedEvent[][]; copies: ExtractedEvent[]; cached: boolean } {
  const hit = key !== null ? cache?.get(key) : undefined;
  if (hit !== undefined && coversOnce(hit, events.length)) {
    const copies: ExtractedEvent[] = [];
    const clusters = hit.map((c) =>
      c.map((p) => {
        if (p >= 0) return events[p]!;
        copies.push(events[~p]!);
        return events[~p]!;
      }),
    );
    return { clusters, copies, cached: true };
  }
  const { clusters, copies } = clusterWithCopies(events);
  if (key !== null && cache) {
    const at = new Map<ExtractedEvent, number>();
    events.forEach((ev, i) => at.set(ev, i));
    cache.set(key, clusters.map((c) => c.map((m) => (copies.has(m) ? ~at.get(m)! : at.get(m)!))));
  }
  return { clusters, copies: [...copies], cached: false };
}

/** Merges reports into timeline events with stable ids, sorted by (date, id). */
export function mergeEvents(events: ExtractedEvent[], opts: MergeOptions = {}): TimelineEvent[] {
  const traced = events.some((ev) => traceOf(ev) !== undefined);
  const useBlocks = !traced && (opts.blocks ?? (opts.reportKeys !== undefined && opts.cache !== undefined));
  let combined: ReturnType<typeof combine>[];
  if (!useBlocks) {
    const { clusters, copies, keptApart } = clusterWithCopies(events);
    combined = clusters.map((c) => combine(c, copies, keptApart));
  } else {
    const tidy = events.map(normalized);
    const keys = opts.reportKeys;
    combined = [];
    for (const block of mergeBlocks(tidy)) {
      const members = block.map((i) => tidy[i]!);
      const { clusters, copies, cached } = clusterBlock(members, keys ? blockKey(block, keys) : null, opts.cache);
      const copySet = new Set(copies);
      for (const c of clusters) combined.push(combine(c, copySet));
      if (opts.stats) {
        opts.stats.blocks++;
        opts.stats.reports += block.length;
        if (cached) opts.stats.fromCache++;
        else opts.stats.reclustered += block.length;
      }
    }
  }
  const withIds = assignIds(combined, (e) => e.orderKey);
  return withIds
    .map(({ orderKey: _drop, id, ...ev }): TimelineEvent => ({ id, ...ev }))
    .sort((a, b) => cmp(a.date, b.date) || cmp(a.id, b.id));
}
