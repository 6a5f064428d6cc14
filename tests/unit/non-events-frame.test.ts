/**
 * Background classes of the undated-background work (sentences written for the test; the test
 * article is published on Tuesday 2025-07-15):
 *   - nonEvents.framedEarlier: a sentence with no time of its own that goes on with a paragraph
 *     opened by an earlier time is that time's background;
 *   - nonEvents.respondsToEarlier: an undated "In response," act after a sentence naming an earlier
 *     time answers that earlier act;
 *   - nonEvents.relativePerfect: a present perfect in a that-clause describing a noun is a
 *     standing state, kept only with a day of its own.
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import type { EventCandidate } from '../../scripts/pipeline/types.ts';
import { candidates, segOf } from './find-events-helpers.ts';

const actors = createActorResolver();
const events = (body: string) => extractDocument(segOf(body), actors, { trace: true }).events.map((e) => `${e.type} ${e.date}`);
const accusation = (body: string): EventCandidate | undefined => candidates(body).find((c) => c.type === 'accusation');
const ofType = (body: string, type: string): EventCandidate | undefined => candidates(body).find((c) => c.type === type);
const rulesOf = (c: EventCandidate | undefined) => (c?.trace ?? []).filter((s) => s.stage === 'modality').map((s) => s.rule);
/** Whether the accusation candidate (which must exist) was made background by this class. */
function framed(body: string): boolean {
  const c = accusation(body);
  expect(c).toBeDefined();
  return rulesOf(c).includes('nonEvents.framedEarlier');
}

const OPENING = 'In March 2023, Ghana recalled its ambassador to Togo over a quarrel about the border.';

describe('nonEvents.framedEarlier', () => {
  it.each([
    [`${OPENING} The Togolese president accused Accra of meddling in the vote.`],
    [`Back in March 2023, Ghana recalled its ambassador to Togo. The Togolese president then accused Accra of meddling in the vote.`],
    [`${OPENING} Talks between the two capitals went nowhere. The Togolese president accused Accra of meddling in the vote.`],
  ])('an undated act in a paragraph opened by an earlier month: %s', (body) => {
    const c = accusation(body);
    expect(c?.modality).toBe('background');
    expect(c?.needsOwnDate).toBe(true);
    expect(rulesOf(c)).toContain('nonEvents.framedEarlier');
    expect(events(body).filter((e) => e.startsWith('accusation'))).toEqual([]);
  });

  it('an act with a day of its own is news', () => {
    const body = `${OPENING} On Monday, the Togolese president accused Accra of meddling in the vote.`;
    expect(framed(body)).toBe(false);
    expect(events(body)).toContain('accusation 2025-07-14');
  });

  it('a new paragraph is not framed', () => {
    const body = `${OPENING}\n\nThe Togolese president accused Accra of meddling in the vote.`;
    expect(framed(body)).toBe(false);
  });

  it('a sentence in between with its own time starts another account', () => {
    const body = `${OPENING} Relations improved on Friday. The Togolese president accused Accra of meddling in the vote.`;
    expect(framed(body)).toBe(false);
  });

  it('an opening time of the publication month, or a time that does not open the sentence, frames nothing', () => {
    const thisMonth = 'In July 2025, Ghana recalled its ambassador to Togo. The Togolese president accused Accra of meddling in the vote.';
    expect(framed(thisMonth)).toBe(false);
    const inside = 'Ghana, which recalled its envoy in March 2023, reopened the border. The Togolese president accused Accra of meddling in the vote.';
    expect(framed(inside)).toBe(false);
  });

  it('is not reached three sentences back', () => {
    const body = `${OPENING} Talks went nowhere. Trade fell sharply. The Togolese president accused Accra of meddling in the vote.`;
    expect(framed(body)).toBe(false);
  });
});

describe('nonEvents.relativePerfect', () => {
  it.each([
    ['The rebels belong to a movement that has been blacklisted by Canada as a terrorist organisation.', 'sanction'],
    ['The clash that Kyiv has blamed on Moscow killed four soldiers.', 'accusation'],
  ])('a that-clause describing a noun: %s', (body, type) => {
    const c = ofType(body, type);
    expect(c?.modality).toBe('background');
    expect(rulesOf(c)).toContain('nonEvents.relativePerfect');
    expect(events(body).filter((e) => e.startsWith(type))).toEqual([]);
  });

  it('with a day of its own it is kept on that day', () => {
    const body = 'The rebels belong to a movement that has been blacklisted by Canada on Monday.';
    expect(rulesOf(ofType(body, 'sanction'))).toContain('nonEvents.relativePerfect');
    expect(events(body)).toEqual(['sanction 2025-07-14']);
  });

  it.each([
    ['The ministry said that the movement has been blacklisted by Canada.'],
    ['Canada has blacklisted the movement, a step that Ottawa has defended as overdue.'],
  ])('a content clause after a reporting verb, or a main clause, is news: %s', (body) => {
    const c = ofType(body, 'sanction');
    expect(c).toBeDefined();
    expect(rulesOf(c)).not.toContain('nonEvents.relativePerfect');
    expect(events(body)).toEqual(['sanction 2025-07-15']);
  });

  it('an active that-clause with its own object is no description of the noun', () => {
    const body = 'Reporters were told that Ottawa has blacklisted the movement.';
    const c = ofType(body, 'sanction');
    expect(c).toBeDefined();
    expect(rulesOf(c)).not.toContain('nonEvents.relativePerfect');
  });
});

describe('nonEvents.respondsToEarlier', () => {
  const sanction = (body: string) => ofType(body, 'sanction');
  const EARLIER = 'Chile expelled two Bolivian diplomats in May 2023 over a smuggling case. The mission stayed shut for weeks.';

  it.each([
    [`${EARLIER} In response, La Paz expelled three Chilean diplomats.`],
    [`${EARLIER}\n\nIn retaliation, La Paz expelled three Chilean diplomats.`],
  ])('an undated response to an act of an earlier time: %s', (body) => {
    const c = [...candidates(body)].reverse().find((x) => x.type === 'sanction');
    expect(c?.modality).toBe('background');
    expect(rulesOf(c)).toContain('nonEvents.respondsToEarlier');
    expect(events(body).filter((e) => e.startsWith('sanction'))).toEqual([]);
  });

  it('a response with a day of its own, or to an act of this month, is news', () => {
    const dated = `${EARLIER} In response, La Paz expelled three Chilean diplomats on Monday.`;
    expect(events(dated)).toContain('sanction 2025-07-14');
    const recent = 'Chile expelled two Bolivian diplomats on Friday. In response, La Paz expelled three Chilean diplomats.';
    const last = [...candidates(recent)].reverse().find((x) => x.type === 'sanction');
    expect(last).toBeDefined();
    expect(rulesOf(last)).not.toContain('nonEvents.respondsToEarlier');
  });

  it('needs the connective at the opening', () => {
    const body = `${EARLIER} La Paz expelled three Chilean diplomats in response.`;
    const last = [...candidates(body)].reverse().find((x) => x.type === 'sanction');
    expect(last).toBeDefined();
    expect(rulesOf(last)).not.toContain('nonEvents.respondsToEarlier');
    expect(sanction(body)).toBeDefined();
  });
});
