/**
 * Acts each state does on its own. "Jordan, Qatar and Kuwait condemned the strikes" reports three
 * condemnations ("Australia, Japan and Canada voiced support for Manila" three statements), one by each state (CONTRACT.md: two states' condemnations on one day are two
 * events), while "Japan and South Korea held talks" is one meeting. When the actors stage finds
 * several acting states (agents) of a type listed in event-rules.json `context.distributiveTypes`
 * and at least one state they act against, the report becomes one event per acting state, each
 * against the same targets. A joint act ("in a joint statement", "jointly condemned") and an
 * organisation acting through its members (the G7) stay one event.
 * Rule id: events.context.distributive.
 */
import rules from '../../data/event-rules.json' with { type: 'json' };
import type { ActorMention, ExtractedEvent } from '../types.ts';
import type { Told } from './retelling.ts';
import { actorPattern } from '../actors/words.ts';
import { patternRules } from '../pattern-rules.ts';

const DISTRIBUTIVE: ReadonlySet<string> = new Set(rules.context.distributiveTypes);
const JOINT = new RegExp(rules.context.jointAct, 'iu');
export const DISTRIBUTIVE_RULE = 'events.context.distributive';

type Base = Omit<ExtractedEvent, 'title'>;

const SEPARATE_TYPES: ReadonlySet<string> = new Set(rules.context.separateActTypes);
const SEPARATE = new RegExp(rules.context.separateActs, 'iu');
const GROUP = new RegExp(rules.context.groupAct, 'iu');
const LEADERS_OF = new RegExp(rules.context.leadersOf, 'iu');
const LEADERS_GROUP = new RegExp(rules.context.leadersOfGroup, 'iu');
export const SEPARATE_RULE = 'events.context.separateActs';
const patternRule = patternRules('event-rules.json', rules.patterns, rules.macros);
/** "held telephone talks with A, B and C": calls have two sides, so one call per counterpart. */
const CALLS = patternRule('separateCalls');
/** "a conference call", "a videoconference", "a virtual summit": one call of all. */
const CALL_GROUP = patternRule('callGroup');
/** "meeting each of them", "with each leader" after the trigger: one act per counterpart. */
const EACH = patternRule('separateEach');
/** Characters before and after the trigger where the words that make the acts separate are looked for. */
const SEPARATE_BEFORE = 40;
const SEPARATE_AFTER = 60;

/**
 * Bilateral acts (a visit, an envoy's recall, an expulsion) whose subject is a list of states or of
 * persons of different states: "Peru and Ecuador recalled their ambassadors from Caracas" is two
 * recalls, "the presidents of A, B and C arrived in Warsaw" three visits, each with the shared
 * destination or target; "visited Kyiv together", "trilateral" keep one. The acting states are every
 * state named as a party between the clause's start (past a fronted phrase) and the trigger, when
 * they are two or more, joined by "and" or commas, and include the states the actors stage found
 * acting. Types: event-rules.json `context.distributiveBilateralTypes`.
 * Rule id: events.context.distributive.bilateral.
 */
const BILATERAL: ReadonlySet<string> = new Set(rules.context.distributiveBilateralTypes);
export const BILATERAL_RULE = 'events.context.distributive.bilateral';
/** A clause opening with a prepositional phrase up to its first comma: it names no subject. */
const FRONTED = actorPattern('frontedPhrase');
/** What joins the names of a list of subjects; what breaks such a list (a relative clause, a clause break). */
const LIST_JOIN = patternRule('subjectListJoin');
const LIST_BREAK = patternRule('subjectListBreak');
/** "also", "too", "followed suit": the act told before is done again by the listed states, on its target. */
const AGAIN = patternRule('sharedTargetAgain');

/** Where the subject of the act is read: the state mentions of its clause and the offsets they count from. */
export interface SubjectView {
  mentions: readonly ActorMention[];
  /** Absolute offsets of the clause and of the sentence. */
  clauseStart: number;
  sentenceStart: number;
  /** The targets of the act of this type told just before, if any (an act done "also" by others). */
  earlierTargets?: (type: string) => readonly string[] | undefined;
}

/** The states of a coordinated list of subjects before the trigger ("Peru and Ecuador", "the presidents of A, B and C"), or undefined. */
function subjectList(ev: Base, sentence: string, view: SubjectView): string[] | undefined {
  const trigger = view.sentenceStart + ev.source.trigger.start;
  let from = Math.max(view.clauseStart, view.sentenceStart);
  const fronted = FRONTED.re.exec(sentence.slice(from - view.sentenceStart, ev.source.trigger.start));
  if (fronted) from += fronted[0].length;
  const named = view.mentions
    .filter((m) => m.country && m.start >= from && m.end <= trigger && ev.countries.includes(m.country))
    .filter((m) => !m.locative && !m.destination && !m.attribution && !m.topic && !m.victim && !m.nonParty)
    .sort((a, b) => a.start - b.start);
  const states = [...new Set(named.map((m) => m.country!))];
  if (states.length < 2 || !(ev.agents ?? []).every((a) => states.includes(a))) return undefined;
  const span = sentence.slice(named[0]!.start - view.sentenceStart, named[named.length - 1]!.end - view.sentenceStart);
  if (!LIST_JOIN.re.test(span) || LIST_BREAK.re.test(span)) return undefined;
  return states;
}

/** How many sentences back the act an "also" repeats may be told (news often tells the first act in the lead and the others after its background). */
const AGAIN_WINDOW = 10;

/** The targets of the last act of `type` with acting states told within AGAIN_WINDOW sentences before sentence `at`. */
export function earlierTargets(type: string, at: number, told: readonly Told[]): string[] | undefined {
  for (let i = told.length - 1; i >= 0; i--) {
    const t = told[i]!;
    if (at - t.sentence > AGAIN_WINDOW) return undefined;
    if (t.event.type !== type || t.sentence >= at) continue;
    const agents = t.event.agents ?? [];
    if (agents.length === 0) continue;
    const targets = t.event.countries.filter((c) => !agents.includes(c));
    if (targets.length > 0) return targets;
  }
  return undefined;
}

/** The report as one event per acting state of a bilateral act with a listed subject, or as it is. */
function distributeBilateral<T extends Base>(ev: T, sentence: string, view: SubjectView | undefined): T[] {
  if (!view || (ev.agents ?? []).length === 0) return [ev];
  if (JOINT.test(sentence) || GROUP.test(sentence)) return [ev];
  const agents = subjectList(ev, sentence, view);
  if (!agents) return [ev];
  let targets = ev.countries.filter((c) => !agents.includes(c));
  let again = false;
  if (targets.length === 0 && AGAIN.re.test(sentence.slice(0, ev.source.trigger.start))) {
    targets = (view.earlierTargets?.(ev.type) ?? []).filter((c) => !agents.includes(c));
    again = true;
  }
  if (targets.length === 0) return [ev];
  // A listed state named by no person of its own: the host's or target's person is no side to name it by.
  const hasPerson = (c: string) => ev.actors.some((a) => a.country === c);
  return agents.map((agent) => ({
    ...ev,
    countries: [agent, ...targets].sort(),
    agents: [agent],
    actors: ev.actors.filter((a) => !a.country || a.country === agent || (hasPerson(agent) && targets.includes(a.country))),
    ...(ev.trace
      ? {
          trace: [
            ...ev.trace,
            ...(again ? [{ stage: 'events' as const, rule: AGAIN.id, action: `+${targets.join(',')}`, detail: `the target of the ${ev.type} told before` }] : []),
            { stage: 'events' as const, rule: BILATERAL_RULE, action: `one act of ${agent} of ${agents.length} listed`, detail: `with ${targets.join(',')}` },
          ],
        }
      : {}),
  }));
}

/** The report as one event per acting state, or as it is (a one-element list). */
export function distribute<T extends Base>(ev: T, sentence: string, view?: SubjectView): T[] {
  if (BILATERAL.has(ev.type)) return distributeBilateral(ev, sentence, view);
  const agents = ev.agents ?? [];
  if (!DISTRIBUTIVE.has(ev.type) || agents.length < 2 || ev.organizations.length > 0) return [ev];
  const targets = ev.countries.filter((c) => !agents.includes(c));
  if (targets.length === 0 || JOINT.test(sentence)) return [ev];
  return agents.map((agent) => ({
    ...ev,
    countries: [agent, ...targets].sort(),
    agents: [agent],
    actors: ev.actors.filter((a) => !a.country || a.country === agent || targets.includes(a.country)),
    ...(ev.trace
      ? { trace: [...ev.trace, { stage: 'events' as const, rule: DISTRIBUTIVE_RULE, action: `one act of ${agent} of ${agents.length}`, detail: `against ${targets.join(',')}` }] }
      : {}),
  }));
}

/**
 * Acts one state holds with each counterpart on its own. "Egypt's minister held separate calls with
 * his Saudi, Emirati and Turkish counterparts" reports three calls, "met the leaders of Chile and
 * Peru" two meetings and "held telephone talks with his counterparts from A, B and C" three calls (a
 * call has two sides), while "held trilateral talks with Japan and Korea" is one. When the actors
 * stage finds one acting state of a type listed in event-rules.json `context.separateActTypes` and
 * several counterparts, and `context.separateActs` is near the trigger, or (with no
 * `patterns.callGroup` word in the sentence: a conference call, a videoconference) `context.leadersOf`
 * with no `leadersOfGroup` word in the sentence (a summit, a host) or a call word
 * (`patterns.separateCalls`) near the trigger, and there is no `jointAct` or `groupAct` in the
 * sentence, the report becomes one event per counterpart. In-person talks with no such word stay one.
 * A `patterns.separateEach` phrase after the trigger ("meeting each of them") splits as `separateActs` does.
 * Rule ids: events.context.separateActs, events.context.separateActs.calls (split by the call word
 * alone), events.context.separateActs.callGroup, events.context.separateActs.each.
 */
export function separate<T extends Base>(ev: T, sentence: string): T[] {
  const agents = ev.agents ?? [];
  if (!SEPARATE_TYPES.has(ev.type) || agents.length !== 1 || ev.organizations.length > 0) return [ev];
  const agent = agents[0]!;
  const counterparts = ev.countries.filter((c) => c !== agent);
  if (counterparts.length < 2 || !ev.countries.includes(agent)) return [ev];
  const t = ev.source.trigger;
  const near = sentence.slice(Math.max(0, t.start - SEPARATE_BEFORE), Math.min(sentence.length, t.end + SEPARATE_AFTER));
  if (JOINT.test(sentence) || GROUP.test(sentence)) return [ev];
  let calls = false;
  const each = EACH.re.test(sentence.slice(t.end));
  if (!SEPARATE.test(near) && !each) {
    // "a conference call with the leaders of A and B": one call of all, whatever else is said.
    if (CALL_GROUP.re.test(sentence)) return [ev];
    const leaders = LEADERS_OF.test(near) && !LEADERS_GROUP.test(sentence);
    calls = !leaders && CALLS.re.test(near);
    if (!leaders && !calls) return [ev];
  }
  return counterparts.map((other) => ({
    ...ev,
    countries: [agent, other].sort(),
    actors: ev.actors.filter((a) => !a.country || a.country === agent || a.country === other),
    ...(ev.trace
      ? {
          trace: [
            ...ev.trace,
            { stage: 'events' as const, rule: SEPARATE_RULE, action: `one act with ${other} of ${counterparts.length}`, detail: `by ${agent}` },
            ...(calls ? [{ stage: 'events' as const, rule: CALLS.id, action: 'a call has two sides: one call per counterpart' }] : []),
            ...(each ? [{ stage: 'events' as const, rule: EACH.id, action: 'held with each counterpart' }] : []),
          ],
        }
      : {}),
  }));
}

/**
 * A strike in several states told as one: "Turkey hit 54 targets in Syria and Iraq" reports a strike on
 * Syria and one on Iraq. When the actors stage found the strike's place to be a list of states
 * (ActorResolution.theatres, rule actors.place.theatres), the report becomes one event per state, each
 * with the acting states.
 * Rule id: events.context.strikeTheatres.
 */
export const THEATRES_SPLIT_RULE = 'events.context.strikeTheatres';
export function byTheatre<T extends Base>(ev: T, theatres: readonly string[] | undefined): T[] {
  if (ev.type !== 'military' || !theatres || theatres.length < 2) return [ev];
  const agents = ev.agents ?? [];
  if (agents.length === 0 || !theatres.every((c) => ev.countries.includes(c) && !agents.includes(c))) return [ev];
  const rest = ev.countries.filter((c) => !theatres.includes(c));
  // The place of each strike is its state: the list's first place is no longer where all of them happened.
  const { location: _place, ...unplaced } = ev;
  return theatres.map((place) => ({
    ...(unplaced as T),
    countries: [...rest, place].sort(),
    actors: ev.actors.filter((a) => !a.country || !theatres.includes(a.country) || a.country === place),
    ...(ev.trace
      ? { trace: [...ev.trace, { stage: 'events' as const, rule: THEATRES_SPLIT_RULE, action: `one strike in ${place} of ${theatres.length}`, detail: `by ${agents.join(',')}` }] }
      : {}),
  }));
}
