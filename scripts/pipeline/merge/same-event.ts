/**
 * When are two extracted events reports of the same real event? Every test must pass:
 * compatible type, compatible day, compatible states and organisations, no clash of people.
 * Thresholds live in scripts/data/merge-rules.json.
 */
import type { ExtractedEvent } from '../types.ts';
import rules from '../../data/merge-rules.json' with { type: 'json' };
import { differentActors } from './direction.ts';
import { counterpartConflict, peopleConflict, sharedPeople } from './names.ts';
import { plannedAgainstHeld } from './planned.ts';
import { differentActs, mergeByKind } from '../events/act-kinds.ts';

const WEAK = new Set<string>(rules.weakEvidence);
const COMPATIBLE = new Set<string>(rules.compatibleTypes.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
/** Two copies of one sentence are one report however their dates resolved, within this many days. */
export const SAME_SENTENCE_WINDOW_DAYS = 7;

/** Whole days from a to b (both YYYY-MM-DD). */
export function dayDiff(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

const dayCache = new Map<string, number>();
/** Days since 1970-01-01 of a YYYY-MM-DD day (NaN for a malformed one); cached. */
export function dayNumber(day: string): number {
  let n = dayCache.get(day);
  if (n === undefined) {
    n = Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(day, n);
  }
  return n;
}

const PAIR_WINDOW: Record<string, number> = rules.weakPairWindowDaysByType;
/** Types whose two triggers in one sentence, with and without an organisation, are two events. */
export const SPLIT_TYPES = new Set<string>(rules.sentenceSplitTypes);

/** How far apart two reports dated only by publication may be (the smaller of the two types' limits). */
function weakPairWindow(a: string, b: string): number {
  return Math.min(PAIR_WINDOW[a] ?? rules.weakEvidenceWindowDays, PAIR_WINDOW[b] ?? rules.weakEvidenceWindowDays);
}

export function typesCompatible(a: string, b: string): boolean {
  return a === b || COMPATIBLE.has(`${a}|${b}`);
}

/**
 * Days agree when equal; within a few days when either is approximate; and an event dated
 * only by its article's publication day (weak evidence) may have happened up to a couple of
 * days before it.
 */
export function datesCompatible(a: ExtractedEvent, b: ExtractedEvent): boolean {
  if (a.date === b.date) return true;
  const d = dayDiff(a.date, b.date); // > 0 when b is later
  if ((a.datePrecision === 'approximate' || b.datePrecision === 'approximate') && Math.abs(d) <= rules.approximateWindowDays) return true;
  return weakDaysCompatible(a, b, d);
}

/** The publication-day window: a report dated only by publication (or dateline) may tell an act of the days before. */
function weakDaysCompatible(a: ExtractedEvent, b: ExtractedEvent, d: number): boolean {
  const weakA = WEAK.has(a.dateEvidence);
  const weakB = WEAK.has(b.dateEvidence);
  const w = rules.weakEvidenceWindowDays;
  if (weakA && weakB) return Math.abs(d) <= weakPairWindow(a.type, b.type);
  if (weakA) return d <= 0 && -d <= w; // b on or before a's publication-based day
  if (weakB) return d >= 0 && d <= w;
  return false;
}

export const ANCHORED_DAY_RULE = rules.anchoredDay.id;

/**
 * merge.anchored-day: two reports on different days, one dated by counting from another act of
 * its story ("a day after the strike", anchor evidence), are two acts: the count sets them apart,
 * even when the counted day is approximate and within the approximate window of the other. A
 * report dated only by publication or dateline keeps its window (it may tell an earlier act). Copies of one sentence in reprints published on
 * other days are left to `sameSentenceCopy`.
 */
export function anchoredApart(a: ExtractedEvent, b: ExtractedEvent): boolean {
  if (a.date === b.date) return false;
  if (a.dateEvidence !== 'anchor' && b.dateEvidence !== 'anchor') return false;
  // Against a report dated only by publication, the publication window still applies (not the approximate one).
  if (weakDaysCompatible(a, b, dayDiff(a.date, b.date))) return false;
  return !sameSentenceCopy(a, b);
}

/**
 * States agree when equal, or when one report names a single state (or none) and the other
 * adds the counterpart. Two full but different sets ("RUS+TUR" and "RUS+IRN") are two events.
 */
export function countriesCompatible(a: ExtractedEvent, b: ExtractedEvent): boolean {
  const [small, large] = a.countries.length <= b.countries.length ? [a.countries, b.countries] : [b.countries, a.countries];
  for (const c of small) if (!large.includes(c)) return false;
  const ns = distinctCount(small);
  const nl = distinctCount(large);
  if (ns === nl) return true;
  if (ns === 0) return a.organizations.some((o) => b.organizations.includes(o));
  return ns <= 1 || nl - ns <= rules.maxExtraCountriesWhenBothNamed;
}

/** Number of distinct codes (lists are short; sorted unique lists are the common case). */
function distinctCount(xs: string[]): number {
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (xs.indexOf(xs[i]!) === i) n++;
  return n;
}

/**
 * Organisations agree when both reports name some and share one, or when one names none (a
 * report may leave out "on the sidelines of the G20"). A bilateral meeting and the summit it is
 * held at are told apart by their states (a summit names more) and, within one sentence, by
 * twoThingsInOneSentence.
 */
export function organizationsCompatible(a: ExtractedEvent, b: ExtractedEvent): boolean {
  if (a.organizations.length > 0 && b.organizations.length > 0) return a.organizations.some((o) => b.organizations.includes(o));
  const [withOrg, without] = a.organizations.length > 0 ? [a, b] : [b, a];
  if (withOrg.organizations.length === 0) return true;
  // An organisation facing one state ("the EU threatens the US") and another state facing it
  // ("Canada threatens the US") are two acts: the organisation's place is taken by a state.
  // Meetings, visits and agreements are left out: their reports often name the organisation
  // in one sentence and its member states in another.
  if (SPLIT_TYPES.has(a.type) || SPLIT_TYPES.has(b.type)) return true;
  return !(distinctCount(withOrg.countries) <= 1 && without.countries.some((c) => !withOrg.countries.includes(c)));
}

/** Sentence text folded for comparison (syndicated copies differ in spaces and quotes only). */
export function sentenceKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"'`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const keyCache = new WeakMap<ExtractedEvent, string>();

/** `sentenceKey` of a report's sentence, computed once per report. */
export function reportSentenceKey(ev: ExtractedEvent): string {
  let k = keyCache.get(ev);
  if (k === undefined) {
    k = sentenceKey(ev.source.sentence);
    keyCache.set(ev, k);
  }
  return k;
}

export function sameSentence(a: ExtractedEvent, b: ExtractedEvent): boolean {
  return reportSentenceKey(a) === reportSentenceKey(b);
}

/** The class of types that may merge with this one (its first compatible partner, or itself). */
export function typeGroup(type: string): string {
  return TYPE_GROUP.get(type) ?? type;
}
const TYPE_GROUP = new Map<string, string>();
for (const [a, b] of rules.compatibleTypes) {
  const g = TYPE_GROUP.get(a!) ?? TYPE_GROUP.get(b!) ?? [a!, b!].sort()[0]!;
  TYPE_GROUP.set(a!, g);
  TYPE_GROUP.set(b!, g);
}

/** True when a and b can be reports of one real event. */
export function sameEvent(a: ExtractedEvent, b: ExtractedEvent): boolean {
  if (!sameParties(a, b)) return false;
  if (anchoredApart(a, b)) return false;
  if (datesCompatible(a, b)) return true;
  return sameSentenceCopy(a, b);
}

/** Every test but the day: type, states, organisations, people, acting states. */
export function sameParties(a: ExtractedEvent, b: ExtractedEvent): boolean {
  if (!typesCompatible(a.type, b.type)) return false;
  if (!countriesCompatible(a, b) || !organizationsCompatible(a, b)) return false;
  if (twoThingsInOneSentence(a, b)) return false;
  // A recall of one's envoy and an expulsion of the other side's diplomats: two acts (merge.distinct-acts).
  if (distinctActs(a, b)) return false;
  if (differentActors(a, b)) return false;
  // An announced act and a held one (merge.planned-vs-held, merge/planned.ts).
  if (plannedAgainstHeld(a, b)) return false;
  return !peopleConflict(a.actors, b.actors) && !counterpartConflict(a, b);
}

/** Two reports of one type whose triggers name different kinds of act (events/act-kinds.ts; rule id merge.distinct-acts). */
export function distinctActs(a: ExtractedEvent, b: ExtractedEvent): boolean {
  return a.type === b.type && mergeByKind(a.type) && differentActs(a.type, triggerText(a), triggerText(b));
}

/** The words of a report's trigger. */
export function triggerText(ev: ExtractedEvent): string {
  const t = ev.source.trigger;
  return t ? ev.source.sentence.slice(t.start, t.end) : '';
}

/**
 * Two triggers in one sentence, one with an organisation and one without ("Xi met Lavrov after
 * he held a general meeting with SCO ministers"): a bilateral meeting and the multilateral one.
 */
export function twoThingsInOneSentence(a: ExtractedEvent, b: ExtractedEvent): boolean {
  if (a.source.document !== b.source.document || a.source.start !== b.source.start) return false;
  if (!SPLIT_TYPES.has(a.type) || !SPLIT_TYPES.has(b.type)) return false;
  if (a.source.trigger?.start === b.source.trigger?.start) return false;
  const oa = [...new Set(a.organizations)].sort().join('|');
  const ob = [...new Set(b.organizations)].sort().join('|');
  return oa !== ob;
}

/**
 * One sentence reprinted by an outlet that published on another day: its "on Tuesday" or
 * "yesterday" was resolved against a different publication day, so the days may disagree.
 * Explicit dates do not move with publication, so they are left to the day test.
 */
export function sameSentenceCopy(a: ExtractedEvent, b: ExtractedEvent): boolean {
  return (
    a.type === b.type &&
    a.source.document !== b.source.document &&
    a.source.published !== b.source.published &&
    a.dateEvidence !== 'explicit' &&
    b.dateEvidence !== 'explicit' &&
    Math.abs(dayDiff(a.date, b.date)) <= SAME_SENTENCE_WINDOW_DAYS &&
    sameSentence(a, b)
  );
}

/** How alike two compatible reports are; used to pick the best of several candidate events. */
export function similarity(a: ExtractedEvent, b: ExtractedEvent): number {
  let s = partySimilarity(a, b);
  if (sameSentence(a, b)) s += 2;
  if (a.source.document === b.source.document) s += 0.25;
  return s;
}

/** `similarity` without the terms about the source (sentence, document). */
export function partySimilarity(a: ExtractedEvent, b: ExtractedEvent): number {
  const A = new Set(a.countries);
  const inter = b.countries.filter((c) => A.has(c)).length;
  const union = new Set([...a.countries, ...b.countries]).size;
  let s = union ? inter / union : 0;
  if (a.date === b.date) s += 3;
  else s -= 0.1 * Math.abs(dayDiff(a.date, b.date));
  if (a.type === b.type) s += 0.5;
  s += 2 * sharedPeople(a.actors, b.actors);
  if (a.organizations.some((o) => b.organizations.includes(o))) s += 1;
  return s;
}
