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
import { clauseSpans, type ClauseSpan } from './events/clauses.ts';
import { compileAlternation } from './events/patterns.ts';
import { modalityWhy, sentenceIsReported } from './events/modality.ts';
import { endsInsideQuote, quotedRanges } from './events/quotes.ts';
import { findTriggers, type TriggerMatch } from './events/triggers.ts';
import type { Trace } from './trace.ts';
import type { EventCandidate, Modality, SegmentedDocument, Sentence } from './types.ts';

/** A quotation this many words long or longer is speech: no event triggers inside it. */
const MIN_SPEECH_WORDS = 3;
const HAPPENED = new Set<Modality>(['asserted', 'reported']);
/** Characters around a trigger that modality cues are looked for in. */
const CUE_WINDOW = 100;
/** Characters around an act named inside a reaction that its own clause spans. */
const ACT_CONTEXT = 40;

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
/** Event types in whose report what officials said belongs to the event. */
const SPEECH_CONTAINERS = new Set<string>(rules.context.speechContainers);
/** Military words: speech about the military event just reported describes that event. */
const MILITARY_TALK = new RegExp(rules.context.militaryTalk, 'iu');
/** A trigger right after a relative pronoun ("who attended", "which was signed"). */
const RELATIVE_BEFORE = new RegExp(rules.context.relativeBefore, 'iu');
/** "..., after attending a G20 summit": a participial circumstance. */
const PARTICIPLE_CIRCUMSTANCE = new RegExp(rules.context.participleCircumstance, 'iu');
const COORDINATED = new RegExp(rules.context.coordinatedAnd, 'iu');
/** Plain reporting of a toll ("officials said 15 people were killed") is not a position. */
const CASUALTY_SPEECH = new RegExp(rules.casualtySpeech, 'iu');
/** Speech verbs whose subject is a document ("the statement reads"): an event only when the words threaten. */
const WEAK_SPEECH = new Set<string>(rules.weakSpeechRules);
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
    return statement;
  }
  return pick;
}

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
}

/** How many earlier body sentences a speech or a bare event noun is read against. */
const CONTEXT_SENTENCES = 2;
const NOUN_CONTEXT_SENTENCES = 3;
/** Speech in this many body sentences after a meeting, visit, agreement or sanction belongs to it (unless a new event comes first). */
const CONTAINER_SENTENCES = 4;
/** Speech that answers an earlier event is an event of its own ("China in response said ..."). */
const RESPONSE = new RegExp(rules.context.response, 'iu');

const perDocument = new WeakMap<SegmentedDocument, Map<number, EventCandidate[]>>();

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

function readDocument(seg: SegmentedDocument): Map<number, EventCandidate[]> {
  const out = new Map<number, EventCandidate[]>();
  /** Per body sentence, in order: the asserted non-statement event types it reported. */
  const recent: { types: Set<string> }[] = [];
  /** Body sentences left in which speech still belongs to the last meeting, visit, agreement or sanction. */
  let containerLeft = 0;
  for (const sentence of seg.sentences) {
    if (sentence.kind !== 'body' || !sentence.text) continue;
    const found = sentenceCandidates(sentence, seg);
    const near = recent.slice(-CONTEXT_SENTENCES);
    const nearForNouns = recent.slice(-NOUN_CONTEXT_SENTENCES);
    const militaryBefore = near.some((r) => r.types.has('military'));
    let answers: boolean | undefined;
    const kept = found.filter(({ candidate: c, noun, locative }) => {
      if (!HAPPENED.has(c.modality)) return true;
      if (c.type === 'statement') {
        answers ??= RESPONSE.test(sentence.text);
        if (answers || OWN_DAY.test(sentence.text.slice(c.trigger.end - sentence.start, c.trigger.end - sentence.start + 30))) return true;
        if (containerLeft > 0) return false;
        return !(militaryBefore && MILITARY_TALK.test(sentence.text.slice(c.clause.start - sentence.start, c.clause.end - sentence.start)));
      }
      if (noun && !locative) return !nearForNouns.some((r) => r.types.has(c.type));
      return true;
    });
    const types = new Set<string>();
    for (const f of found) if (f.candidate.type !== 'statement' && HAPPENED.has(f.candidate.modality)) types.add(f.candidate.type);
    recent.push({ types });
    const spoke = found.some((f) => f.candidate.type === 'statement');
    if ([...types].some((t) => SPEECH_CONTAINERS.has(t))) containerLeft = CONTAINER_SENTENCES;
    else if (types.size > 0) containerLeft = 0;
    // A run of speech continues the report; other sentences wear the context off.
    else if (!spoke) containerLeft = Math.max(0, containerLeft - 1);
    // One speaker per sentence: a second speech verb ("urged ..., as he proposed ...") is the same statement.
    const once = kept.filter((f, i) => f.candidate.type !== 'statement' || kept.findIndex((g) => g.candidate.type === 'statement') === i);
    if (once.length) out.set(sentence.index, once.map((f) => f.candidate));
  }
  return out;
}

/** Candidates of one sentence on its own. */
function sentenceCandidates(sentence: Sentence, seg: SegmentedDocument): Found[] {
  const text = sentence.text;
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
    while (qi < quotes.length && quotes[qi]!.end <= t.start) qi++;
    const q = quotes[qi];
    if (q && t.start >= q.start && t.start < q.end) {
      if (q.words >= MIN_SPEECH_WORDS) continue;
      if (t.start <= q.start + 1 && t.end >= q.end - 1) continue;
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
      });
      why.set(match, d.rule);
      return d.modality;
    };
    const isLocative = (m: TriggerMatch) => LOCATIVE_BEFORE.test(text.slice(Math.max(clause.start, m.start - 60), m.start));
    // "the official who attended the meeting said ...": an event in a relative clause is a mention, not the news.
    const main = inClause.filter((m) => !RELATIVE_BEFORE.test(text.slice(Math.max(clause.start, m.start - 30), m.start)));
    const pick = choose(main.length ? main : inClause, modalityAt, isLocative);
    if (!pick) continue;
    // "met ... in Quebec, where talks dominated the summit": a later noun naming the same kind of
    // event in the same sentence is the same event, not a new one.
    const last = out[out.length - 1]?.candidate;
    if (pick.match.rule.form === 'noun' && last && last.type === pick.match.rule.type) continue;
    // "... expressed condemnation and accused Israel of ...": coordinated verbs of one kind are one act.
    if (last && last.type === pick.match.rule.type && COORDINATED.test(text.slice(clause.start, clause.start + 5).trimStart())) continue;
    // "..., after attending a G20 summit": a participial circumstance of an event already reported.
    if (last && PARTICIPLE_CIRCUMSTANCE.test(text.slice(clause.start, clause.start + 40).trimStart())) continue;
    previous = { modality: pick.modality };
    // An event noun for a strike names its act in a few words ("the Israeli strikes on Iran"): look for parties there.
    const narrow = pick.match.rule.type === 'military' && pick.match.rule.form === 'noun';
    const span = narrow
      ? trimmed(text, { start: Math.max(clause.start, pick.match.start - ACT_CONTEXT), end: Math.min(clause.end, pick.match.end + ACT_CONTEXT) })
      : trimmed(text, clause);
    const speechType = pick.match.rule.type === 'statement' ? speechKind(text, quotes, pick.match, clause) : undefined;
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
    if (speechType) candidate.trace!.push({ stage: 'events', rule: `events.speech-content.${speechType}`, action: `type=${speechType}`, detail: 'the words said threaten or accuse' });
    if (pick.match.rule.type === 'statement' && !threatening && WEAK_SPEECH.has(pick.match.rule.name)) continue;
    if (candidate.type === 'statement' && quotes.length === 0 && CASUALTY_SPEECH.test(text.slice(clause.start, clause.end))) continue;
    out.push({ candidate, noun: pick.match.rule.form === 'noun', locative: isLocative(pick.match) });
    // A reaction names the act it reacts to ("condemned the Israeli strikes on Iran"): that act is an event too.
    if (candidate.type === 'accusation' || candidate.type === 'statement') {
      const act = inClause.find((m) => m !== pick.match && m.rule.type === 'military' && m.rule.form === 'noun');
      if (act && HAPPENED.has(pick.modality)) {
        const from = Math.max(clause.start, act.start - ACT_CONTEXT);
        const to = Math.min(clause.end, act.end + ACT_CONTEXT);
        out.push({
          candidate: {
            type: 'military',
            trigger: { start: base + act.start, end: base + act.end, text: act.text },
            clause: { start: base + from, end: base + to },
            modality: modalityAt(act),
            confidence: act.rule.confidence * 0.9,
            rule: `${act.rule.name}(in reaction)`,
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
  }
  // What was said in a sentence that reports a meeting, a sanction or a strike belongs to that event.
  const happened = out.some((f) => f.candidate.type !== 'statement' && !f.reactionAct && HAPPENED.has(f.candidate.modality));
  return happened ? out.filter((f) => f.candidate.type !== 'statement') : out;
}

/** The first steps of a candidate's trace: the trigger rule and the modality cue. */
function triggerTrace(match: TriggerMatch, modality: Modality, modalityRule: string | undefined): Trace {
  return [
    { stage: 'events', rule: match.rule.name, action: `trigger "${match.text}" type=${match.rule.type}`, detail: match.rule.form },
    { stage: 'modality', rule: modalityRule ?? 'modality.default', action: `modality=${modality}` },
  ];
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
  const said = [...quotes.map((q) => text.slice(q.start, q.end)), text.slice(verb.end, Math.min(clause.end, verb.end + 200))].join(' \n ');
  if (THREAT_SPEECH(said) || (WARNING_VERB.test(verb.text) && WARNING_SPEECH(said))) return 'threat';
  if (ACCUSING_SPEECH(said)) return 'accusation';
  return undefined;
}
