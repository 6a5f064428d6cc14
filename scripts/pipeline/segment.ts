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

export function segment(doc: SourceDocument): SegmentedDocument {
  const text = typeof doc.text === 'string' ? doc.text : '';
  const from = Math.min(Math.max(0, doc.bodyStart | 0), text.length);
  const sentences: Sentence[] = [];
  let dateline: Dateline | undefined;
  let seenBody = false;

  const paragraphs = splitParagraphs(text, from, text.length);
  paragraphs.forEach((p, paragraph) => {
    let start = p.start;
    const paraText = text.slice(p.start, p.end);
    const early = !seenBody && paragraph < DATELINE_MAX_PARAGRAPH;

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
      const kind = chrome ?? sentenceKind(sText, heading);
      if (kind === 'body') seenBody = true;
      sentences.push({ index: sentences.length, paragraph, text: sText, start: s.start, end: s.end, kind });
    }
  });
  return dateline ? { doc, sentences, dateline } : { doc, sentences };
}
