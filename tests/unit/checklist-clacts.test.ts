/**
 * CheckList-style capability tests (Ribeiro et al. 2020) for acts and their types:
 * tests/checklist/clacts.json holds short articles written for the suite, grouped by capability,
 * each with the events it must give (type, date, countries; `required: false` for a defensible
 * extra) or none. Every case runs alone through the real pipeline (parse -> segment -> extract ->
 * merge, runPipeline); a case passes when every required event is found and every event found is
 * expected. The floors below are the pass rates the code reaches, so that a rule change that breaks
 * a capability fails here. CHECKLIST_VERBOSE=1 prints the per-capability table and the failures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../scripts/pipeline/run.ts';

interface Expected { type: string; date: string; countries: string[]; required?: boolean }
interface Case { capability: string; text: string; expect: Expected[] }

const cases = JSON.parse(readFileSync(new URL('../checklist/clacts.json', import.meta.url), 'utf8')) as Case[];

/** Lowest pass rate (per cent) each capability must keep. */
const FLOORS: Record<string, number> = {
  'meeting.verbs': 91.7,
  'meeting.calls': 100,
  visit: 100,
  statement: 100,
  threat: 100,
  'sanction.measures': 100,
  'sanction.diplomatic': 100,
  agreement: 100,
  'accusation.condemn': 90,
  'accusation.accuse-summon-protest-reject': 90,
  military: 100,
  'actor.forms': 100,
  'voice.passive-tense': 90,
  'light-verb.act-noun': 100,
  'several-acts': 93.3,
  'reported-speech.typed-by-content': 100,
  'dates.cues': 100,
  'negative.planned': 91.7,
  'negative.background': 100,
  'negative.opinion': 100,
  'negative.casualties': 100,
  'negative.captions-honorifics': 100,
  'negative.negated': 100,
  'several-acts.negation-scope': 100,
  'visit.motion-verbs': 100,
  'negative.not-a-visit': 100,
  'military.incursion': 100,
  'negative.incursion': 100,
  'type.from-content': 91.7,
  'light-verb.host-measure': 100,
  'quoted.completed-acts': 80,
  'quoted.conditional-warning': 100,
  'speech.evaluative-verbs': 85.7,
  'negative.quoted': 100,
};

const key = (e: { type: string; date: string; countries: readonly string[] }) => `${e.type} ${e.date} ${[...e.countries].sort().join(',')}`;

/** Whether the events found match the case: each required one found, nothing unexpected. */
function judge(c: Case, found: string[]): boolean {
  const left = [...found];
  for (const e of c.expect.filter((x) => x.required !== false)) {
    const i = left.indexOf(key(e));
    if (i < 0) return false;
    left.splice(i, 1);
  }
  const optional = c.expect.filter((x) => x.required === false).map(key);
  return left.every((k) => optional.includes(k));
}

function run(c: Case, i: number): string[] {
  const { file } = runPipeline([{ id: `case${i}`, path: `case${i}.txt`, text: c.text, warnings: [] }]);
  return file.events.map(key);
}

describe('checklist: acts and their types (tests/checklist/clacts.json)', () => {
  const results = cases.map((c, i) => {
    const found = run(c, i);
    return { c, found, pass: judge(c, found) };
  });
  const capabilities = [...new Set(cases.map((c) => c.capability))];
  const table = capabilities.map((cap) => {
    const rs = results.filter((r) => r.c.capability === cap);
    const passed = rs.filter((r) => r.pass).length;
    return { capability: cap, cases: rs.length, passed, rate: Math.round((1000 * passed) / rs.length) / 10 };
  });
  if (process.env.CHECKLIST_VERBOSE === '1') {
    const total = results.filter((r) => r.pass).length;
    console.table([...table, { capability: 'ALL', cases: results.length, passed: total, rate: Math.round((1000 * total) / results.length) / 10 }]);
    for (const r of results.filter((x) => !x.pass)) {
      console.log(`FAIL [${r.c.capability}] ${r.c.text.split('\n').slice(2).join(' ').trim()}\n  expected: ${r.c.expect.map((e) => key(e) + (e.required === false ? '?' : '')).join(' | ') || '(nothing)'}\n  found:    ${r.found.join(' | ') || '(nothing)'}`);
    }
  }

  it('the suite is well formed: at least 150 cases over at least 15 capabilities, each with a floor', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(capabilities.length).toBeGreaterThanOrEqual(15);
    expect(capabilities.filter((cap) => !(cap in FLOORS))).toEqual([]);
    for (const c of cases) expect(c.text).toMatch(/^ date \d{4}-\d{2}-\d{2} .+\n\n/);
  });

  it.each(table.map((t) => [t.capability, t] as const))('%s keeps its pass rate', (cap, t) => {
    expect(t.rate).toBeGreaterThanOrEqual(FLOORS[cap] ?? 100);
  });
});
