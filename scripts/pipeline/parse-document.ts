/**
 * Reads a document's header: the plain-text first line ` date YYYY-MM-DD Title`, or YAML
 * front matter (gray-matter) with `date:` and `title:`. Pure; never throws.
 */
import matter from 'gray-matter';
import type { ParsedDocument, RawDocument } from './types.ts';

const HEADER_LINE = /^\s*date\s+(\S+)[ \t]*(.*)$/i;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Publication days further ahead than this (relative to the build's clock-free reference) are rejected. */
export const LATEST_PLAUSIBLE_YEAR = 2100;
export const EARLIEST_PLAUSIBLE_YEAR = 1900;

/** Returns the day as YYYY-MM-DD when `value` is a real calendar day in a plausible range, else a reason. */
export function checkDay(value: unknown): { day: string } | { reason: string } {
  let s: string;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { reason: 'date is not a valid date' };
    s = value.toISOString().slice(0, 10);
  } else if (typeof value === 'string') {
    s = value.trim().slice(0, 10);
  } else if (value === undefined || value === null || value === '') {
    return { reason: 'no publication date (expected a first line " date YYYY-MM-DD Title" or front matter "date:")' };
  } else {
    return { reason: `publication date has an unexpected form: ${JSON.stringify(value).slice(0, 40)}` };
  }
  const m = ISO_DAY.exec(s);
  if (!m) return { reason: `publication date "${s.slice(0, 40)}" is not YYYY-MM-DD` };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) {
    return { reason: `publication date ${s} is not a real day` };
  }
  if (y < EARLIEST_PLAUSIBLE_YEAR || y > LATEST_PLAUSIBLE_YEAR) {
    return { reason: `publication date ${s} is outside ${EARLIEST_PLAUSIBLE_YEAR}-${LATEST_PLAUSIBLE_YEAR}` };
  }
  return { day: s };
}

function oneLine(s: unknown): string {
  return typeof s === 'string' ? s.replace(/\s+/g, ' ').trim().slice(0, 300) : '';
}

function isMarkdown(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}

export function parseDocument(raw: RawDocument): ParsedDocument {
  const base = { id: raw.id, path: raw.path, warnings: [...raw.warnings] };
  const skip = (reason: string, title = '', published = ''): ParsedDocument => ({
    ok: false,
    skipped: { ...base, title, published, reason },
  });
  if (raw.text === null) return skip(raw.readError ?? 'could not be read');
  const text = raw.text;
  if (text.trim() === '') return skip('empty document');

  // YAML front matter (Markdown files, or any file that starts with ---).
  if (/^---[ \t]*\r?\n/.test(text)) {
    let parsed: matter.GrayMatterFile<string>;
    try {
      // A fresh options object disables gray-matter's cache, which would otherwise keep every text in memory.
      parsed = matter(text, {});
    } catch (err) {
      const msg = (err as Error).message.split('\n')[0] ?? 'unknown error';
      return skip(`malformed YAML front matter: ${msg}`);
    }
    const data = parsed.data as Record<string, unknown>;
    const title = oneLine(data.title);
    const day = checkDay(data.date ?? data.published);
    if ('reason' in day) return skip(day.reason, title);
    const bodyStart = text.length - parsed.content.length;
    const warnings = [...base.warnings];
    if (!title) warnings.push('no title in front matter');
    return { ok: true, doc: { ...base, warnings, title: title || raw.id, published: day.day, text, bodyStart } };
  }

  // Plain text: first non-empty line " date YYYY-MM-DD Title".
  const firstBreak = text.search(/\r?\n|$/);
  const firstLine = text.slice(0, firstBreak);
  const m = HEADER_LINE.exec(firstLine);
  if (!m) {
    const hint = isMarkdown(raw.path) ? 'no front matter with a date' : 'first line is not " date YYYY-MM-DD Title"';
    return skip(`no publication date: ${hint}`);
  }
  const day = checkDay(m[1]);
  const title = oneLine(m[2]);
  if ('reason' in day) return skip(day.reason, title);
  const warnings = [...base.warnings];
  if (!title) warnings.push('no title on the date line');
  const nl = /\r?\n/.exec(text.slice(firstBreak));
  const bodyStart = nl ? firstBreak + nl[0].length : text.length;
  return { ok: true, doc: { ...base, warnings, title: title || raw.id, published: day.day, text, bodyStart } };
}
