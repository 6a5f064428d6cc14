import { describe, expect, it } from 'vitest';
import cueData from '../../scripts/data/date-cues.json' with { type: 'json' };
import { resolveDate } from '../../scripts/pipeline/dates.ts';
import { DATE_RESOLVERS } from '../../scripts/pipeline/dates/resolvers/index.ts';
import type { DateContext, EventCandidate, EventType, Modality, Sentence } from '../../scripts/pipeline/types.ts';

// 2025-07-15 is a Tuesday.
const TUE = '2025-07-15';

function candidateIn(text: string, trigger: string, opts: { type?: EventType; modality?: Modality; needsOwnDate?: boolean } = {}) {
  const offset = 200;
  const sentence: Sentence = { index: 4, paragraph: 2, text, start: offset, end: offset + text.length, kind: 'body' };
  const at = text.indexOf(trigger);
  if (at < 0) throw new Error(`no ${trigger}`);
  const candidate: EventCandidate & { needsOwnDate?: boolean } = {
    type: opts.type ?? 'meeting',
    trigger: { start: offset + at, end: offset + at + trigger.length, text: trigger },
    clause: { start: offset, end: offset + text.length },
    modality: opts.modality ?? 'asserted',
    confidence: 0.9,
    rule: 'test',
    ...(opts.needsOwnDate ? { needsOwnDate: true } : {}),
  };
  return { sentence, candidate };
}

function resolve(text: string, trigger: string, ctx: DateContext, opts: Parameters<typeof candidateIn>[2] = {}) {
  const { sentence, candidate } = candidateIn(text, trigger, opts);
  return resolveDate(sentence, candidate, ctx);
}

const decided = (r: ReturnType<typeof resolve>) => r.trace?.filter((s) => s.action !== 'pass').map((s) => s.rule);

describe('the ordered list of date resolvers', () => {
  it('is listed in scripts/data/date-cues.json in the same order, each with a description', () => {
    expect(cueData.resolvers.map((r) => r.id)).toEqual(DATE_RESOLVERS.map((r) => r.id));
    for (const r of cueData.resolvers) expect(r.description.length).toBeGreaterThan(10);
  });

  it('every resolver before the deciding one says why it passed', () => {
    const r = resolve('The two foreign ministers held talks in Jakarta on Sunday.', 'held talks', { published: TUE });
    expect(r.date).toBe('2025-07-13');
    expect(r.trace?.map((s) => s.rule)).toEqual(['dates.resolver.implicit-anchor', 'dates.resolver.own-cue']);
    expect(r.trace?.[0]).toMatchObject({ action: 'pass' });
    expect(r.trace?.[1]?.action).toContain('2025-07-13');
  });

  it('names the anchor resolver for "a day after" an earlier event', () => {
    const r = resolve('Beijing summoned the ambassador a day after the talks collapsed.', 'summoned', {
      published: TUE,
      previous: [{ type: 'meeting', date: '2025-07-12', trigger: 'talks' }],
    });
    expect(r.date).toBe('2025-07-13');
    expect(decided(r)).toEqual(['dates.resolver.anchor']);
  });

  it('names the publication resolver when nothing dates a lead event', () => {
    const r = resolve('Hungary and Serbia signed an energy cooperation pact.', 'signed', { published: TUE }, { type: 'agreement' });
    expect(r).toMatchObject({ date: TUE, evidence: 'publication' });
    expect(decided(r)).toEqual(['dates.resolver.publication']);
  });

  it('names the dateline resolver when the dateline has a day', () => {
    const r = resolve('The delegations met behind closed doors.', 'met', { published: TUE, dateline: { date: '2025-07-14', start: 0, end: 10 } });
    expect(r).toMatchObject({ date: '2025-07-14', evidence: 'dateline' });
    expect(decided(r)).toEqual(['dates.resolver.dateline']);
  });
});

describe('undated background gets no day', () => {
  it('background without a cue of its own is never stamped with the publication day', () => {
    for (const [text, trigger] of [
      ['The accord the two capitals had signed to end the border dispute remains in force.', 'signed'],
      ['Ties soured after Rabat expelled several diplomats over the affair.', 'expelled'],
      ['Seoul has staged joint drills with Washington to deter the North.', 'drills'],
    ] as const) {
      const r = resolve(text, trigger, { published: TUE, dateline: { date: TUE, start: 0, end: 5 } }, { type: 'agreement', needsOwnDate: true });
      expect(r.date, text).toBeNull();
      expect(decided(r)).toEqual(['dates.resolver.undated-background']);
    }
  });

  it('background with a day of its own keeps that day', () => {
    const r = resolve('The ceasefire, signed in Doha on April 25, has largely held.', 'signed', { published: TUE }, { type: 'agreement', modality: 'background' });
    expect(r).toMatchObject({ date: '2025-04-25', evidence: 'explicit' });
    const s = resolve('A July 2 skirmish near the border killed two soldiers.', 'skirmish', { published: TUE }, { type: 'military', needsOwnDate: true });
    expect(s.date).toBe('2025-07-02');
  });
});
