/**
 * Pass `actors.mentions.possessive`: "Israel's", "the Philippines'": the mention owns what follows.
 */
import type { Found } from '../../analyze.ts';
import type { Token } from '../../text.ts';
import type { MentionContext, MentionPass } from './context.ts';

export function markPossessive(ctx: MentionContext, f: Found, tokens: Token[]): void {
  const next = tokens[f.last + 1];
  if (!next) return;
  if (next.norm === "'s") f.possessive = true;
  else if (next.norm === "'" && /s$/i.test(tokens[f.last]!.raw)) f.possessive = true;
}

export const possessives: MentionPass = {
  id: 'actors.mentions.possessive',
  run(ctx) {
    for (const f of ctx.found) markPossessive(ctx, f, ctx.tokens);
  },
};
