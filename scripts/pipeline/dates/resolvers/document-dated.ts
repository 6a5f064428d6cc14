/**
 * dates.resolver.document-dated: an act reported by a document whose own date the attribution gives ("The three were
 * declared persona non grata ..., the foreign ministry said in a note dated Tuesday"; "according to a decree dated
 * 3 May") took effect in that document: the act has that day, not the day the press saw the document. Only for acts
 * (statements are dated by their own setting), only after the trigger, and only with no cue of the act's own.
 */
import { DOCUMENT_DATED } from '../cue-data.ts';
import { absoluteCue } from './common.ts';
import { chose, pass, type DateResolver } from './types.ts';

export const documentDatedResolver: DateResolver = {
  id: DOCUMENT_DATED.id,
  resolve({ candidate, sentence, days, trigger, published }) {
    if (candidate.type === 'statement') return pass('a statement is dated by its own setting');
    const after = sentence.text.slice(trigger.end, trigger.end + DOCUMENT_DATED.reach);
    const m = DOCUMENT_DATED.re.exec(after);
    if (!m || !DOCUMENT_DATED.attribution.test(after.slice(0, m.index))) return pass('no "<document> dated <day>" in the attribution after the trigger');
    const at = trigger.end + m.index + m[0].length;
    const cue = days.find((d) => d.start >= at && d.start <= at + DOCUMENT_DATED.gap);
    if (!cue) return pass(`"${m[0].trim()}" with no day right after it`);
    if (cue.date > published) return pass(`the document's day ${cue.date} lies after publication`);
    return chose({ date: cue.date, precision: 'day', evidence: cue.evidence, cue: absoluteCue(sentence, cue) }, `date=${cue.date} ("${m[0].trim()} ${cue.text.trim()}"): the day of the document that reports the act`);
  },
};
