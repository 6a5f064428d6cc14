/**
 * Pass `actors.mentions.attribution`: media outlets are sources; "Russia's TASS", "Chinese state media" are
 * attributions, not parties.
 */
import type { Found } from '../../analyze.ts';
import type { Token } from '../../text.ts';
import { STATE_KINDS, type MentionContext, type MentionPass } from './context.ts';

/** Media outlets are sources; "Russia's TASS", "Chinese state media" are attributions, not parties. */
export function markAttributions(ctx: MentionContext, found: Found[], tokens: Token[], byFirst: (Found | undefined)[]): void {
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    if (!STATE_KINDS.has(f.m.kind)) continue;
    let j = f.last + 1;
    let strong = false;
    let steps = 0;
    while (j < tokens.length && steps < 5) {
      const t = tokens[j]!;
      const g = byFirst[j];
      if (g?.m.kind === 'media') {
        strong = true;
        break;
      }
      if (t.norm === "'s" || ctx.words.mediaWords.has(t.norm)) {
        if (STRONG_MEDIA.has(t.norm)) strong = true;
        j++;
        steps++;
        continue;
      }
      break;
    }
    if (strong) f.m.attribution = true;
  }
}

const STRONG_MEDIA = new Set(['media', 'agency', 'broadcaster', 'television', 'tv', 'outlet', 'outlets', 'newspaper', 'tabloid', 'wire', 'radio', 'daily']);

export const attributions: MentionPass = {
  id: 'actors.mentions.attribution',
  run(ctx) {
    markAttributions(ctx, ctx.found, ctx.tokens, ctx.byFirst);
  },
};
