/**
 * Pass `actors.counterpart.implied`: "Hours later, Pakistan expelled two diplomats": one side named,
 * the other implied by the story (see ../counterpart.ts for how the one state is chosen).
 * A military act is two-sided only when it is an attack (its trigger has a word of
 * actor-context.json impliedAttackTarget: "bombed", "the airstrike"); the step then names rule
 * `actors.counterpart.implied-attack-target`. Tests, launches and drills keep their one state.
 */
import { impliedCounterpart, NEEDS_COUNTERPART } from '../counterpart.ts';
import { IMPLIED_ATTACK_TARGET } from '../words.ts';
import { isStateParty } from './party-test.ts';
import { addCountry, stateOf, type PartyPass } from './state.ts';

export const impliedCounterpartPass: PartyPass = {
  id: 'actors.counterpart.implied',
  run(s) {
    const ctx = s.ctx;
    const attack = s.type === 'military' && isAttack(s.candidate.trigger.text);
    if (!ctx || s.countries.length !== 1 || !(NEEDS_COUNTERPART.has(s.type) || attack) || ctx.otherSide || s.organizations.length > 0) return;
    if (s.found.some((f) => f.orgType || f.m.kind === 'organization')) return;
    const barred = new Set<string>();
    for (const f of s.found) {
      const c = stateOf(f);
      // A topic, an outlet, a modifier or an aside is barred; a place is not ("held talks in Beijing" after a
      // sentence about China: the host is the likely other side).
      if (c && !f.m.locative && !isStateParty(f, s.type, s.dest)) barred.add(c);
      // An attack's target is never a state the sentence names that an earlier pass left out (the
      // speaker condemning "the Israeli strikes" is no target of them).
      else if (c && attack && !f.m.locative && !s.countries.includes(c)) barred.add(c);
    }
    // An attack's target is found as a sanction's is (no trip host: an attack is no visit).
    const other = impliedCounterpart(attack ? 'sanction' : s.type, s.countries[0]!, ctx, barred);
    if (!other) return;
    if (attack) addCountry(s, other, IMPLIED_ATTACK_TARGET.id, 'the attack\'s target: the story\'s other side');
    else addCountry(s, other, this.id, 'the story\'s other side');
    // "met his counterpart Amina Rono": the one person without a state is the other side's.
    const stateless = s.actors.filter((a) => !a.country);
    if (stateless.length === 1 && s.actors.length === 2) stateless[0]!.country = other;
  },
};

/** True when the trigger's words name an attack ("bombed", "the airstrike"), not a test or a drill. */
export function isAttack(trigger: string): boolean {
  return trigger.toLowerCase().split(/[^\p{L}]+/u).some((w) => IMPLIED_ATTACK_TARGET.words.has(w));
}
