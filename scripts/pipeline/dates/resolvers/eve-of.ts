/**
 * dates.resolver.eve-of: "The two leaders have met to discuss the dam. Their rare meeting was on
 * the eve of a summit in Cairo ... X is set to attend Thursday's summit.": an act told (in its own
 * sentence, or in one of the next two, which names the act again before the phrase) as happening
 * "on the eve of" an event whose day is written next to the same noun there or in the next two
 * sentences ("Thursday's summit", "the summit on Thursday") lies on the day before that event.
 * The result must not lie after publication; background needs a day of its own.
 */
import type { Sentence } from '../../types.ts';
import { ANCHOR_EVENT_WORDS, EVE_OF } from '../cue-data.ts';
import { extractCues, repickDay, type DayCue } from '../cues.ts';
import { addDays, toDayNumber } from '../day-math.ts';
import { triggerStems } from './later-retelling.ts';
import { chose, pass, type DateResolver } from './types.ts';

/** The day written next to `noun` (a day cue ending right before it or starting right after it) in `s`. */
function dayNextTo(s: Sentence, noun: string, story: string, published: string): string | undefined {
  const lower = s.text.toLowerCase();
  for (let at = lower.indexOf(noun); at >= 0; at = lower.indexOf(noun, at + noun.length)) {
    for (const c of extractCues(s.text, story)) {
      if (c.kind !== 'day') continue;
      const before = at - c.end;
      const after = c.start - (at + noun.length);
      if ((before >= 0 && before <= EVE_OF.near) || (after >= 0 && after <= EVE_OF.near)) {
        const cue = c as DayCue;
        // A weekday named for a coming event is picked forward from publication.
        return cue.flexible ? repickDay(cue, published, 'future') : cue.date;
      }
    }
  }
  return undefined;
}

export const eveOfResolver: DateResolver = {
  id: EVE_OF.id,
  resolve({ ctx, sentence, candidate, needsOwnDate, published, story, trigger }) {
    if (needsOwnDate) return pass('background needs a day of its own');
    const stems = triggerStems(candidate.trigger.text);
    const typeWords = ANCHOR_EVENT_WORDS.find((w) => w.type === candidate.type)?.re;
    const following = (ctx.following ?? []).slice(0, EVE_OF.sentencesAhead);
    const own: Sentence[] = [sentence, ...following];
    for (const [i, s] of own.entries()) {
      const m = EVE_OF.re.exec(s.text);
      if (!m) continue;
      if (i === 0 && m.index < trigger.end) continue;
      if (i > 0) {
        // The later sentence must name the act again before the phrase ("Their rare meeting was ...").
        const head = s.text.slice(0, m.index).toLowerCase();
        const named = stems.some((st) => head.includes(st)) || (typeWords ? typeWords.test(head) : false);
        if (!named) continue;
      }
      const noun = m[1]!.toLowerCase();
      for (const t of own.slice(i, i + 1 + EVE_OF.sentencesAhead)) {
        const day = dayNextTo(t, noun, story, published);
        if (!day) continue;
        const date = addDays(day, -1);
        const n = toDayNumber(date);
        if (n === null || n > toDayNumber(published)!) return pass(`the day before the ${noun} (${date}) lies after publication`);
        return chose({ date, precision: 'day', evidence: 'anchor' }, `date=${date}: "${m[0]}" (the ${noun} on ${day})`);
      }
      return pass(`"${m[0]}" but no day written next to "${noun}"`);
    }
    return pass('no "on the eve of" phrase about the act');
  },
};
