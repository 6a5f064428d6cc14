/**
 * Pass `actors.place.drill-host`: "The Vostok exercises kicked off in Russia on August 31. China, India and Belarus
 * have sent troops to take part": a drill or exercise that names no state but the place it is held in is held by
 * that host (a multinational exercise has its host among its parties), and the states that the next sentence says
 * sent troops to it or take part in it are its parties too. Only when, after every pass that takes the sentence's
 * states, the act still has none (a drill with its own state keeps it, the host then only lends the ground).
 * Pattern: actor-context.json patterns.drillParticipantsNext (the participation words of the next sentence).
 * A drill that names its own states takes the states of a next sentence that tells taking part
 * ("A and B also sent contingents", "forces from A and B took part"; patterns.drillJoinersNext,
 * rule actors.drill.joiners-next).
 */
import { actorPattern } from '../words.ts';
import { NON_STATE } from '../counterpart.ts';
import { addCountry, note, type PartyPass, type PartyState } from './state.ts';

const EXERCISE = actorPattern('exerciseWords');
const PARTICIPANTS = actorPattern('drillParticipantsNext');
const JOINERS = actorPattern('drillJoinersNext');

/**
 * The states of the next sentence (not non-state sides, not those in `skip`) join the act when that sentence
 * matches `rule` (it tells who takes part).
 */
function statesOfNext(s: PartyState, rule: { id: string; re: RegExp }, skip: readonly string[], detail: string, why: string): void {
  const next = s.ctx?.next?.();
  if (!next || !rule.re.test(next.text)) return;
  const states = next.sides.filter((c) => !c.startsWith(NON_STATE) && !skip.includes(c));
  if (states.length === 0) return;
  note(s, rule.id, 'participants', `${detail}: '${next.text.slice(0, 80)}'`);
  for (const c of states) addCountry(s, c, rule.id, why);
}

export const drillHost: PartyPass = {
  id: PARTICIPANTS.id,
  run(s) {
    if (s.type !== 'military' || s.organizations.length > 0) return;
    if (!EXERCISE.re.test(s.candidate.trigger.text)) return;
    if (s.countries.length > 0) {
      // "Russia and Belarus launched joint exercises. Kazakhstan and Armenia also sent contingents." (actors.drill.joiners-next)
      statesOfNext(s, JOINERS, s.countries, 'the next sentence says who else takes part', 'takes part in the drill (next sentence)');
      return;
    }
    const host = s.scope.find(
      (f) => f.m.locative && !f.m.destination && f.m.country && (f.m.kind === 'country' || f.m.kind === 'capital') && f.prep === 'in' && f.payload?.kind !== 'city' && f.m.start >= s.candidate.trigger.end,
    );
    if (!host) return;
    addCountry(s, host.m.country!, this.id, `the drill is held in '${host.m.text}' and names no other state`);
    statesOfNext(s, PARTICIPANTS, [], 'the next sentence says who takes part', 'sends troops to the drill (next sentence)');
  },
};
