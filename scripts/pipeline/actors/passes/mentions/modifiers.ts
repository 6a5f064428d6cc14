/**
 * Pass `actors.mentions.modifier`: "Iran-backed", "Yemen's Houthis", "Ukraine's allies", "a Maltese-flagged
 * carrier" (the flag state of a ship is no side of the strike on it): the state is not a party.
 */
import type { Found } from '../../analyze.ts';
import { isWord, type Token } from '../../text.ts';
import { STATE_KINDS, type MentionContext, type MentionPass } from './context.ts';

/** "Iran-backed", "Yemen's Houthis", "Ukraine's allies": the state is not a party. */
export function markModifiers(ctx: MentionContext, found: Found[], tokens: Token[], byFirst: (Found | undefined)[]): void {
  for (const f of found) {
    if (!STATE_KINDS.has(f.m.kind) || f.m.attribution) continue;
    const n1 = tokens[f.last + 1];
    const n2 = tokens[f.last + 2];
    if (n1?.raw === '-' && n2 && MODIFIER_SUFFIX.has(n2.norm)) {
      f.m.nonParty = 'modifier';
      continue;
    }
    if (!(f.possessive || f.m.kind === 'demonym')) continue;
    const startAt = f.possessive ? f.last + 2 : f.last + 1;
    for (let j = startAt; j < Math.min(tokens.length, startAt + 3); j++) {
      const g = byFirst[j];
      if (g && g.orgType === 'armed-group') {
        f.m.nonParty = 'modifier';
        break;
      }
      if (g) break;
      const t = tokens[j]!;
      if (!isWord(t) || t.norm === 'and' || t.norm === 'or' || t.norm === 'nor') break;
      if (f.possessive && ctx.words.possessiveCollectives.has(t.norm)) {
        f.m.nonParty = 'collective';
        break;
      }
    }
  }
}

export const MODIFIER_SUFFIX = new Set(['backed', 'aligned', 'allied', 'funded', 'sponsored', 'supported', 'armed', 'made', 'built', 'born', 'based', 'headquartered', 'listed', 'occupied', 'controlled', 'administered', 'held', 'annexed', 'speaking', 'style', 'era', 'inspired', 'owned', 'flagged', 'registered']);

export const modifiers: MentionPass = {
  id: 'actors.mentions.modifier',
  run(ctx) {
    markModifiers(ctx, ctx.found, ctx.tokens, ctx.byFirst);
  },
};
