/**
 * dates.resolver.continued-account: "On the first day of his visit, the minister held talks with
 * eight counterparts. The minister also met the Fijian prime minister.": with no cue of its own,
 * an act introduced by "also", "then", "later" (right before the trigger) continues the account
 * told just before, on the day of the event told last, when that day lies shortly before
 * publication (an account of today's events needs no carrying). So does a sentence that opens with a
 * speaker referring back ("The Iranian official said ...", "He added ...").
 */
import type { EventType } from '../../types.ts';
import { CONTINUATION } from '../cue-data.ts';

/** Event types that are a report's words: a follow-up sentence about them continues the report. */
const SPEECH_TYPES: ReadonlySet<EventType> = new Set<EventType>(['accusation', 'statement', 'threat']);
import { toDayNumber } from '../day-math.ts';
import { chose, pass, type DateResolver } from './types.ts';

/** "swiftly responded, threatening": a response word among the last three words before the trigger, as a match. */
function responseBefore(before: string): [string] | null {
  const words = before.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean).slice(-3);
  const hit = words.find((w) => CONTINUATION.responseWords.has(w));
  return hit ? [hit] : null;
}

/**
 * "The ministry slammed ...", "The three governments condemned ...", "They rejected ...": the
 * sentence opens with a subject referring back to an actor already told, and the trigger is its
 * verb (it starts within a few characters after the subject), as a match.
 */
export function subjectReferringBack(text: string, triggerStart: number, type: EventType): [string] | null {
  const m = CONTINUATION.anaphoricSubject.exec(text);
  if (!m) return null;
  // A pronoun continues any account; a definite description ("The ministry") only a report's
  // further words ("The minister met the Fijian prime minister" may be a new act on another day).
  const pronoun = /^\W*(?:He|She|They|It)$/u.test(m[0]);
  if (!pronoun && !SPEECH_TYPES.has(type)) return null;
  const end = m.index + m[0].length;
  return triggerStart >= end && triggerStart - end <= CONTINUATION.anaphoricSubjectReach ? [m[0]] : null;
}

export const continuedAccountResolver: DateResolver = {
  id: CONTINUATION.id,
  resolve({ ctx, sentence, trigger, published, needsOwnDate, candidate }) {
    if (needsOwnDate) return pass('background needs a day of its own');
    const last = ctx.previous?.[ctx.previous.length - 1];
    if (!last) return pass('no event told before');
    const before = sentence.text.slice(Math.max(0, trigger.start - 40), trigger.start);
    const marker =
      CONTINUATION.markerBefore.exec(before) ?? responseBefore(before) ?? CONTINUATION.anaphoricSpeaker.exec(sentence.text) ?? subjectReferringBack(sentence.text, trigger.start, candidate.type);
    if (!marker) return pass('no "also"/"then" before the trigger, no speaker referring back');
    const n = toDayNumber(last.date);
    const pub = toDayNumber(published)!;
    if (n === null || n > pub || pub - n > CONTINUATION.maxDaysBefore) return pass(`the event told last (${last.date}) is not shortly before publication`);
    if (last.date === published) return pass('the event told last is on the publication day');
    return chose(
      { date: last.date, precision: 'day', evidence: 'anchor' },
      `date=${last.date}: "${marker[0].trim()}" continues the account of "${last.trigger}"`,
    );
  },
};
