/**
 * Issue #9, P4: each report's day from its own clause. Sentences here are invented (our own
 * words); each construction has at least two wordings and a negative case.
 */
import { describe, expect, it } from 'vitest';
import { extractCues, resolveDate } from '../../scripts/pipeline/dates.ts';
import type { DateContext, Sentence } from '../../scripts/pipeline/types.ts';
import { candidateIn } from './dates-helpers.ts';

// 2025-07-15 is a Tuesday; 2024-12-27 a Friday.
const TUE = '2025-07-15';
const FRI_DEC = '2024-12-27';

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

describe('dates.select.dated-noun: a day premodifying a noun names a dated act', () => {
  it('a relative clause on the dated noun phrase tells that act', () => {
    const a = resolve(
      'The remarks came in a Christmas Day broadcast by the general, who blamed Paris for the unrest, as officials said.',
      'blamed',
      { published: FRI_DEC },
      { type: 'accusation' },
    );
    expect(a.date).toBe('2024-12-25');
    expect(a.trace?.find((s) => s.rule === 'dates.resolver.own-cue')?.action).toContain('dates.select.dated-noun');
    const b = resolve(
      "The charges were set out in Tuesday's letter from the foreign minister, who accused the rebels of arming militias, aides said.",
      'accused',
      { published: '2025-07-17' },
      { type: 'accusation' },
    );
    expect(b.date).toBe(TUE);
  });

  it('a relative clause after a plain "on Tuesday" or far from the noun keeps its own day', () => {
    const a = resolve('Officials met on Tuesday the envoy, who criticised the plan sharply, aides said.', 'criticised', { published: '2025-07-17' }, { type: 'accusation' });
    expect(a.date).toBe('2025-07-17');
    const b = resolve(
      'It followed the July 10 letter, in which the ministry set out its case, and a speech by the minister, who blamed the rebels, aides said.',
      'blamed',
      { published: TUE },
      { type: 'accusation' },
    );
    expect(b.date).toBe(TUE);
  });

  it('a lead naming a message is told again later with a dated message noun', () => {
    const following = sentences(['The note was delivered to the council.', 'The foreign minister signed the July 9 missive to the secretary-general, aides said.']);
    const a = resolve('Kenya has accused its neighbour of arming rebels, in a letter sent to the United Nations.', 'accused', { published: TUE, following }, { type: 'accusation', offset: 0 });
    expect(a.date).toBe('2025-07-09');
    expect(a.trace?.find((s) => s.rule === 'dates.resolver.later-retelling')?.action).toContain('dates.select.dated-noun');
    const talks = sentences(["Sunday's phone call lasted an hour, officials said."]);
    const b = resolve('The two leaders discussed trade and security in a call.', 'discussed', { published: TUE, following: talks }, { type: 'meeting', offset: 0 });
    expect(b.date).toBe('2025-07-13');
  });

  it('a lead that names no message keeps its own day when a later message noun is dated', () => {
    const following = sentences(["The claims were first made in the general's July 12 broadcast to the nation."]);
    const r = resolve('The government firmly rejected the claims as baseless.', 'rejected', { published: TUE, following }, { type: 'accusation', offset: 0 });
    expect(r.date).toBe(TUE);
  });

  it('"On Tuesday talks resumed" is no premodifier', () => {
    const following = sentences(['On Sunday talks on the border resumed in the capital.']);
    const r = resolve('The ministers agreed to hold a call on the crisis.', 'agreed', { published: TUE, following }, { type: 'statement', offset: 0 });
    expect(r.date).toBe(TUE);
  });
});

describe('dates.resolver.continued-account: a subject referring back goes on with the account', () => {
  const previous = [{ type: 'sanction' as const, date: '2025-07-10', trigger: 'recalled' }];
  it('"The ministry denounced ...", "The two governments condemned ...", "They rejected ..." take the day of the act told last', () => {
    const a = resolve("The ministry denounced the neighbour's decision as a breach of sovereignty.", 'denounced', { published: '2025-07-11', previous }, { type: 'accusation' });
    expect(a.date).toBe('2025-07-10');
    expect(decided(a)).toEqual(['dates.resolver.continued-account']);
    const b = resolve('The two governments jointly condemned the shelling of the border town.', 'condemned', { published: '2025-07-11', previous }, { type: 'accusation' });
    expect(b.date).toBe('2025-07-10');
    const c = resolve('They rejected the charges as an attempt to shift the blame.', 'rejected', { published: '2025-07-11', previous }, { type: 'accusation' });
    expect(c.date).toBe('2025-07-10');
  });

  it('a subject far from the trigger, or a new actor named in full, does not carry the day', () => {
    const a = resolve(
      'The ministry, in a long note circulated among member states of the regional bloc, denounced the decision.',
      'denounced',
      { published: '2025-07-11', previous },
      { type: 'accusation' },
    );
    expect(a.date).toBe('2025-07-11');
    const b = resolve('Kenya rejected the charges as baseless.', 'rejected', { published: '2025-07-11', previous }, { type: 'accusation' });
    expect(b.date).toBe('2025-07-11');
  });
});

describe('dates.resolver.within-event.stay: "while in X", "while there", "during his stay"', () => {
  const previous = [
    { type: 'meeting' as const, date: '2025-07-10', trigger: 'held negotiations' },
    { type: 'visit' as const, date: '2025-07-12', trigger: 'arrived in' },
  ];
  it('places the act inside the visit told last (else the meeting)', () => {
    const a = resolve('While in Rome the delegation also called on the Italian premier.', 'called on', { published: TUE, previous }, { type: 'meeting' });
    expect(a.date).toBe('2025-07-12');
    expect(a.trace?.find((s) => s.action !== 'pass')?.action).toContain('dates.resolver.within-event.stay');
    const b = resolve('During his stay the minister held talks with business leaders.', 'held talks', { published: TUE, previous: previous.slice(0, 1) }, { type: 'meeting' });
    expect(b.date).toBe('2025-07-10');
  });

  it('passes without a visit or meeting told before, or when it is long past', () => {
    const a = resolve('While there, she met the opposition leader.', 'met', { published: TUE, previous: [{ type: 'sanction', date: '2025-07-12', trigger: 'froze' }] });
    expect(a.date).toBe(TUE);
    const b = resolve('While in Geneva, she met the opposition leader.', 'met', { published: TUE, previous: [{ type: 'visit', date: '2025-03-01', trigger: 'visited' }] });
    expect(b.date).toBe(TUE);
  });
});

describe('dates.resolver.readout: a statement reporting on a meeting told before', () => {
  const previous = [{ type: 'meeting' as const, date: '2025-07-13', trigger: 'spoke' }];
  it('"said the call focused on", "described the talks as" take the meeting\'s day', () => {
    const a = resolve('In a joint statement, the two presidents said the call focused on border security.', 'joint statement', { published: TUE, previous }, { type: 'agreement' });
    expect(a.date).toBe('2025-07-13');
    expect(decided(a)).toEqual(['dates.resolver.readout']);
    const b = resolve('A readout from the ministry described the talks as frank and useful.', 'described', { published: TUE, previous }, { type: 'statement' });
    expect(b.date).toBe('2025-07-13');
  });

  it('leaves a reaction, a statement naming no earlier event, and an old meeting alone', () => {
    const a = resolve('The opposition criticised the talks as a waste of time.', 'criticised', { published: TUE, previous }, { type: 'accusation' });
    expect(a.date).toBe(TUE);
    const b = resolve('Kenya said the border would stay closed.', 'said', { published: TUE, previous }, { type: 'statement' });
    expect(b.date).toBe(TUE);
    const c = resolve('Kenya said the talks had been useful.', 'said', { published: TUE, previous: [{ type: 'meeting', date: '2025-04-01', trigger: 'met' }] }, { type: 'statement' });
    expect(c.date).toBe(TUE);
  });
});

describe('dates.resolver.within-event.stay: "upon arrival", "on her arrival"', () => {
  const previous = [{ type: 'visit' as const, date: '2025-07-12', trigger: 'landed in' }];
  it('dates the act on the arrival told last', () => {
    expect(resolve('Upon arrival he was received by his counterpart at the airport.', 'received', { published: TUE, previous }).date).toBe('2025-07-12');
    expect(resolve('On her arrival the prime minister laid a wreath and met the mayor.', 'met', { published: TUE, previous }).date).toBe('2025-07-12');
  });
  it('"on arrival of the aid" with no visit told before keeps the default day', () => {
    expect(resolve('Upon arrival of the convoy the officials met the governor.', 'met', { published: TUE, previous: [] }).date).toBe(TUE);
  });
});

describe('dates.resolver.named-again: the sentence names the act again with a definite noun', () => {
  const previous = [{ type: 'military' as const, date: '2025-07-11', trigger: 'launched airstrikes' }];
  it('"the strikes", "these attacks" retell the act told before under another word', () => {
    const a = resolve('Officials gave no detail on the strikes, but a local leader said two villages were bombed.', 'bombed', { published: TUE, previous }, { type: 'military' });
    expect(a.date).toBe('2025-07-11');
    expect(decided(a)).toEqual(['dates.resolver.named-again']);
    const b = resolve('Witnesses said helicopters shelled a market during these attacks near the border.', 'shelled', { published: TUE, previous }, { type: 'military' });
    expect(b.date).toBe('2025-07-11');
  });

  it('passes for another type, an indefinite noun, or an old act', () => {
    const a = resolve('Officials gave no detail on the strikes, but the envoy was summoned.', 'summoned', { published: TUE, previous }, { type: 'accusation' });
    expect(a.date).toBe(TUE);
    const b = resolve('A local leader said new strikes hit two villages.', 'hit', { published: TUE, previous }, { type: 'military' });
    expect(b.date).toBe(TUE);
    const c = resolve('A local leader said the strikes had resumed and villages were bombed.', 'bombed', { published: TUE, previous: [{ type: 'military', date: '2025-03-01', trigger: 'struck' }] }, { type: 'military' });
    expect(c.date).toBe(TUE);
  });
});

describe('dates.resolver.continued-account: a subject with a proper modifier names an actor anew', () => {
  it('"The Bolivian foreign minister said", "The Kenyan government rejected" do not carry the day', () => {
    const previous = [{ type: 'accusation' as const, date: '2025-07-13', trigger: 'accused' }];
    expect(resolve('The Peruvian foreign minister criticised the dispute as needless.', 'criticised', { published: TUE, previous }, { type: 'accusation' }).date).toBe(TUE);
    expect(resolve('The Kenyan government rejected the charges.', 'rejected', { published: TUE, previous }, { type: 'accusation' }).date).toBe(TUE);
  });
});
