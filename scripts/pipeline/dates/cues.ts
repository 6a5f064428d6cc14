/**
 * Reads the date cues of one sentence: runs our chrono (chrono-instance.ts) and turns each result
 * into a DateCue. A cheap regex (date-cues.json "precheck") skips sentences with no date-like word,
 * and the last few sentences' cues are cached (one sentence usually holds several candidates).
 */
import type { ParsingReference, ParsingResult } from 'chrono-node';
import { createNewsChrono } from './chrono-instance.ts';
import { PRECHECK } from './cue-data.ts';
import type { DayMode } from './choose-day.ts';
import { fromDayNumber, toDayNumber } from './day-math.ts';
import { modeOf, pickDay, storedSpec, type FlexibleSpec } from './refiners/past-preferring-refiner.ts';
import { monthSpanDay, spanDay, yearPartDay, type PeriodPart } from './spans.ts';
import type { SpanRule } from './cue-data.ts';
import { TAG, hasTag, tagValues } from './tags.ts';

interface CueBase {
  /** Offsets into the text given to extractCues. */
  start: number;
  end: number;
  text: string;
}

/** A day: "on Sunday", "July 13", "yesterday". */
export interface DayCue extends CueBase {
  kind: 'day';
  date: string;
  evidence: 'explicit' | 'relative' | 'weekday';
  /** For weekdays and year-less dates: the spec, to re-pick the day for a planned event. */
  flexible?: FlexibleSpec;
  futureContext: boolean;
}

/** A vague period: "last week", "in June", "later this year" (date null: not knowable). */
export interface SpanCue extends CueBase {
  kind: 'span';
  date: string | null;
  future: boolean;
  /** True for a bare year ("in 2022"): background, used only when nothing better is there. */
  weak: boolean;
}

/** A deadline: a day ("by Friday") or a length from the event's day ("within 50 days"). */
export interface DeadlineCue extends CueBase {
  kind: 'deadline';
  date?: string;
  days?: number;
}

/** "hours after", "two days before", "a day later" (implicit: relative to the event told before). */
export interface AnchorCue extends CueBase {
  kind: 'anchor';
  relation: 'after' | 'before';
  unit: 'none' | 'minute' | 'hour' | 'day' | 'week' | 'month';
  /** Number of units; null for "hours after", "days after" (a few). */
  count: number | null;
  implicit: boolean;
}

export type DateCue = DayCue | SpanCue | DeadlineCue | AnchorCue;

const news = createNewsChrono();

function reference(pub: number): ParsingReference {
  return { instant: new Date(pub * 86_400_000 + 12 * 3_600_000), timezone: 0 };
}

function isoOf(r: ParsingResult): string | null {
  const s = r.start;
  const y = s.get('year');
  const m = s.get('month');
  const d = s.get('day');
  if (y === null || m === null || d === null) return null;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return toDayNumber(iso) === null ? null : iso;
}

/** One chrono result as a cue, or null when it carries no usable date. */
export function toCue(r: ParsingResult, pub: number): DateCue | null {
  const base = { start: r.index, end: r.index + r.text.length, text: r.text };
  const future = hasTag(r, TAG.futureContext);
  const anchor = tagValues(r, TAG.anchor);
  if (anchor) {
    const [relation, unit, count, implicit] = anchor;
    return {
      ...base,
      kind: 'anchor',
      relation: relation === 'before' ? 'before' : 'after',
      unit: (['minute', 'hour', 'day', 'week', 'month'].includes(unit ?? '') ? unit : 'none') as AnchorCue['unit'],
      count: count === 'few' || count === undefined ? null : Number(count),
      implicit: implicit === '1',
    };
  }
  const duration = tagValues(r, TAG.deadlineDuration);
  if (duration) return { ...base, kind: 'deadline', days: Number(duration[0]) };

  if (hasTag(r, TAG.deadline)) {
    const spec = storedSpec(r);
    const day = spec ? pickDay(spec, pub, 'deadline') : null;
    const iso = day !== null ? fromDayNumber(day) : isoOf(r);
    // "by the end of the year", "by next week": a deadline without a day.
    if (hasTag(r, TAG.span) || hasTag(r, TAG.monthSpan) || hasTag(r, TAG.yearSpan)) return { ...base, kind: 'deadline' };
    return iso ? { ...base, kind: 'deadline', date: iso } : null;
  }

  const span = tagValues(r, TAG.span);
  if (span) return spanCue(base, spanDay(span[0] as SpanRule, pub, future), false);
  const monthSpan = tagValues(r, TAG.monthSpan);
  if (monthSpan) {
    const year = r.start.isCertain('year') ? r.start.get('year') : null;
    const rel = (monthSpan[1] ?? 'none') as 'none' | 'last' | 'this' | 'next';
    return spanCue(base, monthSpanDay(r.start.get('month')!, year, rel, (monthSpan[0] ?? 'whole') as PeriodPart, pub, future), false);
  }
  const yearSpan = tagValues(r, TAG.yearSpan);
  if (yearSpan) {
    const year = r.start.get('year')!;
    const pubYear = Number(fromDayNumber(pub).slice(0, 4));
    if (future && year >= pubYear) return spanCue(base, { day: null, future: true }, true);
    return spanCue(base, yearPartDay(year, (yearSpan[0] ?? 'whole') as PeriodPart, pub), true);
  }

  if (!r.start.isCertain('day') && !r.start.isCertain('weekday')) return null;
  const iso = isoOf(r);
  if (!iso) return null;
  const flexible = storedSpec(r) ?? undefined;
  const evidence = hasTag(r, TAG.relative) ? 'relative' : flexible?.kind === 'weekday' ? 'weekday' : 'explicit';
  const cue: DayCue = { ...base, kind: 'day', date: iso, evidence, futureContext: future };
  if (flexible) cue.flexible = flexible;
  return cue;
}

function spanCue(base: CueBase, d: { day: number | null; future: boolean }, weak: boolean): SpanCue {
  return { ...base, kind: 'span', date: d.day === null ? null : fromDayNumber(d.day), future: d.future, weak };
}

/** Re-picks a day cue for a given mode (a 'planned' event reads "on Friday" forward). */
export function repickDay(cue: DayCue, published: string, mode: DayMode): string {
  const pub = toDayNumber(published);
  if (!cue.flexible || pub === null) return cue.date;
  const day = pickDay(cue.flexible, pub, mode);
  return day === null ? cue.date : fromDayNumber(day);
}

const CACHE_SIZE = 16;
const cache = new Map<string, DateCue[]>();

/** All date cues of `text` (offsets relative to `text`), for a publication day "YYYY-MM-DD". */
export function extractCues(text: string, published: string): DateCue[] {
  const pub = toDayNumber(published);
  if (pub === null || !text || !PRECHECK.test(text)) return [];
  const key = `${published}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let cues: DateCue[] = [];
  try {
    // chrono types parse() as ParsedResult[]; the objects are the ParsingResults our refiners saw.
    const results = news.parse(text, reference(pub), { forwardDate: false }) as ParsingResult[];
    cues = results
      .map((r) => toCue(r, pub))
      .filter((c): c is DateCue => c !== null);
  } catch {
    cues = []; // untrusted text: a parser failure means "no cue", never a crash
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, cues);
  return cues;
}

export { modeOf };
