import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/lib/schema.ts';
import { densestWindow, filterEvents, matchesTerms, queryTerms, searchText } from '../../src/lib/filter.ts';
import { defaultViewState, parseViewState } from '../../src/lib/url-state.ts';

/** A small event, written for the tests. */
function ev(id: string, date: string, type: TimelineEvent['type'], countries: string[], extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    id,
    type,
    date,
    datePrecision: 'day',
    countries,
    organizations: [],
    actors: [],
    title: `${type} ${countries.join('-')}`,
    sources: [{ document: 'doc1', sentence: `Officials of ${countries.join(' and ')} held a ${type}.`, start: 0, end: 10 }],
    ...extra,
  };
}

const EVENTS: TimelineEvent[] = [
  ev('a', '2025-07-15', 'meeting', ['CHN', 'RUS'], { actors: [{ name: 'Sergei Lavrov', country: 'RUS', role: 'Foreign Minister' }] }),
  ev('b', '2025-07-14', 'threat', ['RUS', 'USA'], { title: 'Trump warns of tariffs on buyers of Russian oil' }),
  ev('c', '2025-07-15', 'statement', ['CHN', 'USA'], { sources: [{ document: 'doc1', sentence: 'Beijing said coercion would not end the war.', start: 5, end: 50 }] }),
  ev('d', '2025-07-12', 'visit', ['PRK', 'RUS']),
  ev('e', '2025-07-10', 'meeting', [], { organizations: ['SCO'], location: 'Tianjin' }),
  ev('f', '2025-07-15', 'meeting', ['CHN', 'IND', 'IRN', 'RUS'], { actors: [{ name: 'Subrahmanyam Jaishankar', country: 'IND' }] }),
];
const ids = (xs: TimelineEvent[]): string[] => xs.map((x) => x.id).sort();

describe('filterEvents', () => {
  it('shows everything for the default view', () => {
    expect(ids(filterEvents(EVENTS, defaultViewState()))).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('any-of mode keeps events involving at least one chosen country', () => {
    expect(ids(filterEvents(EVENTS, parseViewState('countries=USA')))).toEqual(['b', 'c']);
    expect(ids(filterEvents(EVENTS, parseViewState('countries=USA,PRK')))).toEqual(['b', 'c', 'd']);
  });

  it('all-of mode keeps only events involving every chosen country', () => {
    expect(ids(filterEvents(EVENTS, parseViewState('countries=CHN,RUS&mode=all')))).toEqual(['a', 'f']);
    expect(ids(filterEvents(EVENTS, parseViewState('countries=CHN,USA,RUS&mode=all')))).toEqual([]);
  });

  it('filters by type and combines with countries', () => {
    expect(ids(filterEvents(EVENTS, parseViewState('types=meeting')))).toEqual(['a', 'e', 'f']);
    expect(ids(filterEvents(EVENTS, parseViewState('types=meeting,threat&countries=USA')))).toEqual(['b']);
  });

  it('searches whole words of titles, people, organisations and countries, ignoring case and accents', () => {
    expect(ids(filterEvents(EVENTS, parseViewState('q=lavrov')))).toEqual(['a']);
    expect(ids(filterEvents(EVENTS, parseViewState('q=TARIFFS')))).toEqual(['b']);
    expect(ids(filterEvents(EVENTS, parseViewState('q=sco')))).toEqual(['e']);
    expect(ids(filterEvents(EVENTS, parseViewState('q=jaishankar')))).toEqual(['f']);
    expect(ids(filterEvents(EVENTS, parseViewState('q=J%C3%A1ishankar')))).toEqual(['f']);
  });

  it('matches whole words only: SCO is not found inside Moscow, "lav" finds nothing', () => {
    const moscow = ev('m', '2025-07-16', 'visit', ['RUS', 'TUR'], { title: 'Turkish envoy flies to Moscow' });
    const all = [...EVENTS, moscow];
    expect(ids(filterEvents(all, parseViewState('q=SCO')))).toEqual(['e']);
    expect(ids(filterEvents(all, parseViewState('q=moscow')))).toEqual(['m']);
    expect(ids(filterEvents(all, parseViewState('q=lav')))).toEqual([]);
  });

  it('finds a country by its code or its name: q=USA finds US events, q=Russia at least the Russia filter', () => {
    const names = (c: string): string => ({ USA: 'United States', RUS: 'Russia', CHN: 'China', IND: 'India', IRN: 'Iran', PRK: 'North Korea' })[c] ?? c;
    expect(ids(filterEvents(EVENTS, parseViewState('q=USA'), names))).toEqual(['b', 'c']);
    expect(ids(filterEvents(EVENTS, parseViewState('q=%22united+states%22'), names))).toEqual(['b', 'c']);
    const byFilter = ids(filterEvents(EVENTS, parseViewState('countries=RUS')));
    const bySearch = ids(filterEvents(EVENTS, parseViewState('q=russia'), names));
    for (const id of byFilter) expect(bySearch).toContain(id);
  });

  it('needs every search word, and keeps quoted phrases together', () => {
    expect(ids(filterEvents(EVENTS, parseViewState('q=lavrov+tariffs')))).toEqual([]);
    expect(ids(filterEvents(EVENTS, parseViewState('q=%22russian+oil%22')))).toEqual(['b']);
    expect(ids(filterEvents(EVENTS, parseViewState('q=%22oil+russian%22')))).toEqual([]);
  });

  it('does not treat the window as a filter', () => {
    expect(filterEvents(EVENTS, parseViewState('from=2030-01-01&to=2030-02-01'))).toHaveLength(EVENTS.length);
  });

  it('keeps input order and never mutates the input', () => {
    const copy = JSON.parse(JSON.stringify(EVENTS));
    expect(filterEvents(EVENTS, parseViewState('types=meeting')).map((e) => e.id)).toEqual(['a', 'e', 'f']);
    expect(EVENTS).toEqual(copy);
  });
});

describe('queryTerms and searchText', () => {
  it('splits words and phrases, folding case and accents and dropping punctuation', () => {
    expect(queryTerms('  Wang  "Yi Meets" São ')).toEqual(['wang', 'yi meets', 'sao']);
    expect(queryTerms('U.S.-China')).toEqual(['u s china']);
    expect(queryTerms(undefined)).toEqual([]);
    expect(queryTerms('"" ,')).toEqual([]);
  });

  it('holds the title, people, organisations and country codes and names as words', () => {
    const text = searchText(EVENTS[5]!, (c) => (c === 'IND' ? 'India' : c));
    for (const w of ['meeting', 'subrahmanyam', 'jaishankar', 'ind', 'india', 'chn']) expect(text.split(' ')).toContain(w);
  });

  it('matchesTerms compares whole words on a long input in linear time', () => {
    const words = 'a '.repeat(50_000) + 'moscow';
    expect(matchesTerms(words, ['sco'])).toBe(false);
    expect(matchesTerms(words, ['moscow'])).toBe(true);
  });
});

describe('densestWindow', () => {
  const at = (dates: string[]) => dates.map((date) => ({ date }));

  it('is undefined without events', () => {
    expect(densestWindow([])).toBeUndefined();
  });

  it('covers a short span whole, with padding', () => {
    const w = densestWindow(at(['2025-07-12', '2025-07-15']))!;
    expect(w.from < '2025-07-12').toBe(true);
    expect(w.to > '2025-07-15').toBe(true);
  });

  it('finds the busiest stretch of a long span rather than the whole span', () => {
    const dates = ['2023-01-05', '2023-06-01', '2024-02-01'];
    for (let d = 1; d <= 20; d++) dates.push(`2024-09-${String(d).padStart(2, '0')}`);
    dates.push('2025-03-01');
    const w = densestWindow(at(dates))!;
    expect(w.from <= '2024-09-01').toBe(true);
    expect(w.to >= '2024-09-20').toBe(true);
    expect(w.from > '2024-06-01').toBe(true);
    expect(w.to < '2025-03-01').toBe(true);
  });

  it('prefers the most recent period when two are equally busy', () => {
    const dates = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-08-01', '2024-08-02', '2024-08-03'];
    const w = densestWindow(at(dates))!;
    expect(w.from > '2024-06-01').toBe(true);
  });

  it('ignores malformed dates', () => {
    expect(densestWindow(at(['not a day', '2025-07-15']))).toBeDefined();
    expect(densestWindow(at(['garbage']))).toBeUndefined();
  });
});
