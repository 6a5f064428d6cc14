/**
 * The mention passes: what each state word of one sentence is (a possessor, a place, an outlet, a
 * modifier, a topic, an aside, a victim), decided from the words around it. They run in the order
 * of ./index.ts over one sentence's mentions and mark them; the party passes (../index.ts) then
 * decide from those marks which states take part in each event.
 */
import type { MentionKind } from '../../../types.ts';
import type { Found } from '../../analyze.ts';
import type { ContextWords, Gazetteer } from '../../gazetteer.ts';
import type { Token } from '../../text.ts';

export interface MentionContext {
  tokens: Token[];
  /** The sentence's mentions in text order (a pass may replace the list). */
  found: Found[];
  /** Mention by its first token (built by the `index` pass; empty before it). */
  byFirst: (Found | undefined)[];
  words: ContextWords;
  gaz: Gazetteer;
  /** The document's publication day (YYYY-MM-DD), for data that holds from a day on. */
  published?: string;
  /** The state of the document's dateline, if any (actors.mentions.generic-institution). */
  datelineState?: () => string | undefined;
  /** The document's own state: its dateline's, else the first its headline names (actors.mentions.generic-institution). */
  homeState?: () => string | undefined;
  /** True when the document names one of the cue words (actors.mentions.generic-institution). */
  hasCue?: (cues: string[]) => boolean;
}

export interface MentionPass {
  id: string;
  run(ctx: MentionContext): void;
}

/** Kinds that can be places ("in Beijing", "at the Kremlin"). */
export const PLACE_KINDS = new Set<MentionKind>(['country', 'capital', 'metonym', 'institution']);
/** Kinds that stand for a state. */
export const STATE_KINDS = new Set<MentionKind>(['country', 'demonym', 'capital', 'metonym', 'institution']);

/** Is one of `set` among the `n` words before token `k`? */
export function wordBefore(tokens: Token[], k: number, n: number, set: Set<string>): boolean {
  for (let j = k - 1; j >= Math.max(0, k - n); j--) if (set.has(tokens[j]!.norm)) return true;
  return false;
}

/** Pass `actors.mentions.index`: mentions by first token, for the passes that look at a neighbour. */
export const indexMentions: MentionPass = {
  id: 'actors.mentions.index',
  run(ctx) {
    ctx.byFirst = new Array(ctx.tokens.length + 2);
    for (const f of ctx.found) ctx.byFirst[f.first] = f;
  },
};
