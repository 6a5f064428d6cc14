/**
 * Pass `actors.accusation.target`: "Algeria criticised France's support for Morocco's plan for Western
 * Sahara": an accusation is against the first party named after its verb (with any party coordinated
 * with it: "slammed South Korea and the United States"); states named deeper in the object, inside
 * its prepositional phrases ("for Morocco's plan", "in Afghanistan"), are what the act is about.
 */
import { isStateParty } from './party-test.ts';
import { dropCountry, stateOf, type PartyPass } from './state.ts';

const COORDINATORS = new Set(['', ',', 'and', ', and', '&', 'as well as', 'or', 'and the', ', the', ', and the', 'the']);

export const accusationTarget: PartyPass = {
  id: 'actors.accusation.target',
  run(s) {
    if (s.type !== 'accusation' || s.agents.length === 0) return;
    const t = s.candidate.trigger;
    const after = s.found.filter((f) => f.m.start >= t.end && stateOf(f) && isStateParty(f, s.type, s.dest) && !s.agents.includes(stateOf(f)!));
    if (after.length < 2) return;
    const targets = new Set<string>([stateOf(after[0]!)!]);
    let end = after[0]!.m.end;
    let i = 1;
    for (; i < after.length; i++) {
      const f = after[i]!;
      const c = stateOf(f)!;
      const gap = s.sentenceText.slice(end - s.sentenceStart, f.m.start - s.sentenceStart);
      const norm = gap.trim().replace(/\s+/gu, ' ').toLowerCase();
      // The same state again right away ("Pakistan's army"), or a coordinated one.
      if ((targets.has(c) && !/[,;]/.test(gap) && gap.length <= 40) || (gap.length <= 20 && COORDINATORS.has(norm))) {
        targets.add(c);
        end = f.m.end;
        continue;
      }
      break;
    }
    for (const f of after.slice(i)) {
      const c = stateOf(f)!;
      if (targets.has(c) || !s.countries.includes(c)) continue;
      // A state also named before the verb or as its first object stays.
      if (s.found.some((g) => stateOf(g) === c && g.m.start < t.end && isStateParty(g, s.type, s.dest))) continue;
      dropCountry(s, c, this.id, `named inside the object of '${t.text}' ('${f.m.text}'), not its target`);
    }
  },
};
