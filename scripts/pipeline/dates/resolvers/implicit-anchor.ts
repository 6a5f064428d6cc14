/**
 * dates.resolver.implicit-anchor: "said on Monday that talks held the previous day ...": an
 * implicit anchor ("the previous day", "a day later", "the same day") nearer to the trigger than
 * any own cue dates the candidate, counted from a day written in the sentence, else from the
 * event told before.
 */
import { ANCHOR_REACH } from '../anchor.ts';
import { gap } from '../select.ts';
import { anchoredDate } from './anchored.ts';
import { chose, pass, type DateResolver } from './types.ts';
import { describe } from './common.ts';

export const implicitAnchorResolver: DateResolver = {
  id: 'dates.resolver.implicit-anchor',
  resolve(input) {
    const { anchors, trigger, own } = input;
    const implicit = anchors.filter((a) => a.implicit && gap(a, trigger) <= ANCHOR_REACH);
    if (implicit.length === 0) return pass('no implicit anchor near the trigger');
    if (own && !implicit.some((a) => gap(a, trigger) < gap(own, trigger))) return pass(`own cue "${own.text.trim()}" is nearer`);
    const out = anchoredDate(input, implicit);
    if (out.kind === 'none') return pass('implicit anchor concerns another event');
    return chose(out.resolution, `${describe(out.resolution)}: counted from ${out.from ?? 'the day told before'} (${out.mode})`);
  },
};
