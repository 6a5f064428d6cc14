/**
 * From a sentence's mentions to an event's parties: which states, organisations and people
 * take part in one candidate event, and where it happened.
 */
import type { Actor, ActorResolution, EventCandidate, EventType } from '../types.ts';
import type { Found } from './analyze.ts';
import { impliedCounterpart, NEEDS_COUNTERPART, type CounterpartContext } from './counterpart.ts';

/** Event types that need two sides (actor and counterpart); their scope widens to the sentence when the clause has one. */
const TWO_SIDED = new Set<EventType>(['meeting', 'visit', 'threat', 'accusation', 'sanction', 'agreement']);

/** Types whose travel destination is a party (the host of a visit or of a meeting one travels to). */
const HOSTED = new Set<EventType>(['visit', 'meeting']);
/** Types whose parties are the speaker and the state spoken about, not the victims of the act spoken about. */
const VERBAL = new Set<EventType>(['statement', 'accusation']);
/** Two-sided acts whose place may stand for the missing side. */
const FALLBACK_PLACE = new Set<EventType>(['sanction', 'threat', 'accusation', 'military']);
/** Types whose topics ("to discuss Ukraine") are not parties. */
const TOPIC_FREE = new Set<EventType>(['visit', 'meeting']);

/**
 * Does this mention make its state a party of an event of this type? `dest` is the one destination
 * that counts for this candidate (the one nearest its trigger).
 */
export function isStateParty(f: Found, type: EventType, dest?: Found): boolean {
  const m = f.m;
  const country = m.country ?? f.actor?.country;
  if (!country) return false;
  if (m.kind === 'media' || m.attribution || m.nonParty) return false;
  if (m.kind === 'role' && !f.actor) return false;
  // "the Ukraine war" is a topic; in a military act or an agreement the named state may well be a side.
  if (f.qualifier && type !== 'military' && type !== 'agreement') return false;
  if (m.topic && TOPIC_FREE.has(type) && m.kind !== 'person') return false;
  if (m.victim && VERBAL.has(type)) return false;
  if (m.locative) return HOSTED.has(type) && m.destination === true && !!dest && (f === dest || (f.listHead ?? f) === (dest.listHead ?? dest));
  return true;
}

/** The destination nearest the trigger: the first after it, else the last before it. */
function destinationFor(fs: Found[], trigger: number): Found | undefined {
  let before: Found | undefined;
  for (const f of fs) {
    if (!f.m.destination || !f.m.country) continue;
    if (f.m.start >= trigger) return f;
    before = f;
  }
  return before;
}

function orgOf(f: Found, type: EventType): string | undefined {
  const m = f.m;
  if (m.attribution || m.locative) return undefined;
  if (m.topic && TOPIC_FREE.has(type) && m.kind !== 'person') return undefined;
  if (f.orgType && f.orgType !== 'international') return undefined;
  return m.organization;
}

function partiesOf(fs: Found[], type: EventType, dest: Found | undefined): string[] {
  const out: string[] = [];
  for (const f of fs) {
    if (!isStateParty(f, type, dest)) continue;
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
export function selectParties(
  found: Found[],
  sentenceStart: number,
  sentenceEnd: number,
  candidate: EventCandidate,
  sentenceText = '',
  ctx?: CounterpartContext,
): ActorResolution {
  const type = candidate.type;
  const clause = clampClause(candidate, sentenceStart, sentenceEnd);
  let scope = found.filter((f) => f.m.start >= clause.start && f.m.end <= clause.end);
  const dest = destinationFor(found, candidate.trigger.start);
  let countries = partiesOf(scope, type, dest);
  const need = TWO_SIDED.has(type) ? 2 : 1;
  // Sides found in the clause: its states and its organisations ("Iran met the IAEA" has two sides).
  // An organisation's own meeting ("SCO talks") is multilateral by itself.
  const orgsIn = new Set(scope.map((f) => orgOf(f, type)).filter(Boolean)).size;
  const sides = countries.length + (orgsIn > 0 && type === 'meeting' ? 2 : orgsIn);
  if (sides < need && scope.length < found.length) {
    const wide = partiesOf(found, type, dest);
    if (wide.length > countries.length) {
      scope = found;
      countries = wide;
    }
  }
  if (type === 'visit' && dest) {
    for (const f of found) if (isStateParty(f, type, dest) && f.m.destination && !countries.includes(f.m.country!)) countries.push(f.m.country!);
  }
  // "declared an Indian staff member in Islamabad persona non grata": for an act with one side named, the capital
  // (or state) where it happens stands for the other side. Not for meetings and visits: a host is not a party.
  if (countries.length === 1 && FALLBACK_PLACE.has(type)) {
    const place = scope.find((f) => f.m.locative && !f.m.destination && f.m.country && (f.m.kind === 'capital' || f.m.kind === 'country') && (f.prep === 'in' || f.prep === 'at') && !f.m.nonParty && f.payload?.kind !== 'city');
    if (place && !countries.includes(place.m.country!)) countries.push(place.m.country!);
  }
  // "Oman, which has long ..., said": the clause starts after its subject; the subject speaks.
  if (VERBAL.has(type) || type === 'threat') {
    const subject = subjectBefore(found, clause.start, sentenceText, sentenceStart);
    if (subject && isStateParty(subject, type, dest)) {
      const c = (subject.m.country ?? subject.actor?.country)!;
      if (!countries.includes(c)) countries.push(c);
      if (!scope.includes(subject)) scope = [subject, ...scope];
    }
  }
  const organizations: string[] = [];
  const actors: Actor[] = [];
  for (const f of scope) {
    const o = orgOf(f, type);
    if (o && !organizations.includes(o)) organizations.push(o);
    if (f.actor && !f.m.attribution && !actors.some((a) => a.name === f.actor!.name)) actors.push({ ...f.actor });
  }
  // "Hours later, Pakistan expelled two diplomats": one side named, the other implied by the story.
  if (ctx && countries.length === 1 && NEEDS_COUNTERPART.has(type) && !ctx.otherSide && organizations.length === 0 && !found.some((f) => f.orgType || f.m.kind === 'organization')) {
    const barred = new Set<string>();
    for (const f of found) {
      const c = f.m.country ?? f.actor?.country;
      // A topic, an outlet, a modifier or an aside is barred; a place is not ("held talks in Beijing" after a
      // sentence about China: the host is the likely other side).
      if (c && !f.m.locative && !isStateParty(f, type, dest)) barred.add(c);
    }
    const other = impliedCounterpart(type, countries[0]!, ctx, barred);
    if (other) {
      countries.push(other);
      // "met his counterpart Amina Rono": the one person without a state is the other side's.
      const stateless = actors.filter((a) => !a.country);
      if (stateless.length === 1 && actors.length === 2) stateless[0]!.country = other;
    }
  }
  const location = placeOf(scope);
  const res: ActorResolution = {
    countries: countries.sort(),
    organizations: organizations.sort(),
    actors,
    mentions: found.map((f) => ({ ...f.m })),
  };
  if (location) res.location = location;
  return res;
}

/** The mention right before the clause, separated from it by a comma only (the antecedent of "which"/"who"). */
function subjectBefore(found: Found[], clauseStart: number, text: string, base: number): Found | undefined {
  let best: Found | undefined;
  for (const f of found) if (f.m.end <= clauseStart && (!best || f.m.end > best.m.end)) best = f;
  if (!best) return undefined;
  const gap = text.slice(best.m.end - base, clauseStart - base);
  const after = text.slice(clauseStart - base, clauseStart - base + 6).toLowerCase();
  return /^\s*,\s*$/.test(gap) && /^(which|who)\b/.test(after) ? best : undefined;
}

function clampClause(c: EventCandidate, s: number, e: number): { start: number; end: number } {
  const start = Math.max(s, Math.min(c.clause.start, e));
  const end = Math.min(e, Math.max(c.clause.end, start));
  return end > start ? { start, end } : { start: s, end: e };
}
