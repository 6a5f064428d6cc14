/**
 * Pass `actors.scope.clause`: the parties are the states named in the candidate's own clause, each
 * mention judged by `exclusion` (places, outlets, topics, victims and asides are named but left out).
 */
import type { Found } from '../analyze.ts';
import { exclusion } from './party-test.ts';
import { addCountry, note, stateOf, type PartyPass, type PartyState } from './state.ts';

const KIND_RULE: Record<string, string> = {
  country: 'actors.mention.country',
  demonym: 'actors.mention.demonym',
  capital: 'actors.mention.capital',
  metonym: 'actors.mention.metonym',
  institution: 'actors.mention.institution',
  person: 'actors.mention.person',
  role: 'actors.mention.role',
  organization: 'actors.mention.organization',
};

/** Add the parties among `fs` to the state, noting each state added and each state named but left out. */
export function takeParties(s: PartyState, fs: Found[], via: string): void {
  for (const f of fs) {
    const c = stateOf(f);
    if (!c) continue;
    const ex = exclusion(f, s.type, s.dest);
    if (ex) {
      if (!s.countries.includes(c) && !s.trace.some((t) => t.action === `~${c}` && t.rule === ex.rule)) note(s, ex.rule, `~${c}`, `not a party: ${ex.why}`);
      continue;
    }
    addCountry(s, c, f.rule ?? KIND_RULE[f.m.kind] ?? 'actors.mention', `${via} ${f.m.kind} '${f.m.text}'`);
  }
}

/** The destination nearest the trigger: the first after it, else the last before it. */
export function destinationFor(fs: Found[], trigger: number): Found | undefined {
  let before: Found | undefined;
  for (const f of fs) {
    if (!f.m.destination || !f.m.country) continue;
    if (f.m.start >= trigger) return f;
    before = f;
  }
  return before;
}

export const clauseScope: PartyPass = {
  id: 'actors.scope.clause',
  run(s) {
    s.dest = destinationFor(s.found, s.candidate.trigger.start);
    s.scope = s.found.filter((f) => f.m.start >= s.clause.start && f.m.end <= s.clause.end);
    takeParties(s, s.scope, 'clause names');
  },
};
