/**
 * dates.resolver.dated-frame: an act placed inside an act the text dated by its own words a few
 * sentences before ("Earlier, on February 27, the deputy premier visited Ulaanbaatar. The two
 * governments signed a memorandum during that visit."; "landed in Seoul on Tuesday 20 May, marking
 * his first visit since 2016. During the visit, the two leaders signed ...") happened on that act's
 * day, also when that act is dated background or lies long before publication, where
 * dates.resolver.within-event (news acts shortly before publication) does not reach. The phrase is
 * within-event's ("during/at the|that|his <noun>"); the frame is the last act of the noun's type told
 * at most datedFrame.sentencesBack sentences before with a day from its own words (explicit, weekday
 * or relative). An act of that type told after the frame, or a frame within within-event's reach,
 * is left to within-event.
 */
import { DATED_FRAME, PAST_EVENT_MODIFIERS, WITHIN_EVENT } from '../cue-data.ts';
import { toDayNumber } from '../day-math.ts';
import { chose, pass, type DateResolver } from './types.ts';

export const datedFrameResolver: DateResolver = {
  id: DATED_FRAME.id,
  resolve({ ctx, sentence, candidate, needsOwnDate, published }) {
    if (needsOwnDate) return pass('background needs a day of its own');
    const frames = ctx.frames ?? [];
    if (frames.length === 0) return pass('no act dated by its own words told before');
    for (const { kind, re } of WITHIN_EVENT.patterns) {
      const m = re.exec(sentence.text);
      if (!m) continue;
      const possessive = WITHIN_EVENT.possessive.words.has(m[1]!.toLowerCase());
      if (possessive && (m[2] ?? '').split(/\s+/u).some((w) => PAST_EVENT_MODIFIERS.has(w.toLowerCase()))) return pass(`"${m[0]}" names an earlier event`);
      const frame = [...frames].reverse().find((f) => (kind === 'any' || f.type === kind) && sentence.index - f.sentence <= DATED_FRAME.sentencesBack);
      if (!frame) return pass(`"${m[0]}" names no act dated by its own words in the ${DATED_FRAME.sentencesBack} sentences before`);
      const later = [...(ctx.previous ?? [])].reverse().find((p) => kind === 'any' || p.type === kind);
      if (later?.sentence !== undefined && later.sentence > frame.sentence) return pass(`an act of that type ("${later.trigger}") was told after "${frame.trigger}"`);
      const n = toDayNumber(frame.date);
      const pub = toDayNumber(published)!;
      if (n === null || n > pub) return pass(`the act "${m[0]}" names (${frame.date}) is after publication`);
      if (!frame.background && pub - n <= WITHIN_EVENT.maxDaysBefore) return pass(`the act "${m[0]}" names is news within reach of ${WITHIN_EVENT.id}`);
      return chose(
        { date: frame.date, precision: 'day', evidence: 'anchor' },
        `date=${frame.date}: "${m[0]}" places the act inside "${frame.trigger}", dated by its own words${frame.background ? ' (dated background)' : ''}`,
      );
    }
    // "Earlier, on March 31 this year, he paid a working visit ... He held a meeting with Rahmon.": the talks and deals told
    // right after a visit dated by a calendar day that within-event and story-frame do not reach are its parts (visitParts).
    const vp = DATED_FRAME.visitParts;
    if (!vp.types.has(candidate.type)) return pass('no "during the visit"/"at that meeting" phrase');
    const visit = frames[frames.length - 1]!;
    if (visit.type !== 'visit' || visit.evidence !== 'explicit' || !visit.retrospective || sentence.index - visit.sentence > vp.sentencesBack) return pass(`no "during the visit"/"at that meeting" phrase, and no visit told as a look back with a calendar day just before (${vp.id})`);
    const later = ctx.previous?.[ctx.previous.length - 1];
    if (later?.sentence !== undefined && later.sentence > visit.sentence && later.evidence !== 'anchor') return pass(`an act dated otherwise ("${later.trigger}") was told after the visit (${vp.id})`);
    const n = toDayNumber(visit.date);
    const pub = toDayNumber(published)!;
    if (n === null || n > pub || (!visit.background && pub - n <= vp.minDaysBefore)) return pass(`the visit told just before is news within reach of story-frame (${vp.id})`);
    return chose({ date: visit.date, precision: 'day', evidence: 'anchor' }, `date=${visit.date}: a ${candidate.type} told right after the visit "${visit.trigger}", dated by a calendar day${visit.background ? ' (dated background)' : ''} (${vp.id})`);
  },
};
