/**
 * Pass `actors.counterpart.implied`: "Hours later, Pakistan expelled two diplomats": one side named,
 * the other implied by the story (see ../counterpart.ts for how the one state is chosen).
 */
import { impliedCounterpart, NEEDS_COUNTERPART } from '../counterpart.ts';
import { isStateParty } from './party-test.ts';
import { addCountry, stateOf, type PartyPass } from './state.ts';

export const impliedCounterpartPass: PartyPass = {
  id: 'actors.counterpart.implied',
  run(s) {
    const ctx = s.ctx;
    if (!ctx || s.countries.length !== 1 || !NEEDS_COUNTERPART.has(s.type) || ctx.otherSide || s.organizations.length > 0) return;
    if (s.found.some((f) => f.orgType || f.m.kind === 'organization')) return;
    const barred = new Set<string>();
    for (const f of s.found) {
      const c = stateOf(f);
      // A topic, an outlet, a modifier or an aside is barred; a place is not ("held talks in Beijing" after a
      // sentence about China: the host is the likely other side).
      if (c && !f.m.locative && !isStateParty(f, s.type, s.dest)) barred.add(c);
    }
    const other = impliedCounterpart(s.type, s.countries[0]!, ctx, barred);
    if (!other) return;
    addCountry(s, other, this.id, 'the story\'s other side');
    // "met his counterpart Amina Rono": the one person without a state is the other side's.
    const stateless = s.actors.filter((a) => !a.country);
    if (stateless.length === 1 && s.actors.length === 2) stateless[0]!.country = other;
  },
};
