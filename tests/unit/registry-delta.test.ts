/**
 * The id registry's step 2 made from what changed (corpus/publish-delta.ts updateRegistryDelta) and
 * the registry file read as its text (id-registry.ts RegistryText): the same registry, aliases and
 * generation as updateRegistryFrom over every entry and every published event, on random registries
 * whose previous build published, renamed, dropped, re-keyed and merged events, with gone ids, chains
 * of aliases and ids that come back.
 */
import { describe, expect, it } from 'vitest';
import type { ScanEntry } from '../../scripts/pipeline/corpus/build-state.ts';
import { applyDelta, deltaRegistry, documentOf, scanFromState, updateRegistryDelta, type ScanRec } from '../../scripts/pipeline/corpus/publish-delta.ts';
import { cmp } from '../../scripts/pipeline/ids.ts';
import { formatRegistry, parseRegistry, patchRegistryText, RegistryText, typeOfKey, updateRegistryFrom, type PublishedInput, type Registry } from '../../scripts/pipeline/id-registry.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const text = (r: Registry) => Buffer.from(formatRegistry(r), 'utf8');
/** The registry as a build reads it back from its file. */
const reread = (r: Registry) => parseRegistry(formatRegistry(r), 'test', true).registry;

describe('the registry file read as its text (RegistryText)', () => {
  it('looks up every entry, and no other id, as the parsed file holds them', () => {
    const r = rng(3);
    const word = () => Math.floor(r() * 36 ** 2).toString(36);
    for (let round = 0; round < 40; round++) {
      const ids: Registry['ids'] = {};
      const n = 1 + Math.floor(r() * 40);
      for (let i = 0; i < n; i++) {
        const id = `${word()}-${r() < 0.1 ? 'q"\\é\u2028' : ''}${word()}`;
        ids[id] = { since: Math.floor(r() * 4), key: `2024-01-0${1 + Math.floor(r() * 9)}|visit|"F"`, sources: Array.from({ length: Math.floor(r() * 3) }, () => `${word()}#${word()}#${Math.floor(r() * 9)}`).sort(cmp) };
      }
      const reg: Registry = { version: 1, generation: round, ids, aliases: r() < 0.5 ? {} : { [`${word()}-gone`]: Object.keys(ids)[0]! } };
      const view = RegistryText.of(text(reg))!;
      const parsed = reread(reg);
      expect(view.generation).toBe(round);
      expect(view.aliases).toEqual(parsed.aliases);
      for (const id of Object.keys(ids)) expect(view.entry(id)).toEqual(parsed.ids[id]);
      // Ids before the first, after the last, between two, and prefixes of registered ones.
      for (const id of ['', '!', '~~~', `${Object.keys(ids)[0]}-`, Object.keys(ids)[0]!.slice(0, 2), word()]) {
        expect(view.entry(id)).toEqual(Object.hasOwn(parsed.ids, id) ? parsed.ids[id] : undefined);
      }
      expect(view.registry()).toEqual(parsed);
    }
  });

  it('is not made from a text formatRegistry did not write, with no entry, or with ids JSON puts first', () => {
    const reg: Registry = { version: 1, generation: 2, ids: { 'a-b': { since: 1, key: 'k', sources: [] } }, aliases: {} };
    expect(RegistryText.of(text(reg))).toBeDefined();
    expect(RegistryText.of(Buffer.from(JSON.stringify(reg)))).toBeUndefined();
    expect(RegistryText.of(text(reg).subarray(0, text(reg).length - 1))).toBeUndefined();
    expect(RegistryText.of(text({ ...reg, ids: {} }))).toBeUndefined();
    expect(RegistryText.of(text({ ...reg, ids: { ...reg.ids, '12': { since: 1, key: 'k', sources: [] } } }))).toBeUndefined();
  });
});

interface Scenario {
  /** The registry the previous build read, and what it published and matched. */
  older: Registry;
  prev: PublishedInput[];
  prevMatched: Map<string, string>;
  /** This build: published events and matching. */
  now: PublishedInput[];
  matched: Map<string, string>;
  sourcesOf: Map<string, string[]>;
}

/** A random previous build and a random build after it, sources drawn from a few documents so that they are shared. */
function scenario(r: () => number, round: number): Scenario {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const source = () => `d${Math.floor(r() * 6)}#s${Math.floor(r() * 5)}#${Math.floor(r() * 3)}`;
  const keys = () => [...new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, source))].sort(cmp);
  const key = () => `2024-01-0${1 + Math.floor(r() * 3)}|${pick(['visit', 'talks'])}|FRA`;
  let fresh = 0;
  const newId = () => `e${round}-${fresh++}`;
  const older: Registry = { version: 1, generation: 1 + Math.floor(r() * 3), ids: {}, aliases: {} };
  for (let i = Math.floor(r() * 8); i > 0; i--) older.ids[newId()] = { since: Math.floor(r() * 2), key: key(), sources: keys() };
  const olderIds = Object.keys(older.ids);
  for (const id of olderIds) if (r() < 0.2) older.aliases[id] = pick(olderIds);
  if (r() < 0.3) older.aliases[`only-alias-${round}`] = olderIds.length ? pick(olderIds) : 'nowhere';
  // The previous build: some old ids published again, some new ones.
  const prev: PublishedInput[] = [];
  const used = new Set<string>();
  for (let i = 1 + Math.floor(r() * 10); i > 0; i--) {
    const id = olderIds.length && r() < 0.5 ? pick(olderIds) : newId();
    if (used.has(id)) continue;
    used.add(id);
    prev.push({ id, key: key(), keys: keys() });
  }
  const prevMatched = new Map<string, string>();
  for (const id of olderIds) if (r() < 0.5 && prev.length) prevMatched.set(id, pick(prev).id);
  // This build: events kept as they were, re-keyed, renamed, dropped; new ones; ids back.
  const now: PublishedInput[] = [];
  const taken = new Set<string>();
  for (const p of prev) {
    const x = r();
    if (x < 0.5) now.push(p);
    else if (x < 0.65) now.push({ ...p, keys: keys() });
    else if (x < 0.75) now.push({ ...p, key: key() });
    else if (x < 0.85) now.push({ ...p, id: newId() });
    // (else dropped)
    taken.add(now[now.length - 1]?.id ?? '');
  }
  const registered = [...new Set([...olderIds, ...prev.map((p) => p.id)])];
  for (let i = Math.floor(r() * 4); i > 0; i--) {
    const id = registered.length && r() < 0.4 ? pick(registered) : newId();
    if (taken.has(id) || now.some((p) => p.id === id)) continue;
    now.push({ id, key: key(), keys: keys() });
  }
  now.sort((a, b) => cmp(a.id, b.id));
  const matched = new Map<string, string>();
  const sourcesOf = new Map<string, string[]>();
  for (const p of now) sourcesOf.set(p.id, p.keys);
  for (const id of [...registered, ...Object.keys(older.aliases)]) {
    const x = r();
    if (x < 0.4 && now.length) matched.set(id, pick(now).id);
    else if (x < 0.55) {
      // Matched an event that is not published (validation rejected it): followed by its sources.
      const gone = `rejected-${id}`;
      matched.set(id, gone);
      sourcesOf.set(gone, keys());
    }
  }
  return { older, prev, prevMatched, now, matched, sourcesOf };
}

describe('the registry updated from what changed (updateRegistryDelta)', () => {
  it('gives updateRegistryFrom\'s registry, aliases and generation, and its text patched', () => {
    const r = rng(11);
    let aliased = 0;
    let changedGeneration = 0;
    for (let round = 0; round < 400; round++) {
      const s = scenario(r, round);
      // The registry the previous build wrote, read back from its file.
      const sourcesBefore = new Map(s.prev.map((p) => [p.id, p.keys] as const));
      const R = reread(updateRegistryFrom(s.prev, reread(s.older), { matched: s.prevMatched, sourcesOf: sourcesBefore }).registry);
      if (Object.keys(R.ids).length === 0) continue;
      const view = RegistryText.of(text(R))!;
      const full = updateRegistryFrom(s.now, R, { matched: s.matched, sourcesOf: s.sourcesOf });
      // What the build knows: which events are as the previous build published them (the others are
      // touched; some untouched ones are given too), which ids it published before, and the idle ones.
      const before = new Map(s.prev.map((p) => [p.id, p] as const));
      const same = (p: PublishedInput) => {
        const q = before.get(p.id);
        return q !== undefined && q.key === p.key && q.keys.join() === p.keys.join();
      };
      const touched = s.now.filter((p) => !same(p) || r() < 0.1);
      const current = new Set(s.now.map((p) => p.id));
      const prevIds = new Set(s.prev.map((p) => p.id));
      const idle = Object.keys(R.ids).filter((id) => !prevIds.has(id));
      const old = [...s.prev.filter((p) => !same(p) || !current.has(p.id)).map((p) => p.id), ...idle, ...Object.keys(R.aliases), ...(r() < 0.3 ? s.now.map((p) => p.id) : [])];
      const d = updateRegistryDelta({
        text: view,
        touched,
        isCurrent: (id) => current.has(id),
        old,
        matched: (id) => s.matched.get(id),
        sourcesOf: (id) => s.sourcesOf.get(id),
        published: () => s.now.map((p) => [p.id, p.keys] as const),
      });
      expect(d.generation).toBe(full.registry.generation);
      expect(JSON.stringify(d.aliases)).toBe(JSON.stringify(full.aliases));
      expect(formatRegistry(applyDelta(view, d))).toBe(formatRegistry(full.registry));
      expect([...d.idle].sort(cmp)).toEqual(Object.keys(full.registry.ids).filter((id) => !current.has(id)).sort(cmp));
      const differs = Object.keys(full.registry.ids).filter((id) => JSON.stringify(full.registry.ids[id]) !== JSON.stringify(R.ids[id]));
      expect([...d.dirty].sort(cmp)).toEqual(differs.sort(cmp));
      if (d.generation !== R.generation) {
        changedGeneration++;
        expect(patchRegistryText(text(R), deltaRegistry(d), d.dirty)?.toString('utf8')).toBe(formatRegistry(full.registry));
      }
      if (Object.keys(full.aliases).length > 0) aliased++;
    }
    // (The rounds did exercise aliases and new generations.)
    expect(aliased).toBeGreaterThan(100);
    expect(changedGeneration).toBeGreaterThan(100);
  });
});

describe('the registered ids matchFromState tests against dirty events (scanFromState)', () => {
  it('gives, with its entry, every registered id that shares a document with a dirty event', () => {
    const r = rng(5);
    for (let round = 0; round < 200; round++) {
      // Documents (ids with "#" too, and two files of one id) with their blocks; records of the
      // previous build drawing their sources from the documents of their block.
      const docIds = ['a', 'b#2', 'c', 'c', 'd~x', 'e'];
      const docs = docIds.map((id) => ({ entry: { id }, blocks: [] as number[] }));
      const blockDocs = new Map<number, number[]>();
      for (let b = 0; b < 5; b++) {
        const members = docs.map((_, i) => i).filter(() => r() < 0.35);
        if (members.length === 0) members.push(Math.floor(r() * docs.length));
        blockDocs.set(b, members);
        for (const i of members) docs[i]!.blocks.push(b);
      }
      const events: ScanRec[] = [];
      const pubs: string[] = [];
      const ids: Registry['ids'] = {};
      for (let k = 0; k < 12; k++) {
        const block = Math.floor(r() * 5);
        const from = blockDocs.get(block)!;
        const keys = [...new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, () => `${docIds[from[Math.floor(r() * from.length)]!]}#s${Math.floor(r() * 3)}#${Math.floor(r() * 2)}`))].sort(cmp);
        const type = r() < 0.5 ? 'visit' : 'talks';
        const id = `ev-${round}-${k}`;
        const x = r();
        // Published from its kept text (the registry holds its Lite), validated again (the registry
        // holds fewer sources), not published (no line), one-sided.
        if (x < 0.6) {
          events.push({ block, len: 10, lite: [type, [], '', keys] });
          ids[id] = { since: 1, key: `2024-01-01|${type}|FRA`, sources: keys };
          pubs.push(r() < 0.3 ? `${id} old-${round}-${k}` : id);
          if (pubs[pubs.length - 1] !== id) ids[`old-${round}-${k}`] = { since: 2, key: `2024-01-01|${type}|FRA`, sources: keys.slice(0, 1) };
        } else if (x < 0.75) {
          events.push({ block, len: 10, raw: [0, 0], lite: [type, [], '', keys] });
          ids[id] = { since: 1, key: `2024-01-01|${type}|FRA`, sources: keys.slice(1) };
          pubs.push(id);
        } else if (x < 0.9) {
          events.push({ block, len: 10, lite: [type, [], '', keys] });
          pubs.push('');
        } else {
          events.push({ block, len: 10, one: true, lite: [type, [], '', keys] });
          pubs.push('');
        }
      }
      // Idle ids: sources anywhere.
      const idle: string[] = [];
      for (let j = 0; j < 3; j++) {
        const id = `idle-${round}-${j}`;
        ids[id] = { since: 0, key: '2024-01-01|visit|FRA', sources: [`${docIds[Math.floor(r() * docIds.length)]!}#s0#0`] };
        idle.push(id);
      }
      for (const [k, line] of pubs.entries()) for (const id of line.split(' ').slice(1)) if (!idle.includes(id) && events[k]) idle.push(id);
      const reg: Registry = { version: 1, generation: 3, ids, aliases: {} };
      const text = RegistryText.of(Buffer.from(formatRegistry(reg), 'utf8'))!;
      // Dirty events: sources from any document.
      const dirty = Array.from({ length: 1 + Math.floor(r() * 2) }, () => [`${docIds[Math.floor(r() * docIds.length)]!}#s${Math.floor(r() * 3)}#0`]);
      const got = new Map<string, ScanEntry>();
      for (const e of scanFromState({ dirtyKeys: dirty, docs, events, pubs, idle, text })) got.set(e[0], e);
      // Every registered id sharing a document with a dirty event is given, with its own type and
      // sources (for one published from its Lite, its Lite's are its entry's).
      const dirtyDocs = new Set(dirty.flat().map(documentOf));
      for (const [id, e] of Object.entries(ids)) {
        if (!e.sources.some((s) => dirtyDocs.has(documentOf(s)))) continue;
        expect(got.get(id)).toEqual([id, typeOfKey(e.key), e.sources]);
      }
      expect(documentOf('b#2#s1#0')).toBe('b#2');
    }
  });
});
