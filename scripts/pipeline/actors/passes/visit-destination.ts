/**
 * Pass `actors.visit.destination`: a visit's destination is a party wherever the sentence names it
 * ("arrived in Hanoi on Monday, ..." with the clause cut before the place).
 */
import { isStateParty } from './party-test.ts';
import { addCountry, type PartyPass } from './state.ts';

export const visitDestination: PartyPass = {
  id: 'actors.visit.destination',
  run(s) {
    if (s.type !== 'visit' || !s.dest) return;
    for (const f of s.found) {
      if (f.m.destination && f.m.country && isStateParty(f, s.type, s.dest)) addCountry(s, f.m.country, this.id, `destination '${f.m.text}'`);
    }
  },
};
