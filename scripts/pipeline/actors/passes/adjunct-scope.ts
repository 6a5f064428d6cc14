/**
 * Pass `actors.adjunct-scope`: a state named only inside an adjunct phrase of the act is no party. The
 * phrases say when, why or against what background the act happened, and their states belong to the
 * other act or state of affairs they name:
 *  - reaction ("signed a pact, to the alarm of X"): actors.adjunct-scope.reaction;
 *  - a since-phrase ("his first trip abroad since X's invasion"): actors.adjunct-scope.since;
 *  - another act of the same subject, told by a gerund ("landed in Lima after wrapping up a stop in X"):
 *    actors.adjunct-scope.other-act (for a visit or meeting not a gerund of travel: "after arriving in X" names
 *    where the act itself takes place);
 *  - circumstances of an encounter, statement or agreement ("amid tensions with X", "despite X's objections"):
 *    actors.adjunct-scope.circumstance;
 *  - the topic of a verbal act, threat or sanction ("remarks about X", "sanctions over X"): actors.adjunct-scope.topic.
 *  - the act answered by a sanction, threat or accusation ("in retaliation for X's arms sale to Y", "in response to
 *    X's recognition of Y's plan"): actors.adjunct-scope.reason, only when two other states stay named outside every
 *    phrase (the act's own sides); else the phrase may hold the target ("in response to tariffs imposed by X").
 *  - the same, told by a gerund after for/of ("sanctioned Chinese refineries for buying Iranian oil", "accused Russia
 *    of attacking Poland"): actors.adjunct-scope.reason-gerund, also only with two sides named outside.
 *    A state right after the opener as possessor or adjective ("over X's remarks", "about Chinese drills") names
 *    whose act the topic is, often the act's target, and stays.
 * The phrase opens after the trigger, or opens the sentence and closes with a comma before the trigger; it runs to
 * the next comma, semicolon, colon, dash or bracket (a comma before "including" or "such as" does not close it). A state also named outside every such phrase stays (it is then
 * the act's agent or target). Word lists: actor-context.json adjunctScopes.
 */
import type { Found } from '../analyze.ts';
import { ADJUNCT_SCOPES, type AdjunctRule } from '../words.ts';
import { HOSTED, isStateParty } from './party-test.ts';
import { dropCountry, stateOf, type PartyPass, type PartyState } from './state.ts';
import { wordsOf, type Word } from './words-of.ts';

const CLOSERS = new Set([',', ';', ':', '—', '–', '(', ')']);
const DETERMINERS = new Set(['the', 'a', 'an']);
/** At most this many words from the opener to the phrase's end (a run-on sentence is not one phrase). */
const MAX_PHRASE = 30;

export interface AdjunctSpan {
  start: number;
  end: number;
  rule: AdjunctRule;
  opener: string;
  /** Where the phrase's first word after the opener starts (for the possessor test). */
  head: number;
}

/** First words of each rule's openers: a word that starts none opens nothing (the same result, without the scan). */
const FIRST_WORDS = new Map<AdjunctRule, ReadonlySet<string>>(ADJUNCT_SCOPES.rules.map((r) => [r, new Set(r.openers.map((o) => o[0]!))]));

function openerAt(ws: readonly Word[], i: number, rule: AdjunctRule): string[] | undefined {
  if (i < ws.length && !FIRST_WORDS.get(rule)!.has(ws[i]!.w)) return undefined;
  for (const o of rule.openers) {
    if (i + o.length > ws.length) continue;
    let ok = true;
    for (let k = 0; k < o.length && ok; k++) ok = ws[i + k]!.w === o[k];
    if (ok) return o;
  }
  return undefined;
}

/** Is the opener at `i` (of `n` words) followed by what its rule needs? */
function opens(ws: readonly Word[], i: number, n: number, rule: AdjunctRule, s: PartyState): boolean {
  const next = ws[i + n];
  if (!next || CLOSERS.has(next.w)) return false;
  if (rule.gerund) {
    if (!/^[a-z]{3,}ing$/.test(next.w) || ADJUNCT_SCOPES.gerundExceptions.has(next.w)) return false;
    // "after arriving in Beijing": where the visit or meeting itself takes place.
    if (HOSTED.has(s.type) && (s.words.motion.has(next.w) || s.words.arrival.has(next.w))) return false;
  }
  if (n === 1 && ws[i]!.w === 'since') {
    // "has since been", "ever since,": the adverb opens no phrase.
    if (ws[i - 1]?.w === 'ever') return false;
    if (!(next.raw[0] !== next.raw[0]!.toLowerCase() || /^\d/.test(next.w) || ADJUNCT_SCOPES.sinceStarters.has(next.w))) return false;
  }
  return true;
}

/** "..., including X": the words at `i` continue the phrase after a comma. */
function continues(ws: readonly Word[], i: number): boolean {
  return ADJUNCT_SCOPES.continuers.some((c) => c.every((w, k) => ws[i + k]?.w === w));
}

/** The end of a phrase whose first word is `from`: the next closing punctuation, or `limit`. */
function phraseEnd(ws: readonly Word[], from: number, limit: number): number {
  for (let j = from; j < ws.length && j < from + MAX_PHRASE; j++) {
    if (ws[j]!.start >= limit) return limit;
    if (CLOSERS.has(ws[j]!.w) && !(ws[j]!.w === ',' && continues(ws, j + 1))) return ws[j]!.start;
  }
  const last = ws[Math.min(ws.length, from + MAX_PHRASE) - 1];
  return Math.min(limit, last ? last.end : limit);
}

/** The adjunct phrases of the sentence that hold no party of this candidate. */
export function adjunctSpans(s: PartyState): AdjunctSpan[] {
  const rules = ADJUNCT_SCOPES.rules.filter((r) => !r.types || r.types.has(s.type));
  if (rules.length === 0) return [];
  const ws = wordsOf(s.sentenceText, s.sentenceStart);
  const t = s.candidate.trigger;
  const sentenceEnd = s.sentenceStart + s.sentenceText.length;
  const out: AdjunctSpan[] = [];
  // A phrase opening the sentence ("Since the invasion, ...") and closed by a comma before the trigger.
  let first = 0;
  while (first < ws.length && /^["“‘']$/.test(ws[first]!.w)) first++;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    const initial = i === first;
    if (!initial && w.start < t.end) continue;
    for (const rule of rules) {
      const o = openerAt(ws, i, rule);
      if (!o || !opens(ws, i, o.length, rule, s)) continue;
      const end = phraseEnd(ws, i + o.length, initial && w.start < t.start ? t.start : sentenceEnd);
      if (initial && w.start < t.start && !(end < t.start && s.sentenceText[end - s.sentenceStart] === ',')) break;
      out.push({ start: w.start, end, rule, opener: o.join(' '), head: ws[i + o.length]!.start });
      break;
    }
  }
  return out;
}

/** "over Japan's remarks", "about Chinese drills": the state opening the phrase names whose act the topic is. */
function possessorAtHead(f: Found, span: AdjunctSpan, s: PartyState): boolean {
  if (!span.rule.possessorStays) return false;
  if (!(f.possessive || f.m.kind === 'demonym')) return false;
  const between = s.sentenceText.slice(span.head - s.sentenceStart, f.m.start - s.sentenceStart).trim().toLowerCase();
  return between === '' || DETERMINERS.has(between);
}

export const adjunctScope: PartyPass = {
  id: 'actors.adjunct-scope',
  run(s) {
    if (s.countries.length === 0) return;
    const spans = adjunctSpans(s);
    if (spans.length === 0) return;
    // States named somewhere outside every phrase (for rules that need the act's sides named elsewhere).
    const outside = new Set<string>();
    for (const f of s.found) {
      const c = stateOf(f);
      if (c && isStateParty(f, s.type, s.dest) && !spans.some((p) => f.m.start >= p.start && f.m.end <= p.end)) outside.add(c);
    }
    for (const c of [...s.countries]) {
      const ms = s.found.filter((f) => stateOf(f) === c && isStateParty(f, s.type, s.dest));
      if (ms.length === 0) continue;
      let where: { span: AdjunctSpan; f: Found } | undefined;
      let inside = true;
      for (const f of ms) {
        const span = spans.find((p) => f.m.start >= p.start && f.m.end <= p.end);
        if (!span || possessorAtHead(f, span, s)) {
          inside = false;
          break;
        }
        where ??= { span, f };
      }
      if (!inside || !where) continue;
      // "imposed sanctions on US firms in retaliation for Washington's arms sale to Taiwan": a reason phrase drops a
      // state only when the act's sides are named outside it (else the answered act's state is the act's target).
      if (where.span.rule.sidesOutside > 0 && [...outside].filter((o) => o !== c && s.countries.includes(o)).length < where.span.rule.sidesOutside) continue;
      dropCountry(s, c, where.span.rule.id, `named only in the adjunct '${where.span.opener} ...' ('${where.f.m.text}')`);
    }
  },
};
