/**
 * Issue 9, "act never found" (tests/blind3/DIAGNOSIS.md P1): acts told without their usual verb.
 *   - a word class of diplomatic staff (DIPLOMATIC_STAFF in event-rules.json macros) shared by the
 *     expulsion rules, so that "an embassy employee" or "a staffer" is expelled like "a diplomat";
 *   - an expulsion told as a declaration noun ("its declaration of ... as unwelcome") or as an order for
 *     a departure ("a directive requiring the departure of ...");
 *   - the act of a document in the document's relative clause ("a press release which rejected ...",
 *     events.context.documentRelative), while other relative clauses stay mentions.
 * Every sentence is written for this test (articles published Tuesday 2025-07-15).
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import type { ExtractedEvent } from '../../scripts/pipeline/types.ts';
import { segOf } from './find-events-helpers.ts';

const actors = createActorResolver();
const extract = (body: string) => extractDocument(segOf(body), actors, { trace: true });
const brief = (e: ExtractedEvent) => `${e.type} ${e.date} ${e.countries.join(',')}`;
const rulesOf = (e: ExtractedEvent) => (e.trace ?? []).map((s) => s.rule);

describe('diplomatic staff word class in the expulsion rules', () => {
  it.each([
    ['Russia on Wednesday announced the expulsion of a Moldovan embassy employee.', 'sanction 2025-07-09 MDA,RUS'],
    ['Lithuania expelled a Belarusian embassy staffer on Friday over espionage claims.', 'sanction 2025-07-11 BLR,LTU'],
    ['The expulsion of two Estonian staff members from the embassy in Moscow was confirmed on Monday by Russia.', 'sanction 2025-07-14 EST,RUS'],
  ])('%s', (body, expected) => {
    const events = extract(body).events;
    expect(events.map(brief)).toEqual([expected]);
  });

  it('announcing an expulsion is the expulsion, not a statement', () => {
    const [e] = extract('Hungary on Thursday announced the expulsion of an employee of the Ukrainian consulate.').events;
    expect(e?.type).toBe('sanction');
    expect(rulesOf(e!)).toContain('sanction.expelled');
  });

  it('an employee that is not expelled is no sanction', () => {
    const types = extract('Poland praised an employee of the German embassy on Monday for her work on the rail project.').events.map((e) => e.type);
    expect(types).not.toContain('sanction');
  });
});

describe('an expulsion told as a noun or as an ordered departure', () => {
  it.each([
    ["Niger's declaration of three French diplomats as unwelcome came on Sunday.", 'sanction 2025-07-13 FRA,NER'],
    ['Mali on Friday confirmed the designation of a Swedish attaché as persona non grata.', 'sanction 2025-07-11 MLI,SWE'],
    ['Guinea has issued a decree requiring the departure of two Senegalese diplomats within 48 hours.', 'sanction 2025-07-15 GIN,SEN'],
    ['On Saturday Bolivia demanded the immediate exit of the Peruvian envoys from La Paz.', 'sanction 2025-07-12 BOL,PER'],
  ])('%s', (body, expected) => {
    const events = extract(body).events;
    expect(events.map(brief)).toContain(expected);
    const e = events.find((x) => x.type === 'sanction')!;
    expect(rulesOf(e).some((r) => r === 'sanction.declared-unwelcome' || r === 'sanction.ordered-departure' || r === 'sanction.persona-non-grata')).toBe(true);
  });

  it.each([
    // the departure of a minister from a summit is no order
    'The Brazilian minister arrived in Lima on Monday, shortly before the departure of the Chilean delegation.',
    // a declaration that is an agreement, not an expulsion
    'Kenya and Ethiopia signed a declaration on Monday on border trade with their diplomats present.',
  ])('no sanction: %s', (body) => {
    expect(extract(body).events.map((e) => e.type)).not.toContain('sanction');
  });
});

describe('the act of a document in its relative clause', () => {
  it.each([
    ['Congo answered a press release issued by Rwanda on Monday which rejected the accusations of backing the rebels.', 'accusation'],
    ['Ghana sent a diplomatic note on Friday that condemned the detention of its fishermen by Togo.', 'accusation'],
    ['Algeria published a communiqué on Sunday which denounced the French decision.', 'accusation'],
  ])('%s', (body, type) => {
    const events = extract(body).events;
    const e = events.find((x) => rulesOf(x).includes('events.context.documentRelative'));
    expect(e?.type).toBe(type);
  });

  it.each([
    // a person's relative clause stays a mention
    'The official who condemned the strikes on Monday resigned from the Egyptian cabinet.',
    // a document noun far before the relative clause
    'A letter arrived, and the minister said that nothing had changed in the talks; the senator who condemned it was absent.',
  ])('a relative clause of another noun is no news: %s', (body) => {
    for (const e of extract(body).events) expect(rulesOf(e)).not.toContain('events.context.documentRelative');
  });

  it('keeps the drop trace when the antecedent is not a document', () => {
    const r = extract('The envoy who rejected the claims on Monday left Kigali.');
    const rules = (r.droppedTraces ?? []).flat().map((s) => s.rule);
    expect(rules).toContain('events.clause.noNews');
  });
});

describe('a warning participle after the main clause (RESPONSE_MEASURE word class)', () => {
  it.each([
    'The Belarusian foreign ministry on Thursday accused Warsaw of a hostile policy, warning that Minsk would respond with asymmetric measures.',
    'Beijing criticised the arms sale to Taipei on Friday, warning also that it would answer with tough and reciprocal steps.',
  ])('the warning is a threat of its own: %s', (body) => {
    const events = extract(body).events;
    expect(events.map((e) => e.type)).toEqual(['accusation', 'threat']);
    const threat = events[1]!;
    expect(rulesOf(threat)).toContain('events.context.participleAct');
  });

  it('a warning with a response measure is a threat, read by the warned-will rule', () => {
    const [e] = extract('The Iranian foreign ministry warned on Monday that Tehran would react with proportionate measures to any new sanctions.').events;
    expect(e?.type).toBe('threat');
    expect(rulesOf(e!)).toContain('threat.warned-will');
  });

  it.each([
    // responding with steps that are not punitive
    'The Kenyan president said on Monday his government would respond with new investment plans for the border towns.',
    // a measure that was taken, not threatened
    'Latvia responded on Monday to the closure of its consulate by summoning the Russian chargé.',
  ])('no threat: %s', (body) => {
    expect(extract(body).events.map((e) => e.type)).not.toContain('threat');
  });
});

describe('a dated fact stated inside a quotation (events.context.quotedFact)', () => {
  it.each([
    ['"As the launch of a cruise missile by North Korea this morning shows, the threat keeps growing," the Japanese premier told reporters in Seoul.', 'military'],
    ['"On July 9, the Lithuanian ambassador was handed a note declaring a Belarusian embassy employee persona non grata," the ministry said in Minsk.', 'sanction'],
  ])('%s', (body, type) => {
    const events = extract(body).events;
    const e = events.find((x) => rulesOf(x).includes('events.context.quotedFact'));
    expect(e?.type).toBe(type);
  });

  it.each([
    // no day of its own in the quoted clause
    '"Missile launches only make the peninsula less safe," the South Korean minister said on Monday.',
    // a plan with a day is not a fact
    '"We will hold naval drills with the Philippines on Thursday," the Japanese defence minister said on Monday.',
    // a quoted meeting is a retelling of the article's own report, not kept through this rule
    '"Today I met the Kenyan president for talks on trade," the Ugandan leader wrote on Monday.',
  ])('not a quoted fact: %s', (body) => {
    for (const e of extract(body).events) expect(rulesOf(e)).not.toContain('events.context.quotedFact');
  });

  it('keeps the quotedSpeech drop trace for undated quoted acts', () => {
    const r = extract('"Missile launches only make the peninsula less safe," the South Korean minister said on Monday.');
    expect((r.droppedTraces ?? []).flat().map((s) => s.rule)).toContain('events.quotedSpeech');
  });
});
