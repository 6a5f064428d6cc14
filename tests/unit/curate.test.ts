import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyCuration, parseCuration } from '../../scripts/pipeline/curate.ts';
import { mergeEvents } from '../../scripts/pipeline/merge.ts';
import type { Actor, ExtractedEvent } from '../../scripts/pipeline/types.ts';
import { EventSchema, type EventType } from '../../src/lib/schema.ts';

function ev(doc: string, start: number, type: EventType, date: string, countries: string[], actors: Actor[] = []): ExtractedEvent {
  const sentence = `Sentence ${start} of ${doc}.`;
  return {
    type,
    date,
    datePrecision: 'day',
    dateEvidence: 'weekday',
    countries,
    organizations: [],
    actors,
    title: `${type} ${countries.join('/')}`,
    confidence: 0.8,
    source: { document: doc, published: date, sentence, start, end: start + sentence.length, trigger: { start: 0, end: 8 } },
  };
}

const extracted = [
  ev('000_seed', 10, 'meeting', '2025-07-15', ['CHN', 'RUS'], [{ name: 'Xi Jinping', country: 'CHN' }, { name: 'Sergei Lavrov', country: 'RUS' }]),
  ev('000_seed', 200, 'threat', '2025-07-14', ['RUS', 'USA'], [{ name: 'Donald Trump', country: 'USA' }]),
  ev('000_seed', 400, 'statement', '2025-07-15', ['CHN']),
];
const events = mergeEvents(extracted);
const MEETING = '2025-07-15-meeting-chn-rus-jinping-lavrov';
const THREAT = '2025-07-14-threat-rus-usa-trump';
const STATEMENT = '2025-07-15-statement-chn';
const PATH = 'seeds/curation.yaml';

function curate(yaml: string, input = events) {
  const { curation, errors } = parseCuration(yaml, PATH);
  const applied = applyCuration(input, curation);
  return { errors, warnings: applied.warnings, events: applied.events, curation };
}

describe('curation: the ids used below are the ones merge gives', () => {
  it('has the expected ids', () => {
    expect(events.map((e) => e.id).sort()).toEqual([THREAT, MEETING, STATEMENT].sort());
  });
});

describe('curation: add', () => {
  const yaml = `
add:
  - type: meeting
    date: 2025-07-16
    countries: [CHN, pak]
    title: Wang Yi meets Pakistan's foreign minister in Tianjin
    actors:
      - { name: Wang Yi, country: CHN, role: Foreign Minister }
    location: Tianjin
    note: the extractor missed the last paragraph
`;
  it('adds an event the extractor missed, with a content id, marked curated', () => {
    const r = curate(yaml);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    const added = r.events.find((e) => e.date === '2025-07-16')!;
    expect(added).toMatchObject({
      id: '2025-07-16-meeting-chn-pak-yi',
      type: 'meeting',
      countries: ['CHN', 'PAK'],
      location: 'Tianjin',
      curated: true,
      dateEvidence: 'curated',
      datePrecision: 'day',
    });
    expect(added.sources).toEqual([{ document: 'curation.yaml', sentence: 'the extractor missed the last paragraph', start: 0, end: 0 }]);
    expect(EventSchema.safeParse(added).success).toBe(true);
    expect(r.events).toHaveLength(4);
    // sorted by (date, id)
    const keys = r.events.map((e) => `${e.date} ${e.id}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('keeps a given id, and refuses one already used', () => {
    const r = curate(`
add:
  - { id: my-event, type: visit, date: 2025-07-12, countries: [RUS, PRK], title: Lavrov visits North Korea,
      sources: [{ document: 000_seed, sentence: "The Russian foreign minister arrived in China following a visit to North Korea." }] }
  - { id: ${MEETING}, type: visit, date: 2025-07-12, countries: [RUS], title: Clash }
`);
    expect(r.events.find((e) => e.id === 'my-event')).toMatchObject({ type: 'visit', countries: ['PRK', 'RUS'], sources: [{ document: '000_seed' }] });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain(`id "${MEETING}" is already used`);
    expect(r.events.find((e) => e.id === MEETING)!.type).toBe('meeting');
  });
});

describe('curation: an addition the extractor now finds itself', () => {
  it('is kept, with a warning naming the similar event', () => {
    const r = curate(`
add:
  - { type: threat, date: 2025-07-14, countries: [USA, RUS], title: Trump threatens tariffs }
`);
    expect(r.events.filter((e) => e.type === 'threat')).toHaveLength(2);
    expect(r.warnings).toEqual([expect.stringContaining(`similar event "${THREAT}"`)]);
  });
});

describe('curation: summary', () => {
  it('counts the corrections that took effect', () => {
    const { curation } = parseCuration(
      `add:\n  - { type: visit, date: 2025-07-12, countries: [RUS, PRK], title: Lavrov in Pyongyang }\nfix:\n  - { id: ${MEETING}, title: T }\n  - { id: nope, title: T }\nsuppress: [${STATEMENT}, nope2]\n`,
      PATH,
    );
    expect(applyCuration(events, curation).summary).toEqual({ added: 1, fixed: 1, suppressed: 1, merged: 0 });
  });
});

describe('curation: fix', () => {
  it('fixes fields of an extracted event by id; the id stays so the fix survives rebuilds', () => {
    const yaml = `
fix:
  - id: ${THREAT}
    date: 2025-07-13
    title: Trump threatens Russia's trade partners with tariffs
    countries: [USA, RUS]
`;
    const r = curate(yaml);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    const fixed = r.events.find((e) => e.id === THREAT)!;
    expect(fixed).toMatchObject({ date: '2025-07-13', title: "Trump threatens Russia's trade partners with tariffs", curated: true, dateEvidence: 'curated', countries: ['RUS', 'USA'] });
    expect(fixed.sources).toEqual(events.find((e) => e.id === THREAT)!.sources);
    expect(r.events.find((e) => e.id === MEETING)!.curated).toBeUndefined();

    // Rebuild with another, unrelated article: the same file still applies.
    const rebuilt = mergeEvents([...extracted, ev('001_other', 5, 'visit', '2025-07-14', ['FRA', 'IND'])]);
    const again = curate(yaml, rebuilt);
    expect(again.warnings).toEqual([]);
    expect(again.events.find((e) => e.id === THREAT)!.date).toBe('2025-07-13');
  });

  it('reports a fix whose id no longer exists, with the closest ids', () => {
    const r = curate(`
fix:
  - id: 2025-07-15-meeting-chn-rus-jinping-lavrof
    title: Typo in the id
`);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/fix\[1\].*no event with id "2025-07-15-meeting-chn-rus-jinping-lavrof"/);
    expect(r.warnings[0]).toContain(`closest: ${MEETING}`);
    expect(r.events).toEqual(events);
  });
});

describe('curation: suppress', () => {
  it('suppresses events by id, as a bare id or with a reason', () => {
    const r = curate(`
suppress:
  - ${STATEMENT}
  - id: ${THREAT}
    reason: background, reported elsewhere
`);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.events.map((e) => e.id)).toEqual([MEETING]);
  });

  it('reports suppressing an id that is not in the build, and a fix of a suppressed event', () => {
    const r = curate(`
suppress: [gone-event-id, ${MEETING}]
fix:
  - { id: ${MEETING}, title: New title }
`);
    expect(r.warnings.some((w) => w.includes('no event with id "gone-event-id"'))).toBe(true);
    expect(r.warnings.some((w) => w.includes('also suppressed'))).toBe(true);
    expect(r.events.some((e) => e.id === MEETING)).toBe(false);
  });
});

describe('curation: merge', () => {
  // Two reports the merger kept apart (different states named) that the user knows are one event.
  const split = mergeEvents([
    ev('a', 10, 'agreement', '2021-10-20', ['NGA', 'TUR'], [{ name: 'Recep Tayyip Erdogan', country: 'TUR' }]),
    ev('b', 20, 'agreement', '2021-10-20', ['NGA', 'TUR', 'USA']),
    ev('c', 30, 'statement', '2021-10-20', ['NGA']),
  ]);
  const [keep, other] = ['2021-10-20-agreement-nga-tur-erdogan', '2021-10-20-agreement-nga-tur-usa'];

  it('folds the later ids into the first: one event with all sources', () => {
    expect(split.map((e) => e.id)).toEqual(expect.arrayContaining([keep, other]));
    const r = curate(`merge:\n  - [${keep}, ${other}]\nfix:\n  - { id: ${keep}, countries: [NGA, TUR] }\n`, split);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.events).toHaveLength(2);
    const merged = r.events.find((e) => e.id === keep)!;
    expect(merged.sources.map((s) => s.document)).toEqual(['a', 'b']);
    expect(merged).toMatchObject({ countries: ['NGA', 'TUR'], curated: true, actors: [{ name: 'Recep Tayyip Erdogan' }] });
  });

  it('accepts a flat list and { ids, note }, and reports ids that are gone', () => {
    expect(curate(`merge: [${keep}, ${other}]\n`, split).events).toHaveLength(2);
    expect(curate(`merge:\n  - { ids: [${keep}, ${other}], note: same signing }\n`, split).events).toHaveLength(2);
    const r = curate(`merge:\n  - [${keep}, gone-id]\nfix:\n  - { id: ${other}, title: T }\n`, split);
    expect(r.warnings).toEqual([
      expect.stringContaining('no event with id "gone-id"'),
      expect.stringContaining('fewer than two of its events are in this build; nothing was merged'),
    ]);
    expect(r.events).toHaveLength(3);
    const later = curate(`merge: [${keep}, ${other}]\nfix:\n  - { id: ${other}, title: T }\n`, split);
    expect(later.warnings).toEqual([expect.stringContaining(`"${other}" was merged into "${keep}"; fix that id instead`)]);
  });

  it('rejects a merge of one id', () => {
    const r = curate(`merge:\n  - [${keep}]\n`, split);
    expect(r.errors[0]).toContain('list at least two ids to merge');
  });
});

describe('curation: broken files', () => {
  it('bad YAML: a message with line and column, no corrections, the build goes on', () => {
    const r = curate('fix:\n  - id: x\n    title: [unclosed\n');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^seeds\/curation\.yaml:\d+:\d+: not valid YAML/);
    expect(r.events).toEqual(events);
  });

  it('unknown type: that entry is skipped with a clear message, the others apply', () => {
    const r = curate(`
add:
  - { type: meetting, date: 2025-07-16, countries: [CHN], title: Bad type }
  - { type: statement, date: 2025-07-16, countries: [CHN], title: Good one }
suppress: [${STATEMENT}]
`);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain('add[1]');
    expect(r.errors[0]).toContain('unknown event type "meetting"; expected one of meeting, visit, statement');
    expect(r.events.map((e) => e.title)).toContain('Good one');
    expect(r.events.some((e) => e.id === STATEMENT)).toBe(false);
  });

  it('names bad dates, unknown countries, unknown fields and missing fields', () => {
    const r = curate(`
add:
  - { type: visit, date: 2025-02-30, countries: [RUS], title: Not a day }
  - { type: visit, date: 2025-02-03, countries: [XYZ], title: Not a country }
  - { type: visit, dat: 2025-02-03, countries: [RUS], title: Typo }
fix:
  - { id: ${MEETING} }
  - { id: ${MEETING}, datePrecision: roughly }
`);
    expect(r.errors).toHaveLength(5);
    expect(r.errors[0]).toMatch(/add\[1\].*date.*real calendar day/);
    expect(r.errors[1]).toMatch(/add\[2\].*countries\.0.*alpha-3.*"XYZ"/);
    expect(r.errors[2]).toMatch(/add\[3\].*unknown field "dat"/);
    expect(r.errors[2]).toMatch(/missing required field "date"/);
    expect(r.errors[3]).toMatch(/fix\[1\].*at least one field/);
    expect(r.errors[4]).toMatch(/fix\[2\].*datePrecision.*"roughly"/);
    expect(r.events).toEqual(events);
  });

  it('a file that is not a mapping, or has unknown sections, is reported', () => {
    expect(curate('- just\n- a list\n').errors[0]).toContain('expected a mapping');
    const r = curate(`remove: [${MEETING}]\nsuppress: [${STATEMENT}]\n`);
    expect(r.errors).toEqual([`${PATH}: unknown section "remove" was ignored; expected add, fix, suppress or merge`]);
    expect(r.events.map((e) => e.id)).toEqual([THREAT, MEETING]);
  });

  it('an empty file or comment-only file is fine', () => {
    expect(curate('').errors).toEqual([]);
    expect(curate('# nothing yet\n').events).toEqual(events);
  });
});

describe('curation: Markdown front matter', () => {
  it('reads the corrections from the front matter', () => {
    const r = curate(`---\nsuppress:\n  - ${STATEMENT}\n---\n# Notes\nWhy we suppress it.\n`);
    expect(r.errors).toEqual([]);
    expect(r.events.some((e) => e.id === STATEMENT)).toBe(false);
  });

  it('reports bad YAML in the front matter with a line in the file', () => {
    const r = curate(`---\nsuppress:\n  - [oops\n---\nbody\n`);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/not valid YAML/);
  });
});

describe('curation: never throws', () => {
  it('stays quick on a file of nested aliases (a "billion laughs" file)', () => {
    let y = 'add: []\n_0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++) y += `_${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    y += 'suppress: *a11\nfix: [{ id: x, title: *a11 }]\n';
    // An exponential walk would never finish (the test's timeout catches it).
    const { errors } = parseCuration(y, PATH);
    expect(errors.some((e) => e.includes('fix[1]') && e.includes('title: expected string (got a list of 10)'))).toBe(true);
  });

  it('on any text or any JSON-shaped document', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything().map((v) => JSON.stringify({ add: v, fix: v, suppress: v }) ?? '')), (text) => {
        const { curation, errors } = parseCuration(text, PATH);
        const applied = applyCuration(events, curation);
        expect(Array.isArray(errors)).toBe(true);
        for (const e of applied.events) expect(EventSchema.safeParse(e).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
