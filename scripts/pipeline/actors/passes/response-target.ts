/**
 * Pass `actors.response-target`: a statement, accusation or threat that answers an act names its target only
 * through that act. "Tehran will respond to the fresh European sanctions" (rule actors.act-reference.respond-to): the
 * act answered is a reference noun (actor-context.json actReferences) after a verb of answering and to/against/for,
 * with no state inside its noun phrase; it is the latest earlier act of a type the noun may refer to whose agents
 * are not this event's. "Pyongyang will retaliate" (rule actors.act-reference.bare-response, threats only): with no
 * object, the answer is aimed at the latest earlier sanction or military act by another state. In both cases that
 * act's agents become parties (the target). Only when this event has no target yet: every party so far is an agent.
 */
import { ACT_REFERENCES, RESPONSE_VERBS } from '../words.ts';
import { VERBAL } from './party-test.ts';
import { addCountry, note, type PartyPass, type PartyState, type PastAct } from './state.ts';
import { wordsOf, type Word } from './words-of.ts';

/** How many words after the preposition the act noun may come ("to the fresh European sanctions"). */
const NOUN_WINDOW = 5;
/** How many earlier acts are looked at. */
const PAST_WINDOW = 12;
const PUNCT = /^[,;:—–()"“”]$/;
/** Words after a verb of answering that open its object (so the answer is not bare). */
const OBJECT_OPENERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'them', 'him', 'her', 'any', 'such', 'its', 'their']);

interface Hit {
  rule: string;
  types: readonly string[];
  words: string;
}

function verbAt(ws: readonly Word[], i: number): number {
  for (const v of RESPONSE_VERBS.verbs) {
    let ok = i + v.length <= ws.length;
    for (let k = 0; k < v.length && ok; k++) ok = ws[i + k]!.w === v[k];
    if (ok) return v.length;
  }
  return 0;
}

function findResponse(s: PartyState): Hit | undefined {
  const ws = wordsOf(s.sentenceText, s.sentenceStart);
  for (let i = 0; i < ws.length; i++) {
    const n = verbAt(ws, i);
    if (n === 0) continue;
    const next = ws[i + n];
    if (next && RESPONSE_VERBS.objectWords.has(next.w)) {
      for (let j = i + n + 1; j < ws.length && j <= i + n + NOUN_WINDOW; j++) {
        const w = ws[j]!;
        if (PUNCT.test(w.w)) break;
        const ref = ACT_REFERENCES.byNoun.get(w.w);
        if (!ref) continue;
        // "respond to Israel's attack": the act names its own agent.
        if (s.found.some((f) => f.m.start >= next.end && f.m.end <= w.end)) return undefined;
        return { rule: 'actors.act-reference.respond-to', types: ref.types, words: s.sentenceText.slice(ws[i]!.start - s.sentenceStart, w.end - s.sentenceStart) };
      }
      continue;
    }
    if (s.type !== 'threat') continue;
    if (next && (OBJECT_OPENERS.has(next.w) || s.found.some((f) => f.m.start === next.start))) continue;
    return { rule: 'actors.act-reference.bare-response', types: RESPONSE_VERBS.bareTypes, words: ws.slice(i, i + n).map((w) => w.raw).join(' ') };
  }
  return undefined;
}

export const responseTarget: PartyPass = {
  id: 'actors.response-target',
  run(s) {
    if (!VERBAL.has(s.type) && s.type !== 'threat') return;
    if (s.countries.length === 0 || s.countries.some((c) => !s.agents.includes(c))) return;
    const hit = findResponse(s);
    if (!hit) return;
    let act: PastAct | undefined;
    for (let k = s.past.length - 1; k >= 0 && k >= s.past.length - PAST_WINDOW; k--) {
      const p = s.past[k]!;
      if (hit.types.includes(p.type) && p.agents.some((a) => !s.countries.includes(a))) {
        act = p;
        break;
      }
    }
    if (!act) {
      note(s, hit.rule, 'no referent', `'${hit.words}': no earlier ${hit.types.join('/')} act by another state`);
      return;
    }
    for (const a of act.agents) addCountry(s, a, hit.rule, `'${hit.words}' answers the earlier ${act.type} '${act.trigger}' by ${a}${act.named ? ' (named as a noun)' : ''}`);
  },
};
