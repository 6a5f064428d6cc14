/**
 * Kinds of act within one event type, read from the trigger's words (event-rules.json
 * `context.actKinds`, rule id events.actKinds): recalling one's own envoy and expelling the other
 * side's diplomats are both sanctions, yet two acts. Used by the merge for its mergeTypes
 * (merge.distinct-acts: two reports of different kinds are two events) and by the events stage
 * (events.context.repeatedNoun: an act noun of another kind than the act just told is a new act).
 */
import rules from '../../data/event-rules.json' with { type: 'json' };

const KINDS: ReadonlyMap<string, readonly [string, RegExp][]> = new Map(
  Object.entries(rules.context.actKinds.kinds as Record<string, Record<string, string>>).map(([type, kinds]) => [
    type,
    Object.entries(kinds).map(([kind, source]) => [kind, new RegExp(source, 'iu')] as [string, RegExp]),
  ]),
);

/** The kind of act a trigger of this type names ("recall", "expel"), or undefined when none is listed. */
export function actKind(type: string, trigger: string): string | undefined {
  const kinds = KINDS.get(type);
  if (!kinds) return undefined;
  for (const [kind, re] of kinds) if (re.test(trigger)) return kind;
  return undefined;
}

const MERGE_TYPES: ReadonlySet<string> = new Set(rules.context.actKinds.mergeTypes);

/** Whether the merge keeps reports of this type apart by their kinds (merge.distinct-acts). */
export function mergeByKind(type: string): boolean {
  return MERGE_TYPES.has(type);
}

/** Whether two triggers of one type name acts of different listed kinds (both kinds known). */
export function differentActs(type: string, a: string, b: string): boolean {
  const ka = actKind(type, a);
  const kb = ka === undefined ? undefined : actKind(type, b);
  return ka !== undefined && kb !== undefined && ka !== kb;
}
