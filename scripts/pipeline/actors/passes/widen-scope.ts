/**
 * Pass `actors.scope.sentence`: a two-sided event whose clause names fewer sides than it needs
 * ("..., said Iran, which met the IAEA") takes the parties of the whole sentence, when that adds any.
 * Sides are states and organisations; an organisation's own meeting ("SCO talks") is multilateral by itself.
 */
import type { EventType } from '../../types.ts';
import { isStateParty } from './party-test.ts';
import { takeParties } from './clause-scope.ts';
import { orgOf } from './organizations.ts';
import { note, stateOf, type PartyPass } from './state.ts';

/** Event types that need two sides (actor and counterpart). */
export const TWO_SIDED = new Set<EventType>(['meeting', 'visit', 'threat', 'accusation', 'sanction', 'agreement']);

export const widenScope: PartyPass = {
  id: 'actors.scope.sentence',
  run(s) {
    const need = TWO_SIDED.has(s.type) ? 2 : 1;
    const orgsIn = new Set(s.scope.map((f) => orgOf(f, s.type)).filter(Boolean)).size;
    const sides = s.countries.length + (orgsIn > 0 && s.type === 'meeting' ? 2 : orgsIn);
    if (sides >= need || s.scope.length >= s.found.length) return;
    const wide = new Set<string>();
    for (const f of s.found) if (isStateParty(f, s.type, s.dest)) wide.add(stateOf(f)!);
    if (wide.size <= s.countries.length) return;
    note(s, this.id, 'scope=sentence', `the clause names ${sides} side(s) of ${need}`);
    s.scope = s.found;
    takeParties(s, s.found, 'sentence names');
  },
};
