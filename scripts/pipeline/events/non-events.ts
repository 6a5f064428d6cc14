/**
 * Background told by tense and time (issue 9, P3): classes of happened-looking candidates that
 * report no new act. Each makes the candidate background that is kept only with a calendar day
 * of its own in its clause (`needsOwnDate`), and notes its rule id in the trace:
 *
 * - `nonEvents.earlierTime`: an explicit year, or month and year, before the publication month
 *   in the act's clause ("clashes between border guards in 2021");
 * - `nonEvents.afterEarlier`: an act told as following an event of an earlier year or month ("the border was
 *   closed after clashes between the two forces in 2021"): some time after it, on no knowable day;
 * - `nonEvents.vaguePast`: a past period with no date in the act's clause ("severed during the previous
 *   administration", "established ties 66 years ago", "in recent years"), searched as earlierTime is;
 * - `nonEvents.ongoingWhere`: an act in a present-tense where-clause ("..., where rebels are
 *   battling the army and have captured territory");
 * - `nonEvents.sinceState`: a present perfect in a sentence framing a period with "since"
 *   ("who has clashed with X since ..., has fiercely criticised ...");
 * - `nonEvents.standingRefusal`: a present perfect negative ("has not ruled out force");
 * - `nonEvents.thatTime`: "at that time" pointing back to an earlier year or decade the sentence names
 *   ("built in the 1980s, and at that time the two states signed a treaty");
 * - `nonEvents.presentPassive`: a verbal act in the present passive ("Rwanda is accused of ...");
 * - `nonEvents.perfectMeans`: a gerund act as the means of a present perfect ("have waded into the war by attacking
 *   ships"): a course of conduct, not one dated act;
 * - `nonEvents.groundsParticiple`: a participle after a noun of speech with its own author ("cited statements
 *   made by Sudanese officials, accusing Chad of ..."): what those words said, the grounds of another decision;
 * - `nonEvents.framedEarlier`: an act in a sentence with no time cue that goes on with a paragraph opened
 *   by an earlier time ("In October 2021, A recalled its envoy. B had criticised ..."): that time's background;
 * - `nonEvents.respondsToEarlier`: an undated act opened by "In response," right after a sentence that
 *   names an earlier time ("Lithuania expelled the envoy in April 2022. In response, Moscow expelled ...");
 * - `nonEvents.relativePerfect`: a present perfect in a restrictive that-clause on a noun ("a group that has
 *   been blacklisted", "the provinces that Moscow has annexed"): it describes the noun, a standing state;
 * - `nonEvents.plannedList` (modality planned, not background): an act listed in a programme told in
 *   the future ("will undertake engagements in Ottawa, including bilateral meetings with ...").
 *
 * The cue words that need no publication day (cancelled acts, mentions, idioms) are modality
 * cues (event-rules.json `modality.nonEvents`). Patterns: scripts/data/non-events.json, run on
 * lower-cased text; every search is bounded to a window around the trigger.
 */
import data from '../../data/non-events.json' with { type: 'json' };
import { extractCues } from '../dates/cues.ts';
import { patternRules } from '../pattern-rules.ts';
import type { EventCandidate, Modality, SegmentedDocument, Sentence } from '../types.ts';

const HAPPENED: ReadonlySet<Modality> = new Set<Modality>(['asserted', 'reported']);
const VERBAL: ReadonlySet<string> = new Set(['statement', 'accusation', 'threat']);

const EARLIER_PHRASE = new RegExp(data.earlierTime.phrase, 'gu');
const EARLIER_BETWEEN = new RegExp(data.earlierTime.between, 'u');
const EARLIER_DISTANCE: number = data.earlierTime.maxDistance;
const VAGUE_PAST = new RegExp(data.vaguePast.phrase, 'gu');
const AFTER_LINK = new RegExp(data.afterEarlier.link, 'u');
const AFTER_GAP: number = data.afterEarlier.maxGap;
const AFTER_SPAN: number = data.afterEarlier.maxSpan;
const WHERE_HEAD = new RegExp(data.ongoingWhere.head, 'gu');
const WHERE_PRESENT = new RegExp(data.ongoingWhere.present, 'u');
const WHERE_DISTANCE: number = data.ongoingWhere.maxDistance;
const PERFECT_BEFORE = new RegExp(data.sinceState.perfectBefore, 'u');
const SINCE = new RegExp(data.sinceState.since, 'gu');
const RECORD_WORD = new RegExp(data.sinceState.record, 'u');
/** Characters before a "since" searched for a record word ("the first visit since 2019"). */
const RECORD_WINDOW = 60;
const STANDING_BEFORE = new RegExp(data.standingRefusal.before, 'u');
const STANDING_TRIGGER = new RegExp(data.standingRefusal.trigger, 'u');
const THAT_TIME = new RegExp(data.thatTime.phrase, 'u');
const DECADE = new RegExp(data.thatTime.decade, 'gu');
const PASSIVE_BEFORE = new RegExp(data.presentPassive.before, 'u');
const PASSIVE_TRIGGER = new RegExp(data.presentPassive.trigger, 'u');
const PASSIVE_AGENT = new RegExp(data.presentPassive.agentAfter, 'u');
const LIST_BEFORE = new RegExp(data.plannedList.list, 'u');
const GROUNDS_BEFORE = new RegExp(data.groundsParticiple.before, 'u');
const GROUNDS_TRIGGER = new RegExp(data.groundsParticiple.trigger, 'u');
const MEANS_BY = new RegExp(data.perfectMeans.by, 'gu');
const MEANS_PERFECT = new RegExp(data.perfectMeans.perfect, 'u');
const MEANS_DISTANCE: number = data.perfectMeans.maxDistance;
/** "by" (and an adverb) right before the trigger: the trigger is the gerund after it (nonEvents.perfectMeans.byBefore). */
const MEANS_BY_BEFORE = patternRules('non-events.json', data.patterns)('meansByBefore').re;
const PLANNED_HEAD = new RegExp(data.plannedList.head, 'u');
const FRAME_OPENING = new RegExp(data.framedEarlier.opening, 'u');
const REL = data.relativePerfect;
const REL_AUX: ReadonlySet<string> = new Set(REL.auxiliaries);
const REL_ADVERBS: ReadonlySet<string> = new Set(REL.adverbs);
const REL_GAP: ReadonlySet<string> = new Set(REL.gapWords);
const REL_REPORTING: ReadonlySet<string> = new Set(REL.reportingWords);
const FRAME_BACK: number = data.framedEarlier.maxSentencesBack;
const RESPONSE_OPENING = new RegExp(data.framedEarlier.responseOpening, 'u');
/** Characters before the trigger searched for "at that time" and for a list word. */
const PHRASE_WINDOW = 80;
/** Characters before a list word searched for the programme's future cue. */
const HEAD_WINDOW = 200;
/** Characters before the trigger that a tense cue is looked for in. */
const TENSE_WINDOW = 40;

const GERUND = /^\p{L}+ing\b/u;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A year/month pair as a comparable number (month 0 when only the year is given). */
function monthKey(year: number, month: number): number {
  return year * 13 + month;
}

/** Month number 1..12 from a month word ("october", "oct.", "sept"), 0 when none. */
function monthOf(word: string | undefined): number {
  if (!word) return 0;
  return MONTHS.indexOf(word.slice(0, 3)) + 1;
}

/**
 * Whether the clause names a time before the publication month that the act belongs to: the time
 * phrase within `maxDistance` of the trigger, no relative or time clause between the two ("met
 * the general who seized power in 2021", "the first talks since 2019"); for speech only before
 * the verb.
 */
function earlierTime(clause: string, trigger: { start: number; end: number }, verbal: boolean, published: string): string | undefined {
  const pubYear = Number(published.slice(0, 4));
  const pubMonth = Number(published.slice(5, 7));
  if (!Number.isFinite(pubYear) || !Number.isFinite(pubMonth)) return undefined;
  const from = Math.max(0, trigger.start - EARLIER_DISTANCE);
  const to = verbal ? trigger.start : Math.min(clause.length, trigger.end + EARLIER_DISTANCE);
  const window = clause.slice(from, to);
  EARLIER_PHRASE.lastIndex = 0;
  for (let m = EARLIER_PHRASE.exec(window); m; m = EARLIER_PHRASE.exec(window)) {
    const year = Number(m[2]);
    const month = monthOf(m[1]);
    // "in 2025" in a July 2025 article may be this very month: a bare year counts only when earlier.
    const earlier = month === 0 ? year < pubYear : monthKey(year, month) < monthKey(pubYear, pubMonth);
    if (!earlier) continue;
    const at = from + m.index;
    const between = at >= trigger.end ? clause.slice(trigger.end, at) : clause.slice(at + m[0].length, trigger.start);
    if (at < trigger.end && at + m[0].length > trigger.start) continue;
    if (EARLIER_BETWEEN.test(between)) continue;
    return m[0];
  }
  return undefined;
}

/**
 * A past period with no calendar date in the act's clause ("during the previous administration", "66 years ago",
 * "in recent years"): searched in earlierTime's window, not across its between words (nonEvents.vaguePast).
 */
function vaguePast(clause: string, trigger: { start: number; end: number }, verbal: boolean): string | undefined {
  const from = Math.max(0, trigger.start - EARLIER_DISTANCE);
  const to = verbal ? trigger.start : Math.min(clause.length, trigger.end + EARLIER_DISTANCE);
  const window = clause.slice(from, to);
  VAGUE_PAST.lastIndex = 0;
  for (let m = VAGUE_PAST.exec(window); m; m = VAGUE_PAST.exec(window)) {
    const at = from + m.index;
    if (at < trigger.end && at + m[0].length > trigger.start) continue;
    const between = at >= trigger.end ? clause.slice(trigger.end, at) : clause.slice(at + m[0].length, trigger.start);
    if (EARLIER_BETWEEN.test(between)) continue;
    return m[0];
  }
  return undefined;
}

/**
 * The earlier time of the event an act is told as following ("was closed after clashes ... in 2021"): 'after' or
 * 'following' soon after the trigger, then an earlierTime phrase before the publication month, all in one
 * sentence part (nonEvents.afterEarlier).
 */
function afterEarlier(lowerAfter: string, published: string): string | undefined {
  let part = lowerAfter.slice(0, AFTER_GAP + AFTER_SPAN);
  const stop = part.search(/[.;:](?:\s|$)/u);
  if (stop >= 0) part = part.slice(0, stop);
  const link = AFTER_LINK.exec(part.slice(0, AFTER_GAP));
  if (!link) return undefined;
  const rest = part.slice(link.index, link.index + AFTER_SPAN);
  EARLIER_PHRASE.lastIndex = 0;
  for (let m = EARLIER_PHRASE.exec(rest); m; m = EARLIER_PHRASE.exec(rest)) {
    if (beforePublication(m, published)) return `${link[0]} ... ${m[0]}`;
  }
  return undefined;
}

/** Whether a time phrase (earlierTime's `phrase` match) names a time before the publication month. */
function beforePublication(m: RegExpExecArray, published: string): boolean {
  const pubYear = Number(published.slice(0, 4));
  const pubMonth = Number(published.slice(5, 7));
  if (!Number.isFinite(pubYear) || !Number.isFinite(pubMonth)) return false;
  const year = Number(m[2]);
  const month = monthOf(m[1]);
  return month === 0 ? year < pubYear : monthKey(year, month) < monthKey(pubYear, pubMonth);
}

/**
 * The earlier time that opens the paragraph this sentence goes on with ("In October 2021, ..."
 * one or two sentences before, in the same paragraph), when neither this sentence nor the ones
 * between have a time cue of their own; undefined otherwise.
 */
function framingEarlierTime(sentence: Sentence, seg: SegmentedDocument): string | undefined {
  const published = seg.doc.published;
  const at = seg.sentences.indexOf(sentence);
  if (at <= 0) return undefined;
  // Only a frame can be returned: with no frame in reach, the answer is undefined whatever the
  // cues say, so the sentences are first checked for one (no chrono parse when there is none).
  if (!frameInReach(seg, at, published)) return undefined;
  let cuesChecked = false;
  for (let k = at - 1, back = 0; k >= 0 && back < FRAME_BACK; k--, back++) {
    const prev = seg.sentences[k]!;
    if (prev.paragraph !== sentence.paragraph || prev.kind !== 'body') return undefined;
    const m = frameOf(prev.text, published);
    if (m) {
      // The candidate's own sentence (checked once, only when a frame is found) must have no time cue.
      if (!cuesChecked && extractCues(sentence.text, published).length > 0) return undefined;
      return m[0].trim();
    }
    if (!cuesChecked) {
      if (extractCues(sentence.text, published).length > 0) return undefined;
      cuesChecked = true;
    }
    // A sentence in between with a time of its own starts another account.
    if (extractCues(prev.text, published).length > 0) return undefined;
  }
  return undefined;
}

/** Whether a sentence within FRAME_BACK before `at`, in its paragraph and body, opens with an earlier time (framingEarlierTime's frame test). */
function frameInReach(seg: SegmentedDocument, at: number, published: string): boolean {
  const sentence = seg.sentences[at]!;
  for (let k = at - 1, back = 0; k >= 0 && back < FRAME_BACK; k--, back++) {
    const prev = seg.sentences[k]!;
    if (prev.paragraph !== sentence.paragraph || prev.kind !== 'body') return false;
    if (frameOf(prev.text, published)) return true;
  }
  return false;
}

/** The frame test: the phrase of an earlier time (before publication) that the sentence opens with, or undefined. */
function frameOf(text: string, published: string): RegExpExecArray | undefined {
  const lower = text.toLowerCase();
  EARLIER_PHRASE.lastIndex = 0;
  const m = EARLIER_PHRASE.exec(lower);
  return m && FRAME_OPENING.test(lower.slice(0, m.index)) && beforePublication(m, published) ? m : undefined;
}

/** The words of a text (letters, apostrophes, hyphens), in order. */
function wordsOf(text: string): string[] {
  return text.match(/[\p{L}'’-]+/gu) ?? [];
}

/**
 * A present perfect trigger in a restrictive that-clause on a noun: passive ("that has been
 * blacklisted"), or active with the noun as its object (punctuation, the end or a preposition
 * right after the trigger: "that Moscow has annexed."); not a content clause after a reporting
 * verb. Word by word, backwards from the trigger: adverbs, "been", an auxiliary, the subject's
 * words, "that" (no pattern, so no backtracking).
 */
function relativePerfect(lowerBefore: string, lowerAfter: string): boolean {
  const near = lowerBefore.slice(-PHRASE_WINDOW);
  // The clause must reach the trigger without a break.
  const tail = near.trimEnd();
  if ('.;:,!?'.includes(tail.slice(-1)) && tail !== '') return false;
  const words = wordsOf(near);
  let i = words.length - 1;
  let adverbs = 0;
  while (i >= 0 && adverbs < 2 && (REL_ADVERBS.has(words[i]!) || (words[i]!.length > 3 && words[i]!.endsWith('ly')))) {
    i--;
    adverbs++;
  }
  const passive = i >= 0 && words[i] === 'been';
  if (passive) i--;
  if (i < 0 || !REL_AUX.has(words[i]!)) return false;
  i--;
  let subject = 0;
  while (i >= 0 && words[i] !== 'that' && subject < REL.maxSubjectWords) {
    i--;
    subject++;
  }
  if (i < 0 || words[i] !== 'that') return false;
  // No sentence break between "that" and the trigger.
  const thatAt = near.lastIndexOf('that', near.length);
  if (thatAt >= 0 && /[.;:!?]/u.test(near.slice(thatAt))) return false;
  if (!passive) {
    const next = lowerAfter.slice(0, 20);
    const first = wordsOf(next)[0];
    const punct = /^\s*[.,;:)”"]/u.test(next) || next.trim() === '';
    if (!punct && !(first !== undefined && REL_GAP.has(first) && /^\s/u.test(next))) return false;
  }
  return !words.slice(Math.max(0, i - 3), i).some((w) => REL_REPORTING.has(w));
}

/**
 * The earlier time named by one of the body sentences just before (at most maxSentencesBack, none
 * with a time of its own in between), when this sentence opens with a response connective ("In
 * response,") and has no time cue of its own; undefined otherwise.
 */
function respondsToEarlier(sentence: Sentence, seg: SegmentedDocument): string | undefined {
  if (!RESPONSE_OPENING.test(sentence.text.slice(0, 40).toLowerCase())) return undefined;
  const published = seg.doc.published;
  if (extractCues(sentence.text, published).length > 0) return undefined;
  let k = seg.sentences.indexOf(sentence) - 1;
  for (let back = 0; k >= 0 && back < FRAME_BACK; k--) {
    const prev = seg.sentences[k]!;
    if (prev.kind !== 'body') continue;
    back++;
    const lower = prev.text.toLowerCase();
    EARLIER_PHRASE.lastIndex = 0;
    for (let m = EARLIER_PHRASE.exec(lower); m; m = EARLIER_PHRASE.exec(lower)) {
      if (beforePublication(m, published)) return m[0].trim();
    }
    // A sentence with a time of its own in between is the act answered.
    if (extractCues(prev.text, published).length > 0) return undefined;
  }
  return undefined;
}

/** The where-clause head before the trigger, when its verbs are in the present tense. */
function ongoingWhere(sentence: string, triggerStart: number): string | undefined {
  const from = Math.max(0, triggerStart - WHERE_DISTANCE);
  const window = sentence.slice(from, triggerStart);
  let last: RegExpExecArray | undefined;
  WHERE_HEAD.lastIndex = 0;
  for (let m = WHERE_HEAD.exec(window); m; m = WHERE_HEAD.exec(window)) last = m;
  if (!last) return undefined;
  const rest = window.slice(last.index + last[0].length);
  if (/[;.]/u.test(rest) || !WHERE_PRESENT.test(rest)) return undefined;
  return last[0].replace(/^,\s*/u, '').trim();
}

/** Whether the sentence frames a period with "since" that is not a record ("the first talks since 2019"). */
function framesPeriod(lower: string): boolean {
  SINCE.lastIndex = 0;
  for (let m = SINCE.exec(lower); m; m = SINCE.exec(lower)) {
    const before = lower.slice(Math.max(0, m.index - RECORD_WINDOW), m.index);
    const part = before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf(';')) + 1);
    if (!RECORD_WORD.test(part)) return true;
  }
  return false;
}

/**
 * "at that time" (or "back then", "that year") just before the trigger, pointing back to a year or
 * decade that the sentence names before it and that ended before the publication year.
 */
function thatTime(lowerBefore: string, published: string): string | undefined {
  const pubYear = Number(published.slice(0, 4));
  if (!Number.isFinite(pubYear)) return undefined;
  const near = lowerBefore.slice(-PHRASE_WINDOW);
  const phrase = THAT_TIME.exec(near);
  if (!phrase) return undefined;
  const earlierPart = lowerBefore.slice(0, lowerBefore.length - near.length + phrase.index);
  DECADE.lastIndex = 0;
  for (let m = DECADE.exec(earlierPart); m; m = DECADE.exec(earlierPart)) {
    if (Number(m[1]) * 10 + 9 < pubYear) return `${phrase[0].trim()} (${m[0]})`;
  }
  EARLIER_PHRASE.lastIndex = 0;
  for (let m = EARLIER_PHRASE.exec(earlierPart); m; m = EARLIER_PHRASE.exec(earlierPart)) {
    if (Number(m[2]) < pubYear) return `${phrase[0].trim()} (${m[0].trim()})`;
  }
  return undefined;
}

/** An act in a list ("..., including bilateral meetings with") whose head, earlier in the sentence part, is told in the future. */
function plannedList(lowerBefore: string): boolean {
  const near = lowerBefore.slice(-PHRASE_WINDOW);
  const list = LIST_BEFORE.exec(near);
  if (!list) return false;
  const head = lowerBefore.slice(0, lowerBefore.length - near.length + list.index).slice(-HEAD_WINDOW);
  const part = head.slice(Math.max(head.lastIndexOf('.'), head.lastIndexOf(';'), head.lastIndexOf(':')) + 1);
  return PLANNED_HEAD.test(part);
}

/**
 * A gerund trigger at or after a "by V-ing" whose sentence part before the "by" has a present perfect
 * ("have waded into the war by attacking ships and even firing drones").
 */
function perfectMeans(lowerBefore: string, trigger: string): boolean {
  if (!GERUND.test(trigger)) return false;
  const near = lowerBefore.slice(-MEANS_DISTANCE);
  const part = near.slice(Math.max(near.lastIndexOf('.'), near.lastIndexOf(';')) + 1);
  let by: RegExpExecArray | undefined;
  MEANS_BY.lastIndex = 0;
  for (let m = MEANS_BY.exec(part); m; m = MEANS_BY.exec(part)) by = m;
  // The trigger itself may be the gerund right after "by" (then the match ends at the text's end).
  const at = by ? by.index : MEANS_BY_BEFORE.exec(part)?.index;
  if (at === undefined) return false;
  return MEANS_PERFECT.test(part.slice(0, at));
}

/** Reclassifies one sentence's candidates in place (see the module comment). */
export function markNonEvents(found: readonly { candidate: EventCandidate }[], sentence: Sentence, seg: SegmentedDocument): void {
  if (found.length === 0) return;
  const lower = sentence.text.toLowerCase();
  const base = sentence.start;
  for (const { candidate: c } of found) {
    if (!HAPPENED.has(c.modality) || c.needsOwnDate) continue;
    if (plannedList(lower.slice(0, c.trigger.start - base))) {
      c.modality = 'planned';
      c.trace?.push({ stage: 'modality', rule: 'nonEvents.plannedList', action: 'modality=planned', detail: 'listed in a programme told in the future' });
      continue;
    }
    const t = { start: c.trigger.start - base, end: c.trigger.end - base };
    const clauseStart = Math.max(0, c.clause.start - base);
    const clause = lower.slice(clauseStart, Math.max(c.clause.end - base, t.end));
    const before = lower.slice(Math.max(0, t.start - TENSE_WINDOW), t.start);
    const triggerLower = c.trigger.text.toLowerCase();
    let why: [string, string] | undefined;
    let after: string | undefined;
    let time = earlierTime(clause, { start: t.start - clauseStart, end: t.end - clauseStart }, VERBAL.has(c.type), seg.doc.published);
    if (time) why = ['nonEvents.earlierTime', `an earlier time in the act's clause: "${time}"`];
    else if ((time = vaguePast(clause, { start: t.start - clauseStart, end: t.end - clauseStart }, VERBAL.has(c.type)))) why = ['nonEvents.vaguePast', `a past period with no date in the act's clause: "${time}"`];
    else if ((after = afterEarlier(lower.slice(t.end), seg.doc.published))) why = ['nonEvents.afterEarlier', `told as following an earlier event: "${after}"`];
    else {
      const where = ongoingWhere(lower, t.start);
      if (where) why = ['nonEvents.ongoingWhere', `present tense in a "${where}" clause`];
      else if (STANDING_TRIGGER.test(triggerLower) && STANDING_BEFORE.test(before)) why = ['nonEvents.standingRefusal', 'a present perfect negative: a standing position'];
      else if (PERFECT_BEFORE.test(before) && framesPeriod(lower)) why = ['nonEvents.sinceState', 'a present perfect in a sentence framing a period with "since"'];
      else if (VERBAL.has(c.type) && PASSIVE_TRIGGER.test(triggerLower) && PASSIVE_BEFORE.test(before) && !PASSIVE_AGENT.test(lower.slice(t.end, t.end + 30))) why = ['nonEvents.presentPassive', 'a verbal act in the present passive: a standing charge'];
      else if (perfectMeans(lower.slice(0, t.start), triggerLower)) why = ['nonEvents.perfectMeans', 'the means of a present perfect: a course of conduct'];
      else if (relativePerfect(lower.slice(0, t.start), lower.slice(t.end))) why = ['nonEvents.relativePerfect', 'a present perfect in a that-clause describing a noun: a standing state']
      else if (GROUNDS_TRIGGER.test(triggerLower) && GROUNDS_BEFORE.test(lower.slice(Math.max(0, t.start - PHRASE_WINDOW * 2), t.start))) why = ['nonEvents.groundsParticiple', 'a participle telling what earlier words of another author said'];
      else {
        const then = thatTime(lower.slice(0, t.start), seg.doc.published);
        if (then) why = ['nonEvents.thatTime', `dated only by "${then}", before the publication year`];
        else {
          const frame = framingEarlierTime(sentence, seg);
          if (frame) why = ['nonEvents.framedEarlier', `no time of its own in a paragraph opened by "${frame}"`];
          else {
            const answered = respondsToEarlier(sentence, seg);
            if (answered) why = ['nonEvents.respondsToEarlier', `a response to the act told just before, "${answered}"`];
          }
        }
      }
    }
    if (!why) continue;
    c.modality = 'background';
    c.needsOwnDate = true;
    c.trace?.push({ stage: 'modality', rule: why[0], action: 'modality=background, needsOwnDate', detail: why[1] });
  }
}
