/**
 * dates.resolver.own-cue: the day ("on Sunday", "July 13", "yesterday") or vague period ("last
 * week", "in June") nearest the trigger that is the candidate's own (../select.ts: inside its
 * clause first, never across an "after"/"before" phrase, a quotation or a relative clause, never
 * one dating another actor's event noun).
 */
import { chose, pass, type DateResolver } from './types.ts';
import { describe, fromDayCue, fromSpanCue } from './common.ts';
import { APPOSITIVE_DAY, DATED_NOUN, DAY_OVER_PERIOD, DEADLINE_COMPLEMENT, DEADLINE_SPAN, EFFECTIVE_DAY, OBJECT_DAY } from '../cue-data.ts';
import { datesObject, relativeClauses, relativeOnDatedNoun } from '../select.ts';
import { quotedRelative } from './quoted-relative.ts';

/** Rule id: the dateline's day, inside the lead sentence, is no cue of the act's own. */
export const DATELINE_NOT_OWN_ID = 'dates.own-cue.dateline-not-own';

/**
 * "Accra, July 31, GNA – ...", "LIMA, Jan 5 (Reuters) - ...": a day cue that opens the sentence
 * after a place name and is followed by an optional agency and a dash is a dateline the page
 * stage did not take apart.
 */
const DATELINE_BEFORE = /^\s{0,3}[\p{Lu}][\p{L}.' ]{1,40},\s{0,3}$/u;
const DATELINE_AFTER = /^[\s,]{0,3}(?:[\p{Lu}\p{N}]{2,12}\s{0,3})?(?:\([^()]{1,30}\)\s{0,3})?[–—-]/u;
export function datelineInSentence(text: string, cue: { start: number; end: number }): boolean {
  return DATELINE_BEFORE.test(text.slice(0, cue.start)) && DATELINE_AFTER.test(text.slice(cue.end, cue.end + 50));
}

export const ownCueResolver: DateResolver = {
  id: 'dates.resolver.own-cue',
  resolve(input) {
    const { own, sentence, candidate, story, published, cues, setAside, trigger, ctx } = input;
    // "Accra, July 31, GNA – Ghana and South Africa have signed ...": the dateline's day is the day
    // the story was filed, not the act's; a later sentence may tell the act with its own day ("on
    // Tuesday"), and failing all, dates.resolver.dateline gives the dateline's day anyway.
    const line = ctx.dateline;
    const inLine = own && line && sentence.start + own.start >= line.start && sentence.start + own.end <= line.end + 1;
    if (own && (inLine || datelineInSentence(sentence.text, own))) {
      return pass(`"${own.text.trim()}" is the dateline's day, not the act's own (${DATELINE_NOT_OWN_ID})`);
    }
    if (!own) {
      const deadline = input.deadlineDays?.[0];
      if (deadline) return pass(`"${deadline.cue.text.trim()}" is the deadline the act sets (${deadline.day}), not its day (${DEADLINE_COMPLEMENT.id})`);
      if (setAside?.length) return pass(`"${setAside[0]!.text.trim()}" is the day the measure takes effect, not the act's (${EFFECTIVE_DAY.id})`);
      const ofObject = cues.find((c) => c.kind === 'day' && datesObject(sentence.text, c, trigger));
      if (ofObject) return pass(`"${ofObject.text.trim()}" dates the act's object, not the act (${OBJECT_DAY.id})`);
      return pass(cues.length ? 'no cue of the sentence is the event\'s own' : 'no date cue in the sentence');
    }
    // "will expel the troops by the end of the year unless ...": the period is the ultimatum's
    // deadline, not the day the threat was made (dates.own-cue.deadline-span).
    if (own.kind === 'span' && own.future && DEADLINE_SPAN.words.test(own.text) && DEADLINE_SPAN.types.has(candidate.type)) {
      return pass(`"${own.text.trim()}" is the deadline the ${candidate.type} sets, not the day it was made (${DEADLINE_SPAN.id})`);
    }
    if (own.kind === 'span') {
      const res = fromSpanCue(sentence, own, 'relative');
      return chose(res, `${describe(res)}: vague period${own.future ? ' in the future' : ''}`);
    }
    const res = fromDayCue(sentence, candidate, own, story, published);
    // "Following today's negotiations, ...," the president said: the day the words were spoken.
    const quoted = quotedRelative(res, input, own);
    if (quoted) return chose(quoted.res, `${describe(quoted.res)}: ${quoted.why}`);
    const rel = relativeClauses(sentence.text).find((r) => trigger.start >= r.start && trigger.end <= r.end);
    const viaNoun = rel && own.end <= rel.start && relativeOnDatedNoun(sentence.text, own, rel);
    const restated = own.kind === 'day' && own.restates ? ` (${APPOSITIVE_DAY.id}: "${own.restates}" restated as an explicit date)` : '';
    const over = input.overPeriod ? ` (${input.overPeriodRule ?? DAY_OVER_PERIOD.id}: the day of the act's own clause, not "${input.overPeriod.text.trim()}")` : '';
    const dashed = own.kind === 'day' && own.dashRange ? ' (dates.cue.dash-range: a range of days written with a dash, read from its first day)' : '';
    return chose(res, `${describe(res)}: ${own.evidence} day${viaNoun ? ` (${DATED_NOUN.id}: the relative clause tells the act of the dated noun)` : ''}${restated}${dashed}${over}`);
  },
};
