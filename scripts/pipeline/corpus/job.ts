/**
 * One document's job, the same in the main thread and in a worker: read the file, look its report
 * up in the per-document cache (keyed by the extractor's version and the document's content),
 * else run the per-document stages and store the result. Optionally writes the report to a
 * reports folder (`extract --reports-dir`) for a later `--merge-reports`.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { reportDocument, type DocReport } from '../document-report.ts';
import { readRawDocument } from '../load.ts';
import { resolver } from '../run.ts';
import type { RawDocument } from '../types.ts';
import { reportFileName, type SavedReport, REPORT_FORMAT } from './saved-reports.ts';

export interface Job {
  /** Position in sorted path order. */
  index: number;
  /** Path relative to the input folder. */
  rel: string;
  /** The document's unique id (load.ts assignDocumentIds). */
  id: string;
  /** Warning that comes with a renamed duplicate id. */
  idWarning?: string;
}

export interface JobContext {
  dir: string;
  version: string;
  /** Folder of the per-document cache, or null for none. */
  cacheDir: string | null;
  /** Folder to write every report to, or null. */
  reportsDir: string | null;
  maxFileBytes?: number;
  /** Why a file is read only in part (the corpus cap), for its warning. */
  capReason?: string;
  /** Keep every decision on the events (`--explain`). The cache is off then: cached reports carry no traces. */
  trace?: boolean;
}

export interface JobResult {
  report: DocReport;
  cached: boolean;
  /** The document's cache key (content and extractor version), or null without a cache. */
  key?: string | null;
}

/** The cache key: extractor version + everything that goes into the per-document stages. */
export function cacheKey(raw: RawDocument, version: string): string {
  const h = createHash('sha256');
  h.update(`${version}\u0000`);
  h.update(JSON.stringify([raw.id, raw.path, raw.readError ?? null, raw.warnings]));
  h.update('\u0000');
  if (raw.text !== null) h.update(raw.text);
  return h.digest('hex');
}

function cachePath(cacheDir: string, key: string): string {
  return path.join(cacheDir, key.slice(0, 2), `${key}.json`);
}

/** Writes a file whole or not at all (a reader never sees half a report, even with several writers). */
export async function writeAtomic(file: string, text: string | Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}

async function readCached(file: string): Promise<DocReport | undefined> {
  try {
    const r = JSON.parse(await readFile(file, 'utf8')) as DocReport;
    return r && typeof r === 'object' && r.entry && Array.isArray(r.events) && Array.isArray(r.warnings) ? r : undefined;
  } catch {
    return undefined;
  }
}

/** The raw document of a job, as readCorpus makes it. */
export async function readJob(job: Job, ctx: JobContext): Promise<RawDocument> {
  const raw = await readRawDocument(ctx.dir, job.rel, {
    ...(ctx.maxFileBytes !== undefined ? { maxFileBytes: ctx.maxFileBytes } : {}),
    ...(ctx.capReason !== undefined ? { capReason: ctx.capReason } : {}),
  });
  raw.id = job.id;
  if (job.idWarning) raw.warnings.push(job.idWarning);
  return raw;
}

/** A document read and looked up in the cache: `cached` is its report when the cache had it. */
export interface Prepared {
  index: number;
  raw: RawDocument;
  /** Cache key, or null without a cache. */
  key: string | null;
  cached?: DocReport;
}

/**
 * Reads a job's file and looks its report up in `known` (a stub without events) or in the cache
 * (cheap: no extraction).
 */
export async function prepareJob(job: Job, ctx: JobContext, known?: (key: string) => DocReport | undefined): Promise<Prepared> {
  const raw = await readJob(job, ctx);
  if (ctx.cacheDir === null) return { index: job.index, raw, key: null };
  const key = cacheKey(raw, ctx.version);
  // A document the previous build's state already holds (build-state.ts): its report stays there.
  const cached = known?.(key) ?? (await readCached(cachePath(ctx.cacheDir, key)));
  return cached ? { index: job.index, raw, key, cached } : { index: job.index, raw, key };
}

/** Extracts a prepared document and stores its report in the cache (and the reports folder). */
export async function extractPrepared(p: Omit<Prepared, 'cached'>, ctx: JobContext, detach = true): Promise<DocReport> {
  let report = reportDocument(p.raw, resolver, { trace: ctx.trace === true });
  const text = ctx.cacheDir !== null && p.key !== null ? JSON.stringify(report) : undefined;
  // Sentences and titles are slices of the document's text, which V8 keeps whole while any slice
  // lives: a copy lets the raw text go (a worker's reply is a copy already).
  if (detach) report = text !== undefined ? (JSON.parse(text) as DocReport) : structuredClone(report);
  // A full disk or a read-only cache only costs speed.
  if (text !== undefined) await writeAtomic(cachePath(ctx.cacheDir!, p.key!), text).catch(() => undefined);
  if (ctx.reportsDir !== null) await saveReport(ctx.reportsDir, p.index, report, ctx.version);
  return report;
}

/** A whole job in this thread. */
export async function runJob(job: Job, ctx: JobContext): Promise<JobResult> {
  const p = await prepareJob(job, ctx);
  if (p.cached) {
    if (ctx.reportsDir !== null) await saveReport(ctx.reportsDir, job.index, p.cached, ctx.version);
    return { report: p.cached, cached: true, key: p.key };
  }
  return { report: await extractPrepared(p, ctx), cached: false, key: p.key };
}

export async function saveReport(reportsDir: string, index: number, report: DocReport, version: string): Promise<void> {
  const saved: SavedReport = { format: REPORT_FORMAT, extractor: version, index, report };
  await writeAtomic(path.join(reportsDir, reportFileName(report.entry.path)), `${JSON.stringify(saved)}\n`);
}
