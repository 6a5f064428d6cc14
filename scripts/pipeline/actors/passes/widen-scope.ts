/**
 * Pass `actors.scope.sentence`: a two-sided event whose clause names fewer sides than it needs
 * ("..., said Iran, which met the IAEA") takes the parties of the whole sentence, when that adds any.
 * Sides are states and organisations; an organisation's own meeting ("SCO talks") is multilateral by itself.
 * An act named in an opening adjunct phrase ("After his trip to Brussels on 3 May, the prime minister met Scholz") takes
 * only the subject of the main clause, who did it, not the rest of the sentence (rule
 * actors.scope.fronted-phrase-subject).
 */
import type { EventType } from '../../types.ts';
import { isStateParty } from './party-test.ts';
import { takeParties } from './clause-scope.ts';
import { orgOf } from './organizations.ts';
import { addCountry, note, stateOf, type PartyPass, type PartyState } from './state.ts';
import { coordinatedRun } from './agents.ts';
import { actorPattern } from '../words.ts';

/** True when a quotation closes before the trigger and the trigger's clause starts after it (a speech tag). */
function quotedBefore(s: PartyState): boolean {
  const head = s.sentenceText.slice(0, Math.max(0, s.candidate.trigger.start - s.sentenceStart));
  const close = Math.max(head.lastIndexOf('”'), head.lastIndexOf('"'));
  if (close < 0) return false;
  const open = Math.max(head.lastIndexOf('“', close - 1), head.lastIndexOf('"', close - 1));
  return open >= 0 && open < close && s.clause.start - s.sentenceStart >= close;
}

/** An opening adjunct phrase up to its comma ("After the visit to the US,", "During talks in Tokyo,"). */
const FRONTED_PHRASE = actorPattern('scopeFrontedPhrase');

/** Offset (in the sentence) of the comma closing an opening adjunct phrase that holds the trigger, or -1. */
function frontedPhraseEnd(s: PartyState): number {
  const m = FRONTED_PHRASE.re.exec(s.sentenceText);
  if (!m) return -1;
  const comma = m.index + m[0].length - 1;
  return s.candidate.trigger.end - s.sentenceStart <= comma ? comma : -1;
}

/** Event types that need two sides (actor and counterpart). */
export const TWO_SIDED = new Set<EventType>(['meeting', 'visit', 'threat', 'accusation', 'sanction', 'agreement']);

export const widenScope: PartyPass = {
  id: 'actors.scope.sentence',
  run(s) {
    // A statement told as a quotation and its speech tag ('"Russia has started an energy war ...," Zelensky said'):
    // what the quotation names is what the statement is about (rule actors.scope.quoted-content).
    const quoted = s.type === 'statement' && quotedBefore(s);
    const need = TWO_SIDED.has(s.type) || quoted ? 2 : 1;
    const orgsIn = new Set(s.scope.map((f) => orgOf(f, s.type)).filter(Boolean)).size;
    const sides = s.countries.length + (orgsIn > 0 && s.type === 'meeting' ? 2 : orgsIn);
    if (sides >= need || s.scope.length >= s.found.length) return;
    const wide = new Set<string>();
    for (const f of s.found) if (isStateParty(f, s.type, s.dest)) wide.add(stateOf(f)!);
    if (wide.size <= s.countries.length) return;
    const fronted = frontedPhraseEnd(s);
    if (fronted >= 0) {
      const main = s.found.filter((f) => f.m.start > s.sentenceStart + fronted && isStateParty(f, s.type, s.dest));
      if (main.length > 0) {
        const subject = coordinatedRun(s, main);
        for (const c of subject) addCountry(s, c, FRONTED_PHRASE.id, `the main clause's subject does the act of the opening phrase`);
        // Its people ("Ukrainian President Volodymyr Zelenskyy") join the scope: the act is theirs.
        // (up to the first mention of another state: "met with his Polish counterpart" is the main clause's object)
        const other = main.find((f) => !subject.includes(stateOf(f)!));
        const end = other ? other.m.start : s.sentenceStart + s.sentenceText.length;
        s.scope = [...s.scope, ...s.found.filter((f) => f.m.start > s.sentenceStart + fronted && f.m.end <= end && subject.includes(stateOf(f) ?? ''))];
        return;
      }
    }
    note(s, quoted ? 'actors.scope.quoted-content' : this.id, 'scope=sentence', `the clause names ${sides} side(s) of ${need}`);
    s.scope = s.found;
    takeParties(s, s.found, 'sentence names');
  },
};
