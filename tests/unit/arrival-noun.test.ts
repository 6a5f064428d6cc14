/**
 * blind7 DIAGNOSIS class B: an arrival told as a noun ("Upon his arrival at the palace, ...") is a visit
 * (rule visit.arrival-noun); a bare "upon arrival" with no possessive is only the time of another act.
 * Sentences written for this test (published Tuesday 2025-07-15; the name is invented).
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import type { ExtractedEvent } from '../../scripts/pipeline/types.ts';
import { segOf } from './find-events-helpers.ts';

const actors = createActorResolver();
const extract = (body: string) => extractDocument(segOf(body), actors, { trace: true }).events;
const rulesOf = (e: ExtractedEvent) => (e.trace ?? []).map((s) => s.rule);

describe('an arrival told as a noun', () => {
  it('"Upon his arrival at the State House" is the guest\'s visit to the host', () => {
    const events = extract("Kenya hosted Mauritania's President Idris Wele Banda on Friday in Nairobi. Upon his arrival at the State House, Idris Wele Banda reviewed a guard of honour.");
    const visit = events.find((e) => e.type === 'visit');
    expect(visit && `${visit.date} ${visit.countries.join(',')}`).toBe('2025-07-11 KEN,MRT');
    expect(rulesOf(visit!)).toContain('visit.arrival-noun');
  });

  it('a bare "upon arrival" makes no visit', () => {
    expect(extract('Upon arrival in Hanoi, the minister said the talks would be useful.').map((e) => e.type)).not.toContain('visit');
  });
});
