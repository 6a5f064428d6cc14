/**
 * Actors from document context: implied counterparts of two-sided events, officials named without a
 * state, state names used as topic modifiers, and capitals as acting subjects. Sentences are written
 * for these tests.
 */
import { describe, expect, it } from 'vitest';
import { one, resolveTriggered, resolveTyped, rules } from './actors-helpers.ts';

describe('implied counterpart of a two-sided event', () => {
  it('takes the other state of the previous sentence for a tit-for-tat expulsion', () => {
    const res = resolveTyped([
      ['Chile expelled an Argentine consul on Monday over a border dispute.', 'sanction'],
      ['Hours later, Argentina ordered two diplomats to leave within 72 hours.', 'sanction'],
    ]);
    expect(res[0]!.countries).toEqual(['ARG', 'CHL']);
    expect(res[1]!.countries).toEqual(['ARG', 'CHL']);
  });

  it('takes the headline state when the previous sentences name no other state', () => {
    const res = resolveTyped(
      [
        ['Officials gathered in the capital for an emergency session on Sunday.', 'statement'],
        ['Ghana warned of a firm response if the shelling of its border posts continues.', 'threat'],
      ],
      '2025-07-15',
      'Ghana and Togo trade charges after border shelling',
    );
    expect(res[1]!.countries).toEqual(['GHA', 'TGO']);
  });

  it('uses the host of the trip under way for a meeting that names the visitor only', () => {
    const res = resolveTyped([
      ['The Indonesian president arrived in Tokyo on Tuesday for a three-day visit.', 'visit'],
      ['Indonesia then held talks on fisheries and shipbuilding.', 'meeting'],
    ]);
    expect(res[0]!.countries).toEqual(['IDN', 'JPN']);
    expect(res[1]!.countries).toEqual(['IDN', 'JPN']);
  });

  it('gives the implied state to a named counterpart who has none', () => {
    const res = resolveTyped(
      [['Kenyan Foreign Minister Musalia Mudavadi met his counterpart Amina Rono in Nairobi on Monday.', 'meeting']],
      '2025-07-15',
      'Kenya and Uganda sign trade deal',
    );
    expect(res[0]!.countries).toEqual(['KEN', 'UGA']);
    expect(res[0]!.actors).toContainEqual({ name: 'Amina Rono', country: 'UGA', role: 'Foreign Minister' });
  });

  it('may take the state of the meeting place when the story is about it, but never when both sides are named', () => {
    const res = resolveTyped(
      [
        ['Russia and China pledged closer ties on Sunday.', 'statement'],
        ['Lavrov held talks in Beijing on Monday.', 'meeting'],
        ['Lavrov held talks in Beijing on Tuesday with Ukrainian officials.', 'meeting'],
      ],
      '2025-07-15',
      'Russia and China pledge closer ties',
    );
    expect(res[1]!.countries).toEqual(['CHN', 'RUS']);
    expect(res[2]!.countries).toEqual(['RUS', 'UKR']);
  });

  it('adds nothing when the previous sentence names two other states and the headline does not settle it', () => {
    const res = resolveTyped(
      [
        ['Peru and Chile both criticised the new tariffs.', 'statement'],
        ['Bolivia then threatened to close its border crossings.', 'threat'],
      ],
      '2025-07-15',
      'Andean trade row deepens',
    );
    expect(res[1]!.countries).toEqual(['BOL']);
  });

  it('lets the headline pick among several states of the previous sentence', () => {
    const res = resolveTyped(
      [
        ['Peru and Chile both criticised the new tariffs.', 'statement'],
        ['Bolivia then threatened to close its border crossings.', 'threat'],
      ],
      '2025-07-15',
      'Bolivia threatens Chile with border closure',
    );
    expect(res[1]!.countries).toEqual(['BOL', 'CHL']);
  });

  it('ignores a state of the previous sentence that the headline and lead are not about', () => {
    const res = resolveTyped(
      [
        ['Serbia recalled its ambassador from Croatia on Monday after a border incident.', 'sanction'],
        ['Separately, Hungary opened a new rail line.', 'statement'],
        ['Serbia also warned of further steps.', 'threat'],
      ],
      '2025-07-15',
      'Serbia recalls envoy from Croatia',
    );
    expect(res[2]!.countries).toEqual(['SRB']);
    const direct = resolveTyped(
      [
        ['Serbia recalled its ambassador from Croatia on Monday after a border incident.', 'sanction'],
        ['Croatia called the step regrettable.', 'statement'],
        ['Serbia also warned of further steps.', 'threat'],
      ],
      '2025-07-15',
      'Serbia recalls envoy from Croatia',
    );
    expect(direct[2]!.countries).toEqual(['HRV', 'SRB']);
  });

  it('never fills a statement, a military act or an agreement', () => {
    const res = resolveTyped([
      ['Chile expelled an Argentine consul on Monday.', 'sanction'],
      ['Argentina said the decision was regrettable.', 'statement'],
      ['Argentina also tested a new coastal missile.', 'military'],
    ]);
    expect(res[1]!.countries).toEqual(['ARG']);
    expect(res[2]!.countries).toEqual(['ARG']);
  });

  it('does not fill when the other side is an organisation, an armed group or a bloc', () => {
    const res = resolveTyped([
      ['Chile expelled an Argentine consul on Monday.', 'sanction'],
      ['Argentina accused the European Union of meddling.', 'accusation'],
      ['Argentina warned Islamic State against any attack.', 'threat'],
      ['Argentina accused Western countries of hypocrisy.', 'accusation'],
    ]);
    expect(res[1]!.countries).toEqual(['ARG']);
    expect(res[2]!.countries).toEqual(['ARG']);
    expect(res[3]!.countries).toEqual(['ARG']);
  });

  it('does not fill when the nearest earlier sentence names an organisation as the other side', () => {
    const res = resolveTyped(
      [
        ['Venezuela met Brazilian officials on Friday.', 'meeting'],
        ['OPEC criticised the output figures of Venezuela on Saturday.', 'statement'],
        ['Venezuela warned of a strong response.', 'threat'],
      ],
      '2025-07-15',
      'Venezuela and Brazil hold talks',
    );
    expect(res[2]!.countries).toEqual(['VEN']);
  });

  it('does not add a state the sentence itself names as a topic', () => {
    const topic = resolveTyped([
      ['Kenya expelled a Somali envoy on Monday.', 'sanction'],
      ['Kenya then held talks to discuss Somalia.', 'meeting'],
    ]);
    expect(topic[1]!.countries).toEqual(['KEN']);
    const plain = resolveTyped([
      ['Kenya expelled a Somali envoy on Monday.', 'sanction'],
      ['Kenya then held talks on the matter.', 'meeting'],
    ]);
    expect(plain[1]!.countries).toEqual(['KEN', 'SOM']);
  });
});

describe('officials named without a state', () => {
  it('links a role-titled name to the dateline or headline state and reuses it for the surname', () => {
    const res = resolveTyped(
      [
        ['Foreign Minister Ana Lozada said the talks had stalled.', 'statement'],
        ['Ms Lozada met the Colombian ambassador on Friday.', 'meeting'],
      ],
      '2025-07-15',
      'Ecuador recalls envoy as talks stall',
    );
    expect(res[0]!.actors).toEqual([{ name: 'Ana Lozada', country: 'ECU', role: 'Foreign Minister' }]);
    expect(res[1]!.countries).toEqual(['COL', 'ECU']);
    expect(res[1]!.actors.map((a) => a.name)).toContain('Ana Lozada');
  });

  it('reuses an earlier full mention for "Mr" plus the surname', () => {
    const res = resolveTyped([
      ['Pakistani Prime Minister Tariq Durrani spoke to reporters.', 'statement'],
      ['Mr Durrani warned India against any strike.', 'threat'],
    ]);
    expect(res[1]!.actors).toEqual([{ name: 'Tariq Durrani', country: 'PAK', role: 'Prime Minister' }]);
    expect(res[1]!.countries).toEqual(['IND', 'PAK']);
  });

  it('links "the minister" to the last minister named, but not to a prime minister', () => {
    const res = resolveTyped(
      [
        ['Foreign Minister Ana Lozada said the talks had stalled.', 'statement'],
        ['The minister later met the Colombian ambassador.', 'meeting'],
      ],
      '2025-07-15',
      'Ecuador recalls envoy as talks stall',
    );
    expect(res[1]!.actors).toEqual([{ name: 'Ana Lozada', country: 'ECU', role: 'Foreign Minister' }]);
    const pm = resolveTyped(
      [
        ['Prime Minister Rafael Quintero said the talks had stalled.', 'statement'],
        ['The minister later met the Colombian ambassador.', 'meeting'],
      ],
      '2025-07-15',
      'Ecuador recalls envoy as talks stall',
    );
    expect(pm[1]!.actors).toEqual([]);
  });

  it('reads "Name, the foreign minister," and "the foreign minister of Peru"', () => {
    const res = resolveTyped(
      [
        ['Ana Lozada, the foreign minister, said the talks had stalled.', 'statement'],
        ['She then met Luis Arce Gomez, the foreign minister of Peru, in Lima.', 'meeting'],
        ['Gomez said trade would grow.', 'statement'],
      ],
      '2025-07-15',
      'Ecuador recalls envoy as talks stall',
    );
    expect(res[0]!.actors).toEqual([{ name: 'Ana Lozada', country: 'ECU', role: 'Foreign Minister' }]);
    expect(res[1]!.actors.map((a) => `${a.name}/${a.country}`)).toContain('Luis Arce Gomez/PER');
    expect(res[2]!.countries).toEqual(['PER']);
  });

  it('prefers "of <state>" after the name to the headline state', () => {
    const res = resolveTyped(
      [
        ['Foreign Minister Maris Chaiyaporn of Thailand met Cambodian officials.', 'meeting'],
        ['Mr Chaiyaporn later warned of consequences.', 'statement'],
      ],
      '2025-07-15',
      'Cambodia protests border incident',
    );
    expect(res[0]!.actors).toEqual([{ name: 'Maris Chaiyaporn', country: 'THA', role: 'Foreign Minister' }]);
    expect(res[1]!.countries).toEqual(['THA']);
  });

  it('does not give a home state to a counterpart or to a name that a known state already claims', () => {
    const res = resolveTyped(
      [['Kenyan Foreign Minister Musalia Mudavadi met Amina Rono, the counterpart, on Monday.', 'meeting']],
      '2025-07-15',
      'Ecuador recalls envoy',
    );
    expect(res[0]!.actors.map((a) => a.country)).not.toContain('ECU');
  });

  it('does not give the home state to a guest or to the person a home official meets', () => {
    const met = resolveTyped([['Chinese President Xi Jinping met Foreign Minister Ana Lozada on Monday.', 'meeting']], '2025-07-15', 'Xi meets Ecuadorian minister in China');
    expect(met[0]!.countries).toEqual(['CHN', 'ECU']);
    expect(met[0]!.actors).toContainEqual({ name: 'Ana Lozada', country: 'ECU', role: 'Foreign Minister' });
    const guest = resolveTyped([['Premier Li Qiang received visiting Foreign Minister Ana Lozada on Monday.', 'meeting']], '2025-07-15', 'China and Ecuador talk trade');
    expect(guest[0]!.actors.find((a) => a.name === 'Ana Lozada')?.country).not.toBe('CHN');
    // Same state, no meeting: the home state stands.
    const own = resolveTyped([['Foreign Minister Ana Lozada said President Daniel Noboa would travel.', 'statement']], '2025-07-15', 'Ecuador sets out trade plans');
    expect(own[0]!.actors).toContainEqual({ name: 'Ana Lozada', country: 'ECU', role: 'Foreign Minister' });
  });

  it('leaves an unknown surname with no earlier mention unresolved', () => {
    const r = one('Mr Okonjo-Bello warned of retaliation.', 'threat');
    expect(r.countries).toEqual([]);
  });
});

describe('state names used as topic modifiers', () => {
  it('does not make a party of "the Ukraine war" or "the Iran nuclear deal"', () => {
    expect(one('Xi Jinping met Vladimir Putin on Monday amid the Ukraine war.', 'meeting').countries).toEqual(['CHN', 'RUS']);
    expect(one('France said the Iran nuclear deal could still be saved.', 'statement').countries).toEqual(['FRA']);
    expect(one('Egypt warned that the Gaza ceasefire talks would collapse.', 'threat').countries).toEqual(['EGY']);
    expect(one('Turkey criticised the Russia-Ukraine conflict talks.', 'accusation').countries).toEqual(['TUR']);
  });

  it('reads dash-joined topics and one topic word before the noun', () => {
    expect(one('Japan said the US-China trade war hurt its exports.', 'statement').countries).toEqual(['JPN']);
    expect(one('India said the Ukraine grain deal should be revived.', 'statement').countries).toEqual(['IND']);
    expect(one('Jordan warned that the Israel-Hamas war could spread.', 'threat').countries).toEqual(['JOR']);
  });

  it('keeps the state when it acts itself', () => {
    expect(one('Ukraine said the war would end only with a just peace.', 'statement').countries).toEqual(['UKR']);
    expect(one('Iran warned the United States over the Iran nuclear deal.', 'threat').countries).toEqual(['IRN', 'USA']);
    expect(one("Russia's war in Ukraine entered a new phase as Russia struck Kharkiv.", 'military').countries).toEqual(['RUS', 'UKR']);
  });

  it('keeps a state named before a verb or a non-topic noun', () => {
    expect(one('The US warned China on Tuesday.', 'threat').countries).toEqual(['CHN', 'USA']);
    expect(one('The US envoy met Qatari officials.', 'meeting').countries).toEqual(['QAT', 'USA']);
    expect(one('The US trade representative met Japanese officials.', 'meeting').countries).toEqual(['JPN', 'USA']);
    expect(one('China warned the US trade team.', 'threat').countries).toEqual(['CHN', 'USA']);
    expect(one('A US nuclear submarine arrived in South Korea on Monday.', 'visit').countries).toEqual(['KOR', 'USA']);
    expect(one('Ukraine rejected the US peace plan on Friday.', 'accusation').countries).toEqual(['UKR', 'USA']);
  });
});

describe('capital cities as acting states', () => {
  it('reads a capital as the subject of a military act', () => {
    expect(one('Pyongyang tested a short-range missile on Monday.', 'military').countries).toEqual(['PRK']);
    expect(one('Tehran launched drones at Israel overnight.', 'military').countries).toEqual(['IRN', 'ISR']);
    expect(one('Moscow fired cruise missiles at Kyiv.', 'military').countries).toEqual(['RUS', 'UKR']);
  });

  it('does not read a capital that is only where it happened as a second side', () => {
    expect(one('The two ministers met in Doha on Sunday with Saudi and Emirati officials.', 'meeting').countries).toEqual(['ARE', 'SAU']);
  });
});

describe('"the two countries" after two states named without people', () => {
  it('points back to the two states of the latest sentence that named exactly two', () => {
    const res = resolveTyped([
      ['Thailand and Cambodia exchanged fire along the border on Thursday.', 'military'],
      ['The two countries accused each other of starting the clashes.', 'accusation'],
      ['Both neighbours said they wanted calm.', 'statement'],
      ['Both sides agreed to talk.', 'agreement'],
    ]);
    expect(res[1]!.countries).toEqual(['KHM', 'THA']);
    expect(res[2]!.countries).toEqual(['KHM', 'THA']);
    expect(res[3]!.countries).toEqual([]);
  });

  it('does not pair after a sentence naming three states, nor for "the two leaders"', () => {
    const res = resolveTyped([
      ['Thailand, Laos and Cambodia held border talks on Thursday.', 'meeting'],
      ['The two countries accused each other of delays.', 'accusation'],
    ]);
    expect(res[1]!.countries).toEqual([]);
    const leaders = resolveTyped([
      ['Thailand and Cambodia exchanged fire along the border on Thursday.', 'military'],
      ['The two leaders met later.', 'meeting'],
    ]);
    expect(leaders[1]!.countries).toEqual([]);
  });
});

describe('the implied target of an attack (actors.counterpart.implied-attack-target)', () => {
  it('takes the story\'s other state for an attack that names only its attacker or only its victim', () => {
    const res = resolveTriggered(
      [
        ['Armenia summoned the Azerbaijani envoy on Monday over shelling near its southern border.', 'accusation', 'summoned'],
        ['The ministry said Azerbaijani artillery had shelled three villages overnight.', 'military', 'shelled'],
        ['The airstrike, launched from across the Armenian frontier, hit a school.', 'military', 'airstrike'],
      ],
      '2025-07-15',
      'Armenia protests Azerbaijani shelling of border villages',
    );
    expect(res[1]!.countries).toEqual(['ARM', 'AZE']);
    expect(rules(res[1]!)).toContain('actors.counterpart.implied-attack-target');
    expect(res[2]!.countries).toEqual(['ARM', 'AZE']);
  });

  it('leaves one-sided military acts alone and never makes the speaker the target', () => {
    const res = resolveTriggered(
      [
        ['South Korea condemned the North on Monday for its latest weapons test.', 'accusation', 'condemned'],
        ['North Korea test-fired two cruise missiles off its west coast.', 'military', 'test-fired'],
      ],
      '2025-07-15',
      'South Korea condemns North Korean test',
    );
    expect(res[1]!.countries).toEqual(['PRK']);
    const speaker = resolveTriggered(
      [
        ['Officials met in an emergency session on Saturday.', 'statement', 'met'],
        ['Qatar denounced the Israeli strikes as a dangerous escalation.', 'military', 'strikes'],
      ],
      '2025-07-15',
      'Qatar condemns Israeli strikes',
    );
    expect(speaker[1]!.countries).toEqual(['ISR']);
  });
});
