/**
 * Pass `actors.attribution.observer`: "Tokyo and Seoul said they had detected a missile fired by North Korea",
 * "the South Korean military said it tracked two launches": the states that report having seen a military act
 * (a verb of saying, then an optional that, a pronoun, an optional auxiliary and a verb of observing) are sources,
 * not parties of the act, when the act comes after the verb of observing and names a state of its own. A state also
 * named after that verb stays.
 * Verbs: actor-context.json observerVerbs and speechVerbs.
 */
import { OBSERVER_VERBS } from '../words.ts';
import { dropCountry, note, stateOf, type PartyPass } from './state.ts';
import { wordsOf, type Word } from './words-of.ts';

const PRONOUNS = new Set(['it', 'they', 'we']);
const AUXILIARIES = new Set(['had', 'has', 'have', 'was', 'were', 'also', 'first']);

function observerAt(ws: readonly Word[], i: number): number {
  for (const v of OBSERVER_VERBS) if (v.every((w, k) => ws[i + k]?.w === w)) return v.length;
  return 0;
}

export const observerScope: PartyPass = {
  id: 'actors.attribution.observer',
  run(s) {
    if (s.type !== 'military' || s.countries.length === 0) return;
    const t = s.candidate.trigger;
    const ws = wordsOf(s.sentenceText, s.sentenceStart);
    for (let i = 1; i + 2 < ws.length; i++) {
      if (!s.words.speechVerbs.has(ws[i]!.w)) continue;
      let k = i + 1;
      if (ws[k]?.w === 'that') k++;
      if (!PRONOUNS.has(ws[k]?.w ?? '')) continue;
      k++;
      while (k < ws.length && k <= i + 5 && AUXILIARIES.has(ws[k]!.w)) k++;
      const n = observerAt(ws, k);
      if (n === 0) continue;
      const seenEnd = ws[k + n - 1]!.end;
      if (t.start < seenEnd) return;
      const speechStart = ws[i]!.start;
      const observers = s.countries.filter((c) => {
        const ms = s.found.filter((f) => stateOf(f) === c);
        return ms.length > 0 && ms.every((f) => f.m.end <= speechStart);
      });
      // The act's own side must be named: with none ("rockets launched by the North" unresolved) the event keeps
      // the only states it has.
      if (observers.length === s.countries.length) {
        note(s, this.id, 'kept', 'the observed act names no state of its own');
        return;
      }
      for (const c of observers) {
        dropCountry(s, c, this.id, `reports having seen the act ('${ws[i]!.raw} ... ${ws.slice(k, k + n).map((w) => w.raw).join(' ')}')`);
      }
      return;
    }
  },
};
