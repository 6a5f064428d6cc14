/**
 * dates.cue.appositive-day: a relative day or weekday restated at once by an explicit date ("signed today, the 7th
 * October 2024", "met on Monday (Oct 7)") is one cue with the explicit date: a story written the day before it was
 * posted says "today" of a day that is not the publication day, and the explicit date says which. Only when the two
 * disagree; when they agree the cues are left as they are.
 */
import { APPOSITIVE_DAY } from './cue-data.ts';
import type { DateCue, DayCue } from './cues.ts';

/** Longest text allowed between the two cues (", the ", " ("). */
const MAX_BETWEEN = 8;

export function joinAppositiveDays(text: string, cues: DateCue[]): DateCue[] {
  if (cues.length < 2) return cues;
  let out: DateCue[] | undefined;
  for (let i = 0; i + 1 < cues.length; i++) {
    const a = cues[i]!;
    const b = cues[i + 1]!;
    if (a.kind !== 'day' || b.kind !== 'day' || a.evidence === 'explicit' || b.evidence !== 'explicit' || a.date === b.date) continue;
    if (b.start < a.end || b.start - a.end > MAX_BETWEEN || !APPOSITIVE_DAY.between.test(text.slice(a.end, b.start))) continue;
    const joined: DayCue = { ...b, start: a.start, text: text.slice(a.start, b.end), restates: a.text };
    out ??= [...cues];
    out[i] = joined;
    out[i + 1] = joined;
  }
  return out ? out.filter((c, i, xs) => xs.indexOf(c) === i) : cues;
}
