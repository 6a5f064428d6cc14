import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/lib/schema.ts';
import { groupSources, highlightRuns } from '../../src/client/details.ts';
import { nextEvent } from '../../src/client/keyboard.ts';
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

describe('nextEvent (keyboard)', () => {
  const list = [ev('a', '2025-07-01', ['CHN']), ev('b', '2025-07-05', ['RUS']), ev('c', '2025-07-09', ['CHN', 'RUS'])];
  const t = (d: string): number => new Date(`${d}T00:00:00`).getTime();
  const lanes = ['CHN', 'RUS'];
  const lanesOf = (e: TimelineEvent): string[] => e.countries;

  it('walks forward and back in time and stops at the ends', () => {
    expect(nextEvent(list, 'a', 'next', 0, 0)?.id).toBe('b');
    expect(nextEvent(list, 'c', 'next', 0, 0)?.id).toBe('c');
    expect(nextEvent(list, 'b', 'prev', 0, 0)?.id).toBe('a');
    expect(nextEvent(list, 'a', 'prev', 0, 0)?.id).toBe('a');
  });

  it('starts from the window when nothing is selected', () => {
    expect(nextEvent(list, undefined, 'next', t('2025-07-04'), t('2025-07-20'))?.id).toBe('b');
    expect(nextEvent(list, undefined, 'prev', t('2025-06-01'), t('2025-07-06'))?.id).toBe('b');
  });

  it('moves to the nearest event of the next lane', () => {
    expect(nextEvent(list, 'a', 'down', 0, 0, lanes, lanesOf)?.id).toBe('b');
    expect(nextEvent(list, 'b', 'up', 0, 0, lanes, lanesOf)?.id).toBe('a');
    expect(nextEvent(list, 'b', 'down', 0, 0, lanes, lanesOf)?.id).toBe('b');
  });

  it('returns nothing for no events', () => {
    expect(nextEvent([], undefined, 'next', 0, 0)).toBeUndefined();
  });
});

describe('relationGraph', () => {
  it('counts events per country and shared events per pair', () => {
    const g = relationGraph([ev('a', '2025-07-01', ['CHN', 'RUS']), ev('b', '2025-07-02', ['CHN', 'RUS', 'IND']), ev('c', '2025-07-03', ['USA'])]);
    expect(g.nodes.find((n) => n.id === 'CHN')?.count).toBe(2);
    expect(g.nodes.find((n) => n.id === 'USA')?.count).toBe(1);
    expect(g.links.find((l) => l.a === 'CHN' && l.b === 'RUS')?.weight).toBe(2);
    expect(g.links.some((l) => l.a === 'USA' || l.b === 'USA')).toBe(false);
  });
});
