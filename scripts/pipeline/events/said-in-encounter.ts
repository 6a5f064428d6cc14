/**
 * What was said at a meeting belongs to that meeting (CONTRACT.md, "statement"). Within one
 * document, a statement dated the day of a meeting, visit or signing the same document reports,
 * all of whose states take part in it, was said there: it is no event of its own.
 * Threats and accusations stay events (they are acts against a party, not the talks' content),
 * and so does a statement on another day or naming a state the encounter does not include (a
 * spokesman answering a third country on the day of a summit).
 * Rule id: events.context.saidInEncounter (types in event-rules.json `context.saidInEncounter`).
 */
import rules from '../../data/event-rules.json' with { type: 'json' };
import type { ExtractedEvent } from '../types.ts';

const ENCOUNTERS: ReadonlySet<string> = new Set(rules.context.saidInEncounter);
export const SAID_IN_ENCOUNTER_RULE = 'events.context.saidInEncounter';

/** The encounter a statement of this document was said at, if any. */
export function encounterOf(statement: ExtractedEvent, events: readonly ExtractedEvent[]): ExtractedEvent | undefined {
  if (statement.type !== 'statement') return undefined;
  return events.find(
    (e) =>
      ENCOUNTERS.has(e.type) &&
      e.date === statement.date &&
      statement.countries.every((c) => e.countries.includes(c)),
  );
}
