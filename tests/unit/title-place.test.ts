/**
 * Titles of drills and of acts beside a place: when both states of a drill act ("Norway and Britain held naval
 * drills"), the title says they hold joint drills (titles variant coAgents), never that one aims the drills at the
 * other; a place named after "near", "off", "around" or "along", or a demonym place that is no state ("in Japanese
 * waters"), is not where the event happened, so the title names no place there (actors.location.beside,
 * actors.mentions.place-demonym). A one-state military event is titled as its state's act ("carries out strikes",
 * "takes military action": titles variant subjectActs) only when that state is among its agents. Sentences written
 * for the test.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../scripts/pipeline/run.ts';
import { makeTitle } from '../../scripts/pipeline/title.ts';

const titles = (body: string): string[] =>
  runPipeline([{ id: 't', path: 't.txt', text: ` date 2025-03-12 Test article\n\n${body}\n`, warnings: [] }])
    .file.events.map((e) => `${e.countries.join(',')}: ${e.title}`)
    .sort();

describe('titles of drills and of places beside the event', () => {
  it('two states that both hold the drills hold joint drills', () => {
    expect(titles('Norway and Britain held naval drills in the North Sea on Tuesday.')).toEqual(['GBR,NOR: Norway and United Kingdom hold joint drills']);
    expect(titles('France and Italy staged air defence exercises on Monday.')).toEqual(['FRA,ITA: France and Italy hold joint drills']);
  });

  it('drills around another state stay aimed at it', () => {
    expect(titles('China held military drills around Taiwan on Tuesday.')).toEqual(['CHN,TWN: China holds military drills aimed at Taiwan']);
  });

  it('a place beside the event is not where it happened', () => {
    expect(titles('Russia staged naval exercises near Japan on Tuesday.')).toEqual(['RUS: Russia holds military drills']);
    expect(titles('North Korea fired two ballistic missiles that landed in Japanese waters on Tuesday.')).toEqual(['PRK: North Korea fires missiles']);
  });

  it('a place where the event happened is still named', () => {
    expect(titles('The foreign ministers of Chile and Peru met in Quito on Monday.')).toEqual(['CHL,PER: Chile holds talks with Peru in Quito']);
  });
});

describe('one-state military titles say who acts only when the state is the agent', () => {
  it('a state the extractor found acting carries out the strikes', () => {
    expect(titles('Pakistani forces bombed hideouts near the Durand Line on Monday, the ministry said.')).toEqual(['PAK: Pakistan carries out strikes']);
  });

  it('a state not known to act keeps the neutral wording (it may be the one struck)', () => {
    const base = {
      type: 'military' as const,
      date: '2025-03-10',
      datePrecision: 'day' as const,
      dateEvidence: 'publication' as const,
      countries: ['RWA'],
      organizations: [],
      actors: [],
      confidence: 0.8,
    };
    const sentence = 'A warplane breached the airspace on Monday and struck a border post.';
    const source = { document: 'd', published: '2025-03-12', sentence, start: 0, end: sentence.length, trigger: { start: sentence.indexOf('struck'), end: sentence.indexOf('struck') + 6 } };
    const name = (c: string) => (c === 'RWA' ? 'Rwanda' : undefined);
    expect(makeTitle({ ...base, source }, name)).toBe('Rwanda military action');
    expect(makeTitle({ ...base, source, agents: ['RWA'] }, name)).toBe('Rwanda carries out strikes');
  });
});
