/**
 * Pass `actors.quoted-speaker`: an act told in the first person inside a quotation is the act of whoever speaks
 * the quotation. "We signed the accord with Kenya this morning," the Ethiopian minister said / The minister said:
 * "I met my Kenyan counterpart": the state of the speaker named in the attribution outside the quotation (right
 * after it: ", X said"; or right before it: "X said:") is a party and the act's agent. Only when "we" or "I" is the
 * subject just before the trigger inside the same quotation; the speaker is the first person (else the first
 * state word that is no place or outlet) of the attribution, which must hold a verb of saying.
 * Runs after the attribution passes, which take the reporter of an act out of its parties: a first-person act's
 * reporter is its actor.
 */
import { quoteOf, quoteRanges } from '../../dates/quotes.ts';
import type { Found } from '../analyze.ts';
import { addCountry, note, stateOf, type PartyPass, type PartyState } from './state.ts';
import { wordsOf } from './words-of.ts';

const RULE = 'actors.quoted-speaker';
/** First-person subjects. */
const FIRST_PERSON = new Set(['we', 'i']);
/** How many words may stand between the subject and the trigger ("we have today signed"). */
const SUBJECT_REACH = 4;
/** How many characters after the closing quote (or before the opening one) the attribution may take. */
const ATTRIBUTION_REACH = 90;
/** Verbs of saying that introduce or close a quotation beyond actor-context.json speechVerbs. */
const EXTRA_VERBS = new Set(['wrote', 'posted', 'tweeted', 'quoted', 'told']);

function firstPersonSubject(s: PartyState, quoteStart: number): boolean {
  const t = s.candidate.trigger;
  const from = s.sentenceStart + quoteStart;
  const ws = wordsOf(s.sentenceText.slice(quoteStart, t.start - s.sentenceStart), from).filter((w) => w.w !== '"' && w.w !== '“' && w.w !== '”');
  for (let k = ws.length - 1; k >= 0 && k >= ws.length - SUBJECT_REACH; k--) {
    const w = ws[k]!;
    if (w.w === ',' || w.w === ';' || w.w === ':') return false;
    if (FIRST_PERSON.has(w.w)) return true;
  }
  return false;
}

function hasSpeechVerb(s: PartyState, from: number, to: number): boolean {
  for (const w of wordsOf(s.sentenceText.slice(from, to), 0)) if (s.words.speechVerbs.has(w.w) || EXTRA_VERBS.has(w.w)) return true;
  return false;
}

/** The speaker of the attribution in [from, to) (sentence offsets): a person with a state, else a state word. */
function speakerIn(s: PartyState, from: number, to: number): Found | undefined {
  const inside = (f: Found) => f.m.start - s.sentenceStart >= from && f.m.end - s.sentenceStart <= to && !!stateOf(f) && !f.m.locative && !f.m.topic;
  const inSpan = s.found.filter(inside);
  return inSpan.find((f) => f.m.kind === 'person' && !f.m.attribution) ?? inSpan.find((f) => !f.m.attribution && f.m.kind !== 'media');
}

export const quotedSpeaker: PartyPass = {
  id: RULE,
  run(s) {
    const text = s.sentenceText;
    if (!/["“”]/.test(text)) return;
    const t = s.candidate.trigger;
    const rel = { start: t.start - s.sentenceStart, end: t.end - s.sentenceStart };
    const quotes = quoteRanges(text);
    const q = quoteOf(quotes, rel);
    if (!q || !firstPersonSubject(s, q.start)) return;
    // ", the Ethiopian minister said" after the quotation, else "The minister said:" before it.
    const nextQuote = quotes.find((r) => r.start >= q.end);
    const afterEnd = Math.min(text.length, q.end + ATTRIBUTION_REACH, nextQuote?.start ?? text.length);
    let speaker = hasSpeechVerb(s, q.end, afterEnd) ? speakerIn(s, q.end, afterEnd) : undefined;
    if (!speaker) {
      const prevQuote = [...quotes].reverse().find((r) => r.end <= q.start);
      const beforeStart = Math.max(0, q.start - ATTRIBUTION_REACH, prevQuote?.end ?? 0);
      const lead = text.slice(beforeStart, q.start);
      if (/[:,]\s*$/.test(lead) && hasSpeechVerb(s, beforeStart, q.start)) speaker = speakerIn(s, beforeStart, q.start);
    }
    const c = speaker ? stateOf(speaker) : undefined;
    if (!speaker || !c) return;
    addCountry(s, c, RULE, `the speaker of the first-person quotation ('${speaker.m.text}')`);
    if (!s.agents.includes(c)) {
      s.agents = [c];
      note(s, RULE, `agents=${c}`, 'the quotation tells the act in the first person');
    }
  },
};
