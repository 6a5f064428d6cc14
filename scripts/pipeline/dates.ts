/**
 * Date resolution stage: the day an event happened, from the words of its sentence, the
 * publication day, the dateline, and the events told before it.
 *
 * One candidate is resolved in three steps, all in this file:
 *   1. `prepare`: read the sentence's cues once (dates/cues.ts: chrono-node with our own parsers
 *      and refiners) and pick the candidate's own cue (dates/select.ts);
 *   2. walk the ordered list of resolvers (dates/resolvers/index.ts, where the order is
 *      explained); the first that resolves decides, every one before it says why it passed;
 *   3. the deadline ("within 50 days", "by Friday") of a threat, sanction, statement, accusation
 *      or agreement, which goes to `deadline`, never to `date`.
 * Each decision is a TraceStep on DateResolution.trace naming the resolver's rule id (listed in
 * scripts/data/date-cues.json "resolvers").
 *
 * A cue that points to the future sets `future`; a day that cannot be known ("later this year",
 * "next week") gives date null; so does background that the text does not date.
 */
import type { DateContext, DateResolution, EventCandidate, EventType, Sentence } from './types.ts';
import { extractCues, repickDay, type AnchorCue, type DateCue, type DayCue, type DeadlineCue, type SpanCue } from './dates/cues.ts';
import { addDays, toDayNumber } from './dates/day-math.ts';
import { nearestCue } from './dates/select.ts';
import { DAY_IN_PERIOD, DAY_OVER_PERIOD, DEADLINE_COMPLEMENT, EFFECTIVE_DAY } from './dates/cue-data.ts';
import { deadlineDay } from './dates/deadline-day.ts';
import { isEffectiveDay } from './dates/effective.ts';
import { DATE_RESOLVERS, type DateInput, type DateResolver } from './dates/resolvers/index.ts';
import { storyDay, toLocal } from './dates/resolvers/common.ts';
import type { TraceStep } from './trace.ts';

export { extractCues } from './dates/cues.ts';
export type { DateCue } from './dates/cues.ts';
export { storyDay } from './dates/resolvers/common.ts';

/** Event types a deadline belongs to ("a visit that lasts until April 25" has no deadline). */
const DEADLINE_TYPES: ReadonlySet<EventType> = new Set<EventType>(['threat', 'sanction', 'statement', 'accusation', 'agreement']);

/** A candidate the events stage marks as needing a day of its own (dated background). */
type MaybeBackground = EventCandidate & { needsOwnDate?: boolean };

/** Step 1: what the resolvers read. */
export function prepare(sentence: Sentence, candidate: EventCandidate, ctx: DateContext): DateInput {
  const story = storyDay(ctx);
  const cues = extractCues(sentence.text, story);
  const trigger = toLocal(sentence, candidate.trigger);
  const clause = toLocal(sentence, candidate.clause);
  const anchors = cues.filter((c): c is AnchorCue => c.kind === 'anchor');
  const days = cues.filter((c): c is DayCue => c.kind === 'day');
  const dayOrSpan = cues.filter((c): c is DayCue | SpanCue => c.kind === 'day' || (c.kind === 'span' && !c.weak));
  // A measure's effective day ("tariffs starting on Tuesday") is not the measure's own day.
  // The measure taking effect is itself the act ("the ban took effect on Monday"): its day is kept.
  const setAside = EFFECTIVE_DAY.types.has(candidate.type) && !EFFECTIVE_DAY.ownDayRules.has(candidate.rule) ? dayOrSpan.filter((c) => isEffectiveDay(sentence.text, c)) : [];
  // "asked the ambassador to leave on February 7": a future day in a directive's complement is its deadline.
  const deadlineDays: Array<{ cue: DayCue; day: string; own: boolean }> = [];
  for (const c of days) {
    const found = setAside.includes(c) ? undefined : deadlineDay(sentence.text, c, trigger, candidate.type, ctx.published);
    if (found) deadlineDays.push({ cue: c, ...found });
  }
  const aside = deadlineDays.length ? [...setAside, ...deadlineDays.map((d) => d.cue)] : setAside;
  const ownKinds = aside.length ? dayOrSpan.filter((c) => !aside.includes(c)) : dayOrSpan;
  let own = nearestCue(sentence.text, ownKinds, trigger, clause, anchors);
  // "recently concluded a visit to Laos on 25-26 March": a day of the act's own clause beats a vague period (dates.select.day-over-period).
  let overPeriod: SpanCue | undefined;
  let overPeriodRule: string | undefined;
  if (own?.kind === 'span' && !own.future && !DAY_OVER_PERIOD.skipTypes.has(candidate.type) && DAY_OVER_PERIOD.words.test(own.text)) {
    const day = nearestCue(sentence.text, ownKinds.filter((c): c is DayCue => c.kind === 'day' && !c.futureContext), trigger, clause, anchors);
    if (day && day.start >= clause.start && day.end <= clause.end && toDayNumber(day.date)! <= toDayNumber(ctx.published)!) {
      overPeriod = own;
      overPeriodRule = DAY_OVER_PERIOD.id;
      own = day;
    }
  }
  // "Earlier, on March 31 this year, ... paid a visit": a day of the clause inside the period it names (dates.select.day-in-period).
  if (own?.kind === 'span' && !own.future && own.range && !DAY_IN_PERIOD.skipTypes.has(candidate.type)) {
    const { from, to } = own.range;
    const inside = ownKinds.filter((c): c is DayCue => c.kind === 'day' && !c.futureContext && c.date >= from && c.date <= to && c.start >= clause.start && c.end <= clause.end);
    const day = nearestCue(sentence.text, inside, trigger, clause, anchors);
    if (day && toDayNumber(day.date)! <= toDayNumber(ctx.published)!) {
      overPeriod = own;
      overPeriodRule = DAY_IN_PERIOD.id;
      own = day;
    }
  }
  const needsOwnDate = (candidate as MaybeBackground).needsOwnDate === true || candidate.modality === 'background';
  return { sentence, candidate, ctx, published: ctx.published, story, cues, trigger, clause, anchors, days, own, needsOwnDate, setAside, deadlineDays, ...(overPeriod ? { overPeriod, overPeriodRule } : {}) };
}

/** Step 2: the first resolver of `resolvers` that resolves, with the trace of every step. */
export function runResolvers(input: DateInput, resolvers: readonly DateResolver[] = DATE_RESOLVERS): DateResolution {
  const trace: TraceStep[] = [];
  for (const r of resolvers) {
    const verdict = r.resolve(input);
    if ('pass' in verdict) {
      trace.push({ stage: 'dates', rule: r.id, action: 'pass', detail: verdict.pass });
      continue;
    }
    trace.push({ stage: 'dates', rule: r.id, action: verdict.why });
    return { ...verdict.resolution, trace };
  }
  // Unreachable with DATE_RESOLVERS (publication always resolves); a custom list may end without.
  return { date: null, precision: 'day', evidence: 'none', trace };
}

export function resolveDate(sentence: Sentence, candidate: EventCandidate, ctx: DateContext): DateResolution {
  if (toDayNumber(ctx.published) === null) {
    return { date: null, precision: 'day', evidence: 'none', trace: [{ stage: 'dates', rule: 'dates.no-publication-day', action: 'date=none' }] };
  }
  const input = prepare(sentence, candidate, ctx);
  const res = runResolvers(input);
  // Step 3: a deadline of the event's own.
  if (DEADLINE_TYPES.has(candidate.type)) {
    const deadlines = input.cues.filter((c): c is DeadlineCue => c.kind === 'deadline');
    const deadline = nearestCue(sentence.text, deadlines, input.trigger, input.clause, input.anchors);
    if (deadline) {
      if (deadline.date) res.deadline = deadline.date;
      else if (deadline.days !== undefined) res.deadline = addDays(res.date ?? ctx.published, deadline.days);
      if (res.deadline) res.trace?.push({ stage: 'dates', rule: 'dates.deadline', action: `deadline=${res.deadline}`, detail: deadline.text.trim() });
    }
  }
  const set = input.deadlineDays?.find((d) => d.own);
  if (set && !res.deadline && DEADLINE_TYPES.has(candidate.type)) {
    res.deadline = set.day;
    res.trace?.push({ stage: 'dates', rule: DEADLINE_COMPLEMENT.id, action: `deadline=${set.day}`, detail: set.cue.text.trim() });
  }
  return res;
}

/**
 * A day written in `text` ("July 13", "Monday", "2025-07-13"), past-preferring against
 * `published`; null when the text holds no day. Used for datelines ("BEIJING, July 13 (Xinhua)").
 */
export function parseDayText(text: string, published: string): string | null {
  if (toDayNumber(published) === null) return null;
  for (const c of extractCues(text, published) as DateCue[]) {
    if (c.kind === 'day') return c.futureContext ? repickDay(c, published, 'past') : c.date;
  }
  return null;
}
