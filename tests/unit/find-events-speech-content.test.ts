/**
 * Speech typed by what is said (issue 9, blind5 DIAGNOSIS item 1): a speaker's own measure reported
 * as decided or under way is the sanction (events.context.decidedMeasure); a warning that an act
 * "will receive a response" or that a state "will be responsible for the consequences" is a threat
 * (events.speech-content.threat); the same threatening words quoted again later with no day are the
 * remark told again (events.context.speechRetold). Sentences written for the test (articles published
 * Tuesday 2025-07-15).
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import { segOf } from './find-events-helpers.ts';
import type { ExtractedEvent } from '../../scripts/pipeline/types.ts';

const actors = createActorResolver();
const run = (body: string) => extractDocument(segOf(body), actors, { trace: true });
const extract = (body: string) => run(body).events;
const brief = (e: ExtractedEvent) => `${e.type} ${e.date} ${e.countries.join(',')}`;
const rulesOf = (e: ExtractedEvent | undefined) => (e?.trace ?? []).map((s) => s.rule);

describe('a measure the speaker reports as decided or under way is the sanction (events.context.decidedMeasure)', () => {
  it.each([
    ['"As a reply, Chile has decided to recall its ambassador from Peru," the Chilean foreign ministry said in a statement on Monday.', 'sanction 2025-07-14 CHL,PER'],
    ['"Bolivia has decided today to break diplomatic relations with Paraguay," its foreign minister said on Monday.', 'sanction 2025-07-14 BOL,PRY'],
    ['A government statement said on Saturday that Mali had decided to end with immediate effect its defence cooperation agreement with France.', 'sanction 2025-07-12 FRA,MLI'],
  ])('%s', (body, expected) => {
    const events = extract(body);
    expect(events.map(brief)).toEqual([expected]);
    expect(rulesOf(events[0])).toContain('events.context.decidedMeasure');
  });

  it('a pact reported as being broken off is the sanction (read by the pact trigger itself since sanction.suspended-pact)', () => {
    const events = extract('Chad announced on Sunday that it was breaking off its military cooperation accord with France.');
    expect(events.map(brief)).toEqual(['sanction 2025-07-13 FRA,TCD']);
  });

  it('"denounce the agreement" in a decision is the end of a pact, not an accusation', () => {
    const events = extract('The junta said on Saturday that it had decided to "denounce with immediate effect" the defence agreement with Canada.');
    expect(events.map((e) => e.type)).toEqual(['sanction']);
  });

  it.each([
    // a condition before the decision: still speech
    'Officials said on Monday that if Chile has decided to recall its ambassador from Peru, talks will stop.',
    // a passive after "were": no measure under way
    'The foreign ministry said on Monday that the diplomats were expelled years ago from Peru by Chile.',
    // a decision that is no measure
    '"Chile has decided to send a delegation to the summit in Peru," the foreign ministry said on Monday.',
  ])('no decided measure: %s', (body) => {
    const events = run(body).events;
    expect(events.some((e) => rulesOf(e).includes('events.context.decidedMeasure'))).toBe(false);
  });
});

describe('a warning of a response or of consequences is a threat (events.speech-content.threat)', () => {
  it.each([
    ["Iran's foreign minister said on Thursday that attacks on civilians will receive a firm response and Israel will be responsible for the consequences.", 'threat 2025-07-10'],
    ['A Kremlin spokeswoman said on Friday that Moscow will respond to the new Canadian sanctions with "swift and painful" countermeasures.', 'threat 2025-07-11'],
    ['Tehran will hold London responsible for all the consequences, the Iranian foreign ministry said on Monday.', 'threat 2025-07-14'],
  ])('%s', (body, expected) => {
    const events = extract(body);
    expect(events.map((e) => `${e.type} ${e.date}`)).toEqual([expected]);
    expect(rulesOf(events[0])).toContain('events.speech-content.threat');
  });

  it('a request that will receive an answer is no threat', () => {
    const events = extract('The Kenyan minister said on Monday that the request from Uganda will receive an answer next week.');
    expect(events.some((e) => e.type === 'threat')).toBe(false);
  });
});

describe('threatening words quoted again with no day are the remark told again (events.context.speechRetold)', () => {
  const lead = "Iran's foreign minister said on Thursday that the killing of civilians will receive a response from its allies.";
  const filler = 'The fighting in the region has gone on for a week. Aid groups have called for a pause.';

  it('the later quotation with the same words is dropped', () => {
    const r = run(`${lead}\n\n${filler}\n\n"Such crimes will receive a response from our friends in the region," the minister said.`);
    expect(r.events.filter((e) => e.type === 'threat')).toHaveLength(1);
    expect((r.droppedTraces ?? []).some((t) => t.some((s) => s.rule === 'events.context.speechRetold'))).toBe(true);
  });

  it('other threatening words are a threat of their own', () => {
    const r = run(`${lead}\n\n${filler}\n\n"Israel will be responsible for the consequences," a second official said on Friday.`);
    expect(r.events.filter((e) => e.type === 'threat').map((e) => e.date)).toEqual(['2025-07-10', '2025-07-11']);
    expect((r.droppedTraces ?? []).some((t) => t.some((s) => s.rule === 'events.context.speechRetold'))).toBe(false);
  });

  it('the same words with a day of their own are a new remark', () => {
    const r = run(`${lead}\n\n${filler}\n\nThe minister said on Saturday that the crimes will receive a response.`);
    expect(r.events.filter((e) => e.type === 'threat').map((e) => e.date)).toEqual(['2025-07-10', '2025-07-12']);
  });
});

describe('calling an act a stern or serious warning is a threat (events.speech-content.threat)', () => {
  it.each([
    ['Beijing said on Monday that the naval patrols around the islands were meant to send a "stern warning" to Manila.', 'threat 2025-07-14'],
    ['The Kremlin said on Friday that the missile launch was a serious warning to Warsaw.', 'threat 2025-07-11'],
  ])('%s', (body, expected) => {
    const events = extract(body);
    expect(events.map((e) => `${e.type} ${e.date}`)).toContain(expected);
  });

  it('a warning of no such weight stays a statement', () => {
    const events = extract('Canberra said on Monday that the report was a timely warning about rising sea levels in the Pacific.');
    expect(events.map((e) => e.type)).toEqual(['statement']);
  });
});

describe('a rejection reported through a speech verb is an accusation (events.speech-content.accusation)', () => {
  it.each([
    ['In reply, the Austrian foreign ministry said on Monday that "the junta has no authority" to order its envoy out of Bamako.', 'accusation 2025-07-14'],
    ['Lithuania said on Friday that the trial of the activist in Minsk was politically motivated.', 'accusation 2025-07-11'],
    ['The Serbian government said on Sunday that the remarks of the Croatian minister were absolutely unacceptable.', 'accusation 2025-07-13'],
    ['Armenia said on Saturday that the reports spread by Baku were fabricated claims.', 'accusation 2025-07-12'],
  ])('%s', (body, expected) => {
    const events = extract(body);
    expect(events.map((e) => `${e.type} ${e.date}`)).toEqual([expected]);
    expect(rulesOf(events[0])).toContain('events.speech-content.accusation');
  });

  it.each([
    ['Ghana on Monday urged Togo to respect the sovereignty of Benin.', 'accusation 2025-07-14 GHA,TGO'],
    ['Peru said on Friday that the region must press Chile to fully respect the territorial integrity of its neighbours.', 'accusation 2025-07-11 CHL,PER'],
  ])('a demand that another state respect sovereignty says it does not: %s', (body, expected) => {
    const events = extract(body);
    expect(events.map(brief)).toEqual([expected]);
    expect(rulesOf(events[0])).toContain('events.speech-content.accusation');
  });

  it('a state saying it respects a neighbour\'s sovereignty stays a statement', () => {
    const events = extract('Ghana said on Monday that it respects the sovereignty and territorial integrity of Togo.');
    expect(events.map((e) => e.type)).toEqual(['statement']);
  });

  it('a position with none of those words stays a statement', () => {
    const events = extract('The Serbian government said on Sunday that relations with Croatia would keep improving.');
    expect(events.map((e) => e.type)).toEqual(['statement']);
  });
});
