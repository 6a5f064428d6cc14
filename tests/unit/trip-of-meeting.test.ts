/**
 * Issue 9, acts never found (events.structure.tripOfMeeting): a report of talks held abroad that
 * names the guest's current trip only in passing (a relative clause, a copula, a remark, "during
 * this visit") tells a visit on the meeting's day. Every sentence is written for this test
 * (articles published Tuesday 2025-07-15), with negative cases.
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import { tripPhrase, TRIP_OF_MEETING_RULE } from '../../scripts/pipeline/events/trip-of-meeting.ts';
import type { ExtractedEvent } from '../../scripts/pipeline/types.ts';
import { segOf } from './find-events-helpers.ts';

const actors = createActorResolver();
const extract = (body: string) => extractDocument(segOf(body), actors, { trace: true }).events;
const brief = (e: ExtractedEvent) => `${e.type} ${e.date} ${e.countries.join(',')}`;
const trips = (body: string) => extract(body).filter((e) => (e.trace ?? []).some((s) => s.rule === TRIP_OF_MEETING_RULE));

describe('the trip of a meeting named only in passing is a visit on the meeting day', () => {
  it.each([
    // a non-restrictive relative clause
    [
      'Kenyan Foreign Minister Musalia Mudavadi met Tanzanian President Samia Suluhu Hassan in Dodoma on Monday. Mudavadi, who is on a day-long visit to the East African nation, also held a meeting with counterpart Mahmoud Kombo at which the two discussed trade.',
      'visit 2025-07-14 KEN,TZA',
    ],
    // a copula sentence of its own after the meeting
    [
      'Brazilian President Lula held talks with Chilean President Gabriel Boric in Santiago on Monday. It is Lula\u2019s first official visit to Chile since Boric was elected in December.',
      'visit 2025-07-14 BRA,CHL',
    ],
    // a remark about the ongoing trip
    [
      'Indian Prime Minister Narendra Modi met Ghanaian President John Mahama in Accra on Sunday. Mahama said the ongoing state visit would open a new chapter for both nations.',
      'visit 2025-07-13 GHA,IND',
    ],
  ])('%s', (body, expected) => {
    expect(trips(body).map(brief)).toEqual([expected]);
  });

  it('finds the trip phrase, with the states next to it', () => {
    expect(tripPhrase('The minister, who is on a three-day visit to Egypt, spoke to reporters.')?.named).toEqual(['EGY']);
    expect(tripPhrase('He said the talks went well during this visit.')).toBeDefined();
  });

  it.each([
    // planned or invited trips
    'Vietnamese Prime Minister Pham Minh Chinh met Thai Prime Minister Paetongtarn Shinawatra in Hanoi on Monday. He invited her to make her first official visit to Vietnam next year.',
    'Vietnamese Prime Minister Pham Minh Chinh met Thai Prime Minister Paetongtarn Shinawatra in Hanoi on Monday. The Thai leader will be on a state visit to Vietnam in October.',
    // a trip to a third state: the meeting was held on the side of it
    'US Secretary of State Marco Rubio met Chinese Foreign Minister Wang Yi in Kuala Lumpur on Friday. It is Rubio\u2019s first official visit to Malaysia since he took office in January.',
  ])('adds no visit for a planned trip or a trip elsewhere: %s', (body) => {
    expect(trips(body)).toEqual([]);
  });

  it('adds nothing when the visit was already found', () => {
    const events = extract('Egyptian President Abdel Fattah al-Sisi arrived in Nairobi on Monday and met Kenyan President William Ruto. It is his first visit to Kenya in five years.');
    expect(events.filter((e) => e.type === 'visit').length).toBe(1);
    expect(trips('Egyptian President Abdel Fattah al-Sisi arrived in Nairobi on Monday and met Kenyan President William Ruto. It is his first visit to Kenya in five years.')).toEqual([]);
  });

  it('adds nothing without a held meeting', () => {
    expect(trips('The Thai leader is on a three-day visit to Vietnam, officials in Bangkok said on Monday.')).toEqual([]);
  });
});
