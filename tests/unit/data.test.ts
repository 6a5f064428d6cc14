import { constants as bufferConstants } from 'node:buffer';
import { mkdtempSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  clearEventsCache,
  countBy,
  countryName,
  countryNameMap,
  eventsByCountry,
  eventsFilePath,
  formatDay,
  formatDayShort,
  formatMonth,
  isKnownCountry,
  loadEventsFile,
  parseEventsFile,
  relatedEvents,
  buildSiteModel,
  countryStats,
  eventPagesMax,
  exportParts,
  LIMITS,
  pageCount,
  pageSlice,
  pairKey,
  safeArticleUrl,
} from '../../src/lib/data.ts';
import { splitHighlight } from '../../src/lib/highlight.ts';
import type { TimelineEvent } from '../../src/lib/schema.ts';
import { absoluteUrl, countryPath, eventPath, isPathSafeId, joinBase, listPagePath, pairPagePath, summarize } from '../../src/lib/seo.ts';

function ev(id: string, date: string, countries: string[], extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    id,
    type: 'meeting',
    date,
    datePrecision: 'day',
    countries,
    organizations: [],
    actors: [],
    title: `Event ${id}`,
    sources: [{ document: `doc-${id}`, sentence: `Sentence of ${id}.`, start: 0, end: 10 }],
    ...extra,
  };
}

const file = (events: TimelineEvent[]) => ({
  schemaVersion: 1,
  documents: [{ id: 'd1', title: 'T', published: '2025-07-16', path: 'd1.txt', status: 'ok' }],
  events,
});

describe('loadEventsFile', () => {
  const saved = process.env.EVENTS_JSON;
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    if (saved === undefined) delete process.env.EVENTS_JSON;
    else process.env.EVENTS_JSON = saved;
    clearEventsCache();
  });

  it('reads the file named by EVENTS_JSON and validates it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dt-data-'));
    dirs.push(dir);
    const path = join(dir, 'events.json');
    writeFileSync(path, JSON.stringify(file([ev('a', '2025-07-01', ['CHN'])])));
    process.env.EVENTS_JSON = path;
    expect(eventsFilePath()).toBe(path);
    const loaded = loadEventsFile();
    expect(loaded.events.map((e) => e.id)).toEqual(['a']);
    expect(loadEventsFile()).toBe(loaded); // cached per path
    // A rewritten file is read again.
    writeFileSync(path, JSON.stringify(file([ev('a', '2025-07-01', ['CHN']), ev('b', '2025-07-02', ['RUS'])])));
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    expect(loadEventsFile().events.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('defaults to src/data/events.json when EVENTS_JSON is unset or blank', () => {
    expect(eventsFilePath({})).toMatch(/src[\\/]data[\\/]events\.json$/);
    expect(eventsFilePath({ EVENTS_JSON: '  ' })).toMatch(/src[\\/]data[\\/]events\.json$/);
  });

  it('fails with a clear message for a missing file', () => {
    process.env.EVENTS_JSON = join(tmpdir(), 'no-such-dir-dt', 'events.json');
    expect(() => loadEventsFile()).toThrow(/Cannot read the events file .*ENOENT/);
  });

  it('refuses an events file larger than Node can hold as one string, with a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dt-data-'));
    dirs.push(dir);
    const path = join(dir, 'events.json');
    writeFileSync(path, '');
    truncateSync(path, bufferConstants.MAX_STRING_LENGTH + 1); // sparse: no disk space used
    process.env.EVENTS_JSON = path;
    expect(() => loadEventsFile()).toThrow(/is too large: \d+ MiB, more than Node can read as one string .*Very large corpora/);
  });

  it('rejects invalid JSON and schema violations with the failing path', () => {
    expect(() => parseEventsFile('{not json')).toThrow(/not valid JSON/);
    const bad = file([ev('a', '2025-02-30', ['CHN'])]);
    expect(() => parseEventsFile(JSON.stringify(bad))).toThrow(/events\.0\.date/);
    const badCode = file([ev('a', '2025-02-03', ['china'])]);
    expect(() => parseEventsFile(JSON.stringify(badCode))).toThrow(/events\.0\.countries\.0/);
  });
});

describe('country helpers', () => {
  it('groups events by each country, keys sorted, no duplicate for a repeated code', () => {
    const a = ev('a', '2025-07-01', ['RUS', 'CHN']);
    const b = ev('b', '2025-07-02', ['USA', 'USA']);
    const c = ev('c', '2025-07-03', ['CHN']);
    const groups = eventsByCountry([a, b, c]);
    expect([...groups.keys()]).toEqual(['CHN', 'RUS', 'USA']);
    expect(groups.get('CHN')!.map((e) => e.id)).toEqual(['a', 'c']);
    expect(groups.get('USA')!.map((e) => e.id)).toEqual(['b']);
    expect(eventsByCountry([]).size).toBe(0);
  });

  it('names countries and falls back to the code', () => {
    expect(countryName('CHN')).toBe('China');
    expect(countryName('rus')).toBe('Russia');
    expect(countryName('USA')).toBe('United States');
    expect(countryName('XKX')).toBe('Kosovo');
    expect(countryName('QQQ')).toBe('QQQ');
    expect(isKnownCountry('FRA')).toBe(true);
    expect(isKnownCountry('QQQ')).toBe(false);
    expect(countryNameMap(['RUS', 'CHN', 'RUS'])).toEqual({ CHN: 'China', RUS: 'Russia' });
  });

  it('counts values once per item, sorted by count then key', () => {
    const items = [['CHN', 'RUS'], ['RUS'], ['RUS', 'RUS', 'IND'], ['CHN']];
    expect(countBy(items, (x) => x)).toEqual([
      ['RUS', 3],
      ['CHN', 2],
      ['IND', 1],
    ]);
  });
});

describe('relatedEvents', () => {
  const target = ev('t', '2025-07-15', ['CHN', 'RUS'], {
    actors: [{ name: 'Sergei Lavrov', country: 'RUS' }],
  });
  const sameBoth = ev('both', '2025-07-10', ['CHN', 'RUS']);
  const sameActor = ev('actor', '2025-03-01', ['PRK', 'RUS'], { actors: [{ name: 'sergei lavrov' }] });
  const oneCountryFar = ev('far', '2024-01-01', ['CHN', 'USA']);
  const unrelated = ev('none', '2025-07-15', ['FRA', 'DEU']);

  it('excludes the event itself and unrelated events', () => {
    const out = relatedEvents(target, [target, sameBoth, sameActor, oneCountryFar, unrelated]);
    expect(out.map((e) => e.id)).not.toContain('t');
    expect(out.map((e) => e.id)).not.toContain('none');
    expect(out).toHaveLength(3);
  });

  it('keeps the strongest relations when limited, returned in date order', () => {
    const out = relatedEvents(target, [oneCountryFar, unrelated, sameActor, sameBoth, target], 2);
    expect(out.map((e) => e.id)).toEqual(['actor', 'both']);
    expect(relatedEvents(target, [sameBoth], 0)).toEqual([]);
  });

  it('finds the strongest relations in a large list, even far away in time', () => {
    const crowd = Array.from({ length: 400 }, (_, i) =>
      ev(`crowd-${i}`, `2025-07-${String((i % 28) + 1).padStart(2, '0')}`, i % 2 ? ['CHN', 'FRA'] : ['FRA', 'RUS']),
    );
    const pairFar = ev('pair-far', '2021-01-05', ['CHN', 'RUS']);
    const actorFar = ev('actor-far', '2019-03-01', ['BRA', 'RUS'], { actors: [{ name: 'Sergei Lavrov' }] });
    const out = relatedEvents(target, [...crowd, pairFar, actorFar], 2).map((e) => e.id);
    expect(out).toEqual(['actor-far', 'pair-far']);
    // Without those two, the nearest crowd events are the best the list has.
    const rest = relatedEvents(target, crowd, 3);
    expect(rest).toHaveLength(3);
    for (const e of rest) expect(e.date).toBe('2025-07-15');
  });

  it('links events from the same source document', () => {
    const sibling = ev('sib', '2025-07-15', ['FRA'], { sources: [{ document: 'doc-t', sentence: 'x', start: 0, end: 1 }] });
    expect(relatedEvents(target, [sibling]).map((e) => e.id)).toEqual(['sib']);
  });
});

describe('formatting', () => {
  it('formats days and months without locale data', () => {
    expect(formatDay('2025-07-05')).toBe('5 July 2025');
    expect(formatDayShort('2025-12-31')).toBe('31 Dec 2025');
    expect(formatMonth('2025-01-20')).toBe('January 2025');
    expect(formatDay('not a day')).toBe('not a day');
  });
});

describe('splitHighlight', () => {
  const s = 'Xi met Lavrov in Beijing.';
  it('splits around valid trigger offsets', () => {
    expect(splitHighlight(s, { start: 3, end: 6 })).toEqual({ before: 'Xi ', mark: 'met', after: ' Lavrov in Beijing.' });
  });
  it.each([undefined, { start: 5, end: 5 }, { start: 6, end: 3 }, { start: 3, end: 99 }, { start: -1, end: 2 }, { start: 1.5, end: 3 }])(
    'gives no highlight for %j',
    (t) => {
      expect(splitHighlight(s, t)).toEqual({ before: s, mark: '', after: '' });
    },
  );
});

describe('seo helpers', () => {
  it('joins the deploy base and builds absolute URLs', () => {
    expect(joinBase('/', '/country/chn/')).toBe('/country/chn/');
    expect(joinBase('/timeline/', '/country/chn/')).toBe('/timeline/country/chn/');
    expect(joinBase('/timeline', 'about/')).toBe('/timeline/about/');
    expect(joinBase('', '/')).toBe('/');
    expect(absoluteUrl('/event/x/', 'https://example.org')).toBe('https://example.org/event/x/');
    expect(absoluteUrl('/event/x/', undefined)).toBe('/event/x/');
  });

  it('builds page paths', () => {
    expect(countryPath('CHN')).toBe('/country/chn/');
    expect(eventPath('2025-07-15-meeting-chn')).toBe('/event/2025-07-15-meeting-chn/');
    expect(eventPath('a/b c')).toBe('/event/a%2Fb%20c/');
  });

  it('summarizes on a word boundary', () => {
    expect(summarize('  short   text ')).toBe('short text');
    const long = 'word '.repeat(60);
    const out = summarize(long, 50);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out.endsWith('word…')).toBe(true);
  });
});

describe('site model (lookups shared by every page)', () => {
  const a = ev('a', '2025-07-01', ['CHN', 'RUS'], { actors: [{ name: 'Wang Yi', country: 'CHN', role: 'Foreign Minister' }] });
  const b = ev('b', '2025-07-03', ['RUS', 'CHN', 'IND']);
  const c = ev('c', '2024-02-10', ['USA']);
  const d = ev('d', '2025-07-03', ['IND', 'CHN'], { sources: [{ document: 'doc-a', sentence: 'x', start: 0, end: 1 }] });
  const model = buildSiteModel({ schemaVersion: 1, documents: [{ id: 'doc-a', title: 'A report', published: '2025-07-02', path: 'a.txt', status: 'ok' }], events: [c, a, b, d] }, 10);

  it('lists events newest first, ties by id', () => {
    expect(model.newest.map((e) => e.id)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('groups events per country, newest first, with counterparts by shared events', () => {
    expect([...model.countries.keys()]).toEqual(['CHN', 'IND', 'RUS', 'USA']);
    expect(model.countries.get('CHN')!.events.map((e) => e.id)).toEqual(['b', 'd', 'a']);
    expect(model.countries.get('CHN')!.counterparts).toEqual([['IND', 2], ['RUS', 2]]);
    expect(model.countries.get('RUS')!.counterparts).toEqual([['CHN', 2], ['IND', 1]]);
    expect(model.countries.get('USA')!.counterparts).toEqual([]);
  });

  it('builds one pair per two countries that share an event, codes in order', () => {
    expect([...model.pairs.keys()].sort()).toEqual(['CHN|IND', 'CHN|RUS', 'IND|RUS']);
    const pair = model.pairs.get(pairKey('RUS', 'CHN'))!;
    expect(pair).toMatchObject({ a: 'CHN', b: 'RUS', count: 2 });
    expect(pair.newest.map((e) => e.id)).toEqual(['b', 'a']);
    expect(pairPagePath('RUS', 'CHN')).toBe('/country/chn/rus/');
  });

  it('keeps a pair to its newest page of events however many it shares', () => {
    const many = Array.from({ length: LIMITS.listPage + 30 }, (_, i) => ev(`m${String(i).padStart(4, '0')}`, `2025-01-${String((i % 28) + 1).padStart(2, '0')}`, ['FRA', 'DEU']));
    const m = buildSiteModel({ schemaVersion: 1, documents: [], events: many });
    const pair = m.pairs.get('DEU|FRA')!;
    expect(pair.count).toBe(many.length);
    expect(pair.newest).toHaveLength(LIMITS.listPage);
    expect(pair.newest[0]!.date).toBe('2025-01-28');
  });

  it('looks documents up by id and decides whether events get pages of their own', () => {
    expect(model.docs.get('doc-a')?.title).toBe('A report');
    expect(model.eventPages).toBe(true);
    expect(buildSiteModel(model.file, 3).eventPages).toBe(false);
    expect(eventPagesMax({ SITE_EVENT_PAGES_MAX: '5000' })).toBe(5000);
    expect(eventPagesMax({ SITE_EVENT_PAGES_MAX: 'lots' })).toBe(LIMITS.eventPagesMax);
    expect(eventPagesMax({})).toBe(LIMITS.eventPagesMax);
  });

  it('computes a country page’s figures once: types, people, cited documents, year jump pages', () => {
    const stats = countryStats(model.countries.get('CHN')!);
    expect(countryStats(model.countries.get('CHN')!)).toBe(stats);
    expect(stats.typeCounts.get('meeting')).toBe(3);
    expect(stats.people).toEqual([['Wang Yi', 1]]);
    expect(stats.roles.get('Wang Yi')).toBe('Foreign Minister');
    expect(stats.documents).toEqual([['doc-a', 2], ['doc-b', 1]]);
    expect(stats.years).toEqual([{ year: '2025', month: '2025-07', page: 1 }]);
  });
});

describe('paging and export parts', () => {
  it('counts pages and slices them, one empty page for no rows', () => {
    expect(pageCount(0, 200)).toBe(1);
    expect(pageCount(200, 200)).toBe(1);
    expect(pageCount(201, 200)).toBe(2);
    const rows = Array.from({ length: 450 }, (_, i) => i);
    expect(pageSlice(rows, 1, 200)).toHaveLength(200);
    expect(pageSlice(rows, 3, 200)).toEqual(rows.slice(400));
    expect(listPagePath('/events/', 1)).toBe('/events/');
    expect(listPagePath('/country/chn/', 3)).toBe('/country/chn/page/3/');
  });

  it('splits exports into numbered parts of bounded size', () => {
    const rows = Array.from({ length: 4500 }, (_, i) => i);
    const parts = exportParts(rows, 2000);
    expect(parts.map(([n, xs]) => [n, xs.length])).toEqual([[1, 2000], [2, 2000], [3, 500]]);
    expect(exportParts([], 2000)).toEqual([[1, []]]);
  });
});

describe('article links and path-safe ids', () => {
  it('keeps only absolute http and https addresses', () => {
    expect(safeArticleUrl('https://news.example.org/a?b=1')).toBe('https://news.example.org/a?b=1');
    expect(safeArticleUrl(' http://example.com/x ')).toBe('http://example.com/x');
    expect(safeArticleUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeArticleUrl('data:text/html,<b>x</b>')).toBeUndefined();
    expect(safeArticleUrl('/relative/path')).toBeUndefined();
    expect(safeArticleUrl('ftp://example.com/file')).toBeUndefined();
    expect(safeArticleUrl(undefined)).toBeUndefined();
    expect(safeArticleUrl(`https://example.com/${'a'.repeat(3000)}`)).toBeUndefined();
  });

  it('accepts event-like ids as page paths and refuses traversal, slashes, query and fragment', () => {
    expect(isPathSafeId('2025-07-13-meeting-chn-rus-lavrov-yi')).toBe(true);
    expect(isPathSafeId('évènement_1.2')).toBe(true);
    for (const bad of ['', '../x', 'a/b/c', 'x?y', 'x#y', '-lead', 'a..b', 'x'.repeat(201), 'with space']) expect(isPathSafeId(bad), bad).toBe(false);
  });
});

describe('one document naming many countries in every sentence (issue 12, output blow-up)', () => {
  it('keeps every pair list to one page while counting every shared event', () => {
    const codes = ['AFG', 'ALB', 'DZA', 'AND', 'AGO', 'ARG', 'ARM', 'AUS', 'AUT', 'AZE', 'BHS', 'BHR', 'BGD', 'BRB', 'BLR', 'BEL', 'BLZ', 'BEN', 'BTN', 'BOL', 'BIH', 'BWA', 'BRA', 'BRN', 'BGR', 'BFA', 'BDI', 'KHM', 'CMR', 'CAN', 'CPV', 'CAF', 'TCD', 'CHL', 'CHN', 'COL', 'COM', 'COG', 'CRI', 'HRV', 'CUB', 'CYP', 'CZE', 'DNK', 'DJI', 'DMA', 'DOM', 'ECU', 'EGY', 'SLV'];
    const events = Array.from({ length: 1_000 }, (_, i) =>
      ev(`blow-${String(i).padStart(4, '0')}`, `2025-03-${String((i % 28) + 1).padStart(2, '0')}`, codes, { sources: [{ document: 'huge', sentence: 'All of them met.', start: i * 20, end: i * 20 + 16 }] }),
    );
    const model = buildSiteModel({ schemaVersion: 1, documents: [], events });
    expect(model.pairs.size).toBe((50 * 49) / 2);
    for (const pair of model.pairs.values()) {
      expect(pair.count).toBe(1_000);
      expect(pair.newest).toHaveLength(LIMITS.listPage);
    }
    const chn = model.countries.get('CHN')!;
    expect(chn.counterparts).toHaveLength(49);
    expect(pageCount(chn.events.length, LIMITS.listPage)).toBe(5);
    expect(exportParts(chn.events)).toHaveLength(1);
  });
});
