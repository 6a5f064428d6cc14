/**
 * Plain acts that used to give no candidate at all (issue 9, round 7): word classes the triggers
 * lacked. Sentences written for the test (articles published Tuesday 2025-07-15).
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import { extractCues } from '../../scripts/pipeline/dates/cues.ts';
import { quotedRanges } from '../../scripts/pipeline/events/quotes.ts';
import { segOf } from './find-events-helpers.ts';
import type { ExtractedEvent } from '../../scripts/pipeline/types.ts';

const actors = createActorResolver();
const events = (body: string) => extractDocument(segOf(body), actors, { trace: true }).events;
const brief = (e: ExtractedEvent) => `${e.type} ${e.date} ${e.countries.join(',')}`;
const firstRule = (e: ExtractedEvent) => e.trace?.[0]?.rule;

describe('a summons of any head of mission (HEAD_OF_MISSION)', () => {
  it.each([
    ['Nairobi summoned the British high commissioner on Monday over the remarks.', 'accusation 2025-07-14 GBR,KEN', 'accusation.summoned'],
    ['The Pakistani deputy high commissioner in New Delhi, Ali Khan, was summoned by India on Sunday.', 'accusation 2025-07-13 IND,PAK', 'accusation.summoned-passive'],
    ['The Nigerian high commissioner to Accra, a career diplomat, was summoned by Ghana on Monday.', 'accusation 2025-07-14 GHA,NGA', 'accusation.summoned-passive'],
    ['Managua summoned the Vatican nuncio on Friday.', 'accusation 2025-07-11 NIC,VAT', 'accusation.summoned'],
    ['The Turkish consul general in Athens was summoned by Greece on Monday.', 'accusation 2025-07-14 GRC,TUR', 'accusation.summoned-passive'],
  ])('%s', (body, expected, rule) => {
    const got = events(body);
    expect(got.map(brief)).toContain(expected);
    expect(got.find((e) => brief(e) === expected)!.trace!.some((s) => s.rule === rule)).toBe(true);
  });

  it.each([
    'The British high commissioner met Kenyan lawmakers in Nairobi on Monday.',
    'The Indian high commissioner said on Monday that trade between the two countries had grown.',
  ])('no summons: %s', (body) => {
    expect(events(body).filter((e) => e.type === 'accusation').map(firstRule)).toEqual([]);
  });
});

describe('a condemnation issued or delivered as a noun (lex.111 issue-condemnation, DISPLEASURE nouns)', () => {
  it.each([
    ['Spain on Thursday issued a strong condemnation of Morocco over the border incident.', 'accusation 2025-07-10 ESP,MAR', 'lex.111.issue'],
    ['Germany delivered a sharp rebuke to Hungary on Monday over the veto.', 'accusation 2025-07-14 DEU,HUN', 'lex.111.deliver'],
    ['Egypt voiced its denunciation of the Ethiopian dam filling on Sunday.', 'accusation 2025-07-13 EGY,ETH', 'lex.111.voice'],
    ['On Monday Peru released a formal censure of Bolivia over the comments.', 'accusation 2025-07-14 BOL,PER', 'lex.111.release'],
  ])('%s', (body, expected, rule) => {
    const got = events(body);
    expect(got.map(brief)).toContain(expected);
    expect(firstRule(got.find((e) => brief(e) === expected)!)).toBe(rule);
  });

  it.each([
    'The Spanish ministry issued a statement on Thursday about the timetable.',
    'Germany released the report on Monday.',
  ])('no accusation: %s', (body) => {
    expect(events(body).filter((e) => e.type === 'accusation')).toEqual([]);
  });
});

describe('an accusation told with "charged" or "alleged" (lex.112 charge-that, charge-with-force)', () => {
  it.each([
    ['Armenian officials charged that Azerbaijani troops fired on their positions on Monday.', 'accusation 2025-07-14 ARM,AZE', 'lex.112.charge'],
    ['On Sunday the Armenian defence ministry charged Azerbaijani forces with shelling border villages.', 'accusation 2025-07-13 ARM,AZE', 'lex.112.charge.charge-with-force'],
    ['Russia alleged on Friday that Ukraine had attacked a power station.', 'accusation 2025-07-11 RUS,UKR', 'lex.112.allege'],
  ])('%s', (body, expected, rule) => {
    const got = events(body);
    expect(got.map(brief)).toContain(expected);
    expect(firstRule(got.find((e) => brief(e) === expected)!)).toBe(rule);
  });

  it.each([
    'An Iranian businessman was charged with violating American sanctions on Monday.',
    'Prosecutors in Berlin charged a Russian citizen with spying on Monday.',
  ])('a criminal charge is no accusation between states: %s', (body) => {
    expect(events(body).filter((e) => e.type === 'accusation')).toEqual([]);
  });
});

describe('a host receiving a guest described by standing (meeting.hosted)', () => {
  it.each([
    ['President Ruto warmly received the newly elected President of Chile at State House on Friday.', 'meeting 2025-07-11 CHL,KEN'],
    ["Kenya's president hosted the visiting Chilean President on Monday.", 'meeting 2025-07-14 CHL,KEN'],
    ['The Kenyan president received the incoming Prime Minister of Japan in Nairobi on Monday.', 'meeting 2025-07-14 JPN,KEN'],
  ])('%s', (body, expected) => {
    const got = events(body);
    expect(got.map(brief)).toContain(expected);
    expect(firstRule(got.find((e) => brief(e) === expected)!)).toBe('meeting.hosted');
  });

  it('a letter received from a president is no meeting', () => {
    expect(events('President Ruto received a letter from the President of Chile on Friday.').filter((e) => e.type === 'meeting')).toEqual([]);
  });
});

describe('talks told as the two sides engaging in discussions (meeting.sides-discussed)', () => {
  it('gives a meeting of the parties of the act just told', () => {
    const body = 'President Ruto arrived in Santiago on Monday for a state visit. The two presidents engaged in lengthy discussions on trade.';
    const got = events(body);
    expect(got.map((e) => e.type)).toContain('meeting');
    expect(got.find((e) => e.type === 'meeting')!.trace!.some((s) => s.rule === 'meeting.sides-discussed')).toBe(true);
  });

  it('one speaker engaging in something is no meeting', () => {
    expect(events('Kenya engaged in lengthy preparations for the summit on Monday.').filter((e) => e.type === 'meeting')).toEqual([]);
  });
});

describe('a possessive typed with a space before the apostrophe opens no quotation (quotes.ts)', () => {
  it.each([
    ["Niger 's military government expelled two French diplomats on Saturday.", 'Niger '],
    ["Chile ’s foreign ministry condemned the Peruvian raid on Sunday.", 'Chile '],
  ])('%s', (body) => {
    expect(quotedRanges(body)).toEqual([]);
    expect(events(body).length).toBeGreaterThan(0);
  });

  it('a real quotation after a space still opens', () => {
    const text = "The minister called it 'a serious mistake' on Monday.";
    expect(quotedRanges(text).map((r) => text.slice(r.start, r.end))).toEqual(["'a serious mistake'"]);
  });

  it("a word starting with s after the mark is a quotation, not a possessive: 'sovereign'", () => {
    const text = "He called it 'sovereign ground' on Monday.";
    expect(quotedRanges(text).map((r) => text.slice(r.start, r.end))).toEqual(["'sovereign ground'"]);
  });
});

describe('speech that says another state interferes or violates sovereignty is an accusation (accusationContent)', () => {
  it.each([
    ['“Rwanda’s meddling in our internal affairs must stop,” the Congolese foreign ministry said on Monday.', 'accusation 2025-07-14 COD,RWA'],
    ['The Serbian government said on Sunday that the flights were a violation of the independence and sovereignty of Serbia by Croatia.', 'accusation 2025-07-13 HRV,SRB'],
  ])('%s', (body, expected) => {
    const got = events(body);
    expect(got.map(brief)).toContain(expected);
    expect(got.find((e) => brief(e) === expected)!.trace!.some((s) => s.rule === 'events.speech-content.accusation')).toBe(true);
  });

  it('a statement about domestic affairs stays a statement', () => {
    const got = events('The Kenyan government said on Monday that the reform would strengthen the independence of the judiciary.');
    expect(got.filter((e) => e.type === 'accusation')).toEqual([]);
  });
});

describe('speech that promises a response or raises tariffs is a threat (threatContent)', () => {
  it.each([
    ['The Iranian foreign minister said on Monday that such crimes will receive a firm response from the region.', 'threat'],
    ['Tehran said on Monday that Israel will be held responsible for the consequences.', 'threat'],
    ['The US president said on Sunday that he would issue 25 percent tariffs on all Peruvian goods.', 'threat'],
  ])('%s', (body, type) => {
    const got = events(body);
    expect(got.map((e) => e.type)).toContain(type);
    expect(got.find((e) => e.type === type)!.trace!.some((s) => s.rule === 'events.speech-content.threat')).toBe(true);
  });

  it('a response already received is no threat', () => {
    const got = events('The Iranian foreign minister said on Monday that his letter had received a positive response from Oman.');
    expect(got.filter((e) => e.type === 'threat')).toEqual([]);
  });
});

describe('one side discussing something with a named counterpart or leader (meeting.discussed-with)', () => {
  it.each([
    ['The Senegalese president said on Friday he had discussed with his Ghanaian counterpart ways to deepen trade.', 'meeting 2025-07-11 GHA,SEN'],
    ["Kenya's foreign minister discussed trade with the Chinese foreign minister in Beijing on Monday.", 'meeting 2025-07-14 CHN,KEN'],
  ])('%s', (body, expected) => {
    const got = events(body);
    expect(got.map(brief)).toContain(expected);
    expect(firstRule(got.find((e) => brief(e) === expected)!)).toBe('meeting.discussed-with');
  });

  it.each([
    "Kenya's foreign minister said on Monday he would discuss trade with his Chinese counterpart next month.",
    'The Kenyan cabinet discussed the budget with the central bank governor on Monday.',
  ])('not this rule: %s', (body) => {
    expect(events(body).filter((e) => e.trace!.some((s) => s.rule === 'meeting.discussed-with'))).toEqual([]);
  });
});

describe('breaking off, cutting off, revoking or renouncing an agreement is a sanction (sanction.suspended-pact)', () => {
  it.each([
    ['Mali said on Saturday that it was breaking off "with immediate effect" its defence agreement with France.', 'sanction 2025-07-12 FRA,MLI'],
    ['Chad on Monday revoked its military cooperation accord with France.', 'sanction 2025-07-14 FRA,TCD'],
    ['Ecuador renounced its free trade deal with Mexico on Sunday.', 'sanction 2025-07-13 ECU,MEX'],
  ])('%s', (body, expected) => {
    const got = events(body);
    expect(got.map(brief)).toContain(expected);
    expect(firstRule(got.find((e) => brief(e) === expected)!)).toBe('sanction.suspended-pact');
  });

  it('cutting off a speaker is no sanction', () => {
    expect(events('The Chadian minister cut off the French reporter on Monday.').filter((e) => e.type === 'sanction')).toEqual([]);
  });
});

describe('a day range written with an en or em dash is read on its first day (dates.cue.dash-range)', () => {
  it.each(['from March 6–10, 2025', 'from March 6—10, 2025', 'from March 6-10, 2025'])('%s', (range) => {
    expect(events(`Talks between Kenya and Chile took place in Nairobi ${range}.`).map(brief)).toContain('meeting 2025-03-06 CHL,KEN');
  });

  it('a dash between words is no range', () => {
    expect(extractCues('The talks – held in Nairobi – ended.', '2025-07-15')).toEqual([]);
  });
});

describe('a clause naming its parties only as "two nations" takes the states just told (events.retelling.referring-pair)', () => {
  const lead = 'Kenya and Chile agreed on Monday to restore full diplomatic relations.';
  it('an encounter of "two delegations from two nations"', () => {
    const got = events(`${lead} Talks between two delegations from two nations took place in Nairobi from March 6–10, 2025.`);
    const meeting = got.find((e) => e.type === 'meeting');
    expect(meeting && brief(meeting)).toBe('meeting 2025-03-06 CHL,KEN');
    expect(meeting!.trace!.some((s) => s.rule === 'events.retelling.referring-pair')).toBe(true);
  });

  it('no pair word, no parties taken', () => {
    const got = events(`${lead} Talks took place in Nairobi from March 6–10, 2025.`);
    expect(got.some((e) => e.trace!.some((s) => s.rule === 'events.retelling.referring-pair'))).toBe(false);
  });
});

describe('putting a state on a punitive list is a sanction (sanction.blacklisted, LIST_NAME)', () => {
  it.each([
    ['On March 3, the US administration approved Cuba’s reinclusion on the list of restricted entities.', 'sanction 2025-03-03 CUB,USA'],
    ['Washington on Monday re-added Cuba to the state sponsors of terrorism list.', 'sanction 2025-07-14 CUB,USA'],
    ['China on Friday put two American drone makers on its unreliable entity list.', 'sanction 2025-07-11 CHN,USA'],
  ])('%s', (body, expected) => {
    const got = events(body);
    expect(got.map(brief)).toContain(expected);
    expect(firstRule(got.find((e) => brief(e) === expected)!)).toBe('sanction.blacklisted');
  });

  it('a list of speakers is no sanction', () => {
    expect(events('Kenya was placed on the list of speakers at the Geneva session on Monday.').filter((e) => e.type === 'sanction')).toEqual([]);
  });
});

describe('a comment or reply that "reads" is speech, kept when it accuses (statement.reads)', () => {
  it('an accusing comment', () => {
    const body = 'The Greek foreign ministry has answered Ankara. The comment reads: “The baseless claims of the Turkish ministry about the islands only raise tension.”';
    const got = events(body);
    const acc = got.find((e) => e.type === 'accusation');
    expect(acc && brief(acc)).toBe('accusation 2025-07-15 GRC,TUR');
    expect(acc!.trace![0]!.rule).toBe('statement.reads');
  });

  it('"in response said" is the speaker\'s own verb, not a written text', () => {
    const got = events('China in response said on Monday that pressure by the United States would not solve problems.');
    expect(got.map((e) => e.trace![0]!.rule)).toContain('statement.said');
  });

  it('a comment that neither threatens nor accuses gives nothing of its own', () => {
    const got = events('The comment reads: “The ministry has received the letter from Ankara and will study it.”');
    expect(got.filter((e) => e.trace!.some((s) => s.rule === 'statement.reads'))).toEqual([]);
  });
});

describe('people: Senegal and Ghana presidents are known by name', () => {
  it.each([
    ['President Faye arrived in Abuja on Thursday.', 'SEN'],
    ['Akufo-Addo flew to Dakar on Thursday.', 'GHA'],
  ])('%s', (body, iso) => {
    expect(events(body).flatMap((e) => e.countries)).toContain(iso);
  });
});

describe('a relative clause holding a full date ("who was sworn in on April 2, 2024,") keeps its day (dates.select.relative-year)', () => {
  it('the act outside takes its own day, not the one of the relative clause', () => {
    const got = events('President Faye, who was sworn in on April 2, 2024, arrived in Abuja on Thursday.');
    expect(got.map(brief)).toContain('visit 2025-07-10 NGA,SEN');
  });

  it('an act inside the relative clause still takes that day', () => {
    const got = events('The Senegalese president, who met the Nigerian president on April 2, 2024, spoke in Dakar.');
    expect(got.filter((e) => e.type === 'meeting').map((e) => e.date)).toEqual(['2024-04-02']);
  });
});
