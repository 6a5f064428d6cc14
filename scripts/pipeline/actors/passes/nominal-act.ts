/**
 * Pass `actors.nominal-act`: when the event's trigger is an act noun with its own agent ("Israel's
 * strike on Doha", "the Israeli attack on Qatar", "the strike by Israel on Doha"), its parties are
 * that agent and the act's target, not the speaker of the verb that governs the noun ("Egypt
 * condemned ..."): the speaker's act is a different event. Statements and accusations are the
 * speaker's own acts and are left alone.
 */
import type { Found } from '../analyze.ts';
import { isStateParty, VERBAL } from './party-test.ts';
import { dropCountry, note, stateOf, type PartyPass, type PartyState } from './state.ts';
import { actorPattern } from '../words.ts';

/** Between a possessor or demonym and the act noun: "'s", then up to two lower-case modifiers ("overnight drone"). */
function modifiersOnly(gap: string): boolean {
  const rest = gap.startsWith("'s") || gap.startsWith('’s') ? gap.slice(2) : gap.startsWith("'") || gap.startsWith('’') ? gap.slice(1) : gap;
  if (!/^\s/u.test(rest) || !/\s$/u.test(rest) || rest.length > 60) return false;
  const words = rest.trim().split(/\s+/u).filter(Boolean);
  return words.length <= 2 && words.every((w) => /^\p{Ll}[\p{Ll}-]*$/u.test(w));
}
/** Between the act noun and its target: "on", "against", "in", "upon", "at" (and "the"). */
const TO_TARGET = actorPattern('nounTarget');
/** Between the act noun and a passive agent: "by". */
const TO_AGENT = actorPattern('nounAgent');

function between(s: PartyState, from: number, to: number): string {
  return s.sentenceText.slice(from - s.sentenceStart, to - s.sentenceStart);
}

/** The state named as the act noun's own agent, with its mention. */
export function nounAgent(s: PartyState): Found | undefined {
  const t = s.candidate.trigger;
  for (const f of s.found) {
    if (!stateOf(f) || f.m.attribution || f.m.nonParty) continue;
    if (f.m.end <= t.start && (f.possessive || f.m.kind === 'demonym') && modifiersOnly(between(s, f.m.end, t.start))) {
      // "Israel's strike", "the Israeli overnight attack": only modifiers between the agent and the noun.
      return f;
    }
    if (f.m.start >= t.end && TO_AGENT.re.test(between(s, t.end, f.m.start))) return f;
  }
  return undefined;
}

export const nominalAct: PartyPass = {
  id: 'actors.nominal-act',
  run(s) {
    if (VERBAL.has(s.type)) return;
    const t = s.candidate.trigger;
    const noun = s.sentenceText.slice(t.start - s.sentenceStart, t.end - s.sentenceStart).toLowerCase();
    if (!s.words.actNouns.has(noun) && !s.words.actNouns.has(noun.replace(/s$/, ''))) return;
    const agent = nounAgent(s);
    if (!agent) return;
    const agentIso = stateOf(agent)!;
    const keep = new Set<string>([agentIso]);
    for (const f of s.found) {
      const c = stateOf(f);
      if (!c || f.m.start < t.end || !isStateParty(f, s.type, s.dest) && !f.m.victim) continue;
      // "strike on Z", or after a passive agent: "the raid by Venezuela against Guyana".
      const afterAgent = agent.m.start >= t.end && f.m.start > agent.m.end && TO_TARGET.re.test(between(s, agent.m.end, f.m.start));
      if (f.m.victim || afterAgent || TO_TARGET.re.test(between(s, t.end, f.m.start))) keep.add(c);
    }
    note(s, this.id, `agent=${agentIso}`, agent.m.start >= t.end ? `${noun} by '${agent.m.text}' (${TO_AGENT.id})` : `'${agent.m.text}' ${noun}`);
    for (const c of [...s.countries]) if (!keep.has(c)) dropCountry(s, c, this.id, `not a side of '${noun}': named outside the act's noun phrase`);
    for (const c of keep) if (!s.countries.includes(c)) {
      s.countries.push(c);
      note(s, this.id, `+${c}`, c === agentIso ? 'agent of the act noun' : `target of the act noun (${TO_TARGET.id}, or a victim)`);
    }
    s.agents = [agentIso];
  },
};
