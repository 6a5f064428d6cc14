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
import type { ExtractedEvent } from '../types.ts';
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
/** Characters before and after the trigger where the words that make the acts separate are looked for. */
const SEPARATE_BEFORE = 40;
const SEPARATE_AFTER = 60;

/** The report as one event per acting state, or as it is (a one-element list). */
export function distribute<T extends Base>(ev: T, sentence: string): T[] {
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
 * Rule ids: events.context.separateActs, events.context.separateActs.calls (split by the call word
 * alone), events.context.separateActs.callGroup.
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
  if (!SEPARATE.test(near)) {
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
