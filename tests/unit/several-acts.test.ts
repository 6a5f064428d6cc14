/**
 * Issue 9: several acts in one sentence. An arrival and the meeting it was for
 * (events.context.purposeMeeting). Every sentence is written for this test (articles published
 * Tuesday 2025-07-15), with negative cases.
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import type { ExtractedEvent } from '../../scripts/pipeline/types.ts';
import { segOf } from './find-events-helpers.ts';

const actors = createActorResolver();
const extract = (body: string) => extractDocument(segOf(body), actors, { trace: true }).events;
/** "type date COUNTRIES" of each extracted event, sorted. */
const brief = (e: ExtractedEvent) => `${e.type} ${e.date} ${e.countries.join(',')}`;
const briefs = (body: string) => extract(body).map(brief).sort();
const rulesOf = (e: ExtractedEvent) => (e.trace ?? []).map((s) => s.rule);

describe('an arrival and the meeting it was for are two events (events.context.purposeMeeting)', () => {
  it.each([
    ['The Slovak prime minister arrived in Beijing on Sunday to meet Chinese President Xi Jinping.', ['meeting 2025-07-13 CHN,SVK', 'visit 2025-07-13 CHN,SVK']],
    ['Kenyan President William Ruto arrived in Kampala on Friday to hold talks with Uganda\u2019s president.', ['meeting 2025-07-11 KEN,UGA', 'visit 2025-07-11 KEN,UGA']],
  ])('%s', (body, expected) => {
    const events = extract(body);
    expect(events.map(brief).sort()).toEqual(expected);
    const meeting = events.find((e) => e.type === 'meeting');
    expect(meeting && rulesOf(meeting)).toContain('events.context.purposeMeeting');
  });

  it.each([
    // a trip that only starts today: the meeting is still to come
    'The Irish foreign minister travels to Ottawa today to meet Canadian officials.',
    // a plan between the arrival and the meeting
    'The Chilean president arrived in Lima on Monday and is expected to meet Peru\u2019s president on Wednesday.',
    // a relative clause: the meeting is what someone else will do
    'The Dutch king arrived in Jakarta on Monday, where he will meet the Indonesian president.',
  ])('no meeting from the purpose clause: %s', (body) => {
    const events = extract(body);
    expect(events.some((e) => rulesOf(e).includes('events.context.purposeMeeting'))).toBe(false);
  });
});
