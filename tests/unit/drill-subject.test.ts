/**
 * Drills read with their clause's subject (events.context.drillSubject), on phrasings written for the
 * test (articles published Tuesday 2025-07-15).
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import { brief, segOf } from './find-events-helpers.ts';

const actors = createActorResolver();
const extract = (body: string) => extractDocument(segOf(body), actors, { trace: true });

describe('drills far from their subject (events.context.drillSubject)', () => {
  it('two states named well before the drill noun both hold the drills', () => {
    const r = extract('Australia and Indonesia are currently in the middle of large-scale naval exercises off Java.');
    expect(r.events.map(brief)).toEqual(['military 2025-07-15 AUS,IDN']);
    expect(JSON.stringify(r.events[0]!.trace)).toContain('events.context.drillSubject');
  });
  it('drills named after another act of the clause stay read near the noun', () => {
    const got = extract('Beijing condemned the joint US-Philippine naval drills on Monday.').events.map(brief);
    expect(got).toContain('accusation 2025-07-14 CHN,USA');
    expect(got.some((b) => b.startsWith('military') && b.includes('CHN'))).toBe(false);
  });
});
