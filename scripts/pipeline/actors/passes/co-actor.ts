/**
 * Pass `actors.co-actor.joined`: "Beijing joined Moscow and several Arab capitals in condemning the strikes",
 * "Japan joins Australia in criticising the launch": the states named between "join" and "in" do the same act
 * on their own (each acting state's act is its own event, CONTRACT); they are neither this act's target nor
 * its co-agents. They are removed from the candidate whose trigger is the gerund right after that "in".
 * A state also named after the trigger (the act's object) stays.
 */
import { dropCountry, stateOf, type PartyPass } from './state.ts';
import { wordsOf } from './words-of.ts';

const JOIN = new Set(['join', 'joins', 'joined', 'joining']);
/** Words between "join" and "in" at most (the co-actors and their modifiers). */
const MAX_GAP = 16;

export const coActor: PartyPass = {
  id: 'actors.co-actor.joined',
  run(s) {
    if (s.countries.length < 2) return;
    const t = s.candidate.trigger;
    if (!/^\p{L}+ing\b/u.test(t.text)) return;
    const ws = wordsOf(s.sentenceText, s.sentenceStart);
    const at = ws.findIndex((w) => w.start === t.start);
    if (at < 2 || ws[at - 1]!.w !== 'in') return;
    let join = -1;
    for (let i = at - 2; i >= 0 && i >= at - 1 - MAX_GAP; i--) {
      if (JOIN.has(ws[i]!.w)) {
        join = i;
        break;
      }
    }
    if (join < 0) return;
    const from = ws[join]!.end;
    const to = ws[at - 1]!.start;
    const named = new Set<string>();
    for (const f of s.found) if (f.m.start >= from && f.m.end <= to) named.add(stateOf(f) ?? '');
    for (const c of named) {
      if (!c || s.found.some((f) => stateOf(f) === c && (f.m.start < from || f.m.start >= t.end))) continue;
      dropCountry(s, c, this.id, `'${ws[join]!.raw} ... in ${t.text}': does the same act on its own`);
    }
  },
};
