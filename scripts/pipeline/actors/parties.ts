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
import { CAUSE_ANCHORS, TIME_ANCHORS } from './words.ts';
import type { PartyState, PastAct } from './passes/state.ts';
import { sortStrings } from '../sort.ts';

export { isStateParty } from './passes/party-test.ts';

/**
 * Where the event happened: the first place of its scope, unless it stands inside a phrase after the trigger that
 * names another event ("..., in retaliation for an earlier strike on its embassy compound",
 * "hours after talks in Doha"; rule actors.location.not-in-anchor).
 */
function placeOf(fs: Found[], s: { sentenceText: string; sentenceStart: number; candidate: EventCandidate }): string | undefined {
  let text: string | undefined;
  const after = s.candidate.trigger.end - s.sentenceStart;
  for (const f of fs) {
    if (!f.m.locative || !f.place) continue;
    // "drills near Japan", "off the coast of Somalia": a place beside the event, not where it happened (rule actors.location.beside).
    if (f.prep !== undefined && BESIDE.has(f.prep)) continue;
    text ??= s.sentenceText.toLowerCase();
    const at = f.m.start - s.sentenceStart;
    if (at > after && inAnchorPhrase(text.slice(after, at))) continue;
    return f.place;
  }
  return undefined;
}

/** Prepositions of a place beside the event, not where it happened: no location (rule actors.location.beside). */
const BESIDE: ReadonlySet<string> = new Set(['near', 'off', 'around', 'outside', 'along', 'across']);

/** The anchors, each between two spaces (padded once, not on every call). */
const ANCHORS: readonly string[] = [...TIME_ANCHORS, ...CAUSE_ANCHORS].map((a) => ` ${a} `);

/** True when `between` (the text from the trigger to a place) opens an anchor phrase that no comma has closed. */
function inAnchorPhrase(between: string): boolean {
  const padded = ` ${between.replace(/[^\p{L}\p{N},;]+/gu, ' ')} `;
  let last = -1;
  for (const a of ANCHORS) {
    const i = padded.lastIndexOf(a);
    if (i > last) last = i;
  }
  if (last < 0) return false;
  return !/[,;]/.test(padded.slice(last));
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
  instruments?: ReadonlyMap<string, string>;
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
    ...(input.instruments ? { instruments: input.instruments } : {}),
    dest: undefined,
    scope: [],
    countries: [],
    agents: [],
    organizations: [],
    actors: [],
    trace: [],
  };
  for (const pass of PARTY_PASSES) pass.run(s);
  const location = placeOf(s.scope, s);
  const res: ActorResolution = {
    countries: sortStrings(s.countries),
    organizations: sortStrings(s.organizations),
    actors: s.actors,
    mentions: found.map((f) => ({ ...f.m })),
    // In the order they are named: the first is the grammatical subject.
    agents: s.agents.filter((a) => s.countries.includes(a)),
    trace: s.trace,
  };
  if (location) res.location = location;
  if (s.theatres) res.theatres = s.theatres.filter((c) => s.countries.includes(c) && !s.agents.includes(c));
  return res;
}

function clampClause(c: EventCandidate, s: number, e: number): { start: number; end: number } {
  const start = Math.max(s, Math.min(c.clause.start, e));
  const end = Math.min(e, Math.max(c.clause.end, start));
  return end > start ? { start, end } : { start: s, end: e };
}
