/**
 * Classes 3 and 4 of tests/blind10/DIAGNOSIS.md "Top classes to fix", on phrasings written for the test
 * (articles published Tuesday 2025-07-15): an explicit day in the act's own clause beats the vague-period,
 * background and repeated-noun filters, and the acts told as its parts take its day; a retelling by another
 * state gives no day. Traces name the rule ids.
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import type { ExtractedEvent } from '../../scripts/pipeline/types.ts';
import { segOf } from './find-events-helpers.ts';

const actors = createActorResolver();
const extract = (body: string) => extractDocument(segOf(body), actors, { trace: true }).events;
const rules = (e: ExtractedEvent | undefined) => (e?.trace ?? []).map((s) => `${s.rule} ${s.action} ${s.detail ?? ''}`).join('\n');

describe('an explicit day in the act\'s own clause (class 3)', () => {
  it('beats a vague period that holds it: dates.select.day-in-period', () => {
    const visit = extract('Earlier, on February 3 this year, the Georgian prime minister paid an official visit to Armenia.').find((e) => e.type === 'visit');
    expect(visit?.date).toBe('2025-02-03');
    expect(rules(visit)).toContain('dates.select.day-in-period');
    // A period with no day stays vague.
    expect(extract('Earlier this year, the Georgian prime minister paid an official visit to Armenia.')).toEqual([]);
  });
  it('beats a background cue: events.context.ownDayOverBackground', () => {
    const visit = extract('The Indonesian president arrived in Canberra on Monday 14 July, his first trip to Australia since 2019.').find((e) => e.type === 'visit');
    expect(visit?.date).toBe('2025-07-14');
    expect(rules(visit)).toContain('events.context.ownDayOverBackground');
  });
  it('beats the repeated-noun filter: events.context.repeatedNounCalendarDay', () => {
    const events = extract('The Malaysian prime minister arrived in Jakarta on Monday. He was last in Indonesia on March 20, on a working visit.');
    expect(events.filter((e) => e.type === 'visit').map((e) => e.date).sort()).toEqual(['2025-03-20', '2025-07-14']);
    expect(rules(events.find((e) => e.date === '2025-03-20'))).toContain('events.context.repeatedNounCalendarDay');
  });
  it('dates the acts told as its parts: dates.resolver.dated-frame (and visit-parts)', () => {
    const events = extract('Earlier, on April 8 this year, the Uzbek president paid a state visit to Turkmenistan. He held talks with his Turkmen counterpart in Ashgabat. The two sides also signed a treaty during that visit.');
    expect(events.filter((e) => e.type !== 'visit').map((e) => `${e.type} ${e.date}`).sort()).toEqual(['agreement 2025-04-08', 'meeting 2025-04-08']);
    expect(rules(events.find((e) => e.type === 'meeting'))).toContain('dates.resolver.dated-frame.visit-parts');
    expect(rules(events.find((e) => e.type === 'agreement'))).toContain('dates.resolver.dated-frame');
  });
});

describe('a day from another state\'s act (class 4): dates.retelling.same-agent', () => {
  it('a like act by another state later is no retelling of the lead', () => {
    const events = extract('Estonia expelled a Russian diplomat for spying, the foreign ministry in Tallinn said. Finland expelled two Russian diplomats on Friday over similar charges.');
    const est = events.find((e) => e.countries.includes('EST'));
    expect(est?.date).toBe('2025-07-15');
    expect(rules(est)).toContain('dates.retelling.same-agent');
    expect(events.find((e) => e.countries.includes('FIN'))?.date).toBe('2025-07-11');
  });
  it('a retelling by the same state still gives its day', () => {
    const events = extract('Japan lodged a protest with China over the detention of a Japanese national. Tokyo lodged the protest on Monday through diplomatic channels, a spokesman said.');
    expect(events.find((e) => e.type === 'accusation')?.date).toBe('2025-07-14');
  });
});
