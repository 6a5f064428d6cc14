/**
 * dates.resolver.within-event: a bridging reference. "Omamo held talks with Faisal on Sunday. The
 * two ministers during the talks signed a memorandum.": an act placed inside an event the text
 * told before ("during the talks", "at the meeting", "At the event, ...") happened on that
 * event's day. The event is the last one told before whose type the noun names (any type for
 * "event", "ceremony", "occasion"); its day must lie shortly before (or on) publication.
 * Background needs a day of its own and is left alone. With no event of that type told before, a
 * later sentence that tells the frame event with its day ("On the sidelines of the meeting, ...
 * signed"; "The meeting took place on Wednesday") dates it (dates.resolver.within-event.later);
 * failing that, a sentence just before that names it with its day ("... said while meeting the
 * minister yesterday. During the meeting, ...": dates.resolver.within-event.earlier).
 */
import { PAST_EVENT_MODIFIERS, WITHIN_EVENT } from '../cue-data.ts';
import { describe } from './common.ts';
import { toldLater } from './later-retelling.ts';
import { toDayNumber } from '../day-math.ts';
import { chose, pass, type DateResolver } from './types.ts';

export const withinEventResolver: DateResolver = {
  id: WITHIN_EVENT.id,
  resolve({ ctx, sentence, candidate, needsOwnDate, published, story }) {
    if (needsOwnDate) return pass('background needs a day of its own');
    const previous = ctx.previous ?? [];
    for (const { kind, re } of WITHIN_EVENT.patterns) {
      const m = re.exec(sentence.text);
      if (!m) continue;
      // "during his previous trip": a possessive phrase with a past modifier names an earlier event.
      const possessive = WITHIN_EVENT.possessive.words.has(m[1]!.toLowerCase());
      if (possessive && (m[2] ?? '').split(/\s+/u).some((w) => PAST_EVENT_MODIFIERS.has(w.toLowerCase()))) return pass(`"${m[0]}" names an earlier event (${WITHIN_EVENT.possessive.id})`);
      const via = possessive ? ` (${WITHIN_EVENT.possessive.id})` : '';
      const last = [...previous].reverse().find((p) => kind === 'any' || p.type === kind);
      if (!last) {
        // "On the sidelines of the meeting between the two leaders, ... signed": the frame event
        // may be dated further down ("The meeting took place on Wednesday").
        const words = kind === 'any' ? undefined : WITHIN_EVENT.later.nouns.get(kind);
        const later = toldLater(ctx.following, [], words, candidate, story, published);
        if (later) return chose({ ...later.resolution, evidence: 'anchor' }, `${describe(later.resolution)}: "${m[0]}" places the act inside the ${kind} told later ("${later.words}", ${WITHIN_EVENT.later.id})${via}`);
        // "... said while meeting the minister yesterday. During the meeting, ...": the frame
        // event is named, with its day, in a sentence just before that gave no event.
        const before = words ? toldLater([...(ctx.earlier ?? [])].reverse(), [], words, candidate, story, published) : undefined;
        if (before) return chose({ ...before.resolution, evidence: 'anchor' }, `${describe(before.resolution)}: "${m[0]}" places the act inside the ${kind} named just before ("${before.words}", ${WITHIN_EVENT.earlier.id})${via}`);
        return pass(`"${m[0]}" names no event told before, just before or dated later`);
      }
      const n = toDayNumber(last.date);
      const pub = toDayNumber(published)!;
      if (n === null || n > pub || pub - n > WITHIN_EVENT.maxDaysBefore) return pass(`the event "${m[0]}" names (${last.date}) is not shortly before publication`);
      return chose({ date: last.date, precision: 'day', evidence: 'anchor' }, `date=${last.date}: "${m[0]}" places the act inside "${last.trigger}"${via}`);
    }
    if (previous.length === 0) return pass('no event told before');
    const stay = WITHIN_EVENT.stay.re.exec(sentence.text);
    if (stay) {
      const last = [...previous].reverse().find((p) => p.type === 'visit') ?? [...previous].reverse().find((p) => p.type === 'meeting');
      if (!last) return pass(`"${stay[0]}" but no visit or meeting told before (${WITHIN_EVENT.stay.id})`);
      const n = toDayNumber(last.date);
      const pub = toDayNumber(published)!;
      if (n === null || n > pub || pub - n > WITHIN_EVENT.maxDaysBefore) return pass(`the stay "${stay[0]}" names (${last.date}) is not shortly before publication (${WITHIN_EVENT.stay.id})`);
      return chose({ date: last.date, precision: 'day', evidence: 'anchor' }, `date=${last.date}: "${stay[0]}" places the act inside "${last.trigger}" (${WITHIN_EVENT.stay.id})`);
    }
    return pass('no "during the talks"/"at the event"/"while in" phrase');
  },
};
