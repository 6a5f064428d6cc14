/**
 * dates.resolver.readout: "In a joint statement, the two presidents said the call focused on
 * migration": a statement (or joint statement) with no cue of its own whose words after the
 * trigger name, with a definite determiner, a meeting or visit told before ("the call", "the
 * talks", "this visit") reports on that event; it took that event's day, when the day lies shortly
 * before (or on) publication. Other acts about an earlier meeting ("X criticised the talks") are
 * left to the other resolvers: a reaction may come days later, a readout does not.
 */
import { WITHIN_EVENT } from '../cue-data.ts';
import { toDayNumber } from '../day-math.ts';
import { chose, pass, type DateResolver } from './types.ts';

export const readoutResolver: DateResolver = {
  id: WITHIN_EVENT.readout.id,
  resolve({ ctx, sentence, candidate, trigger, needsOwnDate, published }) {
    if (!WITHIN_EVENT.readout.types.has(candidate.type)) return pass('not a statement');
    if (needsOwnDate) return pass('background needs a day of its own');
    const previous = ctx.previous ?? [];
    if (previous.length === 0) return pass('no event told before');
    const after = sentence.text.slice(trigger.end);
    for (const { kind, re } of WITHIN_EVENT.readout.nouns) {
      const m = re.exec(after);
      if (!m) continue;
      const last = [...previous].reverse().find((p) => p.type === kind);
      if (!last) continue;
      const n = toDayNumber(last.date);
      const pub = toDayNumber(published)!;
      if (n === null || n > pub || pub - n > WITHIN_EVENT.maxDaysBefore) return pass(`"${m[0]}" names an event (${last.date}) not shortly before publication`);
      return chose({ date: last.date, precision: 'day', evidence: 'anchor' }, `date=${last.date}: the statement reports on "${m[0]}" ("${last.trigger}")`);
    }
    return pass('names no meeting or visit told before');
  },
};
