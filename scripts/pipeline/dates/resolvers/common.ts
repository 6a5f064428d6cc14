/** Small helpers shared by the date resolvers. */
import type { DateContext, DateResolution, EventCandidate, Sentence, Span } from '../../types.ts';
import { repickDay, type DayCue, type SpanCue } from '../cues.ts';
import { toDayNumber } from '../day-math.ts';

/** How many days before publication a dateline's day may lie and still be the story's day. */
export const DATELINE_REACH = 7;

/** Cue offsets in the sentence -> absolute offsets, text trimmed of trailing punctuation. */
export function absoluteCue(sentence: Sentence, c: Span & { text: string }): Span & { text: string } {
  const text = c.text.replace(/(?<![\s,.;:])[\s,.;:]+$/u, '');
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  return { start: sentence.start + c.start + lead, end: sentence.start + c.start + lead + trimmed.length, text: trimmed };
}

export function toLocal(sentence: Sentence, s: Span): Span {
  return { start: s.start - sentence.start, end: s.end - sentence.start };
}

export function isAfter(date: string, published: string): boolean {
  const a = toDayNumber(date);
  const b = toDayNumber(published);
  return a !== null && b !== null && a > b;
}

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

/**
 * A day cue as a resolution. Weekdays and year-less dates are picked against publication (the
 * story may have been updated after its dateline), forward for a planned event or a future
 * clause; "yesterday", "two days ago" count from the story day (cue.date).
 */
export function fromDayCue(sentence: Sentence, candidate: EventCandidate, cue: DayCue, story: string, published: string): DateResolution {
  const forward = cue.futureContext || candidate.modality === 'planned';
  const date = cue.flexible && (forward || story !== published) ? repickDay(cue, published, forward ? 'future' : 'past') : cue.date;
  const res: DateResolution = { date, precision: 'day', evidence: cue.evidence, cue: absoluteCue(sentence, cue) };
  if (isAfter(date, published)) res.future = true;
  return res;
}

/** A vague period ("last week", "in June") as an approximate resolution (date null when unknowable). */
export function fromSpanCue(sentence: Sentence, cue: SpanCue, evidence: 'relative' | 'explicit'): DateResolution {
  const res: DateResolution = { date: cue.date, precision: 'approximate', evidence, cue: absoluteCue(sentence, cue) };
  if (cue.future) res.future = true;
  if (cue.range) res.range = cue.range;
  return res;
}

/** "date=2025-07-13 (on Sunday)" for a trace step. */
export function describe(res: DateResolution): string {
  const day = res.date ?? 'none';
  return res.cue ? `date=${day} ("${res.cue.text}")` : `date=${day}`;
}
