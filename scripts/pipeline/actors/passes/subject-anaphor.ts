/**
 * Pass `actors.subject-anaphor`: "The statement accused France of ...", "It also expelled two
 * diplomats": a clause whose subject refers back (actor-context.json "subjectAnaphors") and that names
 * no party before its verb has the subject of the document's latest act as its agent.
 */
import type { EventType } from '../../types.ts';
import { SUBJECT_ANAPHORS } from '../words.ts';

const SYMMETRIC = new Set<EventType>(['meeting', 'visit', 'agreement']);
import { addCountry, note, stateOf, type PartyPass } from './state.ts';

export const subjectAnaphor: PartyPass = {
  id: 'actors.subject-anaphor',
  run(s) {
    const t = s.candidate.trigger;
    if (s.past.length === 0) return;
    // The clause's (or, for a clause cut at the verb, the sentence's) opening words before the trigger.
    const from = s.clause.start < t.start ? s.clause.start : s.sentenceStart;
    const head = s.sentenceText.slice(from - s.sentenceStart, t.start - s.sentenceStart);
    const lower = head.replace(/^[\s"“'‘]+/u, '').toLowerCase();
    const hit = SUBJECT_ANAPHORS.find((a) => lower.startsWith(a) && !/[\p{L}\p{N}]/u.test(lower.charAt(a.length)));
    if (!hit) return;
    // A party named before the verb is the subject itself ("It said Iran ..." is not this case: Iran is after).
    if (s.found.some((f) => stateOf(f) && f.m.start >= from && f.m.end <= t.start && !f.m.locative)) return;
    // The anaphor must be the subject of this verb: "It added that the ministers met" is not ("that" opens
    // another clause, whose subject is "the ministers").
    const between = lower.slice(hit.length);
    if (/\bthat\b/u.test(between) || between.split(/[^\p{L}]+/u).some((w) => s.words.speechVerbs.has(w))) return;
    const prev = s.past[s.past.length - 1]!;
    // "They signed a declaration" after a meeting: both sides of it; otherwise the earlier act's subject.
    const both = (hit === 'they' || SYMMETRIC.has(s.type)) && SYMMETRIC.has(prev.type);
    const take = both ? prev.countries : prev.agents;
    for (const a of take) addCountry(s, a, this.id, `'${hit}' refers back to the ${prev.type} '${prev.trigger}'`);
    s.agents = take.filter((a) => s.countries.includes(a));
    note(s, this.id, `agents=${s.agents.join(',')}`);
  },
};
