/**
 * The verb lexicon (scripts/data/verb-lexicon.json, compiled by scripts/pipeline/events/lexicon.ts):
 * inflection, the frames of each event type found in sentences written for this test (two or more
 * wordings per construction), a hand rule still winning where both match, and sentences with the
 * verb but not the frame (no lexicon rule).
 */
import { describe, expect, it } from 'vitest';
import lexiconData from '../../scripts/data/verb-lexicon.json' with { type: 'json' };
import { compileEntry, compileLexicon, inflect, LEXICON_TRIGGERS, type LexiconData } from '../../scripts/pipeline/events/lexicon.ts';
import { findTriggers, TRIGGER_RULES } from '../../scripts/pipeline/events/triggers.ts';

const data = lexiconData as unknown as LexiconData;
const lexMatches = (text: string) => findTriggers(text).filter((m) => m.rule.name.startsWith('lex.'));
const lexTypes = (text: string) => lexMatches(text).map((m) => m.rule.type);

describe('inflection', () => {
  it.each([
    ['sever', ['severs'], ['severed'], ['severed'], ['severing']],
    ['halt', ['halts'], ['halted'], ['halted'], ['halting']],
    ['deny', ['denies'], ['denied'], ['denied'], ['denying']],
    ['pause', ['pauses'], ['paused'], ['paused'], ['pausing']],
    ['ban', ['bans'], ['banned'], ['banned'], ['banning']],
    ['strip', ['strips'], ['stripped'], ['stripped'], ['stripping']],
    ['expel', ['expels'], ['expelled'], ['expelled'], ['expelling']],
    ['veto', ['vetoes'], ['vetoed'], ['vetoed'], ['vetoing']],
    ['discuss', ['discusses'], ['discussed'], ['discussed'], ['discussing']],
    ['break', ['breaks'], ['broke'], ['broken'], ['breaking']],
    ['withdraw', ['withdraws'], ['withdrew'], ['withdrawn'], ['withdrawing']],
    ['hold', ['holds'], ['held'], ['held'], ['holding']],
    ['strike', ['strikes'], ['struck'], ['struck'], ['striking']],
    ['take', ['takes'], ['took'], ['taken'], ['taking']],
    ['meet', ['meets'], ['met'], ['met'], ['meeting']],
    ['cut', ['cuts'], ['cut'], ['cut'], ['cutting']],
    ['cancel', ['cancels'], ['cancelled', 'canceled'], ['cancelled', 'canceled'], ['cancelling', 'canceling']],
    ['visit', ['visits'], ['visited'], ['visited'], ['visiting']],
  ])('%s', (verb, s, past, participle, ing) => {
    const f = inflect(verb, data);
    expect(f.base).toEqual([verb]);
    expect(f.s).toEqual(s);
    expect(f.past).toEqual(past);
    expect(f.participle).toEqual(participle);
    expect(f.ing).toEqual(ing);
  });
});

describe('compiler', () => {
  it('names verb rules lex.<cameo>.<lemma>, passives and act nouns by their entry, with ASCII anchors', () => {
    const names = LEXICON_TRIGGERS.map((t) => t.name);
    expect(names).toContain('lex.161.break-off');
    expect(names).toContain('lex.162.suspend');
    expect(names).toContain('lex.162.cut-aid-passive');
    expect(names).toContain('lex.162.suspension-of');
    expect(new Set(names).size).toBe(names.length);
    for (const t of LEXICON_TRIGGERS) for (const a of t.anchors) expect(a).toMatch(/^[a-z]+$/);
  });

  it('anchors a phrasal verb at the inflected forms of its first word', () => {
    const rule = LEXICON_TRIGGERS.find((t) => t.name === 'lex.161.break-off')!;
    expect(rule.anchors.sort()).toEqual(['break', 'breaking', 'breaks', 'broke', 'broken']);
  });

  it('a lemma listed twice in one entry is an error; an unknown class is an error', () => {
    const entry = { id: 'x', cameo: '161', type: 'sanction' as const, lemmas: ['sever', 'sever'], objects: ['ties'], confidence: 0.5 };
    expect(() => compileEntry(entry, data)).toThrow(/twice/);
    expect(() => compileEntry({ ...entry, lemmas: ['sever'], objects: ['@NOPE'] }, data)).toThrow(/unknown class/);
  });

  it('the same lemma and code in two entries gets the second entry id in its name', () => {
    const twice: LexiconData = {
      ...data,
      entries: [
        { id: 'one', cameo: '161', type: 'sanction', lemmas: ['sever'], objects: ['ties'], confidence: 0.5 },
        { id: 'two', cameo: '161', type: 'sanction', lemmas: ['sever'], objects: ['links'], confidence: 0.5 },
      ],
    };
    expect(compileLexicon(twice).map((t) => t.name)).toEqual(['lex.161.sever', 'lex.161.sever.two']);
  });

  it('lexicon rules come after the hand rules and before the one-word speech verb rule', () => {
    const names = TRIGGER_RULES.map((r) => r.name);
    const firstLex = names.findIndex((n) => n.startsWith('lex.'));
    const said = names.indexOf('statement.said');
    expect(firstLex).toBeGreaterThan(names.indexOf('meeting.talks-with'));
    expect(said).toBe(firstLex + LEXICON_TRIGGERS.length);
  });
});

describe('each type: frames found in our own sentences', () => {
  it.each([
    ['sanction', 'The island state cut off its ties with the republic last week.'],
    ['sanction', 'The republic is freezing its ties with the island.'],
    ['sanction', 'Relations with the kingdom were severed in the spring.'],
    ['sanction', 'The donor decided to pause its budget support to the archipelago.'],
    ['sanction', 'Washington is halting military assistance to the junta.'],
    ['sanction', 'Development funding for the region was suspended on Friday.'],
    ['sanction', 'The coast guard impounded a foreign tanker near the strait.'],
    ['threat', 'The president vowed to end all aid to the country.'],
    ['threat', 'The leader promised to slash funding for the agency if it refused.'],
    ['threat', 'Any consequences would be borne entirely by the aggressor, the ministry said.'],
    ['accusation', 'The minister dismissed the allegations as politically motivated.'],
    ['accusation', 'The cabinet flatly denied the accusations made by its neighbour.'],
    ['accusation', 'The embassy raised the incident with the host ministry on Sunday.'],
    ['accusation', 'The foreign office called in the ambassador over the remarks.'],
    ['accusation', 'The ministry expressed strong dissatisfaction with the decision.'],
    ['meeting', 'The prime minister discussed energy and trade with his visiting counterpart.'],
    ['meeting', 'The two envoys exchanged views on the regional situation.'],
    ['meeting', 'Both leaders took part in the summit on the island.'],
    ['meeting', 'The president was greeted with a guard of honour at the airport.'],
    ['meeting', 'The visitor was received with a military band and a red carpet.'],
    ['visit', 'The president attended the inauguration of his counterpart in the capital.'],
    ['visit', 'The vice president took part in the swearing-in ceremony abroad.'],
    ['visit', 'The foreign minister reached Nairobi late on Tuesday.'],
    ['visit', 'The premier left for Tokyo on Thursday morning.'],
    ['visit', 'The prime minister set off on an Asian trip on Sunday.'],
    ['visit', 'The foreign minister embarked on a three-nation tour of the region.'],
    ['agreement', 'The two kingdoms restored full diplomatic relations after years of rupture.'],
    ['agreement', 'The two governments forged a defence pact in March.'],
    ['agreement', 'The parliament approved the trade agreement on Friday.'],
    ['military', 'The navy put its forces on high alert after the launch.'],
    ['military', 'The air force scrambled fighter jets to shadow the bombers.'],
    ['military', 'Troops opened fire on the patrol near the border.'],
    ['statement', 'The chancellor congratulated the winner of the election.'],
    ['statement', 'The government apologised for the incident at the border.'],
    ['statement', 'The envoy was quoted as saying the border would reopen.'],
    ['sanction', 'The alliance suspended its security cooperation with the junta.'],
    ['sanction', 'The country barred the two officials from entering its territory.'],
    ['threat', 'The army would not hesitate to respond with force, the general said.'],
    ['threat', 'The state will not hesitate to defend its waters, the minister warned.'],
    ['accusation', 'The ministry called the vote illegal and void.'],
    ['accusation', 'Officials branded the drills illegal.'],
    ['accusation', 'The republic objected to the deployment of the radar.'],
    ['meeting', 'The president received a phone call from his counterpart.'],
    ['meeting', 'The chancellor made a telephone call to the prime minister.'],
    ['visit', 'The delegation touched down in Lusaka on Sunday.'],
    ['visit', 'The premier jetted off to Madrid for the summit.'],
    ['military', 'The navy imposed a blockade on the rebel port.'],
    ['military', 'The alliance enforced a no-fly zone over the region.'],
    ['military', 'The air force said it had hit 30 militant targets across the border overnight.'],
    ['military', 'Coalition jets destroyed a cluster of rebel drone launchers near the coast.'],
    ['military', 'The navy said it destroyed three enemy radar sites on the coast.'],
  ])('%s: %s', (type, text) => {
    expect(lexTypes(text)).toContain(type);
  });

  it('the act as a noun: "the suspension of aid", "the severance of ties"', () => {
    expect(lexMatches('The announcement of a suspension of aid surprised the region.').map((m) => m.rule.form)).toEqual(['noun']);
    expect(lexMatches('The severance of ties between the two was unexpected.').map((m) => m.rule.name)).toEqual(['lex.161.severance-of']);
  });

  it('the gap takes up to three words between the verb and its object, not more', () => {
    expect(lexTypes('They suspended their long-standing bilateral assistance.')).toEqual(['sanction']);
    expect(lexTypes('They suspended four of the many planned assistance projects.')).toEqual([]);
  });
});

describe('hand rules win ties', () => {
  it.each([
    ['The government suspended the trade agreement with its neighbour.', 'sanction.suspended-pact'],
    ['The leaders agreed on a ceasefire deal after a week of fighting.', 'agreement.agreed'],
    ['Ankara expelled two diplomats on Monday.', 'sanction.expelled'],
  ])('%s -> %s', (text, rule) => {
    const names = findTriggers(text).map((m) => m.rule.name);
    expect(names).toContain(rule);
    expect(names.some((n) => n.startsWith('lex.'))).toBe(false);
  });

  it('a frame beats a bare speech verb at the same word; without the frame the speech verb stays', () => {
    expect(findTriggers('The spokesman dismissed the claims outright.')[0]?.rule.name).toBe('lex.120.dismiss');
    expect(findTriggers('The spokesman dismissed the idea outright.')[0]?.rule.name).toBe('statement.said');
  });
});

describe('the verb without its frame is no lexicon event', () => {
  it.each([
    ['sanction', 'The company cut its prices for the holiday season.'],
    ['sanction', 'The mayor suspended the night bus service for the winter.'],
    ['threat', 'The minister vowed to end corruption in the police.'],
    ['accusation', 'The court dismissed the case on a technicality.'],
    ['meeting', 'The committee discussed the budget for two hours.'],
    ['meeting', 'The government remains open to dialogue with the unions.'],
    ['meeting', 'He stressed his keenness on resuming talks soon.'],
    ['visit', 'The team reached Monday with an unbeaten record.'],
    ['visit', 'Prices reached record levels in the capital.'],
    ['agreement', 'The teams agreed on a transfer fee for the striker.'],
    ['military', 'Firefighters were put on alert for the storm.'],
    ['military', 'The club fired its coach after the defeat.'],
    ['statement', 'The envoy implored patience from everyone.'],
    ['meeting', 'They had a frank exchange of views on the border.'],
    ['accusation', 'The ministry, calling the vote illegal, condemned it.'],
    ['visit', 'He left for the airport at noon.'],
    ['military', 'Oil prices hit their highest level in a year.'],
    ['military', 'The strikes were aimed at militant hideouts, officials said.'],
    ['military', 'The company hit its sales targets for the quarter.'],
  ])('%s: %s', (_type, text) => {
    expect(lexMatches(text)).toEqual([]);
  });
});
