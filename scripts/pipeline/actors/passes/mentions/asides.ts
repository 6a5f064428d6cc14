/**
 * Pass `actors.mentions.aside`: "China, a diplomatic ally of Moscow, said ...": Moscow is inside an apposition.
 * So is an organisation ("Australia, which signed the AUKUS pact, protested"): no party, no members.
 */
import type { Found } from '../../analyze.ts';
import type { Token } from '../../text.ts';
import type { MentionContext, MentionPass } from './context.ts';

/** "China, a diplomatic ally of Moscow, said ...": Moscow is inside an apposition. */
export function markAsides(ctx: MentionContext, found: Found[], tokens: Token[]): void {
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    if (!f.m.country || tokens[f.last + 1]?.raw !== ',') continue;
    // "At a meeting at the White House, the leaders of X and Y agreed": after a place that ends an opening
    // phrase, ", the ..." starts the main clause, not an apposition.
    if (f.m.locative) continue;
    const starter = tokens[f.last + 2];
    if (!starter || !ctx.words.appositionStarters.has(starter.norm)) continue;
    // A list ("Italy, Japan, the United Kingdom and ...") is no apposition.
    const prevTok = tokens[f.first - 1]?.raw;
    if (prevTok === ',' || prevTok === '(' || tokens[f.first - 1]?.norm === 'and') continue;
    const next = found[i + 1];
    if (starter.norm === 'the' && next && next.first === f.last + 3 && next.m.country) continue;
    let close = -1;
    for (let j = f.last + 3; j < Math.min(tokens.length, f.last + 60); j++) {
      if (tokens[j]!.raw === ',') {
        close = j;
        break;
      }
    }
    if (close < 0) continue;
    for (let k = i + 1; k < found.length && found[k]!.first < close; k++) {
      const g = found[k]!;
      // An organisation there is named in passing too ("Australia, which signed the AUKUS pact with ..."): it brings
      // no members (pass actors.organizations).
      if (g.last < close && (g.m.country ? g.m.country !== f.m.country : g.m.organization !== undefined) && !g.m.nonParty) g.m.nonParty = 'aside';
    }
  }
}

export const asides: MentionPass = {
  id: 'actors.mentions.aside',
  run(ctx) {
    markAsides(ctx, ctx.found, ctx.tokens);
  },
};
