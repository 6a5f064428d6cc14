/**
 * blind7 DIAGNOSIS class B: an arrival told as a noun ("Upon his arrival at the palace, ...") is a visit
 * (rule visit.arrival-noun); a bare "upon arrival" with no possessive is only the time of another act.
 * Sentences written for this test (published Tuesday 2025-07-15; the name is invented).
 */
import { describe, expect, it } from 'vitest';
import { extractBody as extract, rulesOf } from './find-events-helpers.ts';

describe('an arrival told as a noun', () => {
  it('"Upon his arrival at the State House" is the guest\'s visit to the host', () => {
    const events = extract("Kenya hosted Mauritania's President Idris Wele Banda on Friday in Nairobi. Upon his arrival at the State House, Idris Wele Banda reviewed a guard of honour.");
    const visit = events.find((e) => e.type === 'visit');
    expect(visit && `${visit.date} ${visit.countries.join(',')}`).toBe('2025-07-11 KEN,MRT');
    // The host's sentence already tells the guest's visit (events.context.hostedGuest), so the arrival noun
    // retells it; with no host sentence the arrival noun makes the visit itself (visit.arrival-noun).
    expect(rulesOf(visit!).some((r) => r === 'visit.arrival-noun' || r === 'events.context.hostedGuest')).toBe(true);
    const alone = extract('Upon his arrival at the State House in Nairobi on Friday, Mauritania\'s President Idris Wele Banda reviewed a guard of honour.').find((e) => e.type === 'visit');
    expect(rulesOf(alone)).toContain('visit.arrival-noun');
  });

  it('a bare "upon arrival" makes no visit', () => {
    expect(extract('Upon arrival in Hanoi, the minister said the talks would be useful.').map((e) => e.type)).not.toContain('visit');
  });
});
