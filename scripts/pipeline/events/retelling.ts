/**
 * One act told twice in one document stays one event. News tells its act, then tells it again:
 * "The meeting took place a day after ...", "During the two-day visit ...", "the parties
 * exchanged views ...", or an airport reception and then the talks of the same visit. Each
 * retelling used to become an event of its own, often on another day (the publication day) or
 * with a stray party, so that the merge could not join it.
 *
 * A later report of a document is a retelling of an earlier one (same type, within a few
 * sentences) when
 *   - its trigger is a definite act noun: a determiner or a possessive, at most a few modifiers,
 *     then an act noun ("the meeting", "the two-day visit", "the Emir's visit"):
 *     rule events.retelling.definite-act;
 *   - or the subject right before its trigger is a phrase that refers back to the parties ("the
 *     parties exchanged views", "the two leaders discussed"): rule events.retelling.referring-subject;
 *   - or it is a welcome on arrival (an airport reception by an official) of the same states on
 *     the same day as a meeting the document reports, in either order and whoever received the
 *     guest: rule events.retelling.reception;
 * and it names no state the earlier report lacks, its acting states are not disjoint from the
 * earlier report's (a counter-expulsion, a counter-threat and a second state's condemnation stay
 * apart: merge.directed-pair), and it gives no day of its own that differs from the earlier
 * report's own day. The retelling then takes the earlier report's type, states, people and
 * place, and both take the better-dated of the two days, so that the merge joins the two
 * sentences into one event with both as sources.
 * Word lists: event-rules.json `retelling`.
 */
import rules from '../../data/event-rules.json' with { type: 'json' };
import { differentActors } from '../merge/direction.ts';
import { ongoingAtPublication } from '../merge/present-state.ts';
import { patternRules } from '../pattern-rules.ts';
import type { DateEvidence, ExtractedEvent } from '../types.ts';

const R = rules.retelling;
const ACT_NOUNS: ReadonlySet<string> = new Set(R.actNouns);
const DETERMINERS: ReadonlySet<string> = new Set(R.determiners);
const MODIFIER_STOP: ReadonlySet<string> = new Set(R.modifierStop);
const SUBJECT_GAP: ReadonlySet<string> = new Set(R.subjectGap);
const RECEPTION: ReadonlySet<string> = new Set(R.receptionWords);
const ARRIVAL: ReadonlySet<string> = new Set(R.arrivalWords);
const SUBJECTS: readonly string[][] = R.referringSubjects.map((s) => s.split(' '));
const WINDOW = R.windowSentences;
const MAX_MODIFIERS = R.maxModifiers;
/** Date evidence from the report's own words (the others are the publication day, dateline or another event's day). */
const OWN: ReadonlySet<DateEvidence> = new Set<DateEvidence>(['explicit', 'relative', 'weekday']);
/** How many characters before the trigger are read for its determiner or subject. */
const LOOK_BEHIND = 80;

export const RETELLING_RULES = {
  definite: 'events.retelling.definite-act',
  subject: 'events.retelling.referring-subject',
  reception: 'events.retelling.reception',
} as const;
export type RetellingRule = (typeof RETELLING_RULES)[keyof typeof RETELLING_RULES];

/** A report and the ordinal of its sentence among the document's sentences. */
export interface Told {
  event: ExtractedEvent;
  sentence: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** The word without the punctuation around it (a loop, not a regex: no backtracking on long runs). */
function trimToWord(raw: string): string {
  let a = 0;
  let b = raw.length;
  while (a < b && !WORD_CHAR.test(raw[a]!)) a++;
  while (b > a && !WORD_CHAR.test(raw[b - 1]!)) b--;
  return raw.slice(a, b);
}

/** Words (lowercased, letters, digits, hyphens and apostrophes), with a null for each punctuation break. */
function words(text: string): (string | null)[] {
  const out: (string | null)[] = [];
  for (const raw of text.split(SPACES)) {
    if (raw === '') continue;
    if (LEAD.test(raw)) out.push(null);
    const w = trimToWord(raw.toLowerCase());
    if (w !== '') out.push(w);
    if (CLOSE.test(raw) && !POSSESSIVE_END.test(raw)) out.push(null);
  }
  return out;
}
// Built once (a literal inside a function is a new object on every call).
const SPACES = /\s+/u;
const LEAD = /^[("“‘'\u2018\u201c]+/u;
const CLOSE = /[,;:.!?)"”’]$/u;
const POSSESSIVE_END = /['’]s$/u;

const isPossessive = (w: string): boolean => /^[\p{L}.-]{1,40}['’]s?$/u.test(w) && w.length > 2;

/** The words of the sentence up to the end of the trigger, and the trigger's own words. */
function around(ev: ExtractedEvent): { readonly before: readonly (string | null)[]; readonly trigger: readonly (string | null)[] } {
  const s = ev.source.sentence;
  const t = ev.source.trigger;
  // The same report is asked about by several rules in a row: the last answer is kept (callers only read it).
  if (last && last.s === s && last.start === t.start && last.end === t.end) return last.words;
  const found = { before: words(s.slice(Math.max(0, t.start - LOOK_BEHIND), t.start)), trigger: words(s.slice(t.start, t.end)) };
  last = { s, start: t.start, end: t.end, words: found };
  return found;
}
let last: { s: string; start: number; end: number; words: ReturnType<typeof around> } | undefined;

/**
 * Whether the report's trigger is a definite act noun: its first act noun (in the trigger's first
 * words) is preceded, across at most a few modifiers, by a determiner or a possessive.
 */
export function definiteAct(ev: ExtractedEvent): boolean {
  const { before, trigger } = around(ev);
  const at = trigger.slice(0, MAX_MODIFIERS + 1).findIndex((w) => w !== null && ACT_NOUNS.has(w));
  if (at < 0) return false;
  const lead = [...before, ...trigger.slice(0, at)];
  for (let i = lead.length - 1, seen = 0; i >= 0 && seen <= MAX_MODIFIERS; i--, seen++) {
    const w = lead[i];
    if (w === null || w === undefined) return false;
    if (DETERMINERS.has(w) || isPossessive(w)) return true;
    if (MODIFIER_STOP.has(w)) return false;
  }
  return false;
}

/** Whether the words right before the trigger (past a few adverbs or auxiliaries) are a referring subject ("the parties"). */
export function referringSubject(ev: ExtractedEvent): boolean {
  const { before } = around(ev);
  let end = before.length;
  while (end > 0 && before[end - 1] !== null && SUBJECT_GAP.has(before[end - 1]!)) end--;
  return SUBJECTS.some((phrase) => {
    if (end < phrase.length) return false;
    for (let k = 0; k < phrase.length; k++) if (before[end - phrase.length + k] !== phrase[k]) return false;
    // "the parties" at the start of the sentence or clause, not inside "one of the parties".
    const prev = before[end - phrase.length - 1];
    return prev === undefined || prev === null || prev === 'that' || prev === 'and' || prev === 'said';
  });
}

/**
 * Whether the report is a welcome on arrival: its trigger is a reception ("was received by",
 * "welcomed") and its sentence tells the arrival ("upon his arrival at the airport"). An audience
 * at the palace ("the President received the minister at State House") is a meeting of its own.
 */
export function reception(ev: ExtractedEvent): boolean {
  if (ev.type !== 'meeting' || !around(ev).trigger.some((w) => w !== null && RECEPTION.has(w))) return false;
  return words(ev.source.sentence).some((w) => w !== null && ARRIVAL.has(w));
}

const subset = (small: readonly string[], large: readonly string[]): boolean => small.every((c) => large.includes(c));
const sameSet = (a: readonly string[], b: readonly string[]): boolean => subset(a, b) && subset(b, a);

/**
 * The day the two reports share, or null when each gives a day of its own and they differ.
 * Returns the report that gives it (the better-dated one).
 */
function sharedDay(later: ExtractedEvent, earlier: ExtractedEvent): ExtractedEvent | null {
  // merge.present-state-day: an act told as going on at publication ("is now in") keeps that day
  // against a later sentence's weekday or relative day (one day of it), not against an explicit one.
  if (ongoingAtPublication(earlier) && later.dateEvidence !== 'explicit') return earlier;
  if (later.date === earlier.date) return OWN.has(later.dateEvidence) && !OWN.has(earlier.dateEvidence) ? later : earlier;
  if (!OWN.has(later.dateEvidence)) return earlier;
  if (!OWN.has(earlier.dateEvidence)) return later;
  return null;
}

export interface Retelling {
  /** Index (in `told`) of the earlier report it tells again. */
  of: number;
  rule: RetellingRule;
  /** The report whose day both keep. */
  dated: ExtractedEvent;
  /**
   * Which report takes the other's parties: the later one (a retelling, a reception told after
   * the talks) or the earlier one (a reception told before the talks, which takes the talks').
   */
  folds: 'later' | 'earlier';
}

/** The earlier report (nearest first) that `ev`, found in sentence `sentence`, tells again; undefined when none. */
export function retellingOf(ev: ExtractedEvent, sentence: number, told: readonly Told[]): Retelling | undefined {
  const rule: RetellingRule | undefined = definiteAct(ev)
    ? RETELLING_RULES.definite
    : referringSubject(ev)
      ? RETELLING_RULES.subject
      : reception(ev)
        ? RETELLING_RULES.reception
        : undefined;
  // A reception told after the talks: the talks are the later report and the reception the earlier one.
  const talksAfterReception = rule === undefined && ev.type === 'meeting';
  if (rule === undefined && !talksAfterReception) return undefined;
  for (let i = told.length - 1; i >= 0; i--) {
    const { event: p, sentence: at } = told[i]!;
    if (sentence - at > WINDOW) break;
    if (p.type !== ev.type) continue;
    // Two events of one trigger (several states condemning one act) are not a retelling.
    if (p.source.start === ev.source.start && p.source.trigger.start === ev.source.trigger.start) continue;
    if (talksAfterReception || rule === RETELLING_RULES.reception) {
      const welcome = talksAfterReception ? p : ev;
      if (!reception(welcome) || p.date !== ev.date || p.countries.length < 2 || !sameSet(p.countries, ev.countries)) continue;
      return {
        of: i,
        rule: RETELLING_RULES.reception,
        dated: OWN.has(ev.dateEvidence) && !OWN.has(p.dateEvidence) ? ev : p,
        folds: talksAfterReception ? 'earlier' : 'later',
      };
    }
    if (!subset(ev.countries, p.countries)) continue;
    // A report naming states keeps its organisations only if the earlier one has them too.
    if (ev.countries.length > 0 && !subset(ev.organizations, p.organizations)) continue;
    if (ev.countries.length === 0 && ev.organizations.length > 0 && p.countries.length === 0 && !subset(ev.organizations, p.organizations)) continue;
    if (differentActors(ev, p)) continue;
    const dated = sharedDay(ev, p);
    if (dated === null) continue;
    return { of: i, rule: rule!, dated, folds: 'later' };
  }
  return undefined;
}

/** `ev` told again as `as`: the parties, type and place of `as`, the day of `dated`, its own source. */
export function toldAs(ev: ExtractedEvent, as: ExtractedEvent, dated: ExtractedEvent): ExtractedEvent {
  const out: ExtractedEvent = {
    ...ev,
    type: as.type,
    date: dated.date,
    datePrecision: dated.datePrecision,
    dateEvidence: dated.dateEvidence,
    countries: [...as.countries],
    organizations: [...as.organizations],
    actors: as.actors.map((a) => ({ ...a })),
    title: as.title,
  };
  delete out.deadline;
  delete out.agents;
  delete out.location;
  if (dated.deadline) out.deadline = dated.deadline;
  if (as.agents) out.agents = [...as.agents];
  if (as.location) out.location = as.location;
  return out;
}

const PART_OF_TOLD: ReadonlySet<string> = new Set(R.partOfTold);
export const PART_OF_TOLD_RULE = 'events.retelling.part-of-told';

/**
 * Whether a report found by a trigger that tells an act only through what its parties did in it
 * ("the sides discussed", "standing alongside X") belongs to an act of its type the document has
 * already told: then it is no act of its own, even when it could not be folded into that one.
 */
export function partOfTold(triggerRule: string, type: ExtractedEvent['type'], told: readonly Told[]): boolean {
  return PART_OF_TOLD.has(triggerRule) && told.some((t) => t.event.type === type);
}

export const REFERRING_PARTIES_RULE = 'events.retelling.referring-parties';

/**
 * The parties a subject like "the two sides" refers to, for a report found by a trigger that tells
 * an act through what its parties did (`partOfTold` rules): the states of the nearest earlier report
 * (within the window) that names at least two states, all of the states the report names itself
 * among them. Undefined when the report already names two states or no such report exists.
 */
export function referredParties(triggerRule: string, countries: readonly string[], sentence: number, told: readonly Told[]): ExtractedEvent | undefined {
  if (!PART_OF_TOLD.has(triggerRule) || countries.length >= 2) return undefined;
  for (let i = told.length - 1; i >= 0; i--) {
    const { event: p, sentence: at } = told[i]!;
    if (sentence - at > WINDOW) break;
    if (p.countries.length >= 2 && subset(countries, p.countries)) return p;
  }
  return undefined;
}

/** "talks between two delegations from two nations": a clause naming its parties only as a pair (event-rules.json retelling.referringPair). */
const REFERRING_PAIR = new RegExp(R.referringPair, 'iu');
export const REFERRING_PAIR_RULE = 'events.retelling.referring-pair';
const PAIR_TYPES: ReadonlySet<string> = new Set(['meeting', 'visit', 'agreement']);

/**
 * The report whose states a clause that names no state but "two nations", "both countries" or "the two
 * delegations" refers to: the nearest earlier report (within the window) naming at least two states.
 * Only for encounters and agreements, and only when the candidate has no state of its own.
 */
export function referredPair(type: string, countries: readonly string[], clauseText: string, sentence: number, told: readonly Told[]): ExtractedEvent | undefined {
  if (!PAIR_TYPES.has(type) || countries.length > 0 || !REFERRING_PAIR.test(clauseText)) return undefined;
  for (let i = told.length - 1; i >= 0; i--) {
    const { event: p, sentence: at } = told[i]!;
    if (sentence - at > WINDOW) break;
    if (p.countries.length >= 2) return p;
  }
  return undefined;
}

const eventPattern = patternRules('event-rules.json', rules.patterns, rules.macros);
/** Drill and exercise nouns (event-rules.json patterns.drillNoun). */
const DRILL_NOUN = eventPattern('drillNoun');
/** Taking part in a drill (event-rules.json patterns.drillParticipation). */
const DRILL_PARTICIPATION = eventPattern('drillParticipation');
export const DRILL_PARTICIPATION_RULE = DRILL_PARTICIPATION.id;
/** How many sentences after the drill its participation may be told. */
const PARTICIPATION_WINDOW = 2;

/**
 * "Vostok exercises kicked off in Russia on August 31. China, India and Belarus have sent troops to
 * participate in the exercise.": a military report with no day of its own, whose trigger is no drill
 * noun and whose sentence tells taking part (patterns.drillParticipation), right after a drill (the
 * last report told, within PARTICIPATION_WINDOW sentences, a military report whose trigger is a drill
 * noun) is the drill's participation, not an act of its own: the index in `told` of that drill, or
 * undefined.
 */
export function drillOfParticipation(ev: ExtractedEvent, sentence: number, told: readonly Told[]): number | undefined {
  if (ev.type !== 'military' || OWN.has(ev.dateEvidence)) return undefined;
  const trigger = ev.source.sentence.slice(ev.source.trigger.start, ev.source.trigger.end);
  if (DRILL_NOUN.re.test(trigger) || !DRILL_PARTICIPATION.re.test(ev.source.sentence)) return undefined;
  const i = told.length - 1;
  const last = told[i];
  if (!last || last.sentence >= sentence || sentence - last.sentence > PARTICIPATION_WINDOW) return undefined;
  const p = last.event;
  if (p.type !== 'military') return undefined;
  if (!DRILL_NOUN.re.test(p.source.sentence.slice(p.source.trigger.start, p.source.trigger.end))) return undefined;
  return i;
}
