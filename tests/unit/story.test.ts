/**
 * End to end over a small corpus about one invented story (tests/fixtures/story, written for
 * this test): six articles from five outlets, one of them a syndicated copy, with different
 * wording and date cues. The timeline must hold exactly one event per real event
 * (tests/fixtures/story/gold.json), each listing every article that reports it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../scripts/pipeline/load.ts';
import { runPipeline } from '../../scripts/pipeline/run.ts';
import type { RawDocument } from '../../scripts/pipeline/types.ts';
import type { EventsFile, TimelineEvent } from '../../src/lib/schema.ts';

interface GoldEvent {
  key: string;
  type: string;
  date: string;
  countries: string[];
  actors: string[];
  documents: string[];
  /** The evidence the merged date must come from, when several reports date it differently. */
  dateEvidence?: string;
  note: string;
}
interface Gold {
  syndicated: { copy: string; original: string };
  events: GoldEvent[];
}

const DIR = path.resolve('tests/fixtures/story');
const gold = JSON.parse(readFileSync(path.join(DIR, 'gold.json'), 'utf8')) as Gold;

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
const docsOf = (e: TimelineEvent) => [...new Set(e.sources.map((s) => s.document))].sort();
const names = (e: TimelineEvent) => e.actors.map((a) => a.name.toLowerCase()).join(' | ');
const mentions = (e: TimelineEvent, surname: string) => new RegExp(`\\b${surname.toLowerCase()}\\b`).test(names(e));
const describeEvent = (e: TimelineEvent) => `${e.id} [${docsOf(e).join(', ')}] actors: ${names(e)}`;

/** Output events that are the gold event: same type, day and states, naming its people. */
function matches(events: TimelineEvent[], g: GoldEvent): TimelineEvent[] {
  return events.filter((e) => e.type === g.type && e.date === g.date && sameSet(e.countries, g.countries) && g.actors.every((s) => mentions(e, s)));
}

/** Event id per source sentence, to follow an event from one run to the next. */
function idsBySource(file: EventsFile): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of file.events) for (const s of e.sources) m.set(`${s.document}@${s.start}`, e.id);
  return m;
}

let docs: RawDocument[];
let file: EventsFile;

beforeAll(async () => {
  const corpus = await readCorpus(DIR);
  docs = corpus.docs;
  file = runPipeline(docs).file;
});

describe('story corpus: one event per real event', () => {
  it('reads all six articles', () => {
    expect(file.documents.map((d) => [d.id, d.status])).toEqual([
      ['01_pacific_wire_tokyo', 'ok'],
      ['02_harbour_times_copy', 'ok'],
      ['03_tokyo_ledger', 'ok'],
      ['04_andes_report', 'ok'],
      ['05_southern_post', 'ok'],
      ['06_capital_digest', 'ok'],
    ]);
  });

  for (const g of gold.events) {
    it(`${g.key}: exactly one event, with every source (${g.note})`, () => {
      const found = matches(file.events, g);
      expect(found.map(describeEvent), `events for ${g.key}`).toHaveLength(1);
      const docsFound = docsOf(found[0]!);
      for (const d of g.documents) expect(docsFound, `${g.key} should cite ${d}`).toContain(d);
      if (g.dateEvidence) expect(found[0]!.dateEvidence, `${g.key}: date from the best evidence`).toBe(g.dateEvidence);
    });
  }

  it('no real event appears twice, nor as a fragment with fewer states', () => {
    for (const g of gold.events) {
      const sameKey = gold.events.filter((h) => h.type === g.type && h.date === g.date && sameSet(h.countries, g.countries)).length;
      const out = file.events.filter((e) => e.type === g.type && e.date === g.date && sameSet(e.countries, g.countries));
      expect(out.map(describeEvent), `${g.type} ${g.date} ${g.countries.join('+')}`).toHaveLength(sameKey);
      const fragments = file.events.filter(
        (e) => e.type === g.type && e.date === g.date && e.countries.length < g.countries.length && e.countries.every((c) => g.countries.includes(c)),
      );
      expect(fragments.map(describeEvent), `fragments of ${g.key}`).toEqual([]);
    }
  });

  it('keeps distinct events distinct: two meetings on one day, the threat and the reply, two calls', () => {
    const id = (key: string) => matches(file.events, gold.events.find((g) => g.key === key)!)[0]?.id;
    const keys = ['meeting-prime-minister', 'meeting-foreign-minister', 'venezuelan-threat', 'brazilian-reply', 'call-south-korea', 'call-india'];
    const ids = keys.map(id);
    expect(ids.every((x) => typeof x === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(keys.length);
  });
});

describe('story corpus: the syndicated copy', () => {
  it('adds sources, not events', () => {
    const { copy, original } = gold.syndicated;
    for (const e of file.events) {
      if (docsOf(e).includes(copy)) expect(docsOf(e), describeEvent(e)).toContain(original);
    }
    const withoutCopy = runPipeline(docs.filter((d) => d.id !== copy)).file;
    expect(withoutCopy.events.length).toBe(file.events.length);
  });
});

describe('story corpus: stable ids', () => {
  it('reordering the files changes nothing', () => {
    const reversed = runPipeline([...docs].reverse()).file;
    expect(JSON.stringify(reversed.events)).toBe(JSON.stringify(file.events));
  });

  it('adding an unrelated article (the seed) leaves every story id unchanged', async () => {
    const seed = await readCorpus(path.resolve('seeds'));
    const bigger = runPipeline([...docs, ...seed.docs]).file;
    const before = idsBySource(file);
    const after = idsBySource(bigger);
    for (const [k, v] of before) expect(after.get(k), k).toBe(v);
    // and removing it again gives the same ids back
    expect(idsBySource(runPipeline(docs).file)).toEqual(before);
  });

  it('removing an article keeps the ids of events it did not report', () => {
    const drop = '04_andes_report';
    const smaller = runPipeline(docs.filter((d) => d.id !== drop)).file;
    const after = idsBySource(smaller);
    for (const e of file.events) {
      if (docsOf(e).includes(drop)) continue;
      for (const s of e.sources) expect(after.get(`${s.document}@${s.start}`), describeEvent(e)).toBe(e.id);
    }
  });
});

describe('story corpus: corrections by hand survive rebuilds', () => {
  it('adds, fixes and suppresses by id, and still applies after an unrelated article is added', async () => {
    const [first, second] = file.events;
    expect(first && second).toBeTruthy();
    const text = [
      'add:',
      '  - type: meeting',
      '    date: 2025-03-14',
      '    countries: [BRA, IND]',
      '    title: Vasconcelos meets Raghunathan in New Delhi',
      'fix:',
      `  - id: ${first!.id}`,
      '    title: Corrected by hand',
      'suppress:',
      `  - ${second!.id}`,
    ].join('\n');
    const seed = await readCorpus(path.resolve('seeds'));
    for (const corpus of [docs, [...seed.docs, ...docs]]) {
      const run = runPipeline(corpus, { curation: { path: 'seeds/curation.yaml', text } });
      expect(run.report.curationWarnings).toEqual([]);
      const ids = run.file.events.map((e) => e.id);
      expect(run.file.events.find((e) => e.id === first!.id)).toMatchObject({ title: 'Corrected by hand', curated: true });
      expect(ids).not.toContain(second!.id);
      expect(run.file.events.filter((e) => e.title === 'Vasconcelos meets Raghunathan in New Delhi')).toHaveLength(1);
    }
  });

  it('a broken curation file is reported and the build goes on without it', () => {
    for (const text of ['fix: [unclosed', 'add:\n  - { type: meetin, date: 2025-03-14, countries: [BRA], title: x }\n', 'suppress: [no-such-event]\n']) {
      const run = runPipeline(docs, { curation: { path: 'seeds/curation.yaml', text } });
      expect(run.report.curationWarnings).toHaveLength(1);
      expect(run.report.curationWarnings[0]).toMatch(/^seeds\/curation\.yaml/);
      expect(run.file.events).toEqual(file.events);
      expect(run.report.totals.curationWarnings).toBe(1);
    }
  });
});
