/**
 * What every date resolver sees and says. A resolver handles one kind of cue; it either resolves
 * the candidate's day (and says which words it used) or passes (and says why), so that the
 * resolution of one candidate reads as a list of short decisions (DateResolution.trace).
 */
import type { DateContext, DateResolution, EventCandidate, Sentence, Span } from '../../types.ts';
import type { AnchorCue, DateCue, DayCue, SpanCue } from '../cues.ts';

/** Everything the resolvers read, computed once per candidate by `prepare` (dates.ts). */
export interface DateInput {
  sentence: Sentence;
  candidate: EventCandidate;
  ctx: DateContext;
  published: string;
  /** The day the story was written: the dateline's day when close before publication, else publication. */
  story: string;
  /** Every cue of the sentence, offsets relative to the sentence. */
  cues: DateCue[];
  /** The candidate's trigger and clause, relative to the sentence. */
  trigger: Span;
  clause: Span;
  anchors: AnchorCue[];
  days: DayCue[];
  /** The day or vague-period cue that is the candidate's own (dates/select.ts), if any. */
  own: DayCue | SpanCue | undefined;
  /** True when only a cue of the event's own may date it (undated background gives no day). */
  needsOwnDate: boolean;
  /** Day or period cues that can never be the event's own (a measure's effective day), left out of `own`. */
  setAside?: ReadonlyArray<DayCue | SpanCue>;
  /** Future days in a directive's to-infinitive ("asked X to leave on February 7"): deadlines, left out of `own` (dates.select.deadline-complement). */
  deadlineDays?: ReadonlyArray<{ cue: DayCue; day: string; own: boolean }>;
  /** The vague period ("recently") a day of the act's own clause won over (dates.select.day-over-period). */
  overPeriod?: SpanCue;
  /** The rule that let the day win (dates.select.day-over-period or dates.select.day-in-period). */
  overPeriodRule?: string;
}

/** A resolver's answer: the resolution and why, or a pass and why. */
export type Verdict = { resolution: DateResolution; why: string } | { pass: string };

export interface DateResolver {
  /** The rule id, as listed in scripts/data/date-cues.json "resolvers". */
  id: string;
  resolve(input: DateInput): Verdict;
}

export const pass = (why: string): Verdict => ({ pass: why });
export const chose = (resolution: DateResolution, why: string): Verdict => ({ resolution, why });
