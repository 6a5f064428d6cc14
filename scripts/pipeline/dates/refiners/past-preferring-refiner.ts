/**
 * Runs last: chrono guesses the week of a bare weekday and the year of a year-less date from the
 * reference instant (forward or nearest). News tells the past, so this refiner re-picks them
 * (choose-day.ts): "on Tuesday" is the latest Tuesday on or before publication, "July 13" the
 * latest July 13 not after it; unless the clause is about the future or the cue is a deadline.
 * Each result it re-picks is tagged "dates/flexible/w/<weekday>/<modifier>" or
 * "dates/flexible/md/<month>/<day>", so a later stage can re-pick it for a 'planned' candidate.
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { chooseWeekday, chooseYear, type DayMode, type WeekdayModifier } from '../choose-day.ts';
import { partsOf } from '../day-math.ts';
import { TAG, hasIn, tag, tagsOf, valuesIn } from '../tags.ts';

export type FlexibleSpec =
  | { kind: 'weekday'; weekday: number; modifier: WeekdayModifier }
  | { kind: 'monthDay'; month: number; day: number };

/** The day number of the chrono reference (we always pass noon UTC of the publication day). */
export function referenceDay(context: ParsingContext): number {
  return Math.floor(context.refDate.getTime() / 86_400_000);
}

const MODIFIER =
  /\b(last|past|previous|next|coming|this)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+(?:of\s+)?(last|next|this)\s+week\b/i;

export function weekdayModifier(text: string): WeekdayModifier {
  const m = MODIFIER.exec(text);
  if (m?.[2]) {
    // "Monday last week", "Friday of next week", "Tuesday this week".
    const w = m[2].toLowerCase();
    return w === 'last' ? 'lastWeek' : w === 'next' ? 'nextWeek' : 'this';
  }
  const w = (m?.[1] ?? '').toLowerCase();
  if (w === 'last' || w === 'past' || w === 'previous') return 'last';
  if (w === 'next' || w === 'coming') return 'next';
  if (w === 'this') return 'this';
  return 'none';
}

/** Which way to pick a flexible day for this result. */
export function modeOf(tags: readonly string[]): DayMode {
  if (hasIn(tags, TAG.deadline)) return 'deadline';
  if (hasIn(tags, TAG.futureContext)) return 'future';
  return 'past';
}

const DAY_WRITTEN = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** What of the result's date is left for us to pick, or null when it is fixed. */
export function flexibleSpec(result: ParsingResult, tags: readonly string[]): FlexibleSpec | null {
  if (hasIn(tags, TAG.relative)) return null;
  const s = result.start;
  const writtenDay = s.isCertain('day') && s.isCertain('month') && DAY_WRITTEN.test(result.text);
  if (s.isCertain('weekday') && !writtenDay) {
    return { kind: 'weekday', weekday: s.get('weekday')!, modifier: weekdayModifier(result.text) };
  }
  if (writtenDay && !s.isCertain('year')) return { kind: 'monthDay', month: s.get('month')!, day: s.get('day')! };
  return null;
}

/** The spec stored on a result by this refiner. */
export function storedSpec(tags: readonly string[]): FlexibleSpec | null {
  const v = valuesIn(tags, TAG.flexible);
  if (!v) return null;
  if (v[0] === 'w') return { kind: 'weekday', weekday: Number(v[1]), modifier: (v[2] ?? 'none') as WeekdayModifier };
  if (v[0] === 'md') return { kind: 'monthDay', month: Number(v[1]), day: Number(v[2]) };
  return null;
}

/** The day a spec means for `mode`, or null when no such date exists. */
export function pickDay(spec: FlexibleSpec, pub: number, mode: DayMode): number | null {
  return spec.kind === 'weekday'
    ? chooseWeekday(pub, spec.weekday, spec.modifier, mode)
    : chooseYear(pub, spec.month, spec.day, mode);
}

const OWN_PERIODS = [TAG.anchor, TAG.deadlineDuration, TAG.span, TAG.monthSpan, TAG.yearSpan];

function isOwnPeriod(tags: readonly string[]): boolean {
  return OWN_PERIODS.some((t) => hasIn(tags, t));
}

export class PastPreferringRefiner implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const pub = referenceDay(context);
    for (const r of results) {
      const tags = tagsOf(r);
      if (isOwnPeriod(tags)) continue;
      const spec = flexibleSpec(r, tags);
      if (!spec) continue;
      const day = pickDay(spec, pub, modeOf(tags));
      if (day === null) continue;
      const p = partsOf(day);
      r.start.assign('year', p.year).assign('month', p.month).assign('day', p.day).assign('weekday', p.weekday);
      r.addTag(spec.kind === 'weekday' ? tag(TAG.flexible, 'w', spec.weekday, spec.modifier) : tag(TAG.flexible, 'md', spec.month, spec.day));
    }
    return results;
  }
}
