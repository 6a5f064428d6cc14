/**
 * CheckList-style capability suite (Ribeiro et al. 2020) for WHO takes part: tests/checklist/clwho.json,
 * short articles written for the test, each with the events it must give. Every case runs alone
 * through the real pipeline (runPipeline: parse -> segment -> extract -> merge -> validate).
 *
 * A case passes when its events and the expected ones pair off one to one: same date, same set of
 * countries, and the same type up to the scorer's families (meeting ~ visit, statement ~
 * accusation); no event left over on either side. An expected `titleOrder: [a, b]` (two
 * case-insensitive regular expressions) also asks that the paired event's title name a before b
 * (the actor before the one acted on).
 *
 * The floors below are the pass counts per capability the code reached; the test fails when a
 * capability drops under its floor. CHECKLIST_VERBOSE=1 prints the per-capability table,
 * CHECKLIST_VERBOSE=2 also each failing case.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../scripts/pipeline/run.ts';

interface Expected { type: string; date: string; countries: string[]; titleOrder?: [string, string] }
interface Case { capability: string; text: string; expect: Expected[] }
interface Got { type: string; date: string; countries: string[]; title: string }

const cases = JSON.parse(readFileSync(new URL('../checklist/clwho.json', import.meta.url), 'utf8')) as Case[];

/** Passing cases per capability (a floor against regressions; raise it when a fix passes more). */
const FLOORS: Record<string, number> = {
  'actor-country-name': 10,
  'actor-capital': 13,
  'actor-body': 13,
  'actor-leader-name': 10,
  'actor-leader-title': 12,
  'actor-demonym': 13,
  'venue-not-party': 12,
  'host-not-party': 8,
  'victim-not-party': 12,
  'subordinate-not-party': 10,
  'topic-not-party': 8,
  'pronoun-back-reference': 9,
  'the-two-sides': 8,
  'direction-summons': 10,
  'direction-expulsion': 9,
  'direction-sanction': 11,
  'direction-strike': 11,
  'organisation-not-country': 5,
  'spokesperson-actor': 8,
  'country-name-variants': 10,
  'no-state-party': 10,
  'place-demonym-not-party': 13,
  'place-hit-party': 10,
  'direction-incursion': 3,
  'coordinated-agents-split': 9,
  'coordinated-partners-split': 3,
  'coordinated-list-joint': 7,
  'name-not-party': 11,
  'role-party-kept': 7,
};

const family: Record<string, string> = { meeting: 'encounter', visit: 'encounter', statement: 'verbal', accusation: 'verbal' };
const fam = (t: string) => family[t] ?? t;
const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

function titleOk(e: Expected, g: Got): boolean {
  if (!e.titleOrder) return true;
  const [a, b] = e.titleOrder.map((s) => new RegExp(s, 'i'));
  const ia = g.title.search(a!);
  const ib = g.title.search(b!);
  return ia >= 0 && ib >= 0 && ia < ib;
}

function run(c: Case, i: number): Got[] {
  const { file } = runPipeline([{ id: `case${i}`, path: `case${i}.txt`, text: c.text, warnings: [] }]);
  return file.events.map((e) => ({ type: e.type, date: e.date, countries: [...e.countries], title: e.title }));
}

function passes(c: Case, got: Got[]): boolean {
  if (got.length !== c.expect.length) return false;
  const free = [...got];
  for (const e of c.expect) {
    const k = free.findIndex((g) => fam(g.type) === fam(e.type) && g.date === e.date && sameSet(g.countries, e.countries) && titleOk(e, g));
    if (k < 0) return false;
    free.splice(k, 1);
  }
  return true;
}

describe('checklist: who takes part', () => {
  const verbose = Number(process.env.CHECKLIST_VERBOSE ?? 0);
  const byCap = new Map<string, { cases: number; pass: number }>();
  const failures: string[] = [];
  cases.forEach((c, i) => {
    const got = run(c, i);
    const ok = passes(c, got);
    const row = byCap.get(c.capability) ?? { cases: 0, pass: 0 };
    row.cases++;
    if (ok) row.pass++;
    byCap.set(c.capability, row);
    if (!ok) {
      const want = c.expect.map((e) => `${e.type} ${e.date} ${e.countries.join(',')}`).join(' | ') || '(nothing)';
      const have = got.map((g) => `${g.type} ${g.date} ${g.countries.join(',')} "${g.title}"`).join(' | ') || '(nothing)';
      failures.push(`[${c.capability}] ${c.text.split('\n').slice(2).join(' ').trim()}\n    want ${want}\n    got  ${have}`);
    }
  });
  if (verbose >= 1) {
    const table = Object.fromEntries([...byCap].map(([cap, r]) => [cap, { ...r, rate: +(r.pass / r.cases).toFixed(2) }]));
    const total = [...byCap.values()].reduce((s, r) => ({ cases: s.cases + r.cases, pass: s.pass + r.pass }), { cases: 0, pass: 0 });
    table['ALL'] = { ...total, rate: +(total.pass / total.cases).toFixed(2) };
    console.table(table);
  }
  if (verbose >= 2) console.log(failures.join('\n'));

  it('has at least 150 cases over at least 15 capabilities', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(byCap.size).toBeGreaterThanOrEqual(15);
  });

  it.each([...byCap.keys()])('%s stays at or above its floor', (cap) => {
    expect(byCap.get(cap)!.pass).toBeGreaterThanOrEqual(FLOORS[cap] ?? byCap.get(cap)!.cases);
  });
});
