/**
 * dates.resolver.carried-opening: the opening time phrase of the event-less sentence just before
 * (ctx.before) carries over: "Just hours later, Pakistan did the same. They declared ...";
 * "On Monday, the talks resumed. The two sides signed ...".
 */
import { extractCues } from '../cues.ts';
import { resolveAnchor } from '../anchor.ts';
import type { DateResolution } from '../../types.ts';
import { absoluteCue, describe, fromDayCue, fromSpanCue, isAfter } from './common.ts';
import { chose, pass, type DateResolver, type Verdict } from './types.ts';
import { BACKGROUND_FRAME } from '../cue-data.ts';
import { toDayNumber } from '../day-math.ts';
import type { Sentence } from '../../types.ts';

/** Words that may come before a sentence's opening time phrase ("But just hours later, ..."). */
const OPENING = /^[\s"“'‘(]*(?:(?:and|but|then|so|yet|also|just|only|barely|even)\s+)*$/i;

export const carriedOpeningResolver: DateResolver = {
  id: 'dates.resolver.carried-opening',
  resolve({ ctx, candidate, story, published, sentence }) {
    const b = ctx.before;
    if (!b || !b.text) return backgroundFrame(ctx.earlier, sentence, story, published) ?? pass('no event-less sentence just before');
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

/**
 * dates.frame.background-period: "In October 2021, Algeria recalled its envoy. Macron criticised ...": the sentence
 * just before (same paragraph, even with an event of its own) opens with a past period that ended at least
 * BACKGROUND_FRAME.minAgeDays before publication; this sentence, with no cue of its own, is told in that period.
 */
function backgroundFrame(earlier: readonly Sentence[] | undefined, sentence: Sentence, story: string, published: string): Verdict | undefined {
  const b = earlier?.[earlier.length - 1];
  if (!b || b.paragraph !== sentence.paragraph || b.index !== sentence.index - 1 || !b.text) return undefined;
  const first = extractCues(b.text, story)[0];
  if (!first || first.kind !== 'span' || first.future || first.date === null || !OPENING.test(b.text.slice(0, first.start))) return undefined;
  const end = toDayNumber(first.range?.to ?? first.date);
  const pub = toDayNumber(published);
  if (end === null || pub === null || pub - end < BACKGROUND_FRAME.minAgeDays) return undefined;
  const res = fromSpanCue(b, first, 'relative');
  return chose(res, `${describe(res)}: the past period opening the sentence before frames this one (${BACKGROUND_FRAME.id})`);
}
