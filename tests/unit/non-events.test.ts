/**
 * Issue 9, P3: classes of non-events (sentences written for the test; articles published Tuesday
 * 2025-07-15). Each class is tested with at least two wordings, and with positive controls: the
 * act next to a non-event, a cancellation that is itself news, dated background.
 *   - cancelled, called off, refrained acts (modality.cancelled.*): negated;
 *   - acts only mentioned: feared, studied, shown in a picture (modality.mention.*);
 *   - idioms and non-diplomatic uses (modality.idiom.*, modality.nondiplomatic.*);
 *   - background told by tense and time (nonEvents.*): kept only with a day of its own.
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { modalityWhy, type ModalityInput } from '../../scripts/pipeline/events/modality.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import type { EventCandidate, ExtractedEvent } from '../../scripts/pipeline/types.ts';
import { candidates, segOf } from './find-events-helpers.ts';

const actors = createActorResolver();
const extract = (body: string) => extractDocument(segOf(body), actors, { trace: true });
const brief = (e: ExtractedEvent) => `${e.type} ${e.date}`;
const events = (body: string) => extract(body).events.map(brief);
/** The candidate of `type` (the first), with the rule ids of its modality steps. */
function candidate(body: string, type: string): EventCandidate | undefined {
  return candidates(body).find((c) => c.type === type);
}
const rulesOf = (c: EventCandidate | undefined) => (c?.trace ?? []).filter((s) => s.stage === 'modality').map((s) => s.rule);

/** Modality of a trigger given the clause text around it. */
function modality(before: string, trigger: string, after: string, noun = false) {
  const input: ModalityInput = { before, clauseHead: before, after, trigger, noun, attributed: false };
  return modalityWhy(input);
}

describe('cancelled, called-off and refrained acts are negated', () => {
  it.each([
    ['On Monday the Kenyan president called off his visit to Uganda.', 'visit', 'modality.cancelled.before'],
    ['The Brazilian foreign minister postponed the talks with his Argentine counterpart on Tuesday.', 'meeting', 'modality.cancelled.before'],
    ['Berlin has refrained from criticising Ankara over the arrests.', 'accusation', 'modality.cancelled.before'],
    ['The planned summit with the Chinese premier was cancelled at short notice on Friday.', 'meeting', 'modality.cancelled.after'],
    ['The president said he had scrapped the meeting with his Venezuelan rival.', 'meeting', 'modality.cancelled.within'],
  ])('%s', (body, type, rule) => {
    const c = candidate(body, type);
    if (c) {
      expect(c.modality).toBe('negated');
      expect(rulesOf(c)).toContain(rule);
    }
    expect(events(body).filter((e) => e.startsWith(type))).toEqual([]);
  });

  it('an act in the same sentence as a cancelled one stays', () => {
    const body = 'Macron met Chancellor Scholz in Berlin on Monday but called off his trip to Warsaw.';
    expect(events(body)).toContain('meeting 2025-07-14');
    expect(events(body).filter((e) => e.startsWith('visit'))).toEqual([]);
  });

  it('scrapping a treaty is itself a sanction, not a cancelled act', () => {
    expect(events('Washington scrapped the arms control treaty with Moscow on Friday.')).toEqual(['sanction 2025-07-11']);
    expect(events('Moscow pulled out of the grain deal with Kyiv on Monday.')).toEqual(['sanction 2025-07-14']);
  });

  it('a dated report of the cancellation stays as what was said', () => {
    const out = extract('The Japanese foreign ministry said on Monday it had cancelled the talks with Seoul.').events;
    expect(out.map((e) => e.type)).not.toContain('meeting');
    expect(out.map(brief)).toEqual(['statement 2025-07-14']);
  });
});

describe('acts only mentioned (feared, studied, pictured) are no events', () => {
  it.each([
    ['Oil prices climbed on Monday amid fears of a missile strike on the port.', 'military'],
    ['Diplomats in Brussels on Monday spoke of the risk of an invasion of the island.', 'military'],
    ['The Kremlin is reviewing the announced sanctions, its spokesman told reporters on Monday.', 'sanction'],
    ['Beijing said on Monday it was studying the newly imposed tariffs on its steel.', 'sanction'],
  ])('%s', (body, type) => {
    expect(events(body).filter((e) => e.startsWith(type))).toEqual([]);
  });

  it.each([
    ['Critics shared a video of the minister visiting a border village', 'visiting'],
    ['State television aired footage showing the general inspecting', 'inspecting'],
  ])('a verb inside a depiction: %s', (before, trigger) => {
    expect(modality(`${before.slice(0, before.lastIndexOf(trigger))}`, trigger, ' the troops')).toEqual({ modality: 'mention', rule: 'modality.mention.depicted.before' });
  });

  it('footage of a launch does not make the launch a mention (nouns are reported through pictures)', () => {
    expect(modality('State media showed footage of the ', 'launch', ' on Monday', true).modality).not.toBe('mention');
  });

  it('a feared act is a mention, the threat that names it is not', () => {
    expect(modality('analysts warned of the danger of a ', 'war', ' in the strait', true).modality).toBe('mention');
    expect(modality('', 'threatened to impose', ' sanctions', false).modality).toBe('asserted');
  });
});

describe('idioms and non-diplomatic uses are no events', () => {
  it.each([
    ['The Greek and Turkish ministers struck a conciliatory tone in Ankara on Friday.'],
    ['The two presidents struck an optimistic note in Hanoi on Monday.'],
  ])('strike a tone: %s', (body) => {
    expect(events(body).filter((e) => e.startsWith('military'))).toEqual([]);
  });

  it('striking a deal is still an agreement', () => {
    expect(events('Japan and Vietnam struck a deal on rice imports in Tokyo on Monday.')).toContain('agreement 2025-07-14');
  });

  it.each([
    ['an air ', 'attack on', ' liberalism', true],
    ['the speech was an ', 'assault on', ' press freedom', true],
  ])('an attack on an idea: %s%s%s', (before, trigger, after, noun) => {
    expect(modality(before, trigger, after, noun)).toEqual({ modality: 'mention', rule: 'modality.idiom.abstract-target.after' });
  });

  it('an attack on a place stays an attack', () => {
    expect(modality('a drone ', 'attack on', ' the refinery', true).modality).toBe('asserted');
  });

  it.each([
    ['launched a charm ', 'offensive', ' in the Gulf'],
    ['escalated their trade ', 'war', ' with tariffs'],
    ['engaged in a ', 'war', ' of words over the islands'],
  ])('a campaign called a war: %s%s', (before, trigger, after) => {
    expect(modality(before, trigger, after, true).modality).toBe('mention');
  });

  it.each([
    ['ahead of the semi-final ', 'clash', ' with Brazil'],
    ['after a bruising league ', 'clash', ' in Madrid'],
  ])('sport: %s%s', (before, trigger, after) => {
    expect(modality(before, trigger, after, true)).toEqual({ modality: 'mention', rule: 'modality.idiom.sports.before' });
  });

  it('border clashes stay military', () => {
    expect(modality('deadly border ', 'clashes', ' with Tajik guards', true).modality).toBe('asserted');
  });

  it.each([
    ['shares ', 'hit', ' record highs in Tokyo'],
    ['the currency ', 'hits', ' a new low against the dollar'],
  ])('hit a level: %s%s', (before, trigger, after) => {
    expect(modality(before, trigger, after)).toEqual({ modality: 'mention', rule: 'modality.idiom.hit-level.after' });
  });

  it.each([
    ['Argentina’s president spoke on Saturday at a conference organised by the Vox party in Madrid.'],
    ['The Vietnamese leader addressed the party congress in Hanoi on Monday.'],
  ])('a party gathering is no meeting between states: %s', (body) => {
    expect(events(body).filter((e) => e.startsWith('meeting'))).toEqual([]);
  });

  it('a conference hosted by a government stays a meeting', () => {
    expect(modality('at a ', 'conference', ' hosted by the Saudi government', true).modality).toBe('asserted');
  });
});

describe('background told by tense and time needs a day of its own', () => {
  it.each([
    ['Clashes between the two armies in 2021 killed dozens of soldiers.', 'military'],
    ['Israeli warplanes struck the port of Hodeidah and two power stations in July 2024.', 'military'],
    ['The foreign ministers of Kenya and Somalia signed a maritime accord in Nairobi in March 2025.', 'agreement'],
  ])('an earlier year or month: %s', (body, type) => {
    const c = candidate(body, type);
    expect(c?.modality).toBe('background');
    expect(c?.needsOwnDate).toBe(true);
    expect(rulesOf(c)).toContain('nonEvents.earlierTime');
    expect(events(body)).toEqual([]);
  });

  it.each([
    ['The crossing between the two states was shut after fighting between their border guards in 2022.', 'sanction'],
    ['The rebels started attacks on shipping following the outbreak of the war in October 2024.', 'military'],
  ])('told as following an event of an earlier year or month: %s', (body, type) => {
    const c = candidate(body, type);
    expect(c?.modality).toBe('background');
    expect(rulesOf(c)).toContain('nonEvents.afterEarlier');
    expect(events(body)).toEqual([]);
  });

  it.each([
    ['Chile severed ties with Peru during the previous administration.', 'sanction'],
    ['The two island states signed a fisheries treaty twenty years ago.', 'agreement'],
    ['Tensions have grown in recent years, with Kenya accusing Somalia of arming the militias.', 'accusation'],
  ])('a past period with no date: %s', (body, type) => {
    const c = candidate(body, type);
    expect(c?.modality).toBe('background');
    expect(rulesOf(c)).toContain('nonEvents.vaguePast');
    expect(events(body)).toEqual([]);
  });

  it('a past period keeps an act with a day of its own, and speech may name it after its verb', () => {
    expect(events('Chile recalled its ambassador from Peru on Monday, cutting ties as it did under the previous government.')).toEqual(['sanction 2025-07-14']);
    expect(events('Iran on Monday accused Washington of breaking the accord it signed ten years ago.')).toEqual(['accusation 2025-07-14']);
  });

  it('an act following an earlier event keeps a day of its own, and a later time is no background', () => {
    expect(events('Nigeria recalled its ambassador from Niger on Monday after the coup in July 2023.')).toEqual(['sanction 2025-07-14']);
    expect(candidate('Nigeria recalled its ambassador from Niger after the clashes in July 2025.', 'sanction')?.modality).toBe('asserted');
  });

  it('an earlier act with its own day is kept on that day', () => {
    expect(events('The foreign ministers of Kenya and Somalia signed a maritime accord in Nairobi on 3 March 2021.')).toEqual(['agreement 2021-03-03']);
  });

  it('this month, a later year, or a record "since" are no earlier time', () => {
    expect(candidate('The foreign ministers of Kenya and Somalia signed a maritime accord in Nairobi in July 2025.', 'agreement')?.modality).toBe('asserted');
    expect(candidate('The Polish president visited Kyiv, his first trip there since talks collapsed in 2019.', 'visit')?.modality).toBe('asserted');
    expect(candidate('The prime minister met the general who seized power in 2021.', 'meeting')?.modality).toBe('asserted');
  });

  it('speech may name any year after its verb', () => {
    expect(events('Iran on Monday accused Washington of breaking the accord it signed in 2015.')).toEqual(['accusation 2025-07-14']);
  });

  it.each([
    ['The United States on Monday sanctioned a minister over the war in Sudan, where militias are shelling towns and have seized the airport.'],
    ['Brussels on Monday froze the assets of two generals over the conflict in the Sahel, where armed groups have captured several towns.'],
  ])('a present-tense where-clause: %s', (body) => {
    const out = extract(body).events.map((e) => e.type);
    expect(out).toEqual(['sanction']);
  });

  it('a past-tense where-clause still reports', () => {
    expect(events('The Chinese premier flew to Paris on Monday, where he met President Macron.')).toContain('meeting 2025-07-14');
  });

  it.each([
    ['Lula, who has feuded with the Argentine leader since the election, has openly criticised the plan.'],
    ['The opposition leader, at odds with Rome since the vote, has sharply condemned the bill.'],
  ])('a present perfect framed by "since": %s', (body) => {
    const c = candidate(body, 'accusation');
    expect(c?.modality).toBe('background');
    expect(rulesOf(c)).toContain('nonEvents.sinceState');
  });

  it.each([
    ['China has not ruled out the use of force against Taiwan.'],
    ['Washington has refused to rule out military action against the cartels.'],
  ])('a standing refusal: %s', (body) => {
    const c = candidate(body, 'threat');
    expect(c?.modality).toBe('background');
    expect(rulesOf(c)).toContain('nonEvents.standingRefusal');
    expect(events(body)).toEqual([]);
  });

  it('a refusal on a day is news', () => {
    expect(events('On Sunday Trump did not rule out military action against Caracas.')).toEqual(['threat 2025-07-13']);
  });
});

describe('participles as adjectives and projectiles that land are no acts', () => {
  it.each([
    ["The new law gives housing to Russia's mobilised troops and their families."],
    ['The governor is in charge of supplying the mobilised reservists with boots.'],
  ])('an adjectival participle after a possessive or article (modality.mention.adjectival-participle): %s', (body) => {
    const c = candidate(body, 'military');
    expect(c?.modality).toBe('mention');
    expect(rulesOf(c)).toContain('modality.mention.adjectival-participle.before');
    expect(events(body)).toEqual([]);
  });

  it('the verb with its subject is still an act', () => {
    expect(events('Russia mobilised troops along the border on Monday.')).toEqual(['military 2025-07-14']);
  });

  it.each([
    ['Two mortar shells fired from across the frontier landed in Thai territory on Sunday.'],
    ['Several shells from the fighting landed in Lebanon on Sunday.'],
  ])('shells that land are no trip (modality.nondiplomatic.projectile-landed): %s', (body) => {
    const c = candidate(body, 'visit');
    expect(rulesOf(c)).toContain('modality.nondiplomatic.projectile-landed.before');
    expect(events(body).filter((e) => e.startsWith('visit'))).toEqual([]);
  });

  it('a leader who lands somewhere is still a visit', () => {
    expect(events("Thailand's prime minister landed in Phnom Penh on Sunday.")).toEqual(['visit 2025-07-13']);
  });
});

describe('pluperfect and participial acts with a weekday of their own are kept, dated (events.context.ownWeekday)', () => {
  it('a participial circumstance with its own weekday', () => {
    const body = "Kenya's president met Uganda's president in Kampala on Monday after arriving in Uganda on Sunday.";
    expect(events(body)).toContain('visit 2025-07-13');
    const visit = extract(body).events.find((e) => e.type === 'visit');
    expect(visit?.trace?.map((s) => s.rule)).toContain('events.context.ownWeekday');
  });

  it('a pluperfect with its own weekday', () => {
    expect(events("Hungary's prime minister had travelled to Moscow on Friday.")).toEqual(['visit 2025-07-11']);
  });

  it('without a weekday of their own they stay background or a circumstance', () => {
    expect(events("Kenya's president met Uganda's president in Kampala on Monday after arriving in Uganda.").filter((e) => e.startsWith('visit'))).toEqual([]);
    expect(events("Hungary's prime minister had travelled to Moscow.")).toEqual([]);
  });
});

describe('background and planning told by a time phrase, a present passive or a programme list', () => {
  it.each([
    ['The bridge was finished in the 1990s, and at that time the two neighbours signed a treaty on tolls.'],
    ['The border was redrawn in 2004; back then Chile and Peru signed a fishing accord.'],
  ])('"at that time" after an earlier year or decade is background (nonEvents.thatTime): %s', (body) => {
    const c = candidate(body, 'agreement');
    expect(rulesOf(c)).toContain('nonEvents.thatTime');
    expect(events(body)).toEqual([]);
  });

  it('"at the time" after a time of this year is no background', () => {
    const c = candidate('The envoy arrived in July 2025, and at that time the two sides signed a trade deal.', 'agreement');
    expect(rulesOf(c)).not.toContain('nonEvents.thatTime');
  });

  it.each([
    ['Rwanda is accused of breaking the pledges it made in Luanda.'],
    ['The two governments are widely blamed for the collapse of the talks.'],
  ])('a verbal act in the present passive without a day is a standing charge (nonEvents.presentPassive): %s', (body) => {
    const c = candidates(body).find((x) => x.type === 'accusation');
    expect(rulesOf(c)).toContain('nonEvents.presentPassive');
    expect(events(body)).toEqual([]);
  });

  it('a present passive with its agent (a headline form) or a past passive with a day stays news', () => {
    expect(rulesOf(candidates("Iran's missile test is condemned by Germany.").find((x) => x.type === 'accusation'))).not.toContain('nonEvents.presentPassive');
    expect(events('Congo accused Rwanda on Monday of backing the rebels.')).toEqual(['accusation 2025-07-14']);
  });

  it.each([
    ["While in Canada, Fiji's prime minister will undertake a series of engagements in Ottawa, including bilateral meetings with the Canadian prime minister."],
    ["Peru's president is expected to tour three cities, among them talks with Chile's president in Santiago."],
  ])('an act listed in a programme told in the future is planned (nonEvents.plannedList): %s', (body) => {
    const c = candidate(body, 'meeting');
    expect(c?.modality).toBe('planned');
    expect(rulesOf(c)).toContain('nonEvents.plannedList');
  });

  it('a list after a past programme is still news', () => {
    const c = candidate("Fiji's prime minister toured Ottawa on Monday, including bilateral meetings with the Canadian prime minister.", 'meeting');
    expect(rulesOf(c)).not.toContain('nonEvents.plannedList');
  });
});

describe('a participle telling what earlier words of another author said is the grounds, not an act (nonEvents.groundsParticiple)', () => {
  it.each([
    ['Niger gave as the reason for its decision the remarks made by Beninese ministers, accusing Niger of hosting rebels.'],
    ['Mali based the expulsion on comments by Algerian officials, blaming Bamako for the border clashes.'],
  ])('%s', (body) => {
    const c = candidates(body).find((x) => x.type === 'accusation' && /ing\b/u.test(x.trigger.text));
    expect(rulesOf(c)).toContain('nonEvents.groundsParticiple');
    expect(c?.modality).toBe('background');
  });

  it('a participle of the sentence subject after a plain object stays its act', () => {
    const c = candidates('Sudan rejected the statements on Monday, accusing Chad of interference in the war.').find((x) => x.type === 'accusation');
    expect(rulesOf(c)).not.toContain('nonEvents.groundsParticiple');
  });
});

describe('an act told as the means of a present perfect is a course of conduct (nonEvents.perfectMeans)', () => {
  it.each([
    ['The militia, which is armed by Iran, has waded into the conflict by attacking cargo ships and even firing rockets at Israel.'],
    ['The two navies have raised tensions in the strait by staging drills near the islands.'],
  ])('%s', (body) => {
    const c = candidates(body).find((x) => x.type === 'military');
    expect(rulesOf(c)).toContain('nonEvents.perfectMeans');
    expect(events(body)).toEqual([]);
  });

  it('a response told in the present perfect stays news, and so does a dated past', () => {
    expect(rulesOf(candidates('Russia has retaliated by expelling two Estonian diplomats.').find((x) => x.type === 'sanction'))).not.toContain('nonEvents.perfectMeans');
    expect(events('Russia attacked Ukrainian ports on Monday by firing drones at the grain silos.')).toContain('military 2025-07-14');
  });
});
