/**
 * Pass `actors.instrument-owner`: "Algerian forces shot down a Malian drone." ... "The drone was downed near the
 * border": a military act that names a craft or force by a definite noun alone refers to the one named earlier
 * with its state, and that state is a party (its owner, as agent or target). Only when no state word modifies the
 * noun here. The owners are remembered per document (../instruments.ts).
 */
import { instrumentAt } from '../instruments.ts';
import { addCountry, type PartyPass } from './state.ts';
import { wordsOf } from './words-of.ts';

const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those']);

export const instrumentOwner: PartyPass = {
  id: 'actors.instrument-owner',
  run(s) {
    if (s.type !== 'military' || !s.instruments || s.instruments.size === 0) return;
    const ws = wordsOf(s.sentenceText, s.sentenceStart);
    const norms = ws.map((w) => w.w);
    for (let i = 0; i < ws.length; i++) {
      if (!DEFINITE.has(norms[i]!)) continue;
      // "the drone", "the downed drone"
      for (let k = i + 1; k <= i + 2 && k < ws.length; k++) {
        const hit = instrumentAt(norms, k);
        if (hit) {
          const owner = s.instruments.get(hit[0]);
          const from = ws[i]!.start;
          const to = ws[k + hit[1] - 1]!.end;
          if (owner && !s.found.some((f) => f.m.start >= from && f.m.end <= to && f.m.country)) {
            addCountry(s, owner, this.id, `'${s.sentenceText.slice(from - s.sentenceStart, to - s.sentenceStart)}' was named earlier as ${owner}'s`);
          }
          break;
        }
        if (!/^[a-z][a-z-]*$/.test(ws[k]!.raw)) break;
      }
    }
  },
};
