/**
 * Published ids never break (issue 11): rebuilds through the whole pipeline, each build reading
 * the registry the previous one wrote, with articles added, removed and curated in between.
 */
import { describe, expect, it } from 'vitest';
import {
  applyRegistry,
  emptyRegistry,
  eventSourceKeys,
  formatRegistry,
  parseRegistry,
  RegistrySchema,
  sameRegistry,
  updateRegistry,
  type Registry,
} from '../../scripts/pipeline/id-registry.ts';
import { runPipeline, type PipelineResult } from '../../scripts/pipeline/run.ts';
import type { RawDocument } from '../../scripts/pipeline/types.ts';
import type { TimelineEvent } from '../../src/lib/schema.ts';

const doc = (id: string, text: string): RawDocument => ({ id, path: `${id}.txt`, text, warnings: [] });

// Written for these tests: one meeting in Beijing told three ways, and an unrelated condemnation.
const UNDATED = doc('a-undated', ' date 2025-07-14 Talks in Beijing\n\nChinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in Beijing to discuss the Middle East.\n');
const DATED = doc('b-dated', ' date 2025-07-20 Week in review\n\nChinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in Beijing on July 13, the ministry said.\n');
const SCO = doc(
  'c-sco',
  " date 2025-07-15 SCO ministers gather\n\nChinese Foreign Minister Wang Yi held talks with Russian Foreign Minister Sergei Lavrov on July 13 on the sidelines of the Shanghai Cooperation Organisation foreign ministers' meeting in Beijing, with Chinese President Xi Jinping also attending.\n",
);
const SUNDAY = doc('d-sunday', ' date 2025-07-14 Lavrov in Beijing\n\nChinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in Beijing on Sunday.\n');
const OTHER = doc('z-other', ' date 2025-07-14 Launch condemned\n\nJapan condemned North Korea on Monday over its latest missile launch.\n');

function build(docs: RawDocument[], registry: Registry, curation?: string): PipelineResult & { registry: Registry } {
  const r = runPipeline(docs, { registry, ...(curation ? { curation: { path: 'curation.yaml', text: curation } } : {}) });
  expect(r.registry).toBeDefined();
  return r as PipelineResult & { registry: Registry };
}

const ids = (r: PipelineResult) => r.file.events.map((e) => e.id);
const eventWith = (r: PipelineResult, document: string): TimelineEvent => {
  const found = r.file.events.filter((e) => e.sources.some((s) => s.document === document) && e.type === 'meeting');
  expect(found).toHaveLength(1);
  return found[0]!;
};
/** Where a published id leads in a build: the event itself, an alias to one, or nowhere. */
const resolve = (r: PipelineResult, id: string): string | undefined =>
  r.file.events.some((e) => e.id === id) ? id : r.file.aliases?.[id];

describe('published ids survive rebuilds', () => {
  it('keeps an event id when the event gains sources, organisations and people', () => {
    const first = build([SUNDAY, OTHER], emptyRegistry());
    const id = eventWith(first, 'd-sunday').id;
    expect(id).toBe('2025-07-13-meeting-chn-rus-lavrov-yi');
    const second = build([SUNDAY, OTHER, SCO], first.registry);
    const grown = eventWith(second, 'd-sunday');
    expect(grown.sources.map((s) => s.document)).toEqual(['c-sco', 'd-sunday']);
    expect(grown.organizations).toContain('SCO');
    // Without the registry the content id would now name the SCO and Xi: the link would break.
    const fresh = eventWith(runPipeline([SUNDAY, OTHER, SCO]), 'd-sunday');
    expect(fresh.id).not.toBe(id);
    expect(grown.id).toBe(id);
    expect(second.file.aliases).toEqual({});
  });

  it('keeps an event id when a later article gives it a better date', () => {
    const first = build([UNDATED], emptyRegistry());
    const before = eventWith(first, 'a-undated');
    expect(before.date).toBe('2025-07-14');
    const second = build([UNDATED, DATED], first.registry);
    const after = eventWith(second, 'a-undated');
    expect(after.date).toBe('2025-07-13');
    expect(after.id).toBe(before.id);
    expect(eventWith(runPipeline([UNDATED, DATED]), 'a-undated').id).not.toBe(before.id);
  });

  it('when two published events merge, the older id wins and the other becomes an alias', () => {
    const first = build([UNDATED, OTHER], emptyRegistry());
    const older = eventWith(first, 'a-undated').id;
    // The undated article is withdrawn and a dated one published: a new event, a new id.
    const second = build([DATED, OTHER], first.registry);
    const younger = eventWith(second, 'b-dated').id;
    expect(younger).not.toBe(older);
    // The withdrawn event is gone: no alias, the site says it no longer exists.
    expect(resolve(second, older)).toBeUndefined();
    // Both articles: one merged event, under the id published first.
    const third = build([UNDATED, DATED, OTHER], second.registry);
    const merged = eventWith(third, 'a-undated');
    expect(merged.sources.map((s) => s.document)).toEqual(['a-undated', 'b-dated']);
    expect(merged.id).toBe(older);
    expect(third.file.aliases).toEqual({ [younger]: older });
    // And every id ever published still leads somewhere.
    for (const id of [...ids(first), ...ids(second)]) expect(resolve(third, id), id).toBeDefined();
    // A correction written against the younger id reaches the event it now names.
    const fourth = build([UNDATED, DATED, OTHER], third.registry, `fix:\n  - id: ${younger}\n    title: Wang Yi and Sergei Lavrov meet in Beijing\n`);
    expect(fourth.report.curationWarnings).toEqual([]);
    expect(fourth.file.events.find((e) => e.id === older)!.title).toBe('Wang Yi and Sergei Lavrov meet in Beijing');
  });

  it('an event folded by a curation merge leaves its id as an alias; curation may use old ids', () => {
    const first = build([SUNDAY, OTHER], emptyRegistry());
    const meeting = eventWith(first, 'd-sunday').id;
    const condemnation = first.file.events.find((e) => e.type !== 'meeting')!.id;
    const second = build([SUNDAY, OTHER], first.registry, `merge:\n  - [${meeting}, ${condemnation}]\n`);
    expect(ids(second)).toEqual([meeting]);
    expect(second.file.aliases).toEqual({ [condemnation]: meeting });
    // The alias outlives the curation file's next edit, as long as its event is there.
    const third = build([SUNDAY, OTHER], second.registry, `merge:\n  - [${meeting}, ${condemnation}]\n`);
    expect(third.file.aliases).toEqual({ [condemnation]: meeting });
  });

  it('never gives a published id to a different event, and gives an event its id back when it returns', () => {
    const first = build([SUNDAY, OTHER], emptyRegistry());
    const other = first.file.events.find((e) => e.type !== 'meeting')!;
    const withoutOther = build([SUNDAY], first.registry);
    expect(resolve(withoutOther, other.id)).toBeUndefined();
    const back = build([SUNDAY, OTHER], withoutOther.registry);
    expect(back.file.events.find((e) => e.type !== 'meeting')!.id).toBe(other.id);
  });

  it('writes the same registry and events on identical builds (a fixed point)', () => {
    const first = build([SUNDAY, OTHER, SCO], emptyRegistry());
    const second = build([SUNDAY, OTHER, SCO], first.registry);
    const third = build([SUNDAY, OTHER, SCO], second.registry);
    expect(formatRegistry(second.registry)).toBe(formatRegistry(first.registry));
    expect(formatRegistry(third.registry)).toBe(formatRegistry(first.registry));
    expect(JSON.stringify(second.file)).toBe(JSON.stringify(first.file));
    // The first build with an empty registry gives the content ids a build without one gives.
    expect(ids(first)).toEqual(ids(runPipeline([SUNDAY, OTHER, SCO])));
    const text = formatRegistry(first.registry);
    expect(Object.keys(JSON.parse(text).ids)).toEqual([...Object.keys(JSON.parse(text).ids)].sort());
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('registry file', () => {
  it('a broken or foreign file gives an empty registry and a warning, never a crash', () => {
    expect(parseRegistry('{', 'x.json').warning).toMatch(/not valid JSON/);
    expect(parseRegistry('{"version":2}', 'x.json').warning).toMatch(/not an id registry/);
    const ok = parseRegistry(formatRegistry(emptyRegistry()), 'x.json');
    expect(ok.warning).toBeUndefined();
    expect(formatRegistry(ok.registry)).toBe(formatRegistry(emptyRegistry()));
  });

  it('a gone id comes back by content id, and is never given to two events', () => {
    const ev = (id: string, document: string, sentence: string): TimelineEvent => ({
      id,
      type: 'meeting',
      date: '2025-07-13',
      datePrecision: 'day',
      countries: ['CHN', 'RUS'],
      organizations: [],
      actors: [],
      title: 't',
      sources: [{ document, sentence, start: 0, end: sentence.length, trigger: { start: 0, end: 3 } }],
    });
    const reg: Registry = {
      version: 1,
      generation: 3,
      ids: { '2025-07-13-meeting-chn-rus': { since: 1, key: '2025-07-13|statement|CHN,RUS', sources: ['gone#abc#0'] } },
      aliases: {},
    };
    // A registered id whose sources are gone is taken back by an event with the same content id
    // (same day, type, states and people)...
    const same = applyRegistry([ev('2025-07-13-meeting-chn-rus', 'new', 'Met.')], reg);
    expect(same.events[0]!.id).toBe('2025-07-13-meeting-chn-rus');
    // ...by one of them only: the other is numbered, and its id is registered as new.
    const two = applyRegistry([ev('2025-07-13-meeting-chn-rus', 'new', 'Met.'), ev('2025-07-13-meeting-chn-rus-2', 'new2', 'Talked.')], reg);
    expect(two.events.map((e) => e.id).sort()).toEqual(['2025-07-13-meeting-chn-rus', '2025-07-13-meeting-chn-rus-2']);
    const updated = updateRegistry(two.events, reg, two.match);
    expect(updated.registry.generation).toBe(4);
    expect(updated.registry.ids['2025-07-13-meeting-chn-rus-2']!.since).toBe(4);
    expect(updated.registry.ids['2025-07-13-meeting-chn-rus']!.since).toBe(1);
  });
});

describe('two events from one sentence and one trigger (one source key)', () => {
  // Written for this test: one sentence read as two visits to one host, each with its own visitor.
  const SENTENCE = 'Presidents Ana Ruiz of Peru and Omar Haddad of Jordan both visited Beijing on Sunday.';
  // (No person in the actors when `person` is false: the content id then has no surname in it.)
  const visit = (id: string, countries: string[], who: string, person = true): TimelineEvent => ({
    id,
    type: 'visit',
    date: '2025-07-13',
    datePrecision: 'day',
    countries,
    organizations: [],
    actors: person ? [{ name: who, role: 'President' } as TimelineEvent['actors'][number]] : [],
    title: who,
    sources: [{ document: 'doc-1', sentence: SENTENCE, start: 0, end: SENTENCE.length, trigger: { start: 45, end: 52 } }],
  });
  /** Builds through both steps of the registry, three times over, and returns each build's ids and registry text. */
  const rebuild = (events: TimelineEvent[]) => {
    let reg = emptyRegistry();
    const out: { ids: string[][]; texts: string[] } = { ids: [], texts: [] };
    for (let n = 0; n < 3; n++) {
      const applied = applyRegistry(events, reg);
      reg = updateRegistry(applied.events, reg, applied.match).registry;
      // Which event got which id, by its visitor (the title).
      out.ids.push(applied.events.map((e) => `${e.title}=${e.id}`));
      out.texts.push(formatRegistry(reg));
    }
    return out;
  };
  const expectFixedPoint = (events: TimelineEvent[], expected: string[]) => {
    const { ids: got, texts } = rebuild(events);
    expect(got[0]).toEqual(expected);
    expect(got[1]).toEqual(got[0]);
    expect(got[2]).toEqual(got[0]);
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).toBe(texts[0]);
    expect(Object.keys(JSON.parse(texts[2]!).ids)).toHaveLength(2);
    // The same in the other input order.
    expect(rebuild([...events].reverse()).texts[2]).toBe(texts[0]);
  };

  it('keeps both ids when the two events name different states and people', () => {
    expectFixedPoint(
      [visit('2025-07-13-visit-chn-jor-haddad', ['CHN', 'JOR'], 'Omar Haddad'), visit('2025-07-13-visit-chn-per-ruiz', ['CHN', 'PER'], 'Ana Ruiz')],
      ['Omar Haddad=2025-07-13-visit-chn-jor-haddad', 'Ana Ruiz=2025-07-13-visit-chn-per-ruiz'],
    );
  });

  it('keeps both ids when the two events differ only in the person', () => {
    expectFixedPoint(
      [visit('2025-07-13-visit-chn-haddad', ['CHN'], 'Omar Haddad'), visit('2025-07-13-visit-chn-ruiz', ['CHN'], 'Ana Ruiz')],
      ['Omar Haddad=2025-07-13-visit-chn-haddad', 'Ana Ruiz=2025-07-13-visit-chn-ruiz'],
    );
  });

  it('keeps both ids when nothing the registry keeps tells the two apart (same content id, numbered)', () => {
    expectFixedPoint(
      [visit('2025-07-13-visit-chn', ['CHN'], 'Omar Haddad', false), visit('2025-07-13-visit-chn-2', ['CHN'], 'Ana Ruiz', false)],
      ['Omar Haddad=2025-07-13-visit-chn', 'Ana Ruiz=2025-07-13-visit-chn-2'],
    );
  });

  it('gives an id registered with a numbered suffix back to the event its words name, however old', () => {
    const events = [visit('2025-07-13-visit-chn-haddad', ['CHN'], 'Omar Haddad'), visit('2025-07-13-visit-chn-ruiz', ['CHN'], 'Ana Ruiz')];
    const [key] = eventSourceKeys(events[0]!);
    expect(eventSourceKeys(events[1]!)).toEqual([key]);
    const entry = (since: number) => ({ since, key: '2025-07-13|visit|CHN', sources: [key!] });
    // Registries as an earlier, broken build left them: one visit under a numbered id. In the second,
    // the older id is the one whose event comes last in date and content-id order.
    const registries: [Registry, string[]][] = [
      [
        { version: 1, generation: 5, ids: { '2025-07-13-visit-chn-haddad': entry(1), '2025-07-13-visit-chn-ruiz-4': entry(4) }, aliases: { '2025-07-13-visit-chn-ruiz': '2025-07-13-visit-chn-haddad' } },
        ['Omar Haddad=2025-07-13-visit-chn-haddad', 'Ana Ruiz=2025-07-13-visit-chn-ruiz-4'],
      ],
      [
        { version: 1, generation: 5, ids: { '2025-07-13-visit-chn-ruiz': entry(1), '2025-07-13-visit-chn-haddad-4': entry(4) }, aliases: { '2025-07-13-visit-chn-haddad': '2025-07-13-visit-chn-ruiz' } },
        ['Omar Haddad=2025-07-13-visit-chn-haddad-4', 'Ana Ruiz=2025-07-13-visit-chn-ruiz'],
      ],
    ];
    for (const [reg, expected] of registries) {
      const applied = applyRegistry(events, reg);
      expect(applied.events.map((e) => `${e.title}=${e.id}`)).toEqual(expected);
      const next = updateRegistry(applied.events, reg, applied.match).registry;
      const again = applyRegistry(events, next);
      expect(again.events.map((e) => e.id)).toEqual(applied.events.map((e) => e.id));
      expect(formatRegistry(updateRegistry(again.events, next, again.match).registry)).toBe(formatRegistry(next));
    }
  });

  it('prefers the registered id whose states are the event\'s over id words alone', () => {
    // The same person visiting with two delegations (states differ, surnames do not).
    const events = [visit('2025-07-13-visit-chn-jor-haddad', ['CHN', 'JOR'], 'Omar Haddad'), visit('2025-07-13-visit-chn-per-haddad', ['CHN', 'PER'], 'Omar Haddad')];
    const [key] = eventSourceKeys(events[0]!);
    // Registered ids that no longer read like their events (renamed by an earlier build); only the key tells.
    const reg: Registry = {
      version: 1,
      generation: 2,
      ids: {
        'peru-visit': { since: 1, key: '2025-07-13|visit|CHN,PER', sources: [key!] },
        'jordan-visit': { since: 2, key: '2025-07-13|visit|CHN,JOR', sources: [key!] },
      },
      aliases: {},
    };
    const applied = applyRegistry(events, reg);
    expect(applied.events.map((e) => `${e.countries[1]}=${e.id}`).sort()).toEqual(['JOR=jordan-visit', 'PER=peru-visit']);
  });
});

describe('sameRegistry', () => {
  it('says whether formatRegistry writes the same text, for registries that differ in one thing each', () => {
    const base: Registry = {
      version: 1,
      generation: 4,
      ids: {
        a: { since: 1, key: '2025-01-01|meeting|FRA', sources: ['d1#x#0', 'd2#y#3'] },
        b: { since: 2, key: '2025-01-02|visit|DEU', sources: ['d3#z#1'] },
      },
      aliases: { c: 'a' },
    };
    const variants: Registry[] = [
      structuredClone(base),
      { ...structuredClone(base), ids: { b: base.ids.b!, a: { ...base.ids.a!, sources: ['d2#y#3', 'd1#x#0'] } } },
      { ...structuredClone(base), generation: 5 },
      { ...structuredClone(base), ids: { ...base.ids, a: { ...base.ids.a!, since: 0 } } },
      { ...structuredClone(base), ids: { ...base.ids, a: { ...base.ids.a!, key: 'other' } } },
      { ...structuredClone(base), ids: { ...base.ids, a: { ...base.ids.a!, sources: ['d1#x#0'] } } },
      { ...structuredClone(base), ids: { ...base.ids, a: { ...base.ids.a!, sources: ['d1#x#0', 'd2#y#4'] } } },
      { ...structuredClone(base), ids: { a: base.ids.a! } },
      { ...structuredClone(base), ids: { a: base.ids.a!, e: base.ids.b! } },
      { ...structuredClone(base), aliases: {} },
      { ...structuredClone(base), aliases: { c: 'b' } },
      { ...structuredClone(base), aliases: { d: 'a' } },
    ];
    for (const x of variants) {
      for (const y of variants) expect(sameRegistry(x, y)).toBe(formatRegistry(x) === formatRegistry(y));
    }
    expect(sameRegistry(variants[0]!, variants[1]!)).toBe(true);
    expect(sameRegistry(variants[0]!, variants[2]!)).toBe(false);
  });
});

describe('parseRegistry', () => {
  /** What the schema alone gives (the reference for the hand-checked path). */
  const bySchema = (text: string) => {
    const r = RegistrySchema.safeParse(JSON.parse(text));
    return r.success ? { registry: r.data } : { message: r.error.issues[0]?.message };
  };
  const good = {
    about: 'x',
    version: 1,
    generation: 3,
    ids: { '2025-01-02-meeting-chn-rus': { since: 1, key: '2025-01-02|meeting|CHN,RUS', sources: ['a#b#1', 'a#b#2'] }, b: { since: 0, key: 'k', sources: [] } },
    aliases: { old: '2025-01-02-meeting-chn-rus' },
  };
  it('gives what the schema gives for a registry as builds write it, with or without "about"', () => {
    for (const reg of [good, { ...good, about: undefined }]) {
      const text = JSON.stringify(reg);
      expect(parseRegistry(text, 'f')).toEqual(bySchema(text));
    }
  });
  it('leaves anything else to the schema: unknown keys are dropped, wrong types are warned about', () => {
    const e = good.ids['2025-01-02-meeting-chn-rus'];
    const variants: unknown[] = [
      { ...good, extra: 1 },
      { ...good, ids: { ...good.ids, c: { ...e, note: 'n' } } },
      { ...good, ids: { ...good.ids, c: { ...e, since: -1 } } },
      { ...good, ids: { ...good.ids, c: { ...e, since: 1.5 } } },
      { ...good, ids: { ...good.ids, c: { ...e, sources: ['a', 2] } } },
      { ...good, ids: { ...good.ids, c: { since: 1, key: 'k' } } },
      { ...good, aliases: { a: 3 } },
      { ...good, version: 2 },
      { ...good, generation: '3' },
      { ...good, about: 5 },
      [good],
    ];
    for (const v of variants) {
      const text = JSON.stringify(v);
      const want = bySchema(text);
      const got = parseRegistry(text, 'f');
      if ('registry' in want) expect(got).toEqual(want);
      else expect(got.warning).toBe(`f: not an id registry (${want.message}); ids start afresh`);
    }
  });
});
