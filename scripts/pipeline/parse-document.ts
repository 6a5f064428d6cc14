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
 * YAML is read without YAML's timestamp type, so a date stays the text it was written as
 * (`2025-07-15T01:00:00+05:00` is July 15, `2025-02-30` is refused, never rolled over to March 2),
 * whatever the key's spelling (`date`, `"date"`, `Date`), through aliases (`*d`) and merge keys (`<<`).
 *
 * Displayed strings are made safe with src/lib/sanitize.ts: titles, source and author lose bidi
 * and invisible controls; the document text has them replaced by spaces (same offsets); a path
 * shows them as visible [U+XXXX] markers.
 */
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { displayLine, displayPath, neutralizeText } from '../../src/lib/sanitize.ts';
import chrome from '../data/title-chrome.json' with { type: 'json' };
import type { ParsedDocument, RawDocument, SourceDocument } from './types.ts';

export const LATEST_PLAUSIBLE_YEAR = 2100;
export const EARLIEST_PLAUSIBLE_YEAR = 1900;
/** A publication date this many days after the newest other document is flagged. */
export const FUTURE_WARNING_DAYS = 30;
/** Titles are cut to this many characters. */
export const MAX_TITLE_CHARS = 300;

/** ` date 2025-07-15 Title` (also `date: 2025-07-15 Title`), after optional blank lines and a BOM. */
const HEADER_LINE = /^[ \t\uFEFF]*date:?[ \t]+(\S+)[ \t]*/i;
/** An optional plain-text second line ` url https://...`. */
const URL_LINE = /^[ \t]*url:?[ \t]+(\S+)[ \t]*$/i;
/** A first line longer than this (after the date) is the lead paragraph, read as body text. */
export const LEAD_LINE_CHARS = 160;
/** ... or one with this many words, or one that ends a sentence and has at least LEAD_SENTENCE_WORDS words. */
const LEAD_LINE_WORDS = 18;
const LEAD_SENTENCE_WORDS = 6;
/** Longest accepted url, source and author values. */
const MAX_URL_CHARS = 2048;
const MAX_META_CHARS = 200;
/** Front matter must open with a bare `---` line (so `---js` front matter, which gray-matter would eval, is never parsed). */
const FRONT_MATTER_OPEN = /^\uFEFF?---[ \t]*(?:\r\n|\n|\r)/;
const LINE_BREAK = /\r\n|\n|\r/;
/** Front-matter keys that may hold the publication date, in order of preference (compared case-insensitively). */
const DATE_KEYS = ['date', 'published', 'pubdate', 'publishdate', 'published_at', 'publication_date'] as const;

/**
 * YAML without the timestamp type (dates stay text, judged by parseDayString) but with merge
 * keys. js-yaml shares aliased nodes rather than copying them, so an alias bomb stays small.
 */
const MERGE_KEY = new yaml.Type('tag:yaml.org,2002:merge', { kind: 'scalar', resolve: (d: unknown) => d === '<<' || d === null });
const YAML_SCHEMA = yaml.CORE_SCHEMA.extend({ implicit: [MERGE_KEY] });

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

/** One display line: bidi and invisible controls removed, control codes and whitespace collapsed, capped. */
export function cleanTitle(value: unknown, max = MAX_TITLE_CHARS): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number' && Number.isFinite(value)) s = String(value);
  else return '';
  s = displayLine(s);
  const chars = Array.from(s);
  return chars.length > max ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : s;
}

const CHROME_SEPARATORS = new Set(['|', '•', '·', '»', '›', ':', '-', '–', '—', '/']);
const CHROME = chrome.phrases.map((p) => ({ id: p.id, phrase: p.phrase.toLowerCase(), words: p.phrase.split(' ').length }));

function trimSeparators(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (s[a] === ' ' || CHROME_SEPARATORS.has(s[a]!))) a++;
  while (b > a && (s[b - 1] === ' ' || CHROME_SEPARATORS.has(s[b - 1]!))) b--;
  return s.slice(a, b);
}

/**
 * Removes page chrome ("All Sections", "Open Menu") from the start and end of a title (see
 * scripts/data/title-chrome.json); returns the rule ids that fired. A one-word phrase goes only
 * when a separator or nothing stands beside it, so "Home Office condemns ..." keeps "Home".
 */
export function stripTitleChrome(title: string): { title: string; rules: string[] } {
  let t = trimSeparators(title);
  const rules: string[] = [];
  for (let changed = true; changed && t !== ''; ) {
    changed = false;
    const lower = t.toLowerCase();
    for (const c of CHROME) {
      const n = c.phrase.length;
      if (lower.startsWith(c.phrase)) {
        const next = t[n];
        if (next === undefined || CHROME_SEPARATORS.has(next) || (next === ' ' && (c.words > 1 || CHROME_SEPARATORS.has(trimStartSpaces(t.slice(n))[0] ?? '')))) {
          t = trimSeparators(t.slice(n));
          rules.push(c.id);
          changed = true;
          break;
        }
      }
      if (lower.endsWith(c.phrase) && t.length > n) {
        const before = t[t.length - n - 1]!;
        const rest = t.slice(0, t.length - n).trimEnd();
        if (CHROME_SEPARATORS.has(before) || (before === ' ' && (c.words > 1 || CHROME_SEPARATORS.has(rest.at(-1) ?? '')))) {
          t = trimSeparators(rest);
          rules.push(c.id);
          changed = true;
          break;
        }
      }
    }
  }
  return { title: t, rules };
}

function trimStartSpaces(s: string): string {
  let i = 0;
  while (s[i] === ' ') i++;
  return s.slice(i);
}

const wordCount = (s: string): number => s.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** The first sentence of a stretch of text (at most `max` characters, cut at a word). */
function firstSentence(text: string, max = 200): string {
  const line = cleanTitle(text.slice(0, 4 * max), 4 * max);
  let end = -1;
  for (let i = 20; i < line.length - 1; i++) {
    const ch = line[i]!;
    if ((ch === '.' || ch === '!' || ch === '?') && line[i + 1] === ' ' && /\p{Lu}|["“‘'(]/u.test(line[i + 2] ?? '') && !/\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|U\.S|U\.K)$/.test(line.slice(Math.max(0, i - 4), i))) {
      end = i + 1;
      break;
    }
  }
  const sentence = end > 0 ? line.slice(0, end) : line;
  return cleanTitle(sentence, max);
}

/**
 * The title shown for a document: its own title with page chrome removed, or, when nothing
 * (or a single word) is left, the first sentence of the first body line that has a few words.
 */
function chooseTitle(raw: string, text: string, bodyStart: number): { title: string; warning?: string } {
  const cleaned = cleanTitle(raw);
  const { title, rules } = stripTitleChrome(cleaned);
  if (rules.length === 0) return { title: cleaned };
  if (wordCount(title) >= chrome.minWords) return { title, warning: `page chrome removed from the title (${rules.join(', ')})` };
  let at = bodyStart;
  for (let tries = 0; tries < 8 && at < text.length; tries++) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl < 0 ? text.length : nl);
    const candidate = firstSentence(line);
    if (wordCount(candidate) >= 3 && stripTitleChrome(candidate).rules.length === 0) {
      return { title: candidate, warning: `the title "${cleaned.slice(0, 60)}" is page chrome (${rules.join(', ')}); the first sentence is used` };
    }
    if (nl < 0) break;
    at = nl + 1;
  }
  return { title, warning: `the title "${cleaned.slice(0, 60)}" is page chrome (${rules.join(', ')})` };
}

/** An article address: http(s) only, no credentials, no spaces or controls, at most MAX_URL_CHARS. */
export function checkUrl(value: unknown): { url: string } | { reason: string } {
  if (typeof value !== 'string') return { reason: 'url is not text' };
  const s = value.trim();
  if (s.length > MAX_URL_CHARS) return { reason: `url is longer than ${MAX_URL_CHARS} characters` };
  if (/[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/.test(s)) return { reason: 'url contains spaces or control characters' };
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return { reason: 'url is not an absolute address' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { reason: `url must start with http:// or https:// (not ${u.protocol.slice(0, 20)})` };
  if (u.username || u.password) return { reason: 'url must not carry a user name or password' };
  return { url: u.href };
}

/** Source (outlet) or author: text, or a list of names joined with ", "; display-safe and capped. */
function metaText(value: unknown): string | undefined {
  const list = Array.isArray(value) ? value.slice(0, 20) : [value];
  const parts = list.map((v) => cleanTitle(v, MAX_META_CHARS)).filter((v) => v !== '');
  if (parts.length === 0) return undefined;
  return cleanTitle(parts.join(', '), MAX_META_CHARS);
}

function readMeta(data: Record<string, unknown>, warnings: string[]): Pick<SourceDocument, 'url' | 'source' | 'author'> {
  const out: Pick<SourceDocument, 'url' | 'source' | 'author'> = {};
  const url = data.url ?? data.link ?? data.canonical;
  if (url !== undefined && url !== null && url !== '') {
    const checked = checkUrl(url);
    if ('url' in checked) out.url = checked.url;
    else warnings.push(`${checked.reason}; the url is left out`);
  }
  const source = metaText(data.source ?? data.outlet ?? data.publisher);
  if (source) out.source = source;
  const author = metaText(data.author ?? data.authors ?? data.byline);
  if (author) out.author = author;
  return out;
}

const refuse = (kind: string) => () => {
  throw new Error(`${kind} front matter is not allowed (only YAML)`);
};
const GRAY_MATTER_OPTIONS = {
  language: 'yaml',
  engines: {
    yaml: (s: string): object => (yaml.load(s, { schema: YAML_SCHEMA }) ?? {}) as object,
    // Only YAML: the JavaScript engine would eval the front matter; JSON and others are refused too.
    javascript: refuse('JavaScript'),
    js: refuse('JavaScript'),
    json: refuse('JSON'),
    coffee: refuse('CoffeeScript'),
    toml: refuse('TOML'),
  },
};

/** The value of the first date key present, compared case-insensitively ("Date", "DATE", "pubDate"). */
function dateValue(data: Record<string, unknown>): unknown {
  const byLower = new Map<string, unknown>();
  for (const [k, v] of Object.entries(data)) {
    const key = k.trim().toLowerCase();
    if (!byLower.has(key) && v !== undefined && v !== null) byLower.set(key, v);
  }
  for (const key of DATE_KEYS) if (byLower.has(key)) return byLower.get(key);
  return undefined;
}

function parseFrontMatter(raw: RawDocument, text: string, base: Base): ParsedDocument {
  let parsed: matter.GrayMatterFile<string>;
  // gray-matter splits lines on "\n" only: lone CRs (old Mac line ends) become "\n" for it, which
  // keeps every offset (one character for one). Nothing after the opening "---" may choose a language.
  const forMatter = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  try {
    // Passing options disables gray-matter's cache, which would otherwise keep every text in memory.
    parsed = matter(forMatter, { ...GRAY_MATTER_OPTIONS });
  } catch (err) {
    const msg = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'unknown error';
    return skipped(base, `malformed YAML front matter: ${msg}`);
  }
  const data: Record<string, unknown> =
    typeof parsed.data === 'object' && parsed.data !== null && !Array.isArray(parsed.data) ? (parsed.data as Record<string, unknown>) : {};
  const warnings = [...base.warnings];
  const value = dateValue(data);
  const day = value === undefined ? { reason: NO_DATE } : checkDay(value);
  if ('reason' in day) return skipped(base, day.reason, cleanTitle(data.title));
  const bodyStart = text.length - parsed.content.length;
  if (parsed.content === '' && !/(?:\r\n|\n|\r)---/.test(text.slice(3))) {
    warnings.push('front matter is not closed by a "---" line; the document has no body');
  }
  const meta = readMeta(data, warnings);
  const chosen = chooseTitle(typeof data.title === 'string' || typeof data.title === 'number' ? String(data.title) : '', text, bodyStart);
  if (chosen.warning) warnings.push(chosen.warning);
  if (!chosen.title) warnings.push('no title in front matter; the file name is used');
  return { ok: true, doc: { ...base, warnings, title: chosen.title || base.id, published: day.day, text: neutralizeText(text), bodyStart, ...meta } };
}

type Base = { id: string; path: string; warnings: string[] };

function skipped(base: Base, reason: string, title = '', published = ''): ParsedDocument {
  return { ok: false, skipped: { ...base, title, published, reason } };
}

/** Words of a line, for the lead-paragraph test. */
function looksLikeLead(rest: string): boolean {
  const t = rest.trim();
  if (t.length > LEAD_LINE_CHARS) return true;
  const words = wordCount(t);
  if (words >= LEAD_LINE_WORDS) return true;
  return words >= LEAD_SENTENCE_WORDS && /[.!?][)"”’']*$/.test(t);
}

export function parseDocument(raw: RawDocument): ParsedDocument {
  // Ids and paths are shown on pages and in exports: never an empty id, never a bidi override.
  const id = displayLine(raw.id) || 'document';
  const base: Base = { id, path: displayPath(raw.path), warnings: [...raw.warnings] };
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
    const titleStart = lead + m[0].length;
    const titleText = text.slice(titleStart, headerEnd);
    const day = checkDay(m[1]);
    if ('reason' in day) return skipped(base, day.reason, cleanTitle(titleText));
    const warnings = [...base.warnings];
    let bodyStart = br ? headerEnd + br[0].length : text.length;
    // An optional second line " url https://...".
    let meta: Pick<SourceDocument, 'url'> = {};
    if (br) {
      const next = LINE_BREAK.exec(text.slice(bodyStart, bodyStart + MAX_URL_CHARS + 64));
      const second = text.slice(bodyStart, next ? bodyStart + next.index : Math.min(text.length, bodyStart + MAX_URL_CHARS + 64));
      const u = URL_LINE.exec(second);
      if (u) {
        const checked = checkUrl(u[1]);
        if ('url' in checked) meta = { url: checked.url };
        else warnings.push(`${checked.reason}; the url is left out`);
        bodyStart = next ? bodyStart + next.index + next[0].length : text.length;
      }
    }
    let title: string;
    if (looksLikeLead(titleText)) {
      // Stored pages often put the headline and the whole lead paragraph on the date line: it is
      // all body text (events in it are found, offsets unchanged); its first sentence is the title.
      title = firstSentence(titleText);
      if (!meta.url) bodyStart = titleStart;
      else {
        // The url line sits between the lead and the rest: the lead is still read, as its own paragraph.
        bodyStart = titleStart;
      }
    } else {
      const chosen = chooseTitle(titleText, text, bodyStart);
      title = chosen.title;
      if (chosen.warning) warnings.push(chosen.warning);
    }
    if (!title) warnings.push('no title on the date line; the file name is used');
    return { ok: true, doc: { ...base, warnings, title: title || base.id, published: day.day, text: neutralizeText(text), bodyStart, ...meta } };
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
