/**
 * Issue #9, P4: each report's day from its own clause. Sentences here are invented (our own
 * words); each construction has at least two wordings and a negative case.
 */
import { describe, expect, it } from 'vitest';
import { extractCues, resolveDate } from '../../scripts/pipeline/dates.ts';
import type { DateContext, EventCandidate, EventType, Modality, Sentence } from '../../scripts/pipeline/types.ts';

// 2025-07-15 is a Tuesday; 2024-12-27 a Friday.
const TUE = '2025-07-15';
const FRI_DEC = '2024-12-27';

function candidateIn(text: string, trigger: string, opts: { type?: EventType; modality?: Modality; offset?: number } = {}) {
  const offset = opts.offset ?? 200;
  const sentence: Sentence = { index: 4, paragraph: 2, text, start: offset, end: offset + text.length, kind: 'body' };
  const at = text.indexOf(trigger);
  if (at < 0) throw new Error(`no ${trigger}`);
  const candidate: EventCandidate = {
    type: opts.type ?? 'meeting',
    trigger: { start: offset + at, end: offset + at + trigger.length, text: trigger },
    clause: { start: offset, end: offset + text.length },
    modality: opts.modality ?? 'asserted',
    confidence: 0.9,
    rule: 'test',
  };
  return { sentence, candidate };
}

function resolve(text: string, trigger: string, ctx: DateContext, opts: Parameters<typeof candidateIn>[2] = {}) {
  const { sentence, candidate } = candidateIn(text, trigger, opts);
  return resolveDate(sentence, candidate, ctx);
}

const decided = (r: ReturnType<typeof resolve>) => r.trace?.filter((s) => s.action !== 'pass').map((s) => s.rule);
const passed = (r: ReturnType<typeof resolve>, rule: string) => r.trace?.find((s) => s.rule === rule && s.action === 'pass')?.detail ?? '';

/** Following sentences as the resolvers see them (offsets after the candidate's sentence). */
function sentences(texts: string[], from = 1000): Sentence[] {
  let at = from;
  return texts.map((text, i) => {
    const s: Sentence = { index: 10 + i, paragraph: 5 + i, text, start: at, end: at + text.length, kind: 'body' };
    at += text.length + 1;
    return s;
  });
}

describe('dates.cue.holiday: a holiday on a fixed calendar day', () => {
  it('reads Christmas Day, Christmas Eve, Boxing Day and the New Year days as their days', () => {
    const day = (text: string) => extractCues(text, FRI_DEC).find((c) => c.kind === 'day');
    expect(day('The general spoke in a televised Christmas Day address.')).toMatchObject({ date: '2024-12-25' });
    expect(day('On Christmas Eve the two leaders exchanged messages.')).toMatchObject({ date: '2024-12-24' });
    expect(day('Talks resumed on Boxing Day in the capital.')).toMatchObject({ date: '2024-12-26' });
    expect(day("Fighting flared again on New Year's Day.")).toMatchObject({ date: '2024-01-01' });
    expect(day('He recalled a speech given on New Year’s Eve.')).toMatchObject({ date: '2023-12-31' });
  });

  it('dates an act told with the holiday as its day', () => {
    const a = resolve('The junta leader accused his neighbour of plotting on Christmas Day.', 'accused', { published: FRI_DEC }, { type: 'accusation' });
    expect(a.date).toBe('2024-12-25');
    const b = resolve('On Boxing Day the envoy was summoned to the ministry.', 'summoned', { published: FRI_DEC }, { type: 'accusation' });
    expect(b.date).toBe('2024-12-26');
  });

  it('re-picks the holiday forward for a planned event', () => {
    const r = resolve("The two presidents will meet on New Year's Day.", 'meet', { published: FRI_DEC }, { modality: 'planned' });
    expect(r.date).toBe('2025-01-01');
  });

  it('leaves other words with the holiday\'s name alone', () => {
    expect(extractCues('Officials lit a Christmas tree outside the embassy.', FRI_DEC)).toEqual([]);
    expect(extractCues('The ministry held its New Year reception for diplomats.', FRI_DEC)).toEqual([]);
  });
});

describe('dates.select.effective-day: the day a measure takes effect is not the act\'s day', () => {
  it('sets aside "starting on", "take effect from", "comes into force on" for a measure', () => {
    const a = resolve('The president signed an order imposing duties on steel starting on Tuesday.', 'imposing duties', { published: '2025-07-12' }, { type: 'sanction' });
    expect(a).toMatchObject({ date: '2025-07-12', evidence: 'publication' });
    expect(passed(a, 'dates.resolver.own-cue')).toContain('dates.select.effective-day');
    const b = resolve('The levies on imported cars would take effect from Monday, the minister told reporters.', 'told', { published: '2025-07-12' }, { type: 'statement' });
    expect(b.date).toBe('2025-07-12');
    const c = resolve('Both governments signed the accord, which comes into force on July 20.', 'signed', { published: TUE }, { type: 'agreement' });
    expect(c.date).toBe(TUE);
  });

  it('keeps the act\'s own day when the sentence also has one', () => {
    const r = resolve('On Saturday Ottawa announced counter-tariffs taking effect on Tuesday.', 'announced', { published: '2025-07-14' }, { type: 'sanction' });
    expect(r.date).toBe('2025-07-12');
    expect(decided(r)).toEqual(['dates.resolver.own-cue']);
  });

  it('keeps the day for an event that itself begins then (a visit, drills)', () => {
    const a = resolve('The navies held joint drills starting on Sunday off the coast.', 'joint drills', { published: TUE }, { type: 'military' });
    expect(a.date).toBe('2025-07-13');
    const b = resolve('The prime minister began a state visit starting on Monday.', 'state visit', { published: TUE }, { type: 'visit' });
    expect(b.date).toBe('2025-07-14');
  });
});
