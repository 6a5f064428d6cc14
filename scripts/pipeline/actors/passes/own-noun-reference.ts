/**
 * Pass `actors.act-reference.own-noun`: an act told by a definite noun phrase ("condemned the strikes", "its
 * condemnation of the Israeli strikes") is the act the document reported earlier, not a new one with new sides.
 * When the candidate's trigger is a reference noun (actor-context.json actReferences) after a definite determiner,
 * with no by/of/on/against phrase of its own, the latest earlier act of the same type whose agents include this
 * candidate's agents (if it names any) lends its parties: "Pakistani jets struck two provinces" ... "Kabul condemned
 * the strikes" -> the strikes are Pakistan's, on Afghanistan. Acts named only as a noun with their agent count too
 * (../noun-acts.ts).
 */
import { ACT_REFERENCES } from '../words.ts';
import { addCountry, note, type PartyPass, type PastAct } from './state.ts';
import { wordsOf } from './words-of.ts';

const DEFINITE = new Set(['the', 'this', 'these', 'that', 'those', 'such']);
const OWN_ARGUMENT = new Set(['by', 'of', 'on', 'against', 'upon']);
/** "the strikes in Syria": a place right after the noun also gives the act a side of its own. */
const PLACE_PREPS = new Set(['in', 'at', 'near', 'inside', 'across']);
const PUNCT = /^[,;:—–()"“”]$/;
/** Words allowed between the determiner and the noun ("the Israeli air strikes", "the latest such"). */
const MAX_MODIFIERS = 3;
const PAST_WINDOW = 12;

export const ownNounReference: PartyPass = {
  id: 'actors.act-reference.own-noun',
  run(s) {
    const t = s.candidate.trigger;
    const noun = t.text.toLowerCase().trim();
    const ref = ACT_REFERENCES.byNoun.get(noun);
    if (!ref || !ref.types.includes(s.type)) return;
    const ws = wordsOf(s.sentenceText, s.sentenceStart);
    const at = ws.findIndex((w) => w.start === t.start);
    if (at < 0) return;
    let det = -1;
    for (let k = at - 1; k >= 0 && k >= at - 1 - MAX_MODIFIERS; k--) {
      if (PUNCT.test(ws[k]!.w)) break;
      if (DEFINITE.has(ws[k]!.w)) {
        det = k;
        break;
      }
    }
    if (det < 0) return;
    const after = ws[at + 1];
    if (OWN_ARGUMENT.has(after?.w ?? '')) return;
    if (after && PLACE_PREPS.has(after.w)) {
      const limit = ws[at + 3]?.end ?? after.end + 40;
      if (s.found.some((f) => f.m.start > after.start && f.m.start <= limit && f.m.country)) return;
    }
    let act: PastAct | undefined;
    for (let k = s.past.length - 1; k >= 0 && k >= s.past.length - PAST_WINDOW; k--) {
      const p = s.past[k]!;
      if (p.type !== s.type) continue;
      if (!s.agents.every((a) => p.agents.includes(a))) continue;
      // An act named in passing that adds no side may be this very noun named before: look further back.
      if (p.named && !p.countries.some((c) => !s.countries.includes(c))) continue;
      act = p;
      break;
    }
    const phrase = ws
      .slice(det, at + 1)
      .map((w) => w.raw)
      .join(' ');
    if (!act) {
      note(s, this.id, 'no referent', `'${phrase}': no earlier ${s.type} act that adds a side`);
      return;
    }
    if (!act.countries.some((c) => !s.countries.includes(c))) return;
    for (const c of act.countries) addCountry(s, c, this.id, `'${phrase}' is the earlier ${act.type} '${act.trigger}'${act.named ? ' (named as a noun)' : ''}`);
    for (const a of act.agents) if (!s.agents.includes(a)) s.agents.push(a);
  },
};
