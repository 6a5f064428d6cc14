/**
 * The last three resolvers, for a candidate with no cue of its own:
 *   dates.resolver.undated-background: an event the text tells as background ("had signed",
 *     "a deal reached between them", marked `needsOwnDate` or modality 'background') gets no day:
 *     it must never be stamped with the publication day;
 *   dates.resolver.dateline: the dateline's day ("BEIJING, July 13 (Xinhua)");
 *   dates.resolver.publication: the publication day (news leads tell the day's events).
 */
import { PAST_EVENT_MODIFIERS } from '../cue-data.ts';
import { toDayNumber } from '../day-math.ts';
import { chose, pass, type DateResolver } from './types.ts';

/**
 * "his recent trip to Beijing", "the previous meeting between them", "the last visit": an act
 * named with a word that places it before the story's events (date-cues.json
 * pastEventModifiers) among the two words right before the trigger is background (rule
 * dates.background.past-modifier).
 */
export function pastModifierBefore(sentenceText: string, triggerStart: number): string | undefined {
  const words = [...sentenceText.slice(Math.max(0, triggerStart - 40), triggerStart).matchAll(/[\p{L}][\p{L}-]*/gu)].map((m) => m[0].toLowerCase()).slice(-2);
  return words.find((w) => PAST_EVENT_MODIFIERS.has(w));
}

export const undatedBackgroundResolver: DateResolver = {
  id: 'dates.resolver.undated-background',
  resolve({ needsOwnDate, sentence, trigger }) {
    if (!needsOwnDate) {
      const past = pastModifierBefore(sentence.text, trigger.start);
      if (past) return chose({ date: null, precision: 'day', evidence: 'none' }, `date=none: "${past}" names an earlier act without a day (dates.background.past-modifier)`);
      return pass('not background');
    }
    return chose({ date: null, precision: 'day', evidence: 'none' }, 'date=none: background without a day of its own');
  },
};

export const datelineResolver: DateResolver = {
  id: 'dates.resolver.dateline',
  resolve({ ctx }) {
    const d = ctx.dateline?.date;
    if (!d || toDayNumber(d) === null) return pass('no dated dateline');
    const where = ctx.dateline?.rule ? ` (${ctx.dateline.rule}: a dateline opening a later paragraph)` : '';
    return chose({ date: d, precision: 'day', evidence: 'dateline' }, `date=${d}: the dateline's day${where}`);
  },
};

export const publicationResolver: DateResolver = {
  id: 'dates.resolver.publication',
  resolve({ published }) {
    return chose({ date: published, precision: 'day', evidence: 'publication' }, `date=${published}: the publication day`);
  },
};
