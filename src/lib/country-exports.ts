/**
 * The static downloads of a country's events (/country/<iso>/events.csv|ics|json, and past
 * LIMITS.exportPart events the further parts /country/<iso>/events-N.csv|ics|json), oldest
 * first. Build-time only (reads the site model).
 */
import { countryName, exportParts, siteModel } from './data.ts';
import { toCSV, toICS, toJSON } from './export.ts';
import type { TimelineEvent } from './schema.ts';

export const EXPORT_FORMATS = ['csv', 'ics', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export interface ExportPart {
  iso: string;
  part: number;
  parts: number;
  events: TimelineEvent[];
}

const oldestFirst = (a: TimelineEvent, b: TimelineEvent): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Every export part of every country, computed once per build. */
export function countryExportParts(): ExportPart[] {
  const out: ExportPart[] = [];
  for (const entry of siteModel().countries.values()) {
    const parts = exportParts([...entry.events].sort(oldestFirst));
    for (const [part, events] of parts) out.push({ iso: entry.iso, part, parts: parts.length, events });
  }
  return out;
}

/** The body of one export file. */
export function exportBody(p: ExportPart, format: ExportFormat, siteUrl: string): string {
  const suffix = p.parts > 1 ? ` (part ${p.part} of ${p.parts})` : '';
  if (format === 'csv') return toCSV(p.events);
  if (format === 'ics') return toICS(p.events, { name: `${countryName(p.iso)}: Diplomatic Timeline${suffix}`, siteUrl });
  // Only the documents these events cite, looked up by id (not a scan of every document per file).
  const docs = siteModel().docs;
  const cited = [...new Set(p.events.flatMap((e) => e.sources.map((s) => s.document)))].sort();
  return toJSON(p.events, cited.flatMap((id) => docs.get(id) ?? []));
}
