import { describe, expect, it } from 'vitest';
import cueData from '../../scripts/data/date-cues.json' with { type: 'json' };
import { resolveDate } from '../../scripts/pipeline/dates.ts';
import { DATE_RESOLVERS } from '../../scripts/pipeline/dates/resolvers/index.ts';
import type { DateContext, EventType, Sentence } from '../../scripts/pipeline/types.ts';
import { candidateIn } from './dates-helpers.ts';

// 2025-07-15 is a Tuesday.
const TUE = '2025-07-15';

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

/** Body sentences following the candidate's, at later offsets. */
function later(...texts: string[]): Sentence[] {
  let at = 2000;
  return texts.map((text, i) => {
    const s: Sentence = { index: 10 + i, paragraph: 5 + i, text, start: at, end: at + text.length, kind: 'body' };
    at += text.length + 2;
    return s;
  });
}

describe('an act placed inside an event told before (dates.resolver.within-event)', () => {
  const talksOnSunday: DateContext['previous'] = [
    { type: 'visit', date: '2025-07-12', trigger: 'arrived in' },
    { type: 'meeting', date: '2025-07-13', trigger: 'held talks' },
  ];
  it('takes the day of the last event of the kind the noun names', () => {
    const r = resolve('The two ministers during the talks signed a memorandum on labour migration.', 'signed', { published: TUE, previous: talksOnSunday }, { type: 'agreement' });
    expect(r.date).toBe('2025-07-13');
    expect(decided(r)).toEqual(['dates.resolver.within-event']);
    // A general noun ("the event") takes the last event of any kind; up to two modifiers.
    expect(resolve('At the glittering closing event, nine accords were signed.', 'signed', { published: TUE, previous: talksOnSunday }, { type: 'agreement' }).date).toBe('2025-07-13');
    // "during the visit" names the visit, not the later talks.
    expect(resolve('During the state visit, both sides signed a visa waiver.', 'signed', { published: TUE, previous: talksOnSunday }, { type: 'agreement' }).date).toBe('2025-07-12');
  });

  it('passes without such a phrase, without an event of that kind, for background, and for a day of its own', () => {
    const ctx: DateContext = { published: TUE, previous: talksOnSunday };
    // No bridging phrase ("their talks" is no definite reference either).
    expect(resolve('The envoys signed a memorandum to crown their talks.', 'signed', ctx, { type: 'agreement' }).date).toBe(TUE);
    // "the summit" names a meeting; only a visit was told before.
    expect(resolve('The leaders at the summit signed a pact.', 'signed', { published: TUE, previous: [{ type: 'visit', date: '2025-07-12', trigger: 'arrived' }] }, { type: 'agreement' }).date).toBe(TUE);
    expect(resolve('The ministers during the talks had signed a pact.', 'had signed', ctx, { type: 'agreement', needsOwnDate: true }).date).toBeNull();
    // The sentence's own cue wins.
    expect(resolve('During the talks on Monday the envoys signed a pact.', 'signed', ctx, { type: 'agreement' }).date).toBe('2025-07-14');
  });
});

describe('a possessive frame phrase (dates.resolver.within-event.possessive)', () => {
  const previous: DateContext['previous'] = [
    { type: 'visit', date: '2025-07-12', trigger: 'arrived in' },
    { type: 'meeting', date: '2025-07-13', trigger: 'held talks' },
  ];
  it('"during their talks" and "during his visit" name the frame event like "the" does', () => {
    const r = resolve('During their lengthy bilateral talks, the envoys agreed to reopen consulates.', 'agreed', { published: TUE, previous }, { type: 'agreement' });
    expect(r.date).toBe('2025-07-13');
    expect(decided(r)).toEqual(['dates.resolver.within-event']);
    expect(r.trace?.find((s) => s.rule === 'dates.resolver.within-event')?.action).toContain('dates.resolver.within-event.possessive');
    expect(resolve('During his visit, the two sides signed a visa waiver.', 'signed', { published: TUE, previous }, { type: 'agreement' }).date).toBe('2025-07-12');
  });

  it('passes when a past modifier places the possessive event earlier', () => {
    const r = resolve('During his previous trip, the two sides signed a visa waiver.', 'signed', { published: TUE, previous }, { type: 'agreement' });
    expect(r.trace?.find((s) => s.rule === 'dates.resolver.within-event')?.action).toMatch(/^pass/u);
    expect(r.date).not.toBe('2025-07-12');
  });
});

describe('the act told last, told again (dates.resolver.told-before)', () => {
  const strike: DateContext['previous'] = [{ type: 'military', date: '2025-06-20', trigger: 'launched a drone attack' }];
  it('takes the day of the event told last when type and head word agree, however old', () => {
    const r = resolve('Kyiv said Russia launched 90 drones, most of which were shot down.', 'launched', { published: TUE, previous: strike }, { type: 'military' });
    expect(r.date).toBe('2025-06-20');
    expect(decided(r)).toEqual(['dates.resolver.told-before']);
  });

  it('passes for another head word, another type, or a day of its own', () => {
    const ctx: DateContext = { published: TUE, previous: strike };
    expect(resolve('Ukraine struck two Russian airfields.', 'struck', ctx, { type: 'military' }).date).toBe(TUE);
    expect(resolve('Moscow launched a protest with the envoy.', 'launched', ctx, { type: 'accusation' }).date).toBe(TUE);
    expect(resolve('Russia launched more drones on Monday.', 'launched', ctx, { type: 'military' }).date).toBe('2025-07-14');
  });
});

describe('an act named as earlier than the story (dates.background.past-modifier)', () => {
  it('gets no day without a cue of its own, whatever the defaults would say', () => {
    const r = resolve('The envoy briefed Rome on the results of his recent trip to Ankara.', 'trip to', { published: TUE }, { type: 'visit' });
    expect(r.date).toBeNull();
    expect(decided(r)).toEqual(['dates.resolver.undated-background']);
    expect(resolve('Their earlier border talks ended without a deal.', 'talks', { published: TUE }).date).toBeNull();
  });

  it('keeps a day of its own, and leaves acts without such a word alone', () => {
    expect(resolve('His last visit to Ankara took place on Sunday.', 'visit', { published: TUE }, { type: 'visit' }).date).toBe('2025-07-13');
    expect(resolve('The envoy began a trip to Ankara.', 'trip to', { published: TUE }, { type: 'visit' }).date).toBe(TUE);
    // "last-minute" is one word: no earlier act.
    expect(resolve('Both sides held last-minute talks in Geneva.', 'talks', { published: TUE }).date).toBe(TUE);
  });
});

describe('a plain "after X" with a day of X\'s own (dates.anchor.plain-after)', () => {
  it('gives no day of its own: the event only came later', () => {
    const r = resolve('The Chilean president flew to Lima to congratulate the winner after the run-off vote on Sunday.', 'flew to', { published: TUE }, { type: 'visit' });
    expect(r.date).toBe(TUE);
    expect(r.trace?.find((t) => t.rule === 'dates.resolver.anchor')?.detail).toContain('dates.anchor.plain-after');
  });

  it('still counts an amount from the other event\'s day', () => {
    expect(resolve('The Chilean president flew to Lima two days after the run-off vote on Sunday.', 'flew to', { published: TUE }, { type: 'visit' }).date).toBe('2025-07-15');
    expect(resolve('The Chilean president flew to Lima a day after the run-off vote on Saturday.', 'flew to', { published: TUE }, { type: 'visit' }).date).toBe('2025-07-13');
  });
});

describe('a lead event told again later with its day (dates.resolver.later-retelling)', () => {
  it('takes the day of a later sentence that repeats the trigger\'s head word', () => {
    const cases: [string, string, EventType, string[], string][] = [
      ['The Treasury has announced new sanctions on a dozen shipping firms.', 'announced', 'sanction',
        ['The firms are based in three countries.', 'The department announced the measures in a statement on Wednesday night.'], '2025-07-09'],
      ['Ghana has expelled two Burkinabe diplomats.', 'expelled', 'sanction',
        ['The two were expelled on Saturday, officials confirmed.'], '2025-07-12'],
      ['Chile and Peru signed a maritime cooperation pact.', 'signed', 'agreement',
        ['Ministers signed the text in Lima on Monday, a diplomat said.'], '2025-07-14'],
    ];
    for (const [lead, trigger, type, rest, day] of cases) {
      const r = resolve(lead, trigger, { published: TUE, following: later(...rest) }, { type });
      expect(r.date, lead).toBe(day);
      expect(decided(r)).toEqual(['dates.resolver.later-retelling']);
    }
  });

  it('takes the day of a definite noun naming the type ("the meeting that took place on Monday")', () => {
    const r = resolve('The foreign ministers of the two states met in Vienna under Swiss auspices.', 'met', {
      published: TUE,
      following: later('Both sides praised the hosts.', 'Bern offered to host a second round after the meeting that took place on Monday.'),
    });
    expect(r.date).toBe('2025-07-14');
  });

  it('takes the day of a definite noun phrase whose modifiers carry the day ("the Tuesday evening phone call")', () => {
    const ctx = (...rest: string[]): DateContext => ({ published: TUE, following: later(...rest) });
    const r = resolve('The Omani foreign minister has told his Kenyan colleague over the phone that the port deal stands.', 'told', ctx(
      'A readout that summed up the Sunday night phone call was posted by the ministry.',
    ));
    expect(r.date).toBe('2025-07-13');
    expect(decided(r)).toEqual(['dates.resolver.later-retelling']);
    // Four modifiers or more: too far from the article to be one noun phrase.
    expect(resolve('The two envoys met in Doha.', 'met', ctx('Envoys of the two neighbouring Gulf states ended a meeting on Friday.')).date).toBe(TUE);
  });

  it('ignores a later day that belongs to another word, to reporting verbs, to an older event or to the future', () => {
    const ctx = (...rest: string[]): DateContext => ({ published: TUE, following: later(...rest) });
    // Same parties, other act.
    expect(resolve('Peru has expelled Venezuelan diplomats.', 'expelled', ctx('Venezuela recalled its own envoy on Sunday.'), { type: 'sanction' }).date).toBe(TUE);
    // "said" is in every quote.
    expect(resolve('China opposes the tariffs, a spokesman said.', 'said', ctx('A ministry official said on Friday that talks would go on.'), { type: 'statement' }).date).toBe(TUE);
    // Weeks before: another occasion.
    expect(resolve('The two leaders met in Rome.', 'met', ctx('They last met on June 2 in Paris.')).date).toBe(TUE);
    // Possessive pronoun, plural: their earlier meetings.
    expect(resolve('The two envoys met in Doha.', 'met', ctx('It follows their meetings on Friday and Saturday in Cairo.')).date).toBe(TUE);
    // The future.
    expect(resolve('Kenya and Angola signed five agreements.', 'signed', ctx('More deals will be signed on Friday.'), { type: 'agreement' }).date).toBe(TUE);
  });
});

describe('"also met" continues the account told before (dates.resolver.continued-account)', () => {
  const before = [{ type: 'meeting' as EventType, date: '2025-07-13', trigger: 'held talks' }];
  it('takes the day of the event told last', () => {
    for (const [text, trigger] of [
      ['The minister also met the Fijian prime minister.', 'met'],
      ['She then travelled to Suva for talks with officials.', 'travelled'],
      ['The delegation later visited a naval base outside the capital.', 'visited'],
      ['Fiji swiftly responded, expelling two of the envoys.', 'expelling'],
      ['The rebels retaliated by shelling the port.', 'shelling'],
    ] as const) {
      const r = resolve(text, trigger, { published: TUE, previous: before });
      expect(r, text).toMatchObject({ date: '2025-07-13', evidence: 'anchor' });
      expect(decided(r)).toEqual(['dates.resolver.continued-account']);
    }
  });

  it('needs the marker before the trigger, a recent day, and an asserted event', () => {
    expect(resolve('The minister met the Fijian prime minister.', 'met', { published: TUE, previous: before }).date).toBe(TUE);
    const old = [{ type: 'meeting' as EventType, date: '2025-05-01', trigger: 'held talks' }];
    expect(resolve('He also met the Fijian prime minister.', 'met', { published: TUE, previous: old }).date).toBe(TUE);
    expect(resolve('He also met the Fijian prime minister.', 'met', { published: TUE, previous: before }, { needsOwnDate: true }).date).toBeNull();
  });
});

describe('a speaker referring back goes on with the account (dates.resolver.continued-account)', () => {
  const before = [{ type: 'accusation' as EventType, date: '2025-07-13', trigger: 'summoned' }];
  it('takes the day of the event told last when the sentence opens with "The ... official said" or "He added"', () => {
    for (const [text, trigger] of [
      ['The Chilean official said the new tariffs were unjustified and warned of a response.', 'warned'],
      ['He added that Lima would recall its ambassador for consultations.', 'recall'],
    ] as const) {
      const r = resolve(text, trigger, { published: TUE, previous: before }, { type: 'threat' });
      expect(r, text).toMatchObject({ date: '2025-07-13', evidence: 'anchor' });
    }
  });

  it('does not apply to a speaker named in full, or a speaker later in the sentence', () => {
    expect(resolve('Chile\'s foreign minister said the tariffs were unjustified.', 'said', { published: TUE, previous: before }, { type: 'statement' }).date).toBe(TUE);
    expect(resolve('Tariffs were unjustified, the official said.', 'said', { published: TUE, previous: before }, { type: 'statement' }).date).toBe(TUE);
  });
});

describe('"from Monday" starts an event (dates.cue.start-from-weekday)', () => {
  it('a weekday after "from" dates the event; "since" still does not', () => {
    expect(resolve('The envoys held four days of talks from Monday in Muscat.', 'held', { published: '2025-07-18' }).date).toBe('2025-07-14');
    expect(resolve('Naval drills ran from Saturday off the coast.', 'drills', { published: TUE }, { type: 'military' }).date).toBe('2025-07-12');
    expect(resolve('Talks between the envoys have continued since Monday.', 'Talks', { published: '2025-07-18' })).toMatchObject({ evidence: 'publication' });
  });
});

describe('a day of the month written alone (dates.cue.ordinal-day)', () => {
  it('"on the 8th" is the latest 8th on or before publication', () => {
    expect(resolve('The two defence chiefs signed the access pact in Manila on the 8th.', 'signed', { published: '2024-07-09' }, { type: 'agreement' }).date).toBe('2024-07-08');
    expect(resolve('The envoys met on the 21st, a spokesman said.', 'met', { published: '2024-07-09' }).date).toBe('2024-06-21');
    expect(resolve('Ministers met on the 2nd and again on the 5th.', 'met', { published: '2024-03-05' }).date).toBe('2024-03-02');
  });

  it('an ordinal before a noun is not a day', () => {
    const r = resolve('Leaders gathered for the 13th summit of the bloc in Lisbon.', 'gathered', { published: '2024-07-09' });
    expect(r).toMatchObject({ date: '2024-07-09', evidence: 'publication' });
  });
});

describe('a cue after an act noun with its complement dates that act (dates.select.act-noun-phrase)', () => {
  it('the condemnation does not take the day of the act it condemns', () => {
    for (const [text, trigger] of [
      ['Seven foreign ministers condemned Pyongyang for the launch of a long-range missile last week.', 'condemned'],
      ['Jakarta protested against the seizure of a fishing boat near the Natuna islands on Saturday.', 'protested'],
      ['The ministry denounced an attack on a border post on Sunday.', 'denounced'],
      // A bare plural after "for", with an appositive's commas before the day.
      ['The junta blamed its neighbour for airstrikes in Gao, a northern town, late on Sunday.', 'blamed'],
      ['Caracas faulted Bogota for raids near the frontier on Sunday.', 'faulted'],
    ] as const) {
      const r = resolve(text, trigger, { published: TUE }, { type: 'accusation' });
      expect(r, text).toMatchObject({ date: TUE, evidence: 'publication' });
    }
  });

  it('the act itself, and a cue right after a plain object, keep the day', () => {
    expect(resolve('North Korea carried out the launch of a new missile on Sunday.', 'launch', { published: TUE }, { type: 'military' }).date).toBe('2025-07-13');
    expect(resolve('Seoul condemned the attack on Sunday.', 'condemned', { published: TUE }, { type: 'accusation' }).date).toBe('2025-07-13');
  });
});

describe('a relative day restated by an explicit date (dates.cue.appositive-day)', () => {
  it('takes the explicit date when "today" is restated as another day', () => {
    // published the 15th, but the story says "today, the 14th July"
    const r = resolve('The two defence ministers signed the protocol in Accra today, the 14th July 2025, after a day of talks.', 'signed', { published: TUE });
    expect(r.date).toBe('2025-07-14');
    expect(r.trace?.find((s) => s.rule === 'dates.resolver.own-cue')?.action).toContain('dates.cue.appositive-day');
  });

  it('takes the explicit date in brackets after a weekday that does not fit it', () => {
    const r = resolve('The envoys met on Monday (July 7) in Geneva.', 'met', { published: TUE });
    expect(r.date).toBe('2025-07-07');
  });

  it('leaves a relative day alone when the explicit date is not right after it', () => {
    const r = resolve('The ministers signed the deal today, a week after the July 8 summit in Lima.', 'signed', { published: TUE });
    expect(r.date).toBe(TUE);
  });
});

describe('a past period opening the sentence before frames an undated sentence (dates.frame.background-period)', () => {
  const frame = (text: string, paragraph = 2): Sentence => ({ index: 3, paragraph, text, start: 100, end: 100 + text.length, kind: 'body' });

  it('places an undated act right after "In March 2019, ..." in that month, even when that sentence had its own act', () => {
    const r = resolve('The Chilean president criticised the Bolivian claim at length.', 'criticised', {
      published: TUE,
      earlier: [frame('In March 2019, Bolivia recalled its ambassador from Chile after a border dispute.')],
    });
    expect(r.range).toEqual({ from: '2019-03-01', to: '2019-03-31' });
    expect(r.precision).toBe('approximate');
    expect(r.trace?.find((s) => s.rule === 'dates.resolver.carried-opening')?.action).toContain('dates.frame.background-period');
  });

  it('does not carry a recent period, a period that does not open the sentence, or one from another paragraph', () => {
    const text = 'The Chilean president criticised the Bolivian claim at length.';
    const recent = resolve(text, 'criticised', { published: TUE, earlier: [frame('Last week, Bolivia recalled its ambassador from Chile.')] });
    expect(recent.date).toBe(TUE);
    const inside = resolve(text, 'criticised', { published: TUE, earlier: [frame('Bolivia recalled its ambassador from Chile in March 2019.')] });
    expect(inside.date).toBe(TUE);
    const otherParagraph = resolve(text, 'criticised', { published: TUE, earlier: [frame('In March 2019, Bolivia recalled its ambassador from Chile.', 1)] });
    expect(otherParagraph.date).toBe(TUE);
  });
});

describe("a day-after report's news day (dates.resolver.news-day)", () => {
  // Published Tuesday 2025-07-15; the acts dated so far all lie on Monday, told well before (no sentence index:
  // the story-frame resolver, which needs the account right before, stays out).
  const monday: DateContext['previous'] = [
    { type: 'visit', date: '2025-07-14', trigger: 'flew to', evidence: 'weekday' },
    { type: 'meeting', date: '2025-07-14', trigger: 'held talks', evidence: 'weekday' },
  ];
  it('an act with nothing else to date it takes the one recent day the dated acts lie on', () => {
    const r = resolve('The delegation was greeted at the palace by the foreign minister of the host country.', 'greeted', { published: TUE, previous: monday }, { type: 'meeting' });
    expect(r).toMatchObject({ date: '2025-07-14', evidence: 'anchor', newsDay: true });
    expect(decided(r)).toEqual(['dates.resolver.news-day']);
  });

  it('leaves the defaults in charge for two recent days, a dated act on the publication day, defaults only, or background', () => {
    const text = 'The delegation was greeted at the palace by the foreign minister of the host country.';
    const twoDays = [...monday!, { type: 'meeting' as EventType, date: '2025-07-13', trigger: 'met', evidence: 'weekday' as const }];
    expect(resolve(text, 'greeted', { published: TUE, previous: twoDays }, { type: 'meeting' }).date).toBe(TUE);
    const today = [{ type: 'visit' as EventType, date: TUE, trigger: 'arrived', evidence: 'relative' as const }];
    expect(resolve(text, 'greeted', { published: TUE, previous: today }, { type: 'meeting' }).date).toBe(TUE);
    const byDefault = [{ type: 'visit' as EventType, date: '2025-07-14', trigger: 'arrived', evidence: 'dateline' as const }];
    expect(resolve(text, 'greeted', { published: TUE, previous: byDefault }, { type: 'meeting' }).date).toBe(TUE);
    const old = [{ type: 'visit' as EventType, date: '2025-07-01', trigger: 'arrived', evidence: 'explicit' as const }];
    expect(resolve(text, 'greeted', { published: TUE, previous: old }, { type: 'meeting' }).date).toBe(TUE);
    expect(resolve(text, 'greeted', { published: TUE, previous: monday }, { type: 'meeting', needsOwnDate: true }).date).toBeNull();
  });

  it('a strike told first frames later strikes only, not the reactions that answer it', () => {
    const strike = [{ type: 'military' as EventType, date: '2025-07-14', trigger: 'shelled', evidence: 'weekday' as const }];
    const reaction = 'The neighbouring government recalled its envoy in protest at the shelling.';
    expect(resolve(reaction, 'recalled', { published: TUE, previous: strike }, { type: 'sanction' }).date).toBe(TUE);
    const again = 'Artillery units shelled the border villages a second time.';
    expect(resolve(again, 'shelled', { published: TUE, previous: strike }, { type: 'military' }).date).toBe('2025-07-14');
  });
});

describe("the dateline's day is no cue of the act's own (dates.own-cue.dateline-not-own)", () => {
  it('a "Place, Month day, AGENCY –" opening passes own-cue; a later sentence with the act\'s own day decides', () => {
    const following = later('The accord on border trade was signed on Monday in the capital after two days of talks.');
    const r = resolve('Lusaka, July 15, ZNA – Zambia and Malawi have signed an accord on border trade.', 'signed', { published: TUE, following }, { type: 'agreement' });
    expect(r.trace?.find((s) => s.rule === 'dates.resolver.own-cue')?.detail).toContain('dates.own-cue.dateline-not-own');
    expect(r.date).toBe('2025-07-14');
  });

  it('keeps a day that opens a sentence without a dash, and a day inside the clause', () => {
    expect(resolve('Lusaka, July 14, was the scene of the signing of a border trade accord.', 'signing', { published: TUE }, { type: 'agreement' }).date).toBe('2025-07-14');
    expect(resolve('Zambia and Malawi signed an accord on July 14 – a first for the region.', 'signed', { published: TUE }, { type: 'agreement' }).date).toBe('2025-07-14');
  });
});

describe("an ultimatum's deadline is not the threat's day (dates.own-cue.deadline-span)", () => {
  const text = 'Kenya says it will expel hundreds of Ugandan advisers by the end of the year unless Kampala drops a disputed pipeline deal.';
  it('a future period opened by "by" is passed over: the lead threat takes the publication day', () => {
    const r = resolve(text, 'will expel', { published: TUE }, { type: 'threat' });
    expect(r.trace?.find((s) => s.rule === 'dates.resolver.own-cue')?.detail).toContain('dates.own-cue.deadline-span');
    expect(r).toMatchObject({ date: TUE, evidence: 'publication' });
  });

  it('leaves a period without a deadline word, and other act types, to own-cue', () => {
    expect(resolve('Kenya says it will expel hundreds of Ugandan advisers later this year.', 'will expel', { published: TUE }, { type: 'threat' }).date).toBeNull();
    expect(resolve(text, 'will expel', { published: TUE }, { type: 'sanction' }).date).toBeNull();
  });
});

describe('"on the eve of" an event dated next to its noun (dates.resolver.eve-of)', () => {
  // Published Tuesday 2025-07-15.
  it('a later sentence naming the act again places it on the day before the event', () => {
    const following = later('Their brief meeting came on the eve of a regional forum in Nairobi.', 'Both leaders will speak at Tuesday\'s forum on trade routes.');
    const r = resolve('The presidents of Kenya and Tanzania have met to discuss a joint railway.', 'have met', { published: TUE, following }, { type: 'meeting' });
    expect(r).toMatchObject({ date: '2025-07-14', evidence: 'anchor' });
    expect(decided(r)).toEqual(['dates.resolver.eve-of']);
  });

  it('passes without a day next to the noun, or when the later sentence does not name the act', () => {
    const noDay = later('Their brief meeting came on the eve of a regional forum in Nairobi.');
    expect(resolve('The presidents of Kenya and Tanzania have met to discuss a joint railway.', 'have met', { published: TUE, following: noDay }, { type: 'meeting' }).date).toBe(TUE);
    const other = later('Protests broke out on the eve of a regional forum in Nairobi.', 'Both leaders will speak at Tuesday\'s forum on trade routes.');
    expect(resolve('The presidents of Kenya and Tanzania have met to discuss a joint railway.', 'have met', { published: TUE, following: other }, { type: 'meeting' }).date).toBe(TUE);
  });
});
