/**
 * dates.resolver.anchor: "hours after X", "a day after the talks", "two days later": the
 * candidate's day counted from the other event's (a day written on its side of the anchor, else
 * the earlier event its words name). X unknown: near the publication day, approximate.
 */
import { anchoredDate } from './anchored.ts';
import { describe } from './common.ts';
import { chose, pass, type DateResolver } from './types.ts';

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
    const why =
      out.other === 'known' ? `counted from the other event (${out.mode})`
      : out.other === 'unknown' ? 'the other event is unknown: near publication'
      : 'would fall after publication: near publication';
    return chose(out.resolution, `${describe(out.resolution)}: ${why}`);
  },
};
