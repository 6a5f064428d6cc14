/**
 * Modality of a trigger from cue words around it in its clause: "did not meet" (negated),
 * "regularly calls for" (habitual), "since 2022" (background), "if", "could" (hypothetical),
 * "will visit", "is expected to meet" (planned), "according to" (reported). Cues are data
 * in scripts/data/event-rules.json, compiled once. `modality.nonEvents` holds the classes of
 * words that name an act without reporting one (issue 9, P3): cancelled or refrained acts
 * ("called off the visit": negated), acts only feared, studied or pictured, idioms ("struck an
 * upbeat tone", "an attack on socialism") and party gatherings (all `mention`). Background that
 * needs the publication day to be seen ("clashes in 2021") is in events/non-events.ts.
 */
import rules from '../../data/event-rules.json' with { type: 'json' };
import type { Modality } from '../types.ts';
import { patternRules } from '../pattern-rules.ts';
import { compileAlternation, compilePattern } from './patterns.ts';

type CueSet = { before?: string[]; after?: string[] };
/** A class of non-events (event-rules.json `modality.nonEvents`): cue words that make a trigger name an act without reporting it. */
type NonEventSet = CueSet & { id: string; modality: string; trigger?: string; form?: 'noun' | 'verb'; within?: string[] };
const m = rules.modality;

function compileSet(set: CueSet) {
  return {
    before: compileAlternation(set.before ?? []),
    after: compileAlternation(set.after ?? []),
  };
}

const MODALITIES: ReadonlySet<string> = new Set<Modality>(['asserted', 'planned', 'negated', 'habitual', 'hypothetical', 'background', 'reported', 'mention']);

interface Check {
  /** The rule id's middle part: `modality.<id>.before`. */
  id: string;
  modality: Modality;
  test: ReturnType<typeof compileSet>;
  /** Only for triggers whose (lower-cased) words match. */
  trigger?: RegExp;
  form?: 'noun' | 'verb';
  /** Cues in the trigger's own words ("had canceled the meeting with"). */
  within?: ReturnType<typeof compileAlternation>;
}

function nonEventCheck(set: NonEventSet): Check {
  if (!MODALITIES.has(set.modality)) throw new Error(`event-rules.json modality.nonEvents.${set.id}: unknown modality ${set.modality}`);
  return {
    id: set.id,
    modality: set.modality as Modality,
    test: compileSet(set),
    ...(set.trigger ? { trigger: compilePattern(set.trigger) } : {}),
    ...(set.form ? { form: set.form } : {}),
    ...(set.within ? { within: compileAlternation(set.within) } : {}),
  };
}

/** Checked in this order; the first that matches decides. */
const ORDER: Check[] = [
  { id: 'negated', modality: 'negated', test: compileSet(m.negated) },
  // Cancelled acts, mentions, idioms and non-diplomatic uses (modality.nonEvents).
  ...(m.nonEvents as NonEventSet[]).map(nonEventCheck),
  { id: 'habitual', modality: 'habitual', test: compileSet(m.habitual) },
  { id: 'background', modality: 'background', test: compileSet(m.background) },
  { id: 'hypothetical', modality: 'hypothetical', test: compileSet(m.hypothetical) },
  { id: 'planned', modality: 'planned', test: compileSet(m.planned) },
];
const REPORTED = compileAlternation(m.reported.sentence);
/** "has been conducting drills": an ongoing act (a present-perfect progressive or an event noun) is background; "has been summoned" is news. */
const PROGRESSIVE_BACKGROUND = new RegExp(m.progressiveBackground, 'iu');
const ING = /ing$/u;
/** "Russia had expelled two diplomats": a pluperfect tells background, unless it is reported speech ("said it had expelled"). */
const PLUPERFECT = new RegExp(m.pluperfect, 'iu');
const REPORTED_BACKSHIFT = new RegExp(m.reportedBackshift, 'iu');
/** "his recent trip", "the previous meeting", "Russia's February invasion": an event noun marked as past names an earlier act. */
const PAST_NOUN = new RegExp(m.pastNoun, 'iu');
const INHERITS = new RegExp(m.inheritFrom, 'u');
/** "flew to Hanoi on Monday to meet": a completed trip before an infinitive of purpose (modality.purposeOfTrip). */
const TRIP_DONE = new RegExp(m.tripDone, 'iu');
/** An infinitive "to" ending the words before the trigger (modality.purposeOfTrip.to). */
const BARE_TO = patternRules('event-rules.json', rules.patterns, rules.macros)('purposeTo').re;
/** Whether `before` ends in an infinitive "to" whose clause tells a completed trip with no plan word. */
function purposeOfTrip(before: string, test: Check['test']): boolean {
  if (!BARE_TO.test(before)) return false;
  const head = before.replace(BARE_TO, '');
  const cut = Math.max(head.lastIndexOf(','), head.lastIndexOf(';'));
  const clause = head.slice(cut + 1);
  return TRIP_DONE.test(clause) && !test.before(head, head.toLowerCase());
}
const PARTICIPLE = /^\S+ing\b/;
const CIRCUMSTANCE = new RegExp(m.circumstance, 'u');
const BEFORE_CLAUSE = new RegExp(m.beforeClause, 'u');
/** A third-person present verb ("heads", "visits", "meets"), not a past form or a noun ending in -ss. */
const PRESENT_TENSE = new RegExp(m.presentTense, 'iu');

/** How many characters before/after the trigger the cues look at. */
const BEFORE_WINDOW = 90;
const AFTER_WINDOW = 100;

export interface ModalityInput {
  /** Clause text just before the trigger (at most a hundred characters or so). */
  before: string;
  /** The clause's first words (for "..., while also accusing"). */
  clauseHead: string;
  /** Clause text after the trigger. */
  after: string;
  /** The trigger's own words. */
  trigger: string;
  /** Whether the trigger is an event noun ("the invasion") rather than a verb. */
  noun?: boolean;
  /** Whether the clause opens the sentence. */
  opening?: boolean;
  /** Whether the sentence carries media attribution ("state media said", "according to"). */
  attributed: boolean;
  /** The sentence's text before the trigger (across clauses), for speech that backshifts tenses. */
  sentenceBefore?: string;
  /** The clause before this one, and its modality, when there is one. */
  previous?: { modality: Modality };
}

/** A modality and the id of the cue set that decided it (`modality.<set>.before`, `modality.default`, ...). */
export interface ModalityDecision {
  modality: Modality;
  rule: string;
}

/** Modality from the cues; `asserted` (or `reported` when attributed) when none applies. */
export function modalityOf(input: ModalityInput): Modality {
  return modalityWhy(input).modality;
}

/** Like `modalityOf`, with the id of the cue set that decided, for traces. */
export function modalityWhy(input: ModalityInput): ModalityDecision {
  const before = input.before.length > BEFORE_WINDOW ? input.before.slice(-BEFORE_WINDOW) : input.before;
  const after = input.after.slice(0, AFTER_WINDOW);
  const beforeLower = before.toLowerCase();
  const afterLower = after.toLowerCase();
  const triggerLower = input.trigger.toLowerCase();
  const form = input.noun ? 'noun' : 'verb';
  let purpose = false;
  for (const { id, modality, test, trigger, form: only, within } of ORDER) {
    if ((only && only !== form) || (trigger && !trigger.test(triggerLower))) continue;
    if (within?.(input.trigger, triggerLower)) return { modality, rule: `modality.${id}.within` };
    if (modality === 'planned' && !input.noun && purposeOfTrip(before, test)) purpose = true;
    else if (test.before(before, beforeLower)) return { modality, rule: `modality.${id}.before` };
    if (test.after(after, afterLower)) return { modality, rule: `modality.${id}.after` };
  }
  if (!input.noun && PLUPERFECT.test(before) && !REPORTED_BACKSHIFT.test(input.sentenceBefore ?? before)) {
    return { modality: 'background', rule: 'modality.pluperfect' };
  }
  if (input.noun && PAST_NOUN.test(before)) {
    return { modality: 'background', rule: 'modality.pastNoun' };
  }
  if ((input.noun || ING.test(input.trigger.split(/\s/u)[0] ?? '')) && PROGRESSIVE_BACKGROUND.test(before)) {
    return { modality: 'background', rule: 'modality.progressiveBackground' };
  }
  // "After the recent invasion of X, ...": an event noun in an opening circumstance is background.
  if (input.noun && input.opening && CIRCUMSTANCE.test(input.clauseHead.toLowerCase())) {
    return { modality: 'background', rule: 'modality.circumstance' };
  }
  // "... hours before the president heads to Tokyo": a present-tense event after "before" is still to come.
  if (BEFORE_CLAUSE.test(input.clauseHead.toLowerCase()) && PRESENT_TENSE.test(input.trigger)) {
    return { modality: 'planned', rule: 'modality.beforeClause' };
  }
  // "..., while also accusing X": a participle continuing a habitual/background clause shares it.
  const prev = input.previous?.modality;
  if (prev && prev !== 'asserted' && prev !== 'reported' && INHERITS.test(input.clauseHead.toLowerCase()) && PARTICIPLE.test(input.trigger)) {
    return { modality: prev, rule: 'modality.inheritFrom' };
  }
  if (purpose) return { modality: input.attributed ? 'reported' : 'asserted', rule: 'modality.purposeOfTrip' };
  return input.attributed ? { modality: 'reported', rule: 'modality.reported' } : { modality: 'asserted', rule: 'modality.default' };
}

/** Whether the sentence attributes its content to a report ("according to", "reportedly"). */
export function sentenceIsReported(sentence: string): boolean {
  return REPORTED(sentence);
}
