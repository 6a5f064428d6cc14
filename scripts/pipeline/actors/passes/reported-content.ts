/**
 * Pass `actors.meeting.reported-content`: "Araghchi told Guterres over the phone that Tehran would respond
 * to any attack by Israel": in a meeting or a call, the states named in what was said are what the talks
 * were about, not who took part. The content is the clause after "that" following a verb of saying, when
 * the meeting's trigger comes before it.
 */
import type { EventType } from '../../types.ts';
import { isStateParty } from './party-test.ts';
import { dropCountry, stateOf, type PartyPass } from './state.ts';
import { wordsOf } from './words-of.ts';

const TYPES = new Set<EventType>(['meeting', 'visit']);
/** How many words before "that" the verb of saying may stand ("told his counterpart over the phone that"). */
const REACH = 14;

export const reportedContent: PartyPass = {
  id: 'actors.meeting.reported-content',
  run(s) {
    if (!TYPES.has(s.type) || s.countries.length < 2) return;
    const t = s.candidate.trigger;
    const ws = wordsOf(s.sentenceText, s.sentenceStart);
    let from = -1;
    for (let i = 1; i < ws.length && from < 0; i++) {
      if (ws[i]!.w !== 'that' || ws[i]!.start < t.end) continue;
      for (let j = i - 1; j >= Math.max(0, i - REACH); j--) {
        if (ws[j]!.w === ',' || ws[j]!.w === ';') break;
        if (s.words.speechVerbs.has(ws[j]!.w)) {
          from = ws[i]!.start;
          break;
        }
      }
    }
    if (from < 0) return;
    for (const c of [...s.countries]) {
      if (s.countries.length < 2) return;
      const ms = s.found.filter((f) => stateOf(f) === c && isStateParty(f, s.type, s.dest));
      if (ms.length === 0 || !ms.every((f) => f.m.start >= from)) continue;
      dropCountry(s, c, this.id, `named only in what was said ('${ms[0]!.m.text}')`);
    }
  },
};
