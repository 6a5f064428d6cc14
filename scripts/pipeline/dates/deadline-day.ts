/**
 * dates.select.deadline-complement: "asked the Estonian ambassador to leave the country on
 * February 7", "ordered the consulate to close by 1 March": a day inside the to-infinitive
 * complement of a directive verb is the deadline the act sets, not the day it was made. It counts
 * only when it lies ahead of the story: in a future clause, after publication, or a year-less date
 * whose next occurrence is at most DEADLINE_COMPLEMENT.maxDaysAfter days after publication (read as
 * this year's, never as last year's). For the act's types (date-cues.json "deadlineComplement")
 * the cue is set aside before the own cue is chosen, like a measure's effective day; the other
 * resolvers date the act, and the day is the act's deadline.
 */
import type { EventType, Span } from '../types.ts';
import { DEADLINE_COMPLEMENT } from './cue-data.ts';
import { repickDay, type DayCue } from './cues.ts';
import { toDayNumber } from './day-math.ts';

/**
 * The deadline day "YYYY-MM-DD" when `cue` is a future day in a directive's complement after the
 * trigger, else undefined; `own` when the directive verb is the trigger's (its deadline), not a
 * later coordinated act's ("summoned the envoy and asked him to leave on ...").
 */
export function deadlineDay(text: string, cue: DayCue, trigger: Span, type: EventType, published: string): { day: string; own: boolean } | undefined {
  if (!DEADLINE_COMPLEMENT.types.has(type) || cue.start < trigger.start) return undefined;
  // The words after the last clause break before the cue (the cue's own clause), from the trigger on.
  const between = text.slice(trigger.start, cue.start);
  const from = Math.max(-1, ...[',', ';', ':', '!', '?'].map((b) => between.lastIndexOf(b))) + 1;
  const clause = between.slice(from);
  let own: boolean | undefined;
  for (const d of clause.matchAll(DEADLINE_COMPLEMENT.directive)) {
    const rest = clause.slice(d.index + d[0].length);
    const inf = DEADLINE_COMPLEMENT.infinitive.exec(rest.slice(0, DEADLINE_COMPLEMENT.maxInfinitiveDistance));
    if (!inf || rest.length - (inf.index + inf[0].length) > DEADLINE_COMPLEMENT.maxCueDistance) continue;
    own = from + d.index < trigger.end - trigger.start;
    break;
  }
  if (own === undefined) return undefined;
  const pub = toDayNumber(published);
  if (pub === null) return undefined;
  const n0 = toDayNumber(cue.date);
  if (n0 !== null && n0 > pub) return { day: cue.date, own };
  if (!cue.futureContext && cue.flexible?.kind !== 'monthDay') return undefined;
  const ahead = repickDay(cue, published, 'future');
  const n = toDayNumber(ahead);
  if (n === null || n <= pub || n - pub > DEADLINE_COMPLEMENT.maxDaysAfter) return undefined;
  return { day: ahead, own };
}
