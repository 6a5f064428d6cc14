/**
 * Segmentation stage: a document body becomes paragraphs and sentences with absolute
 * offsets into `doc.text` (`text.slice(start, end) === sentence.text`), each marked as
 * 'body', 'heading', 'boilerplate', 'caption' or 'dateline'. A dateline that opens the
 * first body paragraph ("BEIJING, July 13 (Xinhua) --") is cut off the first sentence and
 * returned as `dateline`. Pure; never throws on odd text.
 */
import { datelineDay } from './events/day-text.ts';
import { DATELINE_MAX_PARAGRAPH, matchLeadingDateline, matchStandaloneDateline, type DatelineMatch } from './events/dateline.ts';
import { chromeKind, looksLikeHeading, sentenceKind } from './events/kinds.ts';
import {
  creditEndsParagraph,
  dateLineDecision,
  hasPositionMarker,
  HEADLINE_RUN_MIN,
  HEADLINE_RUN_MIN_WORDS,
  isBareLinkLabel,
  isHeaderLead,
  isHeadlineLike,
  isLinkLabel,
  LINK_LIST_MAX_PARAGRAPHS,
  PAGE_RULES,
} from './events/page-structure.ts';
import { splitParagraphs, type Paragraph } from './events/paragraphs.ts';
import { splitSentences } from './events/sentences.ts';
import type { Dateline, SegmentedDocument, Sentence, SourceDocument } from './types.ts';

function toDateline(m: DatelineMatch, start: number, published: string): Dateline {
  const date = m.dayText ? datelineDay(m.dayText, published) : undefined;
  return {
    ...(m.place ? { place: m.place } : {}),
    ...(m.agency ? { agency: m.agency } : {}),
    ...(date ? { date } : {}),
    start,
    end: start + m.textLength,
  };
}

/** A dateline that opens a later paragraph, after body text (a quotation, a teaser). */
const MID_TEXT_DATELINE_RULE = 'page.dateline.mid-text';

/** A title this long, or ending like a sentence, is read as the article's first sentence. */
const TITLE_SENTENCE_WORDS = 14;

/**
 * Some pages put their lead in the title line ("French President Emmanuel Macron arrived in
 * Nigeria on Tuesday and was hosted by ..."). Such a title, found verbatim in the header, is
 * segmented as a body sentence too; short headline-style titles are left out.
 */
function titleSentence(doc: SourceDocument, text: string, bodyStart: number): { start: number; end: number } | null {
  let title = typeof doc.title === 'string' ? doc.title.trim() : '';
  // A long header line is shortened in the title ("... the two Asi…"): read the whole line from the text.
  const shortened = title.endsWith('…');
  if (shortened) title = title.slice(0, -1).trimEnd();
  if (!title) return null;
  const words = title.split(/\s+/).length;
  if (words < TITLE_SENTENCE_WORDS && !(/[.!?]["”’']?$/u.test(title) && words >= 8)) return null;
  const at = text.indexOf(title);
  if (at < 0 || at + title.length > bodyStart) return null;
  if (!shortened) return { start: at, end: at + title.length };
  const lineEnd = text.indexOf('\n', at);
  let end = Math.min(lineEnd < 0 ? bodyStart : lineEnd, bodyStart);
  while (end > at && /\s/u.test(text[end - 1] ?? '')) end--;
  return { start: at, end };
}

/** Rule ids for chrome found by the unnamed boilerplate.json lists (kinds.ts). */
const CHROME_RULE = { boilerplate: 'boilerplate.line', caption: 'boilerplate.caption-cue' } as const;

/**
 * Paragraphs in a trailing run of at least HEADLINE_RUN_MIN headline-like paragraphs
 * (page.headline-run): a list of other articles' headlines at the end of the page. Only runs
 * after the last paragraph that ends like a sentence count, so that an article's own lines that
 * lost their final period (key-point lists, scraped body text) are never taken.
 */
function headlineRuns(text: string, paragraphs: readonly Paragraph[]): Set<number> {
  const out = new Set<number>();
  let lastSentence = -1;
  paragraphs.forEach((p, i) => {
    if (ENDS_LIKE_SENTENCE.test(text.slice(Math.max(p.start, p.end - 8), p.end))) lastSentence = i;
  });
  let runStart = lastSentence + 1;
  const close = (end: number) => {
    if (end - runStart >= HEADLINE_RUN_MIN) for (let k = runStart; k < end; k++) out.add(k);
  };
  for (let i = lastSentence + 1; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const like = !p.markdownHeading && isHeadlineLike(text.slice(p.start, p.end), HEADLINE_RUN_MIN_WORDS);
    if (!like) {
      close(i);
      runStart = i + 1;
    }
  }
  close(paragraphs.length);
  return out;
}
const ENDS_LIKE_SENTENCE = /[.!?]["”’')\]]*$/u;

/**
 * The page-structure kind of a whole paragraph: chromeKind (kinds.ts), corrected and completed
 * by the named rules of events/page-structure.ts. `rule` names the deciding rule.
 */
function paragraphChrome(
  text: string,
  p: Paragraph,
  at: number,
  paraText: string,
): { chrome: 'boilerplate' | 'caption' | null; rule?: string } {
  const chrome = chromeKind(paraText);
  if (chrome === 'caption' && at === 0 && isHeaderLead(text, p.start, paraText)) return { chrome: null, rule: PAGE_RULES.headerLead };
  if (chrome) return { chrome, rule: chrome === 'boilerplate' && isLinkLabel(paraText) ? PAGE_RULES.linkLabel : CHROME_RULE[chrome] };
  const date = dateLineDecision(paraText);
  if (date?.kind === 'boilerplate') return { chrome: 'boilerplate', rule: date.rule };
  if (creditEndsParagraph(paraText)) return { chrome: 'caption', rule: PAGE_RULES.creditEnd };
  if (isLinkLabel(paraText)) return { chrome: 'boilerplate', rule: PAGE_RULES.linkLabel };
  return date ? { chrome: null, rule: date.rule } : { chrome: null };
}

export function segment(doc: SourceDocument): SegmentedDocument {
  const text = typeof doc.text === 'string' ? doc.text : '';
  const from = Math.min(Math.max(0, doc.bodyStart | 0), text.length);
  const sentences: Sentence[] = [];
  let dateline: Dateline | undefined;
  let seenBody = false;

  const title = titleSentence(doc, text, from);
  // The title line may hold the headline and the whole lead: each of its sentences is body text.
  if (title) {
    for (const s of splitSentences(text, title.start, title.end)) {
      sentences.push({ index: sentences.length, paragraph: 0, text: text.slice(s.start, s.end), start: s.start, end: s.end, kind: 'body' });
    }
  }
  const shift = title ? 1 : 0;
  const paragraphs = splitParagraphs(text, from, text.length);
  const runs = headlineRuns(text, paragraphs);
  /** Paragraphs left in a link list opened by a bare label ("Related:"). */
  let linkListLeft = 0;
  paragraphs.forEach((p, at) => {
    const paragraph = at + shift;
    let start = p.start;
    const paraText = text.slice(p.start, p.end);
    const early = !seenBody && at < DATELINE_MAX_PARAGRAPH;
    // "BEIJING, Jan. 6 (Xinhua) --" after a quotation or a teaser that opened the body: the story proper starts
    // there, and its dateline frames the document (page.dateline.mid-text). Only a place with its day.
    const late = seenBody && !dateline && at < DATELINE_MAX_PARAGRAPH;

    if (early && !dateline && !p.markdownHeading) {
      const alone = matchStandaloneDateline(paraText);
      if (alone) {
        dateline = toDateline(alone, p.start, doc.published);
        sentences.push({ index: sentences.length, paragraph, text: paraText, start: p.start, end: p.end, kind: 'dateline' });
        return;
      }
    }
    const decided = paragraphChrome(text, p, at, paraText);
    let { chrome } = decided;
    let rule = decided.rule;
    if (!chrome && linkListLeft > 0 && isHeadlineLike(paraText)) {
      chrome = 'boilerplate';
      rule = PAGE_RULES.linkList;
      linkListLeft--;
    } else if (!chrome && seenBody && runs.has(at)) {
      chrome = 'boilerplate';
      rule = PAGE_RULES.headlineRun;
    } else {
      linkListLeft = chrome === 'boilerplate' && isBareLinkLabel(paraText) ? LINK_LIST_MAX_PARAGRAPHS : 0;
    }
    const heading = !chrome && looksLikeHeading(paraText, p.markdownHeading);
    if ((early || late) && !dateline && !chrome && !heading) {
      const lead = matchLeadingDateline(paraText);
      if (lead && lead.length < paraText.length && (early || (lead.place && lead.dayText))) {
        dateline = toDateline(lead, p.start, doc.published);
        if (late) dateline.rule = MID_TEXT_DATELINE_RULE;
        start = p.start + lead.length;
      }
    }
    for (const s of splitSentences(text, start, p.end)) {
      const sText = text.slice(s.start, s.end);
      // A sentence that is the whole paragraph has the paragraph's chromeKind (already computed).
      const whole = s.start === p.start && s.end === p.end;
      let kind = chrome ?? (whole ? sentenceKind(sText, heading, chrome) : sentenceKind(sText, heading));
      let sRule = rule;
      if (!whole && !chrome) {
        if (kind === 'boilerplate' || kind === 'caption') sRule = CHROME_RULE[kind];
        else if (kind === 'body') {
          const date = dateLineDecision(sText);
          if (date) {
            sRule = date.rule;
            if (date.kind === 'boilerplate') kind = 'boilerplate';
          }
        }
      }
      if (kind === 'body' && hasPositionMarker(sText)) {
        kind = 'caption';
        sRule = PAGE_RULES.positionMarker;
      }
      if (kind === 'body') seenBody = true;
      const sentence: Sentence = { index: sentences.length, paragraph, text: sText, start: s.start, end: s.end, kind };
      if (sRule) sentence.rule = sRule;
      sentences.push(sentence);
    }
  });
  return dateline ? { doc, sentences, dateline } : { doc, sentences };
}
