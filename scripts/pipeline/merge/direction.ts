/**
 * Who acts in a directed report: the acting states of a threat, sanction, accusation, statement
 * or military act, read from the sentence's structure around the trigger:
 *   - active voice: the states named in the subject, i.e. the words before the trigger, cut after
 *     the last reporting verb ("Iran said the US threatened" -> the US) and, among the
 *     comma-separated pieces before the trigger, the nearest piece that names one of the
 *     report's states ("Following Iran's strike, Israel warned ..." -> Israel);
 *   - passive voice: the states right after "by" ("was condemned by Egypt" -> Egypt);
 *   - a passive whose subject names a state ("the X envoy was summoned"): that state is acted on, the
 *     "by" agent or the report's only other state acts (title.passive-acted-on, passive-act.ts);
 *   - unknown when a pronoun is the subject ("its drills", "he warned") or a passive names no side.
 * When the actors stage has set `agents` (the subject side, from the clause structure) and it is
 * a proper subset of the report's states, those are the acting states.
 * A state counts when the report lists it (a name, demonym or capital of it: "Tehran", "Iranian")
 * or one of the report's people of that state is named there.
 * Two reports whose acting states are both known and share none are two acts (a threat and the
 * counter-threat, an expulsion and the tit-for-tat expulsion, two states' condemnations); when
 * either is unknown they may still be one (rule merge.directed-pair in merge-rules.json).
 */
import rules from '../../data/merge-rules.json' with { type: 'json' };
import { firstMention } from '../events/country-mentions.ts';
import { passiveSides } from '../passive-act.ts';
import type { ExtractedEvent } from '../types.ts';

const DIRECTED = new Set<string>(rules.directedPair.types);
const REPORTING = new RegExp(rules.directedPair.reportingBefore, 'giu');
const PASSIVE_BY = /^\s*by\s/iu;
/** A pronoun subject ("its drills", "he warned") or a passive without "by" ("was summoned"): the actor is not named here. */
const UNKNOWN_SUBJECT = new RegExp(rules.directedPair.unknownSubjectBefore, 'iu');
/** How far after a passive trigger the agent may be named. */
const PASSIVE_REACH = 80;

const cache = new WeakMap<ExtractedEvent, readonly string[]>();

/** The states of `ev.countries` named in `text` (or whose people are), sorted. */
function statesIn(ev: ExtractedEvent, text: string): string[] {
  const out = new Set<string>();
  for (const c of ev.countries) if (firstMention(text, c) !== Infinity) out.add(c);
  for (const a of ev.actors) {
    if (!a.country || !ev.countries.includes(a.country)) continue;
    const last = a.name.trim().split(/\s+/).pop() ?? '';
    if (last.length > 2 && text.includes(last)) out.add(a.country);
  }
  return [...out].sort();
}

/** The acting states of a directed report (see the header); [] when unknown or not directed. */
export function actingStates(ev: ExtractedEvent): readonly string[] {
  let hit = cache.get(ev);
  if (hit === undefined) {
    hit = computeActing(ev);
    cache.set(ev, hit);
  }
  return hit;
}

function computeActing(ev: ExtractedEvent): string[] {
  if (!DIRECTED.has(ev.type) || ev.countries.length === 0) return [];
  // A reporting verb after a quotation: the speaker acts, not the quotation's subject (merge.quoted-speaker).
  const speaker = quotedSpeakerStates(ev);
  if (speaker !== undefined) return speaker;
  // A passive act ("the X ambassador was summoned"): its subject's state is acted on (title.passive-acted-on).
  const passive = passiveSides(ev);
  if (passive) return [passive.acting];
  // The actors stage may already know the subject side (ExtractedEvent.agents, from the clause
  // structure); a set that is all the event's states says nothing about direction.
  const agents = (ev as ExtractedEvent & { agents?: readonly string[] }).agents;
  if (Array.isArray(agents)) {
    const known = [...new Set(agents.filter((c) => ev.countries.includes(c)))].sort();
    if (known.length > 0 && known.length < new Set(ev.countries).size) return known;
  }
  const sentence = ev.source.sentence;
  const t = ev.source.trigger;
  if (!t || t.start < 0 || t.end > sentence.length) return [];
  if (PASSIVE_BY.test(sentence.slice(t.end, t.end + 6)) || /\bby$/iu.test(sentence.slice(t.start, t.end))) {
    const after = sentence.slice(t.end, Math.min(sentence.length, t.end + PASSIVE_REACH));
    const piece = after.split(/[,;:]/u)[0] ?? '';
    return statesIn(ev, piece);
  }
  if (UNKNOWN_SUBJECT.test(sentence.slice(Math.max(0, t.start - 40), t.start))) return [];
  let from = 0;
  // Quoted words are someone's speech, not the subject ("'We urge the United States ...,' he added").
  const before = blankQuotes(sentence.slice(0, t.start));
  REPORTING.lastIndex = 0;
  for (const m of before.matchAll(REPORTING)) from = m.index! + m[0].length;
  const pieces = before.slice(from).split(/[,;:]/u);
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i]!;
    const found = statesIn(ev, piece);
    if (found.length > 0) return found;
    // The nearest piece names someone the report does not place ("..., Hossein Amirabdollahian
    // denounced"): the subject is unknown; an earlier piece names someone else.
    if (namesSomeone(piece, i === 0 && from === 0)) return [];
  }
  return [];
}

export const QUOTED_SPEAKER_RULE = rules.quotedSpeaker.id;
const SPEAKER_VERBS: ReadonlySet<string> = new Set(rules.quotedSpeaker.verbs);
const CLOSING_QUOTE = /["”’]/u;

/**
 * merge.quoted-speaker: when the trigger is a reporting verb ("said") that follows a quotation
 * closed at most `maxGap` characters before it, the acting states are those named between the
 * quotation's end and the trigger, or in the speaker phrase after the trigger (up to a comma,
 * semicolon or the end); [] when the speaker names none. Undefined when the report is not such a
 * quotation (the other readings then apply).
 */
export function quotedSpeakerStates(ev: ExtractedEvent): string[] | undefined {
  if (!DIRECTED.has(ev.type)) return undefined;
  const sentence = ev.source.sentence;
  const t = ev.source.trigger;
  if (!t || t.start < 0 || t.end > sentence.length) return undefined;
  if (!SPEAKER_VERBS.has(sentence.slice(t.start, t.end).toLowerCase())) return undefined;
  const before = sentence.slice(0, t.start);
  // The quotation must open the sentence part and close shortly before the verb.
  const gapStart = Math.max(0, t.start - rules.quotedSpeaker.maxGap);
  let close = -1;
  for (let i = before.length - 1; i >= gapStart; i--) {
    if (CLOSING_QUOTE.test(before[i]!) && i > 0 && ',.!?'.includes(before[i - 1]!)) {
      close = i;
      break;
    }
  }
  if (close < 0) return undefined;
  const blanked = blankQuotes(before);
  // Everything up to the closing mark is quoted (the sentence opens with the quotation).
  if (blanked.slice(0, close + 1).trim() !== '') return undefined;
  const after = sentence.slice(t.end, Math.min(sentence.length, t.end + rules.quotedSpeaker.speakerReach)).split(/[,;:]/u)[0] ?? '';
  return statesIn(ev, `${before.slice(close + 1)} ${after}`);
}

/**
 * The text with quoted passages blanked out (same length): “…” and "…" (to the closing mark, or
 * to the end when it is missing), ‘‘…’’ and ''…'' (only when the first closing mark after the
 * opening one is doubled). A scan rather than a regex: the old /‘‘[^’]*’’|''[^']*''/g re-read the
 * rest of the text from every unclosed opening pair (quadratic on a run of "‘‘x"); here the
 * position of the next closing mark is remembered, so every character is read a bounded number
 * of times.
 */
function blankQuotes(text: string): string {
  if (!/["“‘']/u.test(text)) return text;
  const n = text.length;
  /** First index of `ch` at or after `from`, reusing `cached` (first index at or after an earlier start; -1: none). */
  const next = (ch: string, from: number, cached: number): number => (cached === -1 || cached >= from ? cached : text.indexOf(ch, from));
  let single = -2;
  let apostrophe = -2;
  let out = '';
  let last = 0;
  let i = 0;
  while (i < n) {
    const c = text[i];
    let end = -1;
    if (c === '“' || c === '"') {
      const j = text.indexOf(c === '“' ? '”' : '"', i + 1);
      end = j < 0 ? n : j + 1;
    } else if (c === '‘' && text[i + 1] === '‘') {
      single = next('’', i + 2, single);
      if (single >= 0 && text[single + 1] === '’') end = single + 2;
    } else if (c === "'" && text[i + 1] === "'") {
      apostrophe = next("'", i + 2, apostrophe);
      if (apostrophe >= 0 && text[apostrophe + 1] === "'") end = apostrophe + 2;
    }
    if (end > i) {
      out += text.slice(last, i) + ' '.repeat(end - i);
      last = i = end;
    } else i++;
  }
  return out + text.slice(last);
}

const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}'’-]+/gu;
/** True when the piece holds a capitalised word (a name), the sentence's first word left aside. */
function namesSomeone(piece: string, sentenceStart: boolean): boolean {
  for (const m of piece.matchAll(CAPITALISED)) {
    if (sentenceStart && piece.slice(0, m.index).trim() === '') continue;
    return true;
  }
  return false;
}

/** True when both reports name their acting states and the two sets share none. */
export function differentActors(a: ExtractedEvent, b: ExtractedEvent): boolean {
  const x = actingStates(a);
  if (x.length === 0) return false;
  const y = actingStates(b);
  if (y.length === 0) return false;
  return !x.some((c) => y.includes(c));
}
