/**
 * Reads a document's header: the plain-text first line ` date YYYY-MM-DD Title`, or YAML
 * front matter (gray-matter) with `date:` and `title:`. Pure; never throws.
 *
 * Publication-date rules (documented in docs/security.md, deterministic: the build machine's
 * clock is never read):
 *  - the date must be a real calendar day (2025-02-30 is rejected, not rolled over to March 2);
 *  - years before EARLIEST_PLAUSIBLE_YEAR or after LATEST_PLAUSIBLE_YEAR are rejected;
 *  - a date more than FUTURE_WARNING_DAYS after the newest other document gets a warning
 *    (futurePublicationWarnings, applied over the whole corpus).
 * A YAML date is read from its literal text (`2025-07-15T01:00:00+05:00` is July 15, as written),
 * never from the time-zone-shifted Date object js-yaml builds.
 */
import matter from 'gray-matter';
import type { ParsedDocument, RawDocument } from './types.ts';

export const LATEST_PLAUSIBLE_YEAR = 2100;
export const EARLIEST_PLAUSIBLE_YEAR = 1900;
/** A publication date this many days after the newest other document is flagged. */
export const FUTURE_WARNING_DAYS = 30;
/** Titles are cut to this many characters. */
export const MAX_TITLE_CHARS = 300;

/** ` date 2025-07-15 Title` (also `date: 2025-07-15 Title`), after optional blank lines and a BOM. */
const HEADER_LINE = /^[ \t\uFEFF]*date:?[ \t]+(\S+)[ \t]*([\s\S]*)$/i;
/** Front matter must open with a bare `---` line (so `---js` front matter, which gray-matter would eval, is never parsed). */
const FRONT_MATTER_OPEN = /^\uFEFF?---[ \t]*(?:\r\n|\n|\r)/;
const LINE_BREAK = /\r\n|\n|\r/;
/** Front-matter keys that may hold the publication date, in order of preference. */
const DATE_KEYS = ['date', 'published', 'pubDate', 'Date'] as const;

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** YYYY-MM-DD when y/m/d is a real day in the plausible range, else a reason. */
function realDay(y: number, mo: number, d: number, shown: string): { day: string } | { reason: string } {
  const dt = new Date(Date.UTC(y, mo - 1, d));
  dt.setUTCFullYear(y);
  if (mo < 1 || mo > 12 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) {
    return { reason: `publication date "${shown}" is not a real day` };
  }
  if (y < EARLIEST_PLAUSIBLE_YEAR || y > LATEST_PLAUSIBLE_YEAR) {
    return { reason: `publication date "${shown}" is outside the years ${EARLIEST_PLAUSIBLE_YEAR}-${LATEST_PLAUSIBLE_YEAR}` };
  }
  return { day: `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}` };
}

/**
 * Reads a publication date written as text: `2025-07-15` (optionally followed by a time),
 * `2025/07/15`, `2025.07.15`, `15 July 2025`, `July 15, 2025`, `Tue, 15 Jul 2025`.
 * Numeric day/month orders (07/15/2025, 15.07.2025) are ambiguous and rejected.
 */
export function parseDayString(value: string): { day: string } | { reason: string } {
  const s = value.trim();
  const shown = s.length > 40 ? `${s.slice(0, 40)}…` : s;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ]\d)/.exec(s) ?? /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s);
  if (m) return realDay(Number(m[1]), Number(m[2]), Number(m[3]), shown);
  const words = s.replace(/,/g, ' ').replace(/\s+/g, ' ').replace(/^[A-Za-z]+day /i, '').replace(/^(mon|tue|wed|thu|fri|sat|sun) /i, '');
  m = /^(\d{1,2}) ([A-Za-z]+)\.? (\d{4})$/.exec(words);
  if (m && MONTHS[m[2]!.toLowerCase()]) return realDay(Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1]), shown);
  m = /^([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/i.exec(words);
  if (m && MONTHS[m[1]!.toLowerCase()]) return realDay(Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2]), shown);
  return { reason: `publication date "${shown}" is not YYYY-MM-DD` };
}

/** Returns the day as YYYY-MM-DD when `value` is a real calendar day in a plausible range, else a reason. */
export function checkDay(value: unknown): { day: string } | { reason: string } {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { reason: 'publication date is not a valid date' };
    return realDay(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), value.toISOString().slice(0, 10));
  }
  if (typeof value === 'string') {
    if (value.trim() === '') return { reason: NO_DATE };
    return parseDayString(value);
  }
  if (value === undefined || value === null) return { reason: NO_DATE };
  // Never serialise the value: YAML aliases can make a tiny file expand to gigabytes ("billion laughs").
  const shown =
    typeof value === 'number' || typeof value === 'boolean' ? String(value).slice(0, 40) : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : typeof value;
  return { reason: `publication date has an unexpected form: ${shown}` };
}

const NO_DATE = 'no publication date (expected a first line " date YYYY-MM-DD Title" or front matter "date:")';

/** One display line: control and bidi-override characters removed, whitespace collapsed, capped. */
export function cleanTitle(value: unknown): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number' && Number.isFinite(value)) s = String(value);
  else return '';
  s = s
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(s);
  return chars.length > MAX_TITLE_CHARS ? `${chars.slice(0, MAX_TITLE_CHARS - 1).join('').trimEnd()}…` : s;
}

/** The literal scalar text of a top-level YAML key (`date: "2025-07-15" # x` -> 2025-07-15), if present. */
export function rawYamlScalar(yaml: string, key: string): string | undefined {
  const re = new RegExp(`^${key}[ \\t]*:[ \\t]*(.*)$`, 'm');
  const m = re.exec(yaml);
  if (!m) return undefined;
  let v = m[1]!.trim();
  const quoted = /^(['"])(.*)\1$/.exec(v);
  if (quoted) return quoted[2];
  v = v.replace(/[ \t]+#.*$/, '').trim();
  return v === '' ? undefined : v;
}

const GRAY_MATTER_OPTIONS = {
  // Only YAML: the JavaScript engine would eval the front matter.
  engines: {
    javascript: () => {
      throw new Error('JavaScript front matter is not allowed');
    },
    js: () => {
      throw new Error('JavaScript front matter is not allowed');
    },
  },
};

function parseFrontMatter(raw: RawDocument, text: string, base: Base): ParsedDocument {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options disables gray-matter's cache, which would otherwise keep every text in memory.
    parsed = matter(text, { ...GRAY_MATTER_OPTIONS });
  } catch (err) {
    const msg = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'unknown error';
    return skipped(base, `malformed YAML front matter: ${msg}`);
  }
  const data: Record<string, unknown> =
    typeof parsed.data === 'object' && parsed.data !== null && !Array.isArray(parsed.data) ? (parsed.data as Record<string, unknown>) : {};
  const title = cleanTitle(data.title);
  const warnings = [...base.warnings];
  let day: { day: string } | { reason: string } = { reason: NO_DATE };
  for (const key of DATE_KEYS) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    // js-yaml turns 2025-02-30 into March 2 and shifts offsets to UTC: judge the literal text instead.
    const literal = value instanceof Date ? rawYamlScalar(parsed.matter, key) : undefined;
    day = checkDay(literal ?? value);
    break;
  }
  if ('reason' in day) return skipped(base, day.reason, title);
  const bodyStart = text.length - parsed.content.length;
  if (parsed.content === '' && !/(?:\r\n|\n|\r)---/.test(text.slice(3))) {
    warnings.push('front matter is not closed by a "---" line; the document has no body');
  }
  if (!title) warnings.push('no title in front matter; the file name is used');
  return { ok: true, doc: { ...base, warnings, title: title || raw.id, published: day.day, text, bodyStart } };
}

type Base = { id: string; path: string; warnings: string[] };

function skipped(base: Base, reason: string, title = '', published = ''): ParsedDocument {
  return { ok: false, skipped: { ...base, title, published, reason } };
}

export function parseDocument(raw: RawDocument): ParsedDocument {
  const base: Base = { id: raw.id, path: raw.path, warnings: [...raw.warnings] };
  try {
    if (raw.text === null) return skipped(base, raw.readError ?? 'could not be read');
    const text = raw.text;
    if (text.replace(/\uFEFF/g, '').trim() === '') return skipped(base, 'empty document (no text)');

    if (FRONT_MATTER_OPEN.test(text)) return parseFrontMatter(raw, text, base);

    // Plain text: the first non-blank line is " date YYYY-MM-DD Title".
    const lead = /^(?:[ \t\uFEFF]*(?:\r\n|\n|\r))*/.exec(text)![0].length;
    const rest = text.slice(lead);
    const br = LINE_BREAK.exec(rest);
    const headerEnd = lead + (br ? br.index : rest.length);
    const firstLine = text.slice(lead, headerEnd);
    const m = HEADER_LINE.exec(firstLine);
    if (!m) {
      const hint = /\.(md|markdown)$/i.test(raw.path)
        ? 'no YAML front matter with "date:" and the first line is not " date YYYY-MM-DD Title"'
        : 'the first line is not " date YYYY-MM-DD Title"';
      return skipped(base, `no publication date: ${hint}`);
    }
    const title = cleanTitle(m[2]);
    const day = checkDay(m[1]);
    if ('reason' in day) return skipped(base, day.reason, title);
    const warnings = [...base.warnings];
    if (!title) warnings.push('no title on the date line; the file name is used');
    const bodyStart = br ? headerEnd + br[0].length : text.length;
    return { ok: true, doc: { ...base, warnings, title: title || raw.id, published: day.day, text, bodyStart } };
  } catch (err) {
    // Defensive: parsing must never sink the run.
    return skipped(base, `could not parse the header: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const DAY_MS = 86_400_000;

/**
 * Flags documents published more than `maxDaysAhead` days after the newest *other* document
 * of the corpus: a likely typo (2052 for 2025) that would stretch the timeline. Deterministic:
 * the reference is the corpus itself, never the clock. A corpus of one document gets no flag.
 */
export function futurePublicationWarnings(
  docs: readonly { id: string; published: string }[],
  maxDaysAhead = FUTURE_WARNING_DAYS,
): { document: string; message: string }[] {
  const dated = docs.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.published));
  if (dated.length < 2) return [];
  const sorted = [...dated].sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : 0));
  const newest = sorted[0]!.published;
  const second = sorted[1]!.published;
  const out: { document: string; message: string }[] = [];
  for (const d of dated) {
    const reference = d.published === newest ? second : newest;
    const ahead = Math.round((Date.parse(`${d.published}T00:00:00Z`) - Date.parse(`${reference}T00:00:00Z`)) / DAY_MS);
    if (ahead > maxDaysAhead) {
      out.push({
        document: d.id,
        message: `publication date ${d.published} is ${ahead} days after the newest other document (${reference}); check it is not a typo`,
      });
    }
  }
  return out;
}
