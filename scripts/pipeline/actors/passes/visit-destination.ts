/**
 * Pass `actors.visit.destination`: a visit's destination is a party wherever the sentence names it
 * ("arrived in Hanoi on Monday, ..." with the clause cut before the place). When the visit's own clause
 * names its destination ("reached France on Sunday after concluding his visit to Germany"), a destination
 * in another clause is another leg of the trip, not this visit's host (rule actors.visit.other-leg).
 */
import type { Found } from '../analyze.ts';
import { isStateParty } from './party-test.ts';
import { addCountry, note, type PartyPass } from './state.ts';

const OTHER_LEG_RULE = 'actors.visit.other-leg';

export const visitDestination: PartyPass = {
  id: 'actors.visit.destination',
  run(s) {
    if (s.type !== 'visit' || !s.dest) return;
    const inClause = (f: Found) => f.m.start >= s.clause.start && f.m.end <= s.clause.end;
    // The visit's own destination: one in its clause, or the place its trigger names ("reached France", "visited Chad").
    const t = s.candidate.trigger;
    const own =
      (inClause(s.dest) ? s.dest : undefined) ??
      s.found.find((f) => f.m.country && (f.m.kind === 'country' || f.m.kind === 'capital') && f.m.start >= t.start && f.m.end <= t.end);
    for (const f of s.found) {
      if (!(f.m.destination && f.m.country && isStateParty(f, s.type, s.dest))) continue;
      if (own && !inClause(f) && (f.listHead ?? f) !== (own.listHead ?? own) && f.m.country !== own.m.country) {
        if (!s.countries.includes(f.m.country)) note(s, OTHER_LEG_RULE, `~${f.m.country}`, `not a party: '${f.m.text}' is another leg of the trip ('${own.m.text}' in the visit's clause)`);
        continue;
      }
      addCountry(s, f.m.country, this.id, `destination '${f.m.text}'`);
    }
  },
};
