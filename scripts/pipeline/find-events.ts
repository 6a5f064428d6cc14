/**
 * Event detection stage: rule-based triggers (scripts/data/event-rules.json) found in each
 * sentence, at most one event per clause (plus an act named inside a reaction), each with its
 * modality (asserted, planned, negated, habitual, hypothetical, background, reported). Verbs
 * inside quotations are ignored: a quoted speech is a statement (or a threat or accusation,
 * by its words) whose trigger is the speech verb. Media attribution ("state media said",
 * "Xinhua reported") is never an event by itself. The document is read once, in order, so that
 * context rules apply (speech inside a reported meeting, repeated event nouns). Pure (results
 * are cached per SegmentedDocument); never throws on odd text.
 */
import rules from '../data/event-rules.json' with { type: 'json' };
import { adjunctAct, type AdjunctHead } from './events/adjunct-acts.ts';
import { differentActs } from './events/act-kinds.ts';
import { clauseSpans, type ClauseSpan } from './events/clauses.ts';
import { compileAlternation, compileFinder } from './events/patterns.ts';
import { modalityWhy, sentenceIsReported } from './events/modality.ts';
import { markNonEvents } from './events/non-events.ts';
import { patternRules } from './pattern-rules.ts';
import { countWords, endsInsideQuote, quotedRanges, type QuoteRange } from './events/quotes.ts';
import { findTriggers, nounReading, type TriggerMatch } from './events/triggers.ts';
import type { Trace, TraceStep } from './trace.ts';
import type { EventCandidate, Modality, SegmentedDocument, Sentence } from './types.ts';

/** A quotation this many words long or longer is speech: no event triggers inside it. */
const MIN_SPEECH_WORDS = 3;
const HAPPENED = new Set<Modality>(['asserted', 'reported']);
/** Characters around a trigger that modality cues are looked for in. */
const CUE_WINDOW = 100;
/** Characters around an act named inside a reaction that its own clause spans. */
const ACT_CONTEXT = 40;
/** The linguistic decision patterns of this stage (event-rules.json "patterns"; each names its rule id). */
const patternRule = patternRules('event-rules.json', rules.patterns, rules.macros);
/** Drill and exercise nouns: joint activities of their subjects, with no target (events.context.drillSubject). */
const DRILL_NOUN = patternRule('drillNoun');

const quoteState = new WeakMap<SegmentedDocument, boolean[]>();

/** For each sentence index: whether a quotation opened in an earlier sentence of its paragraph is still open. */
function openQuotes(seg: SegmentedDocument): boolean[] {
  let states = quoteState.get(seg);
  if (states) return states;
  states = [];
  let open = false;
  let paragraph = -1;
  for (const s of seg.sentences) {
    if (s.paragraph !== paragraph) {
      open = false;
      paragraph = s.paragraph;
    }
    states[s.index] = open;
    open = endsInsideQuote(s.text, open);
  }
  quoteState.set(seg, states);
  return states;
}

interface Scored {
  match: TriggerMatch;
  modality: Modality;
}

/** An event noun after these words names the setting of what is said ("at the summit", "during a call"). */
const LOCATIVE_BEFORE = new RegExp(rules.context.locativeBefore, 'iu');
/** Speech whose words threaten ("... will take retaliatory action," he warned) is a threat. */
const THREAT_SPEECH = compileAlternation(rules.threatContent.any);
const WARNING_SPEECH = compileAlternation(rules.threatContent.warning);
const WARNING_VERB = new RegExp(rules.context.warningVerb, 'iu');
const ACCUSING_SPEECH = compileAlternation(rules.accusationContent.any);
/** A speech verb followed by its own day ("said on Thursday", "said Tuesday") reports a new statement. */
const OWN_DAY = new RegExp(rules.context.ownDay, 'iu');
/** "On Monday he returned to Israel for talks": a sentence that opens with its own day tells a new act (events.context.repeatedNoun). */
const OPENING_DAY = new RegExp(rules.context.openingDay, 'iu');
/** "clashes erupted", "fighting broke out": a noun that is the subject of a verb of happening. */
const NOUN_HAPPENING = new RegExp(rules.context.nounHappening, 'iu');
/** "the minister on Monday called for": the day between the speaker and the verb. */
const OWN_DAY_BEFORE = new RegExp(rules.context.ownDayBefore, 'iu');
/** "said in a statement | on Sunday": the setting of a speech between the verb and its day. */
const SPEECH_SETTING = new RegExp(rules.context.speechSetting, 'iu');
/** Act types a speaker may report of themselves inside a quotation ("we signed a joint statement"). */
const FIRST_PERSON_TYPES: ReadonlySet<string> = new Set(rules.context.firstPersonActs);
/** Quoted acts kept because the speaker reports them of themselves (their trace says so). */
const firstPersonActs = new WeakSet<TriggerMatch>();
/** At most this many words between a quoted "we"/"I" and the act's trigger. */
const FIRST_PERSON_WORDS = 8;
/** Act types a quotation may state as a dated fact ("this morning the North launched a missile"). */
const QUOTED_FACT_TYPES: ReadonlySet<string> = new Set(rules.context.quotedFactTypes);
const QUOTED_FACT_DAY = new RegExp(rules.context.quotedFactDay, 'iu');
/** Quoted acts kept because their quoted clause gives them a day of their own (their trace says so). */
const quotedFacts = new WeakSet<TriggerMatch>();
/** Characters after a quoted trigger, inside its quoted clause, searched for its day. */
const QUOTED_FACT_AFTER = 60;

/**
 * Whether a trigger inside a quotation is a dated fact the quotation reports: an act of a
 * quotedFactTypes type (not a background-only rule) whose quoted clause - from the last sentence
 * stop inside the quotation up to a few words after the trigger - names its own day. Plans with a
 * day are left to modality ("we will close the border on Thursday" is planned).
 */
function quotedFact(text: string, q: QuoteRange, t: TriggerMatch): boolean {
  if (!QUOTED_FACT_TYPES.has(t.rule.type) || t.rule.background) return false;
  let head = text.slice(q.start, t.start);
  const cut = Math.max(head.lastIndexOf('. '), head.lastIndexOf(';'), head.lastIndexOf('!'), head.lastIndexOf('?'));
  head = head.slice(cut + 1);
  let tail = text.slice(t.end, Math.min(q.end, t.end + QUOTED_FACT_AFTER));
  const stop = tail.search(/[.;!?](?:\s|$)/u);
  if (stop >= 0) tail = tail.slice(0, stop);
  return QUOTED_FACT_DAY.test(head) || QUOTED_FACT_DAY.test(tail);
}

/** Act types an official readout quoted whole may report in its first sentence ("Secretary X spoke today with ..."). */
const QUOTED_READOUT_TYPES: ReadonlySet<string> = new Set(rules.context.quotedReadoutTypes);
const READOUT_FRAME = patternRule('readoutFrame');
const READOUT_SUBJECT = patternRule('readoutSubject');
/** A first-person word between the quotation mark and the trigger: the quotation is the speaker's own voice. */
const FIRST_PERSON_WORD = patternRule('readoutFirstPerson').re;
/** Characters before the quotation mark searched for the readout's frame. */
const READOUT_FRAME_BEFORE = 80;
/** At most this many words between the quotation mark and the trigger. */
const READOUT_WORDS = 20;
/** Quoted acts kept because they open an official readout quoted whole (their trace says so). */
const quotedReadouts = new WeakSet<TriggerMatch>();

/** Whether `frame`, the text right before a quotation, introduces a readout: "<release> read:", "said in a statement:", "read,". */
function readoutFrame(frame: string): boolean {
  const f = frame.trimEnd();
  if (f.endsWith(',')) return /\breads?$/iu.test(f.slice(Math.max(0, f.length - 7), -1).trimEnd());
  if (!f.endsWith(':')) return false;
  const head = f.slice(Math.max(0, f.length - 41), -1);
  const cut = Math.max(head.lastIndexOf('"'), head.lastIndexOf('“'), head.lastIndexOf('”'), head.lastIndexOf(':'), head.lastIndexOf(';'));
  return READOUT_FRAME.re.test(head.slice(cut + 1));
}

/**
 * Whether a trigger inside a quotation is the act an official readout reports in the third person:
 * a press release that 'read: "Secretary X spoke today with Minister Y to ..."' is the institution's
 * account of what happened, not an opinion (events.context.quotedReadout). The quotation opens in this
 * sentence after a readout frame (patterns.readoutFrame, in this sentence or at the end of `before`,
 * the sentence before, when the quotation opens the sentence); its words up to the trigger open with
 * a title or institution (patterns.readoutSubject) and hold no first-person word; the trigger is a
 * verb of a quotedReadoutTypes type.
 */
function quotedReadout(text: string, q: QuoteRange, t: TriggerMatch, before: string | undefined): boolean {
  if (!QUOTED_READOUT_TYPES.has(t.rule.type) || t.rule.background || t.rule.form !== 'verb') return false;
  // The quotation opens here (a quotation carried over from the sentence before is not its first sentence).
  if (!/^["“«‘']$/u.test(text[q.start] ?? '')) return false;
  const head = text.slice(q.start, t.start);
  if (countWords(head) > READOUT_WORDS || FIRST_PERSON_WORD.test(head) || !READOUT_SUBJECT.re.test(head)) return false;
  let frame = text.slice(Math.max(0, q.start - READOUT_FRAME_BEFORE), q.start);
  if (frame.trim() === '' && before !== undefined) frame = before.slice(-READOUT_FRAME_BEFORE) + frame;
  if (!readoutFrame(frame)) return false;
  quotedReadouts.add(t);
  return true;
}

/** Quoted acts kept because the writer's own clause runs into the quotation at their verb (their trace says so). */
const verbOpenedQuotes = new WeakSet<TriggerMatch>();

/**
 * Whether a quotation opens on the trigger's verb inside the writer's own clause: the subject is
 * outside the quotation and right before it ('the sides "discussed border security"'), so the
 * writer reports the act and quotes only its wording (events.context.quoteOpensOnVerb). A quotation
 * after a colon, a comma or a speech verb is speech and stays ignored, and so is a quoted act of
 * speech (a condemnation or a warning is the speaker's own wording): only encounters and agreements.
 */
function quoteOpensOnVerb(text: string, q: QuoteRange, t: TriggerMatch): boolean {
  if (!ENCOUNTER_TYPES.has(t.rule.type) || t.rule.form !== 'verb' || t.rule.background || t.start > q.start + 1) return false;
  const head = text.slice(Math.max(0, q.start - 40), q.start);
  return /\p{L}\s$/u.test(head) && !SPEECH_BEFORE_QUOTE.test(head);
}
/** Acts whose quoted verb is the writer's report; a quoted condemnation or warning is the speaker's own words. */
const ENCOUNTER_TYPES: ReadonlySet<string> = new Set(['meeting', 'visit', 'agreement']);
/** A speech verb or frame right before a quotation: what follows is speech (events.context.quoteOpensOnVerb.speechBefore). */
const SPEECH_BEFORE_QUOTE = patternRule('speechBeforeQuote').re;

/** Words between "we"/"I" and the trigger that make the clause an opinion, a wish or a plan. */
const FIRST_PERSON_STOP: ReadonlySet<string> = new Set(rules.context.firstPersonStop.split(' '));

/**
 * Whether a trigger inside a quotation is an act the speaker reports of themselves: the quoted
 * clause opens with "we" or "I" and reaches the trigger in a few words without a comma
 * ("We achieved some agreements and signed a joint statement", "I met the president today").
 */
function firstPersonAct(text: string, quoteStart: number, t: TriggerMatch): boolean {
  if (!FIRST_PERSON_TYPES.has(t.rule.type) || t.rule.background) return false;
  let head = text.slice(Math.max(quoteStart, t.start - 80), t.start);
  const cut = Math.max(head.lastIndexOf('.'), head.lastIndexOf(';'), head.lastIndexOf(':'), head.lastIndexOf('!'), head.lastIndexOf('?'));
  head = head.slice(cut + 1);
  if (head.includes(',')) return false;
  const words = head.replace(/^[\s"“”‘’'«(]+/u, '').split(/\s+/u).filter((w) => w.length > 0);
  if (words.length === 0 || words.length > FIRST_PERSON_WORDS) return false;
  const first = words[0]!.toLowerCase();
  if (first !== 'we' && first !== 'i') return false;
  // "I am sure that the signing ...", "we hope to sign ...": an opinion or a wish, not an act reported.
  return !words.some((w) => FIRST_PERSON_STOP.has(w.toLowerCase()));
}

/**
 * Whether a trigger right after a relative pronoun is the act of a document named just before
 * ("issued a press release on Monday which rejected the accusations"): the document's relative
 * clause says what the document did, so it is the news of its clause (events.context.documentRelative).
 * Only acts of speech (accusation, threat, statement) and sanctions a document can carry count.
 */
function documentAct(text: string, m: TriggerMatch): boolean {
  if (!DOCUMENT_ACT_TYPES.has(m.rule.type)) return false;
  const window = text.slice(Math.max(0, m.start - DOCUMENT_RELATIVE_WINDOW), m.start);
  const pronoun = DOCUMENT_RELATIVE.exec(window);
  if (!pronoun) return false;
  const before = window.slice(0, pronoun.index).trimEnd().split(/\s+/u).slice(-DOCUMENT_NOUN_WORDS).join(' ');
  if (!DOCUMENT_NOUN.test(before)) return false;
  documentActs.add(m);
  return true;
}
/** Act types a document's relative clause may carry (documentActTypes). */
const DOCUMENT_ACT_TYPES: ReadonlySet<string> = new Set(rules.context.documentActTypes);

/** Whether a speech verb is followed by its written setting and then a day of its own ("said in a statement on Sunday"). */
function speechOwnDay(after: string): boolean {
  const setting = SPEECH_SETTING.exec(after);
  return setting !== null && OWN_DAY.test(after.slice(setting[0].length));
}
/** Event types in whose report what officials said belongs to the event. */
const SPEECH_CONTAINERS = new Set<string>(rules.context.speechContainers);
/** Military words: speech about the military event just reported describes that event. */
const MILITARY_TALK = new RegExp(rules.context.militaryTalk, 'iu');
/** "urged Rwanda to withdraw its troops": a directive asks for an act; it does not describe the military act just told. */
const DIRECTIVE_SPEECH = new RegExp(rules.context.directiveSpeech, 'iu');
/** ", who paid him a call": a relative clause set off by a comma adds news about its antecedent. */
const NON_RESTRICTIVE_BEFORE = new RegExp(rules.context.nonRestrictiveBefore, 'iu');
/** A trigger right after a relative pronoun ("who attended", "which was signed"). */
const RELATIVE_BEFORE = new RegExp(rules.context.relativeBefore, 'iu');
/** "a press release which rejected the accusations": a relative clause of a document noun carries the document's act. */
const DOCUMENT_RELATIVE = new RegExp(rules.context.documentRelative, 'iu');
/** The document noun itself, among the last DOCUMENT_NOUN_WORDS words before the relative pronoun. */
const DOCUMENT_NOUN = new RegExp(rules.context.documentNoun, 'iu');
const DOCUMENT_NOUN_WORDS = 9;
/** Characters before a trigger searched for a document noun and its relative pronoun. */
const DOCUMENT_RELATIVE_WINDOW = 80;
/** Triggers kept as the news of their clause because they are the act of a document's relative clause. */
const documentActs = new WeakSet<TriggerMatch>();
/** "..., after attending a G20 summit": a participial circumstance. */
const PARTICIPLE_CIRCUMSTANCE = new RegExp(rules.context.participleCircumstance, 'iu');
/** "had travelled to Moscow on Friday", "after arriving there on Sunday": a weekday of the act's own. */
const WEEKDAY_AFTER = new RegExp(rules.context.weekdayAfter, 'iu');
/** "Two days earlier he had met ...": a day that opens the clause before the verb (events.context.ownWeekday). */
const DAY_BEFORE = new RegExp(rules.context.dayBefore, 'iu');
const COORDINATED = new RegExp(rules.context.coordinatedAnd, 'iu');
/** Plain reporting of a toll ("officials said 15 people were killed") is not a position. */
const CASUALTY_SPEECH = new RegExp(rules.casualtySpeech, 'iu');
/** Speech verbs whose subject is a document ("the statement reads"): an event only when the words threaten. */
const WEAK_SPEECH = new Set<string>(rules.weakSpeechRules);
/** "announced the withdrawal of its ambassador": an announcing verb and the act it names as its object. */
const ANNOUNCING_VERB = new RegExp(rules.context.announcingVerb, 'iu');
const ANNOUNCED_ACT = new RegExp(rules.context.announcedAct, 'iu');
/** "warned of war and suspended the treaty": the words between two acts that make the second a coordinated act of the same subject. */
const COORDINATED_ACT = new RegExp(rules.context.coordinatedAct, 'iu');
/** "met Peña, and after the meeting, the two leaders issued a joint statement": a second act whose subject names the same parties again. */
const COORDINATED_SAME_PARTIES = new RegExp(rules.context.coordinatedActSameParties, 'iu');
/** "expelled two envoys, accusing them of spying": a participle after a comma carries a second act of the same subject. */
const PARTICIPLE_ACT = new RegExp(rules.context.participleAct, 'iu');
/** "arrived in Moscow on Friday to meet Putin": a purpose infinitive of meeting right after a trip (events.context.purposeMeeting). */
const PURPOSE_MEETING = new RegExp(rules.context.purposeMeeting, 'iu');
const PURPOSE_MEETING_BLOCK = new RegExp(rules.context.purposeMeetingBlock, 'iu');
const PURPOSE_TRIP = new RegExp(rules.context.purposeTrip, 'iu');
/** "travelled to Cairo on Thursday for talks": the trip words of a meeting trigger told as a trip made for talks (events.context.tripForTalks). */
const TRIP_FOR_TALKS = patternRule('tripForTalks');
/** "Hundreds of Chinese tourists flew to Bangkok": travellers who act for no state make no visit (events.context.nonOfficialTraveller). */
const NON_OFFICIAL_TRAVELLER = patternRule('nonOfficialTraveller');
/** "Two Vietnamese fishing boats strayed into Indonesian waters": people or craft that act for no state make no incursion (events.context.civilianIntruder). */
const CIVILIAN_INTRUDER = patternRule('civilianIntruder');
/** The trigger rules of incursions into another state's waters, zone, airspace or territory, or across a line. */
const INCURSION_RULES = new Set(['military.incursion', 'military.airspace']);
/** "have arrived in Beijing for a meeting": several travellers gathering, no one visit (events.context.tripForTalks.plural). */
const TRIP_FOR_TALKS_PLURAL = patternRule('tripForTalksPlural');
/** "regretted Congo's decision to expel ...": an act that is the object of a reaction is not its clause's news (events.context.reactionObject). */
const REACTION_OBJECT = patternRule('reactionObject');
/** Characters before an act's trigger searched for the reaction whose object it is. */
const REACTION_OBJECT_WINDOW = 120;
/** Meeting rules told by a host receiving a guest: the guest's trip is a visit beside the meeting (events.context.hostedGuest). */
const HOST_RULES: ReadonlySet<string> = new Set(rules.context.hostRules);
/** "received X on the sidelines of the summit", "received the new ambassador": no visit of the guest (events.context.hostedGuest.block). */
const HOSTED_GUEST_BLOCK = patternRule('hostedGuestBlock');
/** "Qatar hosts Hamas": only a host's simple past tells the guest's trip (events.context.hostedGuest.past). */
const HOSTED_GUEST_PAST = patternRule('hostedGuestPast');
/** Characters between a trip's trigger and the meeting it was for. */
const PURPOSE_GAP = 90;
/** "held a call with X and later spoke with Y": a second act of the same kind is a new event only after these. */
const SAME_KIND_AGAIN = new RegExp(rules.context.sameKindAgain, 'iu');
/** "a May 28 skirmish", "the April 25 declaration": a calendar day right before an event noun. */
const DATED_BEFORE = new RegExp(rules.context.datedBefore, 'iu');
/** "the declaration signed in Washington on April 25": a calendar day right after the trigger. */
const DATED_AFTER = new RegExp(rules.context.datedAfter, 'iu');
/** A calendar day with its year in an act noun's own phrase: another act than the one told before (events.context.repeatedNoun). */
const REPEATED_NOUN_OWN_DAY = new RegExp(rules.context.repeatedNounOwnDay, 'iu');
/** "slammed Seoul for staging drills", "accused Kyiv of shelling": an act named as the reason for a reaction (a gerund). */
const REASON_GERUND = new RegExp(rules.context.reasonGerund, 'iu');
const GERUND = /^\p{L}+ing\b/u;
/** "since 2019, when Japan tightened export controls": a when-clause after a time names background. */
const TIME_BEFORE_WHEN = new RegExp(rules.context.timeBeforeWhen, 'iu');
const WHEN_HEAD = new RegExp(rules.context.whenHead, 'iu');
/** "Blinken had cancelled a trip after the US shot down a balloon": a when/after clause of a pluperfect is background too. */
const PLUPERFECT_BEFORE = new RegExp(rules.context.pluperfectBefore, 'iu');
/** "the pact will ease travel when troops conduct joint drills": a when-clause of a modal sentence is hypothetical. */
const MODAL_BEFORE_WHEN = new RegExp(rules.context.modalBeforeWhen, 'iu');
/** "It should be recalled that ...": a formula whose modal is not the act's (events.context.reminderFormula). */
const REMINDER_FORMULA = new RegExp(rules.context.reminderFormula, 'giu');
/** The same formula, for a yes/no test (no global flag, so no lastIndex carried between calls). */
const HAS_REMINDER = new RegExp(rules.context.reminderFormula, 'iu');
/** The text with reminder formulas blanked (same length), for the modal tests. */
const withoutReminder = (s: string): string => s.replace(REMINDER_FORMULA, (m) => ' '.repeat(m.length));
/** "a police officer was killed in the skirmishes": a military noun after "in the" in a casualty report refers back. */
const CASUALTY_BACK_REFERENCE = new RegExp(rules.context.casualtyBackReference, 'iu');
/** Characters before a trigger searched for a calendar day that modifies it, and after it. */
const DATED_BEFORE_WINDOW = 40;
const DATED_AFTER_WINDOW = 70;
/** At most this many speech verbs of one clause are checked for one that happened. */
const MAX_STATEMENTS_CHECKED = 8;

/**
 * The one trigger a clause's event rests on: the earliest event verb, else the earliest event
 * noun, else the speech verb. The speech verb wins when it introduces an event noun ("Trump said
 * trade talks were moving slowly") and when the event it reports did not happen ("X said the two
 * sides should sign a deal", "China will retaliate against any move to impose tariffs, the
 * ministry said"). Modality is worked out only for the triggers that compete.
 */
function choose(
  cands: TriggerMatch[],
  modalityOf: (m: TriggerMatch) => Modality,
  isLocative: (m: TriggerMatch) => boolean,
): Scored | undefined {
  let verb: TriggerMatch | undefined;
  let noun: TriggerMatch | undefined;
  const statements: TriggerMatch[] = [];
  for (const c of cands) {
    if (c.rule.type === 'statement') {
      if (statements.length < MAX_STATEMENTS_CHECKED) statements.push(c);
    } else if (c.rule.form === 'verb') verb ??= c;
    else noun ??= c;
  }
  const eventMatch = verb ?? noun;
  let statement: Scored | undefined;
  for (const m of statements) {
    const modality = modalityOf(m);
    if (HAPPENED.has(modality)) {
      statement = { match: m, modality };
      break;
    }
  }
  if (!eventMatch) {
    if (statement) return statement;
    const first = statements[0];
    return first ? { match: first, modality: modalityOf(first) } : undefined;
  }
  const pick: Scored = { match: eventMatch, modality: modalityOf(eventMatch) };
  if (!statement) return pick;
  if (!HAPPENED.has(pick.modality)) return statement;
  if (pick.match.rule.form === 'noun' && statement.match.start < pick.match.start && !isLocative(pick.match)) {
    if (!announcedAct(statement.match, pick.match)) return statement;
    announcedActs.add(pick.match);
  }
  return pick;
}

/** Act nouns picked over an earlier speech verb because they are its object (their trace says so). */
const announcedActs = new WeakSet<TriggerMatch>();

/** "Ecuador will impose a tariff ..., the president said on Wednesday": a firm future sanction the speech announces. */
const ANNOUNCED_MEASURE_BEFORE = new RegExp(rules.context.announcedMeasureBefore, 'iu');
const ANNOUNCED_MEASURE_STOP = new RegExp(rules.context.announcedMeasureStop, 'iu');
/** Characters before a sanction verb searched for its future auxiliary. */
const MEASURE_AUX_WINDOW = 40;

/**
 * The sanction a speech announces (events.context.announcedMeasure): a sanction verb of the same
 * sentence put in the firm future ("will impose", "is to expel"), in a sentence with no condition,
 * warning, hedge or negation. Undefined when there is none.
 */
function announcedMeasure(text: string, triggers: readonly TriggerMatch[], speech: TriggerMatch): TriggerMatch | undefined {
  // Speed: most speech has no sanction verb beside it; the stop words are looked for (over the
  // whole sentence) only when there is one.
  const verbs = triggers.filter((t) => t !== speech && t.rule.type === 'sanction' && t.rule.form === 'verb' && !t.rule.background);
  if (verbs.length === 0 || ANNOUNCED_MEASURE_STOP.test(text)) return undefined;
  return verbs.find((t) => ANNOUNCED_MEASURE_BEFORE.test(text.slice(Math.max(0, t.start - MEASURE_AUX_WINDOW), t.start)));
}

/** '"X has decided to recall its ambassador," the ministry said': the speaker's own measure, decided or under way. */
const DECIDED_MEASURE_BEFORE = new RegExp(rules.context.decidedMeasureBefore, 'iu');
const DECIDED_MEASURE_STOP = new RegExp(rules.context.decidedMeasureStop, 'iu');
const TREATY_EXIT = new RegExp(rules.context.treatyExit, 'iu');
/** Where TREATY_EXIT is tried: the first letters of its verbs (events.context.decidedMeasure.treatyExitStart). */
const TREATY_EXIT_START = patternRule('treatyExitStart', 'g').re;
/** After a progressive auxiliary, a gerund: "was breaking off", not the passive "was expelled" (events.context.decidedMeasure.progressive). */
const DECIDED_PROGRESSIVE = patternRule('decidedProgressive').re;
/** Characters before a sanction verb searched for "has decided (today) to" or "was". */
const DECIDED_WINDOW = 50;

/**
 * The measure a speech reports as the speaker's decision or as under way
 * (events.context.decidedMeasure): a sanction verb of the sentence - inside a quotation too, the
 * speaker's own words - or the end of a pact or of relations (treatyExit), right after "has decided
 * (today) to" or after a progressive auxiliary ("was breaking off"). Nothing when a condition or a
 * question comes before it. `all` is every trigger of the sentence, those inside quotations included.
 * Returns the words of the measure.
 */
function decidedMeasure(text: string, all: readonly TriggerMatch[], speech: TriggerMatch): string | undefined {
  const framed = (at: number): boolean => {
    const before = text.slice(Math.max(0, at - DECIDED_WINDOW), at);
    const m = DECIDED_MEASURE_BEFORE.exec(before);
    if (!m || DECIDED_MEASURE_STOP.test(text.slice(0, at - m[0].length))) return false;
    // "was expelled" is a passive, not a measure under way: the progressive takes a gerund only.
    return /decided/iu.test(m[0]) || DECIDED_PROGRESSIVE.test(text.slice(at));
  };
  for (const t of all) {
    if (t === speech || t.rule.type !== 'sanction' || t.rule.form !== 'verb' || t.rule.background) continue;
    if (framed(t.start)) return t.text;
  }
  for (const m of text.matchAll(TREATY_EXIT_START)) {
    const exit = TREATY_EXIT.exec(text.slice(m.index));
    if (exit && framed(m.index)) return exit[0];
  }
  return undefined;
}

/** "announced on Tuesday the withdrawal of its ambassador", "reported a telephone conversation": the act is the verb's object. */
function announcedAct(verb: TriggerMatch, noun: TriggerMatch): boolean {
  return ANNOUNCING_VERB.test(verb.text) && noun.start > verb.end && ANNOUNCED_ACT.test(announcedText(verb, noun));
}
let announcedText: (verb: TriggerMatch, noun: TriggerMatch) => string = () => '';

function trimmed(text: string, c: ClauseSpan): ClauseSpan {
  let { start, end } = c;
  while (start < end && /[\s,;:—–-]/u.test(text[start] ?? '')) start++;
  while (end > start && /[\s,;:—–-]/u.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

/** A candidate with what the document-level pass needs to know about it. */
interface Found {
  candidate: EventCandidate;
  /** Found through an event noun ("the meeting", "talks between") rather than a verb. */
  noun: boolean;
  /** The noun names the setting of the sentence ("during the call"). */
  locative: boolean;
  /** An act named inside a reaction ("condemned the strikes on X"); the reaction stays an event of its own. */
  reactionAct?: boolean;
  /** An act named in an adjunct of another act's clause ("following their meeting", "during his visit to X"). */
  adjunct?: AdjunctHead;
  /** A second adjunct act of a kind already read from an adjunct of the sentence: another act, never one told before. */
  secondAdjunct?: boolean;
}

/** How many earlier body sentences a speech or a bare event noun is read against. */
const CONTEXT_SENTENCES = 2;
const NOUN_CONTEXT_SENTENCES = 3;
/** Speech in this many body sentences after a meeting, visit, agreement or sanction belongs to it (unless a new event comes first). */
const CONTAINER_SENTENCES = 4;
/**
 * Speech that goes on with what a speaker already said ("It urged ...", "The ministers stressed ...",
 * "..., it added") is the same statement: its subject is a pronoun or the same body, right at the
 * start of the sentence, or the verb says it goes on.
 */
const SPEECH_CONTINUES = new RegExp(rules.context.speechContinues, 'iu');
const CONTINUATION_VERB = new RegExp(rules.context.continuationVerb, 'iu');
/** Speech in this many body sentences after a statement, accusation or threat may go on with it. */
const SPEECH_RUN_SENTENCES = 3;
/** Speech that answers an earlier event is an event of its own ("China in response said ..."). */
const RESPONSE = new RegExp(rules.context.response, 'iu');
/** "Blinken, in response, expressed interest ...": a bare reply right after talks are told answers the other side in them (events.context.replyInTalks). */
const REPLY_IN_TALKS = new RegExp(rules.context.replyInTalks, 'iu');

const perDocument = new WeakMap<SegmentedDocument, Map<number, EventCandidate[]>>();
/** Candidates the events stage dropped while reading a document, each trace ending in the step (rule id) that dropped it. */
const droppedPerDocument = new WeakMap<SegmentedDocument, Trace[]>();

/**
 * The traces of the candidates this stage dropped in a document (a context rule, a filter of the
 * clause), each ending in the step that dropped it: for `extractDocument(..., { trace: true })`.
 */
export function droppedEventTraces(seg: SegmentedDocument): Trace[] {
  if (!perDocument.has(seg)) perDocument.set(seg, readDocument(seg));
  return droppedPerDocument.get(seg) ?? [];
}

/** Records a dropped candidate: its trace so far and the step that dropped it. */
function dropTrace(sink: Trace[] | undefined, trace: Trace | undefined, rule: string, action: string, detail?: string): void {
  if (!sink) return;
  sink.push([...(trace ?? []), detail === undefined ? { stage: 'events', rule, action } : { stage: 'events', rule, action, detail }]);
}

/**
 * Event candidates of one body sentence. The whole document is read once (and cached) so that a
 * sentence is understood in its context: what an official said right after a reported meeting,
 * strike or sanction belongs to that event ("Cho also urged ...", "he added"), and a bare event noun
 * right after a report of the same kind of event ("The meeting took place on the sidelines of ...")
 * is the same event, not a new one.
 */
export function findEvents(sentence: Sentence, seg: SegmentedDocument): EventCandidate[] {
  if (sentence.kind !== 'body' || !sentence.text) return [];
  if (seg.sentences[sentence.index] !== sentence) return sentenceCandidates(sentence, seg).map((f) => f.candidate);
  let doc = perDocument.get(seg);
  if (!doc) {
    doc = readDocument(seg);
    perDocument.set(seg, doc);
  }
  return doc.get(sentence.index) ?? [];
}

const VERBAL_TYPES: ReadonlySet<string> = new Set(['statement', 'accusation', 'threat']);

/** Whether a statement goes on with the speech before it: "It urged ...", "..., he added". */
function continuesSpeech(sentence: Sentence, c: EventCandidate): boolean {
  if (CONTINUATION_VERB.test(c.trigger.text)) return true;
  const head = sentence.text.slice(0, Math.max(0, c.trigger.end - sentence.start));
  return head.length <= 60 && SPEECH_CONTINUES.test(head);
}

function readDocument(seg: SegmentedDocument): Map<number, EventCandidate[]> {
  const out = new Map<number, EventCandidate[]>();
  const sink: Trace[] = [];
  droppedPerDocument.set(seg, sink);
  /** Per body sentence, in order: the asserted non-statement event types it reported, and their triggers' words by type. */
  const recent: { types: Set<string>; triggers: Map<string, string[]> }[] = [];
  /** Body sentences left in which speech still belongs to the last meeting, visit, agreement or sanction. */
  let containerLeft = 0;
  /** Whether the last container told was a meeting (talks, a call): a bare reply then answers the other side in it. */
  let containerTalks = false;
  /** Body sentences left in which a pronoun's speech goes on with the last statement, accusation or threat. */
  let speechLeft = 0;
  /** "type words" of the threats and accusations told so far through the words of a speech (events.speech-content.*). */
  const spokenTypes = new Set<string>();
  for (const sentence of seg.sentences) {
    if (sentence.kind !== 'body' || !sentence.text) continue;
    const found = sentenceCandidates(sentence, seg, sink);
    const near = recent.slice(-CONTEXT_SENTENCES);
    const nearForNouns = recent.slice(-NOUN_CONTEXT_SENTENCES);
    const militaryBefore = near.some((r) => r.types.has('military'));
    let answers: boolean | undefined;
    const kept = found.filter(({ candidate: c, noun, locative, secondAdjunct }) => {
      if (!HAPPENED.has(c.modality)) return true;
      // A threat or accusation typed by the words said, with no day of its own, after speech of that type
      // was already told: the remark quoted again (events.context.speechRetold).
      const words = spokenWords.get(c);
      if (words && spokenTypes.has(`${c.type} ${words}`)) {
        const after = sentence.text.slice(c.trigger.end - sentence.start, c.trigger.end - sentence.start + 90);
        answers ??= RESPONSE.test(sentence.text);
        if (!answers && !OWN_DAY.test(after.slice(0, 30)) && !speechOwnDay(after)) {
          dropTrace(sink, c.trace, 'events.context.speechRetold', `dropped: a ${c.type} in words already told ("${words}"), with no day of its own`);
          return false;
        }
      }
      if (c.type === 'statement') {
        answers ??= RESPONSE.test(sentence.text);
        const replyInTalks = answers && containerLeft > 0 && containerTalks && REPLY_IN_TALKS.test(sentence.text);
        if (replyInTalks) c.trace?.push({ stage: 'events', rule: 'events.context.replyInTalks', action: 'not a response of its own', detail: 'a bare reply right after talks answers the other side in them' });
        if ((answers && !replyInTalks) || OWN_DAY.test(sentence.text.slice(c.trigger.end - sentence.start, c.trigger.end - sentence.start + 30))) return true;
        if (containerLeft > 0 && OWN_DAY_BEFORE.test(sentence.text.slice(Math.max(0, c.trigger.start - sentence.start - 25), c.trigger.start - sentence.start))) {
          c.trace?.push({ stage: 'events', rule: 'events.context.speechDayBefore', action: 'kept: a statement with its own day', detail: 'the day stands between the speaker and the verb' });
          return true;
        }
        if (speechOwnDay(sentence.text.slice(c.trigger.end - sentence.start, c.trigger.end - sentence.start + 90))) {
          c.trace?.push({ stage: 'events', rule: 'events.context.speechSetting', action: 'kept: a statement with its own day', detail: 'the day follows the document the words were written in' });
          return true;
        }
        if (containerLeft > 0) {
          dropTrace(sink, c.trace, 'events.context.speechContainers', 'dropped: speech in the report of a meeting, visit, agreement or sanction just told');
          return false;
        }
        if (speechLeft > 0 && continuesSpeech(sentence, c)) {
          c.trace?.push({ stage: 'events', rule: 'events.context.speechContinues', action: 'dropped: same statement goes on' });
          dropTrace(sink, c.trace, 'events.context.speechContinues', 'dropped');
          return false;
        }
        if (militaryBefore && !DIRECTIVE_SPEECH.test(c.trigger.text) && MILITARY_TALK.test(sentence.text.slice(c.clause.start - sentence.start, c.clause.end - sentence.start))) {
          dropTrace(sink, c.trace, 'events.context.militaryTalk', 'dropped: speech describing the military act just told');
          return false;
        }
        return true;
      }
      // The same act told again, unless every act of that type just told is of another kind ("the drill follows the North's launch of a missile").
      // "their talks in Tokyo following their trilateral meeting": the sentence itself sets the second act apart from the
      // first, which may be the one told before (rule events.context.adjunctSecond).
      if (secondAdjunct) return true;
      if (noun && !locative && OPENING_DAY.test(sentence.text) && nearForNouns.some((r) => r.types.has(c.type))) {
        c.trace?.push({ stage: 'events', rule: 'events.context.repeatedNoun', action: 'kept: the sentence opens with its own day', detail: 'a new act of the story (context.openingDay)' });
        return true;
      }
      if (noun && !locative && nearForNouns.some((r) => r.types.has(c.type) && !(r.triggers.get(c.type) ?? []).every((t) => differentActs(c.type, t, c.trigger.text)))) {
        if (REPEATED_NOUN_OWN_DAY.test(sentence.text.slice(c.trigger.end - sentence.start, c.clause.end - sentence.start))) {
          c.needsOwnDate = true;
          c.trace?.push({ stage: 'events', rule: 'events.context.repeatedNoun', action: 'kept: a day of its own', detail: 'a calendar day with its year in the act\'s own phrase: another act of the same kind' });
          return true;
        }
        if (REPEATED_NOUN_CALENDAR_DAY.re.test(sentence.text.slice(c.clause.start - sentence.start, c.clause.end - sentence.start))) {
          c.needsOwnDate = true;
          c.trace?.push({ stage: 'events', rule: REPEATED_NOUN_CALENDAR_DAY.id, action: 'kept: a day of its own', detail: 'an explicit calendar day in the act\'s own clause: another act of the same kind, dated background' });
          return true;
        }
        dropTrace(sink, c.trace, 'events.context.repeatedNoun', `dropped: a ${c.type} told in the sentences just before`);
        return false;
      }
      if (noun && !locative && nearForNouns.some((r) => r.types.has(c.type))) {
        c.trace?.push({ stage: 'events', rule: 'events.context.repeatedNoun', action: 'kept: another kind of act', detail: `the ${c.type} just told is of another kind (events.actKinds)` });
      }
      return true;
    });
    const types = new Set<string>();
    const triggers = new Map<string, string[]>();
    for (const f of found) {
      if (f.candidate.type === 'statement' || !HAPPENED.has(f.candidate.modality)) continue;
      types.add(f.candidate.type);
      const list = triggers.get(f.candidate.type);
      if (list) list.push(f.candidate.trigger.text);
      else triggers.set(f.candidate.type, [f.candidate.trigger.text]);
    }
    recent.push({ types, triggers });
    for (const f of kept) {
      const words = spokenWords.get(f.candidate);
      if (words && HAPPENED.has(f.candidate.modality)) spokenTypes.add(`${f.candidate.type} ${words}`);
    }
    const spoke = found.some((f) => f.candidate.type === 'statement');
    const verbal = kept.some((f) => HAPPENED.has(f.candidate.modality) && VERBAL_TYPES.has(f.candidate.type));
    speechLeft = verbal ? SPEECH_RUN_SENTENCES : Math.max(0, speechLeft - 1);
    if ([...types].some((t) => SPEECH_CONTAINERS.has(t))) {
      // An act named inside the report of talks ("his visit to China was significant") keeps the talks' run.
      containerTalks = types.has('meeting') || (containerLeft > 0 && containerTalks);
      containerLeft = CONTAINER_SENTENCES;
    }
    else if (types.size > 0) containerLeft = 0;
    // A run of speech continues the report; other sentences wear the context off.
    else if (!spoke) containerLeft = Math.max(0, containerLeft - 1);
    // One speaker per sentence: a second speech verb ("urged ..., as he proposed ...") is the same statement.
    const firstSpeech = kept.findIndex((g) => g.candidate.type === 'statement');
    const once = kept.filter((f, i) => {
      if (f.candidate.type !== 'statement' || firstSpeech === i) return true;
      dropTrace(sink, f.candidate.trace, 'events.context.oneSpeakerPerSentence', 'dropped: a second speech verb of the same sentence');
      return false;
    });
    if (once.length) out.set(sentence.index, once.map((f) => f.candidate));
  }
  return out;
}

/** Candidates of one sentence on its own. */
function sentenceCandidates(sentence: Sentence, seg: SegmentedDocument, sink?: Trace[]): Found[] {
  const text = sentence.text;
  /** "It should be recalled that ...": only then are the modal tests run on the text with the formula blanked. */
  const reminder = HAS_REMINDER.test(text);
  if (!text || sentence.kind !== 'body') return [];
  const base = sentence.start;
  const openAtStart = openQuotes(seg)[sentence.index] ?? false;
  const quotes = quotedRanges(text, openAtStart);
  const all = findTriggers(text);
  const attributed = all.some((t) => t.rule.type === 'attribution') || sentenceIsReported(text);
  // Triggers and quotations are both in text order: one walk drops triggers inside speech, and
  // words quoted as words ("the word “condemns” was replaced").
  const triggers: TriggerMatch[] = [];
  let qi = 0;
  for (const t of all) {
    if (t.rule.type === 'attribution') continue;
    // "None of the EU states has expelled": a plural noun, not the speech verb "states".
    const noun = nounReading(text, t);
    if (noun) {
      dropTrace(sink, [triggerStep(t)], noun, 'ignored: a plural noun here, not the verb');
      continue;
    }
    while (qi < quotes.length && quotes[qi]!.end <= t.start) qi++;
    const q = quotes[qi];
    if (q && t.start >= q.start && t.start < q.end) {
      const rule = q.words >= MIN_SPEECH_WORDS ? 'events.quotedSpeech' : t.start <= q.start + 1 && t.end >= q.end - 1 ? 'events.quotedWord' : undefined;
      if (rule === 'events.quotedSpeech' && firstPersonAct(text, q.start, t)) {
        firstPersonActs.add(t);
      } else if (rule === 'events.quotedSpeech' && quotedFact(text, q, t)) {
        quotedFacts.add(t);
      } else if (rule === 'events.quotedSpeech' && quotedReadout(text, q, t, seg.sentences[sentence.index - 1]?.text)) {
        // kept: the first sentence of an official readout quoted whole (events.context.quotedReadout)
      } else if (rule === 'events.quotedSpeech' && quoteOpensOnVerb(text, q, t)) {
        verbOpenedQuotes.add(t);
      } else if (rule) {
        dropTrace(sink, [triggerStep(t)], rule, 'ignored: inside a quotation');
        continue;
      }
    }
    triggers.push(t);
  }
  if (triggers.length === 0) return [];

  const out: Found[] = [];
  let previous: { modality: Modality } | undefined;
  let ti = 0;
  for (const clause of clauseSpans(text, quotes)) {
    const inClause: TriggerMatch[] = [];
    while (ti < triggers.length && triggers[ti]!.start < clause.end) {
      const t = triggers[ti++]!;
      if (t.start >= clause.start) inClause.push(t);
    }
    if (inClause.length === 0) continue;
    const why = new Map<TriggerMatch, string>();
    const modalityAt = (match: TriggerMatch): Modality => {
      const d = modalityWhy({
        before: text.slice(Math.max(clause.start, match.start - CUE_WINDOW), match.start),
        after: text.slice(match.end, Math.min(clause.end, match.end + CUE_WINDOW)),
        clauseHead: text.slice(clause.start, Math.min(clause.end, clause.start + CUE_WINDOW)),
        trigger: match.text,
        noun: match.rule.form === 'noun',
        opening: text.slice(0, clause.start).trim() === '',
        attributed,
        previous,
        sentenceBefore: text.slice(Math.max(0, match.start - 200), match.start),
      });
      why.set(match, d.rule);
      return d.modality;
    };
    // "regretted Congo's decision to expel its ambassador": the act is what the clause reacts to, not its news.
    const reactionObject = (m: TriggerMatch): boolean => {
      if (m.rule.type === 'statement') return false;
      const hit = REACTION_OBJECT.re.exec(text.slice(Math.max(clause.start, m.start - REACTION_OBJECT_WINDOW), m.start));
      if (hit) dropTrace(sink, [triggerStep(m)], REACTION_OBJECT.id, 'not the news of its clause: the object of a reaction', `"${hit[0].trim()}"`);
      return hit !== null;
    };
    const isLocative = (m: TriggerMatch) => LOCATIVE_BEFORE.test(text.slice(Math.max(clause.start, m.start - 60), m.start));
    // "the official who attended the meeting said ...": an event in a relative clause is a mention, not the news.
    // Background-only rules ("the deal signed on ...") never carry the clause's news either.
    // An act named as the reason for a reaction ("accused X of shelling") is reported, not the clause's news.
    const main = inClause.filter(
      (m) =>
        !m.rule.background &&
        (!RELATIVE_BEFORE.test(text.slice(Math.max(clause.start, m.start - 30), m.start)) || documentAct(text, m)) &&
        !(GERUND.test(m.text) && REASON_GERUND.test(text.slice(Math.max(clause.start, m.start - 20), m.start))) &&
        !reactionObject(m),
    );
    announcedText = (verb, noun) => text.slice(verb.end, noun.start);
    // With no other act, one told in a non-restrictive relative clause is the news ("Kattan, who paid him a
    // courtesy call"); a restrictive one never is ("those who accuse players").
    const pool = main.length
      ? main
      : inClause.filter((m) => !m.rule.background && NON_RESTRICTIVE_BEFORE.test(text.slice(Math.max(clause.start, m.start - 30), m.start)));
    const pick = choose(pool, modalityAt, isLocative);
    if (!pick && sink) {
      // Triggers were there but none can carry the clause's news (background-only rules, relative clauses, reasons).
      for (const m of inClause) if (!m.rule.background) dropTrace(sink, [triggerStep(m)], 'events.clause.noNews', 'not the news of its clause', 'in a relative clause or named as a reason');
    }
    /** Triggers of this clause that became events (or were read as part of one). */
    const used = new Set<TriggerMatch>();
    const datedBackground = () => {
      for (const f of backgroundWithDay(text, base, clause, inClause, used, modalityAt, why)) out.push(f);
    };
    // The clause's news (its pick, coordinated acts, an act inside a reaction); then, whatever became of
    // the news, the dated background its other triggers name.
    // "... will ease travel when troops conduct joint drills": a "when" before the trigger, inside its clause, after a modal.
    const whenOfModal = (at: number, blank = true): boolean => {
      const inner = text.slice(clause.start, at).toLowerCase().lastIndexOf(' when ');
      const before = text.slice(Math.max(0, clause.start + inner - 160), clause.start + inner);
      return inner >= 0 && MODAL_BEFORE_WHEN.test(blank && reminder ? withoutReminder(before) : before);
    };
    /**
     * Meetings and visits named in an adjunct of the clause's act ("signed accords following their
     * meeting", "during the premier's visit to X"), or of the act of the clause just before when this
     * clause is the adjunct (events/adjunct-acts.ts).
     */
    const adjuncts = (pick: Scored | undefined): void => {
      const own = pick && HAPPENED.has(pick.modality) && used.has(pick.match) ? pick : undefined;
      // An act read from an adjunct governs none: a later adjunct hangs on the clause's act ("signed ... during
      // their talks, following their trilateral meeting").
      const earlier = own ? undefined : [...out].reverse().find((f) => HAPPENED.has(f.candidate.modality) && !f.reactionAct && !f.adjunct && f.candidate.trigger.end - base <= clause.start);
      const govType = own ? own.match.rule.type : earlier?.candidate.type;
      const govModality = own ? own.modality : earlier?.candidate.modality;
      const govTrigger = own ? own.match.text : earlier?.candidate.trigger.text;
      if (!govType || !govModality) return;
      const govStart = own ? clause.start : earlier!.candidate.clause.start - base;
      for (const m of inClause) {
        if (used.has(m) || m.rule.type === govType) continue;
        // An act of this kind already in the sentence: the adjunct names it again, unless every one of that kind
        // was read from an earlier adjunct and this one opens its own phrase after it ("during their talks in
        // Tokyo following their trilateral meeting with X": rule events.context.adjunctSecond).
        const sameKind = out.filter((f) => f.candidate.type === m.rule.type);
        const second = sameKind.length > 0 && sameKind.every((f) => f.adjunct && f.candidate.trigger.end - base <= m.start);
        if (sameKind.length > 0 && !second) continue;
        const lo = own && m.start > own.match.end ? own.match.end : clause.start;
        const found = adjunctAct(text, clause, m, second ? Math.max(lo, ...sameKind.map((f) => f.candidate.trigger.end - base)) : lo);
        if (!found) continue;
        if ('refused' in found) {
          dropTrace(sink, [triggerStep(m)], found.rule, 'not an event: an adjunct naming a planned act or one told elsewhere', found.refused);
          continue;
        }
        // With no act of its own, the clause must open with the adjunct ("..., following their meeting in Manila").
        if (!own && text.slice(clause.start, found.from).trim() !== '') continue;
        const modality = modalityAt(m);
        if (modality === 'planned' || modality === 'negated' || modality === 'hypothetical') {
          dropTrace(sink, [triggerStep(m), { stage: 'modality', rule: why.get(m) ?? 'modality.default', action: `modality=${modality}` }], 'events.context.adjunctPlanned', 'not an event: the adjunct act did not happen');
          continue;
        }
        used.add(m);
        const comma = text.indexOf(',', m.end);
        const end = comma >= 0 && comma < clause.end ? comma : clause.end;
        const span = trimmed(text, { start: Math.min(govStart, found.from), end });
        out.push({
          candidate: {
            type: m.rule.type as EventCandidate['type'],
            trigger: { start: base + m.start, end: base + m.end, text: m.text },
            clause: { start: base + span.start, end: base + Math.max(span.end, m.end) },
            modality: govModality,
            confidence: m.rule.confidence * 0.9,
            rule: `${m.rule.name}(adjunct)`,
            trace: [
              triggerStep(m),
              { stage: 'modality', rule: 'events.context.adjunctAct', action: `modality=${govModality}`, detail: `the modality of "${govTrigger}"` },
              { stage: 'events', rule: 'events.context.adjunctAct', action: 'own event', detail: `"${found.words}", ${found.head}-adjunct of "${govTrigger}"` },
              ...(second ? [{ stage: 'events' as const, rule: 'events.context.adjunctSecond', action: 'second adjunct of one kind', detail: `its own phrase after the ${m.rule.type} read from an earlier adjunct` }] : []),
            ],
          },
          noun: true,
          locative: false,
          adjunct: found.head,
          ...(second ? { secondAdjunct: true } : {}),
        });
      }
    };
    const readNews = (pick: Scored): void => {
      used.add(pick.match);
      // "met ... in Quebec, where talks dominated the summit": a later noun naming the same kind of
      // event in the same sentence is the same event, not a new one.
      const last = out[out.length - 1]?.candidate;
      const skip = (rule: string, action: string): void =>
        dropTrace(sink, triggerTrace(pick.match, pick.modality, why.get(pick.match)), rule, action);
      if (pick.match.rule.form === 'noun' && last && last.type === pick.match.rule.type) {
        // "..., following their trilateral meeting with X": a second adjunct of one kind after one read from an
        // adjunct opens its own clause; the adjunct reader takes it (rule events.context.adjunctSecond).
        const opening = out[out.length - 1]!.adjunct ? adjunctAct(text, clause, pick.match, clause.start) : undefined;
        if (opening && !('refused' in opening) && text.slice(clause.start, opening.from).trim() === '') {
          used.delete(pick.match);
          return;
        }
        skip('events.context.sameKindNoun', `dropped: names the ${last.type} already told in this sentence`);
        return;
      }
      // "... expressed condemnation and accused Israel of ...": coordinated verbs of one kind are one act.
      if (last && last.type === pick.match.rule.type && COORDINATED.test(text.slice(clause.start, clause.start + 5).trimStart())) {
        skip('events.context.coordinatedAnd', 'dropped: coordinated verb of the same kind, one act');
        return;
      }
      // "..., after attending a G20 summit": a participial circumstance of an event already reported;
      // with a weekday of its own ("after arriving in Vanuatu on Sunday") it is an act of that day.
      const circumstance = last !== undefined && PARTICIPLE_CIRCUMSTANCE.test(text.slice(clause.start, clause.start + 40).trimStart());
      const weekday = ownWeekday(text, clause, pick.match);
      if (circumstance && !weekday) {
        skip('events.context.participleCircumstance', 'dropped: participial circumstance of the act just told');
        return;
      }
      // "Hundreds of Chinese tourists flew to Bangkok", "British troops flew to Estonia": a trip of people who act for
      // no state is no visit (events.context.nonOfficialTraveller).
      if (pick.match.rule.type === 'visit' && pick.match.rule.form === 'verb' && NON_OFFICIAL_TRAVELLER.re.test(text.slice(clause.start, pick.match.start))) {
        skip(NON_OFFICIAL_TRAVELLER.id, 'dropped: a trip of travellers who act for no state');
        return;
      }
      if (INCURSION_RULES.has(pick.match.rule.name) && CIVILIAN_INTRUDER.re.test(text.slice(clause.start, pick.match.start))) {
        skip(CIVILIAN_INTRUDER.id, 'dropped: an incursion by people or craft that act for no state');
        return;
      }
      previous = { modality: pick.modality };
      // An event noun for a strike names its act in a few words ("the Israeli strikes on Iran"): look for parties there.
      // Not when the noun is the subject of a verb of happening ("Armed clashes erupted between X and Y on Oct 25").
      const happening = pick.match.rule.form === 'noun' && NOUN_HAPPENING.test(text.slice(pick.match.start, pick.match.end + 20));
      // "The US and South Korea are in the midst of air force drills": drills have no target to read near the noun;
      // with no other act before them in the clause, the clause's subject holds them (events.context.drillSubject).
      const drillSubject =
        pick.match.rule.type === 'military' &&
        pick.match.rule.form === 'noun' &&
        DRILL_NOUN.re.test(pick.match.text) &&
        !inClause.some((m) => m !== pick.match && m.start < pick.match.start);
      const narrow = pick.match.rule.type === 'military' && pick.match.rule.form === 'noun' && !happening && !drillSubject;
      const span = narrow
        ? trimmed(text, { start: Math.max(clause.start, pick.match.start - ACT_CONTEXT), end: Math.min(clause.end, pick.match.end + ACT_CONTEXT) })
        : trimmed(text, clause);
      const decided = pick.match.rule.type === 'statement' && HAPPENED.has(pick.modality) ? decidedMeasure(text, all, pick.match) : undefined;
      let speechType: 'threat' | 'accusation' | 'sanction' | undefined = decided ? 'sanction' : pick.match.rule.type === 'statement' ? speechKind(text, quotes, pick.match, clause) : undefined;
      const measure = pick.match.rule.type === 'statement' && speechType === undefined && HAPPENED.has(pick.modality) ? announcedMeasure(text, triggers, pick.match) : undefined;
      if (measure) speechType = 'sanction';
      const threatening = speechType !== undefined;
      const candidate: EventCandidate = {
        type: speechType ?? (pick.match.rule.type as EventCandidate['type']),
        trigger: { start: base + pick.match.start, end: base + pick.match.end, text: pick.match.text },
        clause: { start: base + span.start, end: base + Math.max(span.end, pick.match.end) },
        modality: pick.modality,
        confidence: pick.match.rule.confidence,
        rule: speechType ? `${speechType}.speech(${pick.match.rule.name})` : pick.match.rule.name,
        trace: triggerTrace(pick.match, pick.modality, why.get(pick.match)),
      };
      if (drillSubject && !happening) {
        candidate.trace!.push({ stage: 'events', rule: DRILL_NOUN.id, action: 'clause=whole clause', detail: 'drills with no act before them in the clause: their parties are read in the whole clause' });
      }
      if (happening && pick.match.rule.type === 'military') {
        candidate.trace!.push({ stage: 'events', rule: 'events.context.nounHappening', action: 'clause=whole clause', detail: 'the act noun is the subject of a verb of happening: parties and day are read in its clause' });
      }
      if (decided) {
        candidate.trace!.push({ stage: 'events', rule: 'events.context.decidedMeasure', action: 'type=sanction', detail: `the speech reports its own measure as decided: "${decided}"` });
      } else if (measure) {
        candidate.trace!.push({ stage: 'events', rule: 'events.context.announcedMeasure', action: 'type=sanction', detail: `the speech announces "${measure.text}" in the firm future` });
      } else if (speechType === 'threat' && conditionalWarnings.has(pick.match) && !speechWords('threat', saidText(text, quotes, pick.match, clause))) {
        candidate.trace!.push({ stage: 'events', rule: CONDITIONAL_WARNING.id, action: 'type=threat', detail: 'a warning whose quotation after a colon states a condition and its consequence' });
      } else if (speechType === 'threat' || speechType === 'accusation') {
        const words = speechWords(speechType, saidText(text, quotes, pick.match, clause));
        if (words) spokenWords.set(candidate, words);
        candidate.trace!.push({ stage: 'events', rule: `events.speech-content.${speechType}`, action: `type=${speechType}`, detail: words ? `the words said: "${words}"` : 'the words said threaten or accuse' });
      }
      if (pick.match.rule.type === 'statement' && !threatening && WEAK_SPEECH.has(pick.match.rule.name)) {
        dropTrace(sink, candidate.trace, 'events.weakSpeechRules', 'dropped: a document speaking, with no threat');
        return;
      }
      if (pick.match.rule.type === 'statement' && privateSpeaker(text, pick.match)) {
        dropTrace(sink, candidate.trace, PRIVATE_SPEAKER.id, 'dropped: the speaker is a private person');
        return;
      }
      if (candidate.type === 'statement' && quotes.length === 0 && CASUALTY_SPEECH.test(text.slice(clause.start, clause.end))) {
        dropTrace(sink, candidate.trace, 'events.casualtySpeech', 'dropped: a toll reported, no position');
        return;
      }
      // "... were killed in the skirmishes": a toll names the act already reported, it is no new one.
      if (
        candidate.type === 'military' &&
        pick.match.rule.form === 'noun' &&
        CASUALTY_SPEECH.test(text) &&
        CASUALTY_BACK_REFERENCE.test(text.slice(Math.max(clause.start, pick.match.start - 30), pick.match.start))
      ) {
        dropTrace(sink, candidate.trace, 'events.context.casualtyBackReference', 'dropped: a toll naming the act already told');
        return;
      }
      // "since 2019, when Japan tightened export controls": the time before a when-clause dates it; it is background.
      const whenClause = HAPPENED.has(pick.modality) && WHEN_HEAD.test(text.slice(clause.start, clause.start + 8));
      const beforeClause = text.slice(0, clause.start);
      const modalWhen =
        (whenClause && MODAL_BEFORE_WHEN.test(reminder ? withoutReminder(beforeClause.slice(-160)) : beforeClause.slice(-160))) ||
        (HAPPENED.has(pick.modality) && whenOfModal(pick.match.start));
      // Only a sentence with a reminder formula can differ from the plain reading: the trace says the formula decided.
      if (reminder && !modalWhen && ((whenClause && MODAL_BEFORE_WHEN.test(beforeClause.slice(-160))) || (HAPPENED.has(pick.modality) && whenOfModal(pick.match.start, false)))) {
        candidate.trace!.push({ stage: 'events', rule: 'events.context.reminderFormula', action: 'not hypothetical', detail: 'the modal belongs to a formula like "it should be recalled that"' });
      }
      if (modalWhen) {
        candidate.modality = 'hypothetical';
        candidate.trace!.push({ stage: 'events', rule: 'events.context.modalBeforeWhen', action: 'modality=hypothetical', detail: 'a when-clause of a sentence about what will or would be' });
      } else if (whenClause && (TIME_BEFORE_WHEN.test(beforeClause.slice(-40)) || PLUPERFECT_BEFORE.test(beforeClause))) {
        candidate.modality = 'background';
        candidate.needsOwnDate = true;
        candidate.trace!.push({ stage: 'events', rule: 'events.context.whenHead', action: 'modality=background, needsOwnDate', detail: 'a when/after-clause after a time or a pluperfect' });
      } else if (weekday && (circumstance || why.get(pick.match) === 'modality.pluperfect')) {
        // "had travelled to Moscow on Friday", "after arriving in Vanuatu on Sunday": the act's own weekday dates it.
        candidate.needsOwnDate = true;
        candidate.trace!.push({ stage: 'events', rule: 'events.context.ownWeekday', action: 'needsOwnDate', detail: `${circumstance ? 'a participial circumstance' : 'a pluperfect'} with its own weekday` });
      } else if ((pick.modality === 'background' || pick.match.rule.form === 'noun') && hasOwnDay(text, clause, pick.match)) {
        // "since a May 28 skirmish", "the Oct. 7 attack": an event named with its own day is dated by that day only.
        candidate.needsOwnDate = true;
        candidate.trace!.push({ stage: 'events', rule: 'events.context.datedBackground', action: 'needsOwnDate', detail: 'an act named with a calendar day next to it' });
      } else if (pick.modality === 'background' && ADJUNCT_DATED_NOUN.re.test(text.slice(pick.match.end, clause.end))) {
        // "had signed the accord during his Oct. 20 visit to Australia": the dated act of its adjunct dates it.
        candidate.needsOwnDate = true;
        candidate.trace!.push({ stage: 'events', rule: ADJUNCT_DATED_NOUN.id, action: 'needsOwnDate', detail: 'a background act in an adjunct act noun with its own calendar day' });
      } else if (pick.modality === 'background' && pick.match.rule.form === 'verb' && OWN_DAY_OVER_BACKGROUND.re.test(text.slice(clause.start, clause.end))) {
        // "arrived in Cairo on Wednesday, marking his first visit since 2012": the clause's explicit day dates it.
        candidate.needsOwnDate = true;
        candidate.trace!.push({ stage: 'events', rule: OWN_DAY_OVER_BACKGROUND.id, action: 'needsOwnDate', detail: 'a background cue, but an explicit day in the act\'s own clause' });
      }
      const coordinated = coordinatedActs(text, clause, main, pick.match, modalityAt);
      if (coordinated.length) {
        // The first act's clause ends where the next act begins ("... with Zelensky | and later spoke with Biden").
        candidate.clause.end = Math.max(candidate.trigger.end, base + coordinated[0]!.from);
      }
      out.push({ candidate, noun: pick.match.rule.form === 'noun', locative: isLocative(pick.match) });
      // "met Xi in Beijing during his first state visit to China": the trip is an event beside the meeting.
      if (candidate.type === 'meeting' && HAPPENED.has(pick.modality)) {
        const trip = main.find((m) => m !== pick.match && m.rule.type === 'visit' && !coordinated.some((c) => c.match === m));
        const tripModality = trip ? modalityAt(trip) : undefined;
        // "travelled to Cairo on Thursday for talks with Sisi": the meeting's own trigger tells the trip (events.context.tripForTalks).
        const tripWords = trip ? null : TRIP_FOR_TALKS.re.exec(pick.match.text);
        const plural = tripWords !== null && TRIP_FOR_TALKS_PLURAL.re.test(text.slice(Math.max(clause.start, pick.match.start - 30), pick.match.start));
        if (tripWords && plural) {
          dropTrace(sink, [triggerStep(pick.match)], TRIP_FOR_TALKS_PLURAL.id, 'no visit: several travellers gathering for the meeting');
        } else if (tripWords) {
          const end = base + pick.match.start + tripWords[0].length;
          out.push({
            candidate: {
              type: 'visit',
              trigger: { start: base + pick.match.start, end, text: tripWords[0] },
              // The traveller and the destination: the words up to the purpose, not the counterpart of the talks.
              clause: { start: candidate.clause.start, end },
              modality: pick.modality,
              confidence: pick.match.rule.confidence * 0.9,
              rule: `${pick.match.rule.name}(trip)`,
              trace: [
                ...triggerTrace(pick.match, pick.modality, why.get(pick.match)),
                { stage: 'events', rule: TRIP_FOR_TALKS.id, action: 'own event', detail: `the trip "${tripWords[0]}" made for the meeting` },
              ],
            },
            noun: false,
            locative: false,
          });
        }
        // "received Jordan's foreign minister in Ankara": a host receiving a guest tells the guest's trip (events.context.hostedGuest).
        if (!trip && !tripWords && HOST_RULES.has(pick.match.rule.name) && HOSTED_GUEST_PAST.re.test(pick.match.text)) {
          const blocked = HOSTED_GUEST_BLOCK.re.exec(text.slice(clause.start, clause.end));
          if (blocked) {
            dropTrace(sink, [triggerStep(pick.match)], HOSTED_GUEST_BLOCK.id, 'no visit of the guest', `"${blocked[0]}"`);
          } else {
            out.push({
              candidate: {
                type: 'visit',
                trigger: { ...candidate.trigger },
                clause: { ...candidate.clause },
                modality: pick.modality,
                confidence: pick.match.rule.confidence * 0.9,
                rule: `${pick.match.rule.name}(guest)`,
                trace: [
                  ...triggerTrace(pick.match, pick.modality, why.get(pick.match)),
                  { stage: 'events', rule: 'events.context.hostedGuest', action: 'own event', detail: `the guest's trip told by the host: "${pick.match.text}"` },
                ],
              },
              noun: false,
              locative: false,
            });
          }
        }
        if (trip && tripModality && HAPPENED.has(tripModality)) {
          used.add(trip);
          out.push({
            candidate: {
              type: 'visit',
              trigger: { start: base + trip.start, end: base + trip.end, text: trip.text },
              clause: { ...candidate.clause, end: base + clause.end },
              modality: tripModality,
              confidence: trip.rule.confidence,
              rule: trip.rule.name,
              trace: [
                ...triggerTrace(trip, tripModality, why.get(trip)),
                { stage: 'events', rule: 'events.context.visitOfMeeting', action: 'own event', detail: 'the trip the meeting is part of' },
              ],
            },
            noun: false,
            locative: false,
          });
        }
      }
      // "arrived in Moscow on Friday to meet Putin": the meeting the arrival was for is an event beside the visit.
      if (candidate.type === 'visit' && HAPPENED.has(pick.modality) && pick.match.rule.form === 'verb' && PURPOSE_TRIP.test(pick.match.text)) {
        const talks = purposeMeeting(text, main, pick.match, coordinated);
        if (talks) {
          used.add(talks);
          out.push({
            candidate: {
              type: 'meeting',
              trigger: { start: base + talks.start, end: base + talks.end, text: talks.text },
              clause: { ...candidate.clause, end: base + clause.end },
              modality: pick.modality,
              confidence: talks.rule.confidence * 0.9,
              rule: `${talks.rule.name}(purpose)`,
              trace: [
                triggerStep(talks),
                { stage: 'modality', rule: 'events.context.purposeMeeting', action: `modality=${pick.modality}`, detail: `the modality of "${pick.match.text}"` },
                { stage: 'events', rule: 'events.context.purposeMeeting', action: 'own event', detail: `the meeting the trip "${pick.match.text}" was for` },
              ],
            },
            noun: false,
            locative: false,
          });
        }
      }
      coordinated.forEach((c, i) => {
        used.add(c.match);
        const end = coordinated[i + 1]?.from ?? clause.end;
        // An encounter names its counterpart after the verb ("and later spoke with Biden"): its words start at the "and".
        // Other acts share the clause's subject: their words run from the clause start to the next act.
        const encounter = c.match.rule.type === 'meeting' || c.match.rule.type === 'visit';
        const span = trimmed(text, { start: encounter ? c.from : clause.start, end });
        out.push({
          candidate: {
            type: c.match.rule.type as EventCandidate['type'],
            trigger: { start: base + c.match.start, end: base + c.match.end, text: c.match.text },
            clause: { start: base + span.start, end: base + Math.max(span.end, c.match.end) },
            modality: c.modality,
            confidence: c.match.rule.confidence,
            rule: c.match.rule.name,
            trace: [
              ...triggerTrace(c.match, c.modality, why.get(c.match)),
              { stage: 'events', rule: c.rule, action: 'own event', detail: `${c.rule === 'events.context.participleAct' ? 'participle after' : 'coordinated with'} "${pick.match.text}"` },
            ],
          },
          noun: false,
          locative: false,
        });
      });
      // A reaction names the act it reacts to ("condemned the Israeli strikes on Iran"): that act is an event too.
      if (candidate.type === 'accusation' || candidate.type === 'statement') {
        const act = inClause.find((m) => m !== pick.match && m.rule.type === 'military' && m.rule.form === 'noun' && !m.rule.background);
        if (act && HAPPENED.has(pick.modality) && !whenOfModal(act.start)) {
          used.add(act);
          // The act's own words start after the reaction verb ("condemned | Israel's strike on Doha on Tuesday"):
          // its parties and its day are looked for there, not in the reaction's subject or date.
          const from = act.start > pick.match.end ? Math.max(afterOwnDay(text, pick.match.end), act.start - ACT_CONTEXT) : Math.max(clause.start, act.start - ACT_CONTEXT);
          const to = Math.min(clause.end, act.end + ACT_CONTEXT);
          out.push({
            candidate: {
              type: 'military',
              trigger: { start: base + act.start, end: base + act.end, text: act.text },
              clause: { start: base + from, end: base + to },
              modality: modalityAt(act),
              confidence: act.rule.confidence * 0.9,
              rule: `${act.rule.name}(in reaction)`,
              // Reported inside a condemnation, the act is its own event only with a day of its own.
              ...(candidate.type === 'accusation' ? { needsOwnDate: true } : {}),
              trace: [
                ...triggerTrace(act, modalityAt(act), why.get(act)),
                { stage: 'events', rule: 'events.act-in-reaction', action: 'own event', detail: `the act a ${candidate.type} reacts to` },
              ],
            },
            noun: true,
            locative: false,
            reactionAct: true,
          });
        }
      }
    };
    if (pick) readNews(pick);
    if (pick && used.has(pick.match)) {
      const speech = causeSpeech(text, base, clause, pick);
      if (speech) out.push(speech);
    }
    adjuncts(pick);
    datedBackground();
  }
  markNonEvents(out, sentence, seg);
  // What was said in a sentence that reports a meeting, a sanction or a strike belongs to that event.
  // An act that came before the speech ("said after meeting X") does not contain it.
  const happened = out.some((f) => f.candidate.type !== 'statement' && !f.reactionAct && f.adjunct !== 'after' && HAPPENED.has(f.candidate.modality));
  if (!happened) return out;
  return out.filter((f) => {
    if (f.candidate.type !== 'statement') return true;
    dropTrace(sink, f.candidate.trace, 'events.context.speechInEvent', 'dropped: said in the sentence that reports an act');
    return false;
  });
}

/** Past the reaction's own day right after its verb ("denounced | on Sunday | the Russian attack"): that day is not the act's. */
function afterOwnDay(text: string, at: number): number {
  const m = OWN_DAY.exec(text.slice(at, at + 40));
  if (!m) return at;
  const rest = /^[\p{L}\p{N}.]*,?/u.exec(text.slice(at + m[0].length))?.[0] ?? '';
  return at + m[0].length + rest.length;
}

/**
 * The act's own phrase when a calendar day modifies the trigger: "the May 10 ceasefire agreement"
 * (from the article to the trigger), "the declaration signed in Washington on April 25" (from a few
 * words before the trigger to the day). Undefined when no day modifies it.
 */
function ownDayPhrase(text: string, clause: ClauseSpan, m: TriggerMatch): (ClauseSpan & { postModifier?: string }) | undefined {
  const from = Math.max(clause.start, m.start - DATED_BEFORE_WINDOW);
  const before = DATED_BEFORE.exec(text.slice(from, m.start));
  if (before) {
    // "the March 14 asset freeze ordered by Canada against Iranian officials": the noun's own post-modifier.
    const post = DATED_NOUN_POST.re.exec(text.slice(m.end, clause.end));
    return post ? { start: from + before.index, end: m.end + post[0].trimEnd().length, postModifier: post[0].trim() } : { start: from + before.index, end: m.end };
  }
  // A noun's own phrase may run longer before a day that carries its year ("the official visit made by the
  // president of X to Georgetown on 1 June 2023").
  const after =
    DATED_AFTER.exec(text.slice(m.end, Math.min(clause.end, m.end + DATED_AFTER_WINDOW))) ??
    (m.rule.form === 'noun' ? REPEATED_NOUN_OWN_DAY.exec(text.slice(m.end, Math.min(clause.end, m.end + 130))) : null);
  if (!after) return undefined;
  // A possessor or modifier just before the trigger belongs to the act ("Russia's strike on Kyiv on May 3").
  const head = text.slice(Math.max(clause.start, m.start - ACT_CONTEXT), m.start);
  const cut = Math.max(head.lastIndexOf(','), head.lastIndexOf(';'));
  return { start: m.start - head.length + cut + 1, end: m.end + after.index + after[0].length };
}

/**
 * The act's own phrase when "on <weekday>" follows the trigger closely in its clause ("the accord signed
 * in Rome on Monday"), from the clause's last comma before the trigger to the weekday. Used for
 * background-only rules, whose trigger is the past participle of the act itself.
 */
function ownWeekdayPhrase(text: string, clause: ClauseSpan, m: TriggerMatch): ClauseSpan | undefined {
  const after = WEEKDAY_AFTER.exec(text.slice(m.end, Math.min(clause.end, m.end + DATED_AFTER_WINDOW)));
  if (!after) return undefined;
  const head = text.slice(Math.max(clause.start, m.start - ACT_CONTEXT), m.start);
  const cut = Math.max(head.lastIndexOf(','), head.lastIndexOf(';'));
  return { start: m.start - head.length + cut + 1, end: m.end + after.index + after[0].length };
}

/** "the March 14 asset freeze | ordered by Canada against Iranian officials": a dated noun's own post-modifier (events.context.datedBackground.postModifier). */
const DATED_NOUN_POST = patternRule('datedNounPostModifier');
/** "had signed the accord during his Oct. 20 visit": a background act dated by the act noun of its adjunct (events.context.datedBackground.adjunct). */
const ADJUNCT_DATED_NOUN = patternRule('adjunctDatedNoun');
/** "arrived in Cairo on Wednesday, marking his first visit since 2012": an explicit day of the clause beats a background cue (events.context.ownDayOverBackground). */
const OWN_DAY_OVER_BACKGROUND = patternRule('ownDayOverBackground');
/** "was last in Kenya on December 9, 2020, on an official visit": a calendar day in an act noun's clause makes it another act (events.context.repeatedNounCalendarDay). */
const REPEATED_NOUN_CALENDAR_DAY = patternRule('repeatedNounCalendarDay');
/** A past participle ending the trigger: "the accord signed", "a meeting held" (events.context.toldAsPast.participle). */
const PARTICIPLE_END = patternRule('pastParticipleEnd');
/** "after", "following", "follows", "followed" before the act: "after a bilateral meeting ... on Friday" (events.context.toldAsPast.after). */
const PAST_LEAD = patternRule('pastLead', 'g');

/** ", who visited": a visit or meeting in a non-restrictive relative clause, in a past form (events.context.toldAsPast.relative). */
const RELATIVE_PAST = patternRule('relativePast');
const RELATIVE_PAST_VERB = patternRule('relativePastVerb');
/** "the Slovak prime minister, who ...": the person a relative clause hangs on (events.context.toldAsPast.antecedent). */
const RELATIVE_ANTECEDENT = patternRule('relativeAntecedent');

/**
 * A relative clause's phrase widened to the person it hangs on ("the Slovak prime minister, who
 * visited Moscow on Sunday"), so that its parties are the antecedent's and the place's
 * (events.context.toldAsPast.antecedent). Unchanged when no antecedent ends before the comma.
 */
function withAntecedent(text: string, clause: ClauseSpan, phrase: ClauseSpan): ClauseSpan {
  const before = text.slice(clause.start, phrase.start);
  const comma = before.lastIndexOf(',');
  if (comma < 0) return phrase;
  const np = before.slice(0, comma).trimEnd();
  // Word starts of the last six words, farthest first: the longest run that is all antecedent wins.
  const starts = [...np.matchAll(/(?:^|\s)(?=\S)/gu)].map((w) => w.index + w[0].length).slice(-6);
  const from = starts.find((at) => RELATIVE_ANTECEDENT.re.test(np.slice(at)));
  return from === undefined ? phrase : { start: clause.start + from, end: phrase.end };
}

/**
 * Whether an encounter trigger (visit or meeting verb) is told as past by a non-restrictive relative
 * clause ("Fico, who visited Moscow on Sunday, ..."): returns the pattern rule id, or undefined.
 */
function relativePast(text: string, clause: ClauseSpan, m: TriggerMatch): string | undefined {
  if (m.rule.form !== 'verb' || (m.rule.type !== 'visit' && m.rule.type !== 'meeting')) return undefined;
  if (!RELATIVE_PAST_VERB.re.test(m.text)) return undefined;
  return RELATIVE_PAST.re.test(text.slice(Math.max(clause.start, m.start - 40), m.start)) ? RELATIVE_PAST.id : undefined;
}

/**
 * Whether a background-only trigger is told as past by its own words: a past participle ("the accord
 * signed on Monday") or an "after"/"following" with no comma or semicolon up to the trigger ("after a
 * bilateral meeting on Friday"). A weekday alone is also the day of planned acts ("ahead of a
 * meeting on Tuesday", "scheduled to attend the summit on Thursday"). Returns the id of the pattern rule
 * that tells it as past, or undefined.
 */
function toldAsPast(text: string, clause: ClauseSpan, m: TriggerMatch): string | undefined {
  if (PARTICIPLE_END.re.test(m.text)) return PARTICIPLE_END.id;
  const before = text.slice(Math.max(clause.start, m.start - 80), m.start);
  let last = -1;
  for (const hit of before.matchAll(PAST_LEAD.re)) last = hit.index + hit[0].length;
  return last >= 0 && !/[,;]/.test(before.slice(last)) ? PAST_LEAD.id : undefined;
}

/** An adjunct the adjunct reader refuses ("after an EU summit held on Thursday": an organisation's gathering; a plan). */
function refusedAdjunct(text: string, clause: ClauseSpan, m: TriggerMatch): boolean {
  const a = adjunctAct(text, clause, m, clause.start);
  return !!a && 'refused' in a;
}

/**
 * Whether a weekday follows the verb trigger within its clause ("had travelled to Moscow for a visit
 * on Friday"), or a day opens the clause before it ("Two days earlier he had met ...").
 */
function ownWeekday(text: string, clause: ClauseSpan, m: TriggerMatch): boolean {
  if (m.rule.form !== 'verb') return false;
  return WEEKDAY_AFTER.test(text.slice(m.end, Math.min(clause.end, m.end + DATED_AFTER_WINDOW))) || DAY_BEFORE.test(text.slice(clause.start, m.start));
}

/** Whether a calendar day modifies the trigger: "a May 28 skirmish", "signed in Washington on April 25". */
function hasOwnDay(text: string, clause: ClauseSpan, m: TriggerMatch): boolean {
  return ownDayPhrase(text, clause, m) !== undefined;
}

/**
 * Dated background in a clause: an act other than the clause's news, named with a calendar day of
 * its own ("the declaration signed in Washington on April 25", "a May 28 skirmish that killed a
 * soldier"). Each is a background candidate that the assembler keeps only if the date stage finds
 * that day (`needsOwnDate`). Its clause is the act's own phrase, so the day found is its own.
 */
function backgroundWithDay(
  text: string,
  base: number,
  clause: ClauseSpan,
  inClause: readonly TriggerMatch[],
  used: ReadonlySet<TriggerMatch>,
  modalityAt: (m: TriggerMatch) => Modality,
  why: ReadonlyMap<TriggerMatch, string>,
): Found[] {
  const out: Found[] = [];
  for (const m of inClause) {
    if (used.has(m) || m.rule.type === 'statement') continue;
    // "the accord signed in Rome on Monday": a background-only rule's past participle dated by its own weekday.
    const past = m.rule.background ? toldAsPast(text, clause, m) : relativePast(text, clause, m);
    const weekdayPhrase = past && !refusedAdjunct(text, clause, m) ? ownWeekdayPhrase(text, clause, m) : undefined;
    const own = ownDayPhrase(text, clause, m);
    // A relative clause's weekday phrase reaches back to the person it hangs on (events.context.toldAsPast.antecedent).
    const byWeekday = !own && weekdayPhrase !== undefined;
    const phrase = own ?? (weekdayPhrase && past === RELATIVE_PAST.id ? withAntecedent(text, clause, weekdayPhrase) : weekdayPhrase);
    if (!phrase) continue;
    const modality = modalityAt(m);
    // "discussed the agreement signed on May 2": a past participle with its day asserts the act whatever governs it.
    if (m.rule.background ? modality === 'negated' : modality !== 'asserted' && modality !== 'reported' && modality !== 'background') continue;
    // A weekday is also the day of a planned act ("ahead of a government meeting on Tuesday"): only acts that happened.
    if (byWeekday && modality !== 'asserted' && modality !== 'reported' && modality !== 'background') continue;
    const span = trimmed(text, phrase);
    out.push({
      candidate: {
        type: m.rule.type as EventCandidate['type'],
        trigger: { start: base + m.start, end: base + m.end, text: m.text },
        clause: { start: base + Math.min(span.start, m.start), end: base + Math.max(span.end, m.end) },
        modality: 'background',
        confidence: m.rule.confidence * 0.8,
        rule: `${m.rule.name}(dated background)`,
        needsOwnDate: true,
        trace: [
          ...triggerTrace(m, modality, why.get(m)),
          byWeekday
            ? { stage: 'events', rule: 'events.context.datedBackgroundWeekday', action: 'modality=background, needsOwnDate', detail: `an act told as past (${past}) with its own weekday ("the accord signed on Monday", "after a meeting on Friday")` }
            : { stage: 'events', rule: 'events.context.datedBackground', action: 'modality=background, needsOwnDate', detail: 'an act named with its own calendar day' },
          ...(own?.postModifier ? [{ stage: 'events', rule: DATED_NOUN_POST.id, action: 'phrase widened', detail: `the dated noun's own post-modifier: "${own.postModifier}"` } satisfies TraceStep] : []),
        ],
      },
      noun: m.rule.form === 'noun',
      locative: false,
    });
  }
  return out;
}

/** Where the word that ends at `end` starts (after the last white space before it). */
function lastWordStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && !/\s/u.test(text[i - 1]!)) i--;
  return i;
}
const CAUSE_SPEECH = patternRule('causeSpeech', 'g');
const CAUSE_SPEECH_DAY = patternRule('causeSpeechDay');
/** Characters after a reaction's trigger searched for the speech it reacts to; characters after the noun read for its content. */
const CAUSE_SPEECH_WINDOW = 160;
const CAUSE_SPEECH_CONTENT = 160;
/** Reactions whose cause may be another state's speech. */
const CAUSE_REACTIONS: ReadonlySet<string> = new Set(['accusation', 'sanction']);

/**
 * The speech a reaction names as its cause, with a day of its own ("Israel reprimanded Brazil on Monday
 * for Lula's speech on Sunday wherein he compared ...", "expelled the ambassador after comments Friday
 * from the foreign minister saying ..."): what provoked another state's rebuke or measure was said
 * against that state, so it is an accusation of its own on its day (events.context.causeSpeech), read
 * like the act a reaction names (events.act-in-reaction): dated background with the reaction's parties.
 */
function causeSpeech(text: string, base: number, clause: ClauseSpan, pick: Scored): Found | undefined {
  if (!CAUSE_REACTIONS.has(pick.match.rule.type) || !HAPPENED.has(pick.modality)) return undefined;
  // A trigger may end on the head ("protested ... over"): the window opens on the trigger's last word.
  const from = Math.max(pick.match.start, lastWordStart(text, pick.match.end));
  const window = text.slice(from, Math.min(text.length, pick.match.end + CAUSE_SPEECH_WINDOW));
  CAUSE_SPEECH.re.lastIndex = 0;
  const m = CAUSE_SPEECH.re.exec(window);
  if (!m || /[;.!?](?:\s|$)/u.test(window.slice(0, m.index))) return undefined;
  const nounEnd = from + m.index + m[0].length;
  const day = CAUSE_SPEECH_DAY.re.exec(text.slice(nounEnd, nounEnd + 80));
  if (!day) return undefined;
  const start = lastWordStart(text, nounEnd);
  const noun = text.slice(start, nounEnd);
  // The trigger runs from the noun up to its day ("speech by the president | on Sunday"): the speech's own day is the nearest cue.
  const triggerEnd = nounEnd + day[0].length - (day.groups?.day ?? '').length;
  const rest = text.slice(nounEnd, Math.min(text.length, nounEnd + CAUSE_SPEECH_CONTENT));
  const stop = rest.search(/[;.!?](?:\s|$)/u);
  const end = nounEnd + (stop >= 0 ? stop : rest.length);
  return {
    candidate: {
      type: 'accusation',
      trigger: { start: base + start, end: base + triggerEnd, text: text.slice(start, triggerEnd).trimEnd() },
      // The speech's own words, from its cause head ("for Lula's speech ... wherein he compared ..."): the speaker is named first.
      clause: { start: base + from + m.index, end: base + Math.max(end, clause.end) },
      modality: 'background',
      confidence: pick.match.rule.confidence * 0.8,
      rule: `${CAUSE_SPEECH.id}(${pick.match.rule.name})`,
      needsOwnDate: true,
      trace: [
        { stage: 'events', rule: CAUSE_SPEECH.id, action: `trigger "${noun}" type=accusation`, detail: `the speech "${pick.match.text}" reacts to` },
        { stage: 'events', rule: CAUSE_SPEECH_DAY.id, action: 'modality=background, needsOwnDate', detail: day[0].trim() },
      ],
    },
    noun: true,
    locative: false,
    reactionAct: true,
  };
}

/**
 * Acts coordinated with the clause's news by "and" ("warned of war and suspended the treaty",
 * "met Albanese and signed a migration pact"): verbs of another kind, or of the same kind after
 * "later"/"then"/"also" ("held a call with X and later spoke with Y"). `from` is where the act's
 * own words begin (the "and").
 */
function coordinatedActs(
  text: string,
  clause: ClauseSpan,
  main: readonly TriggerMatch[],
  pick: TriggerMatch,
  modalityAt: (m: TriggerMatch) => Modality,
): { match: TriggerMatch; modality: Modality; from: number; rule: string }[] {
  const out: { match: TriggerMatch; modality: Modality; from: number; rule: string }[] = [];
  let prev = pick;
  for (const m of main) {
    if (m.start <= prev.end || m.rule.form !== 'verb' || m.rule.type === 'statement' || m.rule.type === 'attribution') continue;
    const gap = text.slice(prev.end, m.start);
    const same = COORDINATED_ACT.test(gap) ? null : COORDINATED_SAME_PARTIES.exec(gap.replace(/\s/gu, ' '));
    const and = same ?? COORDINATED_ACT.exec(gap);
    // "..., recalling their ambassadors": a participle after a comma, of another kind of act.
    const participle = and ? null : GERUND.test(m.text) && m.rule.type !== prev.rule.type ? PARTICIPLE_ACT.exec(gap) : null;
    const link = and ?? participle;
    if (!link) continue;
    if (m.rule.type === prev.rule.type && !SAME_KIND_AGAIN.test(gap.slice(link.index))) continue;
    const modality = modalityAt(m);
    if (!HAPPENED.has(modality)) continue;
    out.push({ match: m, modality, from: prev.end + link.index, rule: same ? 'events.context.coordinatedActSameParties' : and ? 'events.context.coordinatedAct' : 'events.context.participleAct' });
    prev = m;
  }
  return out.filter((c) => c.from >= clause.start);
}

/**
 * The meeting a trip was for, told as a purpose infinitive in the trip's clause ("arrived in Moscow
 * on Friday to meet Putin"): a meeting verb after the trip's trigger, with only "to" (and no relative
 * clause, plan, wish or second act) between them (events.context.purposeMeeting).
 */
function purposeMeeting(text: string, main: readonly TriggerMatch[], trip: TriggerMatch, coordinated: readonly { match: TriggerMatch }[]): TriggerMatch | undefined {
  for (const m of main) {
    if (m.start <= trip.end || m.rule.type !== 'meeting' || m.rule.form !== 'verb' || coordinated.some((c) => c.match === m)) continue;
    if (m.start - trip.end > PURPOSE_GAP) return undefined;
    const gap = text.slice(trip.end, m.start).replace(/\s+/gu, ' ');
    return PURPOSE_MEETING.test(gap) && !PURPOSE_MEETING_BLOCK.test(gap) ? m : undefined;
  }
  return undefined;
}

/** The step naming the trigger rule that matched. */
function triggerStep(match: TriggerMatch): TraceStep {
  return { stage: 'events', rule: match.rule.name, action: `trigger "${match.text}" type=${match.rule.type}`, detail: match.rule.form };
}

/** The first steps of a candidate's trace: the trigger rule and the modality cue. */
function triggerTrace(match: TriggerMatch, modality: Modality, modalityRule: string | undefined): Trace {
  return [
    triggerStep(match),
    ...(match.via ? [{ stage: 'events' as const, rule: match.via, action: 'trigger read across adjuncts', detail: (match.elided ?? []).map((w) => `"${w}"`).join(', ') }] : []),
    ...(firstPersonActs.has(match)
      ? [{ stage: 'events', rule: 'events.context.firstPersonAct', action: 'kept inside a quotation', detail: 'an act the speaker reports of themselves' } satisfies TraceStep]
      : []),
    ...(quotedReadouts.has(match)
      ? [{ stage: 'events', rule: 'events.context.quotedReadout', action: 'kept inside a quotation', detail: "an official readout's third-person account" } satisfies TraceStep]
      : []),
    ...(verbOpenedQuotes.has(match)
      ? [{ stage: 'events', rule: 'events.context.quoteOpensOnVerb', action: 'kept inside a quotation', detail: "the writer's clause runs into the quotation at the verb" } satisfies TraceStep]
      : []),
    ...(quotedFacts.has(match)
      ? [{ stage: 'events', rule: 'events.context.quotedFact', action: 'kept inside a quotation', detail: 'a dated fact the quotation reports' } satisfies TraceStep]
      : []),
    ...(announcedActs.has(match)
      ? [{ stage: 'events', rule: 'events.context.announcedAct', action: 'the news of its clause', detail: 'the object of the announcing verb before it' } satisfies TraceStep]
      : []),
    ...(documentActs.has(match)
      ? [{ stage: 'events', rule: 'events.context.documentRelative', action: 'the news of its clause', detail: 'the act of a document named just before' } satisfies TraceStep]
      : []),
    { stage: 'modality', rule: modalityRule ?? 'modality.default', action: `modality=${modality}` },
  ];
}

/** The words that typed a speech as a threat or an accusation (events.speech-content.*), per candidate. */
const spokenWords = new WeakMap<EventCandidate, string>();
/** The same alternations as THREAT_SPEECH and ACCUSING_SPEECH, returning the words matched. */
const THREAT_WORDS = compileFinder(rules.threatContent.any);
const ACCUSING_WORDS = compileFinder(rules.accusationContent.any);

/** The leftmost words of `said` that make it a threat or an accusation, lower-cased with spaces collapsed. */
function speechWords(type: 'threat' | 'accusation', said: string): string | undefined {
  return (type === 'threat' ? THREAT_WORDS : ACCUSING_WORDS)(said)?.replace(/\s+/gu, ' ');
}

/**
 * What a speech verb reports: the quotations of its sentence and the words after and before the verb in its
 * clause; the words after begin with the verb itself, which may carry the demand ('urged Israel to respect ...').
 */
function saidText(text: string, quotes: readonly { start: number; end: number }[], verb: TriggerMatch, clause: ClauseSpan): string {
  return [
    ...quotes.map((q) => text.slice(q.start, q.end)),
    text.slice(verb.start, Math.min(clause.end, verb.end + 200)),
    text.slice(Math.max(clause.start, verb.start - 200), verb.start),
  ].join(' \n ');
}

/** A private person as the speaker of a speech verb (events.context.privateSpeaker). */
const PRIVATE_SPEAKER = patternRule('privateSpeaker');
/** Characters after and before a speech verb searched for its private speaker. */
const PRIVATE_SPEAKER_WINDOW = 70;

/** Whether the speaker of a speech verb is a private person ('said Li Wen, a shop owner', 'a student, Chen Yu, said'). */
function privateSpeaker(text: string, verb: TriggerMatch): boolean {
  const after = text.slice(verb.end, verb.end + PRIVATE_SPEAKER_WINDOW).split(/[.;:"“”]/u)[0] ?? '';
  const before = text.slice(Math.max(0, verb.start - PRIVATE_SPEAKER_WINDOW), verb.start).split(/[.;:"“”]/u).pop() ?? '';
  return PRIVATE_SPEAKER.re.test(after) || PRIVATE_SPEAKER.re.test(before);
}

/** Warnings typed as threats by a conditional quotation after a colon (their trace says so). */
const conditionalWarnings = new WeakSet<TriggerMatch>();
const CONDITIONAL_WARNING = patternRule('conditionalWarning');
/** At most this many characters between the warning verb and the colon before its quotation ("warned on Tuesday:"). */
const CONDITIONAL_WARNING_GAP = 40;

/**
 * Whether a warning verb introduces, after a colon, a quotation that opens on a condition and states
 * its consequence ('warned: "If X keeps arming the rebels, we are ready to ..."'): a threat
 * (events.speech-content.conditional-warning).
 */
function conditionalWarning(text: string, quotes: readonly { start: number; end: number }[], verb: TriggerMatch): boolean {
  if (!WARNING_VERB.test(verb.text)) return false;
  const q = quotes.find((x) => x.start >= verb.end);
  if (!q || q.start - verb.end > CONDITIONAL_WARNING_GAP) return false;
  if (!/^[^"“”.;!?]*:\s*$/u.test(text.slice(verb.end, q.start))) return false;
  if (!CONDITIONAL_WARNING.re.test(text.slice(q.start, q.end))) return false;
  conditionalWarnings.add(verb);
  return true;
}

/**
 * What a speech is, from its words (quoted, or reported after the speech verb): a threat when it
 * threatens a punitive response, an accusation when it condemns or denounces; else undefined (a statement).
 */
function speechKind(
  text: string,
  quotes: readonly { start: number; end: number }[],
  verb: TriggerMatch,
  clause: ClauseSpan,
): 'threat' | 'accusation' | undefined {
  // What is said is after the verb ("said it would retaliate") or, with the speaker put after it,
  // before ("Russia will be forced to retaliate, the ministry said").
  const said = saidText(text, quotes, verb, clause);
  if (THREAT_SPEECH(said) || (WARNING_VERB.test(verb.text) && WARNING_SPEECH(said))) return 'threat';
  if (conditionalWarning(text, quotes, verb)) return 'threat';
  if (ACCUSING_SPEECH(said)) return 'accusation';
  return undefined;
}
