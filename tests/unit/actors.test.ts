/**
 * Actor resolution: countries, demonyms, capitals and seats of power as metonyms, organisations,
 * media attributions, places, and false friends. Sentences are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { candidate, makeDoc, one, resolveAll, resolver } from './actors-helpers.ts';

const countriesOf = (s: string, type: Parameters<typeof one>[1] = 'statement') => one(s, type).countries;

describe('country names and spellings', () => {
  it('finds common names, official names and alternative spellings', () => {
    expect(countriesOf('Brazil and Argentina signed a trade pact.', 'agreement')).toEqual(['ARG', 'BRA']);
    expect(countriesOf('The Russian Federation protested to the Republic of Korea.')).toEqual(['KOR', 'RUS']);
    expect(countriesOf('Türkiye and Turkey are the same state in this sentence.')).toEqual(['TUR']);
    expect(countriesOf('Officials from Côte d’Ivoire and Ivory Coast met.', 'meeting')).toEqual(['CIV']);
  });

  it('reads U.S., US, UK, Britain and America', () => {
    expect(countriesOf('The U.S. warned Iran on Monday.', 'threat')).toEqual(['IRN', 'USA']);
    expect(countriesOf('US and UK ministers spoke.', 'meeting')).toEqual(['GBR', 'USA']);
    expect(countriesOf('Britain urged America to act.')).toEqual(['GBR', 'USA']);
  });

  it('does not read the pronoun "us" as the United States', () => {
    expect(countriesOf('Russia told us nothing new.')).toEqual(['RUS']);
  });

  it('reads demonyms, plural demonyms and possessives', () => {
    expect(countriesOf('Chinese and Iranian officials held talks.', 'meeting')).toEqual(['CHN', 'IRN']);
    expect(countriesOf("Russia's envoy criticised Israelis and Palestinians alike.", 'accusation')).toEqual(['ISR', 'PSE', 'RUS']);
    expect(countriesOf('The United States’ envoy arrived.')).toEqual(['USA']);
  });

  it('maps extra aliases: DPRK, Holland, Gaza, Congo, Burma', () => {
    expect(countriesOf('The DPRK rejected the statement.')).toEqual(['PRK']);
    expect(countriesOf('Holland sent a frigate.', 'military')).toEqual(['NLD']);
    expect(countriesOf('Aid convoys entered Gaza from Egypt.')).toEqual(['EGY', 'PSE']);
    expect(countriesOf('Israeli settlers attacked villages in the West Bank, and the West protested.', 'military')).toEqual(['ISR', 'PSE']);
    expect(countriesOf('Congo accused Rwanda of backing rebels.', 'accusation')).toEqual(['COD', 'RWA']);
    expect(countriesOf('The Republic of Congo hosted the forum.')).toEqual(['COG']);
    expect(countriesOf('Burma freed prisoners.')).toEqual(['MMR']);
  });
});

describe('capitals and seats of power as metonyms', () => {
  it('reads capitals as the state', () => {
    expect(countriesOf('Beijing said Tokyo must apologise.')).toEqual(['CHN', 'JPN']);
    expect(countriesOf("Moscow's reply reached Kyiv on Friday.")).toEqual(['RUS', 'UKR']);
    expect(countriesOf('Washington and Seoul agreed on new drills.', 'agreement')).toEqual(['KOR', 'USA']);
  });

  it('reads the Kremlin, the White House, Downing Street and the Elysee', () => {
    expect(countriesOf('The Kremlin rejected the proposal from the White House.')).toEqual(['RUS', 'USA']);
    expect(countriesOf('Downing Street and the Élysée issued a joint note.')).toEqual(['FRA', 'GBR']);
    expect(countriesOf('The Pentagon and the State Department declined to comment.')).toEqual(['USA']);
    expect(countriesOf('The Knesset voted on the bill.')).toEqual(['ISR']);
  });

  it('keeps Brussels for the EU, not Belgium', () => {
    const r = one('Brussels warned Beijing over subsidies.', 'threat');
    expect(r.countries).toEqual(['CHN']);
    expect(r.organizations).toEqual(['EU']);
  });
});

describe('organisations are not countries', () => {
  it('maps organisations to acronyms', () => {
    const r = one('NATO, the European Union and the UN Security Council discussed the crisis with ASEAN and the African Union.', 'meeting');
    expect(r.countries).toEqual([]);
    expect(r.organizations).toEqual(['ASEAN', 'AU', 'EU', 'NATO', 'UNSC']);
  });

  it('lets an organisation\'s meeting stand without borrowing states from the rest of the sentence', () => {
    const sentence = 'Kazakhstan hosted the foreign ministers, who gathered in Astana for Shanghai Cooperation Organisation talks.';
    const seg = makeDoc([sentence]);
    const s = seg.sentences[0]!;
    const r = resolver().forDocument(seg).resolve(s, candidate(s, 'meeting', { from: 'who gathered' }));
    expect(r.countries).toEqual([]);
    expect(r.organizations).toEqual(['SCO']);
    expect(r.location).toBe('Astana');
  });

  it('does not read Shanghai Cooperation Organisation as China', () => {
    const r = one('Ministers of the Shanghai Cooperation Organisation met on Friday.', 'meeting');
    expect(r.countries).toEqual([]);
    expect(r.organizations).toEqual(['SCO']);
  });

  it('reads G7, G20, BRICS, OPEC+ and the IAEA', () => {
    expect(one('The G7 and G-20 statements differed, BRICS and OPEC+ stayed silent, the IAEA objected.').organizations).toEqual([
      'BRICS',
      'G20',
      'G7',
      'IAEA',
      'OPEC',
    ]);
  });

  it('treats "Russia\'s Security Council" as a Russian body, not the UN\'s', () => {
    const r = one("Russia's Security Council met on Friday.", 'meeting');
    expect(r.countries).toEqual(['RUS']);
    expect(r.organizations).toEqual([]);
  });

  it('does not make groups of states into states', () => {
    expect(countriesOf('Western countries and the global South disagreed with the West.')).toEqual([]);
    expect(countriesOf("Many of Ukraine's allies pledged air defence to Kyiv.")).toEqual(['UKR']);
    expect(countriesOf("Many of Ukraine's allies doubted Beijing.")).toEqual(['CHN']);
  });

  it('reports armed groups as mentions, not as organisations; in an act of force they stand for their territory', () => {
    // The development gold reads a group's attack as its territory's (Houthi attacks: YEM); the modifiers (Yemen's,
    // Iran-backed) stay no parties (actors.mentions.armed-group-territory).
    const r = one("Yemen's Houthis fired at a ship, and Iran-backed Hezbollah praised them.", 'military');
    expect(r.countries).toEqual(['LBN', 'YEM']);
    expect(r.organizations).toEqual([]);
    expect(r.mentions.filter((m) => m.kind === 'organization').map((m) => m.organization)).toEqual(['Houthis', 'Hezbollah']);
  });

  it('the flag state of a struck ship is no party (actors.mentions.modifier)', () => {
    const r = one('A missile fired by the Houthis hit a Liberian-flagged tanker off the coast.', 'military');
    expect(r.countries).toEqual(['YEM']);
  });
});

describe('state media are attributions', () => {
  it('does not make a country a party because its media reported', () => {
    const r = one('Pakistan and India exchanged fire, according to Xinhua.', 'military');
    expect(r.countries).toEqual(['IND', 'PAK']);
    const media = r.mentions.find((m) => m.kind === 'media');
    expect(media).toMatchObject({ text: 'Xinhua', country: 'CHN', attribution: true });
  });

  it('marks a country word that qualifies the outlet as an attribution', () => {
    const r = one("Russia's TASS news agency said Turkey and Greece held talks.", 'meeting');
    expect(r.countries).toEqual(['GRC', 'TUR']);
    expect(r.mentions.find((m) => m.text === 'Russia')?.attribution).toBe(true);
    expect(one('Chinese state media said Vietnam protested.').countries).toEqual(['VNM']);
    expect(one('North Korean state media KCNA said Japan was to blame.').countries).toEqual(['JPN']);
  });

  it('still counts the state when it speaks itself', () => {
    expect(one('China said on Tuesday that it opposed the tariffs, Xinhua reported.').countries).toEqual(['CHN']);
  });
});

describe('places are not parties', () => {
  it('marks "in Doha", "held in Geneva" as locative and returns the location', () => {
    const r = one('Israeli and Hamas negotiators held talks in Doha.', 'meeting');
    expect(r.countries).toEqual(['ISR']);
    expect(r.location).toBe('Doha');
    expect(r.mentions.find((m) => m.text === 'Doha')).toMatchObject({ country: 'QAT', locative: true });
  });

  it('knows other cities only as places, and as the destination of a visit', () => {
    const r = one('Kenyan and Somali envoys met in Geneva.', 'meeting');
    expect(r.countries).toEqual(['KEN', 'SOM']);
    expect(r.location).toBe('Geneva');
    expect(countriesOf('The Mexican minister began a two-day visit to Bali.', 'visit')).toEqual(['IDN', 'MEX']);
    expect(countriesOf('Geneva talks on Sudan resumed.')).toEqual(['SDN']);
    expect(one('Sydney Harris of Reuters asked Chile a question.').mentions.map((m) => m.text)).toEqual(['Reuters', 'Chile']);
  });

  it('reads "the Chinese capital" as Beijing, a place', () => {
    const r = one('Meeting the Pakistani minister in the Chinese capital, the Afghan envoy spoke.', 'meeting');
    expect(r.countries).toEqual(['AFG', 'PAK']);
    expect(r.location).toBe('Beijing');
  });

  it('treats a dateline as the place of filing, not a party or the location', () => {
    const r = one('ANKARA (Reuters) - Azerbaijan and Armenia signed a border deal in Abu Dhabi.', 'agreement');
    expect(r.countries).toEqual(['ARM', 'AZE']);
    expect(r.location).toBe('Abu Dhabi');
    expect(one('Ankara, a NATO capital, was quiet.').mentions[0]?.locative).toBeUndefined();
  });

  it('reads "X-based" as a place of registration, not a party', () => {
    expect(countriesOf('Washington sanctioned a Hong Kong-based trader and a Dubai-based bank tied to Iran.', 'sanction')).toEqual(['IRN', 'USA']);
    expect(countriesOf('A Chad-based charity said refugees kept arriving.')).toEqual([]);
  });

  it('reads "the government in Caracas" as the state, not a place', () => {
    const r = one('Bogota accused the government in Caracas of harbouring rebels.', 'accusation');
    expect(r.countries).toEqual(['COL', 'VEN']);
    expect(r.location).toBeUndefined();
  });

  it('reads "off Japan\'s coast", "in Russia\'s Kursk region" and "the sea between X and Y" as places', () => {
    expect(countriesOf("The rocket fell off Japan's northern coast.", 'military')).toEqual([]);
    expect(countriesOf("Ukrainian troops advanced in Russia's Kursk region.")).toEqual(['UKR']);
    // an act with one side named: the state where it happens is the other side
    expect(countriesOf("Ukrainian troops advanced in Russia's Kursk region.", 'military')).toEqual(['RUS', 'UKR']);
    expect(countriesOf('They declared an Indian diplomat in Islamabad persona non grata.', 'sanction')).toEqual(['IND', 'PAK']);
    expect(countriesOf('A missile from Pyongyang landed in the sea between the Korean peninsula and Japan.', 'military')).toEqual(['PRK']);
    expect(countriesOf("Iran's role in Russia's war worried Kyiv.")).toEqual(['IRN', 'RUS', 'UKR']);
  });

  it('keeps the victim of an act out of a statement about that act, but not out of the act', () => {
    expect(countriesOf("Jordan condemned Israel's strikes on Syria.", 'accusation')).toEqual(['ISR', 'JOR']);
    expect(countriesOf('Israeli strikes on Syria killed soldiers.', 'military')).toEqual(['ISR', 'SYR']);
    expect(countriesOf('Qatar condemned the US strikes on Iranian nuclear sites.', 'accusation')).toEqual(['QAT', 'USA']);
    expect(countriesOf("Poland denounced Russia's overnight drone attack on Ukraine.", 'accusation')).toEqual(['POL', 'RUS']);
  });

  it('adds the subject of a relative clause to a statement ("Oman, which ..., said")', () => {
    const sentence = 'Oman, which often mediates between Iran and the West, said the raid was dangerous for Iraq.';
    const seg = makeDoc([sentence]);
    const s = seg.sentences[0]!;
    const r = resolver().forDocument(seg).resolve(s, candidate(s, 'statement', { from: 'which' }));
    expect(r.countries).toEqual(['IRQ', 'OMN']);
  });

  it('does not take a list of states for an apposition', () => {
    expect(countriesOf('Ministers of Italy, Japan, the United Kingdom and the United States condemned the test, which was the third this year.', 'accusation')).toEqual([
      'GBR',
      'ITA',
      'JPN',
      'USA',
    ]);
  });

  it('carries "in" over a list of places, but not over "those in"', () => {
    expect(countriesOf('Iran said war was no solution anywhere, be it in Ukraine, Afghanistan, Syria or Yemen.')).toEqual(['IRN']);
    expect(countriesOf('Trump sent letters to leaders, including those in South Korea, Japan and Malaysia.', 'threat')).toEqual(['JPN', 'KOR', 'MYS', 'USA']);
    expect(countriesOf('The Indian minister will tour Peru, Chile and Bolivia.', 'visit')).toEqual(['BOL', 'CHL', 'IND', 'PER']);
  });

  it('reads "the North" and "the South" in a document about the two Koreas', () => {
    const res = resolveAll(['North Korea fired a missile, Seoul said.', "The North's foreign ministry blamed the South and the U.S."], 'accusation');
    expect(res[1]!.countries).toEqual(['KOR', 'PRK', 'USA']);
    expect(countriesOf("The North's ministers met.", 'meeting')).toEqual([]);
    expect(resolveAll(['North Korea and South Korea traded fire.', 'Ships crossed the North Atlantic.'], 'military')[1]!.countries).toEqual([]);
  });

  it('reads "arrived here" as the dateline\'s or headline\'s state', () => {
    const seg = makeDoc(['Angolan Foreign Minister Tete Antonio arrived here on Monday.']);
    seg.doc.title = 'Namibia and Angola sign border pact';
    const s = seg.sentences[0]!;
    expect(resolver().forDocument(seg).resolve(s, candidate(s, 'visit')).countries).toEqual(['AGO', 'NAM']);
  });

  it('keeps a war "in Ukraine" out of a threat between two other states', () => {
    expect(countriesOf('Washington warned Moscow over the war in Ukraine.', 'threat')).toEqual(['RUS', 'USA']);
  });

  it('makes a travel destination a party of a visit (and the host of a meeting one travels to)', () => {
    expect(countriesOf('The Russian minister made a visit to North Korea.', 'visit')).toEqual(['PRK', 'RUS']);
    expect(countriesOf('The Indian premier arrived in Japan on Sunday.', 'visit')).toEqual(['IND', 'JPN']);
    expect(countriesOf('The Kenyan president visited Germany.', 'visit')).toEqual(['DEU', 'KEN']);
    expect(countriesOf('Envoys arrived in Egypt for a meeting with the Sudanese army.', 'meeting')).toEqual(['EGY', 'SDN']);
    expect(countriesOf('Envoys of Sudan held a meeting in Egypt.', 'meeting')).toEqual(['SDN']);
    expect(countriesOf('The Indian premier arrived in Japan on Sunday.', 'threat')).toEqual(['IND']);
    const r = one('The Indian premier arrived in Japan on Sunday.', 'visit');
    expect(r.mentions.find((m) => m.text === 'Japan')).toMatchObject({ locative: true, destination: true });
  });

  it('counts only the destination nearest the trigger of a visit', () => {
    const sentence = 'The Chilean minister arrived in Peru after a trip to Bolivia.';
    const seg = makeDoc([sentence]);
    const s = seg.sentences[0]!;
    const doc = resolver().forDocument(seg);
    const arrived = candidate(s, 'visit');
    arrived.trigger = { start: s.start + sentence.indexOf('arrived'), end: s.start + sentence.indexOf('arrived') + 7, text: 'arrived' };
    expect(doc.resolve(s, arrived).countries).toEqual(['CHL', 'PER']);
    const trip = candidate(s, 'visit');
    trip.trigger = { start: s.start + sentence.indexOf('trip'), end: s.start + sentence.indexOf('trip') + 4, text: 'trip' };
    expect(doc.resolve(s, trip).countries).toEqual(['BOL', 'CHL']);
  });

  it('leaves out what a meeting is about, and what an apposition says', () => {
    expect(countriesOf('The Saudi minister met his Omani counterpart to discuss Yemen and ties with Iran.', 'meeting')).toEqual(['OMN', 'SAU']);
    expect(countriesOf('The Saudi minister met his Omani counterpart to discuss Yemen.', 'statement')).toEqual(['OMN', 'SAU', 'YEM']);
    expect(countriesOf('Cuba, a long-time partner of Venezuela, said the United States must lift the embargo.')).toEqual(['CUB', 'USA']);
  });

  it('reads a topic phrase of several words ("on the situation in") as a topic', () => {
    const text = 'The Saudi minister met his Omani counterpart and they spoke on the situation in the Red Sea region, Yemen and Sudan.';
    expect(countriesOf(text, 'meeting')).toEqual(['OMN', 'SAU']);
    expect(countriesOf(text, 'statement')).toEqual(['OMN', 'SAU', 'SDN', 'YEM']);
  });
});

describe('a body with a generic name after another state\'s word (actors.mentions.homonym)', () => {
  it('belongs to that state: "the Austrian Federal Foreign Office" is not Britain\'s', () => {
    expect(countriesOf('The Austrian Federal Foreign Office condemned the missile launch by North Korea.', 'accusation')).toEqual(['AUT', 'PRK']);
    expect(countriesOf("Canada's Foreign Office summoned the Iranian envoy.", 'accusation')).toEqual(['CAN', 'IRN']);
    // Alone, the Foreign Office is still the British one.
    expect(countriesOf('The Foreign Office summoned the Iranian envoy.', 'accusation')).toEqual(['GBR', 'IRN']);
  });
});

describe('false friends and case', () => {
  it('does not find Guinea in Papua New Guinea, Niger in Nigeria or Sudan in South Sudan', () => {
    expect(countriesOf('Papua New Guinea and Nigeria spoke with South Sudan.', 'meeting')).toEqual(['NGA', 'PNG', 'SSD']);
    expect(countriesOf('Equatorial Guinea and Guinea-Bissau signed.', 'agreement')).toEqual(['GNB', 'GNQ']);
  });

  it('ignores lower-case words and seas, oceans and US states', () => {
    expect(countriesOf('They served turkey on fine china.')).toEqual([]);
    expect(countriesOf('Ships crossed the South China Sea and the Indian Ocean toward New Mexico.')).toEqual([]);
    expect(countriesOf('Latin American leaders met on the Korean Peninsula.', 'meeting')).toEqual([]);
    expect(countriesOf('Carrier groups drilled in the Philippine Sea and the Taiwan Strait.', 'military')).toEqual([]);
    expect(countriesOf('The Japanese yen and the Turkish lira fell.')).toEqual([]);
  });

  it('does not read given names or surnames as countries', () => {
    expect(countriesOf('Chad Miller and Jim Jordan spoke to reporters.')).toEqual([]);
    expect(countriesOf('Jordan and Chad condemned the raid.', 'accusation')).toEqual(['JOR', 'TCD']);
  });

  it('reads Georgia as the country only when the document is about the Caucasus', () => {
    expect(countriesOf('Georgia passed a new voting law.')).toEqual([]);
    expect(countriesOf('Georgian voters in Atlanta lined up.')).toEqual([]);
    expect(resolveAll(['Georgia recalled its ambassador.', 'Tbilisi said Russia had to withdraw.'])[0]!.countries).toEqual(['GEO']);
  });

  it('reads Georgia as the country inside a list of other states, without a Caucasus cue (actors.cue.state-list)', () => {
    expect(countriesOf('Leaders of Georgia, Ukraine and Moldova condemned the strike.', 'accusation')).toEqual(['GEO', 'MDA', 'UKR']);
    expect(countriesOf('Russia, China, Niger and Georgia condemned the strike.', 'accusation')).toEqual(['CHN', 'GEO', 'NER', 'RUS']);
    expect(countriesOf('Ukrainian and Georgian officials condemned the strike.', 'accusation')).toEqual(['GEO', 'UKR']);
    // a list of US states stays no list of states
    expect(countriesOf('Georgia, Florida and Texas passed new voting laws.')).toEqual([]);
  });

  it('resolves a bare Korea by the document, preferring explicit North and South', () => {
    expect(countriesOf('North Korea fired a missile, and South Korea protested.', 'military')).toEqual(['KOR', 'PRK']);
    expect(resolveAll(['Pyongyang tested a rocket.', 'Korea said the test was a success.'])[1]!.countries).toEqual(['PRK']);
    expect(countriesOf('Korean exports rose.')).toEqual(['KOR']);
  });
});

describe('the resolver API', () => {
  it('names countries and checks codes', () => {
    const r = resolver();
    expect(r.countryName('CHN')).toBe('China');
    expect(r.countryName('XXX')).toBeUndefined();
    expect(r.isCountryCode('PRK')).toBe(true);
    expect(r.isCountryCode('ZZZ')).toBe(false);
  });

  it('gives offsets that cut the mention out of the document', () => {
    const sentences = ['Talks ended.', "France's minister met Japan's envoy in Paris."];
    const res = resolveAll(sentences, 'meeting');
    const text = ` date 2025-07-15 Test\n\n${sentences.join('\n\n')}\n\n`;
    for (const m of res[1]!.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(res[1]!.countries).toEqual(['FRA', 'JPN']);
  });

  it('never throws on odd text', () => {
    for (const s of ['', '\u0000\uD800', "'s 's", '-'.repeat(1000), 'U.S.'.repeat(500), 'A'.repeat(10000)]) {
      expect(() => one(s)).not.toThrow();
    }
  });
});
