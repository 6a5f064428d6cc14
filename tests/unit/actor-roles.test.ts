/**
 * Parties by role, not by mention: states named in adjunct phrases, states reached by reference to an earlier
 * sentence, and state adjectives on an act's instrument. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { EventType } from '../../scripts/pipeline/types.ts';
import { resolveTriggered, rules } from './actors-helpers.ts';

/** Did a back-reference take its target from an act named only as a noun? */
function namedAsNoun(r: ReturnType<typeof one>): boolean {
  return (r.trace ?? []).some((t) => t.rule.startsWith('actors.act-reference.') && (t.detail ?? '').includes('named as a noun'));
}

function one(sentence: string, type: EventType, trigger: string) {
  return resolveTriggered([[sentence, type, trigger]])[0]!;
}

describe('adjunct scope (actors.adjunct-scope.*)', () => {
  it('a state named in a reaction phrase is no party (reaction)', () => {
    const a = one('Fiji signed a policing pact with China on Monday, to the dismay of Australia and New Zealand.', 'agreement', 'signed');
    expect(a.countries).toEqual(['CHN', 'FJI']);
    expect(rules(a)).toContain('actors.adjunct-scope.reaction');
    const b = one('The Kenyan president flew to Beijing for talks that ended, much to the annoyance of the United States, with a port deal.', 'visit', 'flew');
    expect(b.countries).not.toContain('USA');
    // "including" after a comma continues the phrase.
    const c = one('Tonga hosted Chinese envoys for a second round of talks to the concern of Washington and its partners, including Japan.', 'meeting', 'hosted');
    expect(c.countries).toEqual(['CHN', 'TON']);
  });

  it('a state named in a since-phrase is no party (since)', () => {
    const a = one('Egypt reopened its embassy in Damascus on Sunday, the first such step since the Turkish incursion of 2019.', 'agreement', 'reopened');
    expect(a.countries).not.toContain('TUR');
    expect(rules(a)).toContain('actors.adjunct-scope.since');
    const b = one('Modi travelled to Kyiv for his first trip there since Russia launched its invasion.', 'visit', 'travelled');
    expect(b.countries).toEqual(['IND', 'UKR']);
    // "has since" is an adverb: nothing opens.
    expect(rules(one('Poland has since expelled two Belarusian diplomats.', 'sanction', 'expelled'))).not.toContain('actors.adjunct-scope.since');
  });

  it('a state named in another act told by a gerund is no party (other-act), unless it is where the act happens', () => {
    const a = one('Ramaphosa met Lula in Brasilia after wrapping up a state visit to Argentina.', 'meeting', 'met');
    expect(a.countries).toEqual(['BRA', 'ZAF']);
    expect(rules(a)).toContain('actors.adjunct-scope.other-act');
    const b = one('Scholz spoke with Erdogan by phone on Tuesday, before heading to Warsaw for a summit.', 'meeting', 'spoke');
    expect(b.countries).toEqual(['DEU', 'TUR']);
    // "after arriving in X": the place of the meeting itself.
    expect(one('Albanese held talks with Li after arriving in Beijing on Monday.', 'meeting', 'held talks').countries).toContain('CHN');
    // No gerund: "after" names no other act of the subject here.
    expect(rules(one('Seoul protested to Tokyo after Japan published a defence paper.', 'accusation', 'protested'))).not.toContain('actors.adjunct-scope.other-act');
  });

  it('a state named in a topic phrase of a verbal act, threat or sanction is no party (topic)', () => {
    const a = one('China lodged a protest with Japan on Friday over comments about Taiwan by its prime minister.', 'accusation', 'lodged a protest');
    expect(a.countries).toEqual(['CHN', 'JPN']);
    expect(rules(a)).toContain('actors.adjunct-scope.topic');
    const b = one('Canada sanctioned four Iranian officials on Monday over the crackdown regarding Lebanon.', 'sanction', 'sanctioned');
    expect(b.countries).toEqual(['CAN', 'IRN']);
    // A state opening the phrase as possessor or adjective names whose act it is: it stays.
    expect(one('Manila protested to Beijing over China\'s use of water cannon.', 'accusation', 'protested').countries).toEqual(['CHN', 'PHL']);
    expect(one('Tokyo complained to Seoul about South Korean survey ships.', 'accusation', 'complained').countries).toEqual(['JPN', 'KOR']);
  });

  it('a state named in the act a sanction or threat answers is no party when both sides stand outside (reason)', () => {
    const a = one('Beijing put sanctions on twelve American drone makers on Friday in retaliation for Washington\'s new weapons package for Taiwan.', 'sanction', 'put sanctions');
    expect(a.countries).toEqual(['CHN', 'USA']);
    expect(rules(a)).toContain('actors.adjunct-scope.reason');
    const b = one('Algeria recalled its envoy from Paris in response to the French endorsement of Morocco\'s plan for Western Sahara.', 'sanction', 'recalled');
    expect(b.countries).toEqual(['DZA', 'FRA']);
    // With only one side outside, the phrase holds the target: it stays.
    const c = one('Ottawa announced counter-tariffs on Saturday in response to duties imposed by the United States.', 'sanction', 'announced counter-tariffs');
    expect(c.countries).toEqual(['CAN', 'USA']);
    expect(rules(c)).not.toContain('actors.adjunct-scope.reason');
  });

  it('keeps a state named both inside and outside the phrase', () => {
    const r = one('Israel struck Iran on Saturday, to the alarm of Iran and its neighbours.', 'military', 'struck');
    expect(r.countries).toEqual(['IRN', 'ISR']);
  });

  it('opens a phrase at the start of the sentence only when a comma closes it before the trigger', () => {
    const a = one('Since the start of the war in Ukraine, Hungary has blocked several EU measures against Moscow.', 'statement', 'blocked');
    expect(a.countries).not.toContain('UKR');
    const b = one('Despite objections from Washington, India signed an oil deal with Russia.', 'agreement', 'signed');
    expect(b.countries).toEqual(['IND', 'RUS']);
    expect(rules(b)).toContain('actors.adjunct-scope.circumstance');
  });
});

describe('places with an adjective (actors.mentions.place)', () => {
  it('"in neighbouring X" and "in eastern X" are places', () => {
    expect(one('Kenya and Ethiopia signed a power-sharing accord in neighbouring Djibouti.', 'agreement', 'signed').countries).toEqual(['ETH', 'KEN']);
    expect(one('Armenia and Georgia signed a transit deal at a ceremony in southern Russia.', 'agreement', 'signed').countries).toEqual(['ARM', 'GEO']);
  });
});

describe('back-reference to an earlier act (actors.act-reference.*)', () => {
  it('a verb of answering + a reference noun takes the answered act\'s agent as target (respond-to)', () => {
    const [, a] = resolveTriggered([
      ['Washington imposed sanctions on three Iranian banks on Monday.', 'sanction', 'imposed'],
      ['Iran\'s foreign minister condemned the move and said Tehran would retaliate against the latest sanctions.', 'accusation', 'condemned'],
    ]);
    expect(a!.countries).toEqual(['IRN', 'USA']);
    const [, b] = resolveTriggered([
      ['Britain expelled a Russian defence attache on Tuesday.', 'sanction', 'expelled'],
      ['Moscow will react to the expulsion in kind, the Kremlin warned on Wednesday.', 'threat', 'warned'],
    ]);
    expect(b!.countries).toEqual(['GBR', 'RUS']);
    expect(rules(b!)).toContain('actors.act-reference.respond-to');
  });

  it('a threat to answer with no object is aimed at the latest sanction or strike by another state (bare-response)', () => {
    const [, a] = resolveTriggered([
      ['Japan froze the assets of four North Korean firms on Friday.', 'sanction', 'froze'],
      ['Pyongyang warned on Saturday that it would retaliate.', 'threat', 'warned'],
    ]);
    expect(a!.countries).toEqual(['JPN', 'PRK']);
    expect(rules(a!)).toContain('actors.act-reference.bare-response');
    const [, b] = resolveTriggered([
      ['Israeli jets bombed targets in Lebanon overnight.', 'military', 'bombed'],
      ['Beirut vowed to respond firmly.', 'threat', 'vowed'],
    ]);
    expect(b!.countries).toEqual(['ISR', 'LBN']);
    // Not for a statement: "will respond" there is no target by itself.
    const [, c] = resolveTriggered([
      ['Japan froze the assets of four North Korean firms on Friday.', 'sanction', 'froze'],
      ['North Korea said it would respond calmly.', 'statement', 'said'],
    ]);
    expect(c!.countries).toEqual(['PRK']);
  });

  it('an act named only as a noun with its agent can be referred to later (noun acts)', () => {
    const [, a] = resolveTriggered([
      ['Moscow called the new restrictions imposed by the European Union and Canada illegal.', 'statement', 'called'],
      ['The Kremlin said it would answer the step and respond to the sanctions.', 'threat', 'said'],
    ]);
    expect(a!.countries).toEqual(['CAN', 'RUS']);
    expect(namedAsNoun(a!)).toBe(true);
    const [, b] = resolveTriggered([
      ['Dhaka recalled its envoy after Indian airstrikes on the border town.', 'sanction', 'recalled'],
      ['Bangladesh said it would retaliate against the strikes.', 'threat', 'said'],
    ]);
    expect(b!.countries).toEqual(['BGD', 'IND']);
    expect(namedAsNoun(b!)).toBe(true);
    // The place after the by-phrase ("by Turkey in northern Syria") is where the act happened, not its agent.
    const [, c] = resolveTriggered([
      ['Officials counted the damage from drone raids carried out by Turkey in northern Syria.', 'statement', 'counted'],
      ['Tehran said it would respond to the raids.', 'threat', 'said'],
    ]);
    expect(c!.countries).toEqual(['IRN', 'TUR']);
  });

  it('a candidate told by a definite act noun takes the sides of the earlier act it names (own-noun)', () => {
    const [, a] = resolveTriggered([
      ['Israel struck military sites in Iran early on Saturday.', 'military', 'struck'],
      ['Egypt condemned the Israeli strikes in a statement.', 'military', 'strikes'],
    ]);
    expect(a!.countries).toEqual(['IRN', 'ISR']);
    expect(rules(a!)).toContain('actors.act-reference.own-noun');
    const [, b] = resolveTriggered([
      ['Turkish drones hit positions in northern Iraq on Sunday.', 'military', 'hit'],
      ['Baghdad denounced the attacks as a breach of its sovereignty.', 'military', 'attacks'],
    ]);
    expect(b!.countries).toEqual(['IRQ', 'TUR']);
    // The noun with its own target names a new act.
    const [, c] = resolveTriggered([
      ['Israel struck military sites in Iran early on Saturday.', 'military', 'struck'],
      ['Jordan condemned the strikes on Syria.', 'military', 'strikes'],
    ]);
    expect(c!.countries).not.toContain('IRN');
  });
});

describe('a group of states named by number (actors.the-n)', () => {
  it('"the three governments" are the three states of the latest list of three', () => {
    const [, a] = resolveTriggered([
      ['Mali, Niger and Burkina Faso recalled their ambassadors from Algeria on Sunday.', 'sanction', 'recalled'],
      ['The three governments accused Algiers of supporting armed groups.', 'accusation', 'accused'],
    ]);
    expect(a!.countries).toEqual(['BFA', 'DZA', 'MLI', 'NER']);
    expect(rules(a!)).toContain('actors.the-n');
    const [, b] = resolveTriggered([
      ['Leaders of Brazil, India, South Africa and Indonesia met in Rio on Friday.', 'meeting', 'met'],
      ['All four countries also condemned the tariffs announced by Washington.', 'accusation', 'condemned'],
    ]);
    expect(b!.countries).toEqual(['BRA', 'IDN', 'IND', 'USA', 'ZAF']);
  });

  it('names nobody when no earlier sentence named that many', () => {
    const [, a] = resolveTriggered([
      ['Ghana and Togo signed a border accord on Monday.', 'agreement', 'signed'],
      ['The three countries will meet again in May.', 'statement', 'will meet'],
    ]);
    expect(rules(a!)).not.toContain('actors.the-n');
  });
});

describe('craft and forces named earlier with their state (actors.instrument-owner)', () => {
  it('"the drone" in a later military act names the state of "a Malian drone"', () => {
    const [, , a] = resolveTriggered([
      ['Algeria said its air defences had detected a Malian drone near the border.', 'statement', 'said'],
      ['Algerian officials said the aircraft had crossed into its airspace.', 'statement', 'said'],
      ['The drone was shot down near Tinzaouaten on Tuesday.', 'military', 'shot down'],
    ]);
    expect(a!.countries).toContain('MLI');
    expect(rules(a!)).toContain('actors.instrument-owner');
    const [, b] = resolveTriggered([
      ['Manila said Chinese coast guard ships had gathered near the shoal.', 'statement', 'said'],
      ['The ships fired water cannon at a Philippine supply boat.', 'military', 'fired'],
    ]);
    expect(b!.countries).toEqual(['CHN', 'PHL']);
  });

  it('adds nothing when the noun names its own state, nor outside military acts', () => {
    const [, a] = resolveTriggered([
      ['Ankara said a Greek drone had flown over the island.', 'statement', 'said'],
      ['The Turkish drone was intercepted by Greek jets.', 'military', 'intercepted'],
    ]);
    expect(rules(a!)).not.toContain('actors.instrument-owner');
    const [, b] = resolveTriggered([
      ['Ankara said a Greek drone had flown over the island.', 'statement', 'said'],
      ['Officials said the drone carried cameras.', 'statement', 'said'],
    ]);
    expect(b!.countries).not.toContain('GRC');
  });
});

describe('states that report having seen a military act (actors.attribution.observer)', () => {
  it('are no parties of it', () => {
    const a = one('Japanese and South Korean officials said they had detected a ballistic missile launched by North Korea.', 'military', 'launched');
    expect(a.countries).toEqual(['PRK']);
    expect(rules(a)).toContain('actors.attribution.observer');
    const b = one('The Philippine navy said that it tracked three Chinese warships sailing through the strait.', 'military', 'sailing');
    expect(b.countries).toEqual(['CHN']);
  });

  it('stay when they do the act, or when they are named after the verb of observing', () => {
    expect(one('Israel said it struck weapons depots in Syria overnight.', 'military', 'struck').countries).toContain('ISR');
    const r = one('Seoul said it had detected artillery fire by North Korean units aimed at South Korea.', 'military', 'fire');
    expect(r.countries).toContain('KOR');
  });
});

describe('observers when the observed act names no state of its own', () => {
  it('keep the states the event has (actors.attribution.observer, kept)', () => {
    const r = one('The Japanese coast guard said it had spotted an unidentified vessel firing flares near the islands.', 'military', 'firing');
    expect(r.countries).toEqual(['JPN']);
    expect((r.trace ?? []).some((t) => t.rule === 'actors.attribution.observer' && t.action === 'kept')).toBe(true);
  });
});
