/**
 * dates.resolver.story-frame: an act with no cue of its own, told right after an act the text
 * dates with a day of its own shortly before publication, goes on with that account ("The two
 * presidents signed a treaty on Friday. The document was inked during the visit to Astana."): it
 * takes that day, not the publication day. The account must be close: the event told last sits in
 * the same sentence or one of the two before (date-cues.json storyFrame.sentencesBack: one sentence
 * of colour may lie between), and its day came from its own words (not a default).
 * Speech acts are left out: told after an act, they are most often a later reaction to it.
 * A meeting or deal told with a visit (same sentence or the next) is held during it: it takes the
 * visit's day even when a press release is posted more than maxDaysBefore days later (visitFrame).
 */
import { STORY_FRAME } from '../cue-data.ts';
import { toDayNumber } from '../day-math.ts';
import { chose, pass, type DateResolver } from './types.ts';

export const storyFrameResolver: DateResolver = {
  id: STORY_FRAME.id,
  resolve({ ctx, sentence, candidate, needsOwnDate, published }) {
    if (needsOwnDate) return pass('background needs a day of its own');
    if (STORY_FRAME.speechTypes.has(candidate.type)) return pass('a speech act told after an act may be a later reaction to it');
    const last = ctx.previous?.[ctx.previous.length - 1];
    if (!last) return pass('no event told before');
    if (!last.evidence || !STORY_FRAME.evidence.has(last.evidence)) return pass(`the event told last ("${last.trigger}") has no day of its own`);
    if (last.sentence === undefined || sentence.index - last.sentence > STORY_FRAME.sentencesBack) return pass(`the event told last ("${last.trigger}") is not in this sentence or the ${STORY_FRAME.sentencesBack} before`);
    const n = toDayNumber(last.date);
    const pub = toDayNumber(published)!;
    const vf = STORY_FRAME.visitFrame;
    if (n !== null && n < pub && last.type === 'visit' && vf.types.has(candidate.type) && sentence.index - last.sentence <= vf.sentencesBack && pub - n <= vf.maxDaysBefore) {
      return chose({ date: last.date, precision: 'day', evidence: 'anchor' }, `date=${last.date}: held during the visit told just before ("${last.trigger}"), dated by its own words`);
    }
    if (n === null || n >= pub || pub - n > STORY_FRAME.maxDaysBefore) return pass(`the event told last (${last.date}) is not shortly before publication`);
    return chose({ date: last.date, precision: 'day', evidence: 'anchor' }, `date=${last.date}: goes on with the account of "${last.trigger}", dated by its own words`);
  },
};
