/**
 * blind7 DIAGNOSIS class C: a background act with its own weekday (events.context.datedBackgroundWeekday).
 * Background-only rules ("the accord signed ...", "a bilateral meeting") gave an event only with a
 * calendar day ("on May 2"); a weekday now dates them too when the words tell the act as past: a past
 * participle ("signed in Madrid on Monday") or "after"/"following" before it ("after a bilateral meeting
 * in Hanoi on Friday"). A weekday of a planned act ("ahead of a cabinet meeting on Tuesday",
 * "scheduled to attend the summit on Thursday") gives nothing. Sentences written for this test
 * (published Tuesday 2025-07-15).
 */
import { describe, expect, it } from 'vitest';
import { extractBody as extract, rulesOf } from './find-events-helpers.ts';

describe('background acts dated by their own weekday', () => {
  it('an accord "signed in Madrid on Monday" in a sentence about plans is an agreement on that Monday', () => {
    const events = extract('Spain is to open two clinics in Morocco under a health accord signed in Madrid on Monday by the Spanish and Moroccan foreign ministers.');
    const deal = events.find((e) => e.type === 'agreement');
    expect(deal && `${deal.date} ${deal.countries.join(',')}`).toBe('2025-07-14 ESP,MAR');
    expect(rulesOf(deal!)).toContain('events.context.datedBackgroundWeekday');
  });

  it('"after a bilateral meeting in Hanoi on Friday" is a meeting on that Friday', () => {
    const events = extract('In a joint news conference after a bilateral meeting in Hanoi on Friday, the Lao prime minister said his country would expand trade with Vietnam.');
    const meeting = events.find((e) => e.type === 'meeting');
    expect(meeting?.date).toBe('2025-07-11');
    expect(rulesOf(meeting!)).toContain('events.context.datedBackgroundWeekday');
  });

  it.each([
    'Poland will close its border with Belarus, Polish Prime Minister Donald Tusk said ahead of a cabinet meeting on Tuesday.',
    "Kenya's president is scheduled to attend the summit with Ethiopia in Addis Ababa on Thursday.",
  ])('a planned act with a weekday gives no meeting: %s', (body) => {
    expect(extract(body).map((e) => e.type)).not.toContain('meeting');
  });
});
