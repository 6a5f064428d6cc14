/**
 * The registry matched again from the previous build's matching (build-state.ts matchFromState):
 * where it answers, it gives what the full matching (id-registry.ts matchRegistry) gives; where an id
 * it decides again ties between events, it gives up and the caller matches in full.
 */
import { describe, expect, it } from 'vitest';
import { choosersOf, matchFromState, type Lite, type MatchRec, type PreviousMatch } from '../../scripts/pipeline/corpus/build-state.ts';
import { matchRegistry, type Registry } from '../../scripts/pipeline/id-registry.ts';

interface Ev {
  id: string;
  date: string;
  type: string;
  countries: string[];
  keys: string[];
}

const lite = (e: Ev): Lite => [e.type, e.countries, '', e.keys];
const input = (e: MatchRec) => ({ id: e.id, date: e.date, type: e.lite![0], keys: e.lite![3], key: `${e.date}|${e.lite![0]}|${e.lite![1].join(',')}` });

/** The previous build: its records and its full matching against `reg` (as the state keeps it). */
function previous(events: Ev[], reg: Registry, digest: string): PreviousMatch {
  const recs: MatchRec[] = events.map((e, at) => ({ id: e.id, date: e.date, lite: lite(e), at }));
  const m = matchRegistry(recs.map(input), reg);
  return { events: recs, pubs: choosersOf(m.named, m.matched), matchInfo: { reg: digest, ties: m.ties.ids, tieEvents: m.ties.events, at: [0, 0] } };
}

const entry = (since: number, key: string, sources: string[]) => ({ since, key, sources: [...sources].sort() });

describe('the registry matched from the previous build (matchFromState)', () => {
  it('decides again an id whose event went, and finds its best event among the events that did not change', () => {
    // X stood for an event of two sources of article a and one of article b; Y for the b one alone.
    const reg: Registry = {
      version: 1,
      generation: 2,
      ids: {
        'visit-fra-deu-x': entry(1, '2024-01-02|visit|DEU,FRA', ['a#s1#0', 'a#s2#4', 'b#s1#0']),
        'visit-fra-deu-y': entry(2, '2024-01-02|visit|DEU,FRA', ['b#s1#0']),
        'talks-chn-rus-z': entry(2, '2024-03-01|talks|CHN,RUS', ['c#s9#7']),
      },
      aliases: {},
    };
    const e1: Ev = { id: 'visit-fra-deu-x', date: '2024-01-02', type: 'visit', countries: ['DEU', 'FRA'], keys: ['a#s1#0', 'a#s2#4'] };
    const e2: Ev = { id: 'visit-fra-deu-y', date: '2024-01-02', type: 'visit', countries: ['DEU', 'FRA'], keys: ['b#s1#0'] };
    const e3: Ev = { id: 'talks-chn-rus-z', date: '2024-03-01', type: 'talks', countries: ['CHN', 'RUS'], keys: ['c#s9#7'] };
    const prev = previous([e1, e2, e3], reg, 'D1');
    expect(prev.pubs).toEqual(['visit-fra-deu-x', 'visit-fra-deu-y', 'talks-chn-rus-z']);

    // Article a is removed (e1 goes) and an unrelated event is new: X is decided again, and its best
    // event is e2, which did not change and which only Y chose before.
    const fresh: Ev = { id: 'deal-ind-bra', date: '2024-05-05', type: 'agreement', countries: ['BRA', 'IND'], keys: ['d#s3#2'] };
    const shown: MatchRec[] = [{ ...prev.events[1]! }, { ...prev.events[2]! }, { id: fresh.id, date: fresh.date, lite: lite(fresh) }];
    const got = matchFromState(shown, reg, 'D1', prev);
    const full = matchRegistry(shown.map(input), reg);
    expect(got).toBeDefined();
    expect(got!.named).toEqual(full.named);
    expect([...got!.matched].sort()).toEqual([...full.matched].sort());
    // e2 now holds X (the older id) and Y is its alias; the new event holds no registered id.
    expect(got!.named).toEqual(['visit-fra-deu-x', 'talks-chn-rus-z', undefined]);
    expect(got!.matched.get('visit-fra-deu-y')).toBe('visit-fra-deu-x');
    expect(got!.lines).toEqual(['visit-fra-deu-x visit-fra-deu-y', 'talks-chn-rus-z', '']);
  });

  it('gives up when an id it decides again ties between two events, and the full matching settles the tie', () => {
    // X stood for an event of three sources (articles a, b, c); two other events hold one of them
    // each, and X's words and key are as far from either as from the other.
    const reg: Registry = {
      version: 1,
      generation: 2,
      ids: { 'visit-fra-deu-one': entry(1, '2024-01-01|visit|DEU,FRA', ['a#s1#0', 'b#s1#0', 'c#s1#0']) },
      aliases: {},
    };
    const e1: Ev = { id: 'visit-fra-deu-one', date: '2024-01-01', type: 'visit', countries: ['DEU', 'FRA'], keys: ['a#s1#0', 'b#s1#0', 'c#s1#0'] };
    const e2: Ev = { id: 'visit-fra-ita-two', date: '2024-01-02', type: 'visit', countries: ['FRA', 'ITA'], keys: ['b#s1#0'] };
    const e3: Ev = { id: 'visit-fra-esp-six', date: '2024-01-03', type: 'visit', countries: ['ESP', 'FRA'], keys: ['c#s1#0'] };
    const prev = previous([e1, e2, e3], reg, 'D1');
    expect(prev.pubs).toEqual(['visit-fra-deu-one', '', '']);
    expect(prev.matchInfo!.ties).toEqual([]);

    // e1 goes: X is decided again and scores the same on e2 and e3 (one strong and one weak source
    // each), with the same closeness: the shortcut cannot settle that alone.
    const shown: MatchRec[] = [{ ...prev.events[1]! }, { ...prev.events[2]! }];
    expect(matchFromState(shown, reg, 'D1', prev)).toBeUndefined();

    // The full matching settles it over all ids: X takes the first of the tied events (by day, then id).
    const full = matchRegistry(shown.map(input), reg);
    expect(full.named).toEqual(['visit-fra-deu-one', undefined]);
    expect(full.ties).toEqual({ ids: ['visit-fra-deu-one'], events: [0, 1] });
    // With the registry the previous build wrote (X's entry among the changed ones), the same.
    const next = { ...prev, matchInfo: { ...prev.matchInfo!, next: 'D2', dirty: ['visit-fra-deu-one'] } };
    expect(matchFromState(shown, reg, 'D2', next)).toBeUndefined();
    // And an unknown registry is never matched from the state.
    expect(matchFromState(shown, reg, 'D3', prev)).toBeUndefined();
  });
});
