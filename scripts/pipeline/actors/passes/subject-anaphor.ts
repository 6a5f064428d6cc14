/**
 * Pass `actors.subject-anaphor`: "The statement accused France of ...", "It also expelled two
 * diplomats": a clause whose subject refers back (actor-context.json "subjectAnaphors") and that names
 * no party before its verb has the subject of the document's latest act as its agent. A military act whose subject
 * is "they"/"it" right before it takes the attack told last (actors.subject-anaphor.attack; see attackPronoun).
 * A short time or sequence phrase may come first ("On Tuesday, it warned Israel"; actors.subject-anaphor.opener).
 */
import type { EventType } from '../../types.ts';
import { ACT_REFERENCES, actorPattern, SUBJECT_ANAPHOR_OPENER_ENDS, SUBJECT_ANAPHOR_OPENERS, SUBJECT_ANAPHORS } from '../words.ts';

const SYMMETRIC = new Set<EventType>(['meeting', 'visit', 'agreement']);
import { addCountry, note, stateOf, type PartyPass, type PartyState, type PastAct } from './state.ts';
import { isStateParty } from './party-test.ts';

/** Singular people: the earlier act's subject only, never both sides of its meeting. */
const SINGULAR_PEOPLE = new Set(['he', 'she']);
/** At most this many words in an opening time phrase ("The following day,"). */
const OPENER_MAX = 5;

/**
 * "On Tuesday, it ...", "The following day, he ...", "Meanwhile, it ...": the length of an opening time or sequence
 * phrase of `lower` (0 when there is none). It starts with an opener word and ends with a comma or an end word, then
 * the anaphor follows.
 */
function openerLength(lower: string): number {
  const words = lower.split(' ');
  if (!SUBJECT_ANAPHOR_OPENERS.has(words[0]!.replace(/,$/u, ''))) return 0;
  let len = 0;
  for (let i = 0; i < words.length && i < OPENER_MAX; i++) {
    const w = words[i]!;
    len += w.length + 1;
    const bare = w.replace(/,$/u, '');
    if (!/^[\p{L}\p{N}]+,?$/u.test(w)) return 0;
    if (w.endsWith(',') || SUBJECT_ANAPHOR_OPENER_ENDS.has(bare)) return len;
  }
  return 0;
}

/** How many acts back a pronoun may reach for the attack it names. */
const ATTACK_REACH = 3;
/** At most this many words from the pronoun to the trigger ("they violated Afghanistan's airspace and targeted"). */
const PRONOUN_REACH = 10;
const ATTACK_PRONOUN = actorPattern('attackPronoun', 'g');

/** The latest of the last few acts that is an attack with a known agent ("overnight airstrikes conducted by Pakistan"). */
function lastAttack(past: readonly PastAct[]): PastAct | undefined {
  for (let i = past.length - 1; i >= 0 && i >= past.length - ATTACK_REACH; i--) {
    const p = past[i]!;
    if (p.type === 'military' && p.agents.length > 0) return p;
  }
  return undefined;
}

/**
 * "The ministry condemned the strikes, claiming they violated Afghanistan's airspace and targeted civilian areas": a
 * "they"/"it" subject of a military act, with no party between it and the trigger (the state whose airspace was hit
 * is a victim), is the attack told in the last few acts: its sides and agent (actors.subject-anaphor.attack).
 */
function attackPronoun(s: PartyState): boolean {
  if (s.type !== 'military' || s.agents.length > 0) return false;
  const t = s.candidate.trigger;
  const head = s.sentenceText.slice(0, Math.max(0, t.start - s.sentenceStart));
  let at = -1;
  for (const m of head.matchAll(ATTACK_PRONOUN.re)) at = m.index!;
  if (at < 0) return false;
  const between = head.slice(at);
  if (/[.;:"“”]/u.test(between) || between.split(/\s+/u).filter(Boolean).length > PRONOUN_REACH) return false;
  // The antecedent: an attack noun named earlier in the sentence ("condemned the strikes, claiming they ..."), and no
  // state as a subject before the trigger ("The Houthis said it launched a drone": "it" is the speaker).
  const nouns = head.slice(0, at).toLowerCase().split(/[^\p{L}-]+/u);
  if (!nouns.some((w) => ACT_REFERENCES.byNoun.get(w)?.types.includes('military'))) return false;
  if (s.found.some((f) => stateOf(f) && f.m.end <= t.start && isStateParty(f, s.type, s.dest) && !f.m.locative && !f.m.victim)) return false;
  const attack = lastAttack(s.past);
  if (!attack) return false;
  const rule = ATTACK_PRONOUN.id;
  for (const a of attack.countries) addCountry(s, a, rule, `'${head.slice(at).split(/\s/u)[0]}' refers back to the attack '${attack.trigger}'`);
  // The state hit, named here as the owner of the airspace or territory, is no agent of the attack.
  const hit = new Set(s.found.filter((f) => f.m.victim && stateOf(f)).map((f) => stateOf(f)!));
  s.agents = attack.agents.filter((a) => s.countries.includes(a) && !hit.has(a));
  note(s, rule, `agents=${s.agents.join(',')}`);
  return true;
}

export const subjectAnaphor: PartyPass = {
  id: 'actors.subject-anaphor',
  run(s) {
    const t = s.candidate.trigger;
    if (s.past.length === 0) return;
    if (attackPronoun(s)) return;
    // The clause's (or, for a clause cut at the verb, the sentence's) opening words before the trigger.
    const from = s.clause.start < t.start ? s.clause.start : s.sentenceStart;
    const head = s.sentenceText.slice(from - s.sentenceStart, t.start - s.sentenceStart);
    let lower = head.replace(/^[\s"“'‘]+/u, '').toLowerCase();
    const starts = (text: string) => SUBJECT_ANAPHORS.find((a) => text.startsWith(a) && !/[\p{L}\p{N}]/u.test(text.charAt(a.length)));
    let hit = starts(lower);
    let opened = false;
    if (!hit) {
      const n = openerLength(lower);
      if (n === 0) return;
      const rest = lower.slice(n).replace(/^\s+/u, '');
      hit = starts(rest);
      if (!hit || hit.startsWith('the ')) return;
      lower = rest;
      opened = true;
    }
    // A party named before the verb is the subject itself ("It said Iran ..." is not this case: Iran is after).
    if (s.found.some((f) => stateOf(f) && f.m.start >= from && f.m.end <= t.start && !f.m.locative)) return;
    // The anaphor must be the subject of this verb: "It added that the ministers met" is not ("that" opens
    // another clause, whose subject is "the ministers").
    const between = lower.slice(hit.length);
    if (/\bthat\b/u.test(between) || between.split(/[^\p{L}]+/u).some((w) => s.words.speechVerbs.has(w))) return;
    const prev = s.past[s.past.length - 1]!;
    // "They signed a declaration" after a meeting: both sides of it; otherwise the earlier act's subject.
    const both = !SINGULAR_PEOPLE.has(hit) && (hit === 'they' || SYMMETRIC.has(s.type)) && SYMMETRIC.has(prev.type);
    const take = both ? prev.countries : prev.agents;
    const rule = opened ? `${this.id}.opener` : this.id;
    for (const a of take) addCountry(s, a, rule, `'${hit}' refers back to the ${prev.type} '${prev.trigger}'`);
    s.agents = take.filter((a) => s.countries.includes(a));
    note(s, this.id, `agents=${s.agents.join(',')}`);
  },
};
