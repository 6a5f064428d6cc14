/**
 * Tags our chrono parsers and refiners put on results. Chrono results only carry date components
 * and string tags, and tags survive chrono's merging refiners (which clone results), so the
 * extra facts a news cue needs are written as tags of the form "dates/<name>/<value>/...".
 */
import type { ParsingResult } from 'chrono-node';

export const TAG = {
  /** A vague period ("last week"); value: span rule. */
  span: 'dates/span',
  /** "in June", "early March 2024"; values: part (whole|early|mid|late), relative year (none|last|this|next). */
  monthSpan: 'dates/month-span',
  /** "in 2022", "late 2023"; value: part. */
  yearSpan: 'dates/year-span',
  /** "within 50 days", "a 50-day ultimatum"; value: length in days. */
  deadlineDuration: 'dates/deadline-duration',
  /** A day or weekday introduced by "by", "until", "before" or followed by "deadline". */
  deadline: 'dates/deadline',
  /** "hours after", "two days before", "following"; values: relation, unit, count, implicit (0|1). */
  anchor: 'dates/anchor',
  /** Future words ("will", "is due to") shortly before the cue in the same clause. */
  futureContext: 'dates/future-context',
  /** Weekday or day without a year, whose year/week our refiner chose; value: weekday modifier. */
  flexible: 'dates/flexible',
  /** "yesterday", "two days ago", "today". */
  relative: 'dates/relative',
} as const;

/** Builds "dates/x/a/b". */
export function tag(name: string, ...values: Array<string | number>): string {
  return [name, ...values.map(String)].join('/');
}

/** The result's tags, read once (chrono copies its tag set on every `tags()` call). */
export function tagsOf(result: ParsingResult): readonly string[] {
  return [...result.start.tags()];
}

/** The values of the first tag `name` in `tags` ("dates/span/lastWeek" -> ["lastWeek"]), or null. */
export function valuesIn(tags: readonly string[], name: string): string[] | null {
  const prefix = prefixOf(name);
  for (const t of tags) {
    if (t === name) return [];
    if (t.startsWith(prefix)) return t.slice(prefix.length).split('/');
  }
  return null;
}

/** Whether `tags` hold a tag `name` (same test as `valuesIn(...) !== null`, without building the values). */
export function hasIn(tags: readonly string[], name: string): boolean {
  const prefix = prefixOf(name);
  for (const t of tags) if (t === name || t.startsWith(prefix)) return true;
  return false;
}

const prefixes = new Map<string, string>();
/** "name/" (built once per tag name). */
function prefixOf(name: string): string {
  let p = prefixes.get(name);
  if (p === undefined) {
    p = `${name}/`;
    prefixes.set(name, p);
  }
  return p;
}

/** The values of the first tag `name` on the result, or null. */
export function tagValues(result: ParsingResult, name: string): string[] | null {
  return valuesIn(tagsOf(result), name);
}

export function hasTag(result: ParsingResult, name: string): boolean {
  return tagValues(result, name) !== null;
}

/** True when one of our parsers made the result, or our refiners tagged it. */
export function isOurs(tags: readonly string[]): boolean {
  return tags.some((t) => t.startsWith('dates/'));
}

/**
 * Marks a result of ours as a date (not a time) so chrono's date+time merging leaves it alone:
 * a result without any certain date component counts as "only a time" for chrono and gets glued
 * to a neighbouring date ("on Sunday, two days after"). The year written is the reference year
 * and is never read back (our cues are read from their tags).
 */
export function markAsDate(result: ParsingResult): ParsingResult {
  if (!result.start.isCertain('year') && !result.start.isCertain('month')) {
    result.start.assign('year', result.start.get('year') ?? result.refDate.getUTCFullYear());
  }
  return result;
}
