/**
 * Typed records passed between the pipeline's stages:
 *   load (I/O) -> parseDocument -> segment -> findEvents -> resolveDate + resolveActors
 *   -> assemble -> merge -> curate -> validate -> emit (I/O)
 * Every stage but load and emit is a pure function of its inputs.
 *
 * Offsets: every `start`/`end` is a UTF-16 offset into `SourceDocument.text`, the whole
 * decoded file (byte-order mark removed; bidi controls, invisible characters and control codes
 * other than tab/LF/CR replaced by spaces, one for one, so offsets into the file hold), so that
 * `text.slice(start, end)` gives back exactly the sentence or span.
 */
import type { Actor, EventType } from '../../src/lib/schema.ts';
import type { Trace, TraceStep } from './trace.ts';

export type { Actor, EventType };

/** A file as read from disk, before its header is parsed. */
export interface RawDocument {
  id: string;
  /** Path relative to the input directory, with forward slashes. */
  path: string;
  /** Decoded text, or null when the file could not be read/decoded. */
  text: string | null;
  /** Why `text` is null, or a warning about how it was read (e.g. "decoded as Latin-1"). */
  readError?: string;
  warnings: string[];
}

/** A document whose header was parsed. */
export interface SourceDocument {
  id: string;
  path: string;
  title: string;
  /** Publication day, YYYY-MM-DD. */
  published: string;
  /** The whole decoded text (the offsets' frame of reference), unsafe characters replaced by spaces one for one. */
  text: string;
  /** Where the body starts in `text` (after the header line or the front matter). */
  bodyStart: number;
  warnings: string[];
  /** The original article's address (front matter `url:`, or a plain-text second line ` url <address>`); http(s) only. */
  url?: string;
  /** The outlet that published the article (front matter `source:`), display-safe. */
  source?: string;
  /** The article's author (front matter `author:`), display-safe. */
  author?: string;
}

export interface SkippedDocument {
  id: string;
  path: string;
  title: string;
  published: string;
  reason: string;
  warnings: string[];
}

export type ParsedDocument = { ok: true; doc: SourceDocument } | { ok: false; skipped: SkippedDocument };

export type SentenceKind = 'body' | 'heading' | 'boilerplate' | 'caption' | 'dateline';

export interface Sentence {
  index: number;
  /** Paragraph number within the body, from 0. */
  paragraph: number;
  text: string;
  start: number;
  end: number;
  kind: SentenceKind;
  /** The page-structure rule id that gave a non-body kind (or kept a sentence as body against one), for tracing. */
  rule?: string;
}

export interface Dateline {
  /** "BEIJING" in "BEIJING, July 13 (Xinhua) --". */
  place?: string;
  /** A resolved day when the dateline carries one. */
  date?: string;
  /** The outlet or agency named in the dateline, e.g. "Xinhua". */
  agency?: string;
  start: number;
  end: number;
  /** The page rule that found it when it is not at the top of the body (page.dateline.mid-text). */
  rule?: string;
}

export interface SegmentedDocument {
  doc: SourceDocument;
  sentences: Sentence[];
  dateline?: Dateline;
}

/**
 * How sure the text is that the event happened. Only `asserted` events reach the timeline undated.
 * `mention`: the words name an act without reporting one (an idiom, a picture, a feared or studied act).
 */
export type Modality = 'asserted' | 'planned' | 'negated' | 'habitual' | 'hypothetical' | 'background' | 'reported' | 'mention';

export interface Span {
  start: number;
  end: number;
}

export interface EventCandidate {
  type: EventType;
  /** The trigger words ("met", "threatened to impose"), absolute offsets. */
  trigger: Span & { text: string };
  /** The clause the event lives in (actors and dates are looked for here first), absolute offsets. */
  clause: Span;
  modality: Modality;
  /** 0..1, how sure the rules are of the type. */
  confidence: number;
  /** Name of the rule that fired, for debugging and the eval report. */
  rule: string;
  /**
   * Dated background ("the declaration signed in Washington on April 25", "a May 28 skirmish"):
   * kept only when the date stage finds the event's own day cue; never stamped with the
   * publication day or a day inherited from the sentence's main event.
   */
  needsOwnDate?: boolean;
  /** Decisions of the events stage (which rule found the trigger, chose type and modality); present when tracing. */
  trace?: Trace;
}

export type DateEvidence = 'explicit' | 'relative' | 'weekday' | 'dateline' | 'publication' | 'anchor' | 'none';

export interface DateResolution {
  /** YYYY-MM-DD, or null when the day cannot be known (the event must then not be placed). */
  date: string | null;
  precision: 'day' | 'approximate';
  evidence: DateEvidence;
  /** The words that gave the date ("on Sunday"), absolute offsets. */
  cue?: Span & { text: string };
  /** A threat's deadline ("within 50 days"), as a day. */
  deadline?: string;
  /** True when the cue points to the future relative to publication ("next week", "will ... on July 20"). */
  future?: boolean;
  /**
   * For approximate dates: the inclusive span of days the event lies in ("last week" -> that
   * Monday..Sunday; "in June" -> June 1..30; "hours after X" -> X's day..the next). `date` is a
   * representative day inside it. Its width tells a vague period from a near miss.
   */
  range?: { from: string; to: string };
  /** How the day was chosen: one step per date resolver tried (dates.ts), naming its rule id. */
  trace?: TraceStep[];
  /** True when the day is the story's news day (dates.resolver.news-day): a default, not the sentence's own day. */
  newsDay?: boolean;
}

export interface DateContext {
  /** Publication day, YYYY-MM-DD. */
  published: string;
  dateline?: Dateline;
  /** Dates of earlier events in the same document, for "hours after X" style anchors. */
  previous?: { type: EventType; date: string; trigger: string; evidence?: DateEvidence; sentence?: number; paragraph?: number }[];
  /**
   * The sentence just before the candidate's, in the same paragraph, when it held no event of its
   * own: its opening time phrase carries over ("Just hours later, Pakistan did the same. They
   * declared ..."; "On Monday, the talks resumed. The two sides signed ...").
   */
  before?: Sentence;
  /**
   * The body sentences after the candidate's (a few, in order): a lead event without a cue may be
   * told again later with its day ("The Treasury announced the sanctions on Wednesday night").
   */
  following?: readonly Sentence[];
  /**
   * The body sentences just before the candidate's (nearest last, a few): "That day", "the same
   * day" refer to the last day they state (dates.frame.preceding-day).
   */
  earlier?: readonly Sentence[];
  /**
   * Acts told so far whose day came from their own words, dated background included (`background`):
   * "during that visit" places an act inside one of them (dates.resolver.dated-frame). `retrospective`: told as a
   * look back (background, or a sentence opening "Earlier,").
   */
  frames?: { type: EventType; date: string; trigger: string; sentence: number; background: boolean; evidence: DateEvidence; retrospective: boolean }[];
  /** Later sentences (by index) whose act is another state's: they give this act no day (dates.retelling.same-agent), with why. */
  otherAgent?: ReadonlyMap<number, string>;
}

export type MentionKind = 'person' | 'country' | 'demonym' | 'capital' | 'metonym' | 'institution' | 'media' | 'organization' | 'role';

export interface ActorMention {
  kind: MentionKind;
  /** The words in the text. */
  text: string;
  start: number;
  end: number;
  /** ISO alpha-3 of the state this mention stands for, if any. */
  country?: string;
  /** Canonical organisation name/acronym ("SCO"), if the mention is an organisation. */
  organization?: string;
  /** A person's canonical name and role. */
  person?: { name: string; role?: string };
  /** True for mentions that are places where something happens (in Doha), not parties. */
  locative?: boolean;
  /** True when the place is where someone travels to ("a visit to North Korea", "arrived in Beijing"): a party of a visit. */
  destination?: boolean;
  /** True for a reporting attribution ("according to Xinhua", "Russia's TASS reported"): never a party. */
  attribution?: boolean;
  /** Why a state word is not a party: 'modifier' ("Iran-backed", "Yemen's Houthis"), 'collective' ("Ukraine's allies"),
   *  'aside' (inside an apposition: "China, an ally of Moscow, said"), 'name' (inside a proper name: "the Vienna
   *  Convention"), 'clock' (a time zone: "16:43 Moscow time"). */
  nonParty?: 'modifier' | 'collective' | 'aside' | 'name' | 'clock';
  /** True when the state is what an event is about ("met to discuss Ukraine"), not who takes part in a meeting. */
  topic?: boolean;
  /** True for the state on the receiving end of an act a statement is about ("condemned Israel's attack on Iran"). */
  victim?: boolean;
}

export interface ActorResolution {
  countries: string[];
  organizations: string[];
  actors: Actor[];
  mentions: ActorMention[];
  /** A place named as where the event happened ("in Beijing"). */
  location?: string;
  /** The states doing the act (its subject side), a subset of `countries`; the rest are targets or counterparts. */
  agents?: string[];
  /** The states a strike happens in, named as one list of places ("in Syria and Iraq"), a subset of `countries`. */
  theatres?: string[];
  /** Why each party was added or left out, in order (scripts/pipeline/actors/passes). */
  trace?: TraceStep[];
}

/** An event found in one document, before merging across documents. */
export interface ExtractedEvent {
  type: EventType;
  date: string;
  datePrecision: 'day' | 'approximate';
  dateEvidence: DateEvidence;
  deadline?: string;
  countries: string[];
  organizations: string[];
  actors: Actor[];
  /** The states doing the act (ActorResolution.agents), for the title's subject; not emitted. */
  agents?: string[];
  location?: string;
  title: string;
  confidence: number;
  /** Every decision behind the event (events, dates, actors, assemble), when tracing is on. */
  trace?: Trace;
  source: {
    document: string;
    published: string;
    sentence: string;
    start: number;
    end: number;
    trigger: Span;
  };
}
