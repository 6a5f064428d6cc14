/**
 * dates.frame.quoted-relative: "today", "yesterday", "this morning" inside a quotation count from
 * the day the quoted words were spoken, not from the day the story was written. The speech day is
 * a day the sentence states outside its quotations ("..., he said on Friday"), else the day of the
 * act the account is about (the event told last, in this sentence or the one before, dated by its
 * own words shortly before publication: ../../cue-data.ts STORY_FRAME). With neither, the quoted
 * day counts from the story day as before.
 */
import type { DateContext, DateResolution, Sentence, Span } from '../../types.ts';
import { QUOTED_RELATIVE, STORY_FRAME } from '../cue-data.ts';
import type { DateCue, DayCue } from '../cues.ts';
import { addDays, toDayNumber } from '../day-math.ts';
import { quoteOf, quoteRanges } from '../quotes.ts';

/** The day the quoted words holding `cue` (and the trigger) were spoken, and how it was found; undefined when unknown. */
export function speechDay(
  sentence: Sentence,
  cue: DayCue,
  trigger: Span,
  cues: readonly DateCue[],
  ctx: DateContext,
  published: string,
): { date: string; how: string } | undefined {
  const quotes = quoteRanges(sentence.text);
  const q = quoteOf(quotes, cue);
  if (!q || quoteOf(quotes, trigger) !== q) return undefined;
  const pub = toDayNumber(published)!;
  const stated = cues.filter((c): c is DayCue => c.kind === 'day' && !quoteOf(quotes, c) && !c.futureContext && (toDayNumber(c.date) ?? Infinity) <= pub);
  if (stated.length) return { date: stated[0]!.date, how: `the speech is dated "${stated[0]!.text.trim()}"` };
  const last = ctx.previous?.[ctx.previous.length - 1];
  if (!last?.evidence || !STORY_FRAME.evidence.has(last.evidence) || last.sentence === undefined) return undefined;
  if (sentence.index - last.sentence > STORY_FRAME.sentencesBack) return undefined;
  const n = toDayNumber(last.date);
  if (n === null || n > pub || pub - n > STORY_FRAME.maxDaysBefore) return undefined;
  return { date: last.date, how: `the account is about "${last.trigger}"` };
}

/** The quoted relative day counted from the speech day, or undefined when it stays as it is. */
export function quotedRelative(res: DateResolution, input: { sentence: Sentence; trigger: Span; cues: readonly DateCue[]; ctx: DateContext; published: string; story: string }, own: DayCue): { res: DateResolution; why: string } | undefined {
  if (own.evidence !== 'relative' || !/["“”«»„]/.test(input.sentence.text)) return undefined;
  const speech = speechDay(input.sentence, own, input.trigger, input.cues, input.ctx, input.published);
  if (!speech || speech.date === input.story) return undefined;
  const offset = (toDayNumber(own.date) ?? 0) - (toDayNumber(input.story) ?? 0);
  const date = addDays(speech.date, offset);
  return { res: { ...res, date }, why: `"${own.text.trim()}" in the quotation counts from ${speech.date}: ${speech.how} (${QUOTED_RELATIVE.id})` };
}
