/**
 * Issue 9, classes that recur across the blind sets (tests/blind8/DIAGNOSIS.md, section 4):
 * - class 5: an official readout quoted whole after "read:" tells the act in the third person, so the
 *   act of its first sentence is an event (events.context.quotedReadout);
 * - class 16: a speech named as the cause of another state's reaction, with a day of its own, is an
 *   accusation of its own on that day (events.context.causeSpeech).
 * Every sentence is written for this test (articles published Tuesday 2025-07-15), with negative cases.
 */
import { describe, expect, it } from 'vitest';
import { brief, extractBody, rulesOf } from './find-events-helpers.ts';

describe('the first sentence of an official readout quoted whole is narrative (events.context.quotedReadout)', () => {
  it.each([
    [
      'The foreign ministry issued a readout of the call. The readout read:\n"Nigerian Foreign Minister Amina Okafor spoke today with Kenyan Foreign Minister Musalia Mudavadi to discuss the drought in the region."',
      'meeting 2025-07-15 KEN,NGA',
    ],
    [
      'A press release from the Chilean ministry said: "Minister Alberto van Klaveren met yesterday with the Peruvian ambassador in Santiago to review border trade."',
      'meeting 2025-07-14 CHL,PER',
    ],
  ])('%s', (body, expected) => {
    const events = extractBody(body);
    const found = events.find((e) => brief(e) === expected);
    expect(found, events.map(brief).join('; ')).toBeDefined();
    expect(rulesOf(found)).toContain('events.context.quotedReadout');
  });

  it.each([
    // first person: the speaker's own voice
    'The Chilean minister said: "We met the Peruvian ambassador today and agreed to talk again."',
    // an ordinary quote after "said", no colon: speech
    'The Chilean minister said "the president met the Peruvian ambassador to discuss trade" and left.',
    // a later sentence of the quotation is not the readout's opening
    'A press release from the Chilean ministry read: "The border was calm today. Minister van Klaveren met the Peruvian ambassador in Santiago."',
  ])('stays speech: %s', (body) => {
    const events = extractBody(body);
    expect(events.some((e) => rulesOf(e).includes('events.context.quotedReadout'))).toBe(false);
  });
});

describe("a dated speech named as the cause of another state's reaction is an accusation of its own (events.context.causeSpeech)", () => {
  it.each([
    [
      "Chile reprimanded Peru's ambassador on Monday for the Peruvian president's speech on Sunday in which she accused Chile of stealing water.",
      ['accusation 2025-07-13 CHL,PER', 'accusation 2025-07-14 CHL,PER'],
    ],
    [
      'Mali expelled the French ambassador on Monday after comments Friday from the French foreign minister saying the junta was illegitimate.',
      ['accusation 2025-07-11 FRA,MLI', 'sanction 2025-07-14 FRA,MLI'],
    ],
  ])('%s', (body, expected) => {
    const events = extractBody(body);
    expect(events.map(brief).sort()).toEqual(expected);
    const speech = events.find((e) => rulesOf(e).includes('events.context.causeSpeech'));
    expect(speech?.date).toBe(expected[0]!.split(' ')[1]);
  });

  it.each([
    // no day of its own: the speech stays the reaction's cause
    "Chile reprimanded Peru's ambassador on Monday for the Peruvian president's speech in which she accused Chile of stealing water.",
    // "for comments on the border": a topic, not a day
    "Chile summoned Peru's ambassador on Monday over comments on the border dispute.",
    // the reaction did not happen
    "Chile may summon Peru's ambassador over the Peruvian president's speech on Sunday.",
  ])('no speech event: %s', (body) => {
    const events = extractBody(body);
    expect(events.some((e) => rulesOf(e).includes('events.context.causeSpeech'))).toBe(false);
  });
});
