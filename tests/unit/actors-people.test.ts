/**
 * People: leaders and ministers from people.json with their role on the publication day,
 * short names, titles, people introduced by a pattern, and coreference across sentences.
 * Sentences are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { candidate, makeDoc, one, resolveAll, resolver, resolveTyped } from './actors-helpers.ts';

describe('known people', () => {
  it('names a leader with country and the role held on the publication day', () => {
    const r = one('Xi Jinping welcomed Luiz Inacio Lula da Silva.', 'meeting');
    expect(r.actors).toEqual([
      { name: 'Xi Jinping', country: 'CHN', role: 'President' },
      { name: 'Luiz Inacio Lula da Silva', country: 'BRA', role: 'President' },
    ]);
    expect(r.countries).toEqual(['BRA', 'CHN']);
  });

  it('picks the role by date: Blinken before 2025, Rubio after', () => {
    expect(one('Antony Blinken spoke.', 'statement', '2024-03-01').actors).toEqual([{ name: 'Antony Blinken', country: 'USA', role: 'Secretary of State' }]);
    expect(one('Antony Blinken spoke.', 'statement', '2025-06-01').actors[0]?.role).toBe('Former Secretary of State');
    expect(one('Marco Rubio spoke.', 'statement', '2025-06-01').actors[0]?.role).toBe('Secretary of State');
    // named before any office in the data: the state, no role
    expect(one('Pete Hegseth spoke.', 'statement', '2019-06-01').actors).toEqual([{ name: 'Pete Hegseth', country: 'USA' }]);
  });

  it('does not read a known short name that a name particle carries on as that person (nameParticles)', () => {
    // "Hussein" alone after a title is Iraq's foreign minister; "Hussein al-Ezzi" and "Hussein bin Talal" are others.
    expect(one('Foreign Minister Hussein spoke to reporters in Baghdad.', 'statement', '2024-01-12').countries).toEqual(['IRQ']);
    expect(one('Spokesman Hussein al-Ezzi spoke to reporters in Sanaa.', 'statement', '2024-01-12').countries).toEqual([]);
    expect(one('Minister Hussein bin Talal spoke to reporters.', 'statement', '2024-01-12').countries).toEqual([]);
  });

  it('gives organisation officials their organisation, not a country', () => {
    const r = one('Mark Rutte and Antonio Guterres met Ursula von der Leyen.', 'meeting', '2025-02-01');
    expect(r.countries).toEqual([]);
    expect(r.organizations).toEqual(['EU', 'NATO', 'UN']);
    expect(r.actors.map((a) => a.country)).toEqual([undefined, undefined, undefined]);
    expect(one('Mark Rutte spoke.', 'statement', '2023-05-01').countries).toEqual(['NLD']);
  });

  it('matches distinctive surnames alone, ambiguous ones only after the full name or a title', () => {
    expect(one('Putin spoke with Erdogan.', 'meeting').countries).toEqual(['RUS', 'TUR']);
    expect(one('Wang said nothing.').actors).toEqual([]);
    expect(one('Mr Wang said nothing.').actors).toEqual([]);
    expect(resolveAll(['Wang Yi arrived.', 'Wang said the talks were useful.'])[1]!.actors).toEqual([
      { name: 'Wang Yi', country: 'CHN', role: 'Foreign Minister' },
    ]);
  });

  it('resolves a short name shared by several people to the one named earlier', () => {
    const res = resolveAll(['Kim Jong Un inspected a factory.', 'Kim later met the Russian defence minister.'], 'meeting');
    expect(res[1]!.actors[0]).toEqual({ name: 'Kim Jong Un', country: 'PRK', role: 'Leader' });
    expect(res[1]!.countries).toEqual(['PRK', 'RUS']);
  });
});

describe('coreference', () => {
  it('reads "the Russian foreign minister" and "Russia\'s top diplomat" as the minister in office', () => {
    const r = one("Russia's top diplomat met the Chinese president.", 'meeting');
    expect(r.actors.map((a) => a.name)).toEqual(['Sergei Lavrov', 'Xi Jinping']);
    expect(r.countries).toEqual(['CHN', 'RUS']);
  });

  it('prefers the person already named in the document for a role', () => {
    const res = resolveAll([
      'Iranian Foreign Minister Abbas Araghchi flew to Oman.',
      'The Iranian foreign minister then spoke to reporters.',
    ]);
    expect(res[1]!.actors).toEqual([{ name: 'Abbas Araghchi', country: 'IRN', role: 'Foreign Minister' }]);
  });

  it('reads "the external affairs minister" as the last person seen in that role', () => {
    const res = resolveAll(['Subrahmanyam Jaishankar met his Fijian counterpart.', 'The external affairs minister then began a visit to Bali.'], 'visit');
    expect(res[1]!.countries).toEqual(['IDN', 'IND']);
    expect(res[1]!.actors.map((a) => a.name)).toEqual(['Subrahmanyam Jaishankar']);
    expect(one('The foreign minister began a visit to Bali.', 'visit').countries).toEqual(['IDN']);
  });

  it('carries a role resolved from "the UK\'s foreign minister" to a later "the foreign minister"', () => {
    const res = resolveAll(["The UK's foreign minister summoned the Russian envoy.", 'Later the foreign minister condemned Russian strikes.'], 'accusation', '2025-08-28');
    expect(res[0]!.actors.map((a) => a.name)).toEqual(['David Lammy']);
    expect(res[1]!.countries).toEqual(['GBR', 'RUS']);
  });

  it('gives people unknown to the data their country and role from the pattern, and reuses them', () => {
    const res = resolveAll(
      [
        'Ruritanian diplomats were absent, but Peruvian Foreign Minister Elena Quispe Mamani attended.',
        "Malaysia's Tan Wei Ling also came.",
        'Mamani and Ling signed the text.',
      ],
      'agreement',
    );
    expect(res[0]!.actors).toEqual([{ name: 'Elena Quispe Mamani', country: 'PER', role: 'Foreign Minister' }]);
    expect(res[1]!.actors).toEqual([{ name: 'Tan Wei Ling', country: 'MYS' }]);
    expect(res[2]!.countries).toEqual(['MYS', 'PER']);
    expect(res[2]!.actors.map((a) => a.name)).toEqual(['Elena Quispe Mamani', 'Tan Wei Ling']);
  });

  it('reads the first word of a full name met earlier as that person when it stands alone (actors.person.leading-name)', () => {
    const res = resolveAll(
      [
        'Liu Jianchao, a senior Chinese party official, toured the port of Honiara.',
        'Liu then flew to Fiji on Tuesday.',
        'Liu Wei, a Peruvian trader, came too.',
      ],
      'visit',
      '2024-05-20',
    );
    expect(res[1]!.actors.map((a) => a.name)).toEqual(['Liu Jianchao']);
    expect(res[1]!.countries).toEqual(['CHN', 'FJI']);
    expect((res[1]!.trace ?? []).some((t) => t.rule === 'actors.person.leading-name')).toBe(true);
    // Another name word right after it: another person.
    expect(res[2]!.actors.map((a) => a.name)).not.toContain('Liu Jianchao');
  });

  it('gives a named counterpart the role of the person he mirrors', () => {
    const res = resolveTyped([
      ['Kenyan Foreign Minister Musalia Mudavadi met his Ugandan counterpart Jeje Odongo Abubakher.', 'meeting'],
      ['Abubakher said trade would grow.', 'statement'],
    ]);
    expect(res[0]!.actors).toEqual([
      { name: 'Musalia Mudavadi', country: 'KEN', role: 'Foreign Minister' },
      { name: 'Jeje Odongo Abubakher', country: 'UGA', role: 'Foreign Minister' },
    ]);
    expect(res[1]!.countries).toEqual(['UGA']);
  });

  it('reads an apposition: "Name, Country\'s foreign minister,"', () => {
    const res = resolveAll(['Ahmed Benali Tazi, Morocco\'s foreign minister, met Spanish officials.', 'Tazi praised the talks.'], 'meeting');
    expect(res[0]!.actors).toEqual([{ name: 'Ahmed Benali Tazi', country: 'MAR', role: 'Foreign Minister' }]);
    expect(res[0]!.countries).toEqual(['ESP', 'MAR']);
    expect(res[1]!.actors.map((a) => a.name)).toEqual(['Ahmed Benali Tazi']);
    expect(one('Sergei Lavrov, the Russian foreign minister, spoke.').actors).toEqual([{ name: 'Sergei Lavrov', country: 'RUS', role: 'Foreign Minister' }]);
  });

  it('does not take a short name out of another person\'s full name', () => {
    const r = one('South Korean Foreign Minister Han Mi-rae met Mary Wang.', 'meeting', '2025-03-13');
    expect(r.actors).toEqual([{ name: 'Han Mi-rae', country: 'KOR', role: 'Foreign Minister' }]);
  });

  it('gives an official named without a state the host of the trip, else the dateline\'s or headline\'s state', () => {
    const trip = resolveAll(['Vietnam\'s foreign minister arrived in Lima on Monday.', 'She met Prime Minister Rosa Quispe Flores.'], 'meeting');
    expect(trip[1]!.actors).toEqual([{ name: 'Rosa Quispe Flores', country: 'PER', role: 'Prime Minister' }]);
    const seg = makeDoc(['Foreign Minister Jonas Petraitis said the talks were useful.'], '2025-03-13');
    seg.doc.title = 'Lithuania and Poland agree on rail link';
    const res = resolver().forDocument(seg).resolve(seg.sentences[0]!, candidate(seg.sentences[0]!, 'statement'));
    expect(res.actors).toEqual([{ name: 'Jonas Petraitis', country: 'LTU', role: 'Foreign Minister' }]);
    const seg2 = makeDoc(['Foreign Minister Jonas Petraitis said the talks were useful.'], '2025-03-13');
    seg2.doc.title = 'Lithuania and Poland agree on rail link';
    seg2.dateline = { place: 'WARSAW', start: 0, end: 6 };
    expect(resolver().forDocument(seg2).resolve(seg2.sentences[0]!, candidate(seg2.sentences[0]!, 'statement')).actors[0]?.country).toBe('POL');
  });

  it('does not give an official the headline\'s state when the sentence names that state after the person', () => {
    const seg = makeDoc(['Spokeswoman Dara Sokha accused Lithuania of stalling the talks.', 'Spokeswoman Ruta Vaitkute said the talks were useful.'], '2025-03-13');
    seg.doc.title = 'Lithuania and Poland agree on rail link';
    const doc = resolver().forDocument(seg);
    expect(doc.resolve(seg.sentences[0]!, candidate(seg.sentences[0]!, 'accusation')).actors).toEqual([{ name: 'Dara Sokha', role: 'Spokeswoman' }]);
    expect(doc.resolve(seg.sentences[1]!, candidate(seg.sentences[1]!, 'statement')).actors[0]?.country).toBe('LTU');
  });

  it('reads aides and security council secretaries, with lower-case words between the state and the role (actors.role.modifier-gap)', () => {
    const res = resolveAll(
      ['Serbian senior foreign policy aide Nino Beridze and Moldovan Security Council Secretary Ion Rusu held talks in Vienna.', 'The last meeting between Beridze and Rusu took place in Geneva.'],
      'meeting',
      '2024-05-10',
    );
    expect(res[0]!.actors).toEqual([
      { name: 'Nino Beridze', country: 'SRB', role: 'Foreign Policy Aide' },
      { name: 'Ion Rusu', country: 'MDA', role: 'Security Council Secretary' },
    ]);
    expect(res[1]!.countries).toEqual(['MDA', 'SRB']);
    // A capitalised word between them is no modifier of the role: the state does not pass to the aide.
    expect(one('Serbian Prosecutor Office aide Nino Beridze spoke.', 'statement', '2024-05-10').actors).toEqual([{ name: 'Nino Beridze', role: 'Aide' }]);
  });

  it('reads a "He said" right after a sentence naming someone as that person', () => {
    const res = resolveAll(['Egyptian Foreign Minister Badr Abdelatty met envoys in Cairo.', 'He said Sudan needed a ceasefire.', '"We want peace," she told reporters.'], 'statement', '2025-02-01');
    expect(res[1]!.actors.map((a) => a.name)).toEqual(['Badr Abdelatty']);
    expect(res[1]!.countries).toEqual(['EGY', 'SDN']);
    expect(res[2]!.countries).toEqual(['EGY']);
    expect(one('He said Sudan needed a ceasefire.').countries).toEqual(['SDN']);
    expect(resolveAll(['Badr Abdelatty met envoys.', 'Officials said he left.'])[1]!.actors).toEqual([]);
  });

  it('never reads the pronoun "He" as a person named He', () => {
    const res = resolveAll(['Vice Premier He Lifeng met Scott Bessent in Geneva.', 'He said the talks went well.', 'Later, He Lifeng left.'], 'statement', '2025-05-12');
    expect(res[0]!.actors.map((a) => a.name)).toEqual(['He Lifeng', 'Scott Bessent']);
    expect(res[1]!.actors.map((a) => a.name)).toEqual(['He Lifeng']); // as the previous sentence's subject, not as a name
    expect(res[1]!.mentions.filter((m) => m.kind === 'person')).toHaveLength(1);
  });

  it('does not take words of a title-case heading for a name', () => {
    const r = one('Iranian Foreign Minister Meets Omani Counterpart In Muscat', 'meeting', '2025-05-01');
    expect(r.actors).toEqual([{ name: 'Abbas Araghchi', country: 'IRN', role: 'Foreign Minister' }]);
    expect(r.countries).toEqual(['IRN', 'OMN']);
  });

  it('reads "the two leaders" and "both sides" as the states of the two people named together last', () => {
    const res = resolveAll(['The Ghanaian president met his Ivorian counterpart on Monday.', 'The two leaders signed a border deal.', 'Both sides also agreed on trade, and the two missiles were not discussed.'], 'agreement');
    expect(res[1]!.countries).toEqual(['CIV', 'GHA']);
    expect(res[2]!.countries).toEqual(['CIV', 'GHA']);
    expect(one('The two leaders signed a border deal.', 'agreement').countries).toEqual([]);
    // two states but not two people: no pair
    expect(resolveAll(['Russia and Ukraine swapped prisoners.', 'The two sides held talks.'], 'meeting')[1]!.countries).toEqual([]);
  });

  it('reads "the two" with one or two modifiers before the noun, and a capital after "in" is no side of its own', () => {
    const res = resolveAll(['The Ghanaian president met his Ivorian counterpart on Monday.', 'The two regional leaders signed a border deal in Accra with a Chinese firm.'], 'agreement');
    expect(res[1]!.countries).toEqual(['CHN', 'CIV', 'GHA']);
    expect((res[1]!.trace ?? []).map((t) => t.rule)).toContain('actors.the-two');
    // a capitalised word after "two" names other people, not the pair
    expect(resolveAll(['The Ghanaian president met his Ivorian counterpart on Monday.', 'The two Chinese leaders signed a loan deal.'], 'agreement')[1]!.countries).toEqual(['CHN']);
  });

  it('reads a sentence opening with "The leaders" as the two people named together last (actors.the-two.opening)', () => {
    const res = resolveAll(['The Kenyan president hosted his Tanzanian counterpart in Mombasa.', 'The leaders witnessed the signing of six agreements.'], 'agreement');
    expect(res[1]!.countries).toEqual(['KEN', 'TZA']);
    expect((res[1]!.trace ?? []).map((t) => t.rule)).toContain('actors.the-two.opening');
    // Not inside a sentence, and never for two states named without people.
    expect(resolveAll(['The Kenyan president hosted his Tanzanian counterpart.', 'Officials said the leaders witnessed the signing.'], 'agreement')[1]!.countries).toEqual([]);
    expect(resolveAll(['Kenya and Tanzania reopened the border.', 'The leaders witnessed the signing.'], 'agreement')[1]!.countries).toEqual([]);
  });

  it('does not invent people', () => {
    expect(one('The French foreign ministry summoned the envoy.').actors).toEqual([]);
    expect(one("China's Foreign Ministry said the Belt and Road was open.").actors).toEqual([]);
    expect(one("Israel's Iron Dome intercepted rockets, and Saudi Arabia's Public Investment Fund bought shares.").actors).toEqual([]);
    expect(one("India's Operation Sindoor targeted camps in Pakistan.").actors).toEqual([]);
  });

  it('does not count people quoted from media as actors', () => {
    const r = one('Russian state television reported the strike.');
    expect(r.countries).toEqual([]);
    expect(r.actors).toEqual([]);
  });
});

describe('clause scope', () => {
  it('prefers the clause and widens to the sentence when a two-sided event has one party', () => {
    const sentence = 'Japan protested on Monday, while Brazil and Chile signed a deal.';
    const res = resolveAll([sentence], 'agreement');
    expect(res[0]!.countries).toEqual(['BRA', 'CHL', 'JPN']);
  });
});

describe('long titles before a name (actors.long-title)', () => {
  it('gives a person named after a long run of title words the state that opens the title', () => {
    const res = resolveAll([
      'Serbian interior ministry deputy border and customs director Dragan Petrovic spoke to reporters.',
      'Petrovic said the crossing would stay shut.',
    ]);
    expect(res[0]!.actors).toEqual([{ name: 'Dragan Petrovic', country: 'SRB', role: 'Director' }]);
    // the surname alone later is the same person, with the same state
    expect(res[1]!.actors).toEqual([{ name: 'Dragan Petrovic', country: 'SRB', role: 'Director' }]);
    expect(res[1]!.countries).toEqual(['SRB']);
  });

  it('reads the name after a title whose "of" complement ends in an office noun (actors.long-title.of)', () => {
    const res = resolveAll([
      'The deputy director of the Turkish foreign ministry press department Kemal Arslan said Ankara would respond.',
      'Arslan gave no date.',
    ]);
    expect(res[0]!.actors).toEqual([{ name: 'Kemal Arslan', country: 'TUR', role: 'Deputy Director' }]);
    expect(res[1]!.countries).toEqual(['TUR']);
  });

  it('reads the name after a title whose "in" complement names an office (actors.long-title.in)', () => {
    // the name belongs to the minister, not to the president the complement mentions; the state from a demonym or the headline
    const a = resolveTyped([['Kenyan Minister of State in the Office of the President Peter Omondi met the Ugandan envoy.', 'meeting']], '2025-07-15', 'World news');
    expect(a[0]!.actors).toEqual([{ name: 'Peter Omondi', country: 'KEN', role: 'Minister' }]);
    const b = resolveTyped([['Minister in the Presidency Maria Lin met the Ugandan envoy.', 'meeting']], '2025-07-15', 'South Africa hosts talks');
    expect(b[0]!.actors).toEqual([{ name: 'Maria Lin', country: 'ZAF', role: 'Minister' }]);
    expect(b[0]!.countries).toEqual(['UGA', 'ZAF']);
  });

  it('needs a name of two words after the title head, and lower-case title words only', () => {
    // no name after the title: nothing new
    expect(one('Serbian interior ministry deputy border and customs director said nothing.').actors).toEqual([]);
    // a capitalised word inside the run breaks the title: no state for the name
    expect(one('Serbian interior ministry deputy Border and customs director Dragan Petrovic spoke.').actors[0]?.country).toBeUndefined();
  });

  it('reads capitalised written-out titles the same way (actor-context.json titleWords)', () => {
    const res = resolveAll([
      'Serbian Interior Ministry Deputy Press and Public Relations Director Dragan Petrovic spoke to reporters.',
      'Deputy Director of the Press and Information Department of the Turkish Foreign Ministry Kemal Arslan said Ankara would respond.',
      'Arslan gave no date.',
    ]);
    expect(res[0]!.actors).toEqual([{ name: 'Dragan Petrovic', country: 'SRB', role: 'Director' }]);
    expect(res[1]!.actors).toEqual([{ name: 'Kemal Arslan', country: 'TUR', role: 'Deputy Director' }]);
    expect(res[2]!.countries).toEqual(['TUR']);
  });

  it('does not read "the director" later as the last director named (no coreference for the official class)', () => {
    const res = resolveAll(['Serbian interior ministry deputy border and customs director Dragan Petrovic spoke.', 'The director of the Croatian police said the road was open.']);
    expect(res[1]!.actors).toEqual([]);
    expect(res[1]!.countries).toEqual(['HRV']);
  });
});
