/**
 * Pass `actors.attribution`: who reports an act is not a party of it.
 *  - `actors.attribution.trailing`: "Pyongyang fired a missile, South Korea and Japan said on Wednesday,
 *    in the first such test ...": the attribution after the act (", <speaker> said") and everything
 *    after it are outside the act's clause; their states are no parties of it.
 *  - `actors.attribution.fronted`: "According to reports from X, Y and Z, Japan and the Philippines
 *    signed ...": the opening "according to" phrase names sources.
 * Not when the trigger is the verb of saying itself (the speaker of a statement is its party).
 */
import { addCountry, dropCountry, note, stateOf, type PartyPass, type PartyState } from './state.ts';
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

/** A trailing ", according to" / ", citing" / ", as reported by" after the trigger (actors.attribution.according-to). */
const TRAILING_ACCORDING = actorPattern('trailingAccordingTo', 'g');
/** A trigger told in the passive ("were launched", "was fired"; actors.attribution.passive-retold). */
const PASSIVE = actorPattern('passiveRetold');
export const PASSIVE_RETOLD_RULE = PASSIVE.id;
/** How many earlier acts a passive retelling may point back to. */
const RETOLD_WINDOW = 6;

/** Start offset of a trailing ", according to ..." after the trigger, or undefined. */
export function trailingAccordingTo(s: PartyState): number | undefined {
  const from = s.candidate.trigger.end - s.sentenceStart;
  if (from < 0) return undefined;
  const re = TRAILING_ACCORDING.re;
  re.lastIndex = from;
  const m = re.exec(s.sentenceText);
  return m ? s.sentenceStart + m.index : undefined;
}

/**
 * "The missiles were launched from near Pyongyang, according to South Korea's military": the only state of a passive
 * military act with no agent is its reporter; the act is the latest earlier military act of another state, told
 * again, and takes its sides (rule actors.attribution.passive-retold). Kept as it is when no such act was told.
 */
function passiveRetold(s: PartyState, at: number): void {
  if (s.type !== 'military' || s.countries.length !== 1) return;
  const t = s.candidate.trigger;
  if (!PASSIVE.re.test(t.text) || wordsOf(t.text, 0).some((w) => w.w === 'by')) return;
  const reporter = s.countries[0]!;
  const ms = s.found.filter((f) => stateOf(f) === reporter && !f.m.locative);
  if (ms.length === 0 || !ms.every((f) => f.m.start >= at)) return;
  for (let k = s.past.length - 1; k >= 0 && k >= s.past.length - RETOLD_WINDOW; k--) {
    const p = s.past[k]!;
    if (p.type !== 'military' || p.agents.length === 0 || p.agents.includes(reporter)) continue;
    dropCountry(s, reporter, TRAILING_ACCORDING.id, `reports the act in the trailing attribution ('${ms[0]!.m.text}')`);
    for (const c of p.countries) addCountry(s, c, PASSIVE_RETOLD_RULE, `the passive '${t.text}' with no agent tells the earlier '${p.trigger}' again`);
    for (const a of p.agents) if (!s.agents.includes(a)) s.agents.push(a);
    return;
  }
  note(s, PASSIVE_RETOLD_RULE, 'kept', 'no earlier military act of another state');
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
    const according = s.type === 'statement' ? undefined : trailingAccordingTo(s);
    if (according !== undefined && s.countries.length === 1) passiveRetold(s, according);
    if (s.countries.length < 2) return;
    if (according !== undefined) dropSpan(s, TRAILING_ACCORDING.id, (at) => at >= according, 'named in or after the "according to" attribution that follows the act');
    const trailing = trailingAttribution(s);
    if (trailing !== undefined) dropSpan(s, 'actors.attribution.trailing', (at) => at >= trailing, 'named in or after the attribution that follows the act');
    const fronted = frontedAttribution(s);
    if (fronted !== undefined) dropSpan(s, FRONTED_ATTRIBUTION.id, (at) => at < fronted, 'named in the opening "according to" phrase');
  },
};
