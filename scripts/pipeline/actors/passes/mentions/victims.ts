/**
 * Victims are no parties of what is said about an act:
 *  - `actors.mentions.victim`: "Israel's attack on Iran", "Israeli strikes on Iran", "Russia's drone incursion into Poland": the state after the act noun is on the receiving end.
 *  - `actors.mentions.sovereignty`: "a violation of Syrian sovereignty", "the airspace of Iraq" (actor-context.json sovereigntyNouns).
 *  - `actors.mentions.victim-again`: a state once named as the victim stays the victim when the same sentence names it
 *    again inside a phrase ("condemned Israel's strike on Syria as an attack targeting Syria's stability").
 */
import type { Found } from '../../analyze.ts';
import type { Token } from '../../text.ts';
import { SOVEREIGNTY_NOUNS } from '../../words.ts';
import { STATE_KINDS, type MentionContext, type MentionPass } from './context.ts';

/** "Israel's attack on Iran", "Israeli strikes on Iran": Iran is on the receiving end of the act a statement is about. */
export function markVictims(ctx: MentionContext, found: Found[], tokens: Token[], byFirst: (Found | undefined)[]): void {
  for (let i = 0; i < found.length; i++) {
    const agent = found[i]!;
    if (!STATE_KINDS.has(agent.m.kind) || !agent.m.country || agent.m.locative) continue;
    let nounAt = agent.possessive ? agent.last + 2 : agent.last + 1;
    // "Israel's attack on", "Israeli strikes on", "US strikes on", "Russia's overnight drone attack on"
    if (agent.possessive || agent.m.kind === 'demonym') {
      for (let hop = 0; hop < 2; hop++) {
        const t = tokens[nounAt];
        if (!t || ctx.words.actNouns.has(t.norm) || !/^\p{Ll}/u.test(t.raw) || FUNCTION_WORDS.has(t.norm)) break;
        nounAt++;
      }
    }
    const noun = tokens[nounAt];
    const prep = tokens[nounAt + 1];
    if (!noun || !prep || !ctx.words.actNouns.has(noun.norm) || !VICTIM_PREPS.has(prep.norm)) continue;
    let j = nounAt + 2;
    if (tokens[j]?.norm === 'the') j++;
    const victim = byFirst[j];
    if (victim && victim.m.country && victim.m.country !== agent.m.country && STATE_KINDS.has(victim.m.kind)) {
      victim.m.victim = true;
      delete victim.m.locative;
    }
  }
}

const VICTIM_PREPS = new Set(['on', 'of', 'against', 'upon', 'into']);
/** Determiners before an act noun told without its agent ("condemned the attack on Albania"). */
const AGENTLESS_DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'such', 'any', 'all']);
/** Words that may stand between the preposition and the victim state ("the attack on NATO ally Albania"). */
const VICTIM_APPOSITIVES = new Set(['ally', 'neighbour', 'neighbor', 'neighbouring', 'neighboring', 'fellow', 'member', 'partner', 'nato', 'eu']);

/**
 * "condemned the attack on Albania", "denounced the strikes against neighbouring Syria": an act noun after a determiner,
 * with no agent state, then on/of/against/upon/into and the state: that state is on the receiving end ("the bombing of
 * Lebanon"). Up to two appositive words ('NATO ally') may come before the state.
 */
export function markAgentlessVictims(ctx: MentionContext, found: Found[], tokens: Token[]): void {
  for (const f of found) {
    if (!STATE_KINDS.has(f.m.kind) || !f.m.country || f.m.victim) continue;
    let k = f.first - 1;
    for (let hop = 0; hop < 2 && tokens[k] && VICTIM_APPOSITIVES.has(tokens[k]!.norm); hop++) k--;
    if (tokens[k]?.norm === 'the') k--;
    const prep = tokens[k];
    if (!prep || !VICTIM_PREPS.has(prep.norm)) continue;
    const noun = tokens[k - 1];
    if (!noun || !ctx.words.actNouns.has(noun.norm)) continue;
    // One lower-case modifier may come between the determiner and the noun ("the recent attack").
    let d = k - 2;
    if (tokens[d] && !AGENTLESS_DETERMINERS.has(tokens[d]!.norm) && /^\p{Ll}/u.test(tokens[d]!.raw) && !FUNCTION_WORDS.has(tokens[d]!.norm)) d--;
    if (!tokens[d] || !AGENTLESS_DETERMINERS.has(tokens[d]!.norm)) continue;
    f.m.victim = true;
    delete f.m.locative;
  }
}
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'over', 'in', 'on', 'of', 'to', 'for', 'with', 'and', 'or', 'but', 'that', 'which', 'who', 'is', 'was', 'were', 'are', 'has', 'had', 'have', 'by', 'at', 'from', 'as', 'its', 'their', 'his', 'her']);

/**
 * "a violation of Syrian sovereignty", "entered Japan's territorial waters", "the sovereignty of Iraq": the owner of
 * the sovereignty, territory or airspace an act is said to violate is its victim, not a party of a statement about it.
 */
export function markSovereigntyVictims(found: Found[], tokens: Token[], byFirst: (Found | undefined)[]): void {
  for (const f of found) {
    if (!STATE_KINDS.has(f.m.kind) || !f.m.country || f.m.locative) continue;
    if (f.possessive || f.m.kind === 'demonym') {
      const at = f.possessive ? f.last + 2 : f.last + 1;
      // "Syrian sovereignty", "Japan's territorial waters", "Iraq's air space" (one word may come before the noun).
      if (SOVEREIGNTY_NOUNS.has(tokens[at]?.norm ?? '') || (tokens[at] && /^\p{Ll}/u.test(tokens[at]!.raw) && SOVEREIGNTY_NOUNS.has(tokens[at + 1]?.norm ?? ''))) {
        f.m.victim = true;
      }
    }
  }
  // "the sovereignty of Iraq", "the territorial integrity of Ukraine"
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (!SOVEREIGNTY_NOUNS.has(tokens[i]!.norm) || tokens[i + 1]!.norm !== 'of') continue;
    const g = byFirst[tokens[i + 2]!.norm === 'the' ? i + 3 : i + 2];
    if (g && g.m.country && STATE_KINDS.has(g.m.kind)) g.m.victim = true;
  }
}

export const victims: MentionPass = {
  id: 'actors.mentions.victim',
  run(ctx) {
    markVictims(ctx, ctx.found, ctx.tokens, ctx.byFirst);
    markAgentlessVictims(ctx, ctx.found, ctx.tokens);
  },
};

export const sovereigntyVictims: MentionPass = {
  id: 'actors.mentions.sovereignty',
  run(ctx) {
    markSovereigntyVictims(ctx.found, ctx.tokens, ctx.byFirst);
  },
};

/** Clause openers: a state named right after one may be a new subject ("..., and Syria said"), not the victim again. */
const CLAUSE_OPENERS = new Set(['and', 'but', 'while', 'whereas', 'as', 'when', 'after', 'before', 'since', 'because', 'although', 'though']);

/**
 * A later mention of a victim's state in the same sentence is the victim again when it stands inside a phrase: right
 * after a lower-case word that opens no clause ("targeting Syria's stability", "the people of Syria"), with no
 * punctuation between. A mention after a comma or a clause opener may be a new subject and is left alone.
 */
export function markVictimsAgain(found: Found[], tokens: Token[]): void {
  const victimsAt = new Map<string, number>();
  for (const f of found) {
    const c = f.m.country;
    if (!c || !STATE_KINDS.has(f.m.kind)) continue;
    if (f.m.victim) {
      if (!victimsAt.has(c)) victimsAt.set(c, f.last);
      continue;
    }
    const from = victimsAt.get(c);
    if (from === undefined || f.first <= from) continue;
    const prev = tokens[f.first - 1];
    const cur = tokens[f.first];
    if (!prev || !cur || cur.start - prev.end > 1) continue;
    if (!/^\p{Ll}/u.test(prev.raw) || CLAUSE_OPENERS.has(prev.norm)) continue;
    f.m.victim = true;
    f.victimRule = 'actors.mentions.victim-again';
    delete f.m.locative;
  }
}

export const victimsAgain: MentionPass = {
  id: 'actors.mentions.victim-again',
  run(ctx) {
    markVictimsAgain(ctx.found, ctx.tokens);
  },
};
