/**
 * Streams a corpus folder through the per-document stages: files are listed and given ids once,
 * then read and extracted concurrently (worker threads on every core, several reads in flight
 * per thread), each document's report looked up in or stored to the per-document cache. Reports
 * are collected in sorted path order, so the result is the same whatever the thread count or
 * timing; raw texts are dropped as soon as their document is reported, and at most `window`
 * documents are in flight, so memory holds the reports, not the corpus.
 */
import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DocReport } from '../document-report.ts';
import { reportDocument } from '../document-report.ts';
import { assignDocumentIds, checkInputDir, listArticleFiles, MAX_CORPUS_BYTES } from '../load.ts';
import { extractPrepared, prepareJob, runJob, saveReport, type Job, type JobContext, type JobResult } from './job.ts';
import { WorkerPool } from './pool.ts';
import { extractorVersion, ROOT } from './version.ts';

export const DEFAULT_CACHE_DIR = path.join(ROOT, 'node_modules/.cache/diplomatic-timeline/extract');

export interface CorpusProgress {
  done: number;
  total: number;
  bytes: number;
  fromCache: number;
}

export interface ExtractCorpusOptions {
  /** Worker threads; 1 runs everything in this thread. Default: every core. */
  threads?: number;
  /** Per-document cache folder, or null for none. Default: DEFAULT_CACHE_DIR. */
  cacheDir?: string | null;
  /** Write every document's report to this folder (for --merge-reports). */
  reportsDir?: string | null;
  /** Only the documents of shard `index` (1-based) of `count`, by position in sorted path order. */
  shard?: { index: number; count: number };
  maxFileBytes?: number;
  maxCorpusBytes?: number;
  /** Cache misses before worker threads start (default 64; 0 starts them at the first miss). */
  workerThreshold?: number;
  /** Keep every decision on the events (`--explain`); forces the cache off. */
  trace?: boolean;
  /**
   * Reports of documents the previous build's state holds, by cache key (build-state.ts): such a
   * document's report is this stub (no events), its cache file is not read. Not with reportsDir.
   */
  known?: (key: string) => DocReport | undefined;
  /**
   * The previous build's files by stat signature (`fileSignature`): a file whose signature is there
   * and whose key `known` holds is neither read nor hashed. Not with reportsDir.
   */
  fileKey?: (sig: string) => string | undefined;
  /** Files changed less than this many milliseconds ago get no signature (default 2,000; see RACY_MS). */
  racyMs?: number;
  onProgress?: (p: CorpusProgress) => void;
}

export interface ExtractCorpusResult {
  reports: DocReport[];
  /**
   * Each report's document cache key (content + extractor version), aligned with `reports`; null
   * without a cache. The merge's block cache names reports by them (merge-cache.ts).
   */
  keys: (string | null)[];
  /**
   * Each report's file signature (`fileSignature`), or null when it is not to be trusted (no
   * cache, a file changed in the last seconds, not a regular file, cut at the corpus cap).
   */
  sigs: (string | null)[];
  /** Warnings from listing the corpus (unreadable folders, symlink loops). */
  warnings: string[];
  stats: { documents: number; bytes: number; fromCache: number; extracted: number; threads: number; workersUsed: number; unread: number };
}

/** Documents missing from the cache before worker threads are started. */
const WORKER_THRESHOLD = 64;

export function defaultThreads(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * Files changed less than this long before the build are not given a signature (they are hashed
 * next time too): a same-size edit within the file system's timestamp granularity keeps the mtime.
 */
const RACY_MS = 2000;

/**
 * What decides a document's cache key besides its bytes (path, id, id warning, size cap), with the
 * file's size, mtime in nanoseconds, inode and change time: a file with the same signature is taken to have
 * the same content (`extract --verify` hashes every file instead).
 */
export function fileSignature(job: Job, maxFileBytes: number | undefined, st: { size: bigint; mtimeNs: bigint; ctimeNs: bigint; ino: bigint }): string {
  return JSON.stringify([job.rel, job.id, job.idWarning ?? null, maxFileBytes ?? null, `${st.size}`, `${st.mtimeNs}`, `${st.ctimeNs}`, `${st.ino}`]);
}

/** Throws only when `dir` itself cannot be read (as readCorpus does). */
export async function extractCorpus(dir: string, opts: ExtractCorpusOptions = {}): Promise<ExtractCorpusResult> {
  await checkInputDir(dir);
  const { files, warnings } = await listArticleFiles(dir);
  const { ids, warnings: idWarnings } = assignDocumentIds(files);
  let jobs: Job[] = files.map((rel, index) => ({ index, rel, id: ids[index]!, ...(idWarnings.has(index) ? { idWarning: idWarnings.get(index)! } : {}) }));
  if (opts.shard) {
    const { index, count } = opts.shard;
    jobs = jobs.filter((j) => j.index % count === index - 1);
  }
  const threads = Math.max(1, Math.min(opts.threads ?? defaultThreads(), Math.ceil(jobs.length / 8) || 1));
  const ctx: JobContext = {
    dir,
    version: extractorVersion(),
    cacheDir: opts.trace ? null : opts.cacheDir === undefined ? DEFAULT_CACHE_DIR : opts.cacheDir,
    reportsDir: opts.reportsDir ?? null,
    ...(opts.maxFileBytes !== undefined ? { maxFileBytes: opts.maxFileBytes } : {}),
    ...(opts.trace ? { trace: true } : {}),
  };
  const cap = opts.maxCorpusBytes ?? MAX_CORPUS_BYTES;
  // Workers start only once enough documents miss the cache to pay for their start-up (about a
  // second of CPU each): an incremental rebuild extracts its few new documents in this thread.
  let pool: WorkerPool | undefined;
  let misses = 0;
  let unread = 0;
  const before = BigInt(Date.now() - (opts.racyMs ?? RACY_MS)) * 1_000_000n;
  const bySignature = ctx.cacheDir !== null && ctx.reportsDir === null && opts.known !== undefined;
  /**
   * The files the previous build's state knows by signature, found in one synchronous pass before any
   * is read (a stat each, without a promise or a hop to the thread pool: 20,000 files in about a
   * tenth of the CPU time): their reports are the state's stubs. The others go through runOne.
   */
  const byState: (JobResult & { sig: string })[] = [];
  if (bySignature && opts.fileKey) {
    for (let at = 0; at < jobs.length; at++) {
      const job = jobs[at]!;
      let st;
      try {
        st = statSync(path.join(dir, job.rel), { bigint: true, throwIfNoEntry: false });
      } catch {
        continue;
      }
      if (!st?.isFile() || st.mtimeNs >= before || st.ctimeNs >= before) continue;
      const sig = fileSignature(job, ctx.maxFileBytes, st);
      const key = opts.fileKey(sig);
      const report = key !== undefined ? opts.known!(key) : undefined;
      if (report) byState[at] = { report, cached: true, key, sig };
    }
  }
  const runOne = async (job: Job): Promise<JobResult & { sig?: string | null }> => {
    // Stat before reading: a file changed after the stat has another signature next time.
    let sig: string | null = null;
    if (bySignature) {
      const st = await stat(path.join(dir, job.rel), { bigint: true }).catch(() => null);
      if (st?.isFile() && st.mtimeNs < before && st.ctimeNs < before) {
        sig = fileSignature(job, ctx.maxFileBytes, st);
        const key = opts.fileKey?.(sig);
        const report = key !== undefined ? opts.known!(key) : undefined;
        if (report) {
          unread++;
          return { report, cached: true, key, sig };
        }
      }
    }
    const p = await prepareJob(job, ctx, ctx.reportsDir === null ? opts.known : undefined);
    if (p.cached) {
      if (ctx.reportsDir !== null) await saveReport(ctx.reportsDir, job.index, p.cached, ctx.version);
      return { report: p.cached, cached: true, key: p.key, sig };
    }
    misses++;
    if (!pool && threads > 1 && misses > (opts.workerThreshold ?? WORKER_THRESHOLD)) pool = new WorkerPool(threads, ctx);
    if (pool && pool.size > 0) {
      try {
        return { report: await pool.run({ index: p.index, raw: p.raw, key: p.key }), cached: false, key: p.key, sig };
      } catch {
        // A dead worker: this thread does the job.
      }
    }
    return { report: await extractPrepared(p, ctx), cached: false, key: p.key, sig };
  };

  const reports: DocReport[] = new Array(jobs.length);
  const keys: (string | null)[] = new Array(jobs.length).fill(null);
  const sigs: (string | null)[] = new Array(jobs.length).fill(null);
  const results = new Map<number, (JobResult & { sig?: string | null }) | null>();
  const window = Math.max(16, threads * 8);
  let dispatched = 0;
  let emitted = 0;
  let total = 0;
  let fromCache = 0;
  let extracted = 0;
  const stats = { documents: jobs.length, bytes: 0, fromCache: 0, extracted: 0, threads, workersUsed: 0, unread: 0 };
  const capSkip = (job: Job): DocReport =>
    reportDocument(
      {
        id: job.id,
        path: job.rel,
        text: null,
        warnings: job.idWarning ? [job.idWarning] : [],
        readError: `not read: the corpus already reached its ${cap}-byte cap`,
      },
      () => {
        throw new Error('unreachable: a document that is not read is never extracted');
      },
    );
  const writes: Promise<void>[] = [];
  let recutting = false;
  let full = false;
  const cutAtCap = new Set<number>();

  try {
    await new Promise<void>((resolve, reject) => {
      const pump = (): void => {
        if (recutting) return;
        // Emit finished documents in order, applying the corpus cap as a one-by-one read would.
        while (results.has(emitted)) {
          const result = results.get(emitted)!;
          const job = jobs[emitted]!;
          if (!full && result !== null && total < cap && total + result.report.bytes > cap && !cutAtCap.has(emitted)) {
            // The file that meets the cap is read again, cut there like an over-long file (as
            // readCorpus does): the corpus never goes past its cap, and is full after it.
            const at = emitted;
            recutting = true;
            runJob(job, { ...ctx, cacheDir: null, maxFileBytes: cap - total, capReason: `the corpus reached its ${cap}-byte cap` }).then((cut) => {
              cutAtCap.add(at);
              results.set(at, cut);
              recutting = false;
              pump();
            }, reject);
            return;
          }
          results.delete(emitted);
          if (cutAtCap.has(emitted)) full = true;
          let report: DocReport;
          if (total >= cap || result === null || (full && !cutAtCap.has(emitted))) {
            report = capSkip(job);
            if (ctx.reportsDir !== null) writes.push(saveReport(ctx.reportsDir, job.index, report, ctx.version));
          } else {
            report = result.report;
            // A file cut at the corpus cap is not what its cache key names.
            if (!cutAtCap.has(emitted)) {
              keys[emitted] = result.key ?? null;
              sigs[emitted] = result.sig ?? null;
            }
            total += report.bytes;
            if (result.cached) fromCache++;
            else extracted++;
          }
          reports[emitted] = report;
          emitted++;
          opts.onProgress?.({ done: emitted, total: jobs.length, bytes: total, fromCache });
        }
        if (emitted === jobs.length) {
          resolve();
          return;
        }
        while (dispatched < jobs.length && dispatched - emitted < window) {
          const at = dispatched++;
          if (total >= cap || full) {
            results.set(at, null);
            continue;
          }
          const known = byState[at];
          if (known) {
            unread++;
            results.set(at, known);
            continue;
          }
          runOne(jobs[at]!).then((r) => {
            results.set(at, r);
            pump();
          }, reject);
        }
        if (results.has(emitted)) queueMicrotask(pump);
      };
      pump();
    });
    await Promise.all(writes);
  } finally {
    await pool?.close();
  }
  stats.bytes = total;
  stats.fromCache = fromCache;
  stats.extracted = extracted;
  stats.threads = pool ? threads : 1;
  stats.workersUsed = pool?.used ?? 0;
  stats.unread = unread;
  return { reports, keys, sigs, warnings, stats };
}

