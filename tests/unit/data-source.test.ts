import { describe, expect, it } from 'vitest';
import { buildChunkedData } from '../../src/lib/chunk-build.ts';
import type { EventsFile, TimelineEvent } from '../../src/lib/schema.ts';
import { parseViewState } from '../../src/lib/url-state.ts';
import {
  aliasChain,
  chunkKeysForWindow,
  compileFilter,
  createDataSource,
  dayNum,
  dayStr,
  dayTimes,
  filterCompact,
  resolveEventId,
  typeCounts,
  windowSlice,
} from '../../src/client/data-source.ts';
import { foldText } from '../../src/lib/filter.ts';

const NAMES: Record<string, string> = { CHN: 'China', RUS: 'Russia', USA: 'United States', IND: 'India', TUR: 'Türkiye' };
const name = (c: string): string => NAMES[c] ?? c;

function ev(id: string, date: string, type: TimelineEvent['type'], countries: string[], title: string, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return { id, type, date, datePrecision: 'day', countries, organizations: [], actors: [], title, sources: [{ document: 'd1', sentence: title, start: 0, end: title.length }], ...extra };
}

const EVENTS: TimelineEvent[] = [
  ev('e1', '2023-03-02', 'visit', ['CHN', 'RUS'], 'Chinese leader travels to Moscow'),
  ev('e2', '2025-06-28', 'statement', ['USA'], 'Washington restates support for allies'),
  ev('e3', '2025-07-13', 'meeting', ['CHN', 'RUS'], 'Lavrov and Wang meet on the SCO sidelines', { organizations: ['SCO'], actors: [{ name: 'Sergei Lavrov', country: 'RUS' }] }),
  ev('e4', '2025-07-14', 'threat', ['RUS', 'USA'], 'US president warns of tariffs'),
  ev('e5', '2025-07-15', 'meeting', ['CHN', 'IND'], 'Indian minister meets counterpart'),
  ev('e6', '2025-09-01', 'agreement', ['RUS', 'TUR'], 'Ankara and Moscow sign a grain deal'),
];
const FILE: EventsFile = { schemaVersion: 1, documents: [], events: EVENTS, aliases: { 'old-e3': 'e3', 'older-e3': 'old-e3', 'gone-id': 'also-gone' } } as EventsFile;
const DATA = buildChunkedData(FILE, name);
const WORDS = DATA.search.words.map(foldText);
/** Ids in compact order: the chunks' events, period after period. */
const ORDER = DATA.index.periods.flatMap((p) => DATA.chunks.get(p.key)!.events.map((e) => e.id));
const idsOf = (pos: Int32Array): string[] => [...pos].map((i) => ORDER[i]!);
/** Every file of the build, by path. */
const FILES = new Map<string, unknown>([
  ['/data/index.json', DATA.index],
  ['/data/compact.json', DATA.compact],
  ['/data/search.json', DATA.search],
  ...[...DATA.chunks.entries()].map(([k, c]) => [`/data/chunks/${k}.json`, c] as [string, unknown]),
  ...[...DATA.idShards.entries()].map(([k, s]) => [`/data/ids/${k}.json`, s] as [string, unknown]),
]);

describe('chunkKeysForWindow', () => {
  const periods = DATA.index.periods; // 2023-03, 2025-06, 2025-07, 2025-09
  it('takes the periods that overlap the window and one neighbour on each side', () => {
    expect(periods.map((p) => p.key)).toEqual(['2023-03', '2025-06', '2025-07', '2025-09']);
    expect(chunkKeysForWindow(periods, '2025-07-10', '2025-07-20')).toEqual(['2025-06', '2025-07', '2025-09']);
    expect(chunkKeysForWindow(periods, '2025-07-10', '2025-07-20', 0)).toEqual(['2025-07']);
  });
  it('skips months without events and handles windows before, after and between the data', () => {
    expect(chunkKeysForWindow(periods, '2024-01-01', '2024-12-31', 0)).toEqual([]);
    expect(chunkKeysForWindow(periods, '2024-01-01', '2024-12-31', 1)).toEqual(['2023-03', '2025-06']);
    expect(chunkKeysForWindow(periods, '2030-01-01', '2030-02-01', 1)).toEqual(['2025-09']);
    expect(chunkKeysForWindow(periods, '2020-01-01', '2020-02-01', 1)).toEqual(['2023-03']);
    expect(chunkKeysForWindow([], '2020-01-01', '2020-02-01')).toEqual([]);
  });
});

describe('filtering over the compact index', () => {
  it('filters by countries (any and all), types, and whole-word search', () => {
    const run = (q: string, words?: string[]): string[] => idsOf(filterCompact(DATA.compact, compileFilter(DATA.index, parseViewState(q)), words));
    expect(run('')).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
    expect(run('countries=USA')).toEqual(['e2', 'e4']);
    expect(run('countries=CHN,RUS&mode=all')).toEqual(['e1', 'e3']);
    expect(run('types=meeting,threat&countries=RUS')).toEqual(['e3', 'e4']);
    expect(run('q=SCO', WORDS)).toEqual(['e3']); // not "Moscow"
    expect(run('q=USA', WORDS)).toEqual(['e2', 'e4']);
    expect(run('q=russia', WORDS)).toEqual(run('countries=RUS'));
    expect(run('q=turkiye', WORDS)).toEqual(['e6']);
  });
  it('a country that is not in the data matches nothing in all-of mode and is ignored in any-of mode', () => {
    const f1 = compileFilter(DATA.index, parseViewState('countries=XXX,USA&mode=all'));
    expect(filterCompact(DATA.compact, f1).length).toBe(0);
    const f2 = compileFilter(DATA.index, parseViewState('countries=XXX,USA'));
    expect(idsOf(filterCompact(DATA.compact, f2))).toEqual(['e2', 'e4']);
  });
  it('counts types under the other filters', () => {
    const counts = typeCounts(DATA.compact, compileFilter(DATA.index, parseViewState('countries=RUS&types=meeting')));
    expect(Object.fromEntries(counts)).toEqual({ visit: 1, meeting: 1, threat: 1, agreement: 1 });
  });
  it('slices the filtered events of a window of days', () => {
    const all = filterCompact(DATA.compact, compileFilter(DATA.index, parseViewState('')));
    const [lo, hi] = windowSlice(DATA.compact, all, dayNum('2025-07-01'), dayNum('2025-07-14'));
    expect(idsOf(all.slice(lo, hi))).toEqual(['e3', 'e4']);
    expect(windowSlice(DATA.compact, all, dayNum('2024-01-01'), dayNum('2024-12-31'))).toEqual([1, 1]);
  });
});

describe('resolveEventId', () => {
  const exists = (id: string): boolean => ORDER.includes(id);
  it('finds current ids, follows aliases (also chains), and reports missing ones', () => {
    expect(resolveEventId('e3', DATA.index.aliases, exists)).toEqual({ kind: 'found', id: 'e3' });
    expect(resolveEventId('old-e3', DATA.index.aliases, exists)).toEqual({ kind: 'alias', id: 'e3', from: 'old-e3' });
    expect(resolveEventId('older-e3', DATA.index.aliases, exists)).toEqual({ kind: 'alias', id: 'e3', from: 'older-e3' });
    expect(resolveEventId('gone-id', DATA.index.aliases, exists)).toEqual({ kind: 'missing', from: 'gone-id' });
    expect(resolveEventId('__proto__', DATA.index.aliases, exists)).toEqual({ kind: 'missing', from: '__proto__' });
    expect(resolveEventId('a', { a: 'b', b: 'a' }, exists)).toEqual({ kind: 'missing', from: 'a' });
  });
});

/** A data source over FILES that records every path it fetches (a missing file is a 404). */
async function recordingSource() {
  const fetched: string[] = [];
  const src = await createDataSource(async (p) => {
    fetched.push(p);
    if (!FILES.has(p)) throw new Error(`404 ${p}`);
    return structuredClone(FILES.get(p));
  });
  return { fetched, src };
}

describe('createDataSource', () => {
  it('fetches the index and compact index first, then only the chunks a window needs, once', async () => {
    const { fetched, src } = await recordingSource();
    expect(fetched).toEqual(['/data/index.json', '/data/compact.json']);
    expect(src.record('e3')).toBeUndefined();
    await src.ensureWindow('2025-07-01', '2025-07-31', 0);
    await src.ensureWindow('2025-07-10', '2025-07-20', 0);
    expect(fetched.filter((p) => p.includes('chunks'))).toEqual(['/data/chunks/2025-07.json']);
    expect(src.record('e3')?.title).toContain('Lavrov');
    // A loaded chunk gives its positions: e3 is the third event (positions from 0).
    expect(src.position('e3')).toBe(2);
    expect(src.recordAt(2)?.id).toBe('e3');
    expect(src.record('e1')).toBeUndefined();
    expect(src.position('e1')).toBeUndefined();
    expect(fetched.some((p) => p.startsWith('/data/ids/'))).toBe(false);
    expect((await src.load('e1'))?.date).toBe('2023-03-02');
    // e1 was found through its id shard, then its chunk.
    expect(fetched.filter((p) => p.startsWith('/data/ids/'))).toHaveLength(1);
    expect(src.position('e1')).toBe(0);
    expect(src.loadedBetween('2023-01-01', '2025-07-13').map((e) => e.id)).toEqual(['e1', 'e3']);
    expect(fetched).not.toContain('/data/events.json');
    expect(fetched).not.toContain('/data/search.json');
    expect((await src.words())[2]).toContain('lavrov');
    expect(src.countryName('TUR')).toBe('Türkiye');
  });
  it('leaves a malformed chunk entry without a record (its position kept), and survives a failed chunk', async () => {
    let fail = true;
    const src = await createDataSource(async (p) => {
      if (p === '/data/index.json') return DATA.index;
      if (p === '/data/compact.json') return DATA.compact;
      if (p.endsWith('2025-07.json')) {
        if (fail) throw new Error('offline');
        return { key: '2025-07', events: [EVENTS[2], { id: 'junk' }, EVENTS[4]] };
      }
      return { events: [] };
    });
    await expect(src.ensureWindow('2025-07-01', '2025-07-31', 0)).rejects.toThrow('offline');
    fail = false;
    await src.ensureWindow('2025-07-01', '2025-07-31', 0);
    expect(src.record('e3')?.id).toBe('e3');
    expect(src.recordAt(3)).toBeUndefined();
    expect(src.recordAt(4)?.id).toBe('e5');
    expect(src.record('junk')).toBeUndefined();
  });

  it('finds ids through their shard: current ids, and none for unknown ones', async () => {
    const { fetched, src } = await recordingSource();
    expect(fetched).toEqual(['/data/index.json', '/data/compact.json']);
    for (const [i, id] of ORDER.entries()) expect(await src.locate(id)).toBe(i);
    expect(await src.locate('no-such-event')).toBeUndefined();
    expect(await src.locate('__proto__')).toBeUndefined();
    expect(await src.locate('old-e3')).toBeUndefined(); // aliases are in the index, not in the shards
    expect(fetched.some((p) => p.includes('chunks'))).toBe(false);
    expect((await src.loadAt(5))?.id).toBe('e6');
    expect(await src.loadAt(6)).toBeUndefined();
    // The chunks of a set of positions, each once: 2023-03 and 2025-07.
    await src.loadPositions(new Int32Array([0, 2, 4]));
    expect(fetched.filter((p) => p.includes('chunks')).sort()).toEqual(['/data/chunks/2023-03.json', '/data/chunks/2025-07.json', '/data/chunks/2025-09.json']);
    expect([0, 1, 2, 3, 4].map((p) => src.recordAt(p)?.id)).toEqual(['e1', undefined, 'e3', 'e4', 'e5']);
  });

  it('fetches the id shards of the ids a link names with the compact index, before any lookup', async () => {
    const fetched: string[] = [];
    const src = await createDataSource(
      async (p) => {
        fetched.push(p);
        return structuredClone(FILES.get(p));
      },
      (index) => aliasChain('older-e3', index.aliases),
    );
    expect(fetched.slice(0, 2)).toEqual(['/data/index.json', '/data/compact.json']);
    expect(fetched.filter((p) => p.startsWith('/data/ids/'))).toEqual([...DATA.idShards.keys()].map((k) => `/data/ids/${k}.json`));
    expect(await src.locate('e3')).toBe(2);
    expect(aliasChain('older-e3', DATA.index.aliases)).toEqual(['older-e3', 'old-e3', 'e3']);
    expect(aliasChain('a', { a: 'b', b: 'a' })).toEqual(['a', 'b']);
  });

  it('refuses data of another version or out of step with the index, saying what is wrong', async () => {
    const make = (over: Record<string, unknown>) => createDataSource(async (p) => (p in over ? over[p] : structuredClone(FILES.get(p))));
    await expect(make({ '/data/index.json': { ...DATA.index, version: 1 } })).rejects.toThrow(/version 1.*version 2/);
    await expect(make({ '/data/index.json': { ...DATA.index, total: 7 } })).rejects.toThrow(/periods hold 6 events, the total says 7/);
    await expect(make({ '/data/index.json': { ...DATA.index, idShards: 3 } })).rejects.toThrow(/id shard/);
    await expect(make({ '/data/compact.json': { ...DATA.compact, days: DATA.compact.days.slice(1), types: DATA.compact.types.slice(1), countries: DATA.compact.countries.slice(1) } })).rejects.toThrow(/5 events, the data index says 6/);
    await expect(make({ '/data/compact.json': { ...DATA.compact, types: DATA.compact.types.slice(1) } })).rejects.toThrow(/different lengths/);
    await expect(make({ '/data/compact.json': { ids: ORDER } })).rejects.toThrow(/column is missing/);
    await expect(make({ '/data/compact.json': { ...DATA.compact, days: [...DATA.compact.days].reverse() } })).rejects.toThrow(/not in order/);
    const src = await make({ '/data/chunks/2025-07.json': { key: '2025-07', events: [EVENTS[2], EVENTS[3]] }, '/data/chunks/2025-09.json': { key: '2025-09', events: [EVENTS[0]] } });
    await expect(src.ensureWindow('2025-07-01', '2025-07-31', 0)).rejects.toThrow(/chunk 2025-07: 2 events, the data index says 3/);
    await expect(src.ensureWindow('2025-09-01', '2025-09-30', 0)).rejects.toThrow(/chunk 2025-09: event 0 is not in the order/);
  });
});

describe('dayTimes', () => {
  it('gives the local midnight of each UTC day number plus an offset, reusing runs of one day', () => {
    const days = [dayNum('2025-07-13'), dayNum('2025-07-13'), dayNum('2025-07-14'), dayNum('2026-01-01')];
    const noon = 12 * 3_600_000;
    const got = dayTimes(days, noon);
    expect(got).toEqual([
      new Date(2025, 6, 13).getTime() + noon,
      new Date(2025, 6, 13).getTime() + noon,
      new Date(2025, 6, 14).getTime() + noon,
      new Date(2026, 0, 1).getTime() + noon,
    ]);
    expect(dayTimes([])).toEqual([]);
  });
  it('agrees with the string route (dayStr then local midnight) across a leap day and a year', () => {
    const start = dayNum('2024-02-20');
    const days = Array.from({ length: 400 }, (_, i) => start + i);
    const viaStrings = days.map((d) => {
      const [y, m, dd] = dayStr(d).split('-').map(Number) as [number, number, number];
      return new Date(y, m - 1, dd).getTime();
    });
    expect(dayTimes(days)).toEqual(viaStrings);
  });
});
