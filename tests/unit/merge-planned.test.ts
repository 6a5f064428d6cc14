/**
 * merge.planned-vs-held (scripts/pipeline/merge/planned.ts): an act told as still to come and the
 * act told as done, usually in two articles, are two reports the merge keeps apart, so that the
 * announcement neither absorbs the held act nor lends it its day. Sentences written for the test.
 */
import { describe, expect, it } from 'vitest';
import { mergeEvents } from '../../scripts/pipeline/merge.ts';
import { plannedReport } from '../../scripts/pipeline/merge/planned.ts';
import type { DateEvidence, EventType, ExtractedEvent } from '../../scripts/pipeline/types.ts';

function report(doc: string, sentence: string, trigger: string, date: string, evidence: DateEvidence, type: EventType = 'meeting'): ExtractedEvent {
  const start = sentence.indexOf(trigger);
  if (start < 0) throw new Error(`no "${trigger}" in the sentence`);
  return {
    type,
    date,
    datePrecision: 'day',
    dateEvidence: evidence,
    countries: ['FJI', 'NZL'],
    organizations: [],
    actors: [],
    title: `${type} FJI/NZL`,
    confidence: 0.8,
    source: { document: doc, published: '2024-03-07', sentence, start: 100, end: 100 + sentence.length, trigger: { start, end: start + trigger.length } },
  };
}

describe('plannedReport: a future marker before the trigger in its clause', () => {
  it.each([
    ['While in Wellington, the prime minister will undertake several engagements, including bilateral meetings with his host.', 'bilateral meetings'],
    ['The two foreign ministers are due to hold talks in Suva next week.', 'hold talks'],
    ['The minister is scheduled to visit the islands after the budget debate.', 'visit'],
    ['Fiji plans to sign a policing pact with Canberra.', 'sign'],
    ["He'll meet the premier at the airport.", 'meet'],
  ])('planned: %s', (sentence, trigger) => {
    expect(plannedReport(report('a', sentence, trigger, '2024-03-06', 'anchor'))).toBe(true);
  });

  it.each([
    ['The two prime ministers held talks in Wellington on Tuesday.', 'held talks', 'meeting'],
    ['Officials said that the leaders met after the ceremony, and that they will meet again in May.', 'met', 'meeting'],
    ['The envoy, it was said, met the king before he left.', 'met', 'meeting'],
  ] as const)('held: %s', (sentence, trigger, type) => {
    expect(plannedReport(report('a', sentence, trigger, '2024-03-06', 'weekday', type))).toBe(false);
  });

  it('leaves threats and statements alone: what they say is to come by nature', () => {
    expect(plannedReport(report('a', 'Moscow will retaliate against the expulsion, an official said.', 'will retaliate', '2024-03-06', 'publication', 'threat'))).toBe(false);
  });
});

describe('mergeEvents: an announced meeting does not absorb the held one of another article', () => {
  const announced = report('visit-article', 'During the stay, the prime minister will undertake a series of engagements, including bilateral meetings with the foreign minister.', 'bilateral meetings', '2024-03-05', 'anchor');
  const held = report('meeting-article', 'During the meeting, the two ministers discussed climate finance.', 'meeting', '2024-03-07', 'publication');

  it('keeps them two events, the held one on its own day', () => {
    const events = mergeEvents([announced, held]);
    expect(events).toHaveLength(2);
    expect(events.find((e) => e.sources.some((s) => s.document === 'meeting-article'))!.date).toBe('2024-03-07');
  });

  it('still joins two held reports of those days (the weak publication-day window is unchanged)', () => {
    const other = report('other-article', 'The prime ministers held talks in Wellington on Tuesday.', 'held talks', '2024-03-05', 'weekday');
    expect(mergeEvents([other, held])).toHaveLength(1);
  });

  it('notes the rule in the trace when tracing', () => {
    const traced = [announced, held].map((e) => ({ ...e, trace: [] }));
    const events = mergeEvents(traced);
    expect(events.flatMap((e) => e.trace ?? []).some((s) => s.rule === 'merge.planned-vs-held')).toBe(true);
  });
});
