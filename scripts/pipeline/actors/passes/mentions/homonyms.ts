/**
 * Pass `actors.mentions.homonym`: "Russia's Security Council" is a Russian body, not the UN's; "the German Federal
 * Foreign Office" is Germany's, not Britain's.
 */
import type { Found } from '../../analyze.ts';
import type { Token } from '../../text.ts';
import { STATE_KINDS, type MentionContext, type MentionPass } from './context.ts';

/** "Russia's Security Council" is a Russian body, not the UN's. */
export function homonyms(ctx: MentionContext, found: Found[], tokens: Token[]): void {
  for (let i = 1; i < found.length; i++) {
    const f = found[i]!;
    const prev = found[i - 1]!;
    if (!prev.m.country || !STATE_KINDS.has(prev.m.kind)) continue;
    // "the German Federal Foreign Office", "Japan's Foreign Office": a body named by a generic name ("Foreign Office",
    // "Ministry of Defence") belongs to the state named right before it, not to the state the name usually means.
    const generic = f.m.kind === 'institution' && f.m.country !== undefined && f.m.country !== prev.m.country && (prev.m.kind === 'demonym' || prev.possessive);
    if (!f.payload?.homonym && !generic) continue;
    const gap = f.first - prev.last;
    const between = tokens.slice(prev.last + 1, f.first).map((t) => t.norm);
    const bodyWords = between.length > 0 && between.every((w) => w === "'s" || BODY_ADJECTIVES.has(w));
    if (gap === 1 || (gap === 2 && tokens[prev.last + 1]!.norm === "'s") || (generic && bodyWords && gap <= 3)) {
      f.m.kind = 'institution';
      f.m.country = prev.m.country;
      delete f.m.organization;
      delete f.orgType;
    }
  }
}

/** Words that may stand between a state word and the name of one of its bodies ("German Federal Foreign Office"). */
const BODY_ADJECTIVES = new Set(['federal', 'national', 'royal', 'state', 'central']);

export const homonymsPass: MentionPass = {
  id: 'actors.mentions.homonym',
  run(ctx) {
    homonyms(ctx, ctx.found, ctx.tokens);
  },
};
