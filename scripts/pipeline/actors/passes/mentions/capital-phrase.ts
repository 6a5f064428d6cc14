/**
 * Pass `actors.mentions.capital-phrase`: "the Chinese capital" is Beijing, as a place or a metonym.
 */
import type { Found } from '../../analyze.ts';
import type { Token } from '../../text.ts';
import type { MentionContext, MentionPass } from './context.ts';

/** "the Chinese capital" is Beijing, as a place or a metonym. */
export function capitalPhrase(ctx: MentionContext, f: Found, tokens: Token[]): void {
  if (f.m.kind !== 'demonym' && !(f.m.kind === 'country' && f.possessive)) return;
  const at = f.possessive ? f.last + 2 : f.last + 1;
  const next = tokens[at];
  if (next?.norm !== 'capital' || !f.m.country) return;
  f.m.kind = 'capital';
  f.m.end = next.end;
  f.m.text = `${f.m.text}${f.possessive ? "'s" : ''} capital`;
  f.last = at;
  f.possessive = false;
  f.place = ctx.gaz.capitals.get(f.m.country) ?? f.m.text;
}

export const capitalPhrases: MentionPass = {
  id: 'actors.mentions.capital-phrase',
  run(ctx) {
    for (const f of ctx.found) capitalPhrase(ctx, f, ctx.tokens);
  },
};
