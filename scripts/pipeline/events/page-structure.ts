/**
 * Page-structure rules with ids (issue #9, DIAGNOSIS (g)): what on a news page is furniture
 * around the article and what is the article. Patterns live in scripts/data/boilerplate.json
 * (section pageStructure); segment.ts applies them and writes the deciding id on the sentence
 * (Sentence.rule), which scripts/explain-segment.ts prints.
 *
 *  - page.date-line: a short line with a month and a year is a publication/update line ...
 *  - page.date-line.clause-kept: ... unless it holds a clause: a lower-case word outside the
 *    closed vocabulary of date lines (labels, months, weekdays, time words) is a verb or a
 *    common noun, so "Kenya and Somalia signed a maritime accord in March 2025." is news.
 *  - page.credit-ends-paragraph: a paragraph that ends in a photo credit label with a short
 *    credit (which may hold a domain, a handle or initials) is a caption as a whole.
 *  - page.link-label: a related-link label ("Also read", "Related", "Read more") alone, or
 *    followed by another article's headline, is furniture.
 *  - page.link-list: headline-like paragraphs after a label standing alone are a link list.
 *  - page.headline-run: three or more headline-like paragraphs in a row after the article has
 *    begun (a list of other articles' headlines) are furniture.
 *  - page.position-marker: a sentence placing the people of a picture ("X (L) and Y (R) ...",
 *    "(front left)", "(3rd R)") is a caption sentence.
 *  - page.header-lead-not-caption: the lead carried on the header line that reports speech in
 *    the past tense ("the ministry said ...") is news even when it ends in an agency credit
 *    ("... (AFP)"); a caption on that line (present tense, "X and Y stand for a photograph")
 *    stays a caption.
 */
import boilerplate from '../../data/boilerplate.json' with { type: 'json' };
import { compileOne, type CompiledPattern } from './patterns.ts';

const ps = boilerplate.pageStructure;

function run(p: CompiledPattern, text: string, lower?: string): boolean {
  return p.re.test(p.onLower ? (lower ?? text.toLowerCase()) : text);
}

const DATE_LINE = compileOne(ps.dateLine.pattern);
const CLAUSE_WORD = compileOne(ps.clauseWord.pattern);
const CREDIT_END = compileOne(ps.creditEnd.pattern);
const LINK_LABEL = compileOne(ps.linkLabel.pattern);
const LINK_HEADLINE = compileOne(ps.linkHeadline.pattern);
const HEADER_LEAD_VERB = compileOne(ps.headerLeadVerb.pattern);
const POSITION_MARKER = compileOne(ps.positionMarker.pattern);
/** The header line of a plain-text document (" date 2025-07-15 Title ..."). */
const HEADER_LINE = /^[ \t\uFEFF]*date:?[ \t]+\d{4}-\d{2}-\d{2}\b/i;
const CAPTION_MAX_LENGTH: number = boilerplate.captionMaxLength;
const WORDS = /\S+/g;

export const PAGE_RULES = {
  dateLine: ps.dateLine.id,
  clauseKept: ps.clauseWord.id,
  creditEnd: ps.creditEnd.id,
  linkLabel: ps.linkLabel.id,
  linkList: ps.linkListId,
  headlineRun: ps.headlineRunId,
  headerLead: ps.headerLeadVerb.id,
  positionMarker: ps.positionMarker.id,
} as const;

export interface PageDecision {
  kind: 'boilerplate' | 'caption' | 'body';
  rule: string;
}

/**
 * A short date line: 'boilerplate' (page.date-line), or 'body' when the line holds a clause
 * (page.date-line.clause-kept); null when the date-line pattern does not apply.
 */
export function dateLineDecision(text: string): PageDecision | null {
  if (text.length > 80) return null;
  const lower = text.toLowerCase();
  if (!run(DATE_LINE, text, lower)) return null;
  if (run(CLAUSE_WORD, text, lower)) return { kind: 'body', rule: PAGE_RULES.clauseKept };
  return { kind: 'boilerplate', rule: PAGE_RULES.dateLine };
}

/** A paragraph (not already chrome) that ends in a photo credit: a caption as a whole. */
export function creditEndsParagraph(text: string): boolean {
  if (text.length > CAPTION_MAX_LENGTH) return false;
  return run(CREDIT_END, text.length > 160 ? text.slice(-160) : text);
}

/** "Also read:", "Related", "Read more: <headline>": a related-link label line. */
export function isLinkLabel(text: string): boolean {
  if (text.length > 240) return false;
  return run(LINK_LABEL, text) || run(LINK_HEADLINE, text);
}

/** A label standing alone ("Related:", "Also Read", "Most read"): opens a link list. */
export function isBareLinkLabel(text: string): boolean {
  if (text.length > 40) return false;
  const probe = LINK_LABEL.onLower ? text.toLowerCase() : text;
  const m = LINK_LABEL.re.exec(probe);
  return !!m && !/[\p{L}\p{N}]/u.test(probe.slice(m[0].length));
}

/**
 * Whether a paragraph reads like a headline in a list of links: not too long, no sentence end
 * (headlines carry no final period), starts with a capital or a quote.
 */
export function isHeadlineLike(text: string, minWords = 1): boolean {
  if (text.length > ps.linkListMaxChars || text.length < 8) return false;
  if (/[.:;,]["”’')\]]*$/u.test(text)) return false;
  if (!/^["“‘'(\[]?[\p{Lu}\p{N}]/u.test(text)) return false;
  const words = text.match(WORDS)?.length ?? 0;
  return words >= minWords;
}

export const LINK_LIST_MAX_PARAGRAPHS: number = ps.linkListMaxParagraphs;
export const HEADLINE_RUN_MIN: number = ps.headlineRunMin;
export const HEADLINE_RUN_MIN_WORDS: number = ps.headlineRunMinWords;

/**
 * Whether a paragraph starting at `at` is a lead on the header line that reports in the past
 * tense (its first 300 characters hold a past-tense reporting verb).
 */
export function isHeaderLead(text: string, at: number, paraText: string): boolean {
  return onHeaderLine(text, at) && run(HEADER_LEAD_VERB, paraText.slice(0, 300));
}

/** Whether offset `at` of `text` lies on the plain-text header line (" date YYYY-MM-DD ..."). */
export function onHeaderLine(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (text.slice(0, lineStart).trim() !== '') return false;
  return HEADER_LINE.test(text.slice(lineStart, lineStart + 40));
}

/** A sentence that places people in a picture: "(L)", "(2nd R)", "(front left)", "(centre)". */
export function hasPositionMarker(sentence: string): boolean {
  return sentence.length <= CAPTION_MAX_LENGTH && sentence.includes('(') && run(POSITION_MARKER, sentence);
}
