/**
 * Incursions into another state's waters, zone, airspace or territory, or across a line, told by the state intruded
 * on (trigger military.incursion; parties actors.incursion.*; events.context.civilianIntruder; titles variants for
 * military): a military act of the craft's state against the state whose zone or line it is, never a statement of
 * the reporting ministry, titled with what happened. Sentences written for the test (published Tuesday 2025-07-15).
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import { brief, rulesOf, segOf } from './find-events-helpers.ts';

const actors = createActorResolver();
const extract = (body: string) => extractDocument(segOf(body), actors, { trace: true });
const titled = (body: string) => extract(body).events.map((e) => `${brief(e)}: ${e.title}`);

describe('incursions (military.incursion, actors.incursion)', () => {
  it('ships entering another state\'s waters: a military act of their state against it, not the ministry\'s statement', () => {
    const r = extract('Chinese coast guard ships sailed into Japanese territorial waters on Sunday, Japan\'s coast guard said.');
    expect(r.events.map((e) => `${brief(e)}: ${e.title}`)).toEqual(["military 2025-07-13 CHN,JPN: China's ships enter Japan's waters"]);
    expect(rulesOf(r.events[0])).toContain('military.incursion');
  });

  it('a line with no owner named: the reporting state is the state intruded on (actors.incursion.reporter)', () => {
    const r = extract('Chinese warplanes crossed the median line of the Taiwan Strait on Monday, Taiwan\'s defence ministry said.');
    expect(r.events.map((e) => `${brief(e)}: ${e.title}`)).toEqual(['military 2025-07-14 CHN,TWN: China\'s forces cross the median line with Taiwan']);
    expect(rulesOf(r.events[0])).toContain('actors.incursion.reporter');
  });

  it('"its" zone is that of the state named before the intruder (actors.incursion.owner-pronoun)', () => {
    const r = extract('Japan lodged a protest on Monday after a Chinese drone entered its airspace.');
    const military = r.events.find((e) => e.type === 'military');
    expect(military && brief(military)).toBe('military 2025-07-14 CHN,JPN');
    expect(rulesOf(military)).toContain('actors.incursion.owner-pronoun');
  });

  it('titles say what happened, with the possessive of a plural name', () => {
    expect(titled('Chinese vessels intruded into Philippine waters on Monday, Manila said.')).toEqual(["military 2025-07-14 CHN,PHL: China's ships enter Philippines' waters"]);
    expect(titled('Russian jets violated Estonian airspace on Monday, Tallinn said.')).toEqual(["military 2025-07-14 EST,RUS: Russia violates Estonia's airspace"]);
    expect(titled('A Russian research ship entered Norway\'s exclusive economic zone on Monday, Oslo said.')).toEqual(["military 2025-07-14 NOR,RUS: Russia's ships enter Norway's exclusive economic zone"]);
  });

  it('people or craft that act for no state make no incursion (events.context.civilianIntruder)', () => {
    const r = extract('Three Sri Lankan fishing trawlers strayed into Indian waters on Monday, the Indian navy said.');
    expect(r.events).toEqual([]);
    expect(JSON.stringify(r.droppedTraces ?? [])).toContain('events.context.civilianIntruder');
  });

  it('a plan, a warning, a denial or a state\'s own waters is no incursion', () => {
    const none = (body: string) => extract(body).events.filter((e) => e.type === 'military').map(brief);
    expect(none('Chinese ships will enter the waters around the islands next month.')).toEqual([]);
    expect(none('Tokyo warned on Monday that Chinese ships might enter its waters.')).toEqual([]);
    expect(none('Beijing on Monday denied that its vessels had entered Japanese waters.')).toEqual([]);
    expect(none('Chinese patrol ships sailed through China\'s own territorial waters on Monday.')).toEqual([]);
  });
});
