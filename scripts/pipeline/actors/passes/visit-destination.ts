/**
 * Pass `actors.visit.destination`: a visit's destination is a party wherever the sentence names it
 * ("arrived in Hanoi on Monday, ..." with the clause cut before the place). When the visit's own clause
 * names its destination ("reached France on Sunday after concluding his visit to Germany"), a destination
 * in another clause is another leg of the trip, not this visit's host (rule actors.visit.other-leg). With no
 * destination marked, a place named inside the visit's own trigger ("was in Tokyo on Friday") or after "in"/"at" in
 * its clause ("is now in Ghana for his first state visit") is its destination (rule actors.visit.trigger-place).
 */
import type { Found } from '../analyze.ts';
import { isStateParty } from './party-test.ts';
import { addCountry, note, type PartyPass } from './state.ts';

const OTHER_LEG_RULE = 'actors.visit.other-leg';
const TRIGGER_PLACE_RULE = 'actors.visit.trigger-place';

export const visitDestination: PartyPass = {
  id: 'actors.visit.destination',
  run(s) {
    if (s.type !== 'visit') return;
    const inClause = (f: Found) => f.m.start >= s.clause.start && f.m.end <= s.clause.end;
    const t = s.candidate.trigger;
    if (!s.dest) {
      // "was in Tokyo on Friday", "is now in Ghana for his first state visit": with no destination marked, the state a
      // visit's own trigger or its clause names as the place the traveller is in (a country or capital inside the
      // trigger's words, or after "in"/"at" in the clause) is where the trip went (rule actors.visit.trigger-place).
      for (const f of s.found) {
        if (!f.m.country || !f.m.locative || !(f.m.kind === 'country' || f.m.kind === 'capital')) continue;
        const inTrigger = f.m.start >= t.start && f.m.end <= t.end;
        if (!inTrigger && !(inClause(f) && (f.prep === 'in' || f.prep === 'at'))) continue;
        addCountry(s, f.m.country, TRIGGER_PLACE_RULE, `the place '${f.m.text}' the trip is in`);
      }
      return;
    }
    // The visit's own destination: one in its clause, or the place its trigger names ("reached France", "visited Chad").
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
