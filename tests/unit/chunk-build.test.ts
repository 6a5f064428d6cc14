import { describe, expect, it } from 'vitest';
import { buildChunkedData, dayNumber, searchWords } from '../../src/lib/chunk-build.ts';
import { periodStarts, positionInPeriods } from '../../src/lib/chunks.ts';
import { idShard } from '../../src/lib/id-shards.ts';
import type { EventsFile, TimelineEvent } from '../../src/lib/schema.ts';

function ev(id: string, date: string, type: TimelineEvent['type'], countries: string[], title: string, people: string[] = []): TimelineEvent {
  return {
    id, type, date, datePrecision: 'day', countries, organizations: type === 'meeting' ? ['SCO'] : [],
    actors: people.map((name) => ({ name })), title,
    sources: [{ document: 'd', sentence: title, start: 0, end: title.length }],
  };
}

const names: Record<string, string> = { CHN: 'China', RUS: 'Russia', USA: 'United States', IND: 'India' };
const name = (iso: string) => names[iso] ?? iso;

const file: EventsFile = {
  schemaVersion: 1,
  documents: [],
  events: [
    ev('2025-07-15-threat-rus-usa', '2025-07-14', 'threat', ['RUS', 'USA'], 'Trump threatens tariffs on buyers of Russian oil', ['Donald Trump']),
    ev('2025-07-13-meeting-chn-rus', '2025-07-13', 'meeting', ['CHN', 'RUS'], 'Lavrov meets Wang Yi in Beijing', ['Sergei Lavrov', 'Wang Yi']),
    ev('2024-12-31-sanction-ind-usa', '2024-12-31', 'sanction', ['IND', 'USA'], 'US sanctions Indian firms'),
    ev('2025-07-01-statement-chn', '2025-07-01', 'statement', ['CHN'], 'China calls for restraint'),
  ],
  aliases: { 'old-b': '2025-07-13-meeting-chn-rus', 'old-a': '2024-12-31-sanction-ind-usa' },
};

describe('buildChunkedData', () => {
  const data = buildChunkedData(file, name);

  it('splits events into calendar-month chunks sorted by date then id', () => {
    expect([...data.chunks.keys()].sort()).toEqual(['2024-12', '2025-07']);
    expect(data.chunks.get('2025-07')!.events.map((e) => e.date)).toEqual(['2025-07-01', '2025-07-13', '2025-07-14']);
  });

  it('indexes periods with their day span, counts per type and file', () => {
    expect(data.index.periods).toEqual([
      { key: '2024-12', from: '2024-12-01', to: '2024-12-31', count: 1, file: 'data/chunks/2024-12.json', types: { sanction: 1 } },
      { key: '2025-07', from: '2025-07-01', to: '2025-07-31', count: 3, file: 'data/chunks/2025-07.json', types: { statement: 1, meeting: 1, threat: 1 } },
    ]);
    expect(data.index.total).toBe(4);
    expect(data.index.first).toBe('2024-12-31');
    expect(data.index.last).toBe('2025-07-14');
  });

  it('counts each country once per event and sorts aliases by key', () => {
    expect(data.index.countries).toEqual([
      { iso: 'CHN', name: 'China', count: 2 },
      { iso: 'IND', name: 'India', count: 1 },
      { iso: 'RUS', name: 'Russia', count: 2 },
      { iso: 'USA', name: 'United States', count: 2 },
    ]);
    expect(Object.keys(data.index.aliases)).toEqual(['old-a', 'old-b']);
  });

  it('keeps the compact columns aligned with the sorted events, without ids', () => {
    expect(Object.keys(data.compact).sort()).toEqual(['countries', 'days', 'types']);
    expect(data.compact.days[0]).toBe(dayNumber('2024-12-31'));
    expect(data.compact.days[3]! - data.compact.days[0]!).toBe(195);
    // CHN=0, IND=1, RUS=2, USA=3 in index.countries
    expect(data.compact.countries).toEqual([[1, 3], [0], [0, 2], [2, 3]]);
    expect(data.search.words).toHaveLength(4);
  });
});

describe('compact positions', () => {
  const data = buildChunkedData(file, name);
  const starts = periodStarts(data.index.periods);
  const order = ['2024-12-31-sanction-ind-usa', '2025-07-01-statement-chn', '2025-07-13-meeting-chn-rus', '2025-07-15-threat-rus-usa'];

  it('map to a period and an offset in its chunk, through the cumulative counts', () => {
    expect(starts).toEqual([0, 1, 4]);
    const at = order.map((_, p) => positionInPeriods(starts, p)!);
    expect(at).toEqual([{ period: 0, offset: 0 }, { period: 1, offset: 0 }, { period: 1, offset: 1 }, { period: 1, offset: 2 }]);
    expect(at.map(({ period, offset }) => data.chunks.get(data.index.periods[period]!.key)!.events[offset]!.id)).toEqual(order);
    // The record's day is the compact day of its position.
    at.forEach(({ period, offset }, p) => expect(dayNumber(data.chunks.get(data.index.periods[period]!.key)!.events[offset]!.date)).toBe(data.compact.days[p]));
  });

  it('outside [0, total) or not whole have no period; empty periods are skipped', () => {
    for (const p of [-1, 4, 1.5, Number.NaN]) expect(positionInPeriods(starts, p)).toBeUndefined();
    expect(positionInPeriods([0], 0)).toBeUndefined();
    const withEmpty = periodStarts([{ count: 2 }, { count: 0 }, { count: 0 }, { count: 3 }]);
    expect(withEmpty).toEqual([0, 2, 2, 2, 5]);
    expect([0, 1, 2, 3, 4].map((p) => positionInPeriods(withEmpty, p))).toEqual([
      { period: 0, offset: 0 },
      { period: 0, offset: 1 },
      { period: 3, offset: 0 },
      { period: 3, offset: 1 },
      { period: 3, offset: 2 },
    ]);
  });

  it('are what the id shards give for each id; the index names the shard count', () => {
    expect(data.index.idShards).toBe(1);
    order.forEach((id, p) => expect(data.idShards.get(idShard(id, data.index.idShards))![id]).toBe(p));
    expect(JSON.parse(JSON.stringify(data.idShards.get('0')))).toEqual(Object.fromEntries(order.map((id, p) => [id, p])));
  });
});

describe('searchWords', () => {
  it('finds an event by whole words of its title, people, country codes and names, organisations', () => {
    const words = searchWords(file.events[1]!, name).split(' ');
    for (const w of ['lavrov', 'wang', 'yi', 'beijing', 'chn', 'china', 'rus', 'russia', 'sco']) expect(words).toContain(w);
    expect(words).not.toContain('moscow');
  });
});

describe('dayNumber', () => {
  it('counts days from 1970-01-01 across leap years', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(dayNumber('2025-03-01') - dayNumber('2025-02-28')).toBe(1);
  });
});

describe('eventPages flag of the index', () => {
  it('is absent by default and false only when the build writes no event pages', () => {
    expect('eventPages' in buildChunkedData(file, name).index).toBe(false);
    expect(buildChunkedData(file, name, { eventPages: true }).index.eventPages).toBeUndefined();
    expect(buildChunkedData(file, name, { eventPages: false }).index.eventPages).toBe(false);
  });
});
