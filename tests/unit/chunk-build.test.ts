import { describe, expect, it } from 'vitest';
import { buildChunkedData, dayNumber, searchWords } from '../../src/lib/chunk-build.ts';
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

  it('keeps the compact columns aligned with the sorted events', () => {
    expect(data.compact.ids).toEqual(['2024-12-31-sanction-ind-usa', '2025-07-01-statement-chn', '2025-07-13-meeting-chn-rus', '2025-07-15-threat-rus-usa']);
    expect(data.compact.days[0]).toBe(dayNumber('2024-12-31'));
    expect(data.compact.days[3]! - data.compact.days[0]!).toBe(195);
    // CHN=0, IND=1, RUS=2, USA=3 in index.countries
    expect(data.compact.countries).toEqual([[1, 3], [0], [0, 2], [2, 3]]);
    expect(data.search.words).toHaveLength(4);
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
