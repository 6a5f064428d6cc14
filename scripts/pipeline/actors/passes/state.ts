/**
 * The state the party passes share for one candidate event: the sentence's mentions, the part of
 * them in scope, the parties chosen so far, and the trace of every decision. Each pass reads and
 * changes it, and says what it changed (`add`, `drop`, `note`).
 */
import type { Actor, EventCandidate, EventType, Span } from '../../types.ts';
import type { TraceStep } from '../../trace.ts';
import type { Found } from '../analyze.ts';
import type { CounterpartContext } from '../counterpart.ts';
import type { ContextWords } from '../gazetteer.ts';

/** One act already resolved in this document, for "the attack" / "the move" later. */
export interface PastAct {
  type: EventType;
  /** The trigger words ("struck", "expelled"). */
  trigger: string;
  /** States doing the act. */
  agents: string[];
  countries: string[];
  /** Named only as a noun with its agent in an earlier sentence ("the sanctions imposed by X"; ../noun-acts.ts). */
  named?: boolean;
}

export interface PartyState {
  readonly type: EventType;
  readonly candidate: EventCandidate;
  /** All mentions of the sentence, in text order. */
  readonly found: Found[];
  readonly sentenceText: string;
  readonly sentenceStart: number;
  readonly sentenceEnd: number;
  /** The candidate's clause, clamped to the sentence. */
  readonly clause: Span;
  readonly ctx: CounterpartContext | undefined;
  readonly words: ContextWords;
  /** Publication day (member lists and offices change over time). */
  readonly published: string;
  /** Earlier acts of the document, oldest first. */
  readonly past: readonly PastAct[];
  /** Craft and forces named earlier with their state: noun -> state ("a Malian drone"; ../instruments.ts). */
  readonly instruments?: ReadonlyMap<string, string>;
  /** The travel destination that counts for this candidate (nearest its trigger). */
  dest: Found | undefined;
  /** The mentions parties, organisations and people are taken from. */
  scope: Found[];
  countries: string[];
  /** States that do the act (subject side), a subset of `countries`. */
  agents: string[];
  organizations: string[];
  actors: Actor[];
  trace: TraceStep[];
  /** The states a strike happens in when a list of them is its place ("in Syria and Iraq"), set by pass actors.place.other-side. */
  theatres?: string[];
  /** A phrase after the trigger naming another event to date this one ("ahead of Monday's G7 meeting"), set by pass actors.time-anchor. */
  timeAnchor?: Span & { words: string };
}

/** One pass: one concept, one rule id (or a family of ids under one prefix). */
export interface PartyPass {
  id: string;
  run(s: PartyState): void;
}

export function note(s: PartyState, rule: string, action: string, detail?: string): void {
  s.trace.push(detail === undefined ? { stage: 'actors', rule, action } : { stage: 'actors', rule, action, detail });
}

/** Add a state as a party (no-op when present). Returns true when added. */
export function addCountry(s: PartyState, iso: string, rule: string, why: string): boolean {
  if (s.countries.includes(iso)) return false;
  s.countries.push(iso);
  note(s, rule, `+${iso}`, why);
  return true;
}

/** Remove a state from the parties (and the agents). Returns true when removed. */
export function dropCountry(s: PartyState, iso: string, rule: string, why: string): boolean {
  const i = s.countries.indexOf(iso);
  if (i < 0) return false;
  s.countries.splice(i, 1);
  s.agents = s.agents.filter((c) => c !== iso);
  note(s, rule, `-${iso}`, why);
  return true;
}

/** The state a mention stands for, if any. */
export function stateOf(f: Found): string | undefined {
  return f.m.country ?? f.actor?.country;
}
