/**
 * dates.resolver.told-before: "On the evening of October 1, Iran launched a missile attack on
 * Israel. ... Israel said Iran launched 180 missiles.": with no cue of its own, an act of the same
 * type as the event told last, whose trigger has the same head word (../later-retelling.ts
 * `triggerStems`), is that act told again: it takes that event's day, however old (unlike
 * dates.resolver.continued-account, which carries the account of recent days only).
 */
import { triggerStems } from './later-retelling.ts';
import { chose, pass, type DateResolver } from './types.ts';

export const toldBeforeResolver: DateResolver = {
  id: 'dates.resolver.told-before',
  resolve({ ctx, candidate, needsOwnDate }) {
    if (needsOwnDate) return pass('background needs a day of its own');
    const last = ctx.previous?.[ctx.previous.length - 1];
    if (!last) return pass('no event told before');
    if (last.type !== candidate.type) return pass('the event told last is of another type');
    const mine = triggerStems(candidate.trigger.text);
    const theirs = triggerStems(last.trigger);
    if (mine.length === 0 || !mine.some((m) => theirs.includes(m))) return pass('the event told last has another head word');
    return chose({ date: last.date, precision: 'day', evidence: 'anchor' }, `date=${last.date}: the act told last ("${last.trigger}") told again`);
  },
};
