/**
 * dates.retelling.same-agent: a later sentence may give an act with no cue of its own its day
 * (dates.resolver.later-retelling: the same verb or a definite noun told again with a day;
 * dates.resolver.lead-summary: the lead sums up the account the next sentence dates;
 * dates.resolver.same-account: a press conference or post of the same account), but only when
 * that later act is by the same state, or names no acting state: "Lithuania expelled three Russian
 * diplomats. ... Neighbouring Latvia expelled two on Tuesday" is Latvia's act of Tuesday, not
 * Lithuania's told again, and a tit-for-tat or a neighbour's like act never dates the first.
 *
 * The acting states are the actors stage's (ActorResolution.agents), known only once the later
 * sentence is read; so the extractor notes, for each act dated this way, the sentence that gave the
 * day, and after the document is read compares the acting states of that sentence's act (the
 * candidate nearest the day cue, kept or dropped) with its own. Where both are known and share no
 * state and that act is not a report (a statement: a mediator announcing the deal, a press
 * conference), the document is read again with that sentence barred for that act (DateContext.otherAgent):
 * the resolvers then pass over it, and the trace names this rule.
 */
import cueData from '../../data/date-cues.json' with { type: 'json' };
import type { EventType, Sentence } from '../types.ts';

export const OTHER_AGENT = {
  id: cueData.otherAgentDay.id as string,
  rules: new Set<string>(cueData.otherAgentDay.resolvers as string[]),
  /** Acts of these types report an act (a mediator's announcement, a press conference): another state may tell it. */
  reports: new Set<EventType>(cueData.otherAgentDay.reportTypes as EventType[]),
  maxPasses: cueData.otherAgentDay.maxPasses as number,
};

/** One candidate's acting states, with its trigger (absolute offsets). */
export interface AgentsAt {
  start: number;
  end: number;
  type: EventType;
  agents: readonly string[];
}

/** An act dated from another sentence by one of OTHER_AGENT.rules: to be checked once the document is read. */
export interface DayFromElsewhere {
  /** The candidate's key (extract-document.ts `candidateKey`). */
  key: string;
  agents: readonly string[];
  /** The sentence index that gave the day, and where in it (absolute offset of the cue, or undefined: its first act). */
  sentence: number;
  at: number | undefined;
}

/** The index of the sentence holding absolute offset `at`, if any. */
export function sentenceAt(sentences: readonly Sentence[], at: number): number | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return mid;
  }
  return undefined;
}

/**
 * The acts whose day came from another state's act: key -> (sentence index -> why). Merged into
 * `barred` (a copy); undefined when nothing new is barred.
 */
export function otherAgentDays(
  checks: readonly DayFromElsewhere[],
  agentsAt: ReadonlyMap<number, readonly AgentsAt[]>,
  barred: ReadonlyMap<string, ReadonlyMap<number, string>> | undefined,
): Map<string, Map<number, string>> | undefined {
  let out: Map<string, Map<number, string>> | undefined;
  for (const c of checks) {
    if (c.agents.length === 0) continue;
    if (barred?.get(c.key)?.has(c.sentence)) continue;
    const there = agentsAt.get(c.sentence) ?? [];
    if (there.length === 0) continue;
    const dist = (a: AgentsAt) => (c.at === undefined ? a.start : c.at < a.start ? a.start - c.at : c.at >= a.end ? c.at - a.end : 0);
    const near = there.reduce((best, a) => (dist(a) < dist(best) ? a : best));
    if (OTHER_AGENT.reports.has(near.type) || near.agents.length === 0 || near.agents.some((s) => c.agents.includes(s))) continue;
    out ??= new Map([...(barred ?? new Map())].map(([k, v]) => [k, new Map(v)]));
    const entry = out.get(c.key) ?? new Map<number, string>();
    entry.set(c.sentence, `${near.agents.join('+')}'s act, not ${c.agents.join('+')}'s`);
    out.set(c.key, entry);
  }
  return out;
}
