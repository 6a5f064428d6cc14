/**
 * The partner of the talks an accusation was voiced in is who heard it, not its target
 * (actors.accusation.interlocutor); an accusation left with no state as its target is titled by its
 * own words, not the bare "issues criticism". Sentences written for the test (articles published
 * Tuesday 2025-07-15).
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { isGenericTitle } from '../../scripts/pipeline/title.ts';
import { extractBody as extract } from './find-events-helpers.ts';

const actors = createActorResolver();

describe('the partner of the talks is not the target of an accusation voiced in them', () => {
  it.each([
    [
      'In a phone call with his Chilean counterpart on Monday, the Peruvian foreign minister denounced the foreign interference that has fuelled unrest in Lima.',
      'Peru denounces the foreign interference that has fuelled unrest in Lima',
    ],
    [
      "Peru's foreign minister condemned during a call with Chile's foreign minister, Alberto van Klaveren, the attacks on aid convoys in the north on Monday.",
      'Peru condemns the attacks on aid convoys in the north on Monday',
    ],
  ])('%s', (body, title) => {
    const events = extract(body);
    const accusation = events.find((e) => e.type === 'accusation');
    expect(accusation?.countries).toEqual(['PER']);
    expect(accusation?.title).toBe(title);
    expect(isGenericTitle(accusation!.title)).toBe(false);
    expect((accusation?.trace ?? []).some((s) => s.rule === 'actors.accusation.interlocutor')).toBe(true);
    // the call itself keeps both sides
    expect(events.find((e) => e.type === 'meeting')?.countries).toEqual(['CHL', 'PER']);
  });

  it('a state condemned outside such a phrase stays the target', () => {
    const events = extract("Peru on Monday condemned Chile's decision to close the border.");
    expect(events.map((e) => `${e.type} ${e.countries.join(',')} ${e.title}`)).toEqual(['accusation CHL,PER Peru condemns Chile']);
  });
});
