/**
 * Non-state armed groups (actors.mentions.armed-group-territory) and the addressee of a passive verb of telling
 * (actors.agents.passive-addressee). Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { one, resolveTriggered, rules } from './actors-helpers.ts';

describe('an armed group stands for its territory in acts of force (actors.mentions.armed-group-territory)', () => {
  it('makes a group that attacks a state the other side of a military act', () => {
    const r = one('The Houthis fired two missiles at a Greek tanker on Friday.', 'military');
    expect(r.countries).toEqual(['GRC', 'YEM']);
    expect(r.organizations).toEqual([]);
    expect(rules(r)).toContain('actors.mentions.armed-group-territory');
  });

  it('makes a group that is threatened a side of the threat', () => {
    const [r] = resolveTriggered([['Oman warned that Hezbollah would regret any strike on its ships.', 'threat', 'warned']]);
    expect(r!.countries).toEqual(['LBN', 'OMN']);
  });

  it('adds no state to an act that is not one of force', () => {
    const s = one('Canada sanctioned two commanders of the M23 on Tuesday.', 'sanction');
    expect(s.countries).toEqual(['CAN']);
    expect(rules(s)).toContain('actors.mentions.armed-group-not-force');
    expect(one('Egypt and Jordan discussed Hamas during talks in Amman.', 'meeting').countries).toEqual(['EGY', 'JOR']);
  });

  it('leaves a group word that only modifies another, or sits inside another name', () => {
    expect(one('Norway condemned shelling of Taliban-controlled villages near the border.', 'military').countries).toEqual(['NOR']);
    expect(one('Drones hit fighters of Tehreek-e-Taliban Pakistan overnight.', 'military').countries).toEqual(['PAK']);
  });

  it('leaves groups named in a phrase about another act, and the groups listed after them', () => {
    const [r] = resolveTriggered([['Iran fired missiles at Israel in retaliation for the killing of leaders of Hamas, Hezbollah and the Guards.', 'military', 'fired']]);
    expect(r!.countries).toEqual(['IRN', 'ISR']);
  });

  it('adds nothing for a group with no territory in the data', () => {
    expect(one('Islamic State fighters attacked a convoy in the desert.', 'military').countries).toEqual([]);
  });
});

describe('the subject of a passive verb of telling is the addressee (actors.agents.passive-addressee)', () => {
  it('is never the agent', () => {
    const [r] = resolveTriggered([['"The Indian side has been firmly told that Nepal will defend its border," the statement said.', 'threat', 'will defend']]);
    expect(r!.agents).toEqual(['NPL']);
    expect(rules(r!)).toContain('actors.agents.passive-addressee');
  });

  it('leaves an active subject as the agent', () => {
    const [r] = resolveTriggered([['India told Nepal that it will defend its border.', 'threat', 'will defend']]);
    expect(r!.agents).toEqual(['IND']);
  });
});

describe('the state of an envoy summoned in the passive is not the one summoning (actors.agents.passive-patient)', () => {
  it('leaves the envoy state out of the agents, and keeps a speaker named before as the agent', () => {
    const [a, b] = resolveTriggered([
      ["Chile's ambassador was summoned on Monday over the fishing dispute.", 'accusation', 'ambassador was summoned'],
      ["A note from Peru's foreign ministry said Chile's ambassador in Lima had been summoned.", 'accusation', 'ambassador in Lima had been summoned'],
    ]);
    expect(a!.agents).toEqual([]);
    expect(rules(a!)).toContain('actors.agents.passive-patient');
    expect(b!.agents).toEqual(['PER']);
    expect(b!.countries).toEqual(['CHL', 'PER']);
  });

  it('leaves an active summons as it was', () => {
    const [r] = resolveTriggered([["Peru summoned Chile's ambassador on Monday.", 'accusation', 'summoned']]);
    expect(r!.agents).toEqual(['PER']);
  });
});

describe('a group of states with fixed members (actors.country-group)', () => {
  it('makes the members of the Baltic states parties', () => {
    const [r] = resolveTriggered([['Moscow vowed to answer the unfriendly steps of the Baltic states with economic measures.', 'threat', 'vowed']]);
    expect(r!.countries).toEqual(['EST', 'LTU', 'LVA', 'RUS']);
    expect(rules(r!)).toContain('actors.country-group.baltic-states');
  });

  it('adds nothing where the group names a place', () => {
    const [r] = resolveTriggered([['Germany will station a brigade in the Baltic states from next year.', 'military', 'station']]);
    expect(r!.countries).toEqual(['DEU']);
    expect(rules(r!)).toContain('actors.country-group.place');
  });

  it('adds nothing for a group whose members the text must list', () => {
    const [r] = resolveTriggered([['Iran warned the Gulf states against hosting foreign bases.', 'threat', 'warned']]);
    expect(r!.countries).toEqual(['IRN']);
  });
});

describe('a group that governs a state de facto stands for it in every act from that day (actors.mentions.de-facto-government)', () => {
  it('makes the Taliban government a side of a summons or a meeting after August 2021', () => {
    const [s] = resolveTriggered([['The Taliban government summoned the Iranian envoy on Monday over a water dispute.', 'accusation', 'summoned']], '2023-05-08');
    expect(s!.countries).toEqual(['AFG', 'IRN']);
    expect(rules(s!)).toContain('actors.mentions.de-facto-government');
    const m = one('Officials of the Islamic Emirate met a Chinese trade delegation on Tuesday.', 'meeting', '2024-02-13');
    expect(m.countries).toEqual(['AFG', 'CHN']);
    expect(one('A Taliban-led administration signed a transit accord with Uzbekistan on Thursday.', 'agreement', '2022-07-14').countries).toEqual(['AFG', 'UZB']);
  });

  it('keeps it an armed group before that day: a side only in acts of force', () => {
    const s = one('Qatar hosted Taliban negotiators for talks in Doha on Sunday.', 'meeting', '2020-03-01');
    expect(s.countries).toEqual(['QAT']);
    expect(rules(s)).toContain('actors.mentions.armed-group-not-force');
    expect(one('Taliban fighters attacked a police post in the north on Friday.', 'military', '2019-06-07').countries).toEqual(['AFG']);
  });

  it('still leaves a group word that only modifies another', () => {
    expect(one('Norway condemned shelling of Taliban-controlled villages near the border.', 'military', '2023-01-10').countries).toEqual(['NOR']);
  });

  it('knows the ministers and the spokesman of that government (people.json, from their day on)', () => {
    expect(one('Zabihullah Mujahid denounced Tajikistan over the border incident on Monday.', 'accusation', '2024-04-01').countries).toEqual(['AFG', 'TJK']);
    expect(one('Sirajuddin Haqqani received the Qatari envoy in Kabul on Sunday.', 'meeting', '2023-11-12').countries).toEqual(['AFG', 'QAT']);
  });
});
