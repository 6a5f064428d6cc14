/**
 * Pass `actors.act-reference`: "Turkey condemned the attack", "Paris denounced the move": a
 * statement, accusation or threat about an act named by a bare noun phrase refers back to an act
 * the document reported earlier. Its agents are this event's target (never its victims). The noun
 * classes and the event types they may refer to are data (actor-context.json "actReferences").
 */
import { ACT_REFERENCES, RESPONSE_OPENERS, type ActReference } from '../words.ts';
import { VERBAL } from './party-test.ts';
import { addCountry, note, type PartyPass, type PartyState, type PastAct } from './state.ts';

const DETERMINERS = new Set(['the', 'this', 'these', 'that', 'those', 'such', 'latest', 'recent']);
/** A word after the noun that gives the act its own agent or target in this sentence. */
const OWN_ARGUMENT = new Set(['by', 'of', 'on', 'against', 'upon']);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

interface Word {
  w: string;
  start: number;
  end: number;
}

function wordsOf(text: string, base: number): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) out.push({ w: m[0].toLowerCase(), start: base + m.index, end: base + m.index + m[0].length });
  return out;
}

/** The first "the <noun>" after the trigger in the clause whose noun is a reference noun, with no argument of its own. */
function findReference(s: PartyState): { ref: ActReference; noun: string; at: number } | undefined {
  const from = s.candidate.trigger.end;
  const to = s.clause.end;
  if (to <= from) return undefined;
  const ws = wordsOf(s.sentenceText.slice(from - s.sentenceStart, to - s.sentenceStart), from);
  for (let i = 0; i < ws.length && i < 8; i++) {
    if (!DETERMINERS.has(ws[i]!.w)) continue;
    for (let j = i + 1; j <= i + 3 && j < ws.length; j++) {
      const ref = ACT_REFERENCES.byNoun.get(ws[j]!.w);
      if (!ref) continue;
      const next = ws[j + 1];
      const gap = next ? s.sentenceText.slice(ws[j]!.end - s.sentenceStart, next.start - s.sentenceStart) : '';
      if (next && /^\s+$/.test(gap) && OWN_ARGUMENT.has(next.w)) return undefined;
      // A state named inside the noun phrase ("the Israeli strike") is its own agent.
      if (s.found.some((f) => f.m.start >= ws[i]!.start && f.m.end <= ws[j]!.end)) return undefined;
      return { ref, noun: ws[j]!.w, at: ws[j]!.start };
    }
    return undefined;
  }
  return undefined;
}

/** "In response, Paris said ...": a sentence opening with a bare response phrase before the trigger. */
function responseOpener(s: PartyState): { ref: ActReference; noun: string; at: number } | undefined {
  const head = s.sentenceText.slice(0, Math.max(0, s.candidate.trigger.start - s.sentenceStart)).toLowerCase().replace(/^[\s"“'‘]+/u, '');
  const opener = RESPONSE_OPENERS.openers.find((o) => head.startsWith(`${o},`));
  if (!opener) return undefined;
  return { ref: { id: RESPONSE_OPENERS.id, nouns: [], types: [...RESPONSE_OPENERS.types] } as ActReference, noun: opener, at: s.sentenceStart };
}

export const actReference: PartyPass = {
  id: 'actors.act-reference',
  run(s) {
    if (!VERBAL.has(s.type) && s.type !== 'threat') return;
    if (s.countries.length === 0 || s.countries.some((c) => !s.agents.includes(c))) return;
    const hit = findReference(s) ?? responseOpener(s);
    if (!hit) return;
    let act: PastAct | undefined;
    for (let k = s.past.length - 1; k >= 0 && k >= s.past.length - 12; k--) {
      const p = s.past[k]!;
      if (hit.ref.types.includes(p.type) && p.agents.some((a) => !s.countries.includes(a))) {
        act = p;
        break;
      }
    }
    if (!act) {
      note(s, hit.ref.id, 'no referent', `'${hit.noun}': no earlier ${hit.ref.types.join('/')} act by another state`);
      return;
    }
    for (const a of act.agents) addCountry(s, a, hit.ref.id, `agent of '${hit.noun}' (the earlier ${act.type} '${act.trigger}'${act.named ? ', named as a noun' : ''})`);
  },
};
