/**
 * Pass `actors.visit.destination`: a visit's destination is a party wherever the sentence names it
 * ("arrived in Hanoi on Monday, ..." with the clause cut before the place). When the visit's own clause
 * names its destination ("reached France on Sunday after concluding his visit to Germany"), a destination
 * in another clause is another leg of the trip, not this visit's host (rule actors.visit.other-leg). With no
 * destination marked, a place named inside the visit's own trigger ("was in Tokyo on Friday") is its destination
 * (rule actors.visit.trigger-place).
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
    if (!s.dest) {
      // "was in Tokyo on Friday", "jetted into Beijing": with no destination marked, a state the visit's own trigger
      // names as a place (a country or capital inside the trigger's words) is where the trip went (rule actors.visit.trigger-place).
      const t = s.candidate.trigger;
      for (const f of s.found) {
        if (!f.m.country || !f.m.locative || !(f.m.kind === 'country' || f.m.kind === 'capital') || f.m.start < t.start || f.m.end > t.end) continue;
        addCountry(s, f.m.country, TRIGGER_PLACE_RULE, `the place '${f.m.text}' the trip's words name`);
      }
      return;
    }
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
