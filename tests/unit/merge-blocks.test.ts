/**
 * The merge by independent blocks (merge/blocks.ts) and its cache: clustering block by block, with
 * or without cached clusters, gives exactly the events of one run over every report.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeEvents, type MergeCache } from '../../scripts/pipeline/merge.ts';
import { mergeBlocks } from '../../scripts/pipeline/merge/blocks.ts';
import type { Actor, DateEvidence, ExtractedEvent } from '../../scripts/pipeline/types.ts';
import type { EventType } from '../../src/lib/schema.ts';

const PEOPLE: Actor[] = [
  { name: 'Xi Jinping', country: 'CHN', role: 'President' },
  { name: 'Sergei Lavrov', country: 'RUS', role: 'Foreign Minister' },
  { name: 'Lavrov', country: 'RUS' },
  { name: 'Recep Tayyip Erdogan', country: 'TUR', role: 'President' },
  { name: 'Foreign Ministry', country: 'CHN' },
];
/** A few sentences shared by several reports, so that reprints and same-text candidates occur. */
const SHARED = [
  'The two ministers held talks in the capital on Tuesday.',
  'The ministry condemned the strike and summoned the envoy.',
  'Officials said the drills would continue through the week.',
];

const report = fc.record({
  doc: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  start: fc.integer({ min: 0, max: 30 }).map((n) => n * 100),
  type: fc.constantFrom<EventType>('meeting', 'statement', 'accusation', 'threat', 'military'),
  day: fc.integer({ min: 1, max: 28 }),
  published: fc.integer({ min: 0, max: 3 }),
  evidence: fc.constantFrom<DateEvidence>('explicit', 'weekday', 'publication', 'dateline', 'relative'),
  precision: fc.constantFrom<'day' | 'approximate'>('day', 'day', 'approximate'),
  countries: fc.subarray(['CHN', 'RUS', 'TUR', 'USA', 'IND'], { maxLength: 3 }),
  orgs: fc.subarray(['SCO', 'UN'], { maxLength: 1 }),
  actors: fc.subarray(PEOPLE, { maxLength: 2 }),
  shared: fc.integer({ min: -4, max: SHARED.length - 1 }),
});
type Report = typeof report extends fc.Arbitrary<infer T> ? T : never;

function toEvent(r: Report): ExtractedEvent {
  const day = (d: number) => `2025-03-${String(Math.min(28, Math.max(1, d))).padStart(2, '0')}`;
  const sentence = r.shared >= 0 ? SHARED[r.shared]! : `Report ${r.doc} at ${r.start} says what happened.`;
  return {
    type: r.type,
    date: day(r.day),
    datePrecision: r.precision,
    dateEvidence: r.evidence,
    countries: r.countries.length || r.orgs.length ? [...r.countries].sort() : ['CHN'],
    organizations: r.orgs,
    actors: r.actors,
    title: `${r.type} ${r.countries.join('/')}`,
    confidence: 0.8,
    source: { document: r.doc, published: day(r.day + r.published), sentence, start: r.start, end: r.start + sentence.length, trigger: { start: 4, end: 9 } },
  };
}

function memoryCache(): MergeCache & { store: Map<string, number[][]> } {
  const store = new Map<string, number[][]>();
  return { store, get: (k) => store.get(k), set: (k, v) => void store.set(k, v) };
}

/** Keys that name each report by its document and position (content is fixed in these tests). */
function keysOf(input: ExtractedEvent[]): string[] {
  const seen = new Map<string, number>();
  return input.map((e) => {
    const n = seen.get(e.source.document) ?? 0;
    seen.set(e.source.document, n + 1);
    return `${e.source.document}#${n}`;
  });
}

const uniqueReports = fc.uniqueArray(report, { maxLength: 40, selector: (r) => `${r.doc}@${r.start}` });

describe('merge by blocks', () => {
  it('gives the same events as one run over everything', () => {
    fc.assert(
      fc.property(uniqueReports, (rs) => {
        const input = rs.map(toEvent);
        expect(JSON.stringify(mergeEvents(input, { blocks: true }))).toBe(JSON.stringify(mergeEvents(input)));
      }),
      { numRuns: 600 },
    );
  });

  it('with cached clusters, adding a document gives the bytes of a clean merge', () => {
    fc.assert(
      fc.property(uniqueReports, fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), (rs, added) => {
        const input = rs.map(toEvent);
        const keys = keysOf(input);
        const before = input.map((_, i) => i).filter((i) => input[i]!.source.document !== added);
        const cache = memoryCache();
        mergeEvents(before.map((i) => input[i]!), { reportKeys: before.map((i) => keys[i]!), cache });
        const stats = { blocks: 0, fromCache: 0, reports: 0, reclustered: 0 };
        const warm = mergeEvents(input, { reportKeys: keys, cache, stats });
        expect(JSON.stringify(warm)).toBe(JSON.stringify(mergeEvents(input)));
        // Every block without a report of the added document came from the cache.
        const touched = mergeBlocks(input).filter((b) => b.some((i) => input[i]!.source.document === added)).length;
        expect(stats.fromCache).toBe(stats.blocks - touched);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps far-apart days and unrelated states in separate blocks, and one sentence in one block', () => {
    const base = toEvent({ doc: 'a', start: 0, type: 'meeting', day: 3, published: 0, evidence: 'explicit', precision: 'day', countries: ['CHN', 'RUS'], orgs: [], actors: [], shared: -1 });
    const sameDay = { ...base, source: { ...base.source, document: 'b', sentence: 'Another account of it.' } };
    const farDay = { ...base, date: '2025-03-20', source: { ...base.source, document: 'c', sentence: 'A later meeting.' } };
    const otherStates = { ...base, countries: ['IND', 'USA'], source: { ...base.source, document: 'd', sentence: 'Elsewhere.' } };
    const sibling = { ...base, type: 'threat' as const, countries: ['USA'], source: { ...base.source, trigger: { start: 10, end: 15 } } };
    expect(mergeBlocks([base, sameDay, farDay, otherStates, sibling])).toEqual([[0, 1, 4], [2], [3]]);
  });

  it('does not join reports the index finds but whose days can never be one event', () => {
    // Dated only by its publication day (the 10th): it may have happened on that day or up to two days
    // before, never after. The clusterer finds the report of the 11th, but no event can hold both.
    const loose = toEvent({ doc: 'a', start: 0, type: 'meeting', day: 10, published: 0, evidence: 'publication', precision: 'day', countries: ['CHN', 'RUS'], orgs: [], actors: [], shared: -1 });
    const after = { ...loose, date: '2025-03-11', dateEvidence: 'explicit' as const, source: { ...loose.source, document: 'b', sentence: 'A meeting the next day.' } };
    const before = { ...loose, date: '2025-03-08', dateEvidence: 'explicit' as const, source: { ...loose.source, document: 'c', sentence: 'A meeting two days before.' } };
    expect(mergeBlocks([loose, after, before])).toEqual([[0, 2], [1]]);
    expect(JSON.stringify(mergeEvents([loose, after, before], { blocks: true }))).toBe(JSON.stringify(mergeEvents([loose, after, before])));
  });

  it('a cached entry that does not name every report of its block once is not used', () => {
    const one = toEvent({ doc: 'a', start: 0, type: 'meeting', day: 5, published: 0, evidence: 'explicit', precision: 'day', countries: ['CHN', 'RUS'], orgs: [], actors: [], shared: 0 });
    const rs = [0, 1, 2].map((n) => ({ ...one, source: { ...one.source, document: `d${n}` } }));
    const keys = keysOf(rs);
    const cache = memoryCache();
    const clean = JSON.stringify(mergeEvents(rs));
    expect(JSON.stringify(mergeEvents(rs, { reportKeys: keys, cache }))).toBe(clean);
    expect(cache.store.size).toBe(1);
    const [k] = [...cache.store.keys()];
    for (const broken of [[[0, 1]], [[0, 1, 1]], [[0, 1, 7]], [[0], [1], [2], [~0]]]) {
      cache.store.set(k!, broken);
      expect(JSON.stringify(mergeEvents(rs, { reportKeys: keys, cache }))).toBe(clean);
    }
  });
});
