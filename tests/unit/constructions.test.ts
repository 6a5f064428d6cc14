/**
 * The verb-group view (scripts/pipeline/events/constructions.ts): elidable adjuncts found by class,
 * the view and its offset map, and trigger rules that read across the adjuncts
 * (events/triggers.ts findTriggers). Sentences written for the test; at least two wordings per
 * adjunct class, and cases where the view must not create or change an event.
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { ADJUNCT_RULES, adjunctSpans, sentenceView, toOriginal } from '../../scripts/pipeline/events/constructions.ts';
import { findTriggers } from '../../scripts/pipeline/events/triggers.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import { compileOne } from '../../scripts/pipeline/events/patterns.ts';
import data from '../../scripts/data/constructions.json' with { type: 'json' };
import { candidates, segOf } from './find-events-helpers.ts';

/** "rule:words" of each adjunct of a sentence. */
const adjuncts = (text: string) => adjunctSpans(text).map((s) => `${s.rule.replace('constructions.', '')}:${text.slice(s.start, s.end)}`);
const viewOf = (text: string) => sentenceView(text)?.text ?? text;

describe('adjunct classes', () => {
  it('has a rule id for every class', () => {
    expect(ADJUNCT_RULES.length).toBeGreaterThanOrEqual(8);
    for (const id of ADJUNCT_RULES) expect(id).toMatch(/^constructions\.[a-z]+\.[a-z-]+$/);
  });

  it.each([
    ['The consul was on Thursday called in.', 'time.weekday:on Thursday'],
    ['They spoke late on Sunday evening about grain.', 'time.weekday:late on Sunday evening'],
    ['Both sides met Wednesday near the border.', 'time.weekday:Wednesday'],
    ['The pact was signed on 4 June 2024 after long talks.', 'time.date:on 4 June 2024'],
    ['Envoys gathered on August 21, 2023, to review the plan.', 'time.date:on August 21, 2023'],
    ['The office opened in early May and closed again.', 'time.month:in early May'],
    ['Relations were cut in 2019 over the dispute.', 'time.month:in 2019'],
    ['The minister yesterday rejected the note.', 'time.relative:yesterday'],
    ['Talks resumed earlier this week without a deal.', 'time.relative:earlier this week'],
  ])('time: %s', (text, expected) => {
    expect(adjuncts(text)).toContain(expected);
  });

  it.each([
    ['The embassy was formally closed.', 'adverb.manner:formally'],
    ['The two states jointly condemned the raid.', 'adverb.manner:jointly'],
    ['The staff member was curtly sent home.', 'adverb.ly-after-auxiliary:curtly'],
    ['Its mission had been summarily shut.', 'adverb.ly-after-auxiliary:summarily'],
  ])('adverbs: %s', (text, expected) => {
    expect(adjuncts(text)).toContain(expected);
  });

  it.each([
    ['The leaders talked in New Delhi about trade.', 'place.name:in New Delhi'],
    ['The accord was initialled at the Elysee Palace without fanfare.', 'place.name:at the Elysee Palace'],
    ['Delegates met in the capital for two days.', 'place.noun:in the capital'],
    ['The king hosted a dinner at the palace for the guests.', 'place.noun:at the palace'],
    ['The ambassador to the Netherlands was called in.', 'postnominal.envoy-pp:to the Netherlands'],
    ['An envoy in Caracas was told to leave.', 'postnominal.envoy-pp:in Caracas'],
    ['Officials, however, denied it.', 'parenthetical.connective:however'],
    ['The ministry, in a statement, rejected the claim.', 'parenthetical.connective:in a statement'],
  ])('places and connectives: %s', (text, expected) => {
    expect(adjuncts(text)).toContain(expected);
  });

  it.each([
    // An activity is not a place; a possessive name is a noun phrase's owner, not a place.
    'The two firms were in talks to merge.',
    "In Beijing's view the move was hostile.",
    "Monday's meeting was postponed.",
    "Sources said today's vote was close.",
    // A month's name is a time, never a place; a lower-case "may" is a modal verb.
    'Officials may meet soon.',
    // A family is not a manner adverb, even after an auxiliary.
    'The minister has family ties there.',
  ])('leaves non-adjuncts alone: %s', (text) => {
    const found = adjuncts(text);
    expect(found.filter((a) => a.startsWith('place.') || a.startsWith('adverb.') || a.startsWith('time.weekday'))).toEqual([]);
  });

  it('keeps a place that is the complement of a verb of motion, also with a time phrase between them', () => {
    expect(viewOf('The premier landed on Friday in Hanoi for talks.')).toBe('The premier landed in Hanoi for talks.');
    expect(viewOf('The delegation arrived in Minsk late on Tuesday.')).toBe('The delegation arrived in Minsk.');
  });

  it('never elides an airport: a welcome there is the arrival itself', () => {
    expect(adjuncts('They were greeted at Tan Son Nhat International Airport by the mayor.')).toEqual([]);
    expect(adjuncts('He was met at the airport by officials.')).toEqual([]);
  });
});

describe('the words a class requires (speed only)', () => {
  // Sentences each class with "requires" matches, in as many of its wordings as possible.
  const matching: Record<string, string[]> = {
    'constructions.adverb.ly-after-auxiliary': ['The staff member was curtly sent home.', 'Its mission had been summarily shut.', 'They were quickly, and is openly, told.'],
    'constructions.postnominal.envoy-pp': [
      'The ambassador to the Netherlands was called in.',
      'An envoy in Caracas was told to leave.',
      'Envoys from Peru left.',
      'The Chargé d’affaires in Rome was recalled.',
      "Charges d'affaires of Chile met.",
      'The Consul-General of France was summoned.',
      'Consuls at Lyon were named.',
      'The attaché at the Embassy of Japan was expelled.',
      'Representatives from the Union of Comoros came.',
      'The emissary to Kabul and the emissaries of Oman came.',
      'Diplomats in Berlin were told.',
    ],
    'constructions.time.weekday': ['They met on Monday.', 'Late on Friday the envoy left.', 'Early Sunday it ended.', 'On Tuesday evening they spoke.', 'Earlier on Wednesday he said.', 'Next Thursday is the day.', 'This Saturday night, more talks.'],
    'constructions.time.date': ['They met on March 10.', 'On 4 June the deal was signed.', 'It was signed on the 8th of May, 2024.', 'By Sept. 3, 2023 it was over.', 'Jan. 2 was quiet.', 'The 21st of December came.'],
    'constructions.time.relative': ['Yesterday they met.', 'Talks ended today.', 'Tonight it ends.', 'Overnight, strikes hit.', 'Earlier this week he said.', 'Late last year talks began.', 'Later in the day it was signed.', 'Earlier the month was calm, last night too.'],
    'constructions.time.month': ['They met in March.', 'In early May they spoke.', 'Earlier in June, talks stalled.', 'It happened in 2023.', 'Late in the year, late Dec. 2019 talks.', 'in mid-Nov. they met', 'Early 1999 was calm.'],
    'constructions.parenthetical.connective': [
      'Officials, however, denied it.',
      'The ministry, in a statement, rejected the claim.',
      'Iran,according to the agency,fired.',
      'The army, it said, withdrew.',
      'Russia, for its part, , agreed.',
    ],
  };
  type Entry = { id: string; pattern?: string; requires?: string[]; requiresCount?: number };
  const gated = (data.adjuncts as Entry[]).filter((a) => a.requires);

  it('gates only classes whose test sentences are listed here', () => {
    expect(gated.map((a) => a.id).sort()).toEqual(Object.keys(matching).sort());
  });

  it.each(gated.map((a) => [a.id, a] as const))('%s: every sentence its pattern matches holds the words', (_id, a) => {
    const { re, onLower } = compileOne(a.pattern!, data.macros, 'g');
    let matched = 0;
    for (const text of matching[a.id]!) {
      const subject = onLower ? text.toLowerCase() : text;
      re.lastIndex = 0;
      if (!re.test(subject)) continue;
      matched++;
      let seen = 0;
      for (const w of a.requires!) for (let at = subject.indexOf(w); at >= 0; at = subject.indexOf(w, at + w.length)) seen++;
      expect(seen, text).toBeGreaterThanOrEqual(a.requiresCount ?? 1);
    }
    expect(matched).toBe(matching[a.id]!.length);
  });
});

describe('the view and its offset map', () => {
  it('removes a run of adjuncts with the space after it', () => {
    const text = 'The two sides agreed in Quito on May 2 to reopen the crossing.';
    const view = sentenceView(text)!;
    expect(view.text).toBe('The two sides agreed to reopen the crossing.');
    expect(view.elisions).toHaveLength(1);
    expect(view.elisions[0]!.rules).toEqual(['constructions.place.name', 'constructions.time.date']);
    // Every view character maps to the same character of the original.
    for (let i = 0; i < view.text.length; i++) expect(text[view.map[i]!]).toBe(view.text[i]);
  });

  it('removes a parenthetical with both of its commas', () => {
    expect(viewOf('Hanoi and Manila agreed, in Hanoi on Friday, to share patrol data.')).toBe('Hanoi and Manila agreed to share patrol data.');
    expect(viewOf('The ministers, meanwhile, signed a protocol.')).toBe('The ministers signed a protocol.');
  });

  it('removes an adjunct before punctuation with the space before it', () => {
    expect(viewOf('The consul left on Sunday, officials said.')).toBe('The consul left, officials said.');
  });

  it('maps a view range back only when it crosses an elision and no elision is next to its edges', () => {
    const text = 'Yesterday the envoy was on Monday summoned again to the ministry.';
    const view = sentenceView(text)!;
    expect(view.text).toBe('the envoy was summoned to the ministry.');
    const at = (w: string) => view.text.indexOf(w);
    const range = (from: string, to: string) => toOriginal(view, at(from), at(to) + to.length);
    // "envoy ... to": crosses "on Monday" and "again"; its neighbours ("the", "the") are the original ones.
    const crossing = range('envoy', 'to')!;
    expect(text.slice(crossing.start, crossing.end)).toBe('envoy was on Monday summoned again to');
    expect(crossing.crossed.map((e) => e.rules)).toEqual([['constructions.time.weekday'], ['constructions.adverb.manner']]);
    // "envoy was summoned": "again" lies between it and the next word; "the envoy was": "Yesterday" before it.
    expect(range('envoy', 'summoned')).toBeNull();
    expect(range('the', 'was')).toBeNull();
    // "envoy": crosses nothing (the original sentence decides by itself).
    expect(range('envoy', 'envoy')).toBeNull();
  });

  it('is null for a sentence without adjuncts', () => {
    expect(sentenceView('Ankara recalled its ambassador.')).toBeNull();
  });
});

describe('trigger rules read across adjuncts', () => {
  /** "rule text via" of each trigger match. */
  const triggers = (text: string) => findTriggers(text).map((m) => `${m.rule.name} "${m.text}"${m.via ? ` via ${m.via}` : ''}`);

  it.each([
    // passive verb group with a time phrase or an adverb between auxiliary and participle
    ['The Dutch envoy was on Friday summoned over the remarks.', 'accusation.summoned-passive "envoy was on Friday summoned" via constructions.time.weekday'],
    ['Their ambassador was yesterday summoned to explain.', 'accusation.summoned-passive "ambassador was yesterday summoned" via constructions.time.relative'],
    ['Riga said its ambassador had been formally recalled.', 'sanction.recalled-envoy "ambassador had been formally recalled" via constructions.adverb.manner'],
    ['Canberra confirmed its envoy has been summarily recalled.', 'sanction.recalled-envoy "envoy has been summarily recalled" via constructions.adverb.ly-after-auxiliary'],
    // a prepositional phrase between the envoy noun and its verb
    ['The ambassador to the Philippines had been recalled for consultations.', 'sanction.recalled-envoy "ambassador to the Philippines had been recalled" via constructions.postnominal.envoy-pp'],
    ['Warsaw said the envoy to Minsk was on Tuesday summoned.', 'accusation.summoned-passive "envoy to Minsk was on Tuesday summoned" via constructions.postnominal.envoy-pp+constructions.time.weekday'],
    // a verb and its infinitive complement separated by place and date
    ['Ecuador and Peru agreed in Lima on June 3 to reopen the border.', 'agreement.agreed-to-act "agreed in Lima on June 3 to reopen" via constructions.place.name+constructions.time.date'],
    // a parenthetical that is not all adjuncts ("after midnight") stays: no reading across it
    ['The two parties agreed, after midnight on Sunday, to extend the truce.', undefined],
    ['The neighbours agreed yesterday in Doha to restore flights.', 'agreement.agreed-to-act "agreed yesterday in Doha to restore" via constructions.time.relative+constructions.place.name'],
  ])('%s', (text, expected) => {
    if (expected) expect(triggers(text)).toContain(expected);
    else expect(findTriggers(text).every((m) => m.via === undefined)).toBe(true);
  });

  it('gives original offsets and the original words to a view-only match', () => {
    const text = 'Oslo said the envoy to Tehran was late on Monday summoned.';
    const m = findTriggers(text).find((t) => t.via)!;
    expect(m.text).toBe(text.slice(m.start, m.end));
    expect(m.text).toBe('envoy to Tehran was late on Monday summoned');
    expect(m.elided).toEqual(['to Tehran', 'late on Monday']);
  });

  // findTriggers scans the view only up to the last elision (a match starting after it crosses none).
  it('finds a view-only match across the last of several elisions, and across the first', () => {
    expect(triggers('On Monday, Lima said its envoy was on Friday summoned.')).toContain(
      'accusation.summoned-passive "envoy was on Friday summoned" via constructions.time.weekday',
    );
    expect(triggers('Lima said its envoy was on Friday summoned, and talks followed on Monday.')).toContain(
      'accusation.summoned-passive "envoy was on Friday summoned" via constructions.time.weekday',
    );
  });

  it('keeps the original match that starts after the last elision (no view match there)', () => {
    const text = 'On Monday, the envoy was summoned.';
    expect(sentenceView(text)).not.toBeNull();
    expect(findTriggers(text).every((m) => m.via === undefined)).toBe(true);
    expect(findTriggers(text).length).toBeGreaterThan(0);
  });

  it('keeps the match of the original sentence when it already has one', () => {
    for (const text of ['Putin met on Monday with the visiting emir.', 'Tokyo on Thursday recalled its ambassador to Seoul.']) {
      const found = findTriggers(text);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((m) => m.via === undefined)).toBe(true);
    }
  });

  it('lets an act read across adjuncts hide a bare noun inside it, as in one scan', () => {
    expect(triggers('The minister arrived on Monday in Baku for talks.')).toEqual([
      'meeting.arrived-for "arrived on Monday in Baku for talks" via constructions.time.weekday',
    ]);
  });

  it.each([
    ['Hanoi vowed on Saturday to retaliate.', 'threat.vowed-retaliate'],
    ['The junta pledged yesterday to respond in kind.', 'threat.vowed-retaliate'],
  ])('reads a more specific act of another type than the bare verb the original matched: %s', (text, rule) => {
    const found = findTriggers(text);
    expect(found.map((m) => m.rule.name)).toEqual([rule]);
    expect(found[0]!.rule.type).toBe('threat');
  });

  it.each([
    'The envoy called on Monday for a halt to the shelling.',
    'Both ministers called late on Friday for calm along the border.',
  ])('replaces an original match that ends inside an adjunct ("called on| Monday"): %s', (text) => {
    expect(findTriggers(text)[0]?.rule.name).toBe('statement.called-for');
  });

  it('keeps the original rule when the view reads the same type of act', () => {
    const found = findTriggers('The premier threatened late on Monday to hit Oslo with new duties.');
    expect(found.map((m) => `${m.rule.name}${m.via ? ' via' : ''}`)).toEqual(['threat.hit-with']);
  });

  it('does not make an event from "in talks" or a negated verb group', () => {
    expect(findTriggers('Lithuania was in talks with Poland, officials said.').some((m) => m.via)).toBe(false);
    expect(triggers('The ambassador to Japan has not formally been summoned.')).toEqual([]);
    expect(triggers('Iran’s envoy in Kabul was not on Monday summoned.')).toEqual([]);
  });
});

describe('modality, dates and traces still read the original sentence', () => {
  it('keeps a future or conditional verb group planned or hypothetical', () => {
    const planned = candidates('The ministers are expected to have agreed later this month to extend the truce.');
    expect(planned.map((c) => `${c.type} ${c.modality}`)).toContain('agreement planned');
    const conditional = candidates('If the envoy to Oslo had been formally recalled, the talks would have collapsed.');
    expect(conditional.map((c) => `${c.type} ${c.modality}`)).toContain('sanction hypothetical');
  });

  it('extracts the act with the day that was read across, and names the adjunct rule in the trace', () => {
    const seg = segOf('Bogota said the ambassador to Caracas was on Monday summoned over the border incident.');
    const { events } = extractDocument(seg, createActorResolver(), { trace: true });
    const summons = events.find((e) => e.type === 'accusation');
    expect(summons?.date).toBe('2025-07-14');
    expect(summons?.trace?.map((s) => s.rule)).toContain('constructions.postnominal.envoy-pp+constructions.time.weekday');
  });
});
