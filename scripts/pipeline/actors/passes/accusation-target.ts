/**
 * Pass `actors.accusation.target`: "Algeria criticised France's support for Morocco's plan for Western
 * Sahara": an accusation is against the first party named after its verb (with any party coordinated
 * with it: "slammed South Korea and the United States"); states named deeper in the object, inside
 * its prepositional phrases ("for Morocco's plan", "in Afghanistan"), are what the act is about.
 */
import { actorPattern } from '../words.ts';
import { isStateParty } from './party-test.ts';
import { dropCountry, stateOf, type PartyPass } from './state.ts';

const COORDINATORS = new Set(['', ',', 'and', ', and', '&', 'as well as', 'or', 'and the', ', the', ', and the', 'the']);

/** "during a phone call with X", "in a telephone conversation with X": the phrase naming the partner of talks (up to its comma, with a name in apposition). */
const TALKS_WITH = actorPattern('talksWith', 'g');

/**
 * "X condemned during a phone call with the US adviser the atrocities in El Fasher": the partner of the talks the
 * accusation was voiced in is who heard it, not its target (rule actors.accusation.interlocutor); a state also named
 * outside that phrase stays.
 */
function dropInterlocutors(s: Parameters<PartyPass['run']>[0]): void {
  const spans: [number, number][] = [];
  for (const m of s.sentenceText.matchAll(TALKS_WITH.re)) spans.push([s.sentenceStart + m.index, s.sentenceStart + m.index + m[0].length]);
  if (spans.length === 0) return;
  const inside = (f: { m: { start: number } }) => spans.some(([a, b]) => f.m.start >= a && f.m.start < b);
  for (const f of s.found) {
    const c = stateOf(f);
    if (!c || !inside(f) || !s.countries.includes(c) || s.agents.includes(c)) continue;
    if (s.found.some((g) => stateOf(g) === c && !inside(g) && isStateParty(g, s.type, s.dest))) continue;
    dropCountry(s, c, TALKS_WITH.id, `'${f.m.text}' names the partner of the talks the accusation was voiced in, not its target`);
  }
}

export const accusationTarget: PartyPass = {
  id: 'actors.accusation.target',
  run(s) {
    if (s.type !== 'accusation' || s.agents.length === 0) return;
    dropInterlocutors(s);
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
