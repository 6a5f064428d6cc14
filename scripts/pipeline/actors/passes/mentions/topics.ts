/**
 * Pass `actors.mentions.topic`: "met Wang Yi to discuss Ukraine and relations with the United States": topics.
 */
import type { Found } from '../../analyze.ts';
import type { Token } from '../../text.ts';
import { STATE_KINDS, type MentionContext, type MentionPass } from './context.ts';

/** "met Wang Yi to discuss Ukraine and relations with the United States": Ukraine and the US are topics. */
export function markTopics(ctx: MentionContext, found: Found[], tokens: Token[]): void {
  const w = ctx.words;
  let from = -1;
  for (let i = 0; i < tokens.length && from < 0; i++) {
    const t = tokens[i]!.norm;
    if (w.topicWords.has(t)) from = i;
    else if ((t === 'on' || t === 'over') && i > 0 && w.topicNouns.has(tokens[i - 1]!.norm)) from = i;
  }
  if (from < 0) return;
  let to = tokens.length;
  for (let i = from + 1; i < tokens.length; i++) {
    const t = tokens[i]!.norm;
    const endsWith = t === 'with' && !RELATION_NOUNS.has(tokens[i - 1]?.norm ?? ''); // "discussed the crisis with ASEAN"
    if (t === ';' || endsWith || (t === ',' && CLAUSE_JOINERS.has(tokens[i + 1]?.norm ?? '')) || (CLAUSE_JOINERS.has(t) && t !== 'and')) {
      to = i;
      break;
    }
  }
  for (const f of found) if (f.first > from && f.last < to && (STATE_KINDS.has(f.m.kind) || f.m.kind === 'organization')) f.m.topic = true;
}

const RELATION_NOUNS = new Set(['relations', 'ties', 'cooperation', 'trade', 'links', 'contacts', 'partnership', 'dealings', 'rapprochement', 'normalisation', 'normalization', 'talks', 'negotiations', 'agreement', 'deal', 'dispute', 'tensions', 'conflict', 'war', 'border']);
const CLAUSE_JOINERS = new Set(['and', 'but', 'while', 'whereas', 'as', 'after', 'before', 'where', 'when', 'although', 'though']);

export const topics: MentionPass = {
  id: 'actors.mentions.topic',
  run(ctx) {
    markTopics(ctx, ctx.found, ctx.tokens);
  },
};
