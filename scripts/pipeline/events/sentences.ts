/**
 * Splits one paragraph into sentences. A sentence ends at ., ! or ? (possibly followed by
 * closing quotes or brackets) when whitespace and a capital, digit or opening quote follow,
 * unless the period belongs to an abbreviation (Mr., Gen., Jan. 5, J. D. Vance, U.S. President).
 */
import rules from '../../data/event-rules.json' with { type: 'json' };

export interface Span {
  start: number;
  end: number;
}

const seg = rules.segmentation;
/** Abbreviations that never end a sentence (titles): "Gen.", "Sen.", "Mr.". */
const NEVER_END = new Set(seg.titleAbbreviations.map((s) => s.toLowerCase()));
/** Abbreviations that do not end a sentence before a number: "Jan. 5", "No. 10", "Art. 5". */
const BEFORE_NUMBER = new Set(seg.numberAbbreviations.map((s) => s.toLowerCase()));
/** Abbreviations that may end a sentence (U.S., Inc., a.m.): split only before a typical sentence opener. */
const MAY_END = new Set(seg.mayEndAbbreviations.map((s) => s.toLowerCase()));
const OPENERS = new Set(seg.sentenceOpeners);

/** Candidate ends: terminal punctuation, optional closers, then whitespace. */
const CANDIDATE = /(?<![.!?…])([.!?…]+)(["”’'»)\]]*)(\s+)/gu;
/** What may start a sentence: capital, digit, or opening quote/bracket. */
const STARTS_SENTENCE = /^["“‘'«(\[]?[\p{Lu}\p{N}]/u;
const WORD_BEFORE = /(?<!\S)(\S+)$/u;
const NEXT_WORD = /^["“‘'«(\[]?([\p{L}\p{N}'’-]+)/u;
const SINGLE_INITIAL = /^\p{Lu}$/u;
const DOTTED = /^(?:\p{L}\.)+\p{L}$/u;

/** Whether the period closing `token` (text before the period, e.g. "U.S") ends the sentence before `next`. */
function periodEnds(token: string, next: string): boolean {
  const bare = token.replace(/^["“‘'«(\[]+/u, '');
  const lower = bare.toLowerCase();
  const nextWord = NEXT_WORD.exec(next)?.[1] ?? '';
  const nextIsNumber = /^\p{N}/u.test(nextWord);
  if (NEVER_END.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower) && nextIsNumber) return false;
  if (SINGLE_INITIAL.test(bare)) return false;
  if (MAY_END.has(lower) || DOTTED.test(bare)) return OPENERS.has(nextWord);
  return true;
}

/**
 * Sentences glued together by a missing space ("on Wednesday.The ministry said"): a period
 * between a lower-case word and a capitalised word. Domains and abbreviations do not match.
 */
const MAYBE_GLUED = /[a-z\u00DF-\u00FF][.!?]["”’']?[A-Z\u00C0-\u00DE]/;
const GLUED = /(?<=\p{Ll}{2})([.!?])(["”’']?)(?=\p{Lu}\p{Ll}+\b)/gu;

/** Sentence spans of text[start, end), absolute offsets, each trimmed; never empty. */
export function splitSentences(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  const para = text.slice(start, end);
  const attributed = attributedQuotes(para);
  let from = 0;
  for (const cut of candidates(para)) {
    const { index, punct, closers, after } = cut;
    if (index < from) continue;
    if (attributed.some((q) => index > q.start && index + punct.length < q.end)) continue;
    const next = para.slice(after, after + 40);
    if (!STARTS_SENTENCE.test(next)) continue;
    if (punct === '.' && !closers) {
      const token = WORD_BEFORE.exec(para.slice(Math.max(from, index - 40), index))?.[1] ?? '';
      if (!periodEnds(token, next)) continue;
    }
    const stop = index + punct.length + closers.length;
    pushTrimmed(out, text, start + from, start + stop);
    from = after;
  }
  pushTrimmed(out, text, start + from, end);
  return out;
}

/**
 * Quotations of several sentences that close with a comma and go on with their speaker
 * ("... sanctions. There are no winners ...," the spokesman said): one sentence, so that the
 * statement keeps its speaker. Spans cover the opening to the closing quote mark.
 */
const ATTRIBUTED_QUOTE = /["“]([^"“”]{1,1500}?),["”]/gu;
function attributedQuotes(para: string): Span[] {
  if (!para.includes(',"') && !para.includes(',”')) return [];
  const spans: Span[] = [];
  ATTRIBUTED_QUOTE.lastIndex = 0;
  for (let m = ATTRIBUTED_QUOTE.exec(para); m; m = ATTRIBUTED_QUOTE.exec(para)) {
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

interface Cut {
  index: number;
  punct: string;
  closers: string;
  /** Where the next sentence may start (after any whitespace). */
  after: number;
}

/** Candidate sentence ends in text order: punctuation followed by whitespace, or glued to a capitalised word. */
function candidates(para: string): Cut[] {
  const cuts: Cut[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(para); m; m = CANDIDATE.exec(para)) {
    cuts.push({ index: m.index, punct: m[1] ?? '', closers: m[2] ?? '', after: m.index + m[0].length });
  }
  let glued = false;
  // Cheap ASCII pre-check before the Unicode scan: most paragraphs have no glued sentences.
  if (!MAYBE_GLUED.test(para)) return cuts;
  GLUED.lastIndex = 0;
  for (let m = GLUED.exec(para); m; m = GLUED.exec(para)) {
    const word = /(?<!\S)\S+$/u.exec(para.slice(Math.max(0, m.index - 30), m.index))?.[0] ?? '';
    if (/[/@:]|www|\.\w/u.test(word)) continue;
    cuts.push({ index: m.index, punct: m[1] ?? '', closers: m[2] ?? '', after: m.index + m[0].length });
    glued = true;
  }
  if (glued) cuts.sort((a, b) => a.index - b.index);
  return cuts;
}

function pushTrimmed(out: Span[], text: string, s: number, e: number): void {
  while (s < e && /\s/u.test(text[s] ?? '')) s++;
  while (e > s && /\s/u.test(text[e - 1] ?? '')) e--;
  if (e > s) out.push({ start: s, end: e });
}
