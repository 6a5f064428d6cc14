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
  const phrases = multiWord(w.topicWords);
  for (let i = 0; i < tokens.length && from < 0; i++) {
    const t = tokens[i]!.norm;
    if (w.topicWords.has(t)) from = i;
    else {
      // "on the situation in Ukraine": a phrase of several words opens the topic at its last word.
      for (const p of phrases) {
        if (phraseAt(tokens, i, p)) {
          from = i + p.length - 1;
          break;
        }
      }
      // "talks on Ukraine", "an agreement over the border": after a topic noun (checked also when the word list
      // holds phrases, which an else-chain skipped).
      if (from < 0 && (t === 'on' || t === 'over') && i > 0 && w.topicNouns.has(tokens[i - 1]!.norm)) from = i;
    }
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

/** Whether the words of `phrase` are the norms of the tokens from `i` on (a loop: no closure per token and phrase). */
function phraseAt(tokens: Token[], i: number, phrase: string[]): boolean {
  for (let k = 0; k < phrase.length; k++) if (tokens[i + k]?.norm !== phrase[k]) return false;
  return true;
}

const multiWordCache = new WeakMap<Set<string>, string[][]>();
/** The entries of a word list that are phrases of several words, split into words. */
function multiWord(words: Set<string>): string[][] {
  let out = multiWordCache.get(words);
  if (!out) {
    out = [...words].filter((x) => x.includes(' ')).map((x) => x.split(/\s+/u));
    multiWordCache.set(words, out);
  }
  return out;
}

const RELATION_NOUNS = new Set(['relations', 'ties', 'cooperation', 'trade', 'links', 'contacts', 'partnership', 'dealings', 'rapprochement', 'normalisation', 'normalization', 'talks', 'negotiations', 'agreement', 'deal', 'dispute', 'tensions', 'conflict', 'war', 'border']);
const CLAUSE_JOINERS = new Set(['and', 'but', 'while', 'whereas', 'as', 'after', 'before', 'where', 'when', 'although', 'though']);

export const topics: MentionPass = {
  id: 'actors.mentions.topic',
  run(ctx) {
    markTopics(ctx, ctx.found, ctx.tokens);
  },
};
