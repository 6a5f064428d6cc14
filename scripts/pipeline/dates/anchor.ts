/**
 * Dates an event against another one of the same document ("hours after Trump warned ...",
 * "a day after the talks", "two days later").
 *   forward: the candidate is the main event and the other one follows the anchor word
 *            ("The meeting came hours after Trump warned"; candidate "meeting").
 *   inverse: the candidate is inside the anchor's phrase ("... hours after Trump warned";
 *            candidate "warned"): the other event is the main one, told around it.
 *   implicit: "a day later", "the previous day", "the same day": counted from a day written in
 *            the same sentence, else the event told just before (the last of ctx.previous), else
 *            the story day.
 * The other event is a day written on its side of the anchor, else found in ctx.previous by its
 * trigger word, else by words naming its type (date-cues.json "anchorEventWords"); in the inverse
 * case, failing all, it is the event told last ("The rebuff came a day after ..."), approximately.
 * Offsets: minutes -> same day; hours -> same day (forward), the day before for an event "hours
 * after" which the main one came (news writes "earlier on Tuesday" for same-day sequences), the
 * same day for one "hours before" it; N days -> N days (day precision); "days" -> 3, weeks/months
 * -> 7/30 per unit, plain "after"/"following" -> 0 (approximate).
 */
import type { DateContext, EventType, Span } from '../types.ts';
import { ANCHOR_EVENT_WORDS } from './cue-data.ts';
import type { AnchorCue, DayCue } from './cues.ts';
import { addDays } from './day-math.ts';
import { complementEnd, gap } from './select.ts';

export interface AnchorResult {
  date: string;
  precision: 'day' | 'approximate';
  /** For approximate results: the days the event may lie in. */
  range?: { from: string; to: string };
}

type Previous = NonNullable<DateContext['previous']>[number];

/** Rule id: "That day", "the same day" refer to the last day the sentences just before state. */
export const PRECEDING_DAY_ID = 'dates.frame.preceding-day';

/** Rule id: "X comes a day after Y" with nothing told before: X is the story day's news, Y a day before. */
export const STORY_MAIN_ID = 'dates.anchor.story-main';

/** How far from the trigger an anchor phrase may be to count as the candidate's. */
export const ANCHOR_REACH = 90;

function offsetOf(a: AnchorCue, inverse: boolean): { days: number; precision: 'day' | 'approximate' } {
  switch (a.unit) {
    case 'minute':
      return { days: 0, precision: 'day' };
    case 'hour':
      // Inverse: "A came hours after B" puts B the evening before A; "A, hours before B" keeps B on A's day.
      if (!inverse) return { days: 0, precision: 'day' };
      return { days: a.relation === 'after' ? 1 : 0, precision: 'approximate' };
    case 'day':
      return a.count === null ? { days: 3, precision: 'approximate' } : { days: a.count, precision: 'day' };
    case 'ordinal':
      return a.count === null ? { days: 1, precision: 'approximate' } : { days: a.count, precision: 'day' };
    case 'week':
      return { days: (a.count ?? 2) * 7, precision: 'approximate' };
    case 'month':
      return { days: (a.count ?? 2) * 30, precision: 'approximate' };
    default:
      return { days: a.count ?? 0, precision: 'approximate' };
  }
}

/** An anchored day; approximate ones get a window of about half the offset (at least a day) around it. */
function withRange(date: string, precision: 'day' | 'approximate', days: number): AnchorResult {
  if (precision === 'day') return { date, precision };
  const spread = Math.max(1, Math.round(days / 2));
  return { date, precision, range: { from: addDays(date, -spread), to: addDays(date, spread) } };
}

/** The phrase the anchor governs: from its end to the next clause break. */
function complementOf(text: string, a: AnchorCue): Span {
  return { start: a.end, end: complementEnd(text, a) };
}

/**
 * The main clause around an anchor: the words before it (back to a clause break, or to the
 * sentence start when the anchor directly follows a break: "..., hours before the summit"),
 * or the words after its complement when the anchor opens the sentence ("After the talks, ...").
 */
function mainOf(text: string, a: AnchorCue, complement: Span): Span {
  const before = text.slice(0, a.start);
  if (before.trim().length === 0) return { start: complement.end, end: text.length };
  let lastBreak = -1;
  for (const m of before.matchAll(/[,;:]|\s[-—–]\s/g)) lastBreak = (m.index ?? 0) + m[0].length;
  const start = lastBreak + 1;
  if (text.slice(start, a.start).trim().length > 0) return { start, end: a.start };
  return { start: 0, end: a.start };
}

/** How many of the latest earlier events are looked at. */
const PREVIOUS_REACH = 40;

/** Position of `word` in `lower` (already lower-cased) as a whole word, or -1. */
function wordAt(lower: string, word: string): number {
  let from = 0;
  for (;;) {
    const i = lower.indexOf(word, from);
    if (i < 0) return -1;
    const before = i === 0 ? ' ' : lower[i - 1]!;
    const after = lower[i + word.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return i;
    from = i + 1;
  }
}

/**
 * The earlier event the words describe, or undefined: an event whose trigger word appears in
 * them beats one whose type is named ("the talks" -> a meeting); then the word nearest the start
 * of the words (the head of the phrase); then the latest event.
 */
export function findPrevious(words: string, previous: readonly Previous[]): Previous | undefined {
  if (previous.length === 0) return undefined;
  const lower = words.toLowerCase();
  const typeAt = new Map<EventType, number>();
  for (const { type, re } of ANCHOR_EVENT_WORDS) {
    const m = re.exec(words);
    if (m) typeAt.set(type, m.index);
  }
  let best: Previous | undefined;
  let bestScore = 0;
  let bestPos = Infinity;
  for (let i = previous.length - 1; i >= Math.max(0, previous.length - PREVIOUS_REACH); i--) {
    const p = previous[i]!;
    const head = (p.trigger.trim().split(/\s+/)[0] ?? '').toLowerCase();
    const triggerAt = head.length > 2 ? wordAt(lower, head) : -1;
    const typePos = typeAt.get(p.type);
    const score = triggerAt >= 0 ? 2 : typePos !== undefined ? 1 : 0;
    if (score === 0) continue;
    const pos = triggerAt >= 0 ? triggerAt : typePos!;
    // Later events come first in this loop, so only a strictly better one replaces the best.
    if (score > bestScore || (score === bestScore && pos < bestPos)) {
      best = p;
      bestScore = score;
      bestPos = pos;
    }
  }
  return best;
}

/**
 * Resolves the anchor phrase nearest to the trigger. `text` and all spans are relative to the
 * sentence. Returns null when no anchor concerns the candidate (or a plain "after X" names an
 * unknown X), and `result: null` when a timed anchor ("hours after X") names an unknown X.
 */
/** Rule id: a trigger that starts inside the anchor's phrase is the other event, even when it runs past a comma. */
export const TRIGGER_IN_PHRASE_ID = 'dates.anchor.trigger-in-phrase';

export function resolveAnchor(
  text: string,
  anchors: AnchorCue[],
  trigger: Span,
  previous: readonly Previous[],
  /** The story's own day when nothing was told before: the dateline's day, else publication. */
  published: string,
  dayCues: readonly DayCue[] = [],
  /** The last day the sentences just before state, for "That day", "the same day" (dates.frame.preceding-day). */
  precedingDay?: string,
): { result: AnchorResult | null; cue: AnchorCue; mode: 'forward' | 'inverse' | 'implicit'; from?: string } | null {
  const near = anchors
    .filter((a) => gap(a, trigger) <= ANCHOR_REACH)
    .sort((x, y) => gap(x, trigger) - gap(y, trigger))[0];
  if (!near) return null;
  const sign = near.relation === 'after' ? 1 : -1;
  const complement = complementOf(text, near);
  // "..., the day before." with nothing after it: the other event is the one told before.
  const implicit = near.implicit || !/\p{L}/u.test(text.slice(complement.start, complement.end));
  if (implicit) {
    // The story's day at that point: a day written in the same sentence ("said on Monday that
    // talks held the previous day"), else the event told last.
    const sentenceDay = [...dayCues].sort((x, y) => gap(x, near) - gap(y, near))[0]?.date;
    // "That day", "the same day" refer to the last day stated just before, which an event told
    // before may not carry (a day stated in an event-less sentence; an event dated by default).
    const sameDay = near.unit === 'day' && near.count === 0 ? precedingDay : undefined;
    const base = sentenceDay ?? sameDay ?? [...previous].reverse().find((p) => p.date)?.date;
    const { days, precision } = offsetOf(near, false);
    const from = sentenceDay ? 'a day of the sentence' : sameDay ? `the day stated just before (${PRECEDING_DAY_ID})` : 'the event told before';
    if (base) return { result: withRange(addDays(base, sign * days), precision, days), cue: near, mode: 'implicit', from };
    // Nothing told before: the story's day is the dateline's or the publication day ("earlier in
    // the day" is that day; "a day earlier" the day before, approximately).
    return { result: withRange(addDays(published, sign * days), days === 0 ? 'day' : 'approximate', days), cue: near, mode: 'implicit' };
  }
  // The trigger starts inside the anchor's phrase: the candidate is the other event. Only its start
  // counts, since a long trigger may run over a comma of the phrase ("a day after the crossing at
  // Bobrowniki, near the border, was closed": rule dates.anchor.trigger-in-phrase).
  let inverse = trigger.start >= complement.start && trigger.start < complement.end;
  let other = inverse ? mainOf(text, near, complement) : complement;
  if (inverse && text.slice(0, near.start).trim() === '') {
    // "After the talks the two ministers signed ..." (no comma): the anchor opens the sentence,
    // so the candidate is the main event and the other one is named before its trigger.
    inverse = false;
    other = { start: near.end, end: trigger.start };
  }
  // The other event's day: a day cue in its words ("a day after the talks on Sunday"), else the
  // earlier event those words name.
  const otherDay = dayCues.find((c) => c.start >= other.start && c.end <= other.end)?.date;
  let base = otherDay ?? findPrevious(text.slice(other.start, other.end), previous)?.date;
  let guessed = false;
  let from: string | undefined;
  if (!base && inverse && previous.length > 0) {
    // "The rebuff came a day after X threatened ...": the main clause is the event just told.
    base = previous[previous.length - 1]!.date;
    guessed = true;
  } else if (!base && inverse && near.unit === 'day' && near.count !== null) {
    // Nothing told before: "The warning comes a day after the crossing was closed" opens the
    // story, whose main clause is the news of the story day (dates.anchor.story-main).
    base = published;
    from = `the story day (${STORY_MAIN_ID})`;
  }
  // A plain "after"/"following" (or "the first day of ...") with the other event unknown says
  // nothing about the day.
  const mode = inverse ? 'inverse' : 'forward';
  if (inverse && trigger.end > complement.end) from = `${from ?? 'the main clause'}; the trigger runs over a comma of the anchor's phrase (${TRIGGER_IN_PHRASE_ID})`;
  if (!base) return near.unit === 'none' || near.unit === 'ordinal' ? null : { result: null, cue: near, mode };
  // A plain "after" whose other event has a day of its own ("came to Brazil after his victory at the
  // polls on Sunday") says only that this event came later, not on which day: no anchor date; the
  // resolvers after dates.resolver.anchor decide (rule dates.anchor.plain-after).
  if (near.unit === 'none' && !inverse && otherDay && near.relation === 'after') return null;
  const { days, precision } = offsetOf(near, inverse);
  return { result: withRange(addDays(base, (inverse ? -sign : sign) * days), guessed ? 'approximate' : precision, days), cue: near, mode, ...(from ? { from } : {}) };
}
