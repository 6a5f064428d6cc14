/**
 * Pass `actors.place.other-side`: "declared an Indian staff member in Islamabad persona non grata":
 * for a sanction, threat, accusation or military act with one side named, the capital (or state)
 * where it happens stands for the other side. Not for meetings and visits: a host is not a party.
 */
import type { EventType } from '../../types.ts';
import { addCountry, type PartyPass } from './state.ts';

const FALLBACK_PLACE = new Set<EventType>(['sanction', 'threat', 'accusation', 'military']);

export const placeOtherSide: PartyPass = {
  id: 'actors.place.other-side',
  run(s) {
    if (s.countries.length !== 1 || !FALLBACK_PLACE.has(s.type)) return;
    const place = s.scope.find(
      (f) =>
        f.m.locative &&
        !f.m.destination &&
        f.m.country &&
        (f.m.kind === 'capital' || f.m.kind === 'country') &&
        (f.prep === 'in' || f.prep === 'at') &&
        !f.m.nonParty &&
        f.payload?.kind !== 'city',
    );
    if (place) addCountry(s, place.m.country!, this.id, `the act happens in '${place.m.text}'`);
  },
};
