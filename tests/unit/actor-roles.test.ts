/**
 * Parties by role, not by mention: states named in adjunct phrases, states reached by reference to an earlier
 * sentence, and state adjectives on an act's instrument. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { EventType } from '../../scripts/pipeline/types.ts';
import { resolveTriggered, rules } from './actors-helpers.ts';

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
