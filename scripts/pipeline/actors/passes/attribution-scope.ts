/**
 * Pass `actors.attribution`: who reports an act is not a party of it.
 *  - `actors.attribution.trailing`: "Pyongyang fired a missile, South Korea and Japan said on Wednesday,
 *    in the first such test ...": the attribution after the act (", <speaker> said") and everything
 *    after it are outside the act's clause; their states are no parties of it.
 *  - `actors.attribution.fronted`: "According to reports from X, Y and Z, Japan and the Philippines
 *    signed ...": the opening "according to" phrase names sources.
 * Not when the trigger is the verb of saying itself (the speaker of a statement is its party).
 */
import { dropCountry, stateOf, type PartyPass, type PartyState } from './state.ts';
import { actorPattern } from '../words.ts';
import { wordsOf, type Word } from './words-of.ts';

/** Words that may follow the verb of a trailing attribution ("said on Wednesday", "said in a statement"). */
const AFTER_VERB = new Set([',', ';', ':', 'on', 'in', 'late', 'early', 'earlier', 'yesterday', 'today', 'last', 'this', 'at', 'via', 'through', 'according', '”', '"']);
const EXTRA_VERBS = new Set(['reported', 'reports', 'confirmed', 'announced', 'quoted', 'cited']);
const MAX_SPEAKER_WORDS = 9;

function isVerb(s: PartyState, w: Word): boolean {
  return s.words.speechVerbs.has(w.w) || EXTRA_VERBS.has(w.w);
}

/** Start offset of a trailing ", <speaker> said" after the trigger, or undefined. */
export function trailingAttribution(s: PartyState): number | undefined {
  const t = s.candidate.trigger;
  const ws = wordsOf(s.sentenceText, s.sentenceStart);
  for (let i = 0; i < ws.length; i++) {
    if (ws[i]!.w !== ',' || ws[i]!.start < t.end) continue;
    for (let j = i + 1; j < ws.length && j <= i + MAX_SPEAKER_WORDS; j++) {
      const w = ws[j]!;
      if (w.w === ',' || w.w === ';' || w.w === '(' || w.w === 'that') break;
      if (!isVerb(s, w) || j === i + 1) continue;
      const next = ws[j + 1];
      if (!next || AFTER_VERB.has(next.w)) return ws[i]!.start;
      break;
    }
  }
  return undefined;
}

/** An opening "According to", "As reported by", "Citing" (actors.attribution.fronted). */
const FRONTED_ATTRIBUTION = actorPattern('frontedAttribution');

/** End offset of an opening "According to ...," phrase before the trigger, or undefined. */
export function frontedAttribution(s: PartyState): number | undefined {
  const head = s.sentenceText.slice(Math.max(0, s.clause.start - s.sentenceStart));
  if (!FRONTED_ATTRIBUTION.re.test(head)) return undefined;
  const upto = s.candidate.trigger.start - s.sentenceStart;
  // The phrase may hold a list ("According to reports from X, Y and Z, Japan ... signed"), so it runs to the
  // last comma before the trigger, unless an earlier comma is followed by a lower-case word: the main clause
  // starts there ("According to a statement by X, the message was delivered by Y, who paid ...").
  const from = Math.max(0, s.clause.start - s.sentenceStart);
  const lower = /,\s+(?=\p{Ll})/gu;
  lower.lastIndex = from;
  const first = lower.exec(s.sentenceText);
  if (first && first.index < upto) return s.sentenceStart + first.index;
  const comma = s.sentenceText.lastIndexOf(',', upto - 1);
  return comma > 0 ? s.sentenceStart + comma : undefined;
}

function dropSpan(s: PartyState, rule: string, inside: (start: number) => boolean, why: string): void {
  for (const c of [...s.countries]) {
    if (s.countries.length < 2) return;
    const ms = s.found.filter((f) => stateOf(f) === c && !f.m.locative);
    if (ms.length === 0 || !ms.every((f) => inside(f.m.start))) continue;
    dropCountry(s, c, rule, `${why} ('${ms[0]!.m.text}')`);
  }
}

export const attributionScope: PartyPass = {
  id: 'actors.attribution',
  run(s) {
    if (s.countries.length < 2) return;
    const trailing = trailingAttribution(s);
    if (trailing !== undefined) dropSpan(s, 'actors.attribution.trailing', (at) => at >= trailing, 'named in or after the attribution that follows the act');
    const fronted = frontedAttribution(s);
    if (fronted !== undefined) dropSpan(s, FRONTED_ATTRIBUTION.id, (at) => at < fronted, 'named in the opening "according to" phrase');
  },
};
