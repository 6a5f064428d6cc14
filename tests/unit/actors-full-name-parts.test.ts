/**
 * A known person's full name followed by a further name part is another person's name ("Luis Arce Gomez", the
 * former Bolivian interior minister, is not President Luis Arce), unless the person's own title stands before it
 * (a second surname: "President Claudia Sheinbaum Pardo"). Sentences are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { one, resolveAll } from './actors-helpers.ts';

describe('full names inside longer names', () => {
  it('reads a known full name followed by another name part as someone else', () => {
    expect(one('Luis Arce Gomez spoke to reporters in La Paz.', 'statement', '2023-05-10').actors.map((a) => a.name)).not.toContain('Luis Arce Catacora');
    expect(one('Luis Arce spoke to reporters.', 'statement', '2023-05-10').actors).toEqual([{ name: 'Luis Arce Catacora', country: 'BOL', role: 'President' }]);
  });

  it('keeps the person when their own title stands before the longer name', () => {
    expect(one('President Claudia Sheinbaum Pardo spoke to reporters.', 'statement', '2025-03-01').actors[0]).toEqual({ name: 'Claudia Sheinbaum', country: 'MEX', role: 'President' });
  });

  it('reads a short name that needs context only after a title or the full name', () => {
    expect(one('Arce spoke to reporters.', 'statement', '2023-05-10').actors).toEqual([]);
    expect(one('President Arce spoke to reporters.', 'statement', '2023-05-10').countries).toEqual(['BOL']);
    expect(resolveAll(['Luis Arce arrived in Lima.', 'Arce said the talks were useful.'], 'statement', '2023-05-10')[1]!.countries).toEqual(['BOL']);
  });
});
