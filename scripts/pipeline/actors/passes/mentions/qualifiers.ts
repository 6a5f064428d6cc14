/**
 * Pass `actors.mentions.qualifier`: "the Ukraine war", "the Russia-Ukraine conflict": a state name before a topic noun.
 */
import type { Found } from '../../analyze.ts';
import type { Token } from '../../text.ts';
import type { MentionContext, MentionPass } from './context.ts';

/**
 * "the Ukraine war", "the Russia-Ukraine conflict", "the Iran nuclear deal": a state name right before a
 * topic noun names what is talked about, not who acts.
 */
export function markQualifiers(ctx: MentionContext, found: Found[], tokens: Token[], byFirst: (Found | undefined)[]): void {
  let walked = -1; // last token of the latest dash chain: each chain is walked once (linear)
  for (const f of found) {
    if (f.m.kind !== 'country' || f.possessive || !f.m.country || f.first <= walked) continue;
    const chain = [f];
    let j = f.last + 1;
    // "the Russia-Ukraine war", "the Israel-Hamas war": a dash links the names of the two sides of the topic.
    while (DASHES.has(tokens[j]?.raw ?? '') && (byFirst[j + 1]?.m.kind === 'country' || byFirst[j + 1]?.m.kind === 'organization')) {
      const g = byFirst[j + 1]!;
      if (g.m.kind === 'country') chain.push(g);
      j = g.last + 1;
    }
    walked = j - 1;
    // "the US-China trade war", "the Ukraine grain deal": one topic word may come before the noun.
    const isWordIn = (k: number, set: Set<string>): boolean => {
      const t = tokens[k];
      return !!t && !byFirst[k] && /^\p{Ll}/u.test(t.raw) && set.has(t.norm);
    };
    const w = ctx.words;
    if (isWordIn(j, w.qualifierNouns) || (isWordIn(j, w.qualifierAdjectives) && isWordIn(j + 1, w.qualifierNouns))) {
      for (const g of chain) g.qualifier = true;
    }
  }
}

const DASHES = new Set(['-', '–', '—', '/']);

export const qualifiers: MentionPass = {
  id: 'actors.mentions.qualifier',
  run(ctx) {
    markQualifiers(ctx, ctx.found, ctx.tokens, ctx.byFirst);
  },
};
