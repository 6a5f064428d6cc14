/**
 * Word class of speech-verb triggers that are also plural nouns (event-rules.json `nounReadings`):
 * after a quantifier, a number or "the" + a modifier, "states"/"claims"/"offers" are nouns, not
 * the verb of a statement. Through the pipeline, such a sentence gives no statement. Sentences
 * written for this test.
 */
import { describe, expect, it } from 'vitest';
import { findTriggers, nounReading } from '../../scripts/pipeline/events/triggers.ts';
import { runPipeline } from '../../scripts/pipeline/run.ts';

/** The noun-reading rule id of each speech trigger of the sentence (or "verb"). */
const readings = (s: string) =>
  findTriggers(s)
    .filter((t) => t.rule.type === 'statement')
    .map((t) => `${t.text.split(/\s/u)[0]!.toLowerCase()}:${nounReading(s, t) ?? 'verb'}`);

const events = (body: string) =>
  runPipeline([{ id: 'case', path: 'case.txt', text: ` date 2025-03-12 News in brief\n\n${body}\n`, warnings: [] }]).file.events.map((e) => e.type);

describe('plural nouns read as speech verbs', () => {
  it('reads "states" after a quantifier or number, with up to two modifiers between, as a noun', () => {
    expect(readings('Not one of the NATO states has closed its embassy in Minsk.')).toEqual(['states:triggers.noun-reading.determiner']);
    expect(readings('None of the EU states has recalled its envoy from Caracas.')).toEqual(['states:triggers.noun-reading.quantified']);
    expect(readings('Several Latin American states welcomed the truce.')).toContain('states:triggers.noun-reading.quantified');
    expect(readings('Five Central Asian states signed the pact in Astana.')).toContain('states:triggers.noun-reading.quantified');
  });

  it('reads "the <modifier> states" as a noun, and the other words only after a quantifier', () => {
    expect(readings('The EU states agreed a new round of measures against Minsk.')).toContain('states:triggers.noun-reading.determiner');
    expect(readings('The ministry offers talks to Minsk.')).toEqual(['offers:verb']);
    expect(readings('Both sides offers were rejected by Minsk.')).toEqual(['offers:triggers.noun-reading.quantified']);
  });

  it('keeps the verb when "that" or a colon follows', () => {
    expect(readings('The EU states that the sanctions against Minsk will stay.')).toEqual(['states:verb']);
    expect(readings('The ministry states: the border will stay closed.')).toEqual(['states:verb']);
  });

  it('gives no statement for a sentence whose only speech word is the noun', () => {
    expect(events('None of the EU states has recalled its envoy from Venezuela.')).toEqual([]);
  });
});
