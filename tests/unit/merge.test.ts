import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeEvents, pickDate } from '../../scripts/pipeline/merge.ts';
import type { Actor, DateEvidence } from '../../scripts/pipeline/types.ts';
import type { EventType } from '../../src/lib/schema.ts';
import { reportBuilder } from './merge-helpers.ts';

/** A hand-built extracted event, as extract-document emits it (tests/unit/merge-helpers.ts). */
const ev = reportBuilder({
  evidence: 'publication',
  // Distinct by default, so that no test passes through the rule for reprinted sentences by accident.
  sentence: (s, start) => `${s.title ?? 'Something happened'} (${s.doc}, at ${start}).`,
});

const XI: Actor = { name: 'Xi Jinping', country: 'CHN', role: 'President' };
const WANG: Actor = { name: 'Wang Yi', country: 'CHN', role: 'Foreign Minister' };
const LAVROV: Actor = { name: 'Sergei Lavrov', country: 'RUS', role: 'Foreign Minister' };
const LAVROV_SHORT: Actor = { name: 'Lavrov', country: 'RUS' };
const PUTIN: Actor = { name: 'Vladimir Putin', country: 'RUS', role: 'President' };
const ERDOGAN: Actor = { name: 'Recep Tayyip Erdogan', country: 'TUR', role: 'President' };
const PEZESHKIAN: Actor = { name: 'Masoud Pezeshkian', country: 'IRN', role: 'President' };
const TRUMP: Actor = { name: 'Donald Trump', country: 'USA', role: 'President' };
const LIN: Actor = { name: 'Lin Jian', country: 'CHN', role: 'spokesman' };

const docsOf = (e: { sources: { document: string }[] }) => [...new Set(e.sources.map((s) => s.document))].sort();

describe('mergeEvents: duplicates within one document', () => {
  it('folds three mentions of one meeting into one event with three sources', () => {
    const out = mergeEvents([
      ev({ doc: 'a', start: 100, date: '2025-07-15', evidence: 'weekday', countries: ['CHN', 'RUS'], actors: [XI, LAVROV], title: 'Xi Jinping meets Sergei Lavrov', sentence: 'Xi told Lavrov on Tuesday that...' }),
      ev({ doc: 'a', start: 700, date: '2025-07-15', countries: ['CHN', 'RUS'], actors: [XI, LAVROV_SHORT], location: 'Beijing', sentence: 'Meeting Lavrov in the Chinese capital, Xi said...' }),
      ev({ doc: 'a', start: 1400, date: '2025-07-15', countries: ['CHN', 'RUS'], actors: [{ name: 'Xi', country: 'CHN' }, LAVROV_SHORT], sentence: 'TASS reported that Xi met Lavrov after...' }),
    ]);
    expect(out).toHaveLength(1);
    const [m] = out;
    expect(m!.sources.map((s) => s.start)).toEqual([100, 700, 1400]);
    expect(m!.date).toBe('2025-07-15');
    expect(m!.dateEvidence).toBe('weekday');
    expect(m!.location).toBe('Beijing');
    // One actor per person, with the fullest name.
    expect(m!.actors.map((a) => a.name).sort()).toEqual(['Sergei Lavrov', 'Xi Jinping']);
  });

  it('keeps two events of one type in one document apart when their explicit days differ', () => {
    const out = mergeEvents([
      ev({ doc: 'a', start: 0, date: '2025-07-13', evidence: 'weekday', countries: ['CHN', 'RUS'], actors: [LAVROV, WANG] }),
      ev({ doc: 'a', start: 500, date: '2025-07-15', evidence: 'weekday', countries: ['CHN', 'RUS'], actors: [LAVROV, WANG] }),
    ]);
    expect(out.map((e) => e.date)).toEqual(['2025-07-13', '2025-07-15']);
  });
});

describe('mergeEvents: one event, many sources', () => {
  it('merges the same meeting from three outlets and takes the date from the best evidence', () => {
    const out = mergeEvents([
      // published the next day, no time cue: dated by publication
      ev({ doc: 'c', published: '2025-07-16', date: '2025-07-16', evidence: 'publication', countries: ['CHN', 'RUS'], actors: [LAVROV_SHORT] }),
      ev({ doc: 'a', published: '2025-07-15', date: '2025-07-15', evidence: 'weekday', countries: ['CHN', 'RUS'], actors: [XI, LAVROV] }),
      ev({ doc: 'b', published: '2025-07-16', date: '2025-07-15', evidence: 'explicit', countries: ['CHN', 'RUS'], actors: [XI] }),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]!.date).toBe('2025-07-15');
    expect(out[0]!.dateEvidence).toBe('explicit');
    expect(docsOf(out[0]!)).toEqual(['a', 'b', 'c']);
  });

  it('an explicit date beats an inferred weekday, which beats the publication day', () => {
    const base = { doc: 'x', countries: ['CHN', 'RUS'] };
    const pub = ev({ ...base, date: '2025-07-16', evidence: 'publication' });
    const wd = ev({ ...base, date: '2025-07-14', evidence: 'weekday' });
    const ex = ev({ ...base, date: '2025-07-15', evidence: 'explicit' });
    expect(pickDate([pub, wd, ex]).date).toBe('2025-07-15');
    expect(pickDate([pub, wd]).date).toBe('2025-07-14');
    expect(pickDate([pub]).date).toBe('2025-07-16');
  });

  it('merge.present-state-day: a lead told as going on at publication keeps that day against a weekday of the same article', () => {
    const lead = ev({ doc: 'k', start: 10, type: 'visit', published: '2024-09-12', date: '2024-09-12', countries: ['GHA', 'KEN'], sentence: 'The Kenyan president is now in Ghana for his first state visit to the country.' });
    const ceremony = ev({ doc: 'k', start: 200, type: 'visit', published: '2024-09-12', date: '2024-09-10', evidence: 'weekday', countries: ['GHA', 'KEN'], sentence: 'The two presidents also attended the opening of a trade office in Accra on Tuesday evening.' });
    expect(pickDate([lead, ceremony]).date).toBe('2024-09-12');
    expect(pickDate([ceremony, lead]).date).toBe('2024-09-12');
    // an explicit day of the same article still dates the act; so do reports of another article
    const arrival = ev({ doc: 'k', start: 300, type: 'visit', published: '2024-09-12', date: '2024-09-10', evidence: 'explicit', countries: ['GHA', 'KEN'], sentence: 'He arrived in Accra on September 10.' });
    expect(pickDate([lead, arrival]).date).toBe('2024-09-10');
    const other = ev({ doc: 'm', start: 5, type: 'visit', published: '2024-09-12', date: '2024-09-10', evidence: 'weekday', countries: ['GHA', 'KEN'] });
    expect(pickDate([lead, other]).date).toBe('2024-09-10');
    // without the present-state wording, the weekday wins as before
    const plain = ev({ doc: 'k', start: 10, type: 'visit', published: '2024-09-12', date: '2024-09-12', countries: ['GHA', 'KEN'], sentence: 'The Kenyan president made his first state visit to Ghana.' });
    expect(pickDate([plain, ceremony]).date).toBe('2024-09-10');
  });

  it('one-state fragments ("Erdogan signed", "Buhari said the two sides signed") join the two-state event', () => {
    const out = mergeEvents([
      ev({ doc: 'a', start: 900, type: 'agreement', date: '2021-10-20', countries: ['NGA'], actors: [{ name: 'Buhari', country: 'NGA' }] }),
      ev({ doc: 'a', start: 600, type: 'agreement', date: '2021-10-20', evidence: 'anchor', countries: ['TUR'], actors: [{ name: 'Recep Tayyip Erdogan', country: 'TUR' }] }),
      ev({ doc: 'a', start: 300, type: 'agreement', date: '2021-10-20', countries: ['NGA', 'TUR'] }),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]!.countries).toEqual(['NGA', 'TUR']);
    expect(out[0]!.sources.map((s) => s.start)).toEqual([300, 600, 900]);
    // without the report naming both, the fragments name different states and stay apart
    expect(mergeEvents([
      ev({ doc: 'a', start: 900, type: 'agreement', date: '2021-10-20', countries: ['NGA'] }),
      ev({ doc: 'a', start: 600, type: 'agreement', date: '2021-10-20', countries: ['TUR'] }),
    ])).toHaveLength(2);
  });

  it('takes the title and the type from the most specific report', () => {
    const out = mergeEvents([
      ev({ doc: 'a', type: 'statement', date: '2025-07-15', countries: ['CHN'], title: 'China comments' }),
      ev({ doc: 'b', type: 'accusation', date: '2025-07-15', evidence: 'weekday', countries: ['CHN', 'USA'], actors: [LIN], title: 'Lin Jian accuses the United States of coercion' }),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]!.title).toBe('Lin Jian accuses the United States of coercion');
    expect(out[0]!.type).toBe('accusation');
    expect(out[0]!.countries).toEqual(['CHN', 'USA']);
  });

  it('a syndicated copy adds sources, not events', () => {
    const story = [
      { s: 'Lavrov met Wang Yi on Sunday to discuss Ukraine.', type: 'meeting' as const, date: '2025-07-13', ev: 'weekday' as const, c: ['CHN', 'RUS'], a: [LAVROV, WANG] },
      { s: 'Trump warned Russia of very severe tariffs.', type: 'threat' as const, date: '2025-07-14', ev: 'anchor' as const, c: ['RUS', 'USA'], a: [TRUMP] },
      { s: 'China said coercion would not resolve the conflict.', type: 'statement' as const, date: '2025-07-15', ev: 'publication' as const, c: ['CHN', 'USA'], a: [] },
    ];
    const one = (doc: string, offset: number) =>
      story.map((x, i) => ev({ doc, start: offset + i * 200, sentence: x.s, type: x.type, date: x.date, evidence: x.ev, countries: x.c, actors: x.a }));
    const original = mergeEvents(one('agency', 0));
    const both = mergeEvents([...one('agency', 0), ...one('reprint', 57)]);
    expect(both).toHaveLength(original.length);
    for (const e of both) expect(docsOf(e)).toEqual(['agency', 'reprint']);
    expect(both.map((e) => e.id)).toEqual(original.map((e) => e.id));
  });

  it('a copy published the next day adds sources even where its undated sentences shift by a day', () => {
    const original = [
      ev({ doc: 'a', published: '2025-07-15', start: 10, type: 'statement', date: '2025-07-15', countries: ['CHN', 'USA'], sentence: 'China in response said coercion would not resolve the conflict.' }),
      ev({ doc: 'a', published: '2025-07-15', start: 90, type: 'statement', date: '2025-07-15', countries: ['CHN'], actors: [LIN], sentence: 'There are no winners in a tariff war, spokesman Lin Jian said.' }),
      ev({ doc: 'a', published: '2025-07-15', start: 200, date: '2025-07-13', evidence: 'weekday', countries: ['CHN', 'RUS'], actors: [LAVROV, WANG], sentence: 'Lavrov met Sunday with Wang Yi.' }),
    ];
    const copy = original.map((e) => ({
      ...e,
      date: e.dateEvidence === 'publication' ? '2025-07-16' : e.date,
      source: { ...e.source, document: 'b', published: '2025-07-16', start: e.source.start + 4, end: e.source.end + 4 },
    }));
    const alone = mergeEvents(original);
    const both = mergeEvents([...copy, ...original]);
    expect(alone).toHaveLength(2);
    expect(both.map((e) => [e.id, e.date])).toEqual(alone.map((e) => [e.id, e.date]));
    for (const e of both) expect(docsOf(e)).toEqual(['a', 'b']);
  });

  it('the same sentence in articles a year apart is two events', () => {
    const s = 'Xi met Lavrov in Beijing on Tuesday.';
    const out = mergeEvents([
      ev({ doc: 'a', published: '2024-07-16', sentence: s, date: '2024-07-16', evidence: 'weekday', countries: ['CHN', 'RUS'], actors: [XI, LAVROV] }),
      ev({ doc: 'b', published: '2025-07-15', sentence: s, date: '2025-07-15', evidence: 'weekday', countries: ['CHN', 'RUS'], actors: [XI, LAVROV] }),
    ]);
    expect(out.map((e) => e.date)).toEqual(['2024-07-16', '2025-07-15']);
  });

  it('merges a copy whose weekday resolved against a later publication day when the sentence is the same', () => {
    const s = 'The two ministers signed a memorandum on Tuesday.';
    const out = mergeEvents([
      ev({ doc: 'a', published: '2025-07-15', sentence: s, type: 'agreement', date: '2025-07-15', evidence: 'weekday', countries: ['BRA', 'JPN'] }),
      ev({ doc: 'b', published: '2025-07-21', sentence: s, type: 'agreement', date: '2025-07-15', evidence: 'weekday', countries: ['BRA', 'JPN'] }),
      ev({ doc: 'c', published: '2025-07-23', sentence: s, type: 'agreement', date: '2025-07-22', evidence: 'weekday', countries: ['BRA', 'JPN'] }),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]!.date).toBe('2025-07-15');
  });
});

describe('mergeEvents: distinct events stay distinct', () => {
  it('an organisation and a state each threatening the same state on one day', () => {
    const out = mergeEvents([
      ev({ doc: 'a', type: 'threat', date: '2018-06-09', countries: ['USA'], orgs: ['EU'], title: 'EU threatens the US' }),
      ev({ doc: 'a', start: 200, type: 'threat', date: '2018-06-09', countries: ['CAN', 'USA'], title: 'Canada threatens the US' }),
    ]);
    expect(out.map((e) => `${e.countries.join('+')}/${e.organizations.join('+')}`).sort()).toEqual(['CAN+USA/', 'USA/EU']);
  });

  it('still joins a summit reported once by its organisation and once by its member states', () => {
    const out = mergeEvents([
      ev({ doc: 'a', date: '2025-07-15', countries: ['CHN'], orgs: ['SCO'], title: 'SCO ministers meet' }),
      ev({ doc: 'b', date: '2025-07-15', countries: ['CHN', 'IND', 'IRN', 'RUS'], title: 'Ministers meet in Beijing' }),
    ]);
    expect(out).toHaveLength(1);
  });

  it('two calls on one day with different counterparts', () => {
    const out = mergeEvents([
      ev({ doc: 'a', date: '2025-03-13', evidence: 'weekday', countries: ['RUS', 'TUR'], actors: [PUTIN, ERDOGAN] }),
      ev({ doc: 'a', start: 300, date: '2025-03-13', evidence: 'weekday', countries: ['IRN', 'RUS'], actors: [PUTIN, PEZESHKIAN] }),
      // a vague report naming only Putin may join one of them, never fuse the two
      ev({ doc: 'b', date: '2025-03-13', countries: ['RUS'], actors: [PUTIN] }),
    ]);
    expect(out).toHaveLength(2);
    expect(out.map((e) => e.countries.join('+')).sort()).toEqual(['IRN+RUS', 'RUS+TUR']);
    expect(out.reduce((n, e) => n + e.sources.length, 0)).toBe(3);
  });

  it('a meeting with a leader and then with his foreign minister on the same day', () => {
    const out = mergeEvents([
      ev({ doc: 'a', date: '2025-07-15', evidence: 'weekday', countries: ['CHN', 'RUS'], actors: [XI, LAVROV] }),
      ev({ doc: 'a', start: 400, date: '2025-07-15', evidence: 'weekday', countries: ['CHN', 'RUS'], actors: [LAVROV, WANG] }),
      ev({ doc: 'b', date: '2025-07-15', countries: ['CHN', 'RUS'], actors: [WANG, LAVROV_SHORT] }),
    ]);
    expect(out).toHaveLength(2);
    const withWang = out.find((e) => e.actors.some((a) => a.name === 'Wang Yi'))!;
    expect(docsOf(withWang)).toEqual(['a', 'b']);
    expect(withWang.actors.some((a) => a.name === 'Xi Jinping')).toBe(false);
    expect(new Set(out.map((e) => e.id)).size).toBe(2);
  });

  it('a threat and the reply to it', () => {
    const out = mergeEvents([
      ev({ doc: 'a', type: 'threat', date: '2025-07-14', evidence: 'anchor', countries: ['RUS', 'USA'], actors: [TRUMP] }),
      ev({ doc: 'a', start: 300, type: 'statement', date: '2025-07-14', countries: ['CHN', 'USA'], actors: [LIN] }),
      ev({ doc: 'b', type: 'accusation', date: '2025-07-14', countries: ['RUS', 'USA'], actors: [LAVROV] }),
    ]);
    expect(out).toHaveLength(3);
  });

  it('a bilateral meeting on the sidelines is not the multilateral meeting', () => {
    const out = mergeEvents([
      ev({ doc: 'a', date: '2025-07-15', countries: ['CHN', 'IND', 'IRN', 'RUS'], orgs: ['SCO'], actors: [XI] }),
      ev({ doc: 'a', start: 200, date: '2025-07-15', countries: ['CHN', 'RUS'], actors: [XI, LAVROV] }),
    ]);
    expect(out).toHaveLength(2);
  });

  it('two meetings named in one sentence, one of them an organisation\'s, stay apart', () => {
    const sentence = 'TASS reported that Xi met Lavrov after the Chinese president held a general meeting with SCO foreign ministers.';
    const met = ev({ doc: 'a', start: 900, sentence, date: '2025-07-15', countries: ['CHN', 'RUS'], actors: [XI, LAVROV] });
    const general = { ...met, organizations: ['SCO'], source: { ...met.source, trigger: { start: 60, end: 80 } } };
    const elsewhere = ev({ doc: 'a', start: 100, date: '2025-07-15', evidence: 'weekday', countries: ['CHN', 'RUS'], actors: [XI, LAVROV] });
    const out = mergeEvents([met, general, elsewhere]);
    expect(out).toHaveLength(2);
    expect(out.find((e) => e.organizations.length === 0)!.sources.map((s) => s.start)).toEqual([100, 900]);
  });

  it('a report that leaves out the organisation joins; different organisations stay apart', () => {
    const sco = ev({ doc: 'a', date: '2025-07-15', evidence: 'weekday', countries: ['CHN', 'IND', 'RUS'], orgs: ['SCO'] });
    expect(mergeEvents([sco, ev({ doc: 'b', date: '2025-07-15', countries: ['IND'], actors: [{ name: 'Subrahmanyam Jaishankar', country: 'IND' }] })])).toHaveLength(1);
    const bilateral = ev({ doc: 'a', date: '2025-07-15', evidence: 'weekday', countries: ['CHN', 'RUS'], actors: [XI, LAVROV] });
    // "on the sidelines of the SCO meeting" in one outlet, not in the other: one meeting
    expect(mergeEvents([bilateral, ev({ doc: 'b', date: '2025-07-15', countries: ['CHN', 'RUS'], orgs: ['SCO'], actors: [XI] })])).toHaveLength(1);
    // the bilateral is not the three-state SCO meeting
    expect(mergeEvents([bilateral, sco])).toHaveLength(2);
    const brics = (doc: string) => ev({ doc, date: '2025-07-15', countries: ['CHN', 'RUS'], orgs: ['BRICS'], actors: [XI] });
    expect(mergeEvents([brics('b'), ev({ doc: 'c', date: '2025-07-15', countries: ['CHN', 'RUS'], orgs: ['SCO'] })])).toHaveLength(2);
  });

  it('a condemnation that also urges compliance with UN resolutions is one event', () => {
    const sentence = 'The German Foreign Ministry said it strongly condemns the launch and urged Pyongyang to comply with UN Security Council resolutions.';
    const condemns = ev({ doc: 'a', start: 100, sentence, type: 'accusation', date: '2023-07-12', evidence: 'weekday', countries: ['DEU', 'PRK'] });
    const urged = { ...condemns, organizations: ['UNSC'], source: { ...condemns.source, trigger: { start: 70, end: 76 } } };
    expect(mergeEvents([condemns, urged])).toHaveLength(1);
  });

  it('different event types on one day are not merged', () => {
    const out = mergeEvents([
      ev({ doc: 'a', type: 'visit', date: '2025-07-13', countries: ['CHN', 'RUS'], actors: [LAVROV] }),
      ev({ doc: 'a', start: 50, type: 'meeting', date: '2025-07-13', countries: ['CHN', 'RUS'], actors: [LAVROV] }),
    ]);
    expect(out).toHaveLength(2);
  });

  it('explicitly dated reports a day apart are two events; a publication-dated one may trail by two days only', () => {
    expect(
      mergeEvents([
        ev({ doc: 'a', date: '2025-07-14', evidence: 'explicit', countries: ['CHN', 'RUS'] }),
        ev({ doc: 'b', date: '2025-07-15', evidence: 'explicit', countries: ['CHN', 'RUS'] }),
      ]),
    ).toHaveLength(2);
    expect(
      mergeEvents([
        ev({ doc: 'a', date: '2025-07-10', evidence: 'explicit', countries: ['CHN', 'RUS'] }),
        ev({ doc: 'b', date: '2025-07-15', evidence: 'publication', countries: ['CHN', 'RUS'] }),
      ]),
    ).toHaveLength(2);
    // a publication-dated report cannot be about an event after its own publication
    expect(
      mergeEvents([
        ev({ doc: 'a', date: '2025-07-16', evidence: 'explicit', countries: ['CHN', 'RUS'] }),
        ev({ doc: 'b', date: '2025-07-15', evidence: 'publication', countries: ['CHN', 'RUS'] }),
      ]),
    ).toHaveLength(2);
  });

  it('two undated statements from articles of different days stay apart; other undated events may merge', () => {
    const a = ev({ doc: 'a', type: 'statement', date: '2025-03-12', countries: ['BRA', 'JPN'], actors: [{ name: 'Aiko Tanabe', country: 'JPN' }], sentence: 'Tanabe told reporters that the two shared a commitment to open trade.' });
    const b = ev({ doc: 'b', type: 'statement', date: '2025-03-13', countries: ['BRA'], sentence: "Brazil's ambassador will remain at his post, the foreign ministry added." });
    expect(mergeEvents([a, b])).toHaveLength(2);
    expect(mergeEvents([{ ...a, type: 'visit' }, { ...b, type: 'visit' }])).toHaveLength(1);
    // the same undated statement on the same day merges
    expect(mergeEvents([a, { ...b, date: '2025-03-12' }])).toHaveLength(1);
  });

  it('organisation-only events of different organisations stay apart', () => {
    const out = mergeEvents([
      ev({ doc: 'a', type: 'statement', date: '2025-07-15', countries: [], orgs: ['NATO'] }),
      ev({ doc: 'b', type: 'statement', date: '2025-07-15', countries: [], orgs: ['EU'] }),
    ]);
    expect(out).toHaveLength(2);
  });
});

describe('mergeEvents: output', () => {
  const input = [
    ev({ doc: 'b', date: '2025-07-15', evidence: 'weekday', countries: ['CHN', 'RUS'], actors: [XI, LAVROV] }),
    ev({ doc: 'a', start: 10, type: 'threat', date: '2025-07-14', evidence: 'anchor', countries: ['RUS', 'USA'], actors: [TRUMP] }),
    ev({ doc: 'a', start: 90, date: '2025-07-13', evidence: 'weekday', countries: ['CHN', 'RUS'], actors: [LAVROV, WANG] }),
    ev({ doc: 'c', date: '2025-07-15', countries: ['CHN', 'RUS'], actors: [XI] }),
  ];

  it('is sorted by (date, id) and valid for the schema', async () => {
    const { EventSchema } = await import('../../src/lib/schema.ts');
    const out = mergeEvents(input);
    const keys = out.map((e) => `${e.date} ${e.id}`);
    expect(keys).toEqual([...keys].sort());
    for (const e of out) expect(EventSchema.safeParse(e).success).toBe(true);
  });

  it('does not depend on the order of its input', () => {
    const a = mergeEvents(input);
    const b = mergeEvents([...input].reverse());
    const c = mergeEvents([input[2]!, input[0]!, input[3]!, input[1]!]);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).toBe(JSON.stringify(a));
  });

  it('lists each source once, in document order, with its trigger and publication day', () => {
    const one = ev({ doc: 'a', start: 40, date: '2025-07-15', countries: ['CHN', 'RUS'] });
    const out = mergeEvents([one, { ...one }]);
    expect(out).toHaveLength(1);
    expect(out[0]!.sources).toEqual([
      { document: 'a', sentence: one.source.sentence, start: 40, end: one.source.end, trigger: { start: 0, end: 3 }, published: '2025-07-15' },
    ]);
  });

  it('lists a sentence that reports the event twice once', () => {
    const sentence = 'Brazil rejected the threat and accused Caracas of intimidation.';
    const rejected = ev({ doc: 'a', start: 10, sentence, type: 'accusation', date: '2025-03-13', evidence: 'weekday', countries: ['BRA', 'VEN'] });
    const accused = { ...rejected, source: { ...rejected.source, trigger: { start: 30, end: 37 } } };
    const out = mergeEvents([rejected, accused]);
    expect(out).toHaveLength(1);
    expect(out[0]!.sources).toHaveLength(1);
  });

  it('returns nothing for nothing', () => {
    expect(mergeEvents([])).toEqual([]);
  });
});

describe('mergeEvents: properties over random reports', () => {
  const people: Actor[] = [XI, WANG, LAVROV, PUTIN, ERDOGAN, TRUMP, LIN, { name: 'Foreign Ministry', country: 'CHN' }];
  const report = fc.record({
    doc: fc.constantFrom('a', 'b', 'c', 'd'),
    start: fc.integer({ min: 0, max: 40 }).map((n) => n * 100),
    type: fc.constantFrom<EventType>('meeting', 'statement', 'accusation', 'threat'),
    day: fc.integer({ min: 10, max: 14 }),
    evidence: fc.constantFrom<DateEvidence>('explicit', 'weekday', 'publication', 'anchor'),
    precision: fc.constantFrom<'day' | 'approximate'>('day', 'day', 'approximate'),
    countries: fc.subarray(['CHN', 'RUS', 'TUR', 'USA'], { minLength: 0, maxLength: 3 }),
    orgs: fc.subarray(['SCO', 'UN'], { maxLength: 1 }),
    actors: fc.subarray(people, { maxLength: 2 }),
  });
  type Report = typeof report extends fc.Arbitrary<infer T> ? T : never;
  const toEvent = (r: Report) =>
    ev({
      doc: r.doc,
      start: r.start,
      type: r.type,
      date: `2025-07-${r.day}`,
      evidence: r.evidence,
      precision: r.precision,
      countries: r.countries.length || r.orgs.length ? r.countries : ['CHN'],
      orgs: r.orgs,
      actors: r.actors,
    });

  it('loses no report, gives unique ids, ignores input order, and keeps firm days apart', async () => {
    const { EventSchema } = await import('../../src/lib/schema.ts');
    fc.assert(
      fc.property(fc.uniqueArray(report, { maxLength: 25, selector: (r) => `${r.doc}@${r.start}` }), fc.integer(), (rs, seed) => {
        const input = rs.map(toEvent);
        const out = mergeEvents(input);
        // every report is a source of some event
        const cited = new Set(out.flatMap((e) => e.sources.map((s) => `${s.document}@${s.start}-${s.end}`)));
        for (const r of input) expect(cited.has(`${r.source.document}@${r.source.start}-${r.source.end}`)).toBe(true);
        // unique ids, sorted, valid
        expect(new Set(out.map((e) => e.id)).size).toBe(out.length);
        const keys = out.map((e) => `${e.date} ${e.id}`);
        expect(keys).toEqual([...keys].sort());
        for (const e of out) expect(EventSchema.safeParse(e).success).toBe(true);
        // order does not matter
        const shuffled = [...input].sort((x, y) => ((x.source.start * 31 + seed) % 97) - ((y.source.start * 31 + seed) % 97));
        expect(JSON.stringify(mergeEvents(shuffled))).toBe(JSON.stringify(out));
        // one event never joins two firmly dated reports of different days (each report has its own sentence here)
        for (const e of out) {
          const firmDays = new Set(
            input
              .filter((r) => r.datePrecision === 'day' && (r.dateEvidence === 'explicit' || r.dateEvidence === 'weekday'))
              .filter((r) => e.sources.some((s) => s.document === r.source.document && s.start === r.source.start))
              .map((r) => r.date),
          );
          expect(firmDays.size).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('mergeEvents: odd input never throws', () => {
  it('copes with malformed days, codes, names and empty fields', () => {
    const odd = fc.record({
      date: fc.oneof(fc.constantFrom('', 'garbage', '2025-02-30', '0000-00-00', '2025-07-15'), fc.string()),
      countries: fc.array(fc.oneof(fc.constantFrom('', 'xx', 'RUS', 'CHN'), fc.string()), { maxLength: 4 }),
      orgs: fc.array(fc.string(), { maxLength: 2 }),
      names: fc.array(fc.oneof(fc.string(), fc.constantFrom('', '   ', 'Ærøskøbing Ünal', '習近平', 'the Ministry of Foreign Affairs')), { maxLength: 3 }),
      sentence: fc.string(),
      evidence: fc.constantFrom<DateEvidence>('explicit', 'weekday', 'publication', 'none'),
    });
    fc.assert(
      fc.property(fc.array(odd, { maxLength: 12 }), (rs) => {
        const input = rs.map((r, i) =>
          ev({ doc: `d${i % 3}`, start: i * 10, sentence: r.sentence, date: r.date, evidence: r.evidence, countries: r.countries, orgs: r.orgs, actors: r.names.map((name) => ({ name })) }),
        );
        const out = mergeEvents(input);
        expect(out.length).toBeLessThanOrEqual(input.length);
        expect(out.reduce((n, e) => n + e.sources.length, 0)).toBe(input.length);
        expect(new Set(out.map((e) => e.id)).size).toBe(out.length);
      }),
      { numRuns: 200 },
    );
  });
});
