/**
 * blind7 DIAGNOSIS class B: a visit told with a time adjunct between the travel word and the place.
 *   - visit.arrived: "arrived on Monday evening (July 14) in X", "arrived on July 13 in X" are arrivals
 *     like "arrived in X";
 *   - actors.mentions.place: "in <state>" after a trip word and only a time adjunct ("began his trip
 *     on Thursday in X") names the destination, so the host is a party of the visit (not a venue, and
 *     no other state is implied); other words between ("the visit comes amid tensions in X") do not.
 * Sentences written for this test (published Tuesday 2025-07-15).
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractBody as extract, brief, rulesOf } from './find-events-helpers.ts';

const actors = createActorResolver();

describe('an arrival with a time adjunct before the place', () => {
  it.each([
    ["Chile's president arrived on Monday evening (July 14) in Buenos Aires for a two-day stay.", 'visit 2025-07-14 ARG,CHL'],
    ["Vietnam's president arrived on July 13 in Vientiane, the Lao state media said.", 'visit 2025-07-13 LAO,VNM'],
    ["Japan's prime minister arrived late Sunday in Manila.", 'visit 2025-07-13 JPN,PHL'],
  ])('%s', (body, expected) => {
    const events = extract(body);
    expect(events.map(brief)).toEqual([expected]);
    expect(rulesOf(events[0]!)).toContain('visit.arrived');
  });

  it('a word other than a time word before the place is no arrival there', () => {
    expect(extract('The ambassador said talks arrived on Monday at a difficult point.').map((e) => e.type)).not.toContain('visit');
  });
});

describe('the state a trip is in, after a time adjunct, is the host', () => {
  it('"began his trip on Thursday in X": X is a party, no other side is implied', () => {
    const events = extract('The Indian foreign minister began his trip on Thursday in Nigeria.');
    expect(events.map(brief)).toEqual(['visit 2025-07-10 IND,NGA']);
  });

  it('"the visit comes amid tensions in X": X is no destination', () => {
    const events = extract("Turkey's president visited Egypt on Monday. The visit comes amid rising tensions in Sudan.");
    for (const e of events) expect(e.countries).not.toContain('SDN');
  });
});
