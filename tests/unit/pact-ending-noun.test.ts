/**
 * blind7 DIAGNOSIS class A: ending a treaty or agreement told as a noun ("announced the suspension of
 * the agreement", "ordered the termination of the treaty") is the sanction itself (verb-lexicon entry
 * termination-of-pact, rule lex.160.termination-of-pact). A ceasefire that is broken is no pact ended,
 * and a call for a suspension is no suspension. Sentences written for this test (published Tuesday
 * 2025-07-15).
 */
import { describe, expect, it } from 'vitest';
import { extractBody as extract, brief, rulesOf } from './find-events-helpers.ts';

describe('ending a pact told as a noun', () => {
  it.each([
    ['Moldova on Tuesday announced the suspension of its 2011 transit agreement with Russia.', 'sanction 2025-07-15 MDA,RUS'],
    ["Chile's president ordered the termination of the extradition treaty with Peru.", 'sanction 2025-07-15 CHL,PER'],
    ['Ghana confirmed on Monday the cancellation of a fisheries accord with Togo.', 'sanction 2025-07-14 GHA,TGO'],
  ])('%s', (body, expected) => {
    const events = extract(body);
    expect(events.map(brief)).toEqual([expected]);
    expect(rulesOf(events[0]!)).toContain('lex.160.termination-of-pact');
  });

  it('the noun wins over the speech verb that announces it', () => {
    const [e] = extract('Norway on Monday announced a suspension of its 1995 visa agreement with Belarus.');
    expect(e?.type).toBe('sanction');
  });

  it('a broken ceasefire is not a pact ended', () => {
    const types = extract('Gunfire on Monday marked the breaking of the ceasefire between the two armies near the river.').map((e) => e.type);
    expect(types).not.toContain('sanction');
  });

  it('a call for a suspension is no suspension', () => {
    const types = extract("Hungary's opposition called for the suspension of the trade deal with China on Monday.").map((e) => e.type);
    expect(types).not.toContain('sanction');
  });
});
