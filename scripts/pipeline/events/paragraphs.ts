/**
 * Splits a document body into paragraphs: blocks separated by blank lines, and, inside a
 * block, lines that stand on their own (short lines, lines ending a sentence, Markdown list
 * items and headings). Hard-wrapped prose lines are joined back into one paragraph.
 */

export interface Paragraph {
  /** Absolute offsets of the paragraph's text, trimmed, Markdown line markers removed. */
  start: number;
  end: number;
  /** True for a Markdown ATX heading (`## Title`). */
  markdownHeading: boolean;
}

interface Line {
  start: number;
  end: number;
  blank: boolean;
}

/** A line this long that does not end a sentence is taken as hard-wrapped prose. */
const WRAP_MIN_LENGTH = 50;
const LINE_BREAK = /\r\n|\n|\r/g;
const ENDS_SENTENCE = /[.!?…:;"”’')\]]\s*$/u;
const STARTS_LOWER = /^\s*\p{Ll}/u;
const MARKDOWN_BLOCK = /^\s{0,3}(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|>|\||```|~~~|[-*_](?:\s*[-*_]){2,}\s*$)/;
const ATX_HEADING = /^\s{0,3}(#{1,6})\s+/;
const ATX_CLOSING = /\s+#+\s*$/;
const LIST_MARKER = /^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+/;
const QUOTE_MARKER = /^\s{0,3}(?:>\s?)+/;

function splitLines(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  LINE_BREAK.lastIndex = from;
  let start = from;
  for (;;) {
    const m = LINE_BREAK.exec(text);
    const end = m && m.index < to ? m.index : to;
    lines.push({ start, end, blank: text.slice(start, end).trim() === '' });
    if (!m || m.index >= to) break;
    start = m.index + m[0].length;
  }
  return lines;
}

/** Whether line `a` flows on into line `b` (soft wrap) rather than ending a paragraph. */
function joins(text: string, a: Line, b: Line): boolean {
  const prev = text.slice(a.start, a.end);
  const next = text.slice(b.start, b.end);
  if (MARKDOWN_BLOCK.test(next) || ATX_HEADING.test(prev)) return false;
  if (ENDS_SENTENCE.test(prev)) return false;
  return STARTS_LOWER.test(next) || prev.trim().length >= WRAP_MIN_LENGTH;
}

/** Trims whitespace and Markdown line markers from [start, end). */
function trimParagraph(text: string, start: number, end: number): Paragraph | null {
  let s = start;
  let e = end;
  const head = text.slice(s, e);
  let markdownHeading = false;
  const atx = ATX_HEADING.exec(head);
  if (atx) {
    markdownHeading = true;
    s += atx[0].length;
    const closing = ATX_CLOSING.exec(text.slice(s, e));
    if (closing) e = s + closing.index;
  } else {
    const marker = QUOTE_MARKER.exec(head) ?? LIST_MARKER.exec(head);
    if (marker) s += marker[0].length;
  }
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return e > s ? { start: s, end: e, markdownHeading } : null;
}

/** Paragraphs of text[from, to), in order, with absolute offsets. */
export function splitParagraphs(text: string, from: number, to: number = text.length): Paragraph[] {
  const out: Paragraph[] = [];
  const lines = splitLines(text, from, to);
  let group: Line | null = null;
  const flush = () => {
    if (group) {
      const p = trimParagraph(text, group.start, group.end);
      if (p) out.push(p);
    }
    group = null;
  };
  let prev: Line | null = null;
  for (const line of lines) {
    if (line.blank) {
      flush();
      prev = null;
      continue;
    }
    if (group && prev && joins(text, prev, line)) {
      (group as Line).end = line.end;
    } else {
      flush();
      group = { ...line };
    }
    prev = line;
  }
  flush();
  return out;
}
