/**
 * Acts reported through a speech verb (issue 9, blind4 DIAGNOSIS P2): the event is the act the
 * speech reports, not the speech. Sentences written for the test (articles published Tuesday
 * 2025-07-15); traces name the rule ids that decided.
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import { segOf } from './find-events-helpers.ts';
import type { ExtractedEvent } from '../../scripts/pipeline/types.ts';

const actors = createActorResolver();
const extract = (body: string) => extractDocument(segOf(body), actors, { trace: true }).events;
const brief = (e: ExtractedEvent) => `${e.type} ${e.date} ${e.countries.join(',')}`;
const rulesOf = (e: ExtractedEvent | undefined) => (e?.trace ?? []).map((s) => s.rule);

describe('a quotation mark around the object word does not block a lexicon frame; people as a strike\'s targets', () => {
  it.each([
    ['Ankara said on Saturday that it had hit 31 “targets” in northern Iraq.', 'military 2025-07-12'],
    ['Israel on Sunday said it had struck 12 "targets" belonging to the group in Lebanon.', 'military 2025-07-13'],
    ['The army destroyed several “positions” of the rebels near the border on Monday, Kigali said.', 'military 2025-07-14'],
    ['Sources told the agency that on Sunday evening Pakistani drones targeted fighters of the group in Khost, Afghanistan.', 'military 2025-07-13'],
  ])('%s', (body, expected) => {
    const events = extract(body);
    expect(events.map((e) => `${e.type} ${e.date}`)).toContain(expected);
    expect(events.some((e) => e.type === 'statement')).toBe(false);
  });

  it('a target without a strike verb is still no act', () => {
    expect(extract('Officials said the “targets” of the new tariffs were chosen carefully on Monday.').some((e) => e.type === 'military')).toBe(false);
  });
});

describe('an exercise noun announced by a speech verb is the military act (events.context.announcedAct)', () => {
  it.each([
    ['The Chinese navy announced the drills on Saturday near Taiwan.', 'military 2025-07-12'],
    ["Russia's Black Sea fleet confirmed the exercises on Monday, the defence ministry in Moscow said.", 'military 2025-07-14'],
    ['North Korea announced its new war games on Sunday, aimed at South Korea.', 'military 2025-07-13'],
  ])('%s', (body, expected) => {
    const events = extract(body);
    const act = events.find((e) => e.type === 'military');
    expect(act && `${act.type} ${act.date}`).toBe(expected);
    expect(rulesOf(act)).toContain('events.context.announcedAct');
  });

  it('a bare exercise noun with no announcing verb is no event', () => {
    expect(extract('Observers watched the drills from a hill on Monday.').some((e) => e.type === 'military')).toBe(false);
  });
});

describe('a firm future sanction announced by a speech verb is the sanction (events.context.announcedMeasure)', () => {
  it.each([
    ['Ecuador will impose a 20% tariff on goods from Peru from August 1, President Noboa said on Monday.', 'sanction 2025-07-14 ECU,PER'],
    ['Lithuania will expel two Russian diplomats, the foreign ministry said on Friday.', 'sanction 2025-07-11 LTU,RUS'],
    ['Canada is to expel three Chinese diplomats, the government said on Sunday.', 'sanction 2025-07-13 CAN,CHN'],
    ['Chile will "definitively" withdraw its ambassador from Bolivia, the foreign minister said on Monday.', 'sanction 2025-07-14 BOL,CHL'],
  ])('%s', (body, expected) => {
    const events = extract(body);
    expect(events.map(brief)).toEqual([expected]);
    expect(rulesOf(events[0])).toContain('events.context.announcedMeasure');
  });

  it('words that threaten stay a threat (events.speech-content.threat decides first)', () => {
    expect(extract('Canada said on Sunday it will impose sanctions on Iranian officials.').map((e) => e.type)).toEqual(['threat']);
  });

  it.each([
    ['Ecuador could impose a tariff on goods from Peru, President Noboa said on Monday.'],
    ['Ecuador will impose a tariff on goods from Peru if talks fail, President Noboa said on Monday.'],
    ['Peru warned on Monday that Ecuador will impose a tariff on its goods.'],
    ['Lithuania will not expel Russian diplomats, the foreign ministry said on Friday.'],
  ])('not firm, or not this speaker’s measure: %s', (body) => {
    expect(extract(body).some((e) => e.type === 'sanction')).toBe(false);
  });
});

describe('a word the report quotes keeps the future of its verb group (modality.planned)', () => {
  it('"will \u201cfirmly\u201d withdraw" with no speech verb is planned, no event', () => {
    expect(extract('Chile will “firmly” withdraw its ambassador from Bolivia next month.')).toEqual([]);
  });
});

describe('reaction verbs outside the plain speech list (lex.010.make-it-clear / make-clear, lex.010.consider)', () => {
  it.each([
    ["Chile's foreign ministry made it clear yesterday that no foreign troops would operate on its soil.", 'statement 2025-07-14'],
    ['The Dutch government considered Friday that the remarks of the Turkish minister were out of place.', 'statement 2025-07-11'],
    ['Norway made clear on Sunday that it would keep its embassy in Caracas open.', 'statement 2025-07-13'],
  ])('%s', (body, expected) => {
    const events = extract(body);
    expect(events.map((e) => `${e.type} ${e.date}`)).toEqual([expected]);
    expect(rulesOf(events[0]).some((r) => ['lex.010.make-it-clear', 'lex.010.make-clear', 'lex.010.consider'].includes(r))).toBe(true);
  });

  it.each([
    ['The Greek government considered Monday that the Turkish claims about the islands were baseless.'],
    ['Hungary made it clear on Sunday that it found the Slovak remarks regrettable.'],
  ])('a rejection calling the other side regrettable or baseless is an accusation (events.speech-content.accusation): %s', (body) => {
    const events = extract(body);
    expect(events.map((e) => e.type)).toEqual(['accusation']);
    expect(rulesOf(events[0])).toContain('events.speech-content.accusation');
  });

  it('"considered that option" names a thing, not a reaction', () => {
    expect(extract('The Dutch cabinet considered that option on Friday before the vote in The Hague.')).toEqual([]);
  });
});

describe('a bare reply right after talks answers the other side in them (events.context.replyInTalks)', () => {
  const run = (body: string) => extractDocument(segOf(body), actors, { trace: true });

  it('the reply is part of the call, not a statement of its own', () => {
    const out = run(
      "Kenya's foreign minister spoke by phone with his Ugandan counterpart on Monday, the ministry said.\n\nThe Ugandan minister, in response, expressed interest in a joint trade fair and suggested the two sides keep in close contact.",
    );
    expect(out.events.map(brief)).toEqual(['meeting 2025-07-14 KEN,UGA']);
    expect(out.droppedTraces!.some((t) => t.some((s) => s.rule === 'events.context.replyInTalks'))).toBe(true);
  });

  it('a reply after a sanction is still a response of its own', () => {
    const events = extract(
      'Mali ordered the French ambassador to leave the country within 72 hours on Monday.\n\nIn response, the French foreign ministry said the junta had no authority to take the decision.',
    );
    expect(events.map(brief)).toEqual(['sanction 2025-07-14 FRA,MLI', 'accusation 2025-07-14 FRA,MLI']);
  });
});
