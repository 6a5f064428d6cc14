/**
 * Pass `actors.country-group`: a group of states with a fixed membership named as a group ("the hostile actions of
 * the Baltic states") makes its members parties, as the development gold writes them (EST, LTU, LVA). The groups are
 * data (scripts/data/country-groups.json); groups whose members the text must list ("the Gulf states") are no entry
 * and add nothing. Only in the candidate's clause, and not where the group names a place ("troops in the Baltic
 * states", "across the Nordic countries"; rule actors.country-group.place).
 */
import groupData from '../../../data/country-groups.json';
import { addCountry, note, type PartyPass } from './state.ts';
import { wordsOf } from './words-of.ts';

interface Group {
  id: string;
  members: string[];
  names: string[];
}

const GROUPS: { id: string; members: string[]; names: string[][] }[] = (groupData as unknown as { groups: Group[] }).groups.map((g) => {
  if (!g.members.every((m) => /^[A-Z]{3}$/.test(m))) throw new Error(`country-groups.json: ${g.id} has a bad member code`);
  return { id: g.id, members: g.members, names: g.names.map((n) => n.toLowerCase().split(/\s+/u)) };
});

/** The first words of all group names. */
const FIRST_WORDS = new Set(GROUPS.flatMap((g) => g.names.map((n) => n[0]!)));

/** Prepositions that make the group a place, not a side. */
const PLACE_PREPS = new Set(['in', 'across', 'throughout', 'around', 'within']);

/** Whether the words from `i` on are `name` (a loop: no closure per position). */
function nameAt(ws: readonly { w: string }[], i: number, name: string[]): boolean {
  for (let k = 0; k < name.length; k++) if (ws[i + k]!.w !== name[k]) return false;
  return true;
}

export const countryGroup: PartyPass = {
  id: 'actors.country-group',
  run(s) {
    const ws = wordsOf(s.sentenceText.slice(s.clause.start - s.sentenceStart, s.clause.end - s.sentenceStart), s.clause.start);
    // Only names whose first word the clause holds can match (the same matches, in the same order); the set
    // keeps only names' first words, and is not made for the clauses that hold none.
    let present: Set<string> | undefined;
    for (const w of ws) if (FIRST_WORDS.has(w.w)) (present ??= new Set<string>()).add(w.w);
    if (!present) return;
    for (const g of GROUPS) {
      for (const name of g.names) {
        if (!present.has(name[0]!)) continue;
        for (let i = 0; i + name.length <= ws.length; i++) {
          if (!nameAt(ws, i, name)) continue;
          let j = i - 1;
          if (j >= 0 && ws[j]!.w === 'the' && name[0] !== 'the') j--;
          const phrase = ws.slice(i, i + name.length).map((w) => w.raw).join(' ');
          if (j >= 0 && PLACE_PREPS.has(ws[j]!.w)) {
            note(s, 'actors.country-group.place', `~${g.id}`, `'${ws[j]!.raw} ... ${phrase}' names a place`);
            continue;
          }
          for (const m of g.members) addCountry(s, m, `actors.country-group.${g.id}`, `member of '${phrase}'`);
        }
      }
    }
  },
};
