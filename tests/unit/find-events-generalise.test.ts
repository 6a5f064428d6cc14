/**
 * Issue 9 (second round): general rules for finding events and choosing their type, each keyed by
 * the rule id it tests and checked on several phrasings written for the test (articles published
 * Tuesday 2025-07-15). Fold-A categories: speech verbs that are not a speaker's position (hearsay
 * passives, nouns), threats and expulsions read as statements, acts reported by an observer.
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import { findTriggers } from '../../scripts/pipeline/events/triggers.ts';
import { candidates, segOf } from './find-events-helpers.ts';

const actors = createActorResolver();


const extract = (body: string) => extractDocument(segOf(body), actors, { trace: true });
const rulesOf = (text: string) => findTriggers(text).map((t) => t.rule.name);
const types = (body: string) => extract(body).events.map((e) => e.type);

describe('statement.said: a speech verb that is not a speaker taking a position', () => {
  it.each([
    'The last time a Russian frigate was confirmed to have entered Danish waters was on March 3.',
    'The envoy is said to have left the capital before the vote.',
    'Several officials were reported to be unhappy with the outcome of the vote.',
  ])('a raising passive ("was confirmed to", "is said to") is hearsay, not a statement: %s', (text) => {
    expect(rulesOf(text)).not.toContain('statement.said');
  });

  it.each([
    'The forum brought together the bloc and its member states with partners from the Indian Ocean.',
    'Ministers from the Gulf states met in Riyadh.',
  ])('"states" after "member", "Gulf" ... is a noun: %s', (text) => {
    expect(rulesOf(text)).not.toContain('statement.said');
  });

  it.each([
    'The ministry said to reporters that it would not back down.',
    'The president stated on Monday that the border would stay open.',
    'The United States stated its opposition to the plan.',
    'The closure was announced on Monday by the interior minister.',
  ])('still reads a speaker taking a position: %s', (text) => {
    expect(rulesOf(text)).toContain('statement.said');
  });
});

describe('threat.hit-with: a vow to punish with tariffs or sanctions, the verb carrying its day', () => {
  it.each([
    'The US president vowed on Sunday to hit Mexico with steep tariffs after the talks collapsed.',
    'Beijing vowed Friday to hit Canberra with sanctions over the port lease.',
    'The prime minister threatened late on Monday to hit Ankara with new duties.',
  ])('%s', (body) => {
    const e = extract(body).events;
    expect(e.map((x) => x.type)).toEqual(['threat']);
    expect(e[0]!.trace!.some((s) => s.rule === 'threat.hit-with')).toBe(true);
  });
});

describe('sanction.sent-home: sending an envoy home is an expulsion', () => {
  it.each([
    'Mali sent the French ambassador in Bamako back home on Thursday.',
    'Lithuania sent two Belarusian diplomats home on Friday over the border incident.',
    'Ecuador sent the Mexican envoy packing after the embassy raid.',
  ])('%s', (body) => {
    const c = candidates(body);
    expect(c.map((x) => x.type)).toEqual(['sanction']);
    expect(c[0]!.rule).toBe('sanction.sent-home');
  });

  it('does not read sending an envoy on a mission as an expulsion', () => {
    expect(rulesOf('Qatar sent its envoy to Kabul on Monday for talks.')).not.toContain('sanction.sent-home');
  });
});

describe('military.launched-passive: an act told through what an observer saw', () => {
  it.each([
    'On Monday, the Japanese defence ministry said it had detected a projectile, believed to be a ballistic missile, fired by North Korea toward the sea.',
    'South Korea\'s military said it tracked two rockets launched by the North on Saturday.',
  ])('the launch is the event, not the report of it: %s', (body) => {
    expect(types(body)).toEqual(['military']);
  });
});

describe('events.context.saidInEncounter: what was said at a meeting belongs to it', () => {
  it('drops the remarks of a meeting\'s participants made that day, told before the meeting, with the rule in the dropped trace', () => {
    const body = [
      'Kenya will deepen energy cooperation with Tanzania, Kenyan President William Ruto said on Monday.',
      'Ruto held talks with Tanzanian President Samia Suluhu Hassan at State House in Nairobi on Monday.',
    ].join('\n\n');
    const out = extract(body);
    expect(out.events.map((e) => e.type)).toEqual(['meeting']);
    expect(out.dropped['said in encounter']).toBe(1);
    expect(out.droppedTraces!.some((t) => t.some((s) => s.rule === 'events.context.saidInEncounter'))).toBe(true);
  });

  it('keeps a statement that names a state the meeting did not include', () => {
    const body = [
      'Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Nairobi on Monday.',
      'The Chinese foreign ministry said on Monday that Washington should stop pressuring its partners.',
    ].join('\n\n');
    expect(types(body)).toEqual(['meeting', 'statement']);
  });

  it('keeps a statement made on another day than the meeting', () => {
    const body = [
      'Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Nairobi on Monday.',
      'Ruto said on Saturday that Kenya backed Tanzania\'s bid to host the summit.',
    ].join('\n\n');
    expect(types(body)).toEqual(['meeting', 'statement']);
  });

  it('keeps threats and accusations made at the meeting', () => {
    const body = [
      'The Iranian and Russian foreign ministers met in Moscow on Monday.',
      'Both ministers condemned the Israeli strikes on Syria.',
    ].join('\n\n');
    expect(types(body)).toContain('accusation');
  });
});

describe('events.context.distributive: several states condemning one act make one event each', () => {
  it('splits a condemnation by three states into three accusations against the same target', () => {
    const out = extract('Egypt, Jordan and Oman condemned the Israeli strikes on Lebanon on Monday.');
    const acc = out.events.filter((e) => e.type === 'accusation');
    expect(acc.map((e) => e.countries.join(','))).toEqual(['EGY,ISR', 'ISR,JOR', 'ISR,OMN']);
    expect(acc.every((e) => e.trace!.some((s) => s.rule === 'events.context.distributive'))).toBe(true);
    expect(acc[1]!.title).toMatch(/^Jordan/);
  });

  it('splits "several countries, including ..." the same way', () => {
    const out = extract('Several Gulf countries, including Kuwait and Bahrain, have condemned the Iranian drone attack on Iraq on Sunday.');
    expect(out.events.filter((e) => e.type === 'accusation').map((e) => e.countries.join(','))).toEqual(['IRN,KWT', 'BHR,IRN']);
  });

  it('keeps a joint condemnation one event', () => {
    const out = extract('Japan and South Korea on Monday jointly condemned North Korea for the missile launch.');
    expect(out.events.filter((e) => e.type === 'accusation').map((e) => e.countries.join(','))).toEqual(['JPN,KOR,PRK']);
  });

  it('keeps a meeting of two states one event', () => {
    expect(types('Egypt and Jordan held talks in Cairo on Monday.')).toEqual(['meeting']);
  });
});

describe('meeting.welcomed-counterpart: welcoming a counterpart or a visiting leader is a meeting', () => {
  it.each([
    'Welcoming his Kyrgyz counterpart at the presidential palace on Monday, the Tajik president said the visit opened a new chapter.',
    'The emir welcomed the visiting Indonesian president at the Amiri Diwan in Doha on Sunday.',
    'Receiving her Finnish counterpart in Tallinn on Monday, the Estonian prime minister praised the new ferry link.',
  ])('%s', (body) => {
    const c = candidates(body);
    expect(c[0]!.type).toBe('meeting');
    expect(c[0]!.rule).toBe('meeting.welcomed-counterpart');
  });

  it('does not read welcoming a counterpart\'s proposal as a meeting', () => {
    expect(rulesOf('Lavrov welcomed his American counterpart\'s proposal for a prisoner swap on Monday.')).not.toContain('meeting.welcomed-counterpart');
  });

  it('still reads welcoming a decision as a statement', () => {
    const names = rulesOf('The foreign ministry welcomed the decision of the Security Council on Monday.');
    expect(names).toContain('statement.said');
    expect(names).not.toContain('meeting.welcomed-counterpart');
  });
});

describe('events.context.undatedSpeech: a statement past the lead with no day of its own is no event', () => {
  const lead = 'Chile accused Peru on Monday of letting its trawlers fish in Chilean waters.';

  it('drops remarks told later in the article without a day, and names the rule', () => {
    const out = extract([lead, 'Ties between the neighbours were improving.', 'The Bolivian foreign minister said the dispute showed the need for a regional fisheries body.'].join('\n\n'));
    expect(out.events.map((e) => e.type)).toEqual(['accusation']);
    expect(out.dropped['undated speech']).toBe(1);
    expect(out.droppedTraces!.some((t) => t.some((s) => s.rule === 'events.context.undatedSpeech'))).toBe(true);
  });

  it('keeps a later statement with a day of its own', () => {
    const out = extract([lead, 'Ties between the neighbours were improving.', 'Bolivia on Sunday urged both countries to share the fishing data.'].join('\n\n'));
    expect(out.events.map((e) => e.type)).toEqual(['accusation', 'statement']);
  });

  it('keeps a statement in the lead (an act with no cue in a news lead is on the publication day)', () => {
    expect(types('Bolivia urged Chile and Peru to share their fishing data.')).toEqual(['statement']);
  });

  it('keeps a later statement that answers an earlier act', () => {
    const out = extract([lead, 'Ties between the neighbours were improving.', 'Bolivia, in response, said it wanted a seat at the table.'].join('\n\n'));
    expect(out.events.map((e) => e.type)).toEqual(['accusation', 'statement']);
  });
});

describe('military.launched: the trigger takes the whole drill, not the first weapon word', () => {
  it.each([
    ['Japan, South Korea and the United States held a missile defence drill on Wednesday.', /drill/],
    ['The Japanese and South Korean navies staged a missile tracking exercise in the Sea of Japan on Sunday.', /exercise/],
  ])('%s', (body, word) => {
    const out = extract(body).events;
    expect(out.map((e) => e.type)).toEqual(['military']);
    expect(out[0]!.trace![0]!.action).toMatch(word);
    expect(out[0]!.title).not.toMatch(/strikes|fires/);
  });

  it('still reads a launch of missiles as firing them', () => {
    expect(extract('North Korea fired two ballistic missiles on Monday.').events[0]!.title).toMatch(/fires missiles/);
  });
});

describe('events.context.undatedSpeech with a dateline', () => {
  it('drops later remarks whose only day is the dateline\'s', () => {
    const out = extract(
      [
        'CAIRO, July 14 (Xinhua) -- Egypt on Monday accused Israel of blocking aid convoys at the Rafah crossing.',
        'Aid groups have warned of shortages for weeks.',
        'The Egyptian foreign minister said the region needed calm and restraint from all sides.',
      ].join('\n\n'),
    );
    expect(out.events.map((e) => e.type)).toEqual(['accusation']);
    expect(out.dropped['undated speech']).toBe(1);
  });
});
