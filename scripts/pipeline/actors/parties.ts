/**
 * From a sentence's mentions to an event's parties: which states, organisations and people
 * take part in one candidate event, and where it happened.
 */
import type { Actor, ActorMention, ActorResolution, EventCandidate, EventType } from '../types.ts';
import type { Found } from './analyze.ts';

/** Event types that need two sides (actor and counterpart); their scope widens to the sentence when the clause has one. */
const TWO_SIDED = new Set<EventType>(['meeting', 'visit', 'threat', 'accusation', 'sanction', 'agreement']);

/** Does this mention make its state a party of an event of this type? */
export function isStateParty(f: Found, type: EventType): boolean {
  const m = f.m;
  const country = m.country ?? f.actor?.country;
  if (!country) return false;
  if (m.kind === 'media' || m.attribution || m.nonParty) return false;
  if (m.kind === 'role' && !f.actor) return false;
  if (m.locative) return type === 'visit' && m.destination === true;
  return true;
}

function orgOf(f: Found): string | undefined {
  const m = f.m;
  if (m.attribution || m.locative) return undefined;
  if (f.orgType && f.orgType !== 'international') return undefined;
  return m.organization;
}

function inside(m: ActorMention, start: number, end: number): boolean {
  return m.start >= start && m.end <= end;
}

/** Choose parties for one candidate from the sentence's mentions. */
export function selectParties(found: Found[], sentenceStart: number, sentenceEnd: number, candidate: EventCandidate): ActorResolution {
  const type = candidate.type;
  const clause = clampClause(candidate, sentenceStart, sentenceEnd);
  const countriesIn = (fs: Found[]): string[] => [...new Set(fs.filter((f) => isStateParty(f, type)).map((f) => (f.m.country ?? f.actor?.country)!))];
  let scope = found.filter((f) => inside(f.m, clause.start, clause.end));
  let countries = countriesIn(scope);
  const need = TWO_SIDED.has(type) ? 2 : 1;
  if (countries.length < need) {
    const wide = countriesIn(found);
    if (wide.length > countries.length) {
      scope = found;
      countries = wide;
    }
  }
  if (type === 'visit' && !scope.some((f) => f.m.destination)) {
    const dest = found.filter((f) => f.m.destination && f.m.country);
    for (const d of dest) if (!countries.includes(d.m.country!)) countries.push(d.m.country!);
  }
  const organizations = [...new Set(scope.map(orgOf).filter((x): x is string => !!x))];
  const actors: Actor[] = [];
  const names = new Set<string>();
  for (const f of scope) {
    if (!f.actor || f.m.attribution) continue;
    if (names.has(f.actor.name)) continue;
    names.add(f.actor.name);
    actors.push({ ...f.actor });
  }
  const placeFrom = (fs: Found[]): string | undefined => fs.find((f) => f.m.locative && f.place)?.place;
  const location = placeFrom(scope) ?? placeFrom(found);
  const res: ActorResolution = {
    countries: countries.sort(),
    organizations: organizations.sort(),
    actors,
    mentions: found.map((f) => ({ ...f.m })),
  };
  if (location) res.location = location;
  return res;
}

function clampClause(c: EventCandidate, s: number, e: number): { start: number; end: number } {
  const start = Math.max(s, Math.min(c.clause.start, e));
  const end = Math.min(e, Math.max(c.clause.end, start));
  return end > start ? { start, end } : { start: s, end: e };
}
