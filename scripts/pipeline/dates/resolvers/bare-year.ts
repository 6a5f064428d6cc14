/** dates.resolver.bare-year: "in 2022" is background: the middle of that year, approximate (the assembler drops so wide a span). */
import { nearestCue } from '../select.ts';
import type { SpanCue } from '../cues.ts';
import { describe, fromSpanCue } from './common.ts';
import { chose, pass, type DateResolver } from './types.ts';

export const bareYearResolver: DateResolver = {
  id: 'dates.resolver.bare-year',
  resolve({ sentence, cues, trigger, clause, anchors }) {
    const weak = cues.filter((c): c is SpanCue => c.kind === 'span' && c.weak);
    if (weak.length === 0) return pass('no bare year');
    const cue = nearestCue(sentence.text, weak, trigger, clause, anchors);
    if (!cue) return pass('the bare year is not the event\'s own');
    const res = fromSpanCue(sentence, cue, 'explicit');
    return chose(res, `${describe(res)}: bare year, approximate`);
  },
};
