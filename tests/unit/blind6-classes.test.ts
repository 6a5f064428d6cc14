/**
 * Error classes read on tests/blind6 (DIAGNOSIS.md) and fixed with general rules, each tested on
 * phrasings written for the test (articles published Tuesday 2025-07-15). Traces name the rule ids.
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import type { ExtractedEvent } from '../../scripts/pipeline/types.ts';
import { brief, segOf } from './find-events-helpers.ts';

const actors = createActorResolver();
const extract = (body: string) => extractDocument(segOf(body), actors, { trace: true });
/** "type date COUNTRIES" of each extracted event, in text order. */
const briefs = (body: string) => extract(body).events.map(brief);
const rules = (e: ExtractedEvent) => (e.trace ?? []).map((s) => s.rule);

describe('"paid an official visit to <place>" is a visit, a courtesy call a meeting', () => {
  it.each([
    ['The Thai foreign minister paid an official visit to Cambodia on Monday.', 'visit 2025-07-14 KHM,THA'],
    ['Kenya\u2019s president pays an official visit to Ghana on Thursday, his office said.', 'visit'],
  ])('%s', (body, expected) => {
    const got = briefs(body);
    expect(got.length).toBeGreaterThan(0);
    expect(got[0]!.startsWith(expected)).toBe(true);
  });
  it('a courtesy call on a leader stays a meeting', () => {
    expect(briefs('The new Japanese ambassador paid a courtesy call on the President of Indonesia on Monday.')[0]).toMatch(/^meeting 2025-07-14/);
  });
});

describe('a meeting told with a dated visit is held during it (dates.resolver.story-frame, visit frame)', () => {
  it('the meeting after "paid an official visit ... on <day>" takes the visit day', () => {
    expect(briefs('The Thai foreign minister paid an official visit to Cambodia on 2 July 2025. The Thai and Cambodian foreign ministers held a bilateral meeting.')).toEqual(['visit 2025-07-02 KHM,THA', 'meeting 2025-07-02 KHM,THA']);
  });
  it('the meeting in the next sentence takes the visit day, even a week before publication', () => {
    const r = extract('The Thai foreign minister visited Cambodia on 2 July 2025. The Thai and Cambodian foreign ministers held a bilateral meeting.');
    expect(r.events.map(brief)).toEqual(['visit 2025-07-02 KHM,THA', 'meeting 2025-07-02 KHM,THA']);
    expect(rules(r.events[1]!)).toContain('dates.resolver.story-frame');
  });
  it('a visit months before publication is background: the meeting after it is not pulled back', () => {
    const got = briefs('The Thai foreign minister visited Cambodia on 2 May 2025. The Thai and Cambodian foreign ministers held talks.');
    expect(got).toContain('visit 2025-05-02 KHM,THA');
    expect(got.find((b) => b.startsWith('meeting'))).not.toMatch(/2025-05-02/);
  });
});

describe('criticism words type a speech as an accusation (events.speech-content.accusation)', () => {
  it.each([
    ['China imposed sanctions on a Lithuanian deputy minister on Friday. The Lithuanian ministry said it regretted China\u2019s decision.', 'accusation 2025-07-11 CHN,LTU'],
    ['The Russian foreign ministry spokeswoman said on Tuesday that France is provoking another round of escalation in the Caucasus.', 'accusation 2025-07-15 FRA,RUS'],
    ['On Monday, Azerbaijan\u2019s defence ministry issued a statement saying Paris backs revanchist forces.', 'accusation 2025-07-14 AZE,FRA'],
    ['The Hungarian government said on Monday that Ukraine was dragging the region into a new war.', 'accusation 2025-07-14 HUN,UKR'],
    ['The foreign ministry of Bulgaria said on Thursday it notes with regret the latest moves of Skopje.', 'accusation 2025-07-10 BGR,MKD'],
  ])('%s', (body, expected) => {
    expect(briefs(body)).toContain(expected);
  });
  it('regret at deaths is condolence, not an accusation', () => {
    expect(briefs('Jordan\u2019s king expressed regret over the deaths of Syrian civilians on Monday.').some((b) => b.startsWith('accusation'))).toBe(false);
  });
  it('the trace names the typing rule', () => {
    const r = extract('The Lithuanian ministry said on Friday it regretted China\u2019s announcement.');
    expect(r.events.map(rules).flat()).toContain('events.speech-content.accusation');
  });
});

describe('"It should be recalled that ..." is a reminder of background, not a modal (events.context.reminderFormula)', () => {
  it.each([
    ['It should be recalled that on March 8, 2025, after talks with the Mongolian foreign minister in Tashkent, the Uzbek minister welcomed the plan.', 'meeting 2025-03-08'],
    ['It could be noted that on 3 June 2025, after negotiations with the Kazakh prime minister, the Kyrgyz premier announced new border posts.', 'meeting 2025-06-03'],
  ])('%s', (body, expected) => {
    const r = extract(body);
    const ev = r.events.find((e) => brief(e).startsWith(expected));
    expect(ev).toBeDefined();
    expect(rules(ev!)).toContain('events.context.reminderFormula');
  });
  it('a real modal before a when-clause still makes the act hypothetical', () => {
    expect(briefs('The two sides would sign the deal when the Mongolian foreign minister met his Uzbek counterpart.').some((b) => b.startsWith('meeting'))).toBe(false);
  });
});

describe('an act noun with a calendar day of its own is another act, not the one just told (events.context.repeatedNoun)', () => {
  it('a return visit names the earlier visit with its own day: both visits are events', () => {
    const got = briefs('The Dominican president arrived in Georgetown on Tuesday for a two-day official visit to Guyana. The official visit returns the official visit made by the Guyanese president to Santo Domingo on 2 March 2025.');
    expect(got).toContain('visit 2025-07-15 DOM,GUY');
    expect(got.some((b) => b.startsWith('visit 2025-03-02 DOM,GUY'))).toBe(true);
  });
  it('the same visit named again without a day stays one event', () => {
    const got = briefs('The Dominican president arrived in Georgetown on Tuesday for a two-day official visit to Guyana. The official visit will deepen energy ties.');
    expect(got.filter((b) => b.startsWith('visit'))).toHaveLength(1);
  });
});

describe('a recall told as a noun is a sanction (sanction.envoy-withdrawal-noun)', () => {
  it.each([
    ['Baghdad on Wednesday announced the recall for consultations of its charg\u00e9 d\u2019affaires from Ankara.', 'sanction 2025-07-09 IRQ,TUR'],
    ['Nigeria on Monday ordered the withdrawal of its High Commissioner from Accra.', 'sanction 2025-07-14 GHA,NGA'],
  ])('%s', (body, expected) => {
    expect(briefs(body)).toContain(expected);
  });
});

describe('a note of protest handed to an envoy is an accusation (accusation.protest-note)', () => {
  it.each([
    ['Peru\u2019s foreign ministry said on Monday that a note has been sent to the Bolivian ambassador expressing strong protest at the remarks of his president.', 'accusation 2025-07-14 BOL,PER'],
    ['On Monday the Philippine foreign ministry handed a diplomatic note to the Chinese ambassador to protest the incursion.', 'accusation 2025-07-14 CHN,PHL'],
  ])('%s', (body, expected) => {
    const r = extract(body);
    expect(r.events.map(brief)).toContain(expected);
    expect(r.events.map(rules).flat()).toContain('accusation.protest-note');
  });
  it('a note with no protest in the sentence is not an accusation', () => {
    expect(briefs('A letter from the Philippine president was delivered to the Chinese ambassador on Monday.').some((b) => b.startsWith('accusation'))).toBe(false);
  });
});

describe('a later mention after "followed"/"in response to" is the act answered, not the act told again (dates.resolver.later-retelling)', () => {
  it('the reply keeps its own day; the other side\u2019s recall keeps Sunday', () => {
    const r = extract('Algeria announced on Monday that it closed its airspace to flights from Mali. It also decided to recall its ambassadors to Mali and Niger. The step followed a joint announcement by Mali, Niger and Burkina Faso on Sunday, recalling their ambassadors from Algeria.');
    const got = r.events.map(brief);
    expect(got).toContain('sanction 2025-07-14 DZA,MLI,NER');
    expect(got).toContain('sanction 2025-07-13 BFA,DZA,MLI,NER');
    const reply = r.events.find((e) => brief(e) === 'sanction 2025-07-14 DZA,MLI,NER')!;
    expect((reply.trace ?? []).some((s) => s.rule === 'dates.resolver.later-retelling' && /answers/.test(JSON.stringify(s)))).toBe(true);
  });
  it('a plain retelling with its day still dates the lead act', () => {
    expect(briefs('The United States has imposed sanctions on five Iranian officials. The Treasury announced the sanctions on Monday night.')).toContain('sanction 2025-07-14 IRN,USA');
  });
});

describe('an infinitive of purpose after a completed trip is news, not a plan (modality.purposeOfTrip)', () => {
  it('"took a day trip to <capital> on Thursday to meet" gives the trip and the meeting on Thursday', () => {
    const r = extract('The Indonesian president took a day trip to Kuala Lumpur on Thursday to meet Malaysian Prime Minister Anwar Ibrahim over lunch.');
    const got = r.events.map(brief);
    expect(got).toContain('meeting 2025-07-10 IDN,MYS');
    expect(got).toContain('visit 2025-07-10 IDN,MYS');
    expect(r.events.map(rules).flat()).toContain('modality.purposeOfTrip');
  });
  it('a trip still to come keeps its purpose planned', () => {
    expect(briefs('The Indonesian president will fly to Kuala Lumpur on Thursday to meet Malaysian Prime Minister Anwar Ibrahim.')).toEqual([]);
    expect(briefs('The Indonesian president plans to travel to Kuala Lumpur to meet Malaysian Prime Minister Anwar Ibrahim.')).toEqual([]);
  });
});

describe('a demand to withdraw by a date is a deadline, a threat (threat.demand-deadline)', () => {
  it('"asked India to withdraw its troops ... by March 15" is a threat on the day it is told', () => {
    const r = extract('The Maldivian president has asked India to withdraw its troops from the islands by March 15.');
    expect(r.events.map(brief)).toEqual(['threat 2025-07-15 IND,MDV']);
    expect(r.events.map(rules).flat()).toContain('threat.demand-deadline');
  });
  it('no date, no deadline; an envoy ordered to leave by a day is an expulsion, not this rule', () => {
    expect(briefs('The Maldivian president asked India to withdraw its troops, his spokesman said.').some((b) => b.startsWith('threat'))).toBe(false);
    const r = extract('On Monday Russia ordered the Estonian ambassador to leave the country by February 7.');
    expect(r.events.map(rules).flat()).not.toContain('threat.demand-deadline');
  });
});

describe('drills around a state are aimed at it (actors.place.other-side)', () => {
  it('"started drills around Taiwan" has Taiwan as the other side', () => {
    const r = extract('Forces of the Chinese People\u2019s Liberation Army started drills around Taiwan on Monday.');
    expect(r.events.map(brief)).toEqual(['military 2025-07-14 CHN,TWN']);
    expect(JSON.stringify(r.events[0]!.trace)).toContain('the drills surround');
  });
  it('exercises in open sea stay one-sided', () => {
    expect(briefs('China held naval exercises in the South China Sea on Monday.')).toEqual(['military 2025-07-14 CHN']);
  });
  it('a strike inside or within a state hits it (actors.place.inside-struck); drills inside a state only happen there', () => {
    const r = extract('Artillery of the Sudanese army fired shells inside Chad on Monday.');
    expect(r.events.map(brief)).toEqual(['military 2025-07-14 SDN,TCD']);
    expect(rules(r.events[0]!)).toContain('actors.place.inside-struck');
    expect(briefs('Fighter jets of Myanmar fired rockets within Thailand on Monday.')).toEqual(['military 2025-07-14 MMR,THA']);
    expect(briefs('Russia held naval exercises inside Belarus on Monday.')).toEqual(['military 2025-07-14 RUS']);
  });
});
