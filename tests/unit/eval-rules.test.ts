/**
 * Rules judged by evidence (`npm run eval -- --rules`), one event's trace (`eval --explain`,
 * `extract --explain`), and gold articles without text left out of the scores. Articles are
 * written for the test; the CLI tests spawn tsx (a few seconds each).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventTraces, formatRuleStats, matchedIds, ruleStats, withoutMissing, type TracedEvent } from '../../scripts/eval/rules.ts';
import type { GoldFile } from '../../scripts/eval/score.ts';
import { mergeEvents } from '../../scripts/pipeline/merge.ts';
import type { Trace } from '../../scripts/pipeline/trace.ts';
import type { ExtractedEvent } from '../../scripts/pipeline/types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function report(over: Partial<ExtractedEvent> & { document: string; start: number; trigger: number; trace: Trace }): ExtractedEvent {
  return {
    type: over.type ?? 'sanction',
    date: over.date ?? '2025-07-14',
    datePrecision: 'day',
    dateEvidence: 'weekday',
    countries: over.countries ?? ['POL', 'RUS'],
    organizations: [],
    actors: [],
    title: 't',
    confidence: 0.9,
    trace: over.trace,
    source: {
      document: over.document,
      published: '2025-07-15',
      sentence: 's',
      start: over.start,
      end: over.start + 50,
      trigger: { start: over.trigger, end: over.trigger + 5 },
    },
  };
}

describe('eventTraces', () => {
  it('uses the merged event\'s own trace when the merge kept one', () => {
    const ev: TracedEvent = { id: 'e1', type: 'sanction', date: '2025-07-14', trace: [{ stage: 'events', rule: 'sanction.expelled', action: 'x' }] };
    expect(eventTraces([ev], []).get('e1')?.map((t) => t.rule)).toEqual(['sanction.expelled']);
  });

  it('falls back to the traces of the reports the event was built from, by sentence and trigger', () => {
    const a = report({ document: 'd', start: 10, trigger: 3, trace: [{ stage: 'events', rule: 'sanction.expelled', action: 'x' }] });
    const b = report({ document: 'd', start: 10, trigger: 30, type: 'threat', trace: [{ stage: 'events', rule: 'threat.warned-of', action: 'y' }] });
    const ev: TracedEvent = {
      id: 'e1',
      type: 'sanction',
      date: '2025-07-14',
      sources: [{ document: 'd', start: 10, end: 60, trigger: { start: 3, end: 8 } }],
    };
    expect(eventTraces([ev], [a, b]).get('e1')?.map((t) => t.rule)).toEqual(['sanction.expelled']);
  });
});

describe('ruleStats', () => {
  const traces = new Map<string, Trace>([
    ['good', [{ stage: 'events', rule: 'sanction.expelled', action: '' }, { stage: 'modality', rule: 'modality.default', action: '' }]],
    ['bad', [{ stage: 'events', rule: 'sanction.expelled', action: '' }, { stage: 'events', rule: 'events.context.coordinatedAct', action: '' }]],
    ['elsewhere', [{ stage: 'events', rule: 'sanction.expelled', action: '' }]],
  ]);
  const dropped: Trace[] = [[{ stage: 'events', rule: 'sanction.expelled', action: '' }, { stage: 'assemble', rule: 'assemble.drop.planned', action: '' }]];
  const stats = ruleStats(traces, dropped, new Set(['good', 'bad']), { strict: new Set(['good']), relaxed: new Set(['good']) });
  const byRule = new Map(stats.map((s) => [s.rule, s]));

  it('counts firings over events and dropped candidates, events and matches over scored events only', () => {
    expect(byRule.get('sanction.expelled')).toEqual({ rule: 'sanction.expelled', fired: 4, events: 2, strict: 1, relaxed: 1 });
    expect(byRule.get('events.context.coordinatedAct')).toEqual({ rule: 'events.context.coordinatedAct', fired: 1, events: 1, strict: 0, relaxed: 0 });
    expect(byRule.get('assemble.drop.planned')?.events).toBe(0);
  });

  it('lists the most used rules first and prints relaxed precision per rule', () => {
    expect(stats[0]!.rule).toBe('sanction.expelled');
    const table = formatRuleStats(stats);
    expect(table.split('\n')[0]).toMatch(/^rule\s+fired\s+events\s+strict\s+relaxed\s+rel\.prec$/);
    expect(table).toMatch(/sanction\.expelled\s+4\s+2\s+1\s+1\s+50%/);
    expect(table).toMatch(/assemble\.drop\.planned\s+1\s+0\s+0\s+0\s+-/);
  });
});

describe('matchedIds and withoutMissing', () => {
  const gold: GoldFile = {
    articles: [
      { id: 'a', events: [{ type: 'sanction', date: '2025-07-14', countries: ['POL', 'RUS'], required: true }] },
      { id: 'gone', events: [{ type: 'meeting', date: '2025-07-14', countries: ['FRA', 'KEN'], required: true }] },
    ],
  };
  it('names the events that matched gold, per mode', () => {
    const events: TracedEvent[] = [
      { id: 'x', type: 'sanction', date: '2025-07-15', countries: ['POL', 'RUS'], sources: [{ document: 'a' }] },
      { id: 'y', type: 'meeting', date: '2025-07-14', countries: ['POL'], sources: [{ document: 'a' }] },
    ];
    const m = matchedIds(gold, events);
    expect([...m.strict]).toEqual([]);
    expect([...m.relaxed]).toEqual(['x']);
  });

  it('leaves out gold articles whose text is not in the input, and names them', () => {
    const { gold: kept, missing } = withoutMissing(gold, [{ id: 'a' }, { id: 'other' }]);
    expect(kept.articles.map((a) => a.id)).toEqual(['a']);
    expect(missing).toEqual(['gone']);
  });
});

/** Whether merged events keep their reports' traces (the merge stage's part of issue 9). */
function mergeKeepsTraces(): boolean {
  const traced = report({ document: 'd', start: 0, trigger: 0, trace: [{ stage: 'events', rule: 'sanction.expelled', action: 'x' }] });
  return (mergeEvents([traced])[0]?.trace?.length ?? 0) > 0;
}

describe('the --rules and --explain command lines', () => {
  let dir = '';
  let input = '';
  let goldPath = '';
  const run = (script: string, args: string[]) =>
    spawnSync(TSX, [script, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'eval-rules-'));
    input = path.join(dir, 'corpus');
    spawnSync('mkdir', ['-p', input]);
    writeFileSync(
      path.join(input, 'pl-ru.txt'),
      ' date 2025-07-15 Poland expels envoy\n\nPoland expelled two Russian diplomats on Monday and warned Moscow of further measures.\n',
    );
    writeFileSync(path.join(input, 'ke-fr.txt'), ' date 2025-07-15 Talks in Paris\n\nFrench President Emmanuel Macron met Kenyan President William Ruto in Paris on Monday.\n');
    goldPath = path.join(dir, 'gold.json');
    const gold = {
      articles: [
        { id: 'pl-ru', events: [{ type: 'sanction', date: '2025-07-14', countries: ['POL', 'RUS'], required: true }] },
        { id: 'no-text', events: [{ type: 'visit', date: '2025-07-14', countries: ['IND', 'JPN'], required: true }] },
      ],
    };
    writeFileSync(goldPath, JSON.stringify(gold));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('eval --rules prints per rule how often it fired and matched, and names gold articles without text', () => {
    const r = run('scripts/eval.ts', ['--gold', goldPath, '--input', input, '--rules']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('1 of 2 gold articles have no text in the input and are not scored: no-text');
    expect(r.stdout).toMatch(/^rule\s+fired/m);
    // The expulsion matched gold strictly; the threat is an event that did not (it is not in this gold).
    expect(r.stdout).toMatch(/sanction\.expelled\s+1\s+1\s+1\s+1\s+100%/);
    expect(r.stdout).toMatch(/threat\.warned-of\s+1\s+1\s+0\s+0\s+0%/);
    // The Kenyan meeting is not in a scored article: it fired, but is no scored event.
    expect(r.stdout).toMatch(/meeting\.met\s+1\s+0\s+0\s+0\s+-/);
  });

  it('eval --explain prints one event\'s trace and whether it matched', () => {
    const r = run('scripts/eval.ts', ['--gold', goldPath, '--input', input, '--explain', '2025-07-14-sanction-pol-rus']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2025-07-14-sanction-pol-rus 2025-07-14 sanction [POL, RUS]');
    expect(r.stdout).toContain('(strict matched, relaxed matched)');
    expect(r.stdout).toMatch(/ 1\. \[events\] sanction\.expelled: trigger "expelled two Russian diplomats"/);
  });

  it('eval --explain fails with a reason for an unknown id', () => {
    const r = run('scripts/eval.ts', ['--gold', goldPath, '--input', input, '--explain', 'no-such-event']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no event with id no-such-event');
  });

  it.skipIf(!mergeKeepsTraces())('extract --explain prints the trace and still writes the output', () => {
    const output = path.join(dir, 'events.json');
    const r = run('scripts/extract.ts', ['--input', input, '--output', output, '--quiet', '--explain', '2025-07-14-sanction-pol-rus']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ 1\. \[events\] sanction\.expelled: /);
    const file = JSON.parse(readFileSync(output, 'utf8')) as { events: { id: string }[] };
    expect(file.events.map((e) => e.id)).toContain('2025-07-14-sanction-pol-rus');
  });

  it('extract --explain names an unknown id on stderr and still writes the output', () => {
    const output = path.join(dir, 'events2.json');
    const r = run('scripts/extract.ts', ['--input', input, '--output', output, '--quiet', '--explain', 'no-such-event']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('no event with id no-such-event');
    expect(JSON.parse(readFileSync(output, 'utf8')).events.length).toBeGreaterThan(0);
  });
});
