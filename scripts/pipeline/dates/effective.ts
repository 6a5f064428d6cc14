/**
 * dates.select.effective-day: "imposing tariffs starting on Tuesday", "sanctions that take effect
 * from Monday", "the treaty comes into force on 1 May": the cue is the day a measure starts to
 * apply, not the day it was decided, announced or signed. For a measure's event type (date-cues.json
 * "effectiveDay" types) the cue is set aside before the own cue is chosen; the other resolvers then
 * date the act (the sentence's other cue, the account told before, the lead's day).
 */
import type { Span } from '../types.ts';
import { EFFECTIVE_DAY } from './cue-data.ts';

/** How many characters before the cue are read for the effect words. */
const REACH = 40;

/** True when the words right before `cue` in `text` say the day is when a measure takes effect. */
export function isEffectiveDay(text: string, cue: Span): boolean {
  return EFFECTIVE_DAY.before.test(text.slice(Math.max(0, cue.start - REACH), cue.start));
}
