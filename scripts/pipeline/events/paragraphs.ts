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

/** A block of at least WRAP_MIN_LINES lines this long and this even is hard-wrapped prose. */
const WRAP_MIN_LENGTH = 45;
const WRAP_MAX_SPREAD = 30;
const WRAP_MIN_LINES = 3;
/** A line ending in a comma or one of these words runs on into the next line. */
const RUNS_ON = /(?:,|\b(?:the|a|an|to|of|and|or|but|in|on|at|for|with|by|from|that|which|who|as|its|their|his|her|is|are|was|were|has|have|had|will|would|said|told|between|after|before|during|than|into|over|against|about))\s*$/iu;
const LINE_BREAK = /\r\n|\n|\r/g;
/** Ends with a closing mark (the lookbehind starts each run of marks once: linear on long runs). */
const ENDS_SENTENCE = /(?<![.!?…:;"”’')\]])[.!?…:;"”’')\]]+\s*$/u;
const STARTS_LOWER = /^\s*\p{Ll}/u;
const MARKDOWN_BLOCK = /^\s{0,3}(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|>|\||```|~~~|[-*_](?:\s*[-*_]){2,}\s*$)/;
const ATX_HEADING = /^\s{0,3}(#{1,6})\s+/;
/** A closing run of "#" after whitespace; the lookbehind makes each whitespace run one start (linear on long runs). */
const ATX_CLOSING = /(?<!\s)\s+#+\s*$/;
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

/**
 * Whether a block's lines are hard-wrapped prose: several lines, all but the last of
 * similar, sizeable length. Lines of a block that is not wrapped stand alone (headlines,
 * bylines, one paragraph per line) unless they clearly run on.
 */
function isWrapped(text: string, lines: readonly Line[]): boolean {
  if (lines.length < WRAP_MIN_LINES) return false;
  let min = Infinity;
  let max = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const l = lines[i]!;
    const n = text.slice(l.start, l.end).trim().length;
    if (n < min) min = n;
    if (n > max) max = n;
    if (min < WRAP_MIN_LENGTH || max - min > WRAP_MAX_SPREAD) return false;
  }
  return true;
}

/** Whether line `a` flows on into line `b` (soft wrap) rather than ending a paragraph. */
function joins(text: string, a: Line, b: Line, wrapped: boolean): boolean {
  const prev = text.slice(a.start, a.end);
  const next = text.slice(b.start, b.end);
  if (MARKDOWN_BLOCK.test(next) || ATX_HEADING.test(prev)) return false;
  if (ENDS_SENTENCE.test(prev)) return false;
  return wrapped || STARTS_LOWER.test(next) || RUNS_ON.test(prev);
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
  // Blocks of consecutive non-blank lines, to decide once per block whether it is hard-wrapped.
  const wrappedAt = new Set<number>();
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && !lines[j]!.blank) j++;
    if (j > i && isWrapped(text, lines.slice(i, j))) for (let k = i; k < j; k++) wrappedAt.add(k);
    i = j + 1;
  }
  let group: Line | null = null;
  const flush = () => {
    if (group) {
      const p = trimParagraph(text, group.start, group.end);
      if (p) out.push(p);
    }
    group = null;
  };
  let prev: Line | null = null;
  for (const [i, line] of lines.entries()) {
    if (line.blank) {
      flush();
      prev = null;
      continue;
    }
    if (group && prev && joins(text, prev, line, wrappedAt.has(i))) {
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
