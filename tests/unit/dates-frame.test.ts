/**
 * The article's own frame of reference for dates: "That day" and "the same day" refer to the day
 * stated just before (dates.frame.preceding-day); an undated act told right after an act dated by
 * its own words goes on with that account (dates.resolver.story-frame).
 */
import { describe, expect, it } from 'vitest';
import { resolveDate } from '../../scripts/pipeline/dates.ts';
import type { DateContext, Sentence } from '../../scripts/pipeline/types.ts';
import { candidateIn } from './dates-helpers.ts';

// 2025-07-15 is a Tuesday.
const TUE = '2025-07-15';

function resolve(text: string, trigger: string, ctx: DateContext, opts: Parameters<typeof candidateIn>[2] = {}) {
  const { sentence, candidate } = candidateIn(text, trigger, opts);
  return resolveDate(sentence, candidate, ctx);
}
const decided = (r: ReturnType<typeof resolve>) => r.trace?.filter((s) => s.action !== 'pass').map((s) => s.rule);
const body = (text: string, index: number): Sentence => ({ index, paragraph: 1, text, start: 0, end: text.length, kind: 'body' });

describe('"That day", "the same day", "on that occasion" (dates.frame.preceding-day)', () => {
  it('refers to the day the sentence before states, even with no event told there', () => {
    const earlier = [body('Oslo and Hanoi marked fifty years of ties on July 9.', 3)];
    for (const [text, trigger] of [
      ['That day, the two foreign ministers held talks in Oslo.', 'held talks'],
      ['On that occasion the two premiers met at the royal palace.', 'met'],
      ['On the same day, the trade ministers met in Bergen.', 'met'],
    ] as const) {
      const r = resolve(text, trigger, { published: TUE, earlier });
      expect(r, text).toMatchObject({ date: '2025-07-09', evidence: 'anchor' });
      expect(decided(r)).toEqual(['dates.resolver.implicit-anchor']);
      expect(r.trace?.at(-1)?.action).toContain('dates.frame.preceding-day');
    }
  });

  it('prefers the stated day to the day of an event told before, and a day of its own sentence to both', () => {
    const earlier = [body('The anniversary fell on Saturday, July 12.', 3)];
    const previous = [{ type: 'meeting' as const, date: '2025-07-10', trigger: 'met' }];
    expect(resolve('That day, the envoys signed a pact.', 'signed', { published: TUE, earlier, previous }, { type: 'agreement' }).date).toBe('2025-07-12');
    expect(resolve('On Sunday the envoys signed a pact; the same day they met.', 'met', { published: TUE, earlier, previous }).date).toBe('2025-07-13');
  });

  it('falls back to the event told before when the sentences before state no day', () => {
    const earlier = [body('The two capitals have long disputed the border.', 3)];
    const previous = [{ type: 'meeting' as const, date: '2025-07-10', trigger: 'met' }];
    expect(resolve('That day, the envoys signed a pact.', 'signed', { published: TUE, earlier, previous }, { type: 'agreement' }).date).toBe('2025-07-10');
  });

  it('leaves a future day stated before alone', () => {
    const earlier = [body('The summit will open on Friday.', 3)];
    const previous = [{ type: 'meeting' as const, date: '2025-07-11', trigger: 'met' }];
    expect(resolve('That day, the envoys signed a pact.', 'signed', { published: TUE, earlier, previous }, { type: 'agreement' }).date).toBe('2025-07-11');
  });
});

describe('an undated act goes on with the account dated just before (dates.resolver.story-frame)', () => {
  // The candidate's sentence has index 4 (dates-helpers.ts).
  const dated = (index: number, date = '2025-07-14') => [{ type: 'agreement' as const, date, trigger: 'signed a treaty', evidence: 'weekday' as const, sentence: index, paragraph: 1 }];

  it('takes the day of an act dated by its own words in this sentence or one of the two before', () => {
    for (const [text, trigger, type] of [
      ['The treaty was inked during the president\'s state visit to Riga.', 'visit', 'visit'],
      ['The two delegations held talks at the presidential palace.', 'held talks', 'meeting'],
    ] as const) {
      const r = resolve(text, trigger, { published: TUE, previous: dated(3) }, { type });
      expect(r, text).toMatchObject({ date: '2025-07-14', evidence: 'anchor' });
      expect(decided(r)).toEqual(['dates.resolver.story-frame']);
    }
    expect(resolve('The two delegations held talks.', 'held talks', { published: TUE, previous: dated(4) }).date).toBe('2025-07-14');
    // One sentence of colour between the dated act and this one does not break the account.
    expect(resolve('The two delegations held talks.', 'held talks', { published: TUE, previous: dated(2) }).date).toBe('2025-07-14');
  });

  it('does not reach back further, to a default day, to an old day, or from a speech act', () => {
    const text = 'The two delegations held talks at the presidential palace.';
    const frame = (r: ReturnType<typeof resolve>) => r.trace?.find((s) => s.rule === 'dates.resolver.story-frame')?.action;
    // Three sentences back the account is not continued; the article's one news day
    // (dates.resolver.news-day, tested in dates-resolvers.test.ts) is what dates it then.
    const far = resolve(text, 'held talks', { published: TUE, previous: dated(1) });
    expect(frame(far)).toBe('pass');
    expect(decided(far)).toEqual(['dates.resolver.news-day']);
    expect(resolve(text, 'held talks', { published: TUE, previous: dated(3, '2025-07-01') }).date).toBe(TUE);
    const byDefault = [{ ...dated(3)[0]!, evidence: 'publication' as const }];
    expect(resolve(text, 'held talks', { published: TUE, previous: byDefault }).date).toBe(TUE);
    // A condemnation told after an act is a reaction, often later: story-frame passes (news-day
    // may still date it; past the lead it is then dropped as undated speech, events/undated-speech.ts).
    const r = resolve('Moscow condemned the treaty as a provocation.', 'condemned', { published: TUE, previous: dated(3) }, { type: 'accusation' });
    expect(frame(r)).toBe('pass');
    expect(r.newsDay).toBe(true);
  });

  it('leaves undated background without a day', () => {
    expect(resolve('The two delegations held talks.', 'held talks', { published: TUE, previous: dated(3) }, { needsOwnDate: true }).date).toBeNull();
  });
});

describe('an event named by an anchor or a frame phrase, dated elsewhere in the article', () => {
  it('"The talks took place a day after X", X unknown: the talks told before (dates.anchor.retold-main)', () => {
    const previous = [{ type: 'meeting' as const, date: '2025-07-13', trigger: 'held talks' }];
    const r = resolve('The talks took place a day after rebels shelled the northern port.', 'talks took place', { published: TUE, previous });
    expect(r).toMatchObject({ date: '2025-07-13', evidence: 'anchor' });
    expect(r.trace?.at(-1)?.action).toContain('dates.anchor.retold-main');
    // No meeting told before, or an indefinite noun: near publication as before.
    expect(resolve('The talks took place a day after rebels shelled the northern port.', 'talks took place', { published: TUE }).evidence).toBe('publication');
    expect(resolve('Talks took place a day after rebels shelled the northern port.', 'Talks took place', { published: TUE, previous }).evidence).toBe('publication');
  });

  it('"The protest comes a day after X", nothing told before: X is a day before the story day (dates.anchor.story-main)', () => {
    const r = resolve('The protest comes two days after Minsk expelled the consul.', 'expelled', { published: TUE }, { type: 'sanction' });
    expect(r).toMatchObject({ date: '2025-07-13', precision: 'day' });
    expect(r.trace?.at(-1)?.action).toContain('dates.anchor.story-main');
  });

  it('"a day after the port at Varna, on the coast, was shut": a trigger running over a comma of the phrase is still the other event (dates.anchor.trigger-in-phrase)', () => {
    const previous = [{ type: 'threat' as const, date: TUE, trigger: 'warned', evidence: 'publication' as const }];
    const text = 'The warning comes a day after the ferry port at Varna, on the Black Sea coast, was shut by the government.';
    const r = resolve(text, 'port at Varna, on the Black Sea coast, was shut', { published: TUE, previous }, { type: 'sanction' });
    expect(r).toMatchObject({ date: '2025-07-14', evidence: 'anchor' });
    expect(r.trace?.at(-1)?.action).toContain('dates.anchor.trigger-in-phrase');
    // The main clause's own trigger is still counted forward from the act the phrase names.
    expect(resolve('The ministry protested a day after the port at Varna was shut on Sunday.', 'protested', { published: TUE }, { type: 'accusation' }).date).toBe('2025-07-14');
  });

  it('"On the sidelines of the summit, ... signed": the summit dated further down (dates.resolver.within-event.later)', () => {
    const following = [body('Delegations arrived in the capital in the morning.', 5), body('The summit was held on Sunday at the old palace.', 6)];
    const r = resolve('On the sidelines of the summit, Lima and Quito signed a fisheries accord.', 'signed', { published: TUE, following }, { type: 'agreement' });
    expect(r).toMatchObject({ date: '2025-07-13', evidence: 'anchor' });
    expect(decided(r)).toEqual(['dates.resolver.within-event']);
    expect(r.trace?.at(-1)?.action).toContain('dates.resolver.within-event.later');
    // A later sentence that does not name the summit, or dates it in the future, gives nothing.
    const other = [body('The ministers had met on Sunday in another city.', 5)];
    expect(resolve('On the sidelines of the summit, Lima and Quito signed a fisheries accord.', 'signed', { published: TUE, following: other }, { type: 'agreement' }).date).toBe(TUE);
    const ahead = [body('The summit will close on Friday.', 5)];
    expect(resolve('On the sidelines of the summit, Lima and Quito signed a fisheries accord.', 'signed', { published: TUE, following: ahead }, { type: 'agreement' }).date).toBe(TUE);
  });
});

describe('"today" inside a quotation counts from the day the words were spoken (dates.frame.quoted-relative)', () => {
  it('from a day the sentence states outside the quotation', () => {
    const r = resolve('“We held good talks today with our neighbours,” the premier said on Saturday.', 'held good talks', { published: TUE });
    expect(r.date).toBe('2025-07-12');
    expect(r.trace?.at(-1)?.action).toContain('dates.frame.quoted-relative');
    const y = resolve('“Our envoys met yesterday in Baku,” the minister told reporters on Sunday.', 'met', { published: TUE });
    expect(y.date).toBe('2025-07-12');
  });

  it('from the day of the act the account is about, told just before with a day of its own', () => {
    const previous = [{ type: 'agreement' as const, date: '2025-07-14', trigger: 'signed a treaty', evidence: 'explicit' as const, sentence: 3, paragraph: 1 }];
    const r = resolve('“Today we held negotiations and agreed on water sharing,” the president said.', 'held negotiations', { published: TUE, previous });
    expect(r.date).toBe('2025-07-14');
  });

  it('stays with the story day when the speech has no day, or when the trigger is outside the quotation', () => {
    expect(resolve('“We held good talks today with our neighbours,” the premier said.', 'held good talks', { published: TUE }).date).toBe(TUE);
    // An act of the reporter's own sentence, not of the quoted words.
    const r = resolve('The premier met the envoy today, saying “the talks were good” on Saturday.', 'met', { published: TUE });
    expect(r.date).toBe(TUE);
    expect(r.trace?.some((s) => s.action.includes('dates.frame.quoted-relative'))).toBe(false);
  });
});

describe('a day inside the act\'s object is not the act\'s (dates.select.object-day)', () => {
  it('"rejects the remarks ... made last Friday": the act falls back, the trace names the rule', () => {
    const r = resolve('Caracas rejects the hostile remarks by the Guyanese leader during a rally held last Friday in the border region.', 'rejects', { published: TUE }, { type: 'accusation' });
    expect(r.date).toBe(TUE);
    expect(r.trace?.find((s) => s.rule === 'dates.resolver.own-cue')?.detail).toContain('dates.select.object-day');
    expect(resolve('Quito condemned the statement issued on Sunday by the rebel command.', 'condemned', { published: TUE }, { type: 'accusation' }).date).toBe(TUE);
  });

  it('keeps a day of the act itself, and a participle that is not on the object', () => {
    expect(resolve('Caracas on Sunday rejected the remarks by the Guyanese leader.', 'rejected', { published: TUE }, { type: 'accusation' }).date).toBe('2025-07-13');
    expect(resolve('Caracas rejected the remarks on Sunday.', 'rejected', { published: TUE }, { type: 'accusation' }).date).toBe('2025-07-13');
    // The object is no one's words: a meeting at a summit held on Sunday is on Sunday.
    expect(resolve('The two leaders met at the regional summit held on Sunday in Lima.', 'met', { published: TUE }).date).toBe('2025-07-13');
  });
});

describe('an undated lead sums up the account its next sentence dates (dates.resolver.lead-summary)', () => {
  const lead = (following: Sentence[], type: 'agreement' | 'accusation' = 'agreement', earlier: Sentence[] = []) =>
    resolve('The two neighbours signed a dozen cooperation deals.', 'signed', { published: TUE, following, earlier }, { type });

  it('takes the day of the next sentence when it lies shortly before publication', () => {
    const r = lead([body('The leaders met in Porto on Sunday for their yearly summit.', 5)]);
    expect(r).toMatchObject({ date: '2025-07-13', evidence: 'anchor' });
    expect(decided(r)).toEqual(['dates.resolver.lead-summary']);
  });

  it('not past the lead, not for speech, not a day in a quotation, the future or long ago', () => {
    const next = [body('The leaders met in Porto on Sunday for their yearly summit.', 5)];
    expect(lead(next, 'agreement', [body('Some earlier sentence of the body.', 3)]).date).toBe(TUE);
    expect(lead(next, 'accusation').date).toBe(TUE);
    expect(lead([body('“We met on Sunday,” the premier said.', 5)]).date).toBe(TUE);
    expect(lead([body('The leaders will meet again on Friday.', 5)]).date).toBe(TUE);
    expect(lead([body('The leaders first met on July 1.', 5)]).date).toBe(TUE);
  });
});

describe('"During the meeting" names a meeting stated just before with no event of its own (dates.resolver.within-event.earlier)', () => {
  const during = 'During the meeting, the premier briefed the envoy on the flood relief work.';

  it('takes the day of the sentence just before that names the meeting', () => {
    const earlier = [body('The premier made the remarks while meeting the visiting envoy on Sunday.', 3)];
    const r = resolve(during, 'meeting', { published: TUE, earlier, previous: [] });
    expect(r).toMatchObject({ date: '2025-07-13', evidence: 'anchor' });
    expect(decided(r)).toEqual(['dates.resolver.within-event']);
    expect(r.trace?.find((s) => s.rule === 'dates.resolver.within-event')?.action).toContain('dates.resolver.within-event.earlier');
  });

  it('not when the sentence before names no meeting, or states a day in the future or long ago', () => {
    for (const text of [
      'The premier returned from the coast on Sunday.',
      'The premier will meet the visiting envoy on Friday.',
      'The premier first met the envoy on June 2.',
    ]) {
      expect(resolve(during, 'meeting', { published: TUE, earlier: [body(text, 3)], previous: [] }).date, text).toBe(TUE);
    }
  });
});
