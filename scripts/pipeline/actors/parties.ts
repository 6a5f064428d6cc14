/**
 * From a sentence's mentions to an event's parties: which states, organisations and people take
 * part in one candidate event, and where it happened. Runs the ordered party passes
 * (./passes/index.ts) and returns their result with the trace of every decision.
 */
import type { ActorResolution, EventCandidate } from '../types.ts';
import type { Found } from './analyze.ts';
import type { CounterpartContext } from './counterpart.ts';
import type { ContextWords } from './gazetteer.ts';
import { PARTY_PASSES } from './passes/index.ts';
import type { PartyState, PastAct } from './passes/state.ts';

export { isStateParty } from './passes/party-test.ts';

function placeOf(fs: Found[]): string | undefined {
  for (const f of fs) if (f.m.locative && f.place) return f.place;
  return undefined;
}

export interface PartyInput {
  found: Found[];
  sentenceStart: number;
  sentenceEnd: number;
  sentenceText: string;
  candidate: EventCandidate;
  ctx?: CounterpartContext;
  words: ContextWords;
  published: string;
  past?: readonly PastAct[];
}

/** Choose parties for one candidate from the sentence's mentions. */
export function selectParties(input: PartyInput): ActorResolution {
  const { found, candidate } = input;
  const s: PartyState = {
    type: candidate.type,
    candidate,
    found,
    sentenceText: input.sentenceText,
    sentenceStart: input.sentenceStart,
    sentenceEnd: input.sentenceEnd,
    clause: clampClause(candidate, input.sentenceStart, input.sentenceEnd),
    ctx: input.ctx,
    words: input.words,
    published: input.published,
    past: input.past ?? [],
    dest: undefined,
    scope: [],
    countries: [],
    agents: [],
    organizations: [],
    actors: [],
    trace: [],
  };
  for (const pass of PARTY_PASSES) pass.run(s);
  const location = placeOf(s.scope);
  const res: ActorResolution = {
    countries: s.countries.sort(),
    organizations: s.organizations.sort(),
    actors: s.actors,
    mentions: found.map((f) => ({ ...f.m })),
    // In the order they are named: the first is the grammatical subject.
    agents: s.agents.filter((a) => s.countries.includes(a)),
    trace: s.trace,
  };
  if (location) res.location = location;
  return res;
}

function clampClause(c: EventCandidate, s: number, e: number): { start: number; end: number } {
  const start = Math.max(s, Math.min(c.clause.start, e));
  const end = Math.min(e, Math.max(c.clause.end, start));
  return end > start ? { start, end } : { start: s, end: e };
}
