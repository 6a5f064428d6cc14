/**
 * Pass `actors.agents`: which of the parties do the act (the subject side). The parties named before
 * the trigger in its clause (after a reporting verb's subject, the speaker), or after a passive "by";
 * else the first party named after the trigger ("..., said Iran"). Kept on the resolution for titles
 * and for later acts that refer back ("condemned the attack").
 */
import { isStateParty } from './party-test.ts';
import { note, stateOf, type PartyPass } from './state.ts';

const PASSIVE_BY = /^\s*by\s/iu;

export const agentsPass: PartyPass = {
  id: 'actors.agents',
  run(s) {
    if (s.agents.length > 0) return;
    const t = s.candidate.trigger;
    const parties = s.found.filter((f) => {
      const c = stateOf(f);
      return !!c && s.countries.includes(c) && (isStateParty(f, s.type, s.dest) || f.m.victim === true);
    });
    const after = s.sentenceText.slice(t.end - s.sentenceStart, t.end - s.sentenceStart + 6);
    let picked: string[] = [];
    if (PASSIVE_BY.test(after)) {
      const by = parties.find((f) => f.m.start >= t.end);
      if (by) picked = [stateOf(by)!];
    }
    if (picked.length === 0) {
      const before = parties.filter((f) => f.m.end <= t.start && !f.m.victim);
      // The last run of subjects before the trigger: "Mali, Burkina Faso and Niger said" (all of them),
      // "China told Russia's top diplomat" (China).
      for (const f of before) if (!picked.includes(stateOf(f)!)) picked.push(stateOf(f)!);
      if (picked.length > 1) {
        // Keep those named before the first verb-like break (a possessive object after the verb is no subject).
        const firstEnd = before[0]!.m.end;
        const gap = (from: number, to: number) => s.sentenceText.slice(from - s.sentenceStart, to - s.sentenceStart);
        const subjects = [stateOf(before[0]!)!];
        let end = firstEnd;
        for (const f of before.slice(1)) {
          if (!/^\s*(?:,|and|,\s*and|&)?\s*(?:the\s+)?$/iu.test(gap(end, f.m.start))) break;
          if (!subjects.includes(stateOf(f)!)) subjects.push(stateOf(f)!);
          end = f.m.end;
        }
        picked = subjects;
      }
    }
    if (picked.length === 0) {
      const first = parties.find((f) => f.m.start >= t.end && !f.m.victim);
      if (first) picked = [stateOf(first)!];
    }
    s.agents = picked;
    if (picked.length) note(s, this.id, `agents=${picked.join(',')}`);
  },
};
