/**
 * From a sentence's mentions to an event's parties: which states, organisations and people
 * take part in one candidate event, and where it happened.
 */
import type { Actor, ActorResolution, EventCandidate, EventType } from '../types.ts';
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

function partiesOf(fs: Found[], type: EventType): string[] {
  const out: string[] = [];
  for (const f of fs) {
    if (!isStateParty(f, type)) continue;
    const c = (f.m.country ?? f.actor?.country)!;
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

function placeOf(fs: Found[]): string | undefined {
  for (const f of fs) if (f.m.locative && f.place) return f.place;
  return undefined;
}

/** Choose parties for one candidate from the sentence's mentions. */
export function selectParties(found: Found[], sentenceStart: number, sentenceEnd: number, candidate: EventCandidate): ActorResolution {
  const type = candidate.type;
  const clause = clampClause(candidate, sentenceStart, sentenceEnd);
  let scope = found.filter((f) => f.m.start >= clause.start && f.m.end <= clause.end);
  let countries = partiesOf(scope, type);
  const need = TWO_SIDED.has(type) ? 2 : 1;
  if (countries.length < need && scope.length < found.length) {
    const wide = partiesOf(found, type);
    if (wide.length > countries.length) {
      scope = found;
      countries = wide;
    }
  }
  if (type === 'visit' && !scope.some((f) => f.m.destination)) {
    for (const d of found) if (d.m.destination && d.m.country && !countries.includes(d.m.country)) countries.push(d.m.country);
  }
  const organizations: string[] = [];
  const actors: Actor[] = [];
  for (const f of scope) {
    const o = orgOf(f);
    if (o && !organizations.includes(o)) organizations.push(o);
    if (f.actor && !f.m.attribution && !actors.some((a) => a.name === f.actor!.name)) actors.push({ ...f.actor });
  }
  const location = placeOf(scope) ?? placeOf(found);
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
