/**
 * Compiled cue words from scripts/data/date-cues.json (the data lives there, not in code).
 */
import raw from '../../data/date-cues.json' with { type: 'json' };
import type { EventType } from '../types.ts';

export interface SpanPattern {
  re: RegExp;
  /** The pattern without word boundaries, for building one alternation. */
  source: string;
  rule: SpanRule;
}

/** How a vague period maps to a span of days; see spans.ts. */
export type SpanRule =
  | 'thisWeek'
  | 'lastWeek'
  | 'thisMonth'
  | 'lastMonth'
  | 'lastMonthEarly'
  | 'lastMonthLate'
  | 'thisMonthEarly'
  | 'thisYear'
  | 'lastYear'
  | 'lastYearEarly'
  | 'lastYearLate'
  | 'recentDays'
  | 'recentWeeks'
  | 'recentMonths'
  | 'weekend'
  | 'future';

const SPAN_RULES = new Set<string>([
  'thisWeek', 'lastWeek', 'thisMonth', 'lastMonth', 'lastMonthEarly', 'lastMonthLate', 'thisMonthEarly', 'thisYear', 'lastYear', 'lastYearEarly',
  'lastYearLate', 'recentDays', 'recentWeeks', 'recentMonths', 'weekend', 'future',
]);

export interface AnchorPattern {
  re: RegExp;
  /** The pattern without word boundaries, for building one alternation. */
  source: string;
  precisionByUnit?: Record<string, 'day' | 'approximate'>;
  unitDefault?: string;
}

/**
 * Patterns are not global: chrono's parser loop calls `exec` on successive substrings.
 * Left boundary used by every cue pattern (chrono style: a non-word character or the start).
 */
const LEFT = '(?<=^|[^\\p{L}\\p{N}_])';
/** Right boundary. */
const RIGHT = '(?![\\p{L}\\p{N}_])';

/** One regex for several alternatives, each in a named group `<prefix><i>`, with one pair of boundaries. */
export function alternation(sources: string[], prefix: string): RegExp {
  return wordPattern(sources.map((src, i) => `(?<${prefix}${i}>${src})`).join('|'));
}

export function wordPattern(source: string, flags = 'iu'): RegExp {
  return new RegExp(`${LEFT}(?:${source})${RIGHT}`, flags);
}

/** Gate names -> whole words ("####": a four-digit number); see gates.ts. */
export const GATE_WORDS: Readonly<Record<string, readonly string[]>> = raw.gates;
export const FUTURE_MARKERS = new RegExp(raw.futureMarkers, 'i');
export const FUTURE_WINDOW_WORDS: number = raw.futureWindowWords;
export const IGNORE_BEFORE = new RegExp(raw.ignoreBefore, 'i');
/** "from" before a bare weekday: the start day of the event (rule dates.cue.start-from-weekday). */
export const START_FROM_BEFORE = new RegExp(raw.startFrom.before, 'i');
/** "tariffs starting on Tuesday": the day a measure takes effect, not its own day (dates.select.effective-day). */
export const EFFECTIVE_DAY = {
  id: raw.effectiveDay.id,
  before: new RegExp(raw.effectiveDay.before, 'i'),
  types: new Set<EventType>(raw.effectiveDay.types as EventType[]),
  /** Trigger rules whose act is the measure taking effect: the effective day is their own. */
  ownDayRules: new Set<string>(raw.effectiveDay.ownDayRules),
};
/**
 * "the October 2 letter", "Tuesday's talks": a day cue right before (optionally "'s" and one
 * modifier) a noun naming an act (dates.select.dated-noun); `byType` maps an event type to the
 * class of nouns that can name its act.
 */
export const DATED_NOUN = {
  id: raw.datedNoun.id,
  relativeReach: raw.datedNoun.relativeReach,
  byType: new Map<EventType, RegExp>(
    Object.entries(raw.datedNoun.types as Record<string, string>).map(([type, cls]) => [
      type as EventType,
      new RegExp(
        `^(?:['’]s)?\\s+(?:[\\p{Ll}-]+\\s+)?(?:${((raw.datedNoun.nouns as Record<string, string[]>)[cls] ?? []).map((w) => escapeRegExp(w).replace(/ /g, '\\s+')).join('|')})\\b`,
        'u',
      ),
    ]),
  ),
  /** The same classes as bare words ("alleging in a letter to the UN"; a two-word noun by its last word). */
  wordsOf: new Map<EventType, ReadonlySet<string>>(
    Object.entries(raw.datedNoun.types as Record<string, string>).map(([type, cls]) => [
      type as EventType,
      new Set(((raw.datedNoun.nouns as Record<string, string[]>)[cls] ?? []).map((w) => w.split(' ').pop()!.toLowerCase())),
    ]),
  ),
  any: new RegExp(
    `^(?:['’]s)?\\s+(?:[\\p{Ll}-]+\\s+)?(?:${Object.values(raw.datedNoun.nouns as Record<string, string[]>).flat().map((w) => escapeRegExp(w).replace(/ /g, '\\s+')).join('|')})\\b`,
    'u',
  ),
};
/** An undated lead sums up the account its next sentence dates (dates.resolver.lead-summary). */
export const LEAD_SUMMARY = { id: raw.leadSummary.id, maxDaysBefore: raw.leadSummary.maxDaysBeforePublication };
/** A lead act dated by a press conference or post of the same account told next (dates.resolver.same-account). */
export const SAME_ACCOUNT = {
  id: raw.sameAccount.id as string,
  sentencesAhead: raw.sameAccount.sentencesAhead as number,
  maxDaysBefore: raw.sameAccount.maxDaysBeforePublication as number,
  maxFrameDistance: raw.sameAccount.maxFrameDistance as number,
  frame: new RegExp(raw.sameAccount.frame, 'iu'),
  background: new RegExp(raw.sameAccount.background, 'iu'),
  presentState: new RegExp(raw.sameAccount.presentState, 'u'),
  ignoredNames: new Set<string>(raw.sameAccount.ignoredNames),
  speechTypes: new Set<EventType>(raw.sameAccount.speechTypes as EventType[]),
};
/** "recently concluded a visit on 25-26 March": the clause's day beats the vague period (dates.select.day-over-period). */
export const DAY_OVER_PERIOD = {
  id: raw.dayOverPeriod.id as string,
  words: new RegExp(raw.dayOverPeriod.words, 'iu'),
  skipTypes: new Set<EventType>(raw.dayOverPeriod.skipTypes as EventType[]),
};
/** "During that visit": inside an act dated by its own words a few sentences before (dates.resolver.dated-frame). */
export const DATED_FRAME = {
  id: raw.datedFrame.id as string,
  sentencesBack: raw.datedFrame.sentencesBack as number,
  /** The talks and deals told right after a visit dated by a calendar day are its parts (dates.resolver.dated-frame.visit-parts). */
  visitParts: {
    id: raw.datedFrame.visitParts.id as string,
    types: new Set<EventType>(raw.datedFrame.visitParts.types as EventType[]),
    sentencesBack: raw.datedFrame.visitParts.sentencesBack as number,
    minDaysBefore: raw.datedFrame.visitParts.minDaysBeforePublication as number,
    /** "Earlier, on March 31 ...": a sentence that opens looking back. */
    retrospective: new RegExp(raw.datedFrame.visitParts.retrospective as string, 'iu'),
  },
};
/** "Earlier, on March 31 this year, ... paid a visit": a day of the act's own clause inside the vague period it names (dates.select.day-in-period). */
export const DAY_IN_PERIOD = {
  id: raw.dayInPeriod.id as string,
  skipTypes: new Set<EventType>(raw.dayInPeriod.skipTypes as EventType[]),
};
/** "asked the ambassador to leave on February 7": a future day in a directive's to-infinitive is a deadline (dates.select.deadline-complement). */
export const DEADLINE_COMPLEMENT = {
  id: raw.deadlineComplement.id as string,
  directive: new RegExp(raw.deadlineComplement.directive, 'giu'),
  infinitive: new RegExp(raw.deadlineComplement.infinitive, 'iu'),
  maxInfinitiveDistance: raw.deadlineComplement.maxInfinitiveDistance as number,
  maxDaysAfter: raw.deadlineComplement.maxDaysAfterPublication as number,
  maxCueDistance: raw.deadlineComplement.maxCueDistance as number,
  types: new Set<EventType>(raw.deadlineComplement.types as EventType[]),
};
/** A future period opened by "by"/"until": a threat's deadline, not its day (dates.own-cue.deadline-span). */
export const DEADLINE_SPAN = {
  id: raw.deadlineSpan.id as string,
  words: new RegExp(raw.deadlineSpan.words, 'iu'),
  types: new Set<EventType>(raw.deadlineSpan.types as EventType[]),
};
/** "on the eve of Thursday's summit": the day before that event (dates.resolver.eve-of). */
export const EVE_OF = {
  id: raw.eveOf.id as string,
  re: new RegExp(raw.eveOf.pattern, 'iu'),
  sentencesAhead: raw.eveOf.sentencesAhead as number,
  near: raw.eveOf.near as number,
};
/** The day of the document an attribution names ("said in a note dated Tuesday"): dates.resolver.document-dated. */
export const DOCUMENT_DATED = {
  id: raw.documentDated.id as string,
  re: new RegExp(raw.documentDated.pattern, 'iu'),
  attribution: new RegExp(raw.documentDated.attribution, 'iu'),
  reach: raw.documentDated.reach as number,
  gap: raw.documentDated.gap as number,
};
/** A day-after report's news day (dates.resolver.news-day). */
export const NEWS_DAY = {
  id: raw.newsDay.id as string,
  maxDaysBefore: raw.newsDay.maxDaysBeforePublication as number,
  evidence: new Set<string>(raw.newsDay.evidence),
  skipTypes: new Set<EventType>(raw.newsDay.skipTypes as EventType[]),
  causeTypes: new Set<EventType>((raw.newsDay.causeTypes ?? []) as EventType[]),
};
/** The account an undated act goes on with (dates.resolver.story-frame). */
export const STORY_FRAME = {
  id: raw.storyFrame.id,
  sentencesBack: raw.storyFrame.sentencesBack,
  maxDaysBefore: raw.storyFrame.maxDaysBeforePublication,
  evidence: new Set<string>(raw.storyFrame.evidence),
  /** Reactions follow an act, often days later: speech acts do not take its day. */
  speechTypes: new Set<EventType>(raw.storyFrame.speechTypes as EventType[]),
  /** A meeting or deal told with a dated visit is held during it, however long before a press release. */
  visitFrame: {
    types: new Set<EventType>(raw.storyFrame.visitFrame.types as EventType[]),
    sentencesBack: raw.storyFrame.visitFrame.sentencesBack,
    maxDaysBefore: raw.storyFrame.visitFrame.maxDaysBeforePublication,
  },
};
/** "today" in a quotation counts from the day the words were spoken. */
export const QUOTED_RELATIVE = { id: raw.quotedRelative.id };
/** A quoted "today" in a later retelling counts from the speech day (dates.retelling.quoted-deixis). */
export const QUOTED_DEIXIS = { id: raw.quotedDeixis.id as string, sentencesBack: raw.quotedDeixis.sentencesBack as number };
/** "also met", "then flew": the account told just before goes on (dates.resolver.continued-account). */
export const CONTINUATION = {
  id: raw.continuation.id,
  markerBefore: new RegExp(raw.continuation.markersBeforeTrigger, 'iu'),
  /** "The Iranian official said ...", "He added ...": a speaker referring back opens the sentence. */
  anaphoricSpeaker: new RegExp(raw.continuation.anaphoricSpeakerAtStart, 'u'),
  /** "The ministry slammed ...", "The three governments condemned ...": a subject referring back, its verb the trigger. */
  anaphoricSubject: new RegExp(raw.continuation.anaphoricSubjectAtStart, 'u'),
  anaphoricSubjectReach: raw.continuation.anaphoricSubjectReach as number,
  /** "swiftly responded, threatening": a response continues the account (words, lower-case). */
  responseWords: new Set<string>(raw.continuation.responseWords),
  maxDaysBefore: raw.continuation.maxDaysBeforePublication,
};
/**
 * "during the talks", "At the event": an act placed inside an event told before
 * (dates.resolver.within-event). One pattern per noun kind: preposition, the/this/that, at most
 * two modifiers, the noun.
 */
export const WITHIN_EVENT = {
  id: raw.withinEvent.id,
  /** "said the call focused on ...": a statement reporting on a meeting or visit told before. */
  readout: {
    id: raw.withinEvent.readout.id,
    types: new Set<EventType>(raw.withinEvent.readout.types as EventType[]),
    nouns: Object.entries(raw.withinEvent.nouns as Record<string, string[]>)
      .filter(([kind]) => kind === 'meeting' || kind === 'visit')
      .map(([kind, nouns]) => ({
        kind: kind as EventType,
        re: new RegExp(
          `\\b(?:${(raw.withinEvent.determiners as string[]).map(escapeRegExp).join('|')})\\s+(?:${nouns.map((w) => escapeRegExp(w).replace(/ /g, '\\s+')).join('|')})\\b`,
          'iu',
        ),
      })),
  },
  /** The frame event named by the phrase, told with its day in a sentence just before that held no extracted event. */
  earlier: { id: raw.withinEvent.earlier.id },
  /** "while in Washington", "while there", "during his stay": inside the visit (else meeting) told last. */
  stay: { id: raw.withinEvent.stay.id, re: new RegExp(raw.withinEvent.stay.pattern, 'i') },
  /** The frame event named by the phrase, told with its day in a later sentence. */
  later: {
    id: raw.withinEvent.later.id,
    /** The nouns of each type ("talks", "summit"; "visit", "trip"): a later sentence names the frame event with one. */
    nouns: new Map(
      Object.entries(raw.withinEvent.nouns as Record<string, string[]>)
        .filter(([kind]) => kind !== 'any')
        .map(([kind, nouns]) => [kind as EventType, new RegExp(`\\b(?:${nouns.map((w) => escapeRegExp(w).replace(/ /g, '\\s+')).join('|')})\\b`, 'iu')] as const),
    ),
  },
  maxDaysBefore: raw.withinEvent.maxDaysBeforePublication,
  /** "during their talks", "during his visit": a possessive determiner in the phrase (group 1 of `patterns`). */
  possessive: { id: raw.withinEvent.possessivesId as string, words: new Set((raw.withinEvent.possessives as string[]).map((w) => w.toLowerCase())) },
  /** Each pattern: group 1 the determiner, group 2 the modifiers before the noun. */
  patterns: Object.entries(raw.withinEvent.nouns as Record<string, string[]>).map(([kind, nouns]) => ({
    /** The event type the noun names, or 'any'. */
    kind: kind as EventType | 'any',
    re: new RegExp(
      `\\b(?:${(raw.withinEvent.prepositions as string[]).map((w) => escapeRegExp(w).replace(/ /g, '\\s+')).join('|')})\\s+(${[...(raw.withinEvent.determiners as string[]), ...(raw.withinEvent.possessives as string[])].map(escapeRegExp).join('|')})\\s+((?:[\\p{L}-]+\\s+){0,2}?)(?:${nouns.map((w) => escapeRegExp(w).replace(/ /g, '\\s+')).join('|')})\\b`,
      'iu',
    ),
  })),
};

/** "his recent trip", "the previous meeting": an act placed before the story's events (dates.background.past-modifier). */
export const PAST_EVENT_MODIFIERS: ReadonlySet<string> = new Set(raw.pastEventModifiers.words);

/** A lead event told again later with its day (dates.resolver.later-retelling). */
export const RETELLING = {
  id: raw.retelling.id,
  sentencesAhead: raw.retelling.sentencesAhead,
  maxDaysBefore: raw.retelling.maxDaysBeforePublication,
  nearWord: raw.retelling.nearWord,
  definite: new RegExp(raw.retelling.definite, 'iu'),
  /** "The step followed ... recalling their envoys": a mention after it names the earlier act answered, not the event. */
  priorAct: new RegExp(raw.retelling.priorAct, 'iu'),
  ignored: new Set<string>(raw.retelling.ignoredTriggerWords),
  minWordLength: raw.retelling.minWordLength,
  stemLength: raw.retelling.stemLength,
};
export const DEADLINE_BEFORE = new RegExp(raw.deadlineBefore, 'i');
export const DEADLINE_AFTER = new RegExp(raw.deadlineAfter, 'i');
export const DEADLINE_DURATION = wordPattern(raw.deadlineDuration);
export const NAMED_DATE_FOLLOWERS = new RegExp(raw.namedDateFollowers, 'i');
/** A named-date noun after a recent day stays a day ("the May 28 clash" in a June story): dates.filter.recent-named-date. */
export const RECENT_NAMED_DATE = {
  id: raw.recentNamedDate.id,
  maxDaysBefore: raw.recentNamedDate.maxDaysBefore as number,
  iconic: new RegExp(raw.recentNamedDate.iconic, 'i'),
};
/**
 * Another actor's event noun right before a cue: "North Korea's launch last Thursday",
 * "Israel's strikes on Saturday" (a possessive marks the noun as someone else's event).
 */
export const EVENT_NOUN_BEFORE = new RegExp(
  `['’]s\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${raw.eventNouns.map(escapeRegExp).join('|')})\\s+(?:(?:on|in|of)\\s+)?$`,
  'iu',
);
/**
 * An act noun with its complement right before a cue: "the launch of an intercontinental
 * ballistic missile last week", "an attack on a border post on Sunday", "blamed X for airstrikes in
 * the capital, Kabul, late on Thursday" (a bare plural after "for"; an appositive's commas inside; rule
 * dates.select.act-noun-phrase): the cue dates that act, not a trigger before it.
 */
export const ACT_NOUN_PHRASE_BEFORE = new RegExp(
  `\\b(?:(?:the|a|an|its|their|his|her|this|that)\\s+(?:[\\p{L}-]+\\s+)?|for\\s+(?:the\\s+|its\\s+|their\\s+)?)(?:${raw.actNounPhrase.nouns.map(escapeRegExp).join('|')})\\s+(?:of|by|on|against|at|near|in)\\s+(?:[\\p{L}\\p{N}’'-]+,?\\s+){0,8}$`,
  'iu',
);
/**
 * "rejects the statements by X during a show held last Friday": the day dates the object, not the act
 * (rule dates.select.object-day): the object right after the trigger, the participle right before the cue.
 */
export const OBJECT_DAY = {
  id: raw.objectDay.id,
  object: new RegExp(`^\\s*(?:the|a|an|his|her|its|their|these|those|this|that)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${raw.objectDay.nouns.map(escapeRegExp).join('|')})\\b`, 'iu'),
  participle: new RegExp(`\\b(?:${raw.objectDay.participles.map(escapeRegExp).join('|')})\\s+$`, 'iu'),
  reach: raw.objectDay.reach as number,
};
/**
 * "warned of war and suspended a military pact with South Korea on Tuesday": a day ending the
 * sentence after a second predicate of the same subject dates the first act too (dates.select.shared-day).
 */
export const SHARED_DAY = {
  id: raw.sharedDay.id,
  between: new RegExp(raw.sharedDay.between, 'u'),
  after: new RegExp(raw.sharedDay.after, 'u'),
};
/** How far before a cue the act-noun phrase is looked for. */
export const ACT_NOUN_REACH = 90;
export const NUMBER_WORDS: Readonly<Record<string, number>> = raw.numberWords;
/** "first" -> 1 in "the first day of his visit". */
export const ORDINAL_DAYS: Readonly<Record<string, number>> = raw.ordinalDays;

export const SPAN_PATTERNS: SpanPattern[] = raw.spans.map((s) => {
  if (!SPAN_RULES.has(s.rule)) throw new Error(`date-cues.json: unknown span rule ${s.rule}`);
  return { re: wordPattern(s.pattern), source: s.pattern, rule: s.rule as SpanRule };
});

/** Month names need their capital letter ("in May", not "may"): MonthSpanParser checks it. */
export const MONTH_SPAN = wordPattern(raw.monthSpan);
export const YEAR_SPAN = wordPattern(raw.yearSpan);

export const ANCHOR_PATTERNS: AnchorPattern[] = raw.anchorPhrases.map((a) => {
  const out: AnchorPattern = { re: wordPattern(a.pattern), source: a.pattern };
  if ('precisionByUnit' in a && a.precisionByUnit) out.precisionByUnit = a.precisionByUnit as Record<string, 'day' | 'approximate'>;
  if ('unitDefault' in a && typeof a.unitDefault === 'string') out.unitDefault = a.unitDefault;
  return out;
});

/** Words that name an event of each type, for matching "hours after the talks" to an earlier event. */
export const ANCHOR_EVENT_WORDS: ReadonlyArray<{ type: EventType; re: RegExp }> = Object.entries(raw.anchorEventWords).map(
  ([type, words]) => ({ type: type as EventType, re: wordPattern(words.map(escapeRegExp).join('|'), 'iu') }),
);

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "two" -> 2, "12" -> 12, "a few" -> 3; undefined for anything else. */
export function numberOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  const w = word.trim().toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w];
}

/**
 * "today, the 7th October", "on Monday (Oct 7)": what may stand between a relative day and the explicit date that
 * restates it (dates.cue.appositive-day).
 */
export const APPOSITIVE_DAY = {
  id: raw.appositiveDay.id as string,
  between: new RegExp(raw.appositiveDay.between, 'i'),
};

/** "In October 2021, X recalled its envoy. Y criticised Z ...": a past period opening the sentence before frames this one (dates.frame.background-period). */
export const BACKGROUND_FRAME = {
  id: raw.backgroundFrame.id as string,
  minAgeDays: raw.backgroundFrame.minAgeDays as number,
};
