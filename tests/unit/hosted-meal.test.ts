/**
 * blind7 DIAGNOSIS (sg-my): a host receiving the guest just named, by a pronoun, at a meal or for
 * talks ("hosted him for dinner") is a meeting (rule meeting.hosted-meal); hosting an event without a
 * guest ("hosted a dinner for donors") is not this rule. Sentences written for this test (published
 * Tuesday 2025-07-15).
 */
import { describe, expect, it } from 'vitest';
import { extractBody as extract, rulesOf } from './find-events-helpers.ts';

describe('hosted him for dinner', () => {
  it('is a meeting of the host and the guest just named, on the guest\'s day', () => {
    const events = extract("Vietnam's prime minister arrived in Vientiane on Monday. Laos' prime minister hosted him for dinner at the presidential palace.");
    const meeting = events.find((e) => e.type === 'meeting');
    expect(meeting && `${meeting.date} ${meeting.countries.join(',')}`).toBe('2025-07-14 LAO,VNM');
    expect(rulesOf(meeting!)).toContain('meeting.hosted-meal');
  });

  it('hosting a dinner for donors is not this rule', () => {
    const events = extract('The Lao government hosted a dinner for donors on Monday.');
    for (const e of events) expect(rulesOf(e)).not.toContain('meeting.hosted-meal');
  });
});
