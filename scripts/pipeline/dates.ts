/**
 * Date resolution stage: the day an event happened, from the words of its sentence, the
 * publication day, the dateline, and the events told before it. See /tmp/team/dates.md and the
 * modules under ./dates/ (chrono-node with our own parsers and a past-preferring refiner).
 *
 * Order of evidence for a candidate:
 *   0. an implicit anchor ("the previous day", "hours later") nearer to the trigger than any own
 *      cue, counted from a day written in the sentence, else from the event told before;
 *   1. its own cue: the day or vague period nearest the trigger (inside its clause first, never
 *      across an "after"/"before" phrase, a quotation or a relative clause; see dates/select.ts):
 *      "on Sunday", "July 13", "yesterday", "last week";
 *   2. an anchor: "hours after X", "a day later" -> X's day (X found in ctx.previous);
 *      an anchor whose X is unknown -> the publication day, approximate;
 *      then the opening time phrase of ctx.before, an event-less sentence just before
 *      ("Just hours later, Pakistan did the same. They declared ...");
 *   3. a bare year ("in 2022") -> the middle of that year, approximate;
 *   4. the dateline's day; 5. the publication day (news leads tell the day's events).
 * Deadlines ("within 50 days", "by Friday") go to `deadline` (threats, sanctions, statements,
 * accusations, agreements), never to `date`.
 * A cue that points to the future sets `future`; a day that cannot be known ("later this year",
 * "next week") gives date null.
 */
import type { DateContext, DateResolution, EventCandidate, EventType, Sentence, Span } from './types.ts';
import { extractCues, repickDay, type AnchorCue, type DateCue, type DayCue, type DeadlineCue, type SpanCue } from './dates/cues.ts';
import { addDays, toDayNumber } from './dates/day-math.ts';
import { ANCHOR_REACH, resolveAnchor } from './dates/anchor.ts';
import { gap, nearestCue } from './dates/select.ts';

export { extractCues } from './dates/cues.ts';
export type { DateCue } from './dates/cues.ts';

/** Cue offsets in the sentence -> absolute offsets, text trimmed of trailing punctuation. */
function absoluteCue(sentence: Sentence, c: Span & { text: string }): Span & { text: string } {
  const text = c.text.replace(/(?<![\s,.;:])[\s,.;:]+$/u, '');
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  return { start: sentence.start + c.start + lead, end: sentence.start + c.start + lead + trimmed.length, text: trimmed };
}

/** Event types a deadline belongs to ("a visit that lasts until April 25" has no deadline). */
const DEADLINE_TYPES: ReadonlySet<EventType> = new Set<EventType>(['threat', 'sanction', 'statement', 'accusation', 'agreement']);

function toLocal(sentence: Sentence, s: Span): Span {
  return { start: s.start - sentence.start, end: s.end - sentence.start };
}

/** How many days before publication a dateline's day may lie and still be the story's day. */
const DATELINE_REACH = 7;

/**
 * The day the story was written: the dateline's day when it has one shortly before (or on) the
 * publication day ("BEIJING, July 13 (Xinhua)" in a paper of July 14), else the publication day.
 * Relative cues ("yesterday", "two days ago") count from it; weekdays and year-less dates are
 * still picked against publication.
 */
export function storyDay(ctx: DateContext): string {
  const d = ctx.dateline?.date;
  const n = d ? toDayNumber(d) : null;
  const pub = toDayNumber(ctx.published);
  if (d && n !== null && pub !== null && n <= pub && pub - n <= DATELINE_REACH) return d;
  return ctx.published;
}

function isAfter(date: string, published: string): boolean {
  const a = toDayNumber(date);
  const b = toDayNumber(published);
  return a !== null && b !== null && a > b;
}

export function resolveDate(sentence: Sentence, candidate: EventCandidate, ctx: DateContext): DateResolution {
  const published = ctx.published;
  if (toDayNumber(published) === null) return { date: null, precision: 'day', evidence: 'none' };
  const story = storyDay(ctx);
  const cues = extractCues(sentence.text, story);
  const trigger = toLocal(sentence, candidate.trigger);
  const clause = toLocal(sentence, candidate.clause);
  const anchors = cues.filter((c): c is AnchorCue => c.kind === 'anchor');

  const days = cues.filter((c): c is DayCue => c.kind === 'day');
  // "said on Monday that talks held the previous day ...": an implicit anchor nearer to the
  // trigger than any own cue dates it (against the sentence's day, here Monday).
  const implicit = anchors.filter((a) => a.implicit && gap(a, trigger) <= ANCHOR_REACH);
  const own = nearestOwn(sentence.text, cues, trigger, clause, anchors);
  const implicitFirst = implicit.length > 0 && (!own || implicit.some((a) => gap(a, trigger) < gap(own, trigger)));
  const res = (implicitFirst ? anchored(sentence, candidate, implicit, days, trigger, ctx) : null)
    ?? ownCue(sentence, candidate, own, story, published)
    ?? anchored(sentence, candidate, anchors, days, trigger, ctx)
    ?? carried(candidate, ctx)
    ?? weakYear(sentence, cues, trigger, clause, anchors)
    ?? fallback(ctx);

  const deadline = DEADLINE_TYPES.has(candidate.type)
    ? nearestCue(sentence.text, cues.filter((c): c is DeadlineCue => c.kind === 'deadline'), trigger, clause, anchors)
    : undefined;
  if (deadline) {
    if (deadline.date) res.deadline = deadline.date;
    else if (deadline.days !== undefined) res.deadline = addDays(res.date ?? published, deadline.days);
  }
  return res;
}

/** The day or vague-period cue that is the candidate's own (see dates/select.ts), if any. */
function nearestOwn(text: string, cues: DateCue[], trigger: Span, clause: Span, anchors: AnchorCue[]): DayCue | SpanCue | undefined {
  const own = cues.filter((c): c is DayCue | SpanCue => c.kind === 'day' || (c.kind === 'span' && !c.weak));
  return nearestCue(text, own, trigger, clause, anchors);
}

/** 1. A day or a vague period of the candidate's own. */
function ownCue(
  sentence: Sentence,
  candidate: EventCandidate,
  cue: DayCue | SpanCue | undefined,
  story: string,
  published: string,
): DateResolution | null {
  if (!cue) return null;
  if (cue.kind === 'span') {
    const res: DateResolution = { date: cue.date, precision: 'approximate', evidence: 'relative', cue: absoluteCue(sentence, cue) };
    if (cue.future) res.future = true;
    if (cue.range) res.range = cue.range;
    return res;
  }
  // Weekdays and year-less dates are picked against publication (the story may have been updated
  // after its dateline); "yesterday", "two days ago" count from the story day (cue.date).
  const forward = cue.futureContext || candidate.modality === 'planned';
  const date = cue.flexible && (forward || story !== published) ? repickDay(cue, published, forward ? 'future' : 'past') : cue.date;
  const res: DateResolution = { date, precision: 'day', evidence: cue.evidence, cue: absoluteCue(sentence, cue) };
  if (isAfter(date, published)) res.future = true;
  return res;
}

/** 2. "hours after X", "a day later". */
function anchored(
  sentence: Sentence,
  candidate: EventCandidate,
  anchors: AnchorCue[],
  days: DayCue[],
  trigger: Span,
  ctx: DateContext,
): DateResolution | null {
  if (anchors.length === 0) return null;
  const base = ctx.dateline?.date && toDayNumber(ctx.dateline.date) !== null ? ctx.dateline.date : storyDay(ctx);
  const found = resolveAnchor(sentence.text, anchors, trigger, ctx.previous ?? [], base, days);
  if (!found) return null;
  const cue = absoluteCue(sentence, found.cue);
  if (!found.result) {
    // "hours after X" with X unknown: close to the publication day.
    return { date: ctx.published, precision: 'approximate', evidence: 'publication', cue, range: { from: addDays(ctx.published, -1), to: ctx.published } };
  }
  if (isAfter(found.result.date, ctx.published) && found.mode === 'forward' && found.cue.relation === 'after' && candidate.modality !== 'planned') {
    // "A happened days after X" cannot put A after publication: X was matched wrongly. (An event
    // "a day before" which something happened, or "a day later" than it, may be still to come.)
    return { date: ctx.published, precision: 'approximate', evidence: 'publication', cue, range: { from: addDays(ctx.published, -1), to: ctx.published } };
  }
  const res: DateResolution = { date: found.result.date, precision: found.result.precision, evidence: 'anchor', cue };
  if (found.result.range) res.range = found.result.range;
  if (isAfter(found.result.date, ctx.published)) res.future = true;
  return res;
}

/** Words that may come before a sentence's opening time phrase ("But just hours later, ..."). */
const OPENING = /^[\s"“'‘(]*(?:(?:and|but|then|so|yet|also|just|only|barely|even)\s+)*$/i;

/**
 * 2b. The opening time phrase of the event-less sentence just before (ctx.before):
 * "Just hours later, Pakistan did the same. They declared ..." -> hours after the event told before.
 */
function carried(candidate: EventCandidate, ctx: DateContext): DateResolution | null {
  const b = ctx.before;
  if (!b || !b.text) return null;
  const story = storyDay(ctx);
  const first = extractCues(b.text, story)[0];
  if (!first || !OPENING.test(b.text.slice(0, first.start))) return null;
  const cue = absoluteCue(b, first);
  if (first.kind === 'day') {
    const forward = first.futureContext || candidate.modality === 'planned';
    const date = first.flexible && (forward || story !== ctx.published) ? repickDay(first, ctx.published, forward ? 'future' : 'past') : first.date;
    const res: DateResolution = { date, precision: 'day', evidence: first.evidence, cue };
    if (isAfter(date, ctx.published)) res.future = true;
    return res;
  }
  if (first.kind === 'span' && !first.weak) {
    const res: DateResolution = { date: first.date, precision: 'approximate', evidence: 'relative', cue };
    if (first.future) res.future = true;
    if (first.range) res.range = first.range;
    return res;
  }
  if (first.kind === 'anchor' && first.implicit) {
    const end = { start: b.text.length, end: b.text.length };
    const found = resolveAnchor(b.text, [first], end, ctx.previous ?? [], story);
    if (!found?.result) return null;
    const res: DateResolution = { date: found.result.date, precision: found.result.precision, evidence: 'anchor', cue };
    if (found.result.range) res.range = found.result.range;
    if (isAfter(found.result.date, ctx.published)) res.future = true;
    return res;
  }
  return null;
}

/** 3. "in 2022": background, the middle of the year at best. */
function weakYear(sentence: Sentence, cues: DateCue[], trigger: Span, clause: Span, anchors: AnchorCue[]): DateResolution | null {
  const weak = cues.filter((c): c is SpanCue => c.kind === 'span' && c.weak);
  const cue = nearestCue(sentence.text, weak, trigger, clause, anchors);
  if (!cue) return null;
  const res: DateResolution = { date: cue.date, precision: 'approximate', evidence: 'explicit', cue: absoluteCue(sentence, cue) };
  if (cue.future) res.future = true;
  if (cue.range) res.range = cue.range;
  return res;
}

/** 4-5. No cue: the dateline's day, else the publication day. */
function fallback(ctx: DateContext): DateResolution {
  const d = ctx.dateline?.date;
  if (d && toDayNumber(d) !== null) return { date: d, precision: 'day', evidence: 'dateline' };
  return { date: ctx.published, precision: 'day', evidence: 'publication' };
}

/**
 * A day written in `text` ("July 13", "Monday", "2025-07-13"), past-preferring against
 * `published`; null when the text holds no day. Used for datelines ("BEIJING, July 13 (Xinhua)").
 */
export function parseDayText(text: string, published: string): string | null {
  if (toDayNumber(published) === null) return null;
  for (const c of extractCues(text, published)) {
    if (c.kind === 'day') return c.futureContext ? repickDay(c, published, 'past') : c.date;
  }
  return null;
}
