/**
 * dates.resolver.carried-opening: the opening time phrase of the event-less sentence just before
 * (ctx.before) carries over: "Just hours later, Pakistan did the same. They declared ...";
 * "On Monday, the talks resumed. The two sides signed ...".
 */
import { extractCues } from '../cues.ts';
import { resolveAnchor } from '../anchor.ts';
import type { DateResolution } from '../../types.ts';
import { absoluteCue, describe, fromDayCue, fromSpanCue, isAfter } from './common.ts';
import { chose, pass, type DateResolver } from './types.ts';

/** Words that may come before a sentence's opening time phrase ("But just hours later, ..."). */
const OPENING = /^[\s"“'‘(]*(?:(?:and|but|then|so|yet|also|just|only|barely|even)\s+)*$/i;

export const carriedOpeningResolver: DateResolver = {
  id: 'dates.resolver.carried-opening',
  resolve({ ctx, candidate, story, published }) {
    const b = ctx.before;
    if (!b || !b.text) return pass('no event-less sentence just before');
    const first = extractCues(b.text, story)[0];
    if (!first) return pass('the sentence before has no cue');
    if (!OPENING.test(b.text.slice(0, first.start))) return pass('the sentence before does not open with its cue');
    if (first.kind === 'day') {
      const res = fromDayCue(b, candidate, first, story, published);
      return chose(res, `${describe(res)}: opening of the sentence before`);
    }
    if (first.kind === 'span' && !first.weak) {
      const res = fromSpanCue(b, first, 'relative');
      return chose(res, `${describe(res)}: opening period of the sentence before`);
    }
    if (first.kind === 'anchor' && first.implicit) {
      const end = { start: b.text.length, end: b.text.length };
      const found = resolveAnchor(b.text, [first], end, ctx.previous ?? [], story);
      if (!found?.result) return pass('opening anchor of the sentence before has no base');
      const res: DateResolution = { date: found.result.date, precision: found.result.precision, evidence: 'anchor', cue: absoluteCue(b, first) };
      if (found.result.range) res.range = found.result.range;
      if (isAfter(found.result.date, published)) res.future = true;
      return chose(res, `${describe(res)}: opening anchor of the sentence before`);
    }
    return pass(`opening ${first.kind} cue does not date an event`);
  },
};
