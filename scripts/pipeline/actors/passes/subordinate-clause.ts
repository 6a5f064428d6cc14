/**
 * Pass `actors.subordinate-clause`: a state named only inside a non-restrictive relative clause
 * that does not hold the trigger is named in passing: "talks in Doha, where Qatar has long mediated
 * between ...", "met Ruto, who had visited Ethiopia last year, ...". The clause starts at ", which /
 * who / whose / whom / where" and ends at the next comma, semicolon, dash or bracket. A restrictive
 * "that" clause is left alone: it is often the content of a statement ("the repercussions that may
 * result from this escalation by Israel"). Acts that are often described by their targets in a
 * relative clause ("sanctions, which target Russia's oil") keep them: sanctions, threats and
 * military acts only lose states after ", where".
 * A restrictive clause right after a noun of a state or place (actor-context.json relativeHeadNouns: "a Pacific
 * nation that is being courted by Beijing and Washington") describes that place: it counts as well, with rule
 * id actors.subordinate-clause.place-head.
 */
import type { EventType } from '../../types.ts';
import { isStateParty } from './party-test.ts';
import { dropCountry, stateOf, type PartyPass, type PartyState } from './state.ts';
import { RELATIVE_HEAD_NOUNS } from '../words.ts';
import { scanWords, SentenceMemo } from './words-of.ts';

/** Words as `/[\p{L}\p{N}][\p{L}\p{N}'’-]*|[,;:—–()]/gu` finds them (see scanWords). */
const WORD_INNER: ReadonlySet<number> = new Set([..."'’-"].map((c) => c.codePointAt(0)!));
const WORD_MARKS: ReadonlySet<number> = new Set([...',;:—–()'].map((c) => c.codePointAt(0)!));
const RELATIVES = new Set(['which', 'who', 'whose', 'whom', 'where']);
/** Relative words that may open a restrictive clause after a place noun ("a nation that is courted by ..."). */
const PLACE_RELATIVES = new Set(['that', 'which', 'whose']);
/** Types that may be described by their targets in a relative clause: only "where" clauses are asides for them. */
const TARGET_IN_RELATIVE = new Set<EventType>(['sanction', 'threat', 'military']);

interface Span2 {
  start: number;
  end: number;
  /** Opened without a comma, after a noun of a state or place. */
  placeHead?: boolean;
}

interface Tok {
  w: string;
  raw: string;
  start: number;
  end: number;
}

/** The sentence's words for this pass, split once per sentence (shared: read only). */
const TOKENS = new SentenceMemo<readonly Tok[]>((text, base) => {
  const toks: Tok[] = [];
  const spans = scanWords(text, WORD_INNER, WORD_MARKS);
  for (let k = 0; k < spans.length; k += 2) {
    const raw = text.slice(spans[k]!, spans[k + 1]!);
    toks.push({ w: raw.toLowerCase(), raw, start: base + spans[k]!, end: base + spans[k + 1]! });
  }
  return toks;
});

export function relativeClauses(s: PartyState): Span2[] {
  const text = s.sentenceText;
  const base = s.sentenceStart;
  const toks = TOKENS.get(text, base);
  const out: Span2[] = [];
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    const prev = toks[i - 1]!;
    let opens = false;
    if (RELATIVES.has(t.w) && prev.w === ',') opens = t.w === 'where' || !TARGET_IN_RELATIVE.has(s.type);
    const placeHead = !opens && PLACE_RELATIVES.has(t.w) && RELATIVE_HEAD_NOUNS.has(prev.w) && !TARGET_IN_RELATIVE.has(s.type);
    if (!opens && !placeHead) continue;
    let end = base + text.length;
    for (let j = i + 1; j < toks.length; j++) {
      if (toks[j]!.w === ',' || toks[j]!.w === ';' || toks[j]!.w === '—' || toks[j]!.w === '–' || toks[j]!.w === '(') {
        end = toks[j]!.start;
        break;
      }
    }
    out.push(placeHead ? { start: t.start, end, placeHead } : { start: t.start, end });
  }
  return out;
}

export const subordinateClause: PartyPass = {
  id: 'actors.subordinate-clause',
  run(s) {
    if (s.countries.length < 2) return;
    const t = s.candidate.trigger;
    const clauses = relativeClauses(s).filter((c) => !(t.start >= c.start && t.start < c.end));
    if (clauses.length === 0) return;
    const holding = (start: number) => clauses.find((c) => start >= c.start && start < c.end);
    for (const c of [...s.countries]) {
      if (s.countries.length < 2) break;
      const ms = s.scope.filter((f) => stateOf(f) === c && isStateParty(f, s.type, s.dest));
      if (ms.length === 0 || !ms.every((f) => holding(f.m.start))) continue;
      const place = ms.every((f) => holding(f.m.start)!.placeHead);
      if (place) dropCountry(s, c, `${this.id}.place-head`, `named only inside a relative clause describing a place ('${ms[0]!.m.text}')`);
      else dropCountry(s, c, this.id, `named only inside a relative clause ('${ms[0]!.m.text}')`);
    }
  },
};
