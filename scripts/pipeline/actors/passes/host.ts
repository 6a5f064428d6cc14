/**
 * Pass `actors.host.between`: "Saudi Arabia hosted talks between US and Russian officials", "Turkey hosted a
 * meeting of Russian and Ukrainian negotiators", "talks between Serbia and Montenegro, hosted by Austria": the
 * state that hosts a meeting between others lends the venue and is no party of the meeting. Only when at least two
 * other states are named after 'between' or 'of' (within six words of the verb of hosting), and the host is named
 * only before that verb (its subject) or right after 'hosted by' up to the next comma. A host that meets its
 * guests ("hosted the Kenyan president", "I hosted A and B for talks") names no 'between' and stays.
 * Words: actor-context.json hostVerbs and hostedBetweenWords.
 */
import { HOST_VERBS, HOSTED_BETWEEN_WORDS } from '../words.ts';
import { dropCountry, stateOf, type PartyPass } from './state.ts';
import { wordsOf } from './words-of.ts';

export const hostBetween: PartyPass = {
  id: 'actors.host.between',
  run(s) {
    if (s.type !== 'meeting' || s.countries.length < 3) return;
    const ws = wordsOf(s.sentenceText, s.sentenceStart);
    for (let i = 0; i < ws.length; i++) {
      if (!HOST_VERBS.has(ws[i]!.w)) continue;
      const byHost = ws[i + 1]?.w === 'by';
      // 'between'/'of' after the verb (hosted talks between ...) or before it (talks between A and B, hosted by C).
      let link = -1;
      if (!byHost) {
        for (let k = i + 1; k < ws.length && k <= i + 6; k++) if (HOSTED_BETWEEN_WORDS.has(ws[k]!.w)) { link = k; break; }
      } else {
        for (let k = i - 1; k >= 0 && k >= i - 12; k--) if (ws[k]!.w === 'between') { link = k; break; }
      }
      if (link < 0) continue;
      let hostFrom: number, hostTo: number, guestFrom: number, guestTo: number;
      if (!byHost) {
        hostFrom = s.sentenceStart;
        hostTo = ws[i]!.start;
        guestFrom = ws[link]!.end;
        guestTo = s.sentenceEnd;
      } else {
        hostFrom = ws[i + 1]!.end;
        const comma = ws.findIndex((w, k) => k > i + 1 && (w.w === ',' || w.w === ';'));
        hostTo = comma >= 0 ? ws[comma]!.start : s.sentenceEnd;
        guestFrom = ws[link]!.end;
        guestTo = ws[i]!.start;
      }
      const statesIn = (from: number, to: number) =>
        new Set(s.found.filter((f) => f.m.start >= from && f.m.end <= to).map(stateOf).filter((c): c is string => c !== undefined && s.countries.includes(c)));
      const guests = statesIn(guestFrom, guestTo);
      const hosts = [...statesIn(hostFrom, hostTo)].filter((c) => !guests.has(c));
      if (guests.size < 2 || hosts.length === 0) continue;
      // The host must be named nowhere else in the sentence but as the venue (a host that also talks stays).
      const elsewhere = (c: string) => s.found.some((f) => stateOf(f) === c && f.place === undefined && !(f.m.start >= hostFrom && f.m.end <= hostTo));
      for (const c of hosts) {
        if (elsewhere(c)) continue;
        dropCountry(s, c, this.id, `hosts a meeting between others ('${ws[i]!.raw} ... ${ws[link]!.raw}')`);
      }
      return;
    }
  },
};
