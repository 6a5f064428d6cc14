/**
 * Craft and forces named with their state ("a Malian drone", "Turkey's warships", "Chinese coast guard ships"):
 * the document remembers, per noun, the state that last owned it, so that "the drone" in a later sentence names
 * that state again (pass actors.instrument-owner). Nouns: actor-context.json instrumentNouns.
 */
import type { Found } from './analyze.ts';
import { STATE_KINDS } from './passes/mentions/context.ts';
import { isWord, type Token } from './text.ts';
import { INSTRUMENT_NOUNS } from './words.ts';

/** The longest instrument noun (in words) starting at token `i`, as [canonical noun, words], if any. */
export function instrumentAt(words: readonly string[], i: number): [string, number] | undefined {
  for (let n = 3; n >= 1; n--) {
    if (i + n > words.length) continue;
    const c = INSTRUMENT_NOUNS.get(words.slice(i, i + n).join(' '));
    if (c) return [c, n];
  }
  return undefined;
}

/** Record in `owners` the instruments this sentence names with their state. */
export function noteInstrumentOwners(tokens: Token[], found: Found[], owners: Map<string, string>): void {
  if (found.length === 0) return;
  const norms = tokens.map((t) => t.norm);
  for (const f of found) {
    const c = f.m.country;
    if (!c || !STATE_KINDS.has(f.m.kind) || f.m.locative || f.m.attribution) continue;
    // "a Malian drone", "Turkey's warships", "Chinese coast guard ships" (an institution named before the noun).
    if (f.m.kind !== 'demonym' && f.m.kind !== 'institution' && !f.possessive) continue;
    let k = f.last + 1;
    if (tokens[k]?.raw === "'s" || tokens[k]?.raw === '’s') k++;
    // One lower-case modifier may come between ("a Malian military drone").
    for (let step = 0; step < 2 && k < tokens.length; step++, k++) {
      const hit = instrumentAt(norms, k);
      if (hit) {
        owners.set(hit[0], c);
        // "coast guard ships" ... "the ships": the head noun alone names them too.
        const head = hit[1] > 1 ? instrumentAt(norms.slice(k + hit[1] - 1, k + hit[1]), 0) : undefined;
        if (head) owners.set(head[0], c);
        break;
      }
      const t = tokens[k]!;
      if (!isWord(t) || t.raw[0] !== t.raw[0]!.toLowerCase()) break;
    }
  }
}
