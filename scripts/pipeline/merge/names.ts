/**
 * Comparing the people named by two reports of an event: "Lavrov", "Sergei Lavrov" and
 * "Sergey Lavrov" are one person; "Wang Yi" and "Wang Wenbin" are two.
 */
import type { Actor, ExtractedEvent } from '../types.ts';
import rules from '../../data/merge-rules.json' with { type: 'json' };

const INSTITUTION = new RegExp(`\\b(?:${rules.institutionWords.join('|')})\\b`, 'i');

/** Lower-case words of a name, diacritics dropped ("Sergéi Lavrov" -> ["sergei", "lavrov"]). */
const tokenCache = new Map<string, string[]>();

export function nameTokens(name: string): string[] {
  let t = tokenCache.get(name);
  if (t === undefined) {
    t = tokenize(name);
    if (tokenCache.size > 100_000) tokenCache.clear();
    tokenCache.set(name, t);
  }
  return t;
}

function tokenize(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The last word of a name (the family name in most Western orderings), or the name itself. */
export function surname(name: string): string {
  const t = nameTokens(name);
  return t[t.length - 1] ?? name;
}

/** True for an actor that is a person, not a ministry, government or agency. */
export function isPerson(actor: Actor): boolean {
  let yes = personCache.get(actor.name);
  if (yes === undefined) {
    const tokens = nameTokens(actor.name);
    yes = tokens.length > 0 && tokens.length <= 5 && !INSTITUTION.test(actor.name);
    if (personCache.size > 50_000) personCache.clear();
    personCache.set(actor.name, yes);
  }
  return yes;
}
/** isPerson by name (it reads the name only). */
const personCache = new Map<string, boolean>();

/** Two names are one person when one's words contain the other's, or their last words agree. */
export function sameName(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return false;
  const sa = new Set(ta);
  const sb = new Set(tb);
  if (ta.every((t) => sb.has(t)) || tb.every((t) => sa.has(t))) return true;
  return ta[ta.length - 1] === tb[tb.length - 1] && ta.length > 1 && tb.length > 1;
}

/**
 * True when two reports name different people for the same state, e.g. Xi (CHN) in one and
 * Wang Yi (CHN) in the other: then they are two events (a leader, then his foreign minister).
 * People whose state is unknown are compared with each other as one more group.
 */
export function peopleConflict(a: Actor[], b: Actor[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const ga = peopleByCountry(a);
  const gb = peopleByCountry(b);
  for (const [country, namesA] of ga) {
    const namesB = gb.get(country);
    if (!namesB) continue;
    if (!namesA.some((na) => namesB.some((nb) => sameName(na, nb)))) return true;
  }
  return false;
}

export const COUNTERPART_PERSON_RULE = rules.counterpartPerson.id;

/**
 * merge.counterpart-person: `peopleConflict` with the people of unknown state placed. A report
 * "Jaishankar (IND) met President Dissanayake (state unknown)" names India and Sri Lanka; the one
 * state no person of the report holds (Sri Lanka) is the unknown person's, so a report of the
 * visitor's talks with Herath (LKA) is another meeting. Only for a single unknown person and
 * exactly one such state; otherwise the unknown people stay unplaced (as in `peopleConflict`).
 */
export function counterpartConflict(a: ExtractedEvent, b: ExtractedEvent): boolean {
  if (a.actors.length === 0 || b.actors.length === 0) return false;
  const ga = placedPeople(a);
  const gb = placedPeople(b);
  if (ga === undefined && gb === undefined) return false;
  return conflictIn(ga ?? peopleByCountry(a.actors), gb ?? peopleByCountry(b.actors));
}

const placedCache = new WeakMap<ExtractedEvent, Map<string, string[]> | null>();

/** People by state with the unknown ones placed on the report's one state without a person; undefined when none was placed. */
function placedPeople(ev: ExtractedEvent): Map<string, string[]> | undefined {
  let m = placedCache.get(ev);
  if (m === undefined) {
    m = computePlaced(ev);
    placedCache.set(ev, m);
  }
  return m ?? undefined;
}

function computePlaced(ev: ExtractedEvent): Map<string, string[]> | null {
  const byState = peopleByCountry(ev.actors);
  const unknown = byState.get('?');
  // One unknown person only: two or more may be anyone's ("visited the Senate President X and the Court President Y").
  if (!unknown || unknown.length !== 1) return null;
  const open = [...new Set(ev.countries)].filter((c) => !byState.has(c));
  if (open.length !== 1) return null;
  const out = new Map(byState);
  out.delete('?');
  out.set(open[0]!, [...unknown]);
  return out;
}

function conflictIn(ga: Map<string, string[]>, gb: Map<string, string[]>): boolean {
  for (const [country, namesA] of ga) {
    if (country === '?') continue;
    const namesB = gb.get(country);
    if (!namesB) continue;
    if (!namesA.some((na) => namesB.some((nb) => sameName(na, nb)))) return true;
  }
  return false;
}

const groupCache = new WeakMap<Actor[], Map<string, string[]>>();

/** Names of the people in a list, by state ('?' when unknown); cached per list. */
function peopleByCountry(xs: Actor[]): Map<string, string[]> {
  let m = groupCache.get(xs);
  if (m) return m;
  m = new Map<string, string[]>();
  for (const x of xs) {
    if (!isPerson(x)) continue;
    const k = x.country ?? '?';
    const list = m.get(k);
    if (list) list.push(x.name);
    else m.set(k, [x.name]);
  }
  groupCache.set(xs, m);
  return m;
}

/** How many people of `a` are also named in `b`. */
export function sharedPeople(a: Actor[], b: Actor[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const pb = b.filter(isPerson);
  return a.filter(isPerson).filter((x) => pb.some((y) => sameName(x.name, y.name))).length;
}

/**
 * Union of two actor lists, one entry per person: the fuller name wins ("Sergei Lavrov" over
 * "Lavrov"), a missing country or role is filled from the other report. Order: first seen.
 */
export function mergeActors(lists: Actor[][]): Actor[] {
  const out: Actor[] = [];
  for (const list of lists) {
    for (const actor of list) {
      const i = out.findIndex((o) => o.name === actor.name || (isPerson(o) && isPerson(actor) && sameName(o.name, actor.name) && compatibleCountry(o, actor)));
      if (i < 0) {
        out.push({ ...actor });
        continue;
      }
      const cur = out[i]!;
      const fuller = nameTokens(actor.name).length > nameTokens(cur.name).length ? actor.name : cur.name;
      out[i] = {
        name: fuller,
        ...(cur.country ?? actor.country ? { country: cur.country ?? actor.country } : {}),
        ...(cur.role ?? actor.role ? { role: cur.role ?? actor.role } : {}),
      };
    }
  }
  return out;
}

function compatibleCountry(a: Actor, b: Actor): boolean {
  return !a.country || !b.country || a.country === b.country;
}
