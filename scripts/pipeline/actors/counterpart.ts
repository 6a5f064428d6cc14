/**
 * Implied counterparts: "Pakistan expelled two Indian diplomats. Hours later, New Delhi did the same." names
 * one state in the second sentence, but a sanction has two sides. When a two-sided event names only one state,
 * the other is often the story's other state: the host of the trip under way, the other state of the previous
 * sentences, or the article's main other state (headline and lead). These helpers pick it only when exactly one
 * candidate stands out; otherwise they return nothing.
 */
import type { EventType } from '../types.ts';
import type { Found } from './analyze.ts';

/** Event types that always have a counterpart, even when the text leaves it implied. */
export const NEEDS_COUNTERPART = new Set<EventType>(['meeting', 'visit', 'threat', 'accusation', 'sanction']);
/** Types whose counterpart may be the host of the trip under way. */
const HOST_TYPES = new Set<EventType>(['meeting', 'visit']);

/** What the document said before the sentence being resolved. */
export interface CounterpartContext {
  /** States named as possible sides in each earlier sentence, oldest first (the last entry is the previous sentence). */
  recent: string[][];
  /** States of the headline (counted twice) and lead, most mentioned first, with counts. */
  main: { iso: string; count: number }[];
  /** The state of the latest travel destination named before this sentence. */
  host?: string;
  /** True when the sentence names a side that is no state ("the West", an armed group, an organisation): never fill. */
  otherSide?: boolean;
  /** The next body sentence and the sides it names, read on demand (pass actors.place.drill-host). */
  next?: () => { text: string; sides: string[] } | undefined;
}

/** How many earlier sentences may hold the counterpart (the nearest one that names any state counts). */
export const LOOKBACK = 2;

/** Prefix of a side that is no state (an organisation, an armed group, "the West"): it can never be added. */
export const NON_STATE = '#';

/**
 * Sides a sentence names: states that are not places (unless travelled to), not outlets, not topics, not
 * modifiers ("Iran-backed", "the Ukraine war"), not apposition asides; and organisations, armed groups and
 * groups of states ("the West") as `#name`, which compete with states but are never added themselves.
 */
export function sentenceSides(found: Found[], collectives = 0): string[] {
  const out: string[] = [];
  if (collectives > 0) out.push(`${NON_STATE}collective`);
  for (const f of found) {
    const m = f.m;
    if (m.kind === 'organization' && !m.attribution && !m.locative && !m.topic) {
      const id = `${NON_STATE}${m.organization ?? m.text}`;
      if (!out.includes(id)) out.push(id);
      continue;
    }
    const c = m.country ?? f.actor?.country;
    if (!c || m.attribution || m.nonParty || m.topic || f.qualifier) continue;
    if (m.locative && !m.destination) continue;
    if (m.kind === 'role' && !f.actor) continue;
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

/** Count states over the headline's and lead's sides, most mentioned first (ties keep first-seen order). */
export function rankStates(groups: string[][]): { iso: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const g of groups) for (const c of g) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.entries()].map(([iso, count]) => ({ iso, count })).sort((a, b) => b.count - a.count);
}

/** The article's main state other than `own`: the most mentioned one, when no other state ties with it. */
function mainOther(main: CounterpartContext['main'], own: string): string | undefined {
  const others = main.filter((s) => s.iso !== own);
  if (others.length === 0) return undefined;
  if (others.length > 1 && others[1]!.count === others[0]!.count) return undefined;
  return others[0]!.iso;
}

/**
 * The one state that is the implied other side of an event of `type` whose only named party is `own`, or
 * undefined when the context offers none or more than one. `barred` are states this sentence itself names in a
 * role that is not a side (a topic, an outlet, a modifier, an aside): they are never added.
 */
export function impliedCounterpart(type: EventType, own: string, ctx: CounterpartContext, barred: Set<string>): string | undefined {
  if (!NEEDS_COUNTERPART.has(type)) return undefined;
  const ok = (c: string | undefined): c is string => !!c && c !== own && !barred.has(c) && !c.startsWith(NON_STATE);
  if (HOST_TYPES.has(type) && ok(ctx.host)) return ctx.host;
  let near: string[] | undefined;
  for (let k = ctx.recent.length - 1; k >= Math.max(0, ctx.recent.length - LOOKBACK); k--) {
    if (ctx.recent[k]!.length > 0) {
      near = ctx.recent[k]!.filter((c) => c !== own);
      break;
    }
  }
  const lead = mainOther(ctx.main, own);
  // A state of the previous sentence must also be one the story is about (the headline's, counted twice, and
  // those the lead repeats), when the story names others: an aside in the sentence before is no counterpart.
  const story = ctx.main.filter((s) => s.count >= 2);
  const inStory = (c: string): boolean => !story.some((s) => s.iso !== own) || story.some((s) => s.iso === c);
  let pick: string | undefined;
  if (near && near.length === 1) pick = inStory(near[0]!) ? near[0] : undefined;
  else if (near && near.length > 1) pick = lead && near.includes(lead) ? lead : undefined;
  else pick = lead;
  return ok(pick) ? pick : undefined;
}
