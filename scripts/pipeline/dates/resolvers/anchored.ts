/**
 * Shared by the two anchor resolvers: dates the candidate against another event ("hours after X",
 * "a day later", "the previous day"); see ../anchor.ts for how X is found and the offsets.
 */
import type { DateResolution, Sentence } from '../../types.ts';
import { extractCues, type AnchorCue, type DayCue } from '../cues.ts';
import { addDays, toDayNumber } from '../day-math.ts';
import { resolveAnchor } from '../anchor.ts';
import { absoluteCue, isAfter, storyDay } from './common.ts';
import type { DateInput } from './types.ts';

export type AnchorOutcome =
  | { kind: 'none' }
  | { kind: 'dated'; resolution: DateResolution; mode: string; other: 'known' | 'unknown' | 'impossible'; from?: string };

/**
 * dates.frame.preceding-day: the last day (not a future one, not after publication) stated by the
 * nearest of the sentences just before that states one: what "That day", "the same day", "on that
 * occasion" refer to.
 */
export function precedingDay(earlier: readonly Sentence[] | undefined, story: string, published: string): string | undefined {
  for (const s of [...(earlier ?? [])].reverse()) {
    const days = extractCues(s.text, story).filter((c): c is DayCue => c.kind === 'day' && !c.futureContext && !isAfter(c.date, published));
    if (days.length) return days[days.length - 1]!.date;
  }
  return undefined;
}

export function anchoredDate(input: DateInput, anchors: AnchorCue[]): AnchorOutcome {
  const { sentence, candidate, ctx, trigger } = input;
  // A directive's deadline ("asked X to leave on February 7") is no day to count from (dates.select.deadline-complement).
  const deadlines = input.deadlineDays?.map((d) => d.cue);
  const days = deadlines?.length ? input.days.filter((c) => !deadlines.includes(c)) : input.days;
  if (anchors.length === 0) return { kind: 'none' };
  const base = ctx.dateline?.date && toDayNumber(ctx.dateline.date) !== null ? ctx.dateline.date : storyDay(ctx);
  const sameDay = anchors.some((a) => a.implicit && a.unit === 'day' && a.count === 0) ? precedingDay(ctx.earlier, input.story, ctx.published) : undefined;
  const found = resolveAnchor(sentence.text, anchors, trigger, ctx.previous ?? [], base, days, sameDay);
  if (!found) return { kind: 'none' };
  const cue = absoluteCue(sentence, found.cue);
  const nearPublication = (): DateResolution => ({
    date: ctx.published,
    precision: 'approximate',
    evidence: 'publication',
    cue,
    range: { from: addDays(ctx.published, -1), to: ctx.published },
  });
  // "hours after X" with X unknown: close to the publication day.
  if (!found.result) return { kind: 'dated', resolution: nearPublication(), mode: found.mode, other: 'unknown' };
  if (isAfter(found.result.date, ctx.published) && found.mode === 'forward' && found.cue.relation === 'after' && candidate.modality !== 'planned') {
    // "A happened days after X" cannot put A after publication: X was matched wrongly. (An event
    // "a day before" which something happened, or "a day later" than it, may be still to come.)
    return { kind: 'dated', resolution: nearPublication(), mode: found.mode, other: 'impossible' };
  }
  const res: DateResolution = { date: found.result.date, precision: found.result.precision, evidence: 'anchor', cue };
  if (found.result.range) res.range = found.result.range;
  if (isAfter(found.result.date, ctx.published)) res.future = true;
  return { kind: 'dated', resolution: res, mode: found.mode, other: 'known', ...(found.from ? { from: found.from } : {}) };
}
