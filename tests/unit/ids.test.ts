import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignIds, baseId, shortHash, slugify } from '../../scripts/pipeline/ids.ts';
import { mergeEvents } from '../../scripts/pipeline/merge.ts';
import type { Actor, DateEvidence, ExtractedEvent } from '../../scripts/pipeline/types.ts';
import type { EventType, TimelineEvent } from '../../src/lib/schema.ts';

function ev(doc: string, start: number, type: EventType, date: string, countries: string[], actors: Actor[] = [], evidence: DateEvidence = 'weekday'): ExtractedEvent {
  const sentence = `${doc} sentence at ${start} about ${type}.`;
  return {
    type,
    date,
    datePrecision: 'day',
    dateEvidence: evidence,
    countries: [...countries].sort(),
    organizations: [],
    actors,
    title: `${type} ${countries.join('/')}`,
    confidence: 0.8,
    source: { document: doc, published: date, sentence, start, end: start + sentence.length, trigger: { start: 0, end: 4 } },
  };
}

const XI: Actor = { name: 'Xi Jinping', country: 'CHN' };
const WANG: Actor = { name: 'Wang Yi', country: 'CHN' };
const LAVROV: Actor = { name: 'Sergei Lavrov', country: 'RUS' };

describe('baseId', () => {
  it('is made of date, type, sorted countries and the surnames of the people', () => {
    expect(baseId({ type: 'meeting', date: '2025-07-13', countries: ['RUS', 'CHN'], organizations: [], actors: [WANG, LAVROV] })).toBe(
      '2025-07-13-meeting-chn-rus-lavrov-yi',
    );
    expect(baseId({ type: 'threat', date: '2025-07-14', countries: ['USA', 'RUS'], organizations: [], actors: [] })).toBe('2025-07-14-threat-rus-usa');
  });

  it('adds organisations after the states, and skips institutions as people', () => {
    expect(baseId({ type: 'meeting', date: '2025-07-15', countries: ['RUS', 'CHN'], organizations: ['SCO'], actors: [] })).toBe('2025-07-15-meeting-chn-rus-sco');
    expect(baseId({ type: 'statement', date: '2025-01-02', countries: [], organizations: ['SCO'], actors: [{ name: 'Foreign Ministry' }] })).toBe(
      '2025-01-02-statement-sco',
    );
    expect(baseId({ type: 'statement', date: '2025-01-02', countries: [], organizations: [], actors: [] })).toBe('2025-01-02-statement-none');
  });

  it('keeps long ids short and still distinct', () => {
    const many = ['ARG', 'AUS', 'BRA', 'CAN', 'CHN', 'DEU', 'FRA', 'GBR', 'IDN', 'IND', 'ITA', 'JPN', 'KOR', 'MEX', 'RUS', 'SAU', 'TUR', 'USA', 'ZAF'];
    const a = baseId({ type: 'meeting', date: '2025-11-22', countries: many, organizations: [], actors: [] });
    const b = baseId({ type: 'meeting', date: '2025-11-22', countries: many.slice(1), organizations: [], actors: [] });
    expect(a.length).toBeLessThanOrEqual(80);
    expect(a).not.toBe(b);
  });

  it('slugs non-ASCII names and hashes deterministically', () => {
    expect(slugify('Recep Tayyip Erdoğan')).toBe('recep-tayyip-erdogan');
    expect(slugify('  --  ')).toBe('');
    expect(shortHash('abc')).toBe(shortHash('abc'));
    expect(shortHash('abc')).not.toBe(shortHash('abd'));
  });
});

describe('assignIds', () => {
  const a = { type: 'meeting', date: '2025-07-15', countries: ['CHN', 'RUS'], organizations: [], actors: [], key: 'doc-a' };
  const b = { ...a, key: 'doc-b' };
  const c = { ...a, date: '2025-07-16', key: 'doc-c' };

  it('numbers colliding ids by content order, not by input order', () => {
    const one = assignIds([a, b, c], (e) => e.key);
    const two = assignIds([c, b, a], (e) => e.key);
    const idOf = (xs: typeof one, key: string) => xs.find((x) => x.key === key)!.id;
    expect(idOf(one, 'doc-a')).toBe('2025-07-15-meeting-chn-rus');
    expect(idOf(one, 'doc-b')).toBe('2025-07-15-meeting-chn-rus-2');
    for (const k of ['doc-a', 'doc-b', 'doc-c']) expect(idOf(two, k)).toBe(idOf(one, k));
  });

  it('steps over ids that are already taken', () => {
    const out = assignIds([a], (e) => e.key, new Set(['2025-07-15-meeting-chn-rus']));
    expect(out[0]!.id).toBe('2025-07-15-meeting-chn-rus-2');
  });
});

/** A small corpus: three documents about one story. */
const story: ExtractedEvent[] = [
  ev('a-agency', 100, 'meeting', '2025-07-15', ['CHN', 'RUS'], [XI, LAVROV]),
  ev('a-agency', 400, 'threat', '2025-07-14', ['RUS', 'USA'], [{ name: 'Donald Trump', country: 'USA' }], 'anchor'),
  ev('a-agency', 800, 'meeting', '2025-07-13', ['CHN', 'RUS'], [WANG, LAVROV]),
  ev('b-daily', 50, 'meeting', '2025-07-15', ['CHN', 'RUS'], [XI], 'publication'),
  ev('b-daily', 300, 'statement', '2025-07-15', ['CHN', 'USA'], [{ name: 'Lin Jian', country: 'CHN' }], 'publication'),
  ev('c-wire', 10, 'meeting', '2025-07-13', ['CHN', 'RUS'], [WANG, { name: 'Lavrov', country: 'RUS' }]),
];
/** Articles about other things: other states, other days. */
const unrelated: ExtractedEvent[] = [
  ev('m-other', 10, 'visit', '2025-07-14', ['FRA', 'IND'], [{ name: 'Emmanuel Macron', country: 'FRA' }]),
  ev('m-other', 90, 'agreement', '2025-07-14', ['FRA', 'IND']),
  ev('0-first', 5, 'sanction', '2025-07-15', ['GBR', 'IRN']),
  ev('z-last', 5, 'military', '2025-07-13', ['ISR', 'SYR']),
  ev('z-last', 70, 'statement', '2025-07-15', ['BRA', 'ARG'], [], 'publication'),
];

/** Event id keyed by its first source, which identifies the real event across runs. */
function idsBySource(events: TimelineEvent[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of events) for (const s of e.sources) m.set(`${s.document}@${s.start}`, e.id);
  return m;
}

describe('stable ids across corpus changes', () => {
  const baseline = idsBySource(mergeEvents(story));

  it('gives the story distinct ids', () => {
    expect(new Set(baseline.values()).size).toBe(4);
  });

  it('adding an unrelated article leaves the other ids unchanged', () => {
    const after = idsBySource(mergeEvents([...story, ...unrelated]));
    for (const [k, id] of baseline) expect(after.get(k)).toBe(id);
  });

  it('removing an unrelated article leaves the other ids unchanged', () => {
    const withAll = idsBySource(mergeEvents([...story, ...unrelated]));
    const without = idsBySource(mergeEvents([...story, ...unrelated.filter((e) => e.source.document !== 'm-other')]));
    for (const [k, id] of without) expect(withAll.get(k)).toBe(id);
  });

  it('reordering the files leaves every id unchanged', () => {
    const shuffled = [...unrelated.slice(2), ...story.slice(3), ...unrelated.slice(0, 2), ...story.slice(0, 3)].reverse();
    expect(idsBySource(mergeEvents(shuffled))).toEqual(idsBySource(mergeEvents([...story, ...unrelated])));
  });

  it('removing one report of a merged event keeps the id when the rest still say the same', () => {
    const without = idsBySource(mergeEvents(story.filter((e) => e.source.document !== 'b-daily')));
    expect(without.get('a-agency@100')).toBe(baseline.get('a-agency@100'));
    expect(without.get('c-wire@10')).toBe(baseline.get('c-wire@10'));
  });

  it('holds for any subset and order of unrelated articles (property)', () => {
    fc.assert(
      fc.property(fc.subarray(unrelated), fc.infiniteStream(fc.integer()), (extra, rnd) => {
        const all = [...story, ...extra];
        const order = all.map((e) => ({ e, k: rnd.next().value as number })).sort((x, y) => x.k - y.k).map((x) => x.e);
        const ids = idsBySource(mergeEvents(order));
        for (const [k, id] of baseline) if (ids.get(k) !== id) return false;
        return true;
      }),
      { numRuns: 60 },
    );
  });
});
