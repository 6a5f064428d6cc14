/**
 * Issue 9, category 1 (tests/blind2/DIAGNOSIS.md P1): a second act carried by another construction
 * than the clause's verb. Every sentence is written for this test (articles published Tuesday
 * 2025-07-15), at least two wordings per construction, with negative cases.
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import type { ExtractedEvent } from '../../scripts/pipeline/types.ts';
import { candidates, segOf } from './find-events-helpers.ts';

const actors = createActorResolver();
const extract = (body: string) => extractDocument(segOf(body), actors, { trace: true });
/** "type date COUNTRIES" of each extracted event, in text order. */
const brief = (e: ExtractedEvent) => `${e.type} ${e.date} ${e.countries.join(',')}`;
const briefs = (body: string) => extract(body).events.map(brief);
const rulesOf = (e: ExtractedEvent) => (e.trace ?? []).map((s) => s.rule);

describe('an act named as a noun in an adjunct of another act is an event of its own', () => {
  it.each([
    // after / following + possessive + noun, with the adjunct's own day
    ['The Kenyan and Ugandan presidents signed two pipeline accords following their closed-door meeting in Kampala on Thursday.', 'meeting 2025-07-10 KEN,UGA'],
    // during + possessor's visit to a place
    ['Vietnam and Indonesia signed four trade deals on Monday during the Indonesian president\u2019s visit to Hanoi.', 'visit 2025-07-14 IDN,VNM'],
    ['During his state visit to Seoul on Sunday, the Polish president signed an arms contract with South Korea.', 'visit 2025-07-13 KOR,POL'],
    // after + gerund meeting with a counterpart
    ['Colombia will review its coal exports, President Petro said after meeting Saturday with the Brazilian president Lula.', 'meeting 2025-07-12 BRA,COL'],
    // after talks with
    ['Egypt and Qatar agreed to set up a joint investment fund after talks between their foreign ministers in Doha on Wednesday.', 'meeting 2025-07-09 EGY,QAT'],
  ])('%s', (body, expected) => {
    const events = extract(body).events;
    const adjunct = events.find((e) => rulesOf(e).includes('events.context.adjunctAct'));
    expect(adjunct && brief(adjunct)).toBe(expected);
    // The clause's own act stays an event too.
    expect(events.length).toBe(2);
  });

  it('keeps what was said after a meeting as a statement of its own', () => {
    const types = extract('Colombia will review its coal exports, President Petro said on Sunday after meeting Saturday with the Brazilian president Lula.').events.map((e) => e.type);
    expect(types).toContain('meeting');
  });

  it.each([
    // before / ahead of: the act named may not have happened
    'Germany and Poland signed a rail accord on Monday ahead of the summit in Warsaw.',
    'Germany and Poland signed a rail accord on Monday, before the visit of the Polish premier to Berlin next week.',
    // a planned noun
    'Germany and Poland signed a rail accord on Monday during the upcoming visit of the chancellor to Warsaw.',
    'Norway and Sweden signed an energy pact on Thursday at the planned summit in Oslo.',
  ])('does not make an event of a planned or later act: %s', (body) => {
    expect(extract(body).events.map((e) => e.type)).toEqual(['agreement']);
  });

  it.each([
    'Japan and Australia will sign a defence pact during the Japanese premier\u2019s visit to Canberra next week.',
    'The two presidents are expected to sign the accord following their meeting in Nairobi on Friday.',
  ])('makes no act of an adjunct of a planned act: %s', (body) => {
    expect(extract(body).events).toEqual([]);
  });

  it.each([
    // the noun names the clause's own act: one meeting, not two
    ['The Thai and Cambodian ministers met in Kuala Lumpur on Monday during talks on the border.', ['meeting']],
    ['Modi visited Tokyo on Friday during his trip to Japan.', ['visit']],
  ])('does not duplicate the clause\u2019s own act: %s', (body, expected) => {
    expect(extract(body).events.map((e) => e.type)).toEqual(expected);
  });

  it('leaves a bare "the meeting" to the act told elsewhere, with a trace', () => {
    const out = extract("Japan and Canada condemned Iran's drone exports, according to a communique released after the meeting.");
    expect(out.events.every((e) => e.type === 'accusation')).toBe(true);
    expect(out.droppedTraces!.some((t) => t.at(-1)?.rule === 'events.context.adjunctReference')).toBe(true);
  });

  it('names the construction in the trace', () => {
    const [, meeting] = candidates('Egypt and Qatar agreed to set up a joint investment fund after talks between their foreign ministers in Doha on Wednesday.');
    expect(meeting?.trace?.some((s) => s.rule === 'events.context.adjunctAct' && s.action === 'own event')).toBe(true);
    expect(meeting?.rule).toMatch(/\(adjunct\)$/u);
  });
});

describe('a clause with two adjuncts of one kind reads each of them (events.context.adjunctSecond)', () => {
  it.each([
    // second adjunct in its own clause after a comma
    ['Kenya and Uganda signed two accords during their talks in Kampala on Thursday, following their trilateral meeting with the Tanzanian president earlier that day.', 'meeting 2025-07-10 KEN,TZA,UGA'],
    // second adjunct in the same clause, no comma
    ['Peru and Chile signed a fisheries pact during their talks in Lima on Monday after their joint meeting with the Bolivian president.', 'meeting 2025-07-14 BOL,CHL,PER'],
  ])('%s', (body, expected) => {
    const events = extract(body).events;
    const second = events.find((e) => rulesOf(e).includes('events.context.adjunctSecond'));
    expect(second && brief(second)).toBe(expected);
    // the clause's act and the first adjunct stay events too
    expect(events.map((e) => e.type).sort()).toEqual(['agreement', 'meeting', 'meeting']);
  });

  it('reads one adjunct when the two nouns are one phrase', () => {
    const events = extract('Peru and Chile signed a fisheries pact on Monday during talks and meetings in Lima.').events;
    expect(events.filter((e) => e.type === 'meeting')).toHaveLength(1);
    expect(events.some((e) => rulesOf(e).includes('events.context.adjunctSecond'))).toBe(false);
  });
});

describe('every candidate the events stage drops leaves a trace with a rule id', () => {
  it.each([
    ['Erdogan met Putin in Sochi on Monday, as his spokesman said the talks were useful.', 'events.context.speechInEvent'],
    ['Sudan and Chad held talks in Khartoum on Sunday. The ministers said they would open the border.', 'events.context.speechContainers'],
  ])('%s', (body, rule) => {
    const out = extract(body);
    expect(out.droppedTraces!.some((t) => t.at(-1)?.rule === rule && t[0]?.stage === 'events')).toBe(true);
  });

  it('keeps the drops of the events stage out of the extracted events', () => {
    const out = extract('Erdogan met Putin in Sochi on Monday and said the talks were useful.');
    expect(out.events.map((e) => e.type)).toEqual(['meeting']);
  });
});

describe('a participle clause after an act carries a second act of the same subject', () => {
  it.each([
    ['Hungary expelled two Ukrainian consuls on Friday, accusing them of spreading propaganda.', ['sanction', 'accusation']],
    ['Niger and Chad released a joint communique on Monday denouncing the raid, recalling their envoys from Libya.', ['accusation', 'sanction']],
  ])('%s', (body, expected) => {
    const found = candidates(body);
    expect(found.map((c) => c.type)).toEqual(expected);
    expect(found[1]?.trace?.some((s) => s.rule === 'events.context.participleAct')).toBe(true);
  });

  it.each([
    // a participle of speech is no second act
    ['Hungary expelled two Ukrainian consuls on Friday, saying they had broken the law.', ['sanction']],
    // a participle of the same kind is the same act
    ['Hungary expelled two Ukrainian consuls on Friday, expelling a military attache as well.', ['sanction']],
    // no comma: a reason, not a second act
    ['Hungary condemned Kyiv on Friday for expelling two consuls.', ['accusation']],
  ])('makes no second act of %s', (body, expected) => {
    expect(candidates(body).map((c) => c.type)).toEqual(expected);
  });
});

describe('first-person and quote-first speech', () => {
  it.each([
    ['"We agreed on several points and signed a joint declaration," the Kazakh president said of his talks with Xi.', 'agreement'],
    ['"I met the Turkish president in Ankara and we discussed the corridor," the Azerbaijani leader told reporters on Monday.', 'meeting'],
  ])('keeps an act the speaker reports of themselves inside a quotation: %s', (body, type) => {
    const found = candidates(body);
    expect(found.map((c) => c.type)).toContain(type);
    expect(found.find((c) => c.type === type)?.trace?.some((s) => s.rule === 'events.context.firstPersonAct')).toBe(true);
  });

  it.each([
    '"I am sure that the signing of this treaty will be historic," the Tajik president said on Friday.',
    '"We hope to sign a trade deal with Chile soon," the Peruvian minister said on Friday.',
    '"They signed a deal behind our backs," the Peruvian minister said on Friday.',
  ])('leaves other quoted acts as speech: %s', (body) => {
    expect(candidates(body).map((c) => c.type)).not.toContain('agreement');
  });

  it.each([
    'Laos and Thailand held talks in Vientiane on Friday. "The views of a few bloggers are not our policy," the Lao foreign ministry said in a statement on Saturday.',
    'Laos and Thailand held talks in Vientiane on Friday. The Thai foreign minister said in a post on X on Saturday that the border would stay open.',
  ])('keeps a statement dated after its written setting, even right after a meeting: %s', (body) => {
    const out = extract(body);
    expect(out.events.map((e) => e.type)).toEqual(['meeting', 'statement']);
    expect(out.events[1]?.trace?.some((s) => s.rule === 'events.context.speechSetting')).toBe(true);
  });

  it('leaves remarks at a briefing about the meeting just told to that meeting', () => {
    const out = extract('Laos and Thailand held talks in Vientiane on Friday. The talks went well, the Thai minister said at a briefing on Saturday.');
    expect(out.events.map((e) => e.type)).toEqual(['meeting']);
  });
});

describe('gatherings of an organisation in an adjunct', () => {
  it.each([
    'Latvia will shut one more border post, its prime minister told reporters after an EU summit held in Brussels on Thursday.',
    'Brazil and India signed a biofuel pact on the sidelines of the G20 summit in Rio on Monday.',
  ])('are no event of the sentence\'s parties: %s', (body) => {
    const out = extract(body);
    expect(out.events.map((e) => e.type)).not.toContain('meeting');
    expect(out.droppedTraces!.some((t) => t.at(-1)?.rule === 'events.context.adjunctGathering')).toBe(true);
  });
});

describe('a directive after a military act is a statement of its own', () => {
  it.each([
    'Russian forces struck the port of Odesa with missiles on Monday. Washington on Tuesday urged Moscow to pull its troops out of Ukraine.',
    'Russian forces struck the port of Odesa with missiles on Monday. The European Union on Tuesday called on Russia to withdraw its forces from Ukraine.',
  ])('%s', (body) => {
    const out = extract(body);
    expect(out.events.map((e) => e.type)).toEqual(['military', 'statement']);
    expect(out.droppedTraces!.some((t) => t.at(-1)?.rule === 'events.context.militaryTalk')).toBe(false);
  });

  it('still leaves a description of the strike just told to that strike', () => {
    const out = extract('Russian forces struck the port of Odesa with missiles on Monday. The army said the missiles hit two depots.');
    expect(out.events.map((e) => e.type)).toEqual(['military']);
  });
});
