/**
 * Acts a sentence names only as a noun with its agent: "the fresh measures Canada and Japan imposed on it",
 * "Israel's latest strikes", "night-time drone raids carried out by Turkey in northern Iraq". They are no events
 * of their own here (the event finder decides that), but a later "will respond to the sanctions" or "condemned the
 * strikes" may refer to them, so the resolver keeps them with the acts already resolved (rule
 * actors.noun-act, named in the trace of the pass that uses one).
 *
 * Only the reference nouns of the attack and measure classes (actor-context.json actReferences, nounActClasses) are
 * read. The agent is a state word right before the noun (possessive or modifier; up to two lower-case words between:
 * "Israel's latest strikes", "the Israeli air strikes") or a by-phrase up to four words after it with no punctuation
 * between ("curbs placed on its banks by Canada and Japan"; the by-phrase ends at a place: "raids carried out by Turkey
 * in northern Syria" has the agent Turkey only). The target is an on/against
 * phrase right after the noun, or for an attack the place named in an in-phrase after it.
 */
import { ACT_REFERENCES, NOUN_ACT_CLASSES } from './words.ts';
import type { Found } from './analyze.ts';
import type { PastAct } from './passes/state.ts';
import { isWord, type Token } from './text.ts';

const BY_WINDOW = 4;
const PHRASE_WINDOW = 8;
const TARGET_PREPS = new Set(['on', 'against']);

function stateOfFound(f: Found): string | undefined {
  if (f.m.kind === 'media' || f.m.attribution) return undefined;
  return f.m.country ?? f.actor?.country;
}

/** States named from token `from` on, up to punctuation or PHRASE_WINDOW tokens ("the United States and Britain"). */
function statesFrom(tokens: Token[], byFirst: Map<number, Found>, from: number, stopAtPlace = false): string[] {
  const out: string[] = [];
  for (let j = from; j < tokens.length && j < from + PHRASE_WINDOW; j++) {
    const t = tokens[j]!;
    if (!isWord(t) && t.raw !== "'s" && t.raw !== '’s') break;
    const f = byFirst.get(j);
    if (!f) continue;
    if (stopAtPlace && f.m.locative) break;
    const c = stateOfFound(f);
    if (c && !out.includes(c)) out.push(c);
    j = f.last;
  }
  return out;
}

export function nounActs(tokens: Token[], found: Found[]): PastAct[] {
  if (found.length === 0) return [];
  const byFirst = new Map<number, Found>();
  const byLast = new Map<number, Found>();
  for (const f of found) {
    byFirst.set(f.first, f);
    byLast.set(f.last, f);
  }
  const out: PastAct[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const ref = ACT_REFERENCES.byNoun.get(tokens[i]!.norm);
    if (!ref || !NOUN_ACT_CLASSES.has(ref.id)) continue;
    const agents: string[] = [];
    // A state right before the noun ("Israel's latest strikes", "the Israeli air strikes").
    for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
      const t = tokens[k]!;
      const f = byLast.get(k) ?? (t.raw === "'s" || t.raw === '’s' ? byLast.get(k - 1) : undefined);
      if (f) {
        const c = stateOfFound(f);
        if (c && !f.m.locative) agents.push(c);
        break;
      }
      if (!isWord(t) || t.raw[0] !== t.raw[0]!.toLowerCase() || k < i - 2) break;
    }
    // "... by the United States" a few words after it.
    if (agents.length === 0) {
      for (let k = i + 1; k < tokens.length && k <= i + BY_WINDOW + 1; k++) {
        const t = tokens[k]!;
        if (!isWord(t)) break;
        if (t.norm === 'by') {
          // "conducted by Pakistan in eastern Afghanistan": the place after the agent is where the act happened.
          agents.push(...statesFrom(tokens, byFirst, k + 1, true));
          break;
        }
      }
    }
    if (agents.length === 0) continue;
    const countries = [...agents];
    const next = tokens[i + 1];
    const isAttack = ref.types.includes('military');
    if (next && (TARGET_PREPS.has(next.norm) || (isAttack && next.norm === 'in'))) {
      for (const c of statesFrom(tokens, byFirst, i + 2)) if (!countries.includes(c)) countries.push(c);
    } else if (isAttack) {
      // "raids carried out by Turkey in northern Iraq": the place the attack hit.
      for (let k = i + 1; k < tokens.length && k <= i + BY_WINDOW + PHRASE_WINDOW; k++) {
        const f = byFirst.get(k);
        if (!isWord(tokens[k]!) && tokens[k]!.raw !== "'s") break;
        if (f?.m.locative && f.m.country && !countries.includes(f.m.country)) {
          countries.push(f.m.country);
          break;
        }
      }
    }
    out.push({ type: ref.types[0]!, trigger: tokens[i]!.raw, agents, countries, named: true });
  }
  return out;
}
