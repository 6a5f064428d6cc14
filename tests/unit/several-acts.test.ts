/**
 * Issue 9: several acts in one sentence. An arrival and the meeting it was for
 * (events.context.purposeMeeting); one state's separate calls or meetings with several counterparts
 * (events.context.separateActs). Every sentence is written for this test (articles published
 * Tuesday 2025-07-15), with negative cases.
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import type { ExtractedEvent } from '../../scripts/pipeline/types.ts';
import { segOf } from './find-events-helpers.ts';

const actors = createActorResolver();
const extract = (body: string) => extractDocument(segOf(body), actors, { trace: true }).events;
/** "type date COUNTRIES" of each extracted event, sorted. */
const brief = (e: ExtractedEvent) => `${e.type} ${e.date} ${e.countries.join(',')}`;
const briefs = (body: string) => extract(body).map(brief).sort();
const rulesOf = (e: ExtractedEvent) => (e.trace ?? []).map((s) => s.rule);

describe('an arrival and the meeting it was for are two events (events.context.purposeMeeting)', () => {
  it.each([
    ['The Slovak prime minister arrived in Beijing on Sunday to meet Chinese President Xi Jinping.', ['meeting 2025-07-13 CHN,SVK', 'visit 2025-07-13 CHN,SVK']],
    ['Kenyan President William Ruto arrived in Kampala on Friday to hold talks with Uganda\u2019s president.', ['meeting 2025-07-11 KEN,UGA', 'visit 2025-07-11 KEN,UGA']],
  ])('%s', (body, expected) => {
    const events = extract(body);
    expect(events.map(brief).sort()).toEqual(expected);
    const meeting = events.find((e) => e.type === 'meeting');
    expect(meeting && rulesOf(meeting)).toContain('events.context.purposeMeeting');
  });

  it.each([
    // a trip that only starts today: the meeting is still to come
    'The Irish foreign minister travels to Ottawa today to meet Canadian officials.',
    // a plan between the arrival and the meeting
    'The Chilean president arrived in Lima on Monday and is expected to meet Peru\u2019s president on Wednesday.',
    // a relative clause: the meeting is what someone else will do
    'The Dutch king arrived in Jakarta on Monday, where he will meet the Indonesian president.',
  ])('no meeting from the purpose clause: %s', (body) => {
    const events = extract(body);
    expect(events.some((e) => rulesOf(e).includes('events.context.purposeMeeting'))).toBe(false);
  });
});

describe("one state's separate calls or meetings with several counterparts are one event each (events.context.separateActs)", () => {
  it.each([
    [
      'Kenya\u2019s foreign minister held separate phone calls on Monday with his Ethiopian, Somali and Tanzanian counterparts.',
      ['meeting 2025-07-14 ETH,KEN', 'meeting 2025-07-14 KEN,SOM', 'meeting 2025-07-14 KEN,TZA'],
    ],
    ['On Sunday the Brazilian president met with the leaders of Chile and Colombia on the margins of the ceremony.', ['meeting 2025-07-13 BRA,CHL', 'meeting 2025-07-13 BRA,COL']],
  ])('%s', (body, expected) => {
    const events = extract(body);
    expect(events.map(brief).sort()).toEqual(expected);
    for (const e of events) expect(rulesOf(e)).toContain('events.context.separateActs');
  });

  it.each([
    [
      'The Ghanaian president held telephone talks on Monday with his counterparts from Togo, Benin and Burkina Faso.',
      ['meeting 2025-07-14 BEN,GHA', 'meeting 2025-07-14 BFA,GHA', 'meeting 2025-07-14 GHA,TGO'],
    ],
    ['On Sunday the Chilean foreign minister spoke by phone with the foreign ministers of Peru and Bolivia.', ['meeting 2025-07-13 BOL,CHL', 'meeting 2025-07-13 CHL,PER']],
  ])('a call has two sides: one call per counterpart without "separate" (events.context.separateActs.calls): %s', (body, expected) => {
    const events = extract(body);
    expect(events.map(brief).sort()).toEqual(expected);
    for (const e of events) expect(rulesOf(e)).toContain('events.context.separateActs.calls');
  });

  it.each([
    // a group word: one call of all
    ['The Ghanaian president held a conference call on Monday with the leaders of Togo and Benin.', 'meeting 2025-07-14 BEN,GHA,TGO'],
    ['The Ghanaian president held a video conference call on Monday with his counterparts from Togo and Benin.', 'meeting 2025-07-14 BEN,GHA,TGO'],
    ['The Ghanaian president held a trilateral phone call on Monday with the leaders of Togo and Benin.', 'meeting 2025-07-14 BEN,GHA,TGO'],
  ])('a call of all stays one meeting: %s', (body, expected) => {
    expect(briefs(body)).toContain(expected);
  });

  it.each([
    // one meeting of three states
    ['The Japanese foreign minister held trilateral talks with the leaders of South Korea and the United States on Monday.', 'meeting 2025-07-14 JPN,KOR,USA'],
    // no word that makes the talks separate
    ['The Indian foreign minister held talks with counterparts from Brazil and South Africa on Monday.', 'meeting 2025-07-14 BRA,IND,ZAF'],
    // a joint act
    ['The Kenyan president met the leaders of Uganda and Rwanda on Monday and they issued a joint communique.', 'meeting 2025-07-14 KEN,RWA,UGA'],
    // leaders hosted at a summit meet as one
    ['The Kenyan president met the leaders of Uganda and Rwanda at a summit he hosted in Nairobi on Monday.', 'meeting 2025-07-14 KEN,RWA,UGA'],
  ])('stays one meeting: %s', (body, expected) => {
    expect(briefs(body)).toContain(expected);
  });
});

describe('a second act whose subject names the same parties again (events.context.coordinatedActSameParties)', () => {
  it.each([
    ['The Chilean president held talks with his Argentine counterpart in Santiago on Monday, and after the talks, the two leaders signed a joint declaration.', ['agreement 2025-07-14 ARG,CHL', 'meeting 2025-07-14 ARG,CHL']],
    ['Portugal\u2019s prime minister met the Spanish premier in Lisbon on Sunday, and after the meeting, the two sides issued a joint communique.', ['agreement 2025-07-13 ESP,PRT', 'meeting 2025-07-13 ESP,PRT']],
  ])('%s', (body, expected) => {
    const events = extract(body);
    expect(events.map(brief).sort()).toEqual(expected);
    const second = events.find((e) => e.type === 'agreement');
    expect(second && rulesOf(second)).toContain('events.context.coordinatedActSameParties');
  });

  it('a new subject that is not the same parties is no coordinated act of the clause', () => {
    const events = extract('The Chilean president held talks with his Argentine counterpart on Monday, and analysts said the two leaders might sign a deal.');
    expect(events.some((e) => e.type === 'agreement')).toBe(false);
  });
});

describe('a strike in a list of states is one strike per state (actors.place.theatres, events.context.strikeTheatres)', () => {
  it.each([
    ['Israeli jets struck weapons depots in Lebanon and Syria on Sunday.', ['military 2025-07-13 ISR,LBN', 'military 2025-07-13 ISR,SYR']],
    ['On Monday, Iranian drones attacked militant camps in Iraq, Syria and Pakistan.', ['military 2025-07-14 IRN,IRQ', 'military 2025-07-14 IRN,PAK', 'military 2025-07-14 IRN,SYR']],
  ])('%s', (body, expected) => {
    const events = extract(body);
    expect(events.map(brief).sort()).toEqual(expected);
    for (const e of events) {
      expect(rulesOf(e)).toContain('events.context.strikeTheatres');
      // Each strike's title names its own state, not the list's first place.
      expect(e.location).toBeUndefined();
    }
  });

  it.each([
    // one place: one strike
    'Israeli jets struck a weapons depot in Lebanon on Sunday.',
    // drills a state hosts are not struck there
    'Russian forces held drills in Belarus and Kazakhstan on Sunday.',
  ])('one event, no split: %s', (body) => {
    const events = extract(body);
    expect(events.length).toBe(1);
    expect(rulesOf(events[0]!)).not.toContain('events.context.strikeTheatres');
  });
});

describe('several states voicing support or concern over one act make one statement each (events.context.distributive)', () => {
  it('splits a statement of several acting states with a target', () => {
    const events = extract("Australia, Japan and Canada expressed support for the Philippines on Monday over the Chinese coast guard's actions.");
    expect(events.map(brief).sort()).toEqual(['statement 2025-07-14 AUS,CHN,PHL', 'statement 2025-07-14 CAN,CHN,PHL', 'statement 2025-07-14 CHN,JPN,PHL']);
    for (const e of events) expect(rulesOf(e)).toContain('events.context.distributive');
  });

  it('keeps one statement when the states speak about themselves only', () => {
    const events = extract('Japan and South Korea said on Monday they would deepen security cooperation.');
    expect(events.map(brief)).toEqual(['statement 2025-07-14 JPN,KOR']);
  });
});

describe('a bilateral act whose subject is a coordinated list of states is one act per listed state (events.context.distributive.bilateral)', () => {
  it.each([
    [
      'The prime ministers of Estonia, Latvia and Lithuania arrived in Stockholm on Monday.',
      ['visit 2025-07-14 EST,SWE', 'visit 2025-07-14 LTU,SWE', 'visit 2025-07-14 LVA,SWE'],
    ],
    ['Senegal and Gambia recalled their ambassadors from Bamako on Sunday.', ['sanction 2025-07-13 GMB,MLI', 'sanction 2025-07-13 MLI,SEN']],
    ['Chilean President Gabriel Boric and Uruguayan President Yamandu Orsi landed in Brasilia on Monday.', ['visit 2025-07-14 BRA,CHL', 'visit 2025-07-14 BRA,URY']],
  ])('%s', (body, expected) => {
    const events = extract(body);
    expect(events.map(brief).sort()).toEqual(expected);
    for (const e of events) expect(rulesOf(e)).toContain('events.context.distributive.bilateral');
  });

  it('an act told again with "also" and no target takes the target of the act told before (events.context.distributive.bilateral.also)', () => {
    const events = extract('Niger recalled its ambassador from Paris on Monday.\n\nMali and Burkina Faso also recalled their ambassadors the same day.');
    expect(events.map(brief).sort()).toEqual(['sanction 2025-07-14 BFA,FRA', 'sanction 2025-07-14 FRA,MLI', 'sanction 2025-07-14 FRA,NER']);
    expect(events.filter((e) => rulesOf(e).includes('events.context.distributive.bilateral.also'))).toHaveLength(2);
  });

  it.each([
    // a joint act: one visit of all
    ['The foreign ministers of Spain and Portugal visited Rabat together on Monday.', ['visit 2025-07-14 ESP,MAR,PRT']],
    // both sides of a meeting are no list of agents
    ['The presidents of Kenya and Tanzania held talks in Arusha on Monday.', ['meeting 2025-07-14 KEN,TZA']],
  ])('stays one event: %s', (body, expected) => {
    const events = extract(body);
    expect(events.map(brief).sort()).toEqual(expected);
    expect(events.some((e) => rulesOf(e).includes('events.context.distributive.bilateral'))).toBe(false);
  });
});

describe('talks held with each of several counterparts are one event each (events.context.separateActs.each)', () => {
  it('"met each of them": one meeting per counterpart', () => {
    const events = extract('The Saudi foreign minister held talks on Sunday with his Egyptian and Jordanian counterparts, meeting each of them in Riyadh.');
    expect(events.map(brief).sort()).toEqual(['meeting 2025-07-13 EGY,SAU', 'meeting 2025-07-13 JOR,SAU']);
    for (const e of events) expect(rulesOf(e)).toContain('events.context.separateActs.each');
  });
  it('"each other" is no such word', () => {
    const events = extract('The Saudi foreign minister held talks on Sunday with his Egyptian and Jordanian counterparts, who thanked each other for their support.');
    expect(events.map(brief).sort()).toEqual(['meeting 2025-07-13 EGY,JOR,SAU']);
  });
});
