/**
 * Pass `actors.subject.relative`: "Oman, which has long mediated, said ...": the clause starts after
 * its subject, which speaks. For statements, accusations and threats only.
 */
import type { Found } from '../analyze.ts';
import { isStateParty, VERBAL } from './party-test.ts';
import { addCountry, stateOf, type PartyPass } from './state.ts';
import { actorPattern } from '../words.ts';

/** "which"/"who" opening the clause (actors.subject.relative.pronoun). */
const RELATIVE_PRONOUN = actorPattern('relativePronoun').re;

/** The mention right before the clause, separated from it by a comma only (the antecedent of "which"/"who"). */
function subjectBefore(found: Found[], clauseStart: number, text: string, base: number): Found | undefined {
  let best: Found | undefined;
  for (const f of found) if (f.m.end <= clauseStart && (!best || f.m.end > best.m.end)) best = f;
  if (!best) return undefined;
  const gap = text.slice(best.m.end - base, clauseStart - base);
  const after = text.slice(clauseStart - base, clauseStart - base + 6).toLowerCase();
  return /^\s*,\s*$/.test(gap) && RELATIVE_PRONOUN.test(after) ? best : undefined;
}

export const relativeSubject: PartyPass = {
  id: 'actors.subject.relative',
  run(s) {
    if (!VERBAL.has(s.type) && s.type !== 'threat') return;
    const subject = subjectBefore(s.found, s.clause.start, s.sentenceText, s.sentenceStart);
    if (!subject || !isStateParty(subject, s.type, s.dest)) return;
    addCountry(s, stateOf(subject)!, this.id, `subject '${subject.m.text}' before a relative clause`);
    if (!s.scope.includes(subject)) s.scope = [subject, ...s.scope];
  },
};
