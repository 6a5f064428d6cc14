/**
 * The replay of a block's clustering (scripts/pipeline/corpus/recluster.ts): from the table of the
 * previous run, adding reports gives exactly the clusters of clusterWithCopies over all of them
 * (same clusters in the same order, same members in the same order, same copies), while only some
 * decisions are recomputed. Random report sets with many near-duplicates (same sentence, reprints,
 * siblings of one sentence, loose days), and the synthetic corpus's reports.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../scripts/eval/synthetic-corpus.ts';
import { clusterWithCopies, normalized } from '../../scripts/pipeline/merge.ts';
import { ClusterTable, oldClusters, replay, tableOf, type ReplayResult } from '../../scripts/pipeline/corpus/recluster.ts';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import { parseDocument } from '../../scripts/pipeline/parse-document.ts';
import { segment } from '../../scripts/pipeline/segment.ts';
import type { Actor, DateEvidence, ExtractedEvent } from '../../scripts/pipeline/types.ts';
import type { EventType } from '../../src/lib/schema.ts';

const PEOPLE: Actor[] = [
  { name: 'Xi Jinping', country: 'CHN', role: 'President' },
  { name: 'Sergei Lavrov', country: 'RUS', role: 'Foreign Minister' },
  { name: 'Lavrov', country: 'RUS' },
  { name: 'Recep Tayyip Erdogan', country: 'TUR', role: 'President' },
];
const SHARED = [
  'The two ministers held talks in the capital on Tuesday.',
  'The ministry condemned the strike and summoned the envoy.',
  'Officials said the drills would continue through the week.',
];

const template = fc.record({
  type: fc.constantFrom<EventType>('meeting', 'meeting', 'statement', 'accusation', 'threat', 'military', 'visit'),
  day: fc.integer({ min: 1, max: 9 }),
  evidence: fc.constantFrom<DateEvidence>('explicit', 'explicit', 'weekday', 'publication', 'dateline', 'relative'),
  precision: fc.constantFrom<'day' | 'approximate'>('day', 'day', 'day', 'approximate'),
  countries: fc.subarray(['CHN', 'RUS', 'TUR', 'USA'], { maxLength: 3 }),
  orgs: fc.subarray(['SCO', 'UN'], { maxLength: 1 }),
  actors: fc.subarray(PEOPLE, { maxLength: 2 }),
  shared: fc.integer({ min: -3, max: SHARED.length - 1 }),
  confidence: fc.constantFrom(0.5, 0.8, 0.9),
});
type Template = typeof template extends fc.Arbitrary<infer T> ? T : never;

/** A report: a template told by one document, sometimes with one thing changed. */
const use = fc.record({
  tpl: fc.nat(),
  doc: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
  start: fc.integer({ min: 0, max: 5 }).map((n) => n * 100),
  pub: fc.integer({ min: -1, max: 12 }),
  change: fc.constantFrom('none', 'none', 'none', 'type', 'org', 'state', 'day', 'loose'),
});
type Use = typeof use extends fc.Arbitrary<infer T> ? T : never;

const day = (d: number) => `2025-03-${String(Math.min(28, Math.max(1, d))).padStart(2, '0')}`;

function toEvent(tpls: Template[], u: Use): ExtractedEvent {
  const t = { ...tpls[u.tpl % tpls.length]! };
  if (u.change === 'type') t.type = t.type === 'meeting' ? 'statement' : 'meeting';
  if (u.change === 'org') t.orgs = t.orgs.length ? [] : ['UN'];
  if (u.change === 'state') t.countries = t.countries.includes('IND') ? t.countries : [...t.countries, 'IND'];
  if (u.change === 'day') t.day += 1;
  if (u.change === 'loose') t.evidence = 'publication';
  const sentence = t.shared >= 0 ? SHARED[t.shared]! : `Report ${u.tpl % tpls.length} of ${u.doc} says what happened.`;
  const countries = t.countries.length || t.orgs.length ? [...t.countries].sort() : ['CHN'];
  return normalized({
    type: t.type,
    date: day(t.day),
    datePrecision: t.precision,
    dateEvidence: t.evidence,
    countries,
    organizations: t.orgs,
    actors: t.actors,
    title: `${t.type} ${countries.join('/')}`,
    confidence: t.confidence,
    source: { document: u.doc, published: day(t.day + u.pub), sentence, start: u.start, end: u.start + sentence.length, trigger: { start: 4, end: 9 } },
  });
}

/** Clusters as positions in `all`, copies as ~position. */
function positions(all: readonly ExtractedEvent[], r: { clusters: ExtractedEvent[][]; copies: Set<ExtractedEvent> }): number[][] {
  const at = new Map(all.map((ev, i) => [ev, i] as const));
  return r.clusters.map((c) => c.map((m) => (r.copies.has(m) ? ~at.get(m)! : at.get(m)!)));
}

/** What the table says, with its strings spelled out (the order of interning may differ). */
function spelled(t: ClusterTable) {
  const starts = t.rowStarts()!;
  const rows: number[][] = [];
  for (let i = 0; i < t.n; i++) rows.push(t.rows.slice(starts[i]!, starts[i + 1]!));
  // Rows: hashes (0, 1) and loose (4) and the list lengths are numbers; the rest are strings.
  const decoded = rows.map((r) => {
    const out: (string | number)[] = [r[0]!, r[1]!, t.strings[r[2]!]!, t.strings[r[3]!]!, r[4]!];
    let q = 5;
    for (let part = 0; part < 3; part++) {
      const len = r[q]!;
      out.push(len);
      for (let j = 1; j <= len; j++) out.push(t.strings[r[q + j]!]!);
      q += len + 1;
    }
    return out;
  });
  return { n: t.n, rows: decoded, order: t.order, cluster: t.cluster, copies: t.copies };
}

/**
 * Replays adding `inserted` to `base` (whose table is `table`) and checks it against clusterWithCopies
 * over base + inserted. Returns the replay's result (for chaining) and the full run's table.
 */
function check(base: ExtractedEvent[], table: ClusterTable, inserted: ExtractedEvent[]): ReplayResult {
  const all = [...base, ...inserted];
  const full = clusterWithCopies(all);
  const r = replay({ table, base: (i) => base[i]!, inserted });
  if (!r.ok) {
    // Only an exact tie of the order (where the full run keeps input order) may stop it.
    expect(r.reason).toMatch(/in one place of the order|in the place of another/);
    return r;
  }
  const want = positions(all, full);
  const got = r.clusters.map((c) => c.map((p) => (r.copies.has(p) ? ~p : p)));
  expect(got).toEqual(want);
  // Clusters not marked changed are, member for member, previous clusters not marked changed.
  const unchangedNew = got.filter((_, i) => !r.changed.includes(i)).map((c) => JSON.stringify(c));
  const founding = new Set(table.cluster);
  const unchangedOld = [...oldClusters(table, [...founding].filter((ci) => !r.oldChanged.includes(ci))).values()].map((c) => JSON.stringify(c));
  expect(unchangedNew.sort()).toEqual(unchangedOld.sort());
  // The table written is the one a full run writes (a full run with a tie in the order writes none).
  const want2 = tableOf(all, full);
  if (want2) expect(spelled(r.table)).toEqual(spelled(want2));
  return r;
}

const scenario = fc.record({
  tpls: fc.array(template, { minLength: 1, maxLength: 10 }),
  base: fc.array(use, { minLength: 1, maxLength: 60 }),
  added: fc.array(use, { minLength: 1, maxLength: 3 }),
  more: fc.array(use, { minLength: 1, maxLength: 3 }),
});

describe('cluster replay', () => {
  it('gives the clusters of a full run after adding 1-3 reports (random report sets)', () => {
    let replayed = 0;
    let recomputed = 0;
    let reports = 0;
    fc.assert(
      fc.property(scenario, ({ tpls, base: b, added }) => {
        const base = b.map((u) => toEvent(tpls, u));
        const table = tableOf(base, clusterWithCopies(base));
        // (No table for a set with two reports in one place of the order: such blocks are clustered in full.)
        fc.pre(table !== undefined);
        const r = check(base, table!, added.map((u) => toEvent(tpls, u)));
        if (r.ok) {
          replayed++;
          recomputed += r.stats.recomputed;
          reports += base.length;
        }
      }),
      { numRuns: 1500, seed: 20250310 },
    );
    // Ties are rare: nearly every case is replayed, recomputing a fraction of the decisions.
    expect(replayed).toBeGreaterThan(1400);
    expect(recomputed).toBeLessThan(reports);
  });

  it('chains: a table written by a replay replays the next addition', () => {
    fc.assert(
      fc.property(scenario, ({ tpls, base: b, added, more }) => {
        const base = b.map((u) => toEvent(tpls, u));
        const ins = added.map((u) => toEvent(tpls, u));
        const table = tableOf(base, clusterWithCopies(base));
        fc.pre(table !== undefined);
        const first = check(base, table!, ins);
        if (!first.ok) return;
        check([...base, ...ins], first.table, more.map((u) => toEvent(tpls, u)));
      }),
      { numRuns: 800, seed: 7 },
    );
  });

  it('many seeds, larger sets', () => {
    for (let seed = 1; seed <= 30; seed++) {
      fc.assert(
        fc.property(
          fc.record({ tpls: fc.array(template, { minLength: 5, maxLength: 30 }), base: fc.array(use, { minLength: 100, maxLength: 300 }), added: fc.array(use, { minLength: 1, maxLength: 3 }) }),
          ({ tpls, base: b, added }) => {
            const base = b.map((u) => toEvent(tpls, u));
            const table = tableOf(base, clusterWithCopies(base));
            fc.pre(table !== undefined);
            check(base, table!, added.map((u) => toEvent(tpls, u)));
          },
        ),
        { numRuns: 10, seed },
      );
    }
  });

  it('the synthetic corpus: adding one article', () => {
    const resolver = createActorResolver();
    const reportsOf = (i: number): ExtractedEvent[] => {
      const raw = generateArticle(i, 3);
      const parsed = parseDocument(raw);
      if (!parsed.ok) return [];
      return extractDocument(segment(parsed.doc), resolver).events.map(normalized);
    };
    // (Any set of reports clusters as one block does: all of the corpus's.)
    const base: ExtractedEvent[] = [];
    for (let i = 0; i < 150; i++) base.push(...reportsOf(i));
    expect(base.length).toBeGreaterThan(500);
    const table = tableOf(base, clusterWithCopies(base))!;
    let ok = 0;
    for (let i = 150; i < 162; i++) {
      const added = reportsOf(i);
      if (added.length === 0) continue;
      const r = check(base, table, added);
      if (r.ok) ok++;
    }
    expect(ok).toBeGreaterThan(8);
  });

  it('a broken table, a tie in the order or too many decisions to recompute: not replayed', () => {
    const tpls: Template[] = [{ type: 'meeting', day: 3, evidence: 'explicit', precision: 'day', countries: ['CHN', 'RUS'], orgs: [], actors: [], shared: 0, confidence: 0.8 }];
    const base = (['a', 'b', 'c', 'd'] as const).map((doc, k) => toEvent(tpls, { tpl: 0, doc, start: 0, pub: k * 9, change: 'none' }));
    const table = tableOf(base, clusterWithCopies(base))!;
    const add = [toEvent(tpls, { tpl: 0, doc: 'e', start: 0, pub: 40, change: 'none' })];
    expect(replay({ table, base: (i) => base[i]!, inserted: add }).ok).toBe(true);
    const broken = [
      new ClusterTable(table.strings, table.rows, table.n, table.order.slice(1), table.cluster.slice(1), table.copies),
      new ClusterTable(table.strings, table.rows.slice(1), table.n, table.order, table.cluster, table.copies),
      new ClusterTable(table.strings, table.rows, table.n, table.order, table.cluster.map((c) => c + 1), table.copies),
    ];
    for (const t of broken) {
      const r = replay({ table: t, base: (i) => base[i]!, inserted: add });
      expect(r.ok ? '' : r.reason).toMatch(/cluster table/);
    }
    // Too many decisions to recompute: given up (the caller clusters in full).
    const other = [toEvent(tpls, { tpl: 0, doc: 'e', start: 0, pub: 0, change: 'state' })];
    const r = replay({ table, base: (i) => base[i]!, inserted: other, limit: 0 });
    expect(r.ok ? '' : r.reason).toMatch(/more than 0 decisions to recompute/);
    // Two added reports in one place of the order (the full run keeps their input order): given up.
    // (the same content key; published three weeks later, so no reprint)
    const twin = { ...other[0]!, source: { ...other[0]!.source, published: '2025-03-25' } };
    const tied = replay({ table, base: (i) => base[i]!, inserted: [other[0]!, twin] });
    expect(tied.ok ? '' : tied.reason).toMatch(/two added reports in one place of the order/);
    // (the content key of a report of the block: another sentence of the same length, so no reprint)
    const sentence = base[0]!.source.sentence.replace('capital', 'kapital');
    const tiedOld = replay({ table, base: (i) => base[i]!, inserted: [{ ...base[0]!, source: { ...base[0]!.source, sentence } }] });
    expect(tiedOld.ok ? '' : tiedOld.reason).toMatch(/in the place of another/);
    // A block with two originals in one place of the order keeps no table.
    const withTie = [...base, { ...base[0]!, source: { ...base[0]!.source, sentence } }];
    expect(tableOf(withTie, clusterWithCopies(withTie))).toBeUndefined();
    expect(ClusterTable.parse('{"f":1}')).toBeUndefined();
    expect(ClusterTable.parse('not json')).toBeUndefined();
    expect(ClusterTable.parse(table.text())!.text()).toBe(table.text());
  });
});
