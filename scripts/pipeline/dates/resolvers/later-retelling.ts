/**
 * dates.resolver.later-retelling: a lead event with no cue is often told again further down with
 * its day: "The US Treasury has announced sanctions on ..." then "The Treasury announced the
 * sanctions in a press release on Wednesday night"; "... met in Washington" then "ahead of the
 * meeting that took place on Monday". The later mention is the trigger's own content word
 * (same stem), or a noun naming the event's type right after "the/that/this" ("the meeting"); the day
 * cue must be that mention's own (../select.ts rules) and lie shortly before publication.
 * Reporting verbs ("said", "told") are never matched: every later quote has one.
 */
import type { DateResolution, Sentence, Span } from '../../types.ts';
import { ANCHOR_EVENT_WORDS, DATED_NOUN, QUOTED_DEIXIS, RETELLING } from '../cue-data.ts';
import { datedNounAfter, namesActOf } from '../dated-noun.ts';
import { extractCues, repickDay, type AnchorCue, type DayCue } from '../cues.ts';
import { addDays, toDayNumber } from '../day-math.ts';
import { quoteOf, quoteRanges } from '../quotes.ts';
import { gap, nearestCue } from '../select.ts';
import { describe, fromDayCue } from './common.ts';
import { OTHER_AGENT } from '../other-agent.ts';
import { chose, pass, type DateInput, type DateResolver } from './types.ts';

const WORD = /[\p{L}][\p{L}'’-]*/gu;

/**
 * The stem of the trigger's head: its first content word in lower case ("announced more
 * sanctions" -> "annou"; "expelled Venezuelan diplomats" -> "expel"). Names and the words after
 * the head are left out: they name the parties, which other acts share.
 */
export function triggerStems(trigger: string): string[] {
  for (const m of trigger.matchAll(WORD)) {
    const w = m[0];
    if (w.length < RETELLING.minWordLength || w[0] !== w[0]!.toLowerCase() || RETELLING.ignored.has(w)) continue;
    return [w.slice(0, RETELLING.stemLength)];
  }
  return [];
}

/** The global twin of each type-word pattern (matchAll works on a copy, so one twin serves every call). */
const GLOBAL = new WeakMap<RegExp, RegExp>();

const NON_ASCII = /[^\x00-\x7f]/u;

/**
 * Speed: false when no word of `text` can start with one of `stems`, proved without splitting it into words
 * (each word's match and lower-cased copy were most of this resolver's allocation). In ASCII text a word's
 * lower-cased form is its slice of the lower-cased text, so a stem it starts with occurs there; other text
 * (case mappings that change length or depend on context) is always walked word by word.
 */
function mayHaveStem(text: string, stems: readonly string[]): boolean {
  if (stems.length === 0) return false;
  if (NON_ASCII.test(text)) return true;
  const lower = text.toLowerCase();
  for (const s of stems) if (lower.includes(s)) return true;
  return false;
}

/** Where `sentence` mentions the act again: a word with one of `stems`, or a definite type noun. */
function mentions(text: string, stems: readonly string[], typeWords: RegExp | undefined): Span[] {
  const out: Span[] = [];
  for (const m of mayHaveStem(text, stems) ? text.matchAll(WORD) : []) {
    const w = m[0].toLowerCase();
    if (w.length >= RETELLING.minWordLength && !RETELLING.ignored.has(w) && stems.some((s) => w.startsWith(s))) {
      out.push({ start: m.index!, end: m.index! + m[0].length });
    }
  }
  if (typeWords) {
    let re = GLOBAL.get(typeWords);
    if (!re) GLOBAL.set(typeWords, (re = new RegExp(typeWords.source, 'giu')));
    for (const m of text.matchAll(re)) {
      const before = text.slice(Math.max(0, m.index! - 30), m.index!);
      if (RETELLING.definite.test(before)) out.push({ start: m.index!, end: m.index! + m[0].length });
    }
  }
  return out;
}

/**
 * dates.retelling.quoted-deixis: a deictic day ("today", "yesterday", "on Monday") inside a quotation
 * counts from the day the words were spoken, not from the story day. The speech day is a past day the
 * later sentence states outside its quotations ("..., he said on Friday"), else one the sentences just
 * before it state outside theirs (the press conference "late on Wednesday" the quote comes from, at
 * most QUOTED_DEIXIS.sentencesBack back). `cue` itself when it is not a quoted deictic day; undefined
 * when the speech day is unknown (the quoted "today" then says nothing about the act's day).
 */
export function quotedDeixisCue(
  s: Sentence,
  cue: DayCue,
  before: readonly Sentence[],
  story: string,
  inReach: (c: DayCue) => boolean,
): { cue: DayCue; why?: string } | undefined {
  if (cue.evidence === 'explicit' || cue.restates) return { cue };
  const quotes = quoteRanges(s.text);
  if (!quoteOf(quotes, cue)) return { cue };
  const spoken = (t: Sentence): DayCue | undefined => {
    const q = quoteRanges(t.text);
    return extractCues(t.text, story).find((c): c is DayCue => c.kind === 'day' && !c.futureContext && !quoteOf(q, c) && inReach(c));
  };
  let speech = spoken(s);
  for (let i = before.length - 1; !speech && i >= Math.max(0, before.length - QUOTED_DEIXIS.sentencesBack); i--) speech = spoken(before[i]!);
  if (!speech) return undefined;
  const date =
    cue.evidence === 'relative'
      ? addDays(speech.date, (toDayNumber(cue.date) ?? 0) - (toDayNumber(story) ?? 0))
      : repickDay(cue, speech.date, 'past');
  if (date === cue.date) return { cue };
  const { flexible: _, ...fixed } = cue;
  return { cue: { ...fixed, date }, why: `"${cue.text.trim()}" in the quotation counts from the speech day ${speech.date} ("${speech.text.trim()}", ${QUOTED_DEIXIS.id})` };
}

/** A day cue close enough before publication to date a retold act (at most RETELLING.maxDaysBefore). */
function withinRetellingReach(published: string): (c: DayCue) => boolean {
  const pub = toDayNumber(published)!;
  return (c) => {
    const n = toDayNumber(c.date);
    return n !== null && n <= pub && pub - n <= RETELLING.maxDaysBefore;
  };
}

/**
 * One later sentence: its past day cues in reach, and the first mention of the act (a word with one of
 * `stems`, or a definite noun of `typeWords`) whose own nearest day cue lies within RETELLING.nearWord.
 * Speed: the mentions are looked for first; a sentence without one is not parsed for dates unless
 * `needDays` (the caller reads `days` on its own), and then `days` is empty: most later sentences
 * never mention the act, and their date parse was most of this resolver's cost.
 */
function retoldIn(
  s: Sentence,
  stems: readonly string[],
  typeWords: RegExp | undefined,
  story: string,
  inReach: (c: DayCue) => boolean,
  needDays = false,
): { days: DayCue[]; mention?: { cue: DayCue; at: Span } } {
  const found = mentions(s.text, stems, typeWords);
  if (found.length === 0 && !needDays) return { days: [] };
  const cues = extractCues(s.text, story);
  const days = cues.filter((c): c is DayCue => c.kind === 'day' && !c.futureContext && inReach(c));
  if (days.length === 0) return { days };
  const anchors = cues.filter((c): c is AnchorCue => c.kind === 'anchor');
  const whole = { start: 0, end: s.text.length };
  for (const at of found) {
    const cue = nearestCue(s.text, days, at, whole, anchors);
    if (cue && gap(cue, at) <= RETELLING.nearWord) return { days, mention: { cue: cue as DayCue, at } };
  }
  return { days };
}

/**
 * The day a later sentence gives an act it mentions (a word with one of `stems`, or a definite
 * noun of `typeWords`), with the day cue of that mention's own at most a week before publication;
 * also used by dates.resolver.within-event for a frame event ("on the sidelines of the meeting")
 * whose day is stated further down.
 */
export function toldLater(
  following: readonly Sentence[] | undefined,
  stems: readonly string[],
  typeWords: RegExp | undefined,
  candidate: DateInput['candidate'],
  story: string,
  published: string,
): { resolution: DateResolution; words: string } | undefined {
  const inReach = withinRetellingReach(published);
  const ahead = (following ?? []).slice(0, RETELLING.sentencesAhead);
  for (const [i, s] of ahead.entries()) {
    const found = retoldIn(s, stems, typeWords, story, inReach);
    if (found.mention) {
      const { cue, at } = found.mention;
      const spoken = quotedDeixisCue(s, cue, ahead.slice(0, i), story, inReach);
      if (!spoken) continue;
      return { resolution: fromDayCue(s, candidate, spoken.cue, story, published), words: s.text.slice(at.start, at.end) };
    }
  }
  return undefined;
}

export const laterRetellingResolver: DateResolver = {
  id: RETELLING.id,
  resolve({ ctx, candidate, story, published, sentence }) {
    const following = ctx.following;
    if (!following || following.length === 0) return pass('no later sentences given');
    const stems = triggerStems(candidate.trigger.text);
    const typeWords = ANCHOR_EVENT_WORDS.find((w) => w.type === candidate.type)?.re;
    const inReach = withinRetellingReach(published);
    // A dated noun retells the act only when the event's own sentence names the same kind of act
    // ("alleging in a letter to the UN" ... "the October 2 missive"), not another actor's message.
    const namesMedium = namesActOf(sentence.text, candidate.type);
    let answered: string | undefined;
    let unspoken: string | undefined;
    const ahead = following.slice(0, RETELLING.sentencesAhead) as Sentence[];
    let other: string | undefined;
    for (const [i, s] of ahead.entries()) {
      // "Latvia expelled two Russian diplomats on Tuesday": another state's like act is no retelling (dates.retelling.same-agent).
      const barred = ctx.otherAgent?.get(s.index);
      if (barred) {
        other ??= barred;
        continue;
      }
      const { days, mention } = retoldIn(s, stems, typeWords, story, inReach, namesMedium);
      if (mention && RETELLING.priorAct.test(s.text.slice(Math.max(0, mention.at.start - 100), mention.at.start))) {
        answered ??= s.text.slice(mention.at.start, mention.at.end);
        continue;
      }
      if (mention) {
        const spoken = quotedDeixisCue(s, mention.cue, [sentence, ...ahead.slice(0, i)], story, inReach);
        if (!spoken) {
          unspoken ??= mention.cue.text.trim();
          continue;
        }
        const res = fromDayCue(s, candidate, spoken.cue, story, published);
        return chose(res, `${describe(res)}: told again later ("${s.text.slice(mention.at.start, mention.at.end)}")${spoken.why ? `; ${spoken.why}` : ''}`);
      }
      // "... penned the October 2 letter": a day premodifying a noun that names an act of the
      // candidate's kind (a message for a speech act, a meeting, a visit) tells the act again.
      for (const cue of namesMedium ? days : []) {
        const noun = datedNounAfter(s.text, cue, candidate.type);
        if (!noun) continue;
        const res = fromDayCue(s, candidate, cue, story, published);
        return chose(res, `${describe(res)}: told again later as a dated noun ("${s.text.slice(cue.start, noun.end).trim()}", ${DATED_NOUN.id})`);
      }
    }
    if (other) return pass(`the later act with a day is ${other} (${OTHER_AGENT.id})`);
    if (unspoken) return pass(`the later "${unspoken}" is inside a quotation whose speech day is not stated (${QUOTED_DEIXIS.id})`);
    return pass(answered ? `the later "${answered}" is the earlier act it answers ("followed", "came after", "in response to"), not the act told again` : 'no later sentence tells the act again with a day');
  },
};
