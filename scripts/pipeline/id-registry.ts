/**
 * Published event ids never break (issue 11). An event keeps the id it was first published under;
 * the registry (seeds/published-ids.json by default, kept beside the articles) remembers every id a
 * build published and the sources it stood for, so that the next build can give the same event the
 * same id however its content moved (more sources, a better date, new people).
 *
 * Two steps around curation:
 *  1. `applyRegistry` (right after merging): every registered id picks the event that shares most of
 *     its sources (a source is document + sentence hash + trigger offset, with a weaker
 *     document + sentence fallback for the same type, then the same content id). An event chosen by
 *     several registered ids takes the oldest one (lowest `since`, then code-unit order); the
 *     others become aliases. Events no registered id chose get a fresh content id (ids.ts) that is
 *     not any registered id, so an old link never lands on a different event.
 *  2. `updateRegistry` (after curation and validation, on what is published): the new registry and
 *     the `aliases` of events.json. An id that no longer names an event is an alias of the event that
 *     now holds most of its sources (merged by the merger or by curation, renamed), or of its old
 *     alias target when that still resolves; else it is gone: no alias (the site says the event no
 *     longer exists), but the id stays registered, so it is never reused for another event and comes
 *     back if its event does.
 * Everything is sorted and the generation only moves when the content changes, so identical builds
 * write byte-identical registries.
 */
import { z } from 'zod';
import type { TimelineEvent } from '../../src/lib/schema.ts';
import { assignIds, cmp, shortHash } from './ids.ts';

export const REGISTRY_FILE = 'published-ids.json';

const EntrySchema = z.object({
  /** The registry generation that first published the id (smaller is older). */
  since: z.number().int().nonnegative(),
  /** date|type|countries of the event when last published. */
  key: z.string(),
  /** Source keys (document#sentence-hash#trigger-start), sorted. */
  sources: z.array(z.string()),
});
export type RegistryEntry = z.infer<typeof EntrySchema>;

export const RegistrySchema = z.object({
  about: z.string().optional(),
  version: z.literal(1),
  generation: z.number().int().nonnegative(),
  /** Every id ever published, with what it stood for when it was last the id of an event. */
  ids: z.record(z.string(), EntrySchema),
  /** Published ids that now stand for another event: old id -> current id. */
  aliases: z.record(z.string(), z.string()),
});
export type Registry = z.infer<typeof RegistrySchema>;

const ABOUT =
  'Event ids published by earlier builds (written by `npm run build`; see README, "Links that never break"). Commit it with the articles; do not edit by hand.';

export function emptyRegistry(): Registry {
  return { version: 1, generation: 0, ids: {}, aliases: {} };
}

/**
 * Parses a registry file's text; a broken file gives an empty registry and a warning, never a crash.
 * `written`: the text is known to be formatRegistry's (a build wrote these very bytes: the build state
 * keeps their hash), so its entries are not checked one by one (only its outline).
 */
export function parseRegistry(text: string, where: string, written = false): { registry: Registry; warning?: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { registry: emptyRegistry(), warning: `${where}: not valid JSON (${(err as Error).message}); ids start afresh` };
  }
  if (written && isRecord(json) && json.version === 1 && count(json.generation) && isRecord(json.ids) && isRecord(json.aliases)) return { registry: json as Registry };
  const plain = plainRegistry(json);
  if (plain) return { registry: plain };
  const r = RegistrySchema.safeParse(json);
  if (!r.success) return { registry: emptyRegistry(), warning: `${where}: not an id registry (${r.error.issues[0]?.message ?? 'invalid'}); ids start afresh` };
  return { registry: r.data };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const REGISTRY_KEYS = new Set(['about', 'version', 'generation', 'ids', 'aliases']);
const ENTRY_KEYS = new Set(['since', 'key', 'sources']);

/**
 * The parsed JSON itself when it is exactly what RegistrySchema accepts and gives back unchanged (no
 * other keys, nothing to coerce): checked by hand, about 3 times faster than the schema on 200,000
 * ids. Anything else (undefined) goes through the schema, which also says what is wrong.
 */
function plainRegistry(json: unknown): Registry | undefined {
  if (!isRecord(json)) return undefined;
  for (const k of Object.keys(json)) if (!REGISTRY_KEYS.has(k)) return undefined;
  const { about, version, generation, ids, aliases } = json;
  if ((about !== undefined && typeof about !== 'string') || version !== 1 || !count(generation) || !isRecord(ids) || !isRecord(aliases)) return undefined;
  for (const id in ids) {
    if (!Object.hasOwn(ids, id) || id === '__proto__') return undefined;
    const e = ids[id];
    if (!isRecord(e) || !count(e.since) || typeof e.key !== 'string' || !Array.isArray(e.sources)) return undefined;
    let n = 0;
    for (const k in e) {
      if (!ENTRY_KEYS.has(k)) return undefined;
      n++;
    }
    if (n !== 3) return undefined;
    for (const s of e.sources as unknown[]) if (typeof s !== 'string') return undefined;
  }
  for (const id in aliases) if (!Object.hasOwn(aliases, id) || id === '__proto__' || typeof aliases[id] !== 'string') return undefined;
  return json as Registry;
}

/** The registry as written to disk: keys sorted, two-space JSON, final newline. */
export function formatRegistry(reg: Registry): string {
  const ids: Record<string, RegistryEntry> = {};
  for (const id of sortedIds(Object.keys(reg.ids))) {
    const e = reg.ids[id]!;
    ids[id] = { since: e.since, key: e.key, sources: sortedIds([...e.sources]) };
  }
  return `${JSON.stringify({ about: ABOUT, version: 1, generation: reg.generation, ids, aliases: sortedRecord(reg.aliases) }, null, 2)}\n`;
}

/** Whether a key is an array index, which JSON.stringify writes before every other key of an object. */
const arrayIndex = (k: string): boolean => {
  if (k.length === 0 || k.length > 10) return false;
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return (k === '0' || k.charCodeAt(0) !== 48) && Number(k) < 4294967295;
};

/** An entry of `ids` as formatRegistry writes it, from its key's line to its closing brace (no comma). */
function entryText(id: string, e: RegistryEntry): string {
  const body = JSON.stringify({ since: e.since, key: e.key, sources: sortedIds([...e.sources]) }, null, 2);
  return `    ${JSON.stringify(id)}: ${body.split('\n').join('\n    ')}`;
}

/**
 * formatRegistry(next) as bytes, made from `prev`, the bytes of formatRegistry of a registry that
 * `next` differs from only in its generation, its aliases and the entries of `changed` (changed or
 * added; none removed): the other entries are copied as they are, not formatted. Undefined when
 * `prev` is not laid out as formatRegistry lays it out (the caller then formats `next` whole).
 */
export function patchRegistryText(prev: Buffer, next: Registry, changed: Iterable<string>): Buffer | undefined {
  // (Each changed entry is found by bisecting the text: the other 200,000 are not gone through.)
  const view = RegistryText.of(prev);
  if (view === undefined) return undefined;
  const ids = [...new Set(changed)].sort(cmp);
  if (ids.some(arrayIndex)) return undefined;
  const head = `{\n  "about": ${JSON.stringify(ABOUT)},\n  "version": 1,\n  "generation": `;
  try {
    const parts: Buffer[] = [Buffer.from(`${head}${next.generation},\n  "ids": {`, 'utf8')];
    // (Copied up to `from`; the changed ids left are not below the entry at `cursor`.)
    let from = view.entriesFrom;
    let cursor = from;
    const end = view.entriesEnd;
    for (const id of ids) {
      const e = Object.hasOwn(next.ids, id) ? next.ids[id] : undefined;
      if (e === undefined) return undefined;
      const { at, same } = view.seek(id, cursor);
      parts.push(prev.subarray(from, at));
      // Entries are separated by ",": a new entry takes one after it, or before it at the end.
      const text = entryText(id, e);
      if (same) {
        parts.push(Buffer.from(`\n${text}`, 'utf8'));
        // (Its old text ends before the "," of the next entry, or at the end.)
        cursor = view.after(at);
        from = cursor === end ? end : cursor - 1;
      } else if (at === end) {
        parts.push(Buffer.from(`,\n${text}`, 'utf8'));
        from = cursor = end;
      } else {
        parts.push(Buffer.from(`\n${text},`, 'utf8'));
        from = cursor = at;
      }
    }
    parts.push(prev.subarray(from, end));
    const aliases = JSON.stringify(sortedRecord(next.aliases), null, 2).split('\n').join('\n  ');
    parts.push(Buffer.from(`\n  },\n  "aliases": ${aliases}\n}\n`, 'utf8'));
    return Buffer.concat(parts);
  } catch {
    return undefined;
  }
}

/**
 * A registry file's bytes known to be formatRegistry's text (a build wrote them: see parseRegistry's
 * `written`), read without parsing its 200,000 entries: the generation and the aliases are parsed at
 * once (they are few), an entry only when it is looked up, by bisecting the text (entries are in
 * code-unit order of their ids, each starting on a line of its own indented by four spaces, which
 * no other line is: JSON strings hold no line breaks). `registry()` parses the whole text, once.
 */
export class RegistryText {
  private full: Registry | undefined;
  private readonly cache = new Map<string, RegistryEntry | null>();

  private constructor(
    readonly bytes: Buffer,
    readonly generation: number,
    readonly aliases: Record<string, string>,
    /** Where the first entry's line break is, and where the last entry ends. */
    private readonly first: number,
    private readonly end: number,
  ) {}

  /** The view of `bytes`, or undefined when they are not laid out as formatRegistry lays them out (or hold no entry). */
  static of(bytes: Buffer): RegistryText | undefined {
    try {
      const head = Buffer.from(`{\n  "about": ${JSON.stringify(ABOUT)},\n  "version": 1,\n  "generation": `, 'utf8');
      if (!bytes.subarray(0, head.length).equals(head)) return undefined;
      const idsHead = Buffer.from(',\n  "ids": {\n', 'utf8');
      const idsAt = bytes.indexOf(idsHead, head.length);
      const aliasesHead = Buffer.from('\n  },\n  "aliases": ', 'utf8');
      const end = bytes.lastIndexOf(aliasesHead);
      if (idsAt < 0 || end < idsAt) return undefined;
      const generation = Number(bytes.toString('latin1', head.length, idsAt));
      if (!Number.isSafeInteger(generation) || generation < 0) return undefined;
      const aliases = JSON.parse(bytes.toString('utf8', end + aliasesHead.length, bytes.length - 3)) as Record<string, string>;
      if (!isRecord(aliases) || !bytes.subarray(bytes.length - 3).equals(Buffer.from('\n}\n'))) return undefined;
      const view = new RegistryText(bytes, generation, aliases, idsAt + idsHead.length - 1, end);
      // (An id that is an array index would be first, out of code-unit order: then the whole text is parsed.)
      if (bytes.indexOf(ENTRY_HEAD, view.first) !== view.first || arrayIndex(view.keyAt(view.first))) return undefined;
      return view;
    } catch {
      return undefined;
    }
  }

  /** The id of the entry whose line break is at `at`: its line is `    "<id>": {`. */
  private keyAt(at: number): string {
    const line = this.bytes.indexOf(10, at + 1);
    if (line < 0 || this.bytes[line - 1] !== 0x7b || this.bytes[line - 2] !== 0x20 || this.bytes[line - 3] !== 0x3a) throw new Error('registry text: unexpected entry line');
    return JSON.parse(this.bytes.toString('utf8', at + 5, line - 3)) as string;
  }

  /** Where the first entry starts (its line break) and where the last one ends. */
  get entriesFrom(): number {
    return this.first;
  }

  get entriesEnd(): number {
    return this.end;
  }

  /** Where the entry after the one at `at` starts, or the end of the entries. */
  after(at: number): number {
    return this.nextAt(at);
  }

  /** Where the entry after the one at `at` starts, or `end`. */
  private nextAt(at: number): number {
    const next = this.bytes.indexOf(ENTRY_HEAD, at + 1);
    return next < 0 || next > this.end ? this.end : next;
  }

  /**
   * Where the first entry at or after `from` (where an entry starts, or the end) whose id is not
   * below `id` starts (its line break), or the end of the entries; and whether its id is `id`.
   */
  seek(id: string, from = this.first): { at: number; same: boolean } {
    // Bisect: that entry starts in [lo, hi], where lo is where an entry starts (or the end).
    let lo = from;
    let hi = this.end;
    while (lo < hi) {
      const mid = lo + ((hi - lo) >>> 1);
      const at = mid === lo ? lo : this.bytes.indexOf(ENTRY_HEAD, mid);
      if (at < 0 || at >= hi) {
        hi = mid;
        continue;
      }
      const c = cmp(this.keyAt(at), id);
      if (c === 0) return { at, same: true };
      if (c < 0) lo = this.nextAt(at);
      else hi = at;
    }
    return { at: lo, same: false };
  }

  /** The entry of `id` (undefined: not registered), read from the text. */
  entry(id: string): RegistryEntry | undefined {
    if (this.full) return Object.hasOwn(this.full.ids, id) ? this.full.ids[id] : undefined;
    const known = this.cache.get(id);
    if (known !== undefined) return known ?? undefined;
    if (arrayIndex(id)) return Object.hasOwn(this.registry().ids, id) ? this.full!.ids[id] : undefined;
    const { at, same } = this.seek(id);
    let found: RegistryEntry | null = null;
    if (same) {
      // The entry's text (up to the "," before the next one, or the end), as an object of its one key.
      const next = this.nextAt(at);
      const parsed = JSON.parse(`{${this.bytes.toString('utf8', at, next === this.end ? next : next - 1)}}`) as Record<string, RegistryEntry>;
      found = parsed[id] ?? null;
    }
    this.cache.set(id, found);
    return found ?? undefined;
  }

  has(id: string): boolean {
    return this.entry(id) !== undefined;
  }

  /** The whole registry (parsed once, without checking each entry: the text is formatRegistry's). */
  registry(): Registry {
    this.full ??= parseRegistry(this.bytes.toString('utf8'), 'registry', true).registry;
    return this.full;
  }
}

const ENTRY_HEAD = Buffer.from('\n    "', 'utf8');

/** Whether formatRegistry would write the same text for both (without formatting either). */
export function sameRegistry(a: Registry, b: Registry): boolean {
  if (a.generation !== b.generation) return false;
  const ak = Object.keys(a.ids);
  const ek = Object.keys(a.aliases);
  if (ak.length !== Object.keys(b.ids).length || ek.length !== Object.keys(b.aliases).length) return false;
  for (const id of ak) {
    const x = a.ids[id]!;
    const y = Object.hasOwn(b.ids, id) ? b.ids[id] : undefined;
    if (!y || x.since !== y.since || x.key !== y.key || x.sources.length !== y.sources.length) return false;
    // (Sources in the same order are the same sorted; only others are sorted to compare.)
    let same = 0;
    while (same < x.sources.length && x.sources[same] === y.sources[same]) same++;
    if (same === x.sources.length) continue;
    const xs = [...x.sources].sort(cmp);
    const ys = [...y.sources].sort(cmp);
    for (let i = 0; i < xs.length; i++) if (xs[i] !== ys[i]) return false;
  }
  for (const id of ek) if (!Object.hasOwn(b.aliases, id) || a.aliases[id] !== b.aliases[id]) return false;
  return true;
}

function sortedRecord(rec: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of sortedIds(Object.keys(rec))) out[k] = rec[k]!;
  return out;
}

type SourceLike = Pick<TimelineEvent['sources'][number], 'document' | 'sentence' | 'trigger'>;

/** A source's strong key: document, hash of the sentence, trigger offset in the sentence. */
export function sourceKey(s: SourceLike): string {
  return `${s.document}#${shortHash(s.sentence)}#${s.trigger?.start ?? ''}`;
}

/** The weak key: document and sentence only (a sentence may report events of several types). */
export function weakKey(strong: string): string {
  return strong.slice(0, strong.lastIndexOf('#'));
}

export function contentKey(ev: Pick<TimelineEvent, 'date' | 'type' | 'countries'>): string {
  return `${ev.date}|${ev.type}|${ev.countries.join(',')}`;
}

export const typeOfKey = (key: string): string => {
  const a = key.indexOf('|');
  if (a < 0) return '';
  const b = key.indexOf('|', a + 1);
  return b < 0 ? key.slice(a + 1) : key.slice(a + 1, b);
};

/** `list` sorted in code-unit order: as it is when already sorted (a registry read back), else a sorted copy. */
function sortedIds(list: string[]): string[] {
  for (let i = 1; i < list.length; i++) if (list[i - 1]! > list[i]!) return list.sort(cmp);
  return list;
}

/** An event's strong source keys, unique and sorted (what the registry stores for it). */
export function eventSourceKeys(ev: Pick<TimelineEvent, 'sources'>): string[] {
  return [...new Set(ev.sources.map(sourceKey))].sort(cmp);
}

/** The order key ids.ts uses to number events that share a content id: their first source. */
export function firstSourceOrder(ev: Pick<TimelineEvent, 'sources'>): string {
  let first = '';
  for (const s of ev.sources) {
    const k = [s.document, String(s.start).padStart(10, '0'), String(s.end).padStart(10, '0')].join('\u0000');
    if (first === '' || cmp(k, first) < 0) first = k;
  }
  return first;
}

/** Which events each registered id matched in step 1 (its id's event, or an alias of it). */
export interface RegistryMatch {
  /** registered id -> id of the event it now stands for (itself when it is that event's id). */
  matched: Map<string, string>;
  /** Source keys of every event after step 1, by id (to follow events that curation folds). */
  sourcesOf: Map<string, string[]>;
}

/**
 * What step 1 reads of an event: its content id, day, type, source keys (`eventSourceKeys`) and
 * `contentKey` (to tell apart events that share their sources; without it only the ids' words do).
 */
export interface RegistryInput {
  id: string;
  date: string;
  type: string;
  keys: readonly string[];
  key?: string;
}

/** The words of an id without its -2, -3... number: what tells two ids of one day apart. */
export function idWords(id: string): Set<string> {
  const words = id.split('-');
  if (words.length > 4 && /^\d{1,9}$/.test(words[words.length - 1]!)) words.pop();
  return new Set(words);
}

/**
 * How well a registered id (the words of its id, its entry's key) fits an event (the words of its
 * content id, its contentKey) that its sources cannot tell from another: the same content key first,
 * then fewer words of one id missing from the other.
 */
export function closenessOf(regWords: Set<string>, regKey: string, evWords: Set<string>, evKey: string | undefined): number {
  let shared = 0;
  for (const w of regWords) if (evWords.has(w)) shared++;
  const sameKey = evKey !== undefined && evKey === regKey;
  return (sameKey ? 1_000_000 : 0) - (regWords.size + evWords.size - 2 * shared);
}

/** The order that settles ties between events: by day, then content id (scoreRegistry and matchRegistry). */
function tieOrder(ev: RegistryInput): string {
  return `${ev.date}\u0000${ev.id}`;
}

/**
 * Each registered id's best event, as step 1 decides it before settling ties: the event that shares
 * most with it (strong sources 1,000,000 each, weak sources of its type 1,000 each, its own content id
 * 1), equal scores decided by `closenessOf`; several events equal on both are a tie. Decides every
 * registered id, or only those of `only` (each id's best depends only on its entry and the events,
 * so a subset is decided as in the whole). `keyOf` gives an event's contentKey when its input has none
 * (read only for events of equal scores).
 */
export function scoreRegistry(
  events: readonly RegistryInput[],
  reg: Registry,
  only?: Iterable<string>,
  keyOf: (i: number) => string | undefined = (i) => events[i]!.key,
): {
  /** The ids decided, in code-unit order; the arrays below are by position in it. */
  ids: string[];
  /** Each id's best event (-1: none shares anything with it); for a tie, the first by (date, content id). */
  best: Int32Array;
  /** Ids that several events tie for, and those events. */
  ties: Map<number, number[]>;
} {
  // Registered ids by number (in code-unit order), with their types read once.
  const all = only === undefined ? sortedIds(Object.keys(reg.ids)) : [...new Set(only)].filter((id) => Object.hasOwn(reg.ids, id)).sort(cmp);
  const numberOf = new Map<string, number>();
  const typeOf: string[] = new Array(all.length);
  // (A key held by one id maps to its number, by more to their list: most keys have one.)
  const strongIndex = new Map<string, number | number[]>();
  const weakIndex = new Map<string, number | number[]>();
  const push = (m: Map<string, number | number[]>, k: string, n: number) => {
    const list = m.get(k);
    if (list === undefined) m.set(k, n);
    else if (typeof list === 'number') m.set(k, [list, n]);
    else list.push(n);
  };
  const NONE: number[] = [];
  const listOf = (v: number | number[] | undefined): readonly number[] => (v === undefined ? NONE : typeof v === 'number' ? [v] : v);
  for (let n = 0; n < all.length; n++) {
    const entry = reg.ids[all[n]!]!;
    numberOf.set(all[n]!, n);
    typeOf[n] = typeOfKey(entry.key);
    const sources = entry.sources;
    let lastWeak: string | undefined;
    let weak: Set<string> | undefined;
    for (const s of sources) {
      push(strongIndex, s, n);
      const w = weakKey(s);
      // (Sorted sources give their weak keys in runs: a set only when they do not.)
      if (w === lastWeak || weak?.has(w)) continue;
      if (lastWeak !== undefined) (weak ??= new Set([lastWeak])).add(w);
      lastWeak = w;
      push(weakIndex, w, n);
    }
  }

  // Score every (registered id, event) pair that shares anything: strong sources, then weak
  // sources of the same type, then the same content id (an event back after all its articles went).
  const score = new Float64Array(all.length);
  const touched: number[] = [];
  const bestEv = new Int32Array(all.length).fill(-1);
  const bestScore = new Float64Array(all.length);
  const tieOf = (i: number) => tieOrder(events[i]!);
  const ties = new Map<number, number[]>();
  const regWords = new Map<number, Set<string>>();
  const evWords = new Map<number, Set<string>>();
  const closeness = (n: number, i: number): number => {
    let rw = regWords.get(n);
    if (!rw) regWords.set(n, (rw = idWords(all[n]!)));
    let ew = evWords.get(i);
    if (!ew) evWords.set(i, (ew = idWords(events[i]!.id)));
    return closenessOf(rw, reg.ids[all[n]!]!.key, ew, keyOf(i));
  };
  if (all.length === 0) return { ids: all, best: bestEv, ties };
  for (let i = 0; i < events.length; i++) {
    const ev = events[i]!;
    const keys = ev.keys;
    for (const k of keys) {
      const v = strongIndex.get(k);
      if (v === undefined) continue;
      if (typeof v === 'number') {
        if (score[v] === 0) touched.push(v);
        score[v] = score[v]! + 1_000_000;
        continue;
      }
      for (const n of v) {
        if (score[n] === 0) touched.push(n);
        score[n] = score[n]! + 1_000_000;
      }
    }
    let weakSeen: Set<string> | undefined;
    for (const k of keys) {
      const w = weakKey(k);
      if (keys.length > 1) {
        if ((weakSeen ??= new Set()).has(w)) continue;
        weakSeen.add(w);
      }
      for (const n of listOf(weakIndex.get(w))) {
        if (typeOf[n] !== ev.type) continue;
        if (score[n] === 0) touched.push(n);
        score[n] = score[n]! + 1000;
      }
    }
    const own = numberOf.get(ev.id);
    if (own !== undefined && score[own] === 0) {
      touched.push(own);
      score[own] = 1;
    }
    for (const n of touched) {
      const sc = score[n]!;
      score[n] = 0;
      const b = bestEv[n]!;
      if (b < 0 || sc > bestScore[n]!) {
        bestEv[n] = i;
        bestScore[n] = sc;
        ties.delete(n);
      } else if (sc === bestScore[n]!) {
        // Equal sources (two events read from one sentence and trigger): what the id stood for decides.
        const d = closeness(n, i) - closeness(n, b);
        if (d > 0) {
          bestEv[n] = i;
          ties.delete(n);
        } else if (d === 0) {
          const list = ties.get(n);
          if (list) list.push(i);
          else ties.set(n, [b, i]);
          if (cmp(tieOf(i), tieOf(b)) < 0) bestEv[n] = i;
        }
      }
    }
    touched.length = 0;
  }
  return { ids: all, best: bestEv, ties };
}

/**
 * Step 1's matching: the registered id each event takes (undefined: none chose it, it gets a fresh
 * id) and which registered ids matched which event's new id.
 */
export function matchRegistry(
  events: readonly RegistryInput[],
  reg: Registry,
  keyOf?: (i: number) => string | undefined,
): {
  named: (string | undefined)[];
  matched: Map<string, string>;
  /** Registered ids several events tied for (equal sources and closeness), and those events. */
  ties: { ids: string[]; events: number[] };
} {
  const { ids: all, best: bestEv, ties } = scoreRegistry(events, reg, undefined, keyOf);
  const tieOf = (i: number) => tieOrder(events[i]!);

  // Each registered id with one best event takes it; an id several events tie for (nothing it kept
  // tells them apart) then takes, oldest id first, the first of them no other id took, so that two
  // such events keep their two ids from build to build; the order of ties is date, then content id.
  const older = (a: string, b: string) => reg.ids[a]!.since - reg.ids[b]!.since || cmp(a, b);
  const claimed = new Set<number>();
  for (let n = 0; n < all.length; n++) if (bestEv[n]! >= 0 && !ties.has(n)) claimed.add(bestEv[n]!);
  for (const n of [...ties.keys()].sort((a, b) => older(all[a]!, all[b]!))) {
    const candidates = ties.get(n)!.sort((a, b) => cmp(tieOf(a), tieOf(b)));
    const i = candidates.find((c) => !claimed.has(c)) ?? candidates[0]!;
    bestEv[n] = i;
    claimed.add(i);
  }

  // Each event takes the oldest registered id that chose it; the others become its aliases.
  const chosenBy = new Map<number, string[]>();
  for (let n = 0; n < all.length; n++) {
    const i = bestEv[n]!;
    if (i < 0) continue;
    const list = chosenBy.get(i);
    if (list) list.push(all[n]!);
    else chosenBy.set(i, [all[n]!]);
  }
  const matched = new Map<string, string>();
  const named: (string | undefined)[] = new Array(events.length).fill(undefined);
  for (const [i, ids] of chosenBy) {
    ids.sort(older);
    const id = ids[0]!;
    for (const other of ids) matched.set(other, id);
    named[i] = id;
  }
  const tiedEvents = new Set<number>();
  for (const list of ties.values()) for (const i of list) tiedEvents.add(i);
  return { named, matched, ties: { ids: [...ties.keys()].map((n) => all[n]!), events: [...tiedEvents].sort((a, b) => a - b) } };
}

/** Ids fresh events may not take: every registered id and alias, and the ids events took in step 1. */
export function takenIds(reg: Registry, named: readonly (string | undefined)[]): Set<string> {
  const taken = new Set<string>([...Object.keys(reg.ids), ...Object.keys(reg.aliases)]);
  for (const id of named) if (id !== undefined) taken.add(id);
  return taken;
}

/**
 * Step 1: gives every merged event its published id where it has one, and fresh ids elsewhere.
 * Returns the events (sorted by date, id) and which registered ids matched which event.
 */
export function applyRegistry(events: TimelineEvent[], reg: Registry): { events: TimelineEvent[]; match: RegistryMatch } {
  const { named: chosen, matched } = matchRegistry(
    events.map((ev) => ({ id: ev.id, date: ev.date, type: ev.type, keys: eventSourceKeys(ev), key: contentKey(ev) })),
    reg,
  );
  const named: TimelineEvent[] = [];
  const fresh: TimelineEvent[] = [];
  events.forEach((ev, i) => {
    const id = chosen[i];
    if (id === undefined) fresh.push(ev);
    else named.push({ ...ev, id });
  });

  // Fresh ids never take a registered id (nor an alias): old links must not open another event.
  const renumbered = assignIds(fresh, firstSourceOrder, takenIds(reg, chosen));
  const out = [...named, ...renumbered].sort((a, b) => cmp(a.date, b.date) || cmp(a.id, b.id));
  const sourcesOf = new Map(out.map((e) => [e.id, eventSourceKeys(e)] as const));
  return { events: out, match: { matched, sourcesOf } };
}

/**
 * Step 2: the registry after this build and the aliases events.json carries, from the events
 * actually published (after curation and validation).
 */
export function updateRegistry(
  published: TimelineEvent[],
  reg: Registry,
  match: RegistryMatch,
): { registry: Registry; aliases: Record<string, string> } {
  return updateRegistryFrom(
    published.map((ev) => ({ id: ev.id, key: contentKey(ev), keys: eventSourceKeys(ev) })),
    reg,
    match,
  );
}

/** What step 2 reads of a published event: its id, `contentKey` and `eventSourceKeys`. */
export interface PublishedInput {
  id: string;
  key: string;
  keys: string[];
}

/** What aliasResolver reads: the published events' source keys, and the registry and matching before them. */
export interface AliasSources {
  /** Each published event's id and source keys (read once, when an id first needs them). */
  published: () => Iterable<readonly [string, readonly string[]]>;
  isCurrent: (id: string) => boolean;
  /** The event a registered id matched in step 1, and each matched event's source keys. */
  matched: (id: string) => string | undefined;
  sourcesOf: (id: string) => readonly string[] | undefined;
  /** The registry's entry sources of an id, and the id an alias points at. */
  entrySources: (id: string) => readonly string[] | undefined;
  aliasOf: (id: string) => string | undefined;
}

/**
 * The published event an old id stands for now, or null when its event is gone (updateRegistryFrom's
 * aliases; publish-delta.ts resolves the same way from the registry's text): the event it matched when
 * that is published, else the published event holding most of the matched event's sources (curation
 * folded it), else most of its own registered sources, else where its alias leads. Ties: the smaller id.
 */
export function aliasResolver(o: AliasSources): (id: string) => string | null {
  // Where each source now is (made when first needed: a build where every registered id is still
  // published never needs it).
  let holder: Map<string, string[]> | undefined;
  const bySources = (sources: readonly string[]): string | undefined => {
    if (holder === undefined) {
      holder = new Map();
      for (const [id, keys] of o.published()) {
        for (const k of keys) {
          const list = holder.get(k);
          if (list) list.push(id);
          else holder.set(k, [id]);
        }
      }
    }
    const votes = new Map<string, number>();
    for (const s of sources) for (const id of holder.get(s) ?? []) votes.set(id, (votes.get(id) ?? 0) + 1);
    let out: string | undefined;
    let top = 0;
    for (const [id, n] of votes) if (n > top || (n === top && out !== undefined && cmp(id, out) < 0)) [out, top] = [id, n];
    return out;
  };
  const target = new Map<string, string | null>();
  const resolve = (id: string, seen: Set<string>): string | null => {
    if (o.isCurrent(id)) return id;
    const known = target.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return null;
    seen.add(id);
    let to: string | null = null;
    const via = o.matched(id);
    if (via !== undefined) to = o.isCurrent(via) ? via : (bySources(o.sourcesOf(via) ?? []) ?? null);
    // The event it matched was folded or dropped by curation, or the id matched nothing: its own sources.
    if (to === null) to = bySources(o.entrySources(id) ?? []) ?? null;
    const alias = to === null ? o.aliasOf(id) : undefined;
    if (alias !== undefined) to = resolve(alias, seen);
    target.set(id, to);
    return to;
  };
  return (id) => resolve(id, new Set());
}

/** Step 2 from each published event's id, content key and source keys (see updateRegistry). */
export function updateRegistryFrom(
  published: readonly PublishedInput[],
  reg: Registry,
  match: RegistryMatch,
): { registry: Registry; aliases: Record<string, string> } {
  const current = new Map(published.map((e) => [e.id, e] as const));
  const next = reg.generation + 1;
  const ids: Record<string, RegistryEntry> = {};
  for (const ev of published) {
    ids[ev.id] = { since: reg.ids[ev.id]?.since ?? next, key: ev.key, sources: ev.keys };
  }

  const aliases: Record<string, string> = {};
  const resolve = aliasResolver({
    published: () => published.map((ev) => [ev.id, ev.keys] as const),
    isCurrent: (id) => current.has(id),
    matched: (id) => match.matched.get(id),
    sourcesOf: (id) => match.sourcesOf.get(id),
    entrySources: (id) => (Object.hasOwn(reg.ids, id) ? reg.ids[id]!.sources : undefined),
    aliasOf: (id) => (Object.hasOwn(reg.aliases, id) ? reg.aliases[id] : undefined),
  });

  const old = new Set([...Object.keys(reg.ids), ...Object.keys(reg.aliases)]);
  for (const id of old) {
    if (current.has(id)) continue;
    const to = resolve(id);
    if (to !== null && to !== id) aliases[id] = to;
    // Gone or aliased ids stay registered with what they last stood for (never reused, may come back).
    if (reg.ids[id]) ids[id] = reg.ids[id]!;
  }

  const candidate: Registry = { version: 1, generation: reg.generation, ids, aliases: sortedRecord(aliases) };
  const changed = !sameRegistry(candidate, reg);
  return { registry: { ...candidate, generation: changed ? next : reg.generation }, aliases: sortedRecord(aliases) };
}
