/**
 * Exports of events as CSV, JSON and iCalendar. Pure functions: no I/O, no clock,
 * no randomness, so the same events always give the same bytes. Usable in the
 * browser (export of the filtered view) and at build time.
 */
import { displayLine, displayPath, displayText } from './sanitize.ts';
import type { DocumentEntry, TimelineEvent } from './schema.ts';

/** The byte-order mark that tells Excel a CSV file is UTF-8 (without it, names are garbled). */
export const CSV_BOM = '\uFEFF';

// ---------------------------------------------------------------- CSV

/** Column order of the CSV export. */
export const CSV_COLUMNS = [
  'id',
  'date',
  'date_precision',
  'type',
  'title',
  'countries',
  'organizations',
  'actors',
  'location',
  'deadline',
  'documents',
  'sentences',
] as const;

/**
 * Characters that make a spreadsheet treat a cell as a formula (or that Excel strips
 * before looking for one), including their full-width forms.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One CSV cell: formula-like text (starting with =, +, -, @, tab or CR, also after
 * leading spaces) is neutralised with a leading apostrophe; cells with quotes,
 * commas, line breaks or a leading apostrophe are quoted with inner quotes doubled.
 */
export function csvCell(value: string): string {
  // Bidi overrides and invisible characters never reach a cell (they can disguise a formula or a name).
  let text = displayText(value);
  if (FORMULA_START.test(text) || FORMULA_START.test(text.trimStart())) text = `'${text}`;
  if (/[",\r\n]/.test(text) || text.startsWith("'") || text !== text.trim()) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

function actorLabel(a: TimelineEvent['actors'][number]): string {
  const extra = [a.role, a.country].filter((x): x is string => Boolean(x)).join(', ');
  return extra ? `${a.name} (${extra})` : a.name;
}

const uniq = (xs: readonly string[]): string[] => [...new Set(xs)];

/** Events as RFC 4180 CSV (UTF-8 byte-order mark, CRLF line ends, header row), safe to open in a spreadsheet. */
export function toCSV(events: readonly TimelineEvent[]): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const ev of events) {
    rows.push([
      ev.id,
      ev.date,
      ev.datePrecision,
      ev.type,
      ev.title,
      ev.countries.join('; '),
      ev.organizations.join('; '),
      ev.actors.map(actorLabel).join('; '),
      ev.location ?? '',
      ev.deadline ?? '',
      uniq(ev.sources.map((s) => displayPath(s.document))).join('; '),
      ev.sources.map((s) => displayLine(s.sentence)).join('\n'),
    ]);
  }
  return CSV_BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------- JSON

/**
 * Events as pretty-printed JSON in the events-file shape. When `documents` is
 * given, the documents the events cite are included, so the result validates
 * against EventsFileSchema; otherwise only `schemaVersion` and `events`.
 */
export function toJSON(events: readonly TimelineEvent[], documents?: readonly DocumentEntry[]): string {
  if (!documents) return `${JSON.stringify({ schemaVersion: 1, events }, null, 2)}\n`;
  const cited = new Set(events.flatMap((ev) => ev.sources.map((s) => s.document)));
  const docs = documents.filter((d) => cited.has(d.id));
  return `${JSON.stringify({ schemaVersion: 1, documents: docs, events }, null, 2)}\n`;
}

// ---------------------------------------------------------------- iCalendar

export interface IcsOptions {
  /** Calendar name (X-WR-CALNAME). */
  name?: string;
  /** Absolute URL of the site root ("https://host/base/"); adds a URL line to each event. */
  siteUrl?: string;
  /** Domain part of the UIDs. */
  uidDomain?: string;
}

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, newline; drops other controls. */
export function icsEscape(text: string): string {
  const plain = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
  return displayText(plain)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
export function icsFold(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // continuation lines start with one space
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDay = (iso: string): string => iso.replace(/-/g, '');

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A stable DTSTAMP: the latest publication day among the sources, else the event day. */
function stamp(ev: TimelineEvent): string {
  const days = ev.sources.map((s) => s.published).filter((d): d is string => Boolean(d));
  const latest = days.sort().at(-1) ?? ev.date;
  return `${compactDay(latest)}T000000Z`;
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function describe(ev: TimelineEvent): string {
  const lines: string[] = [];
  if (ev.datePrecision === 'approximate') lines.push('Date is approximate.');
  if (ev.countries.length) lines.push(`Countries: ${ev.countries.join(', ')}`);
  if (ev.organizations.length) lines.push(`Organizations: ${ev.organizations.join(', ')}`);
  if (ev.actors.length) lines.push(`Actors: ${ev.actors.map(actorLabel).join('; ')}`);
  if (ev.deadline) lines.push(`Deadline: ${ev.deadline}`);
  for (const s of ev.sources) lines.push('', `“${displayLine(s.sentence)}” (${displayPath(s.document)})`);
  return lines.join('\n');
}

/** UID-safe form of an event id (printable ASCII without spaces, CR or LF). */
const uidPart = (id: string): string => encodeURIComponent(id);

/**
 * Events as an iCalendar file of all-day VEVENTs (CRLF, folded, escaped). Every
 * value derives from the events, so two builds of the same data are identical.
 */
export function toICS(events: readonly TimelineEvent[], opts: IcsOptions = {}): string {
  const name = opts.name ?? 'Diplomatic Timeline';
  const domain = opts.uidDomain ?? 'diplomatic-timeline';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Diplomatic Timeline//Events export//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsEscape(name)}`,
  ];
  for (const ev of events) {
    const prefix = ev.datePrecision === 'approximate' ? '(approx.) ' : '';
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uidPart(ev.id)}@${domain}`,
      `DTSTAMP:${stamp(ev)}`,
      `DTSTART;VALUE=DATE:${compactDay(ev.date)}`,
      `DTEND;VALUE=DATE:${compactDay(nextDay(ev.date))}`,
      `SUMMARY:${icsEscape(`${prefix}${ev.title}`)}`,
      `DESCRIPTION:${icsEscape(describe(ev))}`,
      `CATEGORIES:${icsEscape(capitalize(ev.type))}`,
    );
    if (ev.location) lines.push(`LOCATION:${icsEscape(ev.location)}`);
    if (opts.siteUrl) {
      const base = opts.siteUrl.endsWith('/') ? opts.siteUrl : `${opts.siteUrl}/`;
      lines.push(`URL:${new URL(`event/${encodeURIComponent(ev.id)}/`, base).href}`);
    }
    lines.push(`STATUS:${ev.datePrecision === 'approximate' ? 'TENTATIVE' : 'CONFIRMED'}`, 'TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(icsFold).join('\r\n') + '\r\n';
}
