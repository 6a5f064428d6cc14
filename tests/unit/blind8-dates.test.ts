/**
 * Date classes that recur across the blind sets (tests/blind8/DIAGNOSIS.md section 4, classes 1, 9
 * and 11), each tested on phrasings written for the test (articles published Tuesday 2025-07-15).
 * Traces name the rule ids.
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import type { ExtractedEvent } from '../../scripts/pipeline/types.ts';
import { brief, segOf } from './find-events-helpers.ts';

const actors = createActorResolver();
const extract = (body: string) => extractDocument(segOf(body), actors, { trace: true });
const briefs = (body: string) => extract(body).events.map(brief);
const rules = (e: ExtractedEvent | undefined) => (e?.trace ?? []).map((s) => s.rule);

describe('class 11: a future day in a directive\'s complement is a deadline, not the act\'s day', () => {
  it('"asked the envoy to leave the country on <date>" keeps the day the order was given', () => {
    const events = extract('The Bolivian foreign ministry on Monday summoned the Peruvian ambassador and asked the ambassador to leave Bolivia on August 2.').events;
    const sanction = events.find((e) => e.type === 'sanction');
    expect(sanction?.date).toBe('2025-07-14');
    expect(sanction?.deadline).toBe('2025-08-02');
    expect(rules(sanction)).toContain('dates.select.deadline-complement');
    // Never a day of the year before publication.
    expect(events.every((e) => e.date >= '2025-01-01')).toBe(true);
  });
  it('a lead with no other day takes the publication day, not last year\'s date', () => {
    const got = briefs('Chile ordered two Argentine diplomats to leave the country by August 10.');
    expect(got.some((b) => b.startsWith('sanction 2025-07-15'))).toBe(true);
    expect(got.every((b) => !b.includes(' 2024-'))).toBe(true);
  });
  it('a past day after the directive is still the act\'s day (not a deadline)', () => {
    const got = briefs('Estonia ordered a Russian diplomat to leave the country on July 11, the ministry said.');
    expect(got.some((b) => b.startsWith('sanction 2025-07-11'))).toBe(true);
  });
});

describe('class 9: a day of the act\'s own clause beats "recently"', () => {
  it('"recently concluded a visit ... on <range>" is a visit on the first day, not dropped as a vague period', () => {
    const got = extract('The Gambian president recently concluded a state visit to Senegal on 7-8 July at the invitation of his Senegalese counterpart.').events;
    const visit = got.find((e) => e.type === 'visit');
    expect(visit?.date).toBe('2025-07-07');
    expect(rules(visit)).toContain('dates.resolver.own-cue');
    expect((visit?.trace ?? []).some((s) => s.action.includes('dates.select.day-over-period'))).toBe(true);
  });
  it('"recently" alone still leaves no day of its own', () => {
    expect(briefs('The Gambian president recently concluded a state visit to Senegal.').filter((b) => b.startsWith('visit'))).toEqual([]);
  });
});

describe('class 1: a day told elsewhere in the same account (dates.resolver.same-account)', () => {
  it('an agreement past the lead takes the day of the news conference told next', () => {
    const events = extract('The border quarrel between the two neighbours has simmered for years. Kenya and Tanzania have agreed on a joint roadmap to settle their border dispute, Ugandan President Museveni has announced. Speaking at a joint news conference in Kampala, Museveni late on Sunday thanked both leaders for their courage.').events;
    const agreement = events.find((e) => e.type === 'agreement');
    expect(agreement?.date).toBe('2025-07-13');
    expect(rules(agreement)).toContain('dates.resolver.same-account');
  });
  it('an expulsion told with "This follows" takes the day of the post told next', () => {
    const events = extract('The dispute over the envoy\'s remarks grew this month. This follows Canada declaring the Indian envoy Sharma persona non grata, ordering him out of the country. In a social media post on Monday, the Canadian foreign minister said Sharma was no longer welcome.').events;
    expect(events.find((e) => e.type === 'sanction')?.date).toBe('2025-07-14');
  });
  it('"<weekday>\'s meeting" in a sentence around dates a meeting with no cue', () => {
    const got = briefs('Poland on Monday accused Hungarian Prime Minister Orban of helping Moscow. In a post after the talks, Orban said Sunday\u2019s meeting with Putin was useful. Both leaders also exchanged views on the war in Ukraine, he said.');
    expect(got.some((b) => b.startsWith('meeting 2025-07-13'))).toBe(true);
    expect(got.some((b) => b.startsWith('meeting 2025-07-15'))).toBe(false);
  });
  it('risk case: a present-state lead ("is now in") keeps the publication day', () => {
    const events = extract('Tongan Prime Minister Hu\u2019akavameiliku is now in Samoa for his first official visit to the country. Speaking at a press conference in Apia on Monday, Hu\u2019akavameiliku thanked his hosts.').events;
    const visit = events.find((e) => e.type === 'visit');
    expect(visit?.date).toBe('2025-07-15');
    const trace = (visit?.trace ?? []).map((s) => `${s.rule} ${s.action} ${s.detail ?? ''}`).join('\n');
    expect(trace).toMatch(/same-account pass .*present-state/);
  });
  it('risk case: a lead speech act keeps the publication day, though the next sentence dates a post', () => {
    const events = extract('The Brazilian government has condemned the expulsion of its ambassador Silva, expressing regret over the decision. In a social media post on Friday, the Venezuelan foreign minister called Silva an agent of interference.').events;
    const speech = events.find((e) => e.type === 'accusation' || e.type === 'statement');
    expect(speech?.date).toBe('2025-07-15');
  });
  it('a post whose day belongs to another clause far from it dates nothing', () => {
    const events = extract('Jordan recalled its ambassador to Israel, the ministry said. As Israel expanded its ground operation in Gaza on Friday, the Jordanian foreign minister Safadi warned of a catastrophe in a post on X.').events;
    expect(events.find((e) => e.type === 'sanction')?.date).toBe('2025-07-15');
  });
});
