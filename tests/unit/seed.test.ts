/**
 * End to end on the seed article (seeds/): the required events of the seed, checked the way the
 * scorer's strict mode does (same type, same day, same set of countries), and what must NOT appear.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventsFile, TimelineEvent } from '../../src/lib/schema.ts';
import { readCorpus } from '../../scripts/pipeline/load.ts';
import { runPipeline } from '../../scripts/pipeline/run.ts';

let file: EventsFile;
beforeAll(async () => {
  const { docs } = await readCorpus('seeds');
  file = runPipeline(docs.filter((d) => d.id === '000_d84594066d5ad780')).file;
});

const find = (type: string, date: string, countries: string[]) => (e: TimelineEvent) =>
  e.type === type && e.date === date && e.countries.join(',') === [...countries].sort().join(',');

describe('the seed article (published Tuesday 2025-07-15)', () => {
  it('lists the document as ok with its title and publication day', () => {
    expect(file.documents).toHaveLength(1);
    expect(file.documents[0]).toMatchObject({ id: '000_d84594066d5ad780', status: 'ok', published: '2025-07-15' });
    expect(file.documents[0]?.title).toContain('Lavrov');
  });

  it.each([
    ['meeting', '2025-07-15', ['CHN', 'RUS'], 'Xi meets Lavrov "on Tuesday"'],
    ['meeting', '2025-07-15', ['CHN', 'IND', 'IRN', 'RUS'], 'SCO foreign ministers gather in Beijing'],
    ['threat', '2025-07-14', ['RUS', 'USA'], 'Trump threatens tariffs "hours" before the meeting'],
    ['statement', '2025-07-15', ['CHN', 'USA'], 'China\'s foreign ministry spokesman on coercion'],
    ['meeting', '2025-07-13', ['CHN', 'RUS'], 'Lavrov meets Wang Yi "Sunday"'],
  ])('finds the %s of %s with %j (%s)', (type, date, countries) => {
    expect(file.events.some(find(type, date, countries))).toBe(true);
  });

  it('shows the Xi-Lavrov meeting once, with every sentence that reports it', () => {
    const meetings = file.events.filter(find('meeting', '2025-07-15', ['CHN', 'RUS']));
    expect(meetings).toHaveLength(1);
    expect(meetings[0]!.sources.length).toBeGreaterThan(1);
  });

  it('keeps organisations out of countries', () => {
    for (const e of file.events) expect(e.countries).not.toContain('SCO');
    expect(file.events.some((e) => e.organizations.includes('SCO'))).toBe(true);
  });

  it('makes no event from background sentences about habits and the past', () => {
    const fromBackground = file.events.filter((e) =>
      e.sources.some((s) => /has long sought|has never denounced|regularly calls for/.test(s.sentence)),
    );
    expect(fromBackground).toEqual([]);
  });

  it('never dates an event after publication', () => {
    for (const e of file.events) expect(e.date <= '2025-07-15').toBe(true);
  });

  it('records source offsets that cut the sentence out of the document', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile('seeds/000_d84594066d5ad780.txt', 'utf8');
    for (const e of file.events) for (const s of e.sources) expect(text.slice(s.start, s.end)).toBe(s.sentence);
  });
});
