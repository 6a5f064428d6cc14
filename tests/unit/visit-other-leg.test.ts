/**
 * A visit's own destination against another leg of the same trip (actors.visit.other-leg), on phrasings
 * written for the test (articles published Tuesday 2025-07-15).
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import type { ExtractedEvent } from '../../scripts/pipeline/types.ts';
import { segOf } from './find-events-helpers.ts';

const actors = createActorResolver();
const extract = (body: string) => extractDocument(segOf(body), actors, { trace: true });
const visits = (body: string) => extract(body).events.filter((e: ExtractedEvent) => e.type === 'visit');

describe('a visit to one state after a trip to another (actors.visit.other-leg)', () => {
  it('the state the trigger names is the host; the leg in the "after ..." adjunct is not', () => {
    const [v, ...rest] = visits('The Kenyan foreign minister reached Ghana on Monday after wrapping up his visit to Nigeria.');
    expect(rest).toEqual([]);
    expect(v!.countries).toEqual(['GHA', 'KEN']);
    expect(JSON.stringify(v!.trace)).toContain('actors.visit.other-leg');
  });
  it('a destination cut off from its clause still counts when the clause names none', () => {
    const [v] = visits('Arriving in Hanoi on Monday, the Thai prime minister began a three-day visit.');
    expect(v!.countries).toEqual(['THA', 'VNM']);
  });
});
