/**
 * Acts each state does on its own. "Jordan, Qatar and Kuwait condemned the strikes" reports three
 * condemnations, one by each state (CONTRACT.md: two states' condemnations on one day are two
 * events), while "Japan and South Korea held talks" is one meeting. When the actors stage finds
 * several acting states (agents) of a type listed in event-rules.json `context.distributiveTypes`
 * and at least one state they act against, the report becomes one event per acting state, each
 * against the same targets. A joint act ("in a joint statement", "jointly condemned") and an
 * organisation acting through its members (the G7) stay one event.
 * Rule id: events.context.distributive.
 */
import rules from '../../data/event-rules.json' with { type: 'json' };
import type { ExtractedEvent } from '../types.ts';

const DISTRIBUTIVE: ReadonlySet<string> = new Set(rules.context.distributiveTypes);
const JOINT = new RegExp(rules.context.jointAct, 'iu');
export const DISTRIBUTIVE_RULE = 'events.context.distributive';

type Base = Omit<ExtractedEvent, 'title'>;

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
