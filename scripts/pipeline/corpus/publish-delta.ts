/**
 * Step 2 of the id registry (id-registry.ts updateRegistryFrom) and the matching's search for ids to
 * decide again (build-state.ts matchFromState), from what changed since the previous build rather
 * than over the whole registry: for a rebuild that reads the registry file the previous build wrote
 * (or found unchanged), whose text the state knows (RegistryText), so that neither the file's
 * 200,000 entries nor the 200,000 published events are gone through.
 *
 * What makes it the same: the previous build's registry R was updateRegistryFrom(P', R', M') for its
 * published events P', so R holds, for each id an event of P' was published under, that event's
 * content key and source keys, and the entries of its other ids (`idle`, kept in the state) as they
 * were. An event of this build that is a record of the previous build with the same Lite (content
 * key, source keys), published under the same id, and not validated again (no merged form kept)
 * gives the entry R already holds for its id.
 */
import { cmp } from '../ids.ts';
import { aliasResolver, typeOfKey, weakKey, type PublishedInput, type Registry, type RegistryEntry, type RegistryText } from '../id-registry.ts';
import type { ScanEntry } from './build-state.ts';

/** What the scan reads of a record of the previous build (EventRec). */
export interface ScanRec {
  block: number;
  len: number;
  lite?: readonly [type: string, countries: string[], first: string, keys: string[]];
  raw?: unknown;
  one?: true;
}

/** The document of a source key (document#sentence-hash#trigger-start). */
export function documentOf(key: string): string {
  return weakKey(weakKey(key));
}

/**
 * The registered ids matchFromState tests against the dirty events (a superset of those that share a
 * source with one), with their entries, when the registry read is the one the previous build wrote
 * (or found unchanged): the id each record of the previous build was published under, for the
 * records of the blocks that hold a report of a document the dirty events have a source in, and the
 * ids no event was published under (`idle`). Why a superset: every registered id is one of those two
 * kinds (an id the previous build gave afresh is among its changed entries, which matchFromState
 * decides again anyway); an event's sources are reports of its block; a source shared names a
 * document of the dirty events. A record published from its kept text has the entry of its Lite
 * (type, source keys); one validated again (its merged form kept) or not published, that of the text.
 */
export function* scanFromState(o: {
  dirtyKeys: Iterable<readonly string[]>;
  docs: Iterable<{ entry: { id: string }; blocks: readonly number[] }>;
  events: readonly ScanRec[];
  pubs: readonly string[];
  idle: readonly string[];
  text: RegistryText;
}): Generator<ScanEntry> {
  const docs = new Set<string>();
  for (const keys of o.dirtyKeys) for (const k of keys) docs.add(documentOf(k));
  const blocks = new Set<number>();
  for (const d of o.docs) if (docs.has(d.entry.id)) for (const b of d.blocks) blocks.add(b);
  const fromText = (id: string): ScanEntry | undefined => {
    const e = o.text.entry(id);
    return e ? [id, typeOfKey(e.key), e.sources] : undefined;
  };
  for (let k = 0; k < o.events.length; k++) {
    const e = o.events[k]!;
    if (e.one || !blocks.has(e.block)) continue;
    const line = o.pubs[k]!;
    if (line === '') continue;
    const sp = line.indexOf(' ');
    const id = sp < 0 ? line : line.slice(0, sp);
    if (e.raw !== undefined || e.len < 0 || e.lite === undefined) {
      const got = fromText(id);
      if (got) yield got;
    } else yield [id, e.lite[0], e.lite[3]];
  }
  for (const id of o.idle) {
    const got = fromText(id);
    if (got) yield got;
  }
}

/** What updateRegistryDelta reads of this build. */
export interface DeltaInput {
  /** The registry read: the one the previous build wrote or found unchanged (see the file's comment). */
  text: RegistryText;
  /**
   * The published events whose entries may differ from R's (all others give R's entry for their id):
   * new, renumbered, rematched, validated again, or given a fresh id.
   */
  touched: readonly PublishedInput[];
  /** Whether an event is published under `id`. */
  isCurrent(id: string): boolean;
  /**
   * A superset of the registered ids (and ids of R's aliases) that no event is published under
   * (the others are skipped): the ids the previous build published under and this build may not
   * (its records that went or changed, its fresh ids), its idle ids, R's aliases.
   */
  old: Iterable<string>;
  /** The matching (RegistryMatch): the event a registered id matched, and each matched event's source keys. */
  matched(id: string): string | undefined;
  sourcesOf(id: string): readonly string[] | undefined;
  /** Every published event's id and source keys, in the order of events.json (read only when an old id needs it). */
  published(): Iterable<readonly [id: string, keys: readonly string[]]>;
}

export interface Delta {
  generation: number;
  /** The changed or added entries (every other entry is R's), by id. */
  changed: Map<string, RegistryEntry>;
  /** Their ids in the order of `touched` (Published.registryText, MatchHeader.dirty). */
  dirty: string[];
  /** The aliases, sorted (events.json's and the registry's). */
  aliases: Record<string, string>;
  /** The registered ids no event is published under (MatchHeader.idle). */
  idle: string[];
}

/**
 * updateRegistryFrom(P, R, M) as a change to R (see the file's comment): the entries of `touched`
 * that differ from R's, the aliases of every id of R no event is published under, resolved exactly
 * as updateRegistryFrom resolves them, and the generation.
 */
export function updateRegistryDelta(d: DeltaInput): Delta {
  const R = d.text;
  const next = R.generation + 1;
  const changed = new Map<string, RegistryEntry>();
  const dirty: string[] = [];
  for (const p of d.touched) {
    const a = R.entry(p.id);
    const b: RegistryEntry = { since: a?.since ?? next, key: p.key, sources: p.keys };
    if (!a || a.key !== b.key || a.sources.length !== b.sources.length || a.sources.some((x, j) => x !== b.sources[j])) {
      if (!changed.has(p.id)) dirty.push(p.id);
      changed.set(p.id, b);
    }
  }

  // Resolved as updateRegistryFrom resolves them (one resolver), from R's text.
  const resolve = aliasResolver({
    published: d.published,
    isCurrent: d.isCurrent,
    matched: d.matched,
    sourcesOf: d.sourcesOf,
    entrySources: (id) => R.entry(id)?.sources,
    aliasOf: (id) => (Object.hasOwn(R.aliases, id) ? R.aliases[id] : undefined),
  });

  // The ids of R no event is published under, in updateRegistryFrom's order: R's entries (in code-unit
  // order, as its text and its parse give them), then ids of aliases only.
  const registered: string[] = [];
  const aliasOnly = new Set<string>();
  for (const id of new Set(d.old)) {
    if (d.isCurrent(id)) continue;
    if (R.has(id)) registered.push(id);
    else if (Object.hasOwn(R.aliases, id)) aliasOnly.add(id);
  }
  registered.sort(cmp);
  const aliases: Record<string, string> = {};
  for (const id of [...registered, ...Object.keys(R.aliases).filter((id) => aliasOnly.has(id))]) {
    const to = resolve(id);
    if (to !== null && to !== id) aliases[id] = to;
  }
  const sorted: Record<string, string> = {};
  for (const id of Object.keys(aliases).sort(cmp)) sorted[id] = aliases[id]!;
  const same = dirty.length === 0 && sameAliases(sorted, R.aliases);
  return { generation: same ? R.generation : next, changed, dirty, aliases: sorted, idle: registered };
}

function sameAliases(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const id of ka) if (!Object.hasOwn(b, id) || a[id] !== b[id]) return false;
  return true;
}

/**
 * The registry updateRegistryFrom gives, from R's text and the delta (parses R whole: for the
 * callers that want the registry itself, not its text).
 */
export function applyDelta(text: RegistryText, delta: Delta): Registry {
  const r = text.registry();
  const ids: Record<string, RegistryEntry> = { ...r.ids };
  for (const [id, e] of delta.changed) ids[id] = e;
  return { version: 1, generation: delta.generation, ids, aliases: delta.aliases };
}

/** A registry holding only the delta's entries: what patchRegistryText reads of the next registry. */
export function deltaRegistry(delta: Delta): Registry {
  return { version: 1, generation: delta.generation, ids: Object.fromEntries(delta.changed), aliases: delta.aliases };
}
