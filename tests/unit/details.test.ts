import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/lib/schema.ts';
import { groupSources, highlightRuns } from '../../src/client/details.ts';
import { relationGraph } from '../../src/client/relations.ts';

const S = 'Xi met Lavrov and said ties had deepened.';

function ev(id: string, date: string, countries: string[], sources: TimelineEvent['sources'] = [{ document: 'd', sentence: S, start: 0, end: S.length }]): TimelineEvent {
  return { id, type: 'meeting', date, datePrecision: 'day', countries, organizations: [], actors: [], title: id, sources };
}

describe('highlightRuns', () => {
  it('marks each trigger and keeps the text whole', () => {
    const runs = highlightRuns(S, [{ start: 3, end: 6 }, { start: 18, end: 22 }]);
    expect(runs.map((r) => r.text).join('')).toBe(S);
    expect(runs.filter((r) => r.mark).map((r) => r.text)).toEqual(['met', 'said']);
  });

  it('merges overlapping triggers and drops out-of-range ones', () => {
    const runs = highlightRuns(S, [{ start: 3, end: 10 }, { start: 7, end: 13 }, { start: 30, end: 999 }, { start: 5, end: 5 }]);
    expect(runs.filter((r) => r.mark).map((r) => r.text)).toEqual(['met Lavrov']);
    expect(runs.map((r) => r.text).join('')).toBe(S);
  });

  it('gives the plain sentence without triggers', () => {
    expect(highlightRuns(S, [])).toEqual([{ text: S, mark: false }]);
  });
});

describe('groupSources', () => {
  it('puts sources quoting the same sentence together with all their triggers', () => {
    const e = ev('a', '2025-07-15', ['CHN'], [
      { document: 'd', sentence: S, start: 0, end: S.length, trigger: { start: 3, end: 6 } },
      { document: 'd', sentence: S, start: 0, end: S.length, trigger: { start: 18, end: 22 } },
      { document: 'e', sentence: S, start: 0, end: S.length },
    ]);
    const groups = groupSources(e);
    expect(groups).toHaveLength(2);
    expect(groups[0]!.triggers).toHaveLength(2);
    expect(groups[1]!.document).toBe('e');
  });
});

// The keyboard walk is tested in keyboard.test.ts.

describe('relationGraph', () => {
  it('counts events per country and shared events per pair', () => {
    const g = relationGraph([ev('a', '2025-07-01', ['CHN', 'RUS']), ev('b', '2025-07-02', ['CHN', 'RUS', 'IND']), ev('c', '2025-07-03', ['USA'])].map((e) => e.countries));
    expect(g.nodes.find((n) => n.id === 'CHN')?.count).toBe(2);
    expect(g.nodes.find((n) => n.id === 'USA')?.count).toBe(1);
    expect(g.links.find((l) => l.a === 'CHN' && l.b === 'RUS')?.weight).toBe(2);
    expect(g.links.some((l) => l.a === 'USA' || l.b === 'USA')).toBe(false);
  });
});

describe('relationGraph cap', () => {
  it('keeps the most active countries and says how many it left out', () => {
    const lists = Array.from({ length: 40 }, (_, i) => [`C${String(i).padStart(2, '0')}`.padEnd(3, 'X').slice(0, 3), 'USA']);
    const g = relationGraph(lists, 10);
    expect(g.nodes).toHaveLength(10);
    expect(g.nodes[0]!.id).toBe('USA');
    expect(g.omitted).toBe(41 - 10);
    expect(relationGraph([['CHN', 'RUS']], 10).omitted).toBe(0);
  });
});
