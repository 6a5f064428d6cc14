/**
 * Pass `actors.org-members`: a grouping that acts through its member states ("the Sahel alliance",
 * "G7 foreign ministers", "the E3") makes those states parties. Member lists are data
 * (organizations.json "members", with the day each list starts); other organisations (the EU, the
 * UN) stay organisations and add no state.
 */
import { ORG_MEMBERS } from '../words.ts';
import { addCountry, type PartyPass } from './state.ts';

export const orgMembers: PartyPass = {
  id: 'actors.org-members',
  run(s) {
    for (const o of s.organizations) {
      const m = ORG_MEMBERS.get(o);
      if (!m || (m.from && s.published < m.from)) continue;
      for (const c of m.members) addCountry(s, c, `actors.org-members.${o}`, `member of ${o}`);
    }
  },
};
