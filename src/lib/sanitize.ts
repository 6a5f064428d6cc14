/**
 * Display-safe text. Untrusted articles and file names can carry characters that are invisible
 * or that reorder what a reader sees: bidirectional embeddings, overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069: "txt.exe" shown as "exe.txt"), marks (U+200E, U+200F, U+061C),
 * zero-width characters (U+200B-U+200D, U+2060-U+2064, U+FEFF, U+180E), the soft hyphen and
 * C0/C1 control codes. One module, used by the extraction pipeline (titles, document ids and
 * paths, the document text behind every sentence) and by the exports (src/lib/export.ts).
 *
 * Every pattern here is a single character class: linear on any input.
 */

/** Bidi controls and invisible format characters (not C0/C1 controls). */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** C0 and C1 control codes except tab, line feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Everything a one-line display string must not carry: the above plus line breaks and tabs. */
const LINE_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const TEST_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** True when `text` holds a bidi control, an invisible format character or a control code (tab, LF, CR allowed). */
export function hasUnsafeChars(text: string): boolean {
  return TEST_UNSAFE.test(text);
}

/**
 * Same length, same offsets: every bidi control, invisible character and control code
 * (tab, LF, CR kept) becomes a space. For the document text that sentences and offsets
 * are cut from, so `text.slice(start, end)` still gives back each sentence.
 */
export function neutralizeText(text: string): string {
  if (!hasUnsafeChars(text)) return text;
  return text.replace(INVISIBLE, ' ').replace(CONTROL, ' ');
}

/**
 * One display line: bidi controls and invisible characters removed (a zero-width joiner
 * between letters joins nothing a reader needs), control codes and line breaks turned into
 * spaces, runs of whitespace collapsed, ends trimmed.
 */
export function displayLine(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(LINE_UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Multi-line display text (an export's sentences): bidi controls and invisible characters
 * removed, other control codes turned into spaces, line breaks kept.
 */
export function displayText(text: string): string {
  return text.replace(INVISIBLE, '').replace(CONTROL, ' ');
}

/**
 * A file name or path shown to a reader: each bidi control, invisible character or control
 * code is shown as a visible "[U+XXXX]" marker instead of acting on the text around it, so
 * a name is neither reordered nor silently changed into another existing name.
 */
export function displayPath(text: string): string {
  return text.replace(LINE_UNSAFE, (ch) => `[U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}
