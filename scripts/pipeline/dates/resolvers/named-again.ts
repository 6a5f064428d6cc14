/**
 * dates.resolver.named-again: "Airstrikes hit two provinces on Friday. ... The statement did not
 * describe the strikes, but a local leader said two districts were bombed.": with no cue of its
 * own, a candidate whose sentence names an act of its own type with a definite determiner ("the
 * strikes", "these sanctions", "that meeting"), other than its trigger, tells that act again: it
 * takes the day of the last event of that type told before, when that day lies shortly before (or
 * on) publication. Unlike dates.resolver.told-before, the trigger may be another word for the act.
 */
import { ANCHOR_EVENT_WORDS, RETELLING, WITHIN_EVENT } from '../cue-data.ts';
import { toDayNumber } from '../day-math.ts';
import { chose, pass, type DateResolver } from './types.ts';

export const NAMED_AGAIN_ID = 'dates.resolver.named-again';

/** The words naming each type's acts, as global patterns (compiled once). */
const WORDS_BY_TYPE = new Map(ANCHOR_EVENT_WORDS.map(({ type, re }) => [type, new RegExp(re.source, 'giu')]));

export const namedAgainResolver: DateResolver = {
  id: NAMED_AGAIN_ID,
  resolve({ ctx, sentence, candidate, trigger, needsOwnDate, published }) {
    if (needsOwnDate) return pass('background needs a day of its own');
    const previous = ctx.previous ?? [];
    const last = [...previous].reverse().find((p) => p.type === candidate.type);
    if (!last) return pass('no event of this type told before');
    const re = WORDS_BY_TYPE.get(candidate.type);
    if (!re) return pass('no nouns for this type');
    for (const m of sentence.text.matchAll(re)) {
      const at = m.index!;
      if (at < trigger.end && at + m[0].length > trigger.start) continue; // the trigger itself
      if (!RETELLING.definite.test(sentence.text.slice(Math.max(0, at - 30), at))) continue;
      const n = toDayNumber(last.date);
      const pub = toDayNumber(published)!;
      if (n === null || n > pub || pub - n > WITHIN_EVENT.maxDaysBefore) return pass(`"${m[0]}" names an act (${last.date}) not shortly before publication`);
      return chose({ date: last.date, precision: 'day', evidence: 'anchor' }, `date=${last.date}: the sentence names the act again ("${m[0]}", told as "${last.trigger}")`);
    }
    return pass('the sentence names no act of this type with a definite determiner');
  },
};
