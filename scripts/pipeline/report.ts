/**
 * The build report: per document its status, events and warnings; totals; the curation
 * file's messages. `buildReport` makes the JSON object (written beside events.json as
 * build-report.json); `formatReport` the text printed at the end of `npm run build`.
 * Deterministic: no timestamps, documents in input order.
 */
import type { DocumentEntry } from '../../src/lib/schema.ts';

/** Counts keyed by document id: a Map, or an object (read with own keys only, so a document named "constructor" or "__proto__" is counted like any other). */
export type CountsById = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

function countOf(counts: CountsById | undefined, id: string): number | undefined {
  if (counts === undefined) return undefined;
  const v = counts instanceof Map ? counts.get(id) : Object.hasOwn(counts, id) ? (counts as Record<string, unknown>)[id] : undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * A document "yields far more events than its size suggests" (issue 12: one pasted page of
 * sentences naming 50 countries each made 10k events and gigabytes of pages) when it gives more
 * than MAX_EVENTS_PER_DOCUMENT events, or, its size known, more than MAX_EVENTS_PER_KB events
 * per 1,000 characters with at least MIN_EVENTS_FOR_DENSITY events. Real articles of the
 * development set give 1-40 events and under 3 per 1,000 characters.
 */
export const MAX_EVENTS_PER_DOCUMENT = 300;
export const MAX_EVENTS_PER_KB = 6;
export const MIN_EVENTS_FOR_DENSITY = 40;

/** The warning for a document whose event count is out of proportion, if it is. */
export function outputSizeWarning(events: number, chars?: number): string | undefined {
  if (events > MAX_EVENTS_PER_DOCUMENT) {
    return `yields ${events} events, far more than a news article (over ${MAX_EVENTS_PER_DOCUMENT}); check it is one article and not a pasted list or generated text, as it makes many pages and large exports`;
  }
  if (chars !== undefined && chars > 0 && events >= MIN_EVENTS_FOR_DENSITY) {
    const perKb = (events * 1000) / chars;
    if (perKb > MAX_EVENTS_PER_KB) {
      return `yields ${events} events from ${chars} characters (${perKb.toFixed(1)} per 1,000, over ${MAX_EVENTS_PER_KB}); check it is an article and not a generated list`;
    }
  }
  return undefined;
}

export interface ReportWarning {
  /** The document the warning is about, if any. */
  document?: string;
  message: string;
}

export interface ReportInput {
  documents: DocumentEntry[];
  /** Events extracted per document id, before merging. */
  eventsPerDocument: CountsById;
  /** Characters of each document's text, when known (for the output-size warning). */
  documentChars?: CountsById;
  warnings: ReportWarning[];
  /** Events on the timeline after merging, curation and validation. */
  mergedEvents: number;
  curationWarnings: string[];
  /** What the curation file changed, when there was one (applyCuration's summary). */
  curation?: { added: number; fixed: number; suppressed: number; merged?: number };
}

export interface DocumentReport {
  id: string;
  path: string;
  title: string;
  published: string;
  status: 'ok' | 'skipped';
  reason?: string;
  /** Events extracted from this document, before merging. */
  events: number;
  warnings: string[];
}

export interface BuildReport {
  documents: DocumentReport[];
  totals: {
    documents: number;
    ok: number;
    skipped: number;
    /** Reports of events found in all documents, before merging. */
    extractedEvents: number;
    /** Events on the timeline. */
    events: number;
    /** Warnings about documents and the run (curation not included). */
    warnings: number;
    curationWarnings: number;
  };
  /** Warnings not tied to a listed document (unreadable folders, invalid events). */
  warnings: string[];
  curationWarnings: string[];
  /** Corrections applied from the curation file, when there was one. */
  curation?: { added: number; fixed: number; suppressed: number; merged?: number };
}

export function buildReport(input: ReportInput): BuildReport {
  const byId = new Map<string, DocumentReport>();
  const documents: DocumentReport[] = input.documents.map((d) => {
    const entry: DocumentReport = {
      id: d.id,
      path: d.path,
      title: d.title,
      published: d.published,
      status: d.status,
      ...(d.reason !== undefined ? { reason: d.reason } : {}),
      events: d.status === 'ok' ? (countOf(input.eventsPerDocument, d.id) ?? 0) : 0,
      warnings: [],
    };
    // Two files with one id: the first one listed carries the id's warnings.
    if (!byId.has(d.id)) byId.set(d.id, entry);
    return entry;
  });
  const sizeWarnings: ReportWarning[] = [];
  for (const d of documents) {
    if (d.status !== 'ok' || byId.get(d.id) !== d) continue;
    const w = outputSizeWarning(d.events, countOf(input.documentChars, d.id));
    if (w) sizeWarnings.push({ document: d.id, message: w });
  }
  const allWarnings = [...input.warnings, ...sizeWarnings];
  const general: string[] = [];
  for (const w of allWarnings) {
    const doc = w.document !== undefined ? byId.get(w.document) : undefined;
    if (doc) doc.warnings.push(w.message);
    else general.push(w.document !== undefined ? `${w.document}: ${w.message}` : w.message);
  }
  const ok = documents.filter((d) => d.status === 'ok').length;
  const counts = input.eventsPerDocument instanceof Map ? [...input.eventsPerDocument.values()] : Object.values(input.eventsPerDocument);
  const extractedEvents = counts.reduce((a: number, n: unknown) => a + (typeof n === 'number' && Number.isFinite(n) ? n : 0), 0);
  return {
    documents,
    totals: {
      documents: documents.length,
      ok,
      skipped: documents.length - ok,
      extractedEvents,
      events: input.mergedEvents,
      warnings: allWarnings.length,
      curationWarnings: input.curationWarnings.length,
    },
    warnings: general,
    curationWarnings: [...input.curationWarnings],
    ...(input.curation ? { curation: { ...input.curation } } : {}),
  };
}

export interface FormatOptions {
  /** List every document, even ok ones without warnings (default: only when there are few). */
  all?: boolean;
  /** Up to this many quiet (ok, no warning) documents are listed one per line. */
  quietLimit?: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Plain-text report for the terminal. Documents with problems are always listed. */
export function formatReport(r: BuildReport, opts: FormatOptions = {}): string {
  const quietLimit = opts.quietLimit ?? 30;
  const lines: string[] = ['Build report'];
  const quiet = r.documents.filter((d) => d.status === 'ok' && d.warnings.length === 0);
  const listQuiet = opts.all === true || quiet.length <= quietLimit;
  const idWidth = Math.min(40, Math.max(8, ...r.documents.map((d) => d.id.length)));
  for (const d of r.documents) {
    const isQuiet = d.status === 'ok' && d.warnings.length === 0;
    if (isQuiet && !listQuiet) continue;
    const head = `  ${d.status === 'ok' ? 'ok     ' : 'SKIPPED'}  ${d.id.padEnd(idWidth)}  `;
    const body =
      d.status === 'ok'
        ? `${plural(d.events, 'event')}, ${plural(d.warnings.length, 'warning')}`
        : `skipped: ${d.reason ?? 'no reason given'}`;
    lines.push(head + body);
    for (const w of d.warnings) lines.push(`      warning: ${w}`);
  }
  if (!listQuiet) lines.push(`  ... and ${plural(quiet.length, 'more document')} ok without warnings`);
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  if (r.curation || r.curationWarnings.length) {
    const c = r.curation;
    const done = c ? `${c.added} added, ${c.fixed} fixed, ${c.suppressed} suppressed${c.merged ? `, ${c.merged} merged` : ''}; ` : '';
    lines.push(`Curation: ${done}${plural(r.curationWarnings.length, 'problem')}`);
    for (const w of r.curationWarnings) lines.push(`  - ${w}`);
  }
  const t = r.totals;
  lines.push(
    `Totals: ${plural(t.documents, 'document')} (${t.ok} ok, ${t.skipped} skipped); ` +
      `${plural(t.extractedEvents, 'event report')} extracted, ${plural(t.events, 'event')} on the timeline; ` +
      `${plural(t.warnings, 'warning')}${t.curationWarnings ? `, ${plural(t.curationWarnings, 'curation problem')}` : ''}.`,
  );
  return lines.join('\n') + '\n';
}
