import { describe, expect, it } from 'vitest';
import { genericTitleRule, genericTitleShare, isGenericTitle, makeTitle, presentTense, retitleMerged } from '../../scripts/pipeline/title.ts';
import { passiveSides } from '../../scripts/pipeline/passive-act.ts';
import type { ExtractedEvent } from '../../scripts/pipeline/types.ts';

const NAMES: Record<string, string> = { CHN: 'China', RUS: 'Russia', USA: 'United States', IND: 'India', IRN: 'Iran', FRA: 'France', DEU: 'Germany' };
const countryName = (iso: string) => NAMES[iso];

function ev(over: Partial<Omit<ExtractedEvent, 'title'>> & { sentence?: string; trigger?: string } = {}): Omit<ExtractedEvent, 'title'> {
  const sentence = over.sentence ?? '';
  const at = over.trigger ? sentence.indexOf(over.trigger) : 0;
  const { sentence: _s, trigger: _t, ...rest } = over;
  return {
    type: 'meeting',
    date: '2025-07-15',
    datePrecision: 'day',
    dateEvidence: 'publication',
    countries: [],
    organizations: [],
    actors: [],
    confidence: 0.8,
    source: {
      document: 'd',
      published: '2025-07-15',
      sentence,
      start: 0,
      end: sentence.length,
      trigger: { start: Math.max(at, 0), end: Math.max(at, 0) + (over.trigger?.length ?? 0) },
    },
    ...rest,
  };
}

describe('makeTitle', () => {
  it('names both people and the place of a meeting', () => {
    const t = makeTitle(
      ev({
        countries: ['CHN', 'RUS'],
        actors: [
          { name: 'Xi Jinping', country: 'CHN', role: 'President' },
          { name: 'Sergei Lavrov', country: 'RUS', role: 'Foreign Minister' },
        ],
        location: 'Beijing',
        sentence: 'Xi Jinping met Sergei Lavrov in Beijing.',
        trigger: 'met',
      }),
      countryName,
    );
    expect(t).toBe('Xi Jinping meets Sergei Lavrov in Beijing');
  });

  it('says what a threat is about', () => {
    const t = makeTitle(
      ev({
        type: 'threat',
        countries: ['RUS', 'USA'],
        actors: [{ name: 'Donald Trump', country: 'USA' }],
        sentence: 'Donald Trump warned Russia that he will impose tariffs on its partners.',
        trigger: 'warned Russia that he will impose',
      }),
      countryName,
    );
    expect(t).toBe('Donald Trump threatens Russia with tariffs');
  });

  it('uses country names when no person is named, the actor first', () => {
    const t = makeTitle(
      ev({ type: 'accusation', countries: ['CHN', 'USA'], sentence: 'China criticised the United States for its arms sales.', trigger: 'criticised' }),
      countryName,
    );
    expect(t).toBe('China criticises United States');
    const u = makeTitle(
      ev({ type: 'accusation', countries: ['CHN', 'USA'], sentence: 'The United States accused China of hacking.', trigger: 'accused' }),
      countryName,
    );
    expect(u).toBe('United States accuses China');
  });

  it('titles other types readably', () => {
    expect(
      makeTitle(ev({ type: 'sanction', countries: ['IRN', 'USA'], sentence: 'The United States imposed sanctions on Iran.', trigger: 'imposed sanctions' }), countryName),
    ).toBe('United States imposes sanctions on Iran');
    expect(
      makeTitle(ev({ type: 'agreement', countries: ['DEU', 'FRA'], sentence: 'France and Germany signed a defence treaty.', trigger: 'signed a defence treaty' }), countryName),
    ).toBe('France and Germany sign treaty');
    expect(
      makeTitle(ev({ type: 'visit', countries: ['IND', 'RUS'], actors: [{ name: 'Narendra Modi', country: 'IND' }], sentence: 'Modi arrived in Russia.', trigger: 'arrived in' }), countryName),
    ).toBe('Narendra Modi arrives in Russia');
  });

  it('titles a multilateral meeting by its organisation', () => {
    const t = makeTitle(
      ev({ countries: ['CHN', 'IND', 'IRN', 'RUS'], organizations: ['SCO'], location: 'Beijing', sentence: 'Ministers gathered in Beijing for SCO talks.', trigger: 'gathered' }),
      countryName,
    );
    expect(t).toBe('SCO meeting in Beijing');
  });

  it('never returns markup, stays short and never empty', () => {
    const t = makeTitle(
      ev({
        type: 'statement',
        countries: ['FRA'],
        actors: [{ name: '<b>Jean</b> <script>x()</script>Dupont ' + 'Very Long Name '.repeat(10), country: 'FRA' }],
      }),
      countryName,
    );
    expect(t).not.toMatch(/[<>]/);
    expect(t.length).toBeLessThanOrEqual(90);
    expect(makeTitle(ev({ type: 'military' }), countryName)).toBe('Military');
    expect(makeTitle(ev({ type: 'sanction', countries: ['XXX'] }), () => undefined)).toBe('XXX imposes sanctions');
  });
});

describe('makeTitle: the visitor of a visit', () => {
  it('is the guest when the sentence names the host first and the place is the host\'s capital', () => {
    const t = makeTitle(
      ev({
        type: 'visit',
        countries: ['CHN', 'IND'],
        actors: [
          { name: 'Narendra Modi', country: 'IND', role: 'Prime Minister' },
          { name: 'Li Qiang', country: 'CHN', role: 'Premier' },
        ],
        location: 'New Delhi',
        sentence: 'Prime Minister Narendra Modi received Premier Li Qiang during his official visit to New Delhi.',
        trigger: 'official visit to New Delhi',
      }),
      (iso) => ({ CHN: 'China', IND: 'India' })[iso],
    );
    expect(t).toBe('Li Qiang visits New Delhi');
  });
});

describe('makeTitle: multilateral military acts', () => {
  it('titles three states\' exercise as joint drills when the trigger\'s phrase ends on the exercise noun', () => {
    const t = makeTitle(
      ev({
        type: 'military',
        countries: ['FRA', 'IND', 'USA'],
        sentence: 'The navies of India, France and the United States held a large anti-submarine exercise on Monday.',
        trigger: 'held a large anti-submarine',
      }),
      countryName,
    );
    expect(t).toBe('France, India and United States hold joint drills');
  });
});

describe('makeTitle: multilateral meetings', () => {
  it('lists the member states when no organisation is known, even with named people', () => {
    const t = makeTitle(
      ev({
        countries: ['CHN', 'IND', 'IRN', 'RUS'],
        actors: [
          { name: 'Sergei Lavrov', country: 'RUS' },
          { name: 'Abbas Araghchi', country: 'IRN' },
        ],
        location: 'Beijing',
        sentence: 'Top diplomats arrived in Beijing for a meeting.',
        trigger: 'arrived in Beijing for a meeting',
      }),
      countryName,
    );
    expect(t).toBe('Meeting of China, India, Iran and Russia in Beijing');
  });
});

describe('makeTitle: who acts', () => {
  it('puts first the state named (by any usual name) before the trigger', () => {
    const t = makeTitle(
      ev({ type: 'sanction', countries: ['CHN', 'USA'], sentence: 'Washington slapped new tariffs on Chinese steel on Friday.', trigger: 'slapped new tariffs' }),
      countryName,
    );
    expect(t).toBe('United States imposes tariffs on China');
  });

  it('lets an organisation act when it is named first', () => {
    const t = makeTitle(
      ev({ type: 'threat', countries: ['USA'], organizations: ['EU'], sentence: 'The EU said it will impose tariffs on U.S. bourbon.', trigger: 'said it will impose' }),
      countryName,
    );
    expect(t).toBe('EU threatens United States with tariffs');
  });

  it('says "holds talks with" a state and "meets" a person', () => {
    const withState = makeTitle(
      ev({ countries: ['CHN', 'USA'], actors: [{ name: 'Donald Trump', country: 'USA' }], sentence: 'Trump met Chinese officials.', trigger: 'met' }),
      countryName,
    );
    expect(withState).toBe('Donald Trump holds talks with China');
  });

  it('titles an organisation-only meeting without repeating the organisation', () => {
    expect(makeTitle(ev({ organizations: ['G20'], sentence: 'The G20 meeting took place in Bonn.', trigger: 'meeting took place' }), countryName)).toBe(
      'G20 meeting',
    );
  });

  it('titles expulsions', () => {
    const t = makeTitle(
      ev({ type: 'sanction', countries: ['NLD', 'RUS'], sentence: 'Russia ordered the expulsion of Dutch diplomats.', trigger: 'ordered the expulsion of Dutch diplomats' }),
      (iso) => ({ NLD: 'Netherlands', RUS: 'Russia' })[iso],
    );
    expect(t).toBe('Russia expels diplomats of Netherlands');
  });
});

describe('makeTitle: the actor of a reported or passive event', () => {
  it('takes the actor after a reporting verb, not the source that reports', () => {
    const t = makeTitle(
      ev({ type: 'military', countries: ['KOR', 'PRK'], sentence: "South Korea's military said that North Korea fired a missile into the sea.", trigger: 'fired a missile' }),
      (iso) => ({ KOR: 'South Korea', PRK: 'North Korea' })[iso],
    );
    expect(t).toBe('North Korea strikes South Korea');
  });

  it('takes the agent after "by" in the passive', () => {
    const t = makeTitle(
      ev({ type: 'military', countries: ['JPN', 'PRK'], sentence: "Japan's coast guard said a projectile was launched by North Korea.", trigger: 'was launched by' }),
      (iso) => ({ JPN: 'Japan', PRK: 'North Korea' })[iso],
    );
    expect(t).toMatch(/^North Korea /);
  });

  it('puts a person named before the trigger first, even after a demonym', () => {
    const t = makeTitle(
      ev({
        countries: ['CHN', 'RUS'],
        actors: [
          { name: 'Sergei Lavrov', country: 'RUS' },
          { name: 'Xi Jinping', country: 'CHN' },
        ],
        sentence: "Chinese President Xi Jinping told Russia's top diplomat Sergei Lavrov that ties should deepen.",
        trigger: "told Russia's top diplomat",
      }),
      countryName,
    );
    expect(t).toBe('Xi Jinping meets Sergei Lavrov');
  });
});

describe('makeTitle: a person referred to by role', () => {
  it('uses the named person of the state named before the trigger', () => {
    const t = makeTitle(
      ev({
        type: 'visit',
        countries: ['CHN', 'RUS'],
        actors: [{ name: 'Sergei Lavrov', country: 'RUS' }],
        sentence: 'The Russian foreign minister arrived in China on Sunday.',
        trigger: 'arrived in',
      }),
      countryName,
    );
    expect(t).toBe('Sergei Lavrov arrives in China');
  });
});

describe('makeTitle: a second reported complement', () => {
  it('takes the actor of the complement that holds the trigger', () => {
    const t = makeTitle(
      ev({
        type: 'threat',
        countries: ['PRK', 'USA'],
        sentence: 'A spokesman said on state radio that the U.S. bore the blame and that the DPRK was ready to take all necessary measures.',
        trigger: 'ready to take all necessary measures',
      }),
      (iso) => ({ PRK: 'North Korea', USA: 'United States' })[iso],
    );
    expect(t).toBe('North Korea threatens United States');
  });
});

describe('makeTitle: counterparts', () => {
  it('names the target state, not a person, for acts done to a state', () => {
    const t = makeTitle(
      ev({
        type: 'sanction',
        countries: ['RUS', 'USA'],
        actors: [{ name: 'Joe Biden', country: 'USA' }],
        sentence: 'Russia expelled ten American diplomats, days after Joe Biden spoke.',
        trigger: 'expelled ten American diplomats',
      }),
      (iso) => ({ RUS: 'Russia', USA: 'United States' })[iso],
    );
    expect(t).toBe('Russia expels diplomats of United States');
  });

  it('does not take "told his counterpart" for a reporting verb', () => {
    const t = makeTitle(
      ev({
        type: 'threat',
        countries: ['RUS', 'USA'],
        actors: [
          { name: 'Sergei Lavrov', country: 'RUS' },
          { name: 'John Kerry', country: 'USA' },
        ],
        sentence: 'Lavrov told his US counterpart John Kerry that the sanctions were unacceptable and said there would be consequences.',
        trigger: 'said there would be consequences',
      }),
      (iso) => ({ RUS: 'Russia', USA: 'United States' })[iso],
    );
    expect(t).toMatch(/^Sergei Lavrov threatens /);
  });
});

describe('makeTitle: military wording', () => {
  it('titles joint drills as drills and tests as tests, never as strikes', () => {
    const names = (iso: string) => ({ JPN: 'Japan', USA: 'United States', PRK: 'North Korea' })[iso];
    expect(makeTitle(ev({ type: 'military', countries: ['JPN', 'USA'], sentence: 'Japan and the United States began joint exercises.', trigger: 'began joint exercises' }), names)).toBe(
      'Japan and United States hold joint drills',
    );
    expect(makeTitle(ev({ type: 'military', countries: ['PRK'], sentence: 'North Korea tested a cruise missile.', trigger: 'tested a cruise missile' }), names)).toBe(
      'North Korea tests missiles',
    );
  });

  it('calls two states\' drills joint only when the words say so; drills held against another state are aimed at it', () => {
    const names = (iso: string) => ({ CHN: 'China', TWN: 'Taiwan', PHL: 'Philippines', JPN: 'Japan' })[iso];
    expect(
      makeTitle(ev({ type: 'military', countries: ['CHN', 'TWN'], sentence: 'China started three days of naval drills around Taiwan on Monday.', trigger: 'started three days of naval drills' }), names),
    ).toBe('China holds military drills aimed at Taiwan');
    expect(
      makeTitle(ev({ type: 'military', countries: ['JPN', 'PHL'], sentence: 'The Philippines and Japan held their first combined naval exercises on Friday.', trigger: 'held their first combined naval exercises' }), names),
    ).toBe('Philippines and Japan hold joint drills');
  });
});

describe('makeTitle: an actor not named before the trigger', () => {
  const names = (iso: string) => ({ AFG: 'Afghanistan', PAK: 'Pakistan', BGD: 'Bangladesh', MMR: 'Myanmar', BLR: 'Belarus', POL: 'Poland' })[iso];

  it('takes the state named after the verb as the one acted on, so the other state acts', () => {
    expect(
      makeTitle(ev({ type: 'accusation', countries: ['AFG', 'PAK'], sentence: "The de facto authorities in Kabul on Monday summoned Pakistan's envoy over strikes in Afghanistan's east.", trigger: "summoned Pakistan's envoy" }), names),
    ).toBe('Afghanistan summons envoy of Pakistan');
    expect(
      makeTitle(ev({ type: 'accusation', countries: ['BGD', 'MMR'], sentence: 'The foreign ministry on Tuesday summoned the Myanmar ambassador after shells fell inside Bangladesh.', trigger: 'summoned the Myanmar ambassador' }), names),
    ).toBe('Bangladesh summons envoy of Myanmar');
  });

  it('a passive one-directional act: the subject\'s state is acted on (title.passive-acted-on)', () => {
    const names2 = (iso: string) => ({ NLD: 'Netherlands', VEN: 'Venezuela', HUN: 'Hungary', UKR: 'Ukraine', BLR: 'Belarus', LVA: 'Latvia', EST: 'Estonia', RUS: 'Russia' })[iso];
    // Active voice, for comparison.
    expect(makeTitle(ev({ type: 'accusation', countries: ['NLD', 'VEN'], sentence: 'Venezuela summoned the Dutch consul on Friday over the remarks.', trigger: 'summoned the Dutch consul' }), names2)).toBe('Venezuela summons envoy of Netherlands');
    // Passive with its agent after "by".
    expect(
      makeTitle(ev({ type: 'accusation', countries: ['NLD', 'VEN'], sentence: 'The Dutch consul in Caracas was summoned on Friday by the Venezuelan foreign ministry.', trigger: 'consul in Caracas was summoned' }), names2),
    ).toBe('Venezuela summons envoy of Netherlands');
    // Passive without an agent; the ministry's state is named later in the sentence; a possessive envoy with its name first.
    expect(
      makeTitle(
        ev({
          type: 'accusation',
          countries: ['HUN', 'UKR'],
          actors: [{ name: 'Lajos Kertesz', country: 'HUN', role: 'Ambassador' }],
          sentence: "Lajos Kertesz, Hungary's ambassador in Kyiv, has been summoned to the Ukrainian foreign ministry over the remarks.",
          trigger: 'ambassador in Kyiv, has been summoned',
        }),
        names2,
      ),
    ).toBe('Ukraine summons envoy of Hungary');
    // An expulsion in the passive: the diplomats' state is acted on, the posting's state acts.
    expect(makeTitle(ev({ type: 'sanction', countries: ['BLR', 'LVA'], sentence: 'Two Latvian diplomats were expelled from Minsk on Tuesday.', trigger: 'expelled' }), names2)).toBe('Belarus expels diplomats of Latvia');
    // A recall is done by the envoy's own state: no passive reading.
    expect(passiveSides(ev({ type: 'sanction', countries: ['EST', 'RUS'], sentence: 'Estonia said its ambassador to Russia had been recalled for consultations.', trigger: 'recalled' }))).toBeUndefined();
    // Both states in the subject: no side is known.
    expect(passiveSides(ev({ type: 'accusation', countries: ['EST', 'RUS'], sentence: 'Estonian and Russian envoys were summoned by the bloc on Monday.', trigger: 'summoned' }))).toBeUndefined();
  });

  it('keeps the first-named state when both are inside the act\'s own words', () => {
    const t = makeTitle(ev({ type: 'sanction', countries: ['BLR', 'POL'], sentence: 'Crossings between Poland and Belarus were shut on Friday night.', trigger: 'Crossings between Poland and Belarus were shut' }), names);
    expect(t.startsWith('Poland ')).toBe(true);
  });
});

describe('makeTitle: statements say what was said', () => {
  const names = (iso: string) => ({ CHN: 'China', USA: 'United States', IND: 'India', IRN: 'Iran', AFG: 'Afghanistan', PRT: 'Portugal', BLR: 'Belarus', POL: 'Poland' })[iso];

  it('uses the statement verb and its own words', () => {
    const t = makeTitle(
      ev({ type: 'statement', countries: ['CHN', 'USA'], sentence: 'China urged the United States on Monday to stop selling arms to Taiwan.', trigger: 'urged' }),
      names,
    );
    expect(t).toBe('China urges the United States to stop selling arms to Taiwan');
  });

  it('gives the reported content after a verb of saying, without the time words', () => {
    const t = makeTitle(
      ev({ type: 'statement', countries: ['AFG', 'IND'], sentence: 'India said on Monday that it would reopen its embassy in Kabul next month.', trigger: 'said' }),
      names,
    );
    expect(t).toBe('India says it would reopen its embassy in Kabul next month');
  });

  it('gives content that comes before the speaker, after the speaker and a colon', () => {
    const t = makeTitle(
      ev({
        type: 'statement',
        countries: ['BLR', 'POL'],
        actors: [{ name: 'Anna Nowak', country: 'POL', role: 'Interior Minister' }],
        sentence: '“We may close two more crossings with Belarus if the pressure continues,” Interior Minister Anna Nowak told reporters.',
        trigger: 'told',
      }),
      names,
    );
    expect(t).toBe('Anna Nowak: We may close two more crossings with Belarus if the pressure continues');
  });

  it('reads a subject with an apposition and an adverbial before the verb as the speaker, not as the content', () => {
    const t = makeTitle(
      ev({
        type: 'statement',
        countries: ['CHN', 'USA'],
        sentence: 'Beijing, a close partner of Tehran, in response said pressure from the United States would only harden positions.',
        trigger: 'said',
      }),
      names,
    );
    expect(t).toBe('China says pressure from the United States would only harden positions');
    const u = makeTitle(
      ev({ type: 'statement', countries: ['CHN', 'USA'], sentence: 'China, for its part, also said the tariffs broke trade rules.', trigger: 'said' }),
      names,
    );
    expect(u).toBe('China says the tariffs broke trade rules');
  });

  it('never gives a generic statement title when the clause has words to use', () => {
    for (const [sentence, trigger] of [
      ['Iran expressed deep concern about the renewed fighting near its border.', 'expressed'],
      ['Iran welcomed the release of the detained sailors.', 'welcomed'],
      ['Iran pledged humanitarian aid for the flood victims.', 'pledged'],
    ] as const) {
      const t = makeTitle(ev({ type: 'statement', countries: ['IRN'], sentence, trigger }), names);
      expect(isGenericTitle(t)).toBe(false);
      expect(t.startsWith('Iran ')).toBe(true);
    }
  });

  it('puts headline verbs in the present tense', () => {
    expect(['said', 'urged', 'called', 'expressed', 'denied', 'opposed', 'welcomed', 'reaffirmed', 'voiced', 'argued', 'says'].map(presentTense)).toEqual([
      'says',
      'urges',
      'calls',
      'expresses',
      'denies',
      'opposes',
      'welcomes',
      'reaffirms',
      'voices',
      'argues',
      'says',
    ]);
  });
});

describe('makeTitle: actor and target from the clause, never reversed', () => {
  const names = (iso: string) => ({ IRN: 'Iran', PRT: 'Portugal', DEU: 'Germany', RUS: 'Russia' })[iso];

  it('takes the subject the actors stage found, not the first name in an opening phrase', () => {
    const base = {
      type: 'accusation' as const,
      countries: ['IRN', 'PRT'],
      actors: [
        { name: 'Joana Matos', country: 'PRT' },
        { name: 'Reza Karimi', country: 'IRN' },
      ],
      sentence: 'In a call with his Portuguese counterpart Joana Matos on Friday, Reza Karimi denounced what he called foreign meddling.',
      trigger: 'denounced',
    };
    expect(makeTitle(ev({ ...base, agents: ['IRN'] }), names)).toMatch(/^Reza Karimi denounces /);
  });

  it('never names a person of a state that is not among the event\'s countries', () => {
    const t = makeTitle(
      ev({
        type: 'accusation',
        countries: ['DEU', 'RUS'],
        actors: [{ name: 'Li Wen', country: 'CHN' }],
        sentence: 'Germany condemned Russia for the cyber attack, a day after Li Wen visited Berlin.',
        trigger: 'condemned',
      }),
      names,
    );
    expect(t).toBe('Germany condemns Russia');
  });
});

describe('retitleMerged', () => {
  it('agrees with the merged type and countries', () => {
    const lead = { ...ev({ type: 'statement', countries: ['DEU'], sentence: 'Germany condemned Russia for the cyber attack.', trigger: 'condemned' }), title: 'x' };
    const t = retitleMerged(lead, { type: 'accusation', countries: ['DEU', 'RUS'], organizations: [], actors: [] }, names4);
    expect(t).toBe('Germany condemns Russia');
  });

  it('keeps the lead report\'s subject when the merge adds a state', () => {
    const lead = { ...ev({ type: 'accusation', countries: ['DEU', 'RUS'], agents: ['DEU'], sentence: 'Germany condemned Russia for the cyber attack.', trigger: 'condemned' }), title: 'x' };
    const t = retitleMerged(lead, { type: 'accusation', countries: ['DEU', 'FRA', 'RUS'], organizations: [], actors: [] });
    expect(t.startsWith('Germany ')).toBe(true);
  });
});

describe('generic titles', () => {
  it('are recognised by pattern id and counted', () => {
    expect(genericTitleRule('Iran comments on Iraq')).toBe('title.generic.comments-on');
    expect(genericTitleRule('Iran issues statement')).toBe('title.generic.issues-statement');
    expect(genericTitleRule('North Korea threatens United States with military action')).toBeUndefined();
    expect(genericTitleRule('Iran urges Iraq to reopen the border')).toBeUndefined();
    const r = genericTitleShare([{ title: 'Iran comments on Iraq' }, { title: 'Iran urges Iraq to act' }, { title: 'Iraq holds talks' }, { title: 'Iraq meets Iran' }]);
    expect(r).toEqual({ total: 4, generic: 2, share: 0.5, byRule: { 'title.generic.comments-on': 1, 'title.generic.holds-talks': 1 } });
  });
});

function names4(iso: string): string | undefined {
  return ({ DEU: 'Germany', RUS: 'Russia', FRA: 'France' } as Record<string, string>)[iso];
}

describe('makeTitle: three or more states', () => {
  it('names every state of a multilateral agreement', () => {
    const names = (iso: string) => ({ ARM: 'Armenia', AZE: 'Azerbaijan', USA: 'United States' })[iso];
    const t = makeTitle(
      ev({ type: 'agreement', countries: ['ARM', 'AZE', 'USA'], sentence: 'Armenia and Azerbaijan signed a peace declaration hosted by the United States.', trigger: 'signed' }),
      names,
    );
    expect(t).toBe('Armenia, Azerbaijan and United States sign agreement');
  });
});

describe('makeTitle: a state quoted before the verb is content, not the speaker', () => {
  it('leads with the agent when the quote names another state first', () => {
    const names = (iso: string) => ({ CHN: 'China', USA: 'United States' })[iso];
    const t = makeTitle(
      ev({
        type: 'statement',
        countries: ['CHN', 'USA'],
        agents: ['CHN'],
        sentence: '"We ask the United States to stop sending warships into the strait," the ministry said, and it added that talks remained possible.',
        trigger: 'added',
      }),
      names,
    );
    expect(t.startsWith('China')).toBe(true);
  });
});

describe('makeTitle: statement wording it must not use', () => {
  const names = (iso: string) => ({ BGD: 'Bangladesh', VNM: 'Vietnam', QAT: 'Qatar', TUR: 'Turkey' })[iso];
  it('does not turn a passive or a pronoun object into the subject\'s act', () => {
    const a = makeTitle(ev({ type: 'statement', countries: ['BGD', 'VNM'], sentence: 'The prime minister was called on by the outgoing envoy of Vietnam.', trigger: 'called on' }), names);
    expect(a).not.toMatch(/calls on by/);
    const b = makeTitle(ev({ type: 'statement', countries: ['BGD', 'VNM'], sentence: 'Bangladesh welcomed her at the residence on Thursday.', trigger: 'welcomed' }), names);
    expect(b).not.toMatch(/welcomes her/);
  });

  it('never titles a visit as a state visiting itself', () => {
    const t = makeTitle(ev({ type: 'visit', countries: ['QAT', 'TUR'], location: 'Qatar', sentence: 'Qatar received the Turkish president on Monday.', trigger: 'received' }), names);
    expect(t).toBe('Turkey visits Qatar');
  });
});

describe('makeTitle: hostile statement text', () => {
  it('stays short and plain on a huge run of punctuation', () => {
    const sentence = `China said ${','.repeat(200_000)}a`;
    const t = makeTitle(ev({ type: 'statement', countries: ['CHN'], sentence, trigger: 'said' }), (iso) => ({ CHN: 'China' })[iso]);
    expect(t.length).toBeLessThanOrEqual(90);
  });
});

describe('title.subject.after-trigger: nobody named after the trigger is the subject of a one-directional act', () => {
  it('titles a call by an unknown official with her own words, not with the leader named in the call', () => {
    const sentence = 'Deputy Minister of Trade Lina Okafor on Friday called for the court to issue a warrant against Russian President Vladimir Putin.';
    const t = makeTitle(
      ev({ type: 'statement', sentence, trigger: 'called for', countries: ['RUS'], actors: [{ name: 'Vladimir Putin', country: 'RUS', role: 'President' }] }),
      countryName,
    );
    expect(t).not.toMatch(/^Vladimir Putin|^Russia/);
    expect(t).toMatch(/^Deputy Minister of Trade Lina Okafor calls for/);
  });

  it('gives a protest of a ministry to the state it belongs to, not to the leader whose words it protests', () => {
    const sentence = 'The foreign ministry on Monday summoned the French ambassador over remarks by Chinese Foreign Minister Wang Yi.';
    const t = makeTitle(
      ev({ type: 'accusation', sentence, trigger: 'summoned', countries: ['CHN', 'FRA'], actors: [{ name: 'Wang Yi', country: 'CHN', role: 'Foreign Minister' }] }),
      countryName,
    );
    expect(t).not.toMatch(/^Wang Yi/);
  });

  it('keeps a person named before the trigger as the subject', () => {
    const sentence = 'Wang Yi on Monday criticised France over its remarks.';
    const t = makeTitle(
      ev({ type: 'accusation', sentence, trigger: 'criticised', countries: ['CHN', 'FRA'], actors: [{ name: 'Wang Yi', country: 'CHN', role: 'Foreign Minister' }] }),
      countryName,
    );
    expect(t).toMatch(/^Wang Yi/);
  });
});
