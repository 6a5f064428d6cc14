/**
 * dates.resolver.anchor: "hours after X", "a day after the talks", "two days later": the
 * candidate's day counted from the other event's (a day written on its side of the anchor, else
 * the earlier event its words name). X unknown: near the publication day, approximate.
 */
import { ANCHOR_EVENT_WORDS, RETELLING, WITHIN_EVENT } from '../cue-data.ts';
import { toDayNumber } from '../day-math.ts';
import { anchoredDate } from './anchored.ts';
import { describe } from './common.ts';
import { chose, pass, type DateInput, type DateResolver, type Verdict } from './types.ts';

/** The words naming each type's acts, anchored at the start of a trigger (compiled once). */
const OPENING_WORDS = new Map(ANCHOR_EVENT_WORDS.map(({ type, re }) => [type, new RegExp(`^(?:${re.source})`, 'iu')]));

/** Rule id: "The meeting took place a day after X", X unknown: the definite noun names the meeting told before. */
export const RETOLD_MAIN_ID = 'dates.anchor.retold-main';

/**
 * "The meeting took place a day after Iran launched ...": the candidate is a definite noun naming
 * an act of its own type ("The meeting", "the talks"), and an act of that type was told shortly
 * before publication: the sentence tells that act again, on its day (rule dates.anchor.retold-main).
 */
function retoldMain({ sentence, trigger, candidate, ctx, published }: DateInput): Verdict | undefined {
  const opening = OPENING_WORDS.get(candidate.type);
  const noun = sentence.text.slice(trigger.start, trigger.end);
  if (!opening) return undefined;
  // The trigger opens with the noun ("meeting took place", "talks").
  const m = opening.exec(noun.trim());
  if (!m || !RETELLING.definite.test(sentence.text.slice(Math.max(0, trigger.start - 30), trigger.start))) return undefined;
  const last = [...(ctx.previous ?? [])].reverse().find((p) => p.type === candidate.type);
  if (!last) return undefined;
  const n = toDayNumber(last.date);
  const pub = toDayNumber(published)!;
  if (n === null || n > pub || pub - n > WITHIN_EVENT.maxDaysBefore) return undefined;
  return chose({ date: last.date, precision: 'day', evidence: 'anchor' }, `date=${last.date}: "${m[0]}" names the ${candidate.type} told before ("${last.trigger}"), the other event is unknown (${RETOLD_MAIN_ID})`);
}

export const anchorResolver: DateResolver = {
  id: 'dates.resolver.anchor',
  resolve(input) {
    const out = anchoredDate(input, input.anchors);
    if (out.kind === 'none') {
      if (input.anchors.some((a) => !a.implicit && a.unit === 'none' && a.relation === 'after' && a.start >= input.trigger.end)) {
        return pass('a plain "after X" with a day of X\'s own says only that the event came later (dates.anchor.plain-after)');
      }
      return pass(input.anchors.length ? 'no anchor phrase concerns the event' : 'no anchor phrase');
    }
    if (out.other === 'unknown' && out.mode === 'forward') {
      const retold = retoldMain(input);
      if (retold) return retold;
    }
    const why =
      out.other === 'known' ? `counted from ${out.from ?? 'the other event'} (${out.mode})`
      : out.other === 'unknown' ? 'the other event is unknown: near publication'
      : 'would fall after publication: near publication';
    return chose(out.resolution, `${describe(out.resolution)}: ${why}`);
  },
};
