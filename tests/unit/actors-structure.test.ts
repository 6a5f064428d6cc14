/**
 * Who did what to whom, and which states are parties (issue 9, categories 4 and 5), from the clause's
 * structure. Sentences are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { EventCandidate } from '../../scripts/pipeline/types.ts';
import { makeDoc, resolver, resolveTriggered, rules } from './actors-helpers.ts';

const one = (sentence: string, type: Parameters<typeof resolveTriggered>[0][0][1], trigger: string, published?: string) =>
  resolveTriggered([[sentence, type, trigger]], published)[0]!;

describe('an act noun with its own agent (X condemned Y\'s strike on Z)', () => {
  it('gives the strike to its agent and target, never to the state that condemned it', () => {
    const r = one("Brazil condemned Israel's air strike on Beirut on Monday.", 'military', 'strike');
    expect(r.countries).toEqual(['ISR', 'LBN']);
    expect(r.agents).toEqual(['ISR']);
    expect(r.trace).toContainEqual(expect.objectContaining({ rule: 'actors.nominal-act', action: '-BRA' }));
  });

  it('reads a demonym, an "of" target and a passive "by" agent the same way', () => {
    expect(one('Norway denounced the Turkish bombardment of Syrian towns.', 'military', 'bombardment').countries).toEqual(['SYR', 'TUR']);
    const r = one('Chile criticised the raid by Venezuela against Guyana.', 'military', 'raid');
    expect(r.countries).toEqual(['GUY', 'VEN']);
    expect(r.agents).toEqual(['VEN']);
  });

  it('makes the condemnation the speaker\'s act against the agent, with the victim left out', () => {
    const r = one("Brazil condemned Israel's air strike on Beirut on Monday.", 'accusation', 'condemned');
    expect(r.countries).toEqual(['BRA', 'ISR']);
    expect(r.agents).toEqual(['BRA']);
    expect(rules(r)).toContain('actors.victim-of-condemned-act');
  });
});

describe('an act noun told without its agent (X condemned the attack on Z)', () => {
  it('leaves the state on the receiving end out of what is said about the act', () => {
    const r = one('Canada condemned the cyberattack on NATO ally Estonia on Monday.', 'accusation', 'condemned');
    expect(r.countries).toEqual(['CAN']);
    expect(rules(r)).toContain('actors.victim-of-condemned-act');
    expect(one('Hungary criticised the sanctions against Iran on Friday.', 'accusation', 'criticised').countries).toEqual(['HUN']);
    expect(one('Peru denounced the recent raid on neighbouring Bolivia.', 'accusation', 'denounced').countries).toEqual(['PER']);
    expect(one('Norway condemned the bombing of Lebanon on Monday.', 'accusation', 'condemned').countries).toEqual(['NOR']);
  });

  it('after "of" too, with the agent named by "by"; a state that is no act noun\'s object stays', () => {
    expect(one('Norway condemned the invasion of Ukraine by Russia.', 'accusation', 'condemned').countries).toEqual(['NOR', 'RUS']);
    expect(one('Chile condemned Bolivia on Monday over the attack.', 'accusation', 'condemned').countries).toEqual(['BOL', 'CHL']);
  });

  it('leaves the target of the act itself a party', () => {
    expect(one('Israel carried out an attack on Lebanon on Monday.', 'military', 'attack').countries).toEqual(['ISR', 'LBN']);
  });
});

describe('the victim named a second time in the sentence (actors.mentions.victim-again)', () => {
  it('keeps the victim out of the condemnation when a later phrase names it again', () => {
    const r = one("Egypt condemned Turkey's shelling of Iraq, calling it an assault targeting Iraq's security.", 'accusation', 'condemned');
    expect(r.countries).toEqual(['EGY', 'TUR']);
    expect(rules(r)).toContain('actors.mentions.victim-again');
  });

  it('leaves a later mention that opens a new clause alone', () => {
    const r = one("Egypt condemned Turkey's shelling of Iraq, and Iraq summoned the Turkish envoy.", 'accusation', 'condemned');
    expect(rules(r)).not.toContain('actors.mentions.victim-again');
  });
});

describe('a sentence opened by a participle (actors.agents.fronted-participle)', () => {
  it('gives the act to the subject of the main clause, not to the first state of the participle\'s object', () => {
    const r = one("Condemning the Russian drone attack on Kyiv, Poland's foreign ministry called it a war crime.", 'accusation', 'Condemning');
    expect(r.agents).toEqual(['POL']);
    expect(rules(r)).toContain('actors.agents.fronted-participle');
  });

  it('does not apply when the sentence opens with its subject', () => {
    const r = one('Poland condemned the Russian drone attack, calling it a war crime.', 'accusation', 'condemned');
    expect(r.agents).toEqual(['POL']);
    expect(rules(r)).not.toContain('actors.agents.fronted-participle');
  });
});

describe('a joint strike with no target named (actors.place.joint-strike-target)', () => {
  it('hits the state it happens in', () => {
    const r = one('French and British jets carried out strikes on militant camps in Mali overnight.', 'military', 'carried out strikes');
    expect(r.countries).toEqual(['FRA', 'GBR', 'MLI']);
    expect(rules(r)).toContain('actors.place.joint-strike-target');
  });

  it('does not make the host of a joint exercise a party', () => {
    const r = one('French and British ships carried out exercises with live fire in Senegal.', 'military', 'carried out exercises');
    expect(r.countries).toEqual(['FRA', 'GBR']);
  });
});

describe('an act named in an opening phrase (actors.scope.fronted-phrase-subject)', () => {
  it('is done by the main clause\'s subject, not by the state the main clause acts on', () => {
    const text = 'After his visit to Japan on Monday, the Indonesian president met his Malaysian counterpart in Kuala Lumpur.';
    const seg = makeDoc([text]);
    const sen = seg.sentences[0]!;
    const at = sen.start + text.indexOf('visit to');
    // The events stage gives a nominal act in an opening phrase that phrase as its clause.
    const c: EventCandidate = {
      type: 'visit',
      trigger: { start: at, end: at + 8, text: 'visit to' },
      clause: { start: sen.start, end: sen.start + text.indexOf(',') },
      modality: 'asserted',
      confidence: 1,
      rule: 'test',
    };
    const r = resolver().forDocument(seg).resolve(sen, c);
    expect(r.countries).toEqual(['IDN', 'JPN']);
    expect(rules(r)).toContain('actors.scope.fronted-phrase-subject');
  });

  it('still widens to the whole sentence for an act outside such a phrase', () => {
    const r = one('The talks went well, the Indonesian president said after he met his Malaysian counterpart.', 'meeting', 'talks');
    expect(rules(r)).not.toContain('actors.scope.fronted-phrase-subject');
  });
});

describe('the place of an event (actors.location.not-in-anchor)', () => {
  it('is not a place named in a phrase about the act it answers', () => {
    expect(one('Turkey shelled positions near the border in retaliation for an attack on its base in Baghdad.', 'military', 'shelled').location).toBeUndefined();
    expect(one('The ministers met hours after the summit in Cairo.', 'meeting', 'met').location).toBeUndefined();
  });

  it('is still the place of the act itself', () => {
    expect(one('Turkey shelled positions in Baghdad in retaliation for an attack on its base.', 'military', 'shelled').location).toBe('Baghdad');
  });
});

describe('the speaker after a verb of saying (actors.agents)', () => {
  it('is the state named right after the verb ("..., said Iran\'s foreign minister")', () => {
    const r = one("The talks were useful, said Iran's foreign minister after meeting his Omani counterpart.", 'statement', 'said');
    expect(r.agents).toEqual(['IRN']);
  });

  it('is never the state named after "said that", which is what was said', () => {
    const r = one('The rebels said that Chad and Niger would pay a heavy price.', 'threat', 'said');
    expect(r.agents).toEqual([]);
  });
});

describe('a statement told as a quotation and a speech tag (actors.scope.quoted-content)', () => {
  it('is about the states the quotation names', () => {
    const text = '"Belarus is pushing migrants against Lithuania every night," the Polish president said.';
    const seg = makeDoc([text]);
    const sen = seg.sentences[0]!;
    const at = sen.start + text.indexOf('said');
    const tag = sen.start + text.indexOf('the Polish');
    const c: EventCandidate = { type: 'statement', trigger: { start: at, end: at + 4, text: 'said' }, clause: { start: tag, end: sen.end }, modality: 'asserted', confidence: 1, rule: 'test' };
    const r = resolver().forDocument(seg).resolve(sen, c);
    expect(r.countries).toEqual(['BLR', 'LTU', 'POL']);
    expect(rules(r)).toContain('actors.scope.quoted-content');
  });

  it('does not widen a statement whose clause holds no quotation', () => {
    const text = 'The Polish president spoke in Vilnius, where Belarus was on the agenda.';
    const seg = makeDoc([text]);
    const sen = seg.sentences[0]!;
    const at = sen.start + text.indexOf('spoke');
    const c: EventCandidate = { type: 'statement', trigger: { start: at, end: at + 5, text: 'spoke' }, clause: { start: sen.start, end: sen.start + text.indexOf(',') }, modality: 'asserted', confidence: 1, rule: 'test' };
    expect(rules(resolver().forDocument(seg).resolve(sen, c))).not.toContain('actors.scope.quoted-content');
  });
});

describe('a party named by its capital', () => {
  it.each([
    ['Doha said the ceasefire talks would resume next week.', 'statement', 'said', ['QAT']],
    ['Ankara accused Athens of militarising the islands.', 'accusation', 'accused', ['GRC', 'TUR']],
    ['Beijing warned Manila against further provocations at the shoal.', 'threat', 'warned', ['CHN', 'PHL']],
  ] as const)('%s', (sentence, type, trigger, expected) => {
    const r = one(sentence, type, trigger);
    expect(r.countries).toEqual(expected);
    expect(rules(r)).toContain('actors.mention.capital');
  });
});

describe('"the attack", "the move": the act referred back to', () => {
  it('takes the agent of the earlier strike as the target, not its victim', () => {
    const r = resolveTriggered([
      ['Israeli warplanes struck a depot near Damascus on Sunday.', 'military', 'struck'],
      ['Turkey condemned the attack, calling it a breach of Syrian sovereignty.', 'accusation', 'condemned'],
    ]);
    expect(r[1]!.countries).toEqual(['ISR', 'TUR']);
    expect(rules(r[1]!)).toContain('actors.act-reference.attack');
  });

  it('takes the agent of the act reported last for a sentence opening "In response," (actors.act-reference.response)', () => {
    const r = resolveTriggered([
      ['Mali ordered the Swedish ambassador to leave within 72 hours on Monday.', 'sanction', 'ordered'],
      ['In response, the Swedish foreign ministry said the order had no legal basis.', 'statement', 'said'],
    ]);
    expect(r[1]!.countries).toEqual(['MLI', 'SWE']);
    expect(rules(r[1]!)).toContain('actors.act-reference.response');
    // Not without the opener.
    const plain = resolveTriggered([
      ['Mali ordered the Swedish ambassador to leave within 72 hours on Monday.', 'sanction', 'ordered'],
      ['Separately, the Swedish foreign ministry said its embassy would stay open.', 'statement', 'said'],
    ]);
    expect(rules(plain[1]!)).not.toContain('actors.act-reference.response');
  });

  it('takes the agent of an earlier measure for "the move"', () => {
    const r = resolveTriggered([
      ['Washington raised tariffs on Mexican steel on Monday.', 'sanction', 'raised'],
      ['Mexico called the move unjustified and said it would respond.', 'accusation', 'called'],
    ]);
    expect(r[1]!.countries).toEqual(['MEX', 'USA']);
    expect(rules(r[1]!)).toContain('actors.act-reference.move');
  });

  it('adds nothing when the document reported no such act, or when the noun has its own agent', () => {
    expect(one('Peru denounced the attack in the strongest terms.', 'accusation', 'denounced').countries).toEqual(['PER']);
    const r = resolveTriggered([
      ['Israeli warplanes struck a depot near Damascus on Sunday.', 'military', 'struck'],
      ['Egypt condemned the attack by Iran on shipping.', 'accusation', 'condemned'],
    ]);
    expect(r[1]!.countries).toEqual(['EGY', 'IRN']);
  });
});

describe('groupings that act through their members', () => {
  it('makes the member states of the Sahel alliance and the G7 parties', () => {
    expect(one('The Sahel alliance said it would leave the regional bloc.', 'statement', 'said', '2025-01-29').countries).toEqual(['BFA', 'MLI', 'NER']);
    const g7 = one("G7 foreign ministers condemned North Korea's latest missile launch.", 'accusation', 'condemned');
    expect(g7.countries).toEqual(['CAN', 'DEU', 'FRA', 'GBR', 'ITA', 'JPN', 'PRK', 'USA']);
    expect(rules(g7)).toContain('actors.org-members.G7');
  });

  it('adds no states for an organisation with its own legal personality, nor before a grouping existed', () => {
    expect(one('The European Union criticised Belarus over the detentions.', 'accusation', 'criticised').countries).toEqual(['BLR']);
    expect(one('The Alliance of Sahel States said it was alarmed.', 'statement', 'said', '2022-05-01').countries).toEqual([]);
  });
});

describe('states that are not parties', () => {
  it('leaves out the owner of violated airspace or sovereignty', () => {
    expect(one('Ukraine accused Russia of violating Moldovan airspace with drones.', 'accusation', 'accused').countries).toEqual(['RUS', 'UKR']);
    expect(one('Iraq said the raids violated the sovereignty of Syria.', 'statement', 'said').countries).toEqual(['IRQ']);
  });

  it('leaves out states named only in a non-restrictive relative clause', () => {
    const r = one('Sudan and Chad held talks in Doha, where Qatar has mediated for months.', 'meeting', 'held talks');
    expect(r.countries).toEqual(['SDN', 'TCD']);
    expect(rules(r)).toContain('actors.subordinate-clause');
    expect(one("Kenya's president met Ethiopia's prime minister, who had visited Egypt a week earlier.", 'meeting', 'met').countries).toEqual(['ETH', 'KEN']);
  });

  it('leaves out states named only in a restrictive relative clause that describes a place (actors.subordinate-clause.place-head)', () => {
    const r = one("Japan's foreign minister met Palau's president on a trip to the island nation that is courted by China and Taiwan.", 'meeting', 'met');
    expect(r.countries).toEqual(['JPN', 'PLW']);
    expect(rules(r)).toContain('actors.subordinate-clause.place-head');
    // A "that" clause after a verb of saying is content, not a description: left alone.
    expect(rules(one('Germany said that France and Italy held talks in Rome.', 'meeting', 'held talks'))).not.toContain('actors.subordinate-clause.place-head');
  });

  it('leaves out the states that "join" the speaker in the same act (actors.co-actor.joined)', () => {
    const r = one('Brazil joined Mexico and Chile in condemning the Israeli strike on Beirut.', 'accusation', 'condemning');
    expect(r.countries).not.toContain('MEX');
    expect(r.countries).not.toContain('CHL');
    expect(r.countries).toContain('BRA');
    expect(rules(r)).toContain('actors.co-actor.joined');
    // Without "join ... in", the states named stay.
    expect(one('Brazil and Mexico condemned the Israeli strike on Beirut.', 'accusation', 'condemned').countries).toEqual(expect.arrayContaining(['BRA', 'MEX']));
  });

  it('leaves out who reports the act', () => {
    const r = one("North Korea fired two ballistic missiles into the sea, South Korea's military said.", 'military', 'fired');
    expect(r.countries).toEqual(['PRK']);
    expect(rules(r)).toContain('actors.attribution.trailing');
    expect(one('Myanmar troops shelled a village near the border, Thai officials said on Friday.', 'military', 'shelled').countries).toEqual(['MMR']);
    const f = one('According to Japanese and South Korean media, China and Russia held joint naval drills.', 'military', 'held');
    expect(f.countries).toEqual(['CHN', 'RUS']);
    expect(rules(f)).toContain('actors.attribution.fronted');
  });

  it('ends an opening "according to" phrase where the main clause starts, not at the last comma before the act', () => {
    // The list inside the phrase still belongs to it.
    const l = one('According to Japanese, Chinese and South Korean media, Russia and Iran held joint naval drills.', 'military', 'held');
    expect(l.countries).toEqual(['IRN', 'RUS']);
    // The main clause begins at "the letter": the envoy after it is a party of the call in his relative clause.
    const r = one('According to a statement by the presidency, the letter was handed to Kenyan President William Ruto by Qatari envoy Ali Hassan, who paid him a courtesy call in Nairobi.', 'meeting', 'paid him a courtesy call');
    expect(r.countries).toEqual(['KEN', 'QAT']);
  });

  it('keeps the speaker of a statement and a state named before the attribution', () => {
    expect(one("Russia struck Ukraine's power plants overnight, Kyiv said.", 'military', 'struck').countries).toEqual(['RUS', 'UKR']);
  });
});

describe('the subject side of an act', () => {
  it('is the party named before the verb, not one inside an opening prepositional phrase', () => {
    const r = one("In a call with Japan's foreign minister on Friday, India's foreign minister denounced the strikes.", 'accusation', 'denounced');
    expect(r.agents).toEqual(['IND']);
  });

  it('is every coordinated subject, in the order named', () => {
    expect(one('Mali, Burkina Faso and Niger said they were leaving the bloc.', 'statement', 'said').agents).toEqual(['MLI', 'BFA', 'NER']);
  });

  it('is the speaker after quoted content, and never the object of another verb', () => {
    expect(one('Finland must weigh the consequences, Russia\'s foreign ministry said.', 'statement', 'said').agents).toEqual(['RUS']);
    expect(one('The ministry accused France of meddling.', 'accusation', 'accused').agents).toEqual([]);
  });

  it('is the earlier speaker when the subject refers back ("The statement accused ...")', () => {
    const r = resolveTriggered([
      ['Algeria recalled its ambassador from Paris on Tuesday.', 'sanction', 'recalled'],
      ["The statement accused France of backing Morocco's claim.", 'accusation', 'accused'],
    ]);
    expect(r[1]!.countries).toContain('DZA');
    expect(r[1]!.countries).toContain('FRA');
    expect(r[1]!.agents).toEqual(['DZA']);
    expect(rules(r[1]!)).toContain('actors.subject-anaphor');
  });

  it('reads "they" in a military act as the attack named just before, not the speaker (actors.subject-anaphor.attack)', () => {
    const r = resolveTriggered([
      ['Baghdad summoned the Turkish charge on Monday over night-time raids carried out by Turkey in northern Iraq.', 'accusation', 'summoned'],
      ["The ministry denounced the raids, saying they breached Iraq's airspace and hit a refugee camp.", 'military', 'hit'],
    ]);
    expect(r[1]!.countries).toEqual(['IRQ', 'TUR']);
    expect(r[1]!.agents).toEqual(['TUR']);
    expect(rules(r[1]!)).toContain('actors.subject-anaphor.attack');
    // "it" after a named state is that state, not an attack.
    const q = resolveTriggered([
      ['Seoul said the North fired a missile into the sea on Monday.', 'military', 'fired'],
      ['After the launch, North Korea said it tested a new drone over the sea.', 'military', 'tested'],
    ]);
    expect(rules(q[1]!)).not.toContain('actors.subject-anaphor.attack');
  });

  it('does not read "It added that the ministers ..." as the earlier speaker acting', () => {
    const r = resolveTriggered([
      ['Armenia said on Monday that the talks had been useful.', 'statement', 'said'],
      ['It added that the ministers also met Kazakhstan\'s envoy.', 'meeting', 'met'],
    ]);
    expect(rules(r[1]!)).not.toContain('actors.subject-anaphor');
  });
});

describe('an opening place phrase is no apposition', () => {
  it('keeps the subjects after "At talks in Geneva, the ..."', () => {
    const r = one('At talks in Geneva, the foreign ministers of Serbia and Kosovo, in the presence of EU envoys, agreed on a roadmap.', 'agreement', 'agreed');
    expect(r.countries).toContain('SRB');
    expect(r.countries).not.toContain('CHE');
    const m = one('During a summit at the Kremlin, the leaders of Laos and Vietnam signed a transit accord.', 'agreement', 'signed');
    expect(m.countries).toEqual(['LAO', 'VNM']);
  });
});

describe('what was said in a meeting', () => {
  it('does not make the states talked about participants of the call', () => {
    const r = one('Vietnam\'s foreign minister told his Thai counterpart by phone that Hanoi would not accept any claims by China.', 'meeting', 'told');
    expect(r.countries).toEqual(['THA', 'VNM']);
    expect(rules(r)).toContain('actors.meeting.reported-content');
  });

  it('keeps participants of a meeting reported inside the content', () => {
    expect(one('Officials said that Kenya and Uganda held talks on the border.', 'meeting', 'held talks').countries).toEqual(['KEN', 'UGA']);
  });
});

describe('the target of an accusation', () => {
  it('is the first object, not the states inside its phrases', () => {
    const r = one("Algeria criticised France's backing for Morocco's autonomy plan for Western Sahara.", 'accusation', 'criticised');
    expect(r.countries).toEqual(['DZA', 'FRA']);
    expect(rules(r)).toContain('actors.accusation.target');
    expect(one('Pakistan accused India of arming militants based in Afghanistan.', 'accusation', 'accused').countries).toEqual(['IND', 'PAK']);
  });

  it('keeps objects coordinated with the first one', () => {
    expect(one('North Korea slammed South Korea and the United States for prolonging their joint exercises.', 'accusation', 'slammed').countries).toEqual(['KOR', 'PRK', 'USA']);
    expect(one('Iran condemned Israel, the United States and Britain over the raids.', 'accusation', 'condemned').countries).toEqual(['GBR', 'IRN', 'ISR', 'USA']);
  });
});

describe('another event named to say when', () => {
  it('is no party of a meeting or statement', () => {
    const r = one('Xi Jinping met Vladimir Putin in Moscow, hours after Washington announced new export controls.', 'meeting', 'met');
    expect(r.countries).toEqual(['CHN', 'RUS']);
    expect(rules(r)).toContain('actors.time-anchor');
    expect(one('Lithuania and Poland signed a gas deal, days before the Belarusian exercises began.', 'agreement', 'signed').countries).toEqual(['LTU', 'POL']);
  });

  it('is no party of a strike or sanction when the anchor names no cause (actors.time-anchor.any-type)', () => {
    const r = one('Lithuania shut its crossings with Belarus on Friday, ahead of joint Russian military drills.', 'sanction', 'shut');
    expect(r.countries).toEqual(['BLR', 'LTU']);
    expect(rules(r)).toContain('actors.time-anchor.any-type');
    const m = one('Chinese jets entered the airspace of Japan for the first time since the war in Ukraine began.', 'military', 'entered');
    expect(m.countries).toEqual(['CHN', 'JPN']);
  });

  it('holds no organisation of the event, nor its members (actors.time-anchor.organization)', () => {
    const r = one('The Japanese premier phoned Justin Trudeau on Sunday, ahead of the G7 summit in Alberta.', 'meeting', 'phoned');
    expect(r.countries).toEqual(['CAN', 'JPN']);
    expect(r.organizations).toEqual([]);
    expect(rules(r)).toContain('actors.time-anchor.organization');
    // Named before the anchor, the organisation takes part.
    expect(one('NATO ministers met in Brussels on Thursday, days before the Vilnius summit.', 'meeting', 'met').organizations).toEqual(['NATO']);
  });

  it('is no party when an anchor naming no cause stands before the speech verb (actors.time-anchor.before-trigger)', () => {
    const r = one('Latvia will shut two crossings with Belarus days before joint Russian-Belarusian naval exercises, the Latvian premier said Monday.', 'statement', 'said');
    expect(r.countries).toEqual(['BLR', 'LVA']);
    expect(rules(r)).toContain('actors.time-anchor.before-trigger');
    // Named outside the anchor, the state stays.
    expect(one('Days before the exercises, Latvia warned Russia over the drills, the premier said Monday.', 'statement', 'said').countries).toContain('RUS');
  });

  it('stays a party of a strike that answers it', () => {
    expect(one('Iran fired missiles at Israel, days after the Israeli strike on its consulate.', 'military', 'fired').countries).toEqual(['IRN', 'ISR']);
  });
});


describe('an act whose only state is in its time anchor', () => {
  it('has no party', () => {
    expect(one('The border closure was announced on Monday, days before the Belarusian exercises.', 'statement', 'announced').countries).toEqual([]);
  });
});

describe('an act reported inside another\'s speech', () => {
  it('has its own subject after the verb of saying', () => {
    expect(one('Israel said that Iran launched more than a hundred missiles overnight.', 'military', 'launched').agents).toEqual(['IRN']);
    expect(one('Seoul said Pyongyang fired two missiles toward Japan.', 'military', 'fired').agents).toEqual(['PRK']);
  });

  it('keeps the speaker as the subject of the verb of saying itself', () => {
    expect(one('Israel said that Iran launched more than a hundred missiles overnight.', 'statement', 'said').agents).toEqual(['ISR']);
  });
});

describe('two reported clauses', () => {
  it('gives the act the subject of its own "that" clause', () => {
    const r = one('A spokesman said that Japan was to blame and that China was ready to take firm countermeasures.', 'threat', 'ready to take');
    expect(r.agents).toEqual(['CHN']);
  });
});

describe('a capital named after its state\'s place', () => {
  it('is the same place, not a party', () => {
    const r = one('The Azerbaijani and Armenian ministers met in the U.S. capital Washington on Monday.', 'meeting', 'met');
    expect(r.countries).toEqual(['ARM', 'AZE']);
    expect(one('Envoys of Sudan and Chad met in the Qatari capital, Doha, on Monday.', 'meeting', 'met').countries).toEqual(['SDN', 'TCD']);
  });
});

describe('the trace of left-out states', () => {
  it('names the mention pass that marked each one', () => {
    const r = one('Sudan and Chad held talks in Cairo to discuss Ethiopia, according to Kenyan media.', 'meeting', 'held talks');
    expect(r.countries).toEqual(['SDN', 'TCD']);
    const ids = rules(r);
    expect(ids).toContain('actors.mentions.place');
    expect(ids).toContain('actors.mentions.topic');
  });
});
