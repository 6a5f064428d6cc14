/**
 * Explaining extraction decisions. Every stage that decides something about an event (which rule
 * found the trigger, chose the type or modality, added or removed a party, chose the date cue,
 * merged two reports, wrote the title) appends one step naming the rule id that made the decision.
 * The model is chrono-node's `context.debug`: each step says what it changed.
 *
 * Rule ids are stable strings: the id of an entry in a `scripts/data/*.json` rule file
 * (e.g. `events.trigger.met`), or `<stage>.<pass>` for a decision made in code
 * (e.g. `actors.victim-of-condemned-act`). `npm run eval -- --rules` aggregates by these ids.
 */

export type TraceStage = 'segment' | 'events' | 'modality' | 'dates' | 'actors' | 'assemble' | 'title' | 'merge' | 'curate';

export interface TraceStep {
  stage: TraceStage;
  /** The rule id that made the decision. */
  rule: string;
  /** What it changed, in a few words: "type=visit", "+RUS", "-QAT (victim)", "date=2025-07-13 (on Sunday)". */
  action: string;
  /** Optional longer note: the words that matched, the alternative it rejected. */
  detail?: string;
}

/** A trace being built for one candidate event. Cheap: a plain array, no formatting until printed. */
export type Trace = TraceStep[];

/** Appends one step and returns the trace (for chaining in pure stages). */
export function note(trace: Trace | undefined, stage: TraceStage, rule: string, action: string, detail?: string): Trace | undefined {
  if (!trace) return trace;
  trace.push(detail === undefined ? { stage, rule, action } : { stage, rule, action, detail });
  return trace;
}

/** One line a step, for `--explain`. */
export function formatTrace(trace: readonly TraceStep[]): string {
  return trace
    .map((s, i) => `${String(i + 1).padStart(3)}. [${s.stage}] ${s.rule}: ${s.action}${s.detail ? ` (${s.detail})` : ''}`)
    .join('\n');
}
