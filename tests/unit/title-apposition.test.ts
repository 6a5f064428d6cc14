/**
 * blind7 DIAGNOSIS (ma-mr, eg-us): a state's title followed by the name set off by commas
 * ("Mauritania's President, <name>, ...", "The Egyptian Foreign Minister, <name>, ...") introduces that
 * person as the state's official (rule actors.title.apposition), so later sentences that name only
 * the person give the state. A single capitalised word is not taken (it may be anything).
 * Sentences written for this test (published Tuesday 2025-07-15; the names are invented).
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractBody as extract, rulesOf } from './find-events-helpers.ts';

const actors = createActorResolver();

describe('a title, then the name between commas', () => {
  it('the name alone later stands for the state', () => {
    const events = extract("Ghana's foreign minister, Kwame Addo Osei, spoke in Accra on Monday. Later on Monday, Kwame Addo Osei accused Togo of stalling the border talks.");
    const charge = events.find((e) => e.type === 'accusation');
    expect(charge?.countries).toEqual(['GHA', 'TGO']);
    expect(rulesOf(charge!)).toContain('actors.title.apposition');
  });

  it('the person is the actor of the sentence that introduces them', () => {
    const [e] = extract("The Egyptian Foreign Minister, Badr Samir Nour, on Monday held a phone call with the Sudanese foreign minister.");
    expect(e?.actors.map((a) => `${a.name} ${a.country}`)).toContain('Badr Samir Nour EGY');
  });
});
