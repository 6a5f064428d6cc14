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
import { splitParagraphs } from './events/paragraphs.ts';
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
  paragraphs.forEach((p, at) => {
    const paragraph = at + shift;
    let start = p.start;
    const paraText = text.slice(p.start, p.end);
    const early = !seenBody && at < DATELINE_MAX_PARAGRAPH;

    if (early && !dateline && !p.markdownHeading) {
      const alone = matchStandaloneDateline(paraText);
      if (alone) {
        dateline = toDateline(alone, p.start, doc.published);
        sentences.push({ index: sentences.length, paragraph, text: paraText, start: p.start, end: p.end, kind: 'dateline' });
        return;
      }
    }
    const chrome = chromeKind(paraText);
    const heading = !chrome && looksLikeHeading(paraText, p.markdownHeading);
    if (early && !dateline && !chrome && !heading) {
      const lead = matchLeadingDateline(paraText);
      if (lead && lead.length < paraText.length) {
        dateline = toDateline(lead, p.start, doc.published);
        start = p.start + lead.length;
      }
    }
    for (const s of splitSentences(text, start, p.end)) {
      const sText = text.slice(s.start, s.end);
      // A sentence that is the whole paragraph has the paragraph's chromeKind (already computed).
      const whole = s.start === p.start && s.end === p.end;
      const kind = chrome ?? (whole ? sentenceKind(sText, heading, chrome) : sentenceKind(sText, heading));
      if (kind === 'body') seenBody = true;
      sentences.push({ index: sentences.length, paragraph, text: sText, start: s.start, end: s.end, kind });
    }
  });
  return dateline ? { doc, sentences, dateline } : { doc, sentences };
}
