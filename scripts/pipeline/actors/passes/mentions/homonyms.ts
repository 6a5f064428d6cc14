/**
 * Pass `actors.mentions.homonym`: "Russia's Security Council" is a Russian body, not the UN's.
 */
import type { Found } from '../../analyze.ts';
import type { Token } from '../../text.ts';
import { STATE_KINDS, type MentionContext, type MentionPass } from './context.ts';

/** "Russia's Security Council" is a Russian body, not the UN's. */
export function homonyms(ctx: MentionContext, found: Found[], tokens: Token[]): void {
  for (let i = 1; i < found.length; i++) {
    const f = found[i]!;
    const prev = found[i - 1]!;
    if (!f.payload?.homonym || !prev.m.country || !STATE_KINDS.has(prev.m.kind)) continue;
    const gap = f.first - prev.last;
    if (gap === 1 || (gap === 2 && tokens[prev.last + 1]!.norm === "'s")) {
      f.m.kind = 'institution';
      f.m.country = prev.m.country;
      delete f.m.organization;
      delete f.orgType;
    }
  }
}

export const homonymsPass: MentionPass = {
  id: 'actors.mentions.homonym',
  run(ctx) {
    homonyms(ctx, ctx.found, ctx.tokens);
  },
};
