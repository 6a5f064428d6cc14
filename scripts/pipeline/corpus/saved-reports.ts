/**
 * Per-document reports saved by `extract --reports-dir` and merged by `extract --merge-reports`:
 * a corpus split across machines (each running `extract --shard K/N --reports-dir ...`) is merged
 * once, with the same result as one run over the whole corpus.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { DocReport } from '../document-report.ts';
import { cmp } from '../ids.ts';

export const REPORT_FORMAT = 'diplomatic-timeline/document-report@1';

export interface SavedReport {
  format: typeof REPORT_FORMAT;
  /** extractorVersion() of the run that wrote it. */
  extractor: string;
  /** Position of the document in the sorted path order of the run that wrote it. */
  index: number;
  report: DocReport;
}

/** A file name per document path: readable, and unique by a hash of the whole path. */
export function reportFileName(docPath: string): string {
  const base = (docPath.split('/').pop() ?? docPath).replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);
  return `${base}.${createHash('sha256').update(docPath).digest('hex').slice(0, 12)}.json`;
}

function isReport(x: unknown): x is SavedReport {
  if (!x || typeof x !== 'object') return false;
  const s = x as Partial<SavedReport>;
  const r = s.report as Partial<DocReport> | undefined;
  return (
    s.format === REPORT_FORMAT &&
    typeof s.extractor === 'string' &&
    !!r &&
    typeof r === 'object' &&
    !!r.entry &&
    typeof r.entry.id === 'string' &&
    typeof r.entry.path === 'string' &&
    Array.isArray(r.events) &&
    Array.isArray(r.warnings)
  );
}

/**
 * Reads every saved report under `dir` (recursively: one folder per machine is fine), in the
 * documents' sorted path order. Unreadable or foreign files become warnings; reports of other
 * extractor versions are used, with a warning.
 */
export async function readSavedReports(dir: string, version: string): Promise<{ reports: DocReport[]; warnings: string[] }> {
  const warnings: string[] = [];
  const files: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(child);
      else if (e.isFile() && e.name.endsWith('.json')) files.push(child);
    }
  };
  await walk('');
  files.sort(cmp);
  const saved: SavedReport[] = [];
  const versions = new Map<string, number>();
  const queue = [...files];
  const worker = async () => {
    for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
      try {
        const json: unknown = JSON.parse(await readFile(path.join(dir, f), 'utf8'));
        if (!isReport(json)) {
          warnings.push(`${f}: not a document report, ignored`);
          continue;
        }
        saved.push(json);
        versions.set(json.extractor, (versions.get(json.extractor) ?? 0) + 1);
      } catch (err) {
        warnings.push(`${f}: cannot read report (${(err as Error).message}), ignored`);
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  warnings.sort(cmp);
  for (const [v, n] of [...versions].sort((a, b) => cmp(a[0], b[0]))) {
    if (v !== version) warnings.push(`${n} report(s) were made by another extractor version (${v}, this one is ${version}); re-extract them for consistent results`);
  }
  // The order one run over the whole corpus uses: sorted path; a path reported twice keeps one.
  saved.sort((a, b) => cmp(a.report.entry.path, b.report.entry.path) || cmp(a.report.entry.id, b.report.entry.id));
  const reports: DocReport[] = [];
  for (const s of saved) {
    const last = reports[reports.length - 1];
    if (last && last.entry.path === s.report.entry.path) {
      warnings.push(`${s.report.entry.path}: reported more than once; one report kept`);
      continue;
    }
    reports.push(s.report);
  }
  return { reports, warnings };
}
