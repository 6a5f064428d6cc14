/**
 * CLI: npm run extract -- --input <dir> --output <file.json> [options]   (see USAGE)
 * The I/O edge of the pipeline (see CONTRACT.md). Exit 0 when the run finished (skipped
 * documents included); exit 2 with a one-line reason when it cannot run at all.
 *
 * Documents are read and extracted on every core (worker threads), each one's report cached by
 * content and extractor version, then merged once (scripts/pipeline/corpus/); the merge's
 * independent blocks keep their clusters in the same cache folder (corpus/merge-cache.ts). A corpus can also be
 * extracted in shards anywhere (--shard K/N --reports-dir DIR) and merged later (--merge-reports DIR).
 */
// First: V8 settings that must hold before any of the pipeline's regexes runs.
import './pipeline/corpus/v8-flags.ts';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_CACHE_DIR, defaultThreads, extractCorpus, type CorpusProgress } from './pipeline/corpus/extract-corpus.ts';
import { readSavedReports } from './pipeline/corpus/saved-reports.ts';
import { extractorVersion } from './pipeline/corpus/version.ts';
import { FileMergeCache } from './pipeline/corpus/merge-cache.ts';
import { BuildState, incrementalFinish, registryDigest } from './pipeline/corpus/build-state.ts';
import { lockBuildState } from './pipeline/corpus/state-lock.ts';
import { writeAtomic } from './pipeline/corpus/job.ts';
import { writeEventsFile } from './pipeline/corpus/write-json.ts';
import type { DocReport } from './pipeline/document-report.ts';
import { emptyRegistry, formatRegistry, parseRegistry, REGISTRY_FILE, RegistryText, type Registry } from './pipeline/id-registry.ts';
import { formatReport } from './pipeline/report.ts';
import { formatTrace, type TraceStep } from './pipeline/trace.ts';
import type { EventsFile } from '../src/lib/schema.ts';
import { finishPipeline, publishMerged } from './pipeline/run.ts';

const USAGE = `usage: npm run extract -- --input <dir> --output <file.json> [options]
       npm run extract -- --merge-reports <dir> --output <file.json> [options]
  --report <file.json>      build report (default: build-report.json beside the output)
  --curation <file.yaml>    corrections (default: <input>/curation.yaml when present)
  --threads <n>             worker threads (default: every core, ${defaultThreads()} here; 1 = this thread only)
  --cache <dir>             per-document cache and the merge's block cache (default:
                            node_modules/.cache/diplomatic-timeline/extract)
  --no-cache                extract every document afresh
  --no-build-state          merge every report afresh (from the per-document and block caches), not from
                            the previous build's state (for comparisons; the output is the same)
  --verify                  read and hash every file (by default a file whose size, mtime, ctime and
                            inode are those of the previous build is taken as unchanged)
  --reports-dir <dir>       also write one report per document there (--output becomes optional)
  --shard <k>/<n>           only the k-th of n shares of the documents (with --reports-dir)
  --merge-reports <dir>     merge saved reports instead of reading --input
  --id-registry <file>      published ids (default: <input>/${REGISTRY_FILE} when present)
  --no-id-registry          ids from content only; no aliases
  --update-id-registry      write the registry after the build (npm run build does)
  --explain <event id>      also print that event's trace: every decision and the rule id that made it
                            (the output then carries every event's \`trace\`; the cache is not used)
  --quiet                   no report, no progress`;

/** The options; parsed with node:util parseArgs. Add new ones here. */
const OPTIONS = {
  input: { type: 'string' },
  output: { type: 'string' },
  report: { type: 'string' },
  curation: { type: 'string' },
  threads: { type: 'string' },
  cache: { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
  verify: { type: 'boolean', default: false },
  'no-build-state': { type: 'boolean', default: false },
  'reports-dir': { type: 'string' },
  shard: { type: 'string' },
  'merge-reports': { type: 'string' },
  'id-registry': { type: 'string' },
  'no-id-registry': { type: 'boolean', default: false },
  'update-id-registry': { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  explain: { type: 'string' },
  help: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true }>>['values'];

/** With EXTRACT_TIMINGS=1, the wall time of each phase on stderr (for profiling). */
let phaseStart = 0;
let phaseCpu = 0;
function timing(phase: string): void {
  if (process.env.EXTRACT_TIMINGS !== '1') return;
  const now = performance.now();
  const mem = process.memoryUsage();
  const u = process.cpuUsage();
  const cpu = (u.user + u.system) / 1e6;
  const mb = (n: number) => `${Math.round(n / 1048576)} MiB`;
  process.stderr.write(`extract: timing: ${phase} ${((now - phaseStart) / 1000).toFixed(2)} s (CPU ${(cpu - phaseCpu).toFixed(2)} s, heap ${mb(mem.heapUsed)}, rss ${mb(mem.rss)})\n`);
  phaseStart = now;
  phaseCpu = cpu;
}

function die(message: string): never {
  process.stderr.write(`extract: ${message}\n`);
  process.exit(2);
}

const code = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

function parseThreads(v: string | undefined): number {
  if (v === undefined) return defaultThreads();
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 256) die(`--threads must be a whole number from 1 to 256, got "${v}"`);
  return n;
}

function parseShard(v: string | undefined): { index: number; count: number } | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(v);
  const index = m ? Number(m[1]) : 0;
  const count = m ? Number(m[2]) : 0;
  if (!m || count < 1 || index < 1 || index > count) die(`--shard must be K/N with 1 <= K <= N, got "${v}"`);
  return { index, count };
}

/** Progress on stderr: on a terminal at most a line a second; elsewhere only the final summary. */
function progressPrinter(quiet: boolean): { onProgress?: (p: CorpusProgress) => void; finish: (p: CorpusProgress, sec: number, threads: number) => void } {
  const tty = process.stderr.isTTY === true;
  let last = performance.now();
  const line = (p: CorpusProgress) =>
    `extract: ${p.done}/${p.total} documents, ${(p.bytes / 1e6).toFixed(1)} MB${p.fromCache ? `, ${p.fromCache} from cache` : ''}`;
  return {
    ...(!quiet && tty
      ? {
          onProgress: (p: CorpusProgress) => {
            const now = performance.now();
            if (now - last >= 1000 && p.done < p.total) {
              last = now;
              process.stderr.write(`${line(p)}\n`);
            }
          },
        }
      : {}),
    finish: (p, sec, threads) => {
      if (quiet) return;
      process.stderr.write(`${line(p)} in ${sec.toFixed(1)} s on ${threads} thread${threads === 1 ? '' : 's'}\n`);
    },
  };
}

/**
 * The id registry read. `registry` parses the file on first use: a file the build state knows a build
 * wrote (formatRegistry's text) is kept as its text (`text`), whose entries the state's publish looks
 * up one by one, and is parsed whole only when something needs the registry itself.
 */
interface LoadedRegistry {
  file?: string;
  registry?: Registry;
  text?: RegistryText;
  warning?: string;
  digest?: string;
  bytes?: Buffer;
}

/** Whether there is a registry (without parsing a text kept as such). */
const hasRegistry = (reg: LoadedRegistry): boolean => reg.text !== undefined || reg.registry !== undefined;

async function loadRegistry(values: Values, input: string | undefined, trusted: (digest: string) => boolean): Promise<LoadedRegistry> {
  if (values['no-id-registry']) return {};
  const explicit = values['id-registry'];
  const file = explicit ? path.resolve(explicit) : input ? path.join(input, REGISTRY_FILE) : undefined;
  if (!file) return {};
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    if (code(err) === 'ENOENT') return { file, registry: emptyRegistry() };
    die(`cannot read id registry ${file}: ${code(err)}`);
  }
  // (The hash of the bytes read: the build state matches incrementally against a registry it knows.)
  const digest = registryDigest(bytes);
  const text = trusted(digest) ? RegistryText.of(bytes) : undefined;
  if (text) {
    return {
      file,
      text,
      digest,
      bytes,
      get registry() {
        return text.registry();
      },
    };
  }
  const parsed = parseRegistry(bytes.toString('utf8'), path.relative(process.cwd(), file) || file, trusted(digest));
  return { file, registry: parsed.registry, ...(parsed.warning ? { warning: parsed.warning } : { digest, bytes }) };
}

/**
 * --update-id-registry: the registry after this build, written only when its text changed. Returns
 * the hash (registryDigest) of the text written, when it wrote one.
 */
async function writeRegistry(
  values: Values,
  reg: LoadedRegistry,
  next: Registry | (() => Registry) | undefined,
  patched?: (prev: Buffer) => Buffer | 'same' | undefined,
): Promise<string | undefined> {
  if (!values['update-id-registry'] || !reg.file || !next || !hasRegistry(reg)) return undefined;
  // From the build state: the text read patched where it changed (or the same text), when the state
  // knows it to be formatRegistry's; else the whole registry formatted.
  const patch = reg.bytes && patched ? patched(reg.bytes) : undefined;
  if (patch === 'same') return undefined;
  const registry = patch === undefined ? (typeof next === 'function' ? next() : next) : undefined;
  const text = patch ?? formatRegistry(registry!);
  // A new generation is a new text (the generation is in it): the old file is not read to compare.
  const before = patch !== undefined || registry!.generation !== (reg.text?.generation ?? reg.registry!.generation) ? undefined : await readFile(reg.file, 'utf8').catch(() => '');
  if (text === before) return undefined;
  try {
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    await writeAtomic(reg.file, bytes);
    return registryDigest(bytes);
  } catch (err) {
    process.stderr.write(`extract: warning: cannot write id registry ${reg.file}: ${code(err)}\n`);
    return undefined;
  }
}

async function main(): Promise<void> {
  let values: Values;
  try {
    ({ values } = parseArgs({ options: OPTIONS, strict: true }));
  } catch (err) {
    die(`${(err as Error).message}; see --help`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  timing('start-up (node, tsx or the bundle, imports)');
  const merging = values['merge-reports'] !== undefined;
  if (merging && values.input) die('--input and --merge-reports cannot be used together');
  if (!merging && !values.input) die(`--input is required; see --help`);
  if (!values.output && !values['reports-dir']) die('--output is required (or --reports-dir); see --help');
  const shard = parseShard(values.shard);
  if (shard && values.output) die('--shard writes only part of the documents: use it with --reports-dir, without --output');
  const threads = parseThreads(values.threads);
  const input = values.input ? path.resolve(values.input) : undefined;
  const output = values.output ? path.resolve(values.output) : undefined;
  const started = performance.now();
  const progress = progressPrinter(values.quiet);

  // 1. Per-document reports: from the corpus (threads, cache) or from saved reports.
  let reports: DocReport[];
  let corpusWarnings: string[];
  let usedThreads = 1;
  let fromCache = 0;
  let bytes = 0;
  let reportKeys: (string | null)[] | undefined;
  let sigs: (string | null)[] | undefined;
  let unread = 0;
  const cacheDir = values['no-cache'] ? null : values.cache ? path.resolve(values.cache) : DEFAULT_CACHE_DIR;
  // Builds of a corpus folder into an events file (not traced) keep their state in one file of the
  // cache folder (corpus/build-state.ts): a rebuild reads the reports of unchanged documents from
  // there and merges again only what new or removed documents can touch; published ids and
  // curation are then applied to the merged events as finishPipeline does (run.ts, publishMerged).
  const stateful =
    !merging &&
    cacheDir !== null &&
    output !== undefined &&
    !shard &&
    !values['reports-dir'] &&
    values.explain === undefined &&
    !values['no-build-state'];
  // Curation and published ids (read only when an events file is written).
  const reportPath = path.resolve(values.report ?? path.join(path.dirname(output ?? '.'), 'build-report.json'));
  const curationPath = values.curation ? path.resolve(values.curation) : input ? path.join(input, 'curation.yaml') : undefined;
  let curation: { path: string; text: string } | undefined;
  if (output && curationPath && (values.curation || existsSync(curationPath))) {
    try {
      curation = { path: path.relative(process.cwd(), curationPath) || curationPath, text: await readFile(curationPath, 'utf8') };
    } catch (err) {
      die(`cannot read curation file ${curationPath}: ${code(err)}`);
    }
  }
  // One build at a time uses the state of a cache folder (corpus/state-lock.ts); another one merges afresh.
  const stateDir = stateful ? cacheDir : null;
  const stateLock = stateDir !== null ? lockBuildState(stateDir) : null;
  if (stateDir !== null && !stateLock) {
    process.stderr.write(`extract: another build is using the build state in ${cacheDir}; this build merges every report afresh (same output, slower)\n`);
  }
  let state = stateLock && stateDir !== null ? await BuildState.open(stateDir, extractorVersion()) : undefined;
  // (A state written in another layout: said once, then written again in this one.)
  if (state?.note !== undefined) process.stderr.write(`extract: ${state.note}\n`);
  if (state) timing(`read build state (${state.docs.size} documents, ${state.events.length} events)`);
  // (A registry file the state knows a build wrote is not checked entry by entry: see parseRegistry.)
  const reg = output ? await loadRegistry(values, input, (digest) => state?.wroteRegistry(digest) ?? false) : {};
  if (hasRegistry(reg)) timing('read id registry');
  if (merging) {
    const dir = path.resolve(values['merge-reports']!);
    try {
      ({ reports, warnings: corpusWarnings } = await readSavedReports(dir, extractorVersion()));
    } catch (err) {
      die(`cannot read reports folder ${dir}: ${code(err)}`);
    }
    for (const r of reports) bytes += r.bytes;
  } else {
    try {
      const res = await extractCorpus(input!, {
        threads,
        cacheDir,
        reportsDir: values['reports-dir'] ? path.resolve(values['reports-dir']) : null,
        ...(shard ? { shard } : {}),
        ...(values.explain !== undefined ? { trace: true } : {}),
        ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
        ...(state ? { known: (key: string) => state!.known(key) } : {}),
        ...(state && !values.verify ? { fileKey: (sig: string) => state!.fileKey(sig) } : {}),
      });
      ({ reports, warnings: corpusWarnings } = res);
      reportKeys = res.keys;
      sigs = res.sigs;
      unread = res.stats.unread;
      usedThreads = res.stats.threads;
      fromCache = res.stats.fromCache;
      bytes = res.stats.bytes;
    } catch (err) {
      die((err as Error).message);
    }
  }
  let n = reports.length;
  timing(`documents (list, read, cache, extract; ${unread} files not read: same size, mtime, ctime and inode)`);
  if (!output) {
    progress.finish({ done: n, total: n, bytes, fromCache }, (performance.now() - started) / 1000, usedThreads);
    return;
  }
  if (state && reportKeys && reportKeys.some((k) => k === null)) {
    // A document cut at the corpus cap has no cache key: the whole build goes the usual way, with
    // every report read in full.
    await state.close();
    state = undefined;
    try {
      const res = await extractCorpus(input!, { threads, cacheDir, ...(progress.onProgress ? { onProgress: progress.onProgress } : {}) });
      ({ reports, warnings: corpusWarnings } = res);
      reportKeys = res.keys;
      n = reports.length;
    } catch (err) {
      die((err as Error).message);
    }
  }
  if (reg.warning) corpusWarnings.push(reg.warning);
  if (state && reportKeys) {
    const inc = await incrementalFinish(state, { reports, keys: reportKeys as string[], ...(sigs ? { sigs } : {}), corpusWarnings });
    const s = inc.stats;
    timing(
      `merge from the build state (${s.blocks} blocks, ${s.reclustered} of ${s.reports} reports clustered, ${s.newEvents} events combined, ${s.reused} kept, ${s.refiled} reports indexed again, ${s.idsChanged} ids changed), ids, validation`,
    );
    // With published ids or curation, the merged events go through the same steps as in finishPipeline:
    // with ids only, from the state's records of the events (build-state.ts, publish); with
    // curation, on the merged events themselves (run.ts, publishMerged).
    let buildReport = inc.report;
    let writeOut = inc.write;
    let newRegistry: Registry | (() => Registry) | undefined;
    let written: ((digest: string) => void) | undefined;
    let registryText: ((prev: Buffer) => Buffer | 'same' | undefined) | undefined;
    let incremental = false;
    if (hasRegistry(reg) && !curation) {
      const published = await inc.publish(reg.text ?? reg.registry!, reg.digest);
      ({ report: buildReport, write: writeOut, written, incremental, registryText } = published);
      // (Read only when the registry is formatted whole: its text is otherwise patched.)
      newRegistry = () => published.registry;
    } else if (reg.registry || curation) {
      const published = publishMerged(await inc.merged(), inc.side, { ...(reg.registry ? { registry: reg.registry } : {}), ...(curation ? { curation } : {}) });
      ({ report: buildReport, registry: newRegistry } = published);
      writeOut = (file: string) => writeEventsFile(file, published.file);
    }
    if (hasRegistry(reg) || curation) timing(`published ids (registry matched ${written !== undefined && incremental ? 'from the build state' : 'in full'}), curation, validation`);
    try {
      await mkdir(path.dirname(output), { recursive: true });
      await writeOut(output);
    } catch (err) {
      die(`cannot write ${output}: ${code(err)}`);
    }
    timing('  write: events file');
    try {
      await mkdir(path.dirname(reportPath), { recursive: true });
      await writeFile(reportPath, `${JSON.stringify(buildReport, null, 2)}\n`);
    } catch (err) {
      process.stderr.write(`extract: warning: cannot write report ${reportPath}: ${(err as Error).message}\n`);
    }
    timing('  write: build report');
    if (hasRegistry(reg)) {
      const digest = await writeRegistry(values, reg, newRegistry, registryText);
      if (digest !== undefined) written?.(digest);
    }
    timing('write');
    await inc.saveState();
    timing('write build state');
    progress.finish({ done: n, total: n, bytes, fromCache }, (performance.now() - started) / 1000, usedThreads);
    if (!values.quiet) process.stdout.write(`${formatReport(buildReport)}\n`);
    return;
  }

  // 2. Once over all documents: merge, published ids, curation, validation.
  // The merge's blocks are cached beside the per-document reports (not with --explain: traced runs
  // cluster everything at once).
  const mergeCache = cacheDir !== null && reportKeys && values.explain === undefined ? await FileMergeCache.open(cacheDir) : undefined;
  const mergeStats = { blocks: 0, fromCache: 0, reports: 0, reclustered: 0 };
  if (mergeCache) timing('read merge cache');
  const { file, report, registry } = finishPipeline(reports, {
    ...(curation ? { curation } : {}),
    corpusWarnings,
    ...(reg.registry ? { registry: reg.registry } : {}),
    consumeReports: true,
    ...(mergeCache && reportKeys ? { reportKeys, mergeCache, mergeStats } : {}),
  });
  reports = [];
  reportKeys = undefined;
  timing(
    mergeCache
      ? `merge (${mergeStats.blocks} blocks, ${mergeStats.fromCache} from cache, ${mergeStats.reclustered} of ${mergeStats.reports} reports clustered), ids, curation, validation`
      : 'merge, ids, curation, validation',
  );
  if (mergeCache) {
    await mergeCache.save();
    timing('write merge cache');
  }
  try {
    await mkdir(path.dirname(output), { recursive: true });
    await writeEventsFile(output, file);
  } catch (err) {
    die(`cannot write ${output}: ${code(err)}`);
  }
  try {
    await mkdir(path.dirname(reportPath), { recursive: true });
    await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  } catch (err) {
    process.stderr.write(`extract: warning: cannot write report ${reportPath}: ${(err as Error).message}\n`);
  }
  await writeRegistry(values, reg, registry);
  timing('write');
  progress.finish({ done: n, total: n, bytes, fromCache }, (performance.now() - started) / 1000, usedThreads);
  if (!values.quiet) process.stdout.write(`${formatReport(report)}\n`);
  if (values.explain !== undefined) explain(file, values.explain);
}

/** --explain: one event's trace on stdout; an id that is not in the output is said on stderr. */
function explain(file: EventsFile, id: string): void {
  const ev = file.events.find((e) => e.id === id) ?? file.events.find((e) => e.id === file.aliases?.[id]);
  if (!ev) {
    process.stderr.write(`extract: no event with id ${id}\n`);
    return;
  }
  const head = `${ev.id} ${ev.date} ${ev.type} [${ev.countries.join(', ')}] ${ev.title}`;
  process.stdout.write(`${head}\n${ev.trace?.length ? formatTrace(ev.trace as TraceStep[]) : '(no trace kept for this event)'}\n`);
}

main().catch((err: unknown) => die(err instanceof Error ? err.message : String(err)));
