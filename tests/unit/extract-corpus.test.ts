/**
 * Extraction on every core, with a per-document cache and saved reports (issue 10): whatever the
 * threads, the cache, the shards or the corpus cap, the output is byte-identical to one
 * single-threaded in-memory run (readCorpus + runPipeline).
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArticle } from '../../scripts/eval/synthetic-corpus.ts';
import { extractCorpus, type ExtractCorpusOptions } from '../../scripts/pipeline/corpus/extract-corpus.ts';
import { FileMergeCache } from '../../scripts/pipeline/corpus/merge-cache.ts';
import { readSavedReports } from '../../scripts/pipeline/corpus/saved-reports.ts';
import { extractorVersion } from '../../scripts/pipeline/corpus/version.ts';
import { readCorpus } from '../../scripts/pipeline/load.ts';
import { finishPipeline, runPipeline } from '../../scripts/pipeline/run.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const COUNT = 90;

let tmp: string;
let corpus: string;
/** The reference: everything in memory, in this thread, no cache. */
let reference: string;

const json = (r: { file: unknown; report: unknown }) => JSON.stringify({ file: r.file, report: r.report });

type MergeStats = { blocks: number; fromCache: number; reports: number; reclustered: number };

/** Through extractCorpus; with a cache folder, the merge's block cache lives there too (as in the CLI). */
async function viaCorpus(dir: string, opts: ExtractCorpusOptions): Promise<{ out: string; stats: Awaited<ReturnType<typeof extractCorpus>>['stats']; merge: MergeStats }> {
  const { reports, keys, warnings, stats } = await extractCorpus(dir, opts);
  const merge: MergeStats = { blocks: 0, fromCache: 0, reports: 0, reclustered: 0 };
  const mergeCache = opts.cacheDir ? await FileMergeCache.open(opts.cacheDir) : undefined;
  const out = json(finishPipeline(reports, { corpusWarnings: warnings, ...(mergeCache ? { reportKeys: keys, mergeCache, mergeStats: merge } : {}) }));
  await mergeCache?.save();
  return { out, stats, merge };
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'extract-corpus-'));
  corpus = path.join(tmp, 'corpus');
  await mkdir(path.join(corpus, 'nested'), { recursive: true });
  // Synthetic articles in two folders, plus the hostile fixtures (bad encodings, no date, binary).
  for (let i = 0; i < COUNT; i++) {
    const a = generateArticle(i, 7);
    await writeFile(path.join(corpus, i % 3 === 0 ? 'nested' : '', a.path), a.text!);
  }
  const hostile = path.join(ROOT, 'tests/fixtures/hostile');
  for (const n of await readdir(hostile)) if (!n.startsWith('.')) await copyFile(path.join(hostile, n), path.join(corpus, n)).catch(() => undefined);
  const c = await readCorpus(corpus);
  reference = json(runPipeline(c.docs, { corpusWarnings: c.warnings }));
}, 120_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('extractCorpus', () => {
  it('gives byte-identical output on 1 and 2 threads, and really uses 2 worker threads', async () => {
    const one = await viaCorpus(corpus, { threads: 1, cacheDir: null });
    expect(one.stats.threads).toBe(1);
    expect(one.out).toBe(reference);
    const two = await viaCorpus(corpus, { threads: 2, cacheDir: null, workerThreshold: 0 });
    expect(two.stats.threads).toBe(2);
    expect(two.stats.workersUsed).toBe(2);
    expect(two.out).toBe(reference);
    expect(JSON.parse(reference).file.events.length).toBeGreaterThan(COUNT);
  }, 180_000);

  it('re-extracts only a new article from the cache, with the output of a clean build', async () => {
    const cacheDir = path.join(tmp, 'cache');
    const cold = await viaCorpus(corpus, { threads: 1, cacheDir });
    expect(cold.stats.fromCache).toBe(0);
    expect(cold.out).toBe(reference);
    expect(cold.merge.fromCache).toBe(0);
    expect(cold.merge.blocks).toBeGreaterThan(10);
    const warm = await viaCorpus(corpus, { threads: 2, cacheDir });
    expect(warm.stats.extracted).toBe(0);
    expect(warm.out).toBe(reference);
    // Nothing changed: every block of the merge comes from its cache.
    expect(warm.merge.fromCache).toBe(warm.merge.blocks);
    // A cache entry of this corpus's documents, chosen before an article is added (the cache then also holds the
    // added article's entry, and merge-blocks.json beside the entries' folders).
    const entries: string[] = [];
    for (const d of (await readdir(cacheDir, { withFileTypes: true })).filter((x) => x.isDirectory()).map((x) => x.name).sort()) {
      for (const f of (await readdir(path.join(cacheDir, d))).sort()) entries.push(path.join(cacheDir, d, f));
    }
    expect(entries.length).toBeGreaterThan(0);
    const victim = entries[0]!;

    const grown = path.join(tmp, 'grown');
    await mkdir(grown);
    for (const n of await readdir(corpus, { recursive: true })) {
      const from = path.join(corpus, n);
      await mkdir(path.dirname(path.join(grown, n)), { recursive: true });
      await copyFile(from, path.join(grown, n)).catch(() => undefined);
    }
    const extra = generateArticle(COUNT + 1, 7);
    await writeFile(path.join(grown, extra.path), extra.text!);
    const inc = await viaCorpus(grown, { threads: 2, cacheDir });
    expect(inc.stats.extracted).toBe(1);
    const clean = await readCorpus(grown);
    expect(inc.out).toBe(json(runPipeline(clean.docs, { corpusWarnings: clean.warnings })));
    // Only the blocks the new article's reports joined were clustered again.
    expect(inc.merge.fromCache).toBeGreaterThan(0);
    expect(inc.merge.reclustered).toBeLessThan(inc.merge.reports);
    expect(inc.merge.blocks - inc.merge.fromCache).toBeLessThanOrEqual(JSON.parse(inc.out).file.events.length);

    // A damaged cache entry costs a re-extraction, never a wrong result.
    await writeFile(victim, '{"entry": 1');
    const damaged = await viaCorpus(corpus, { threads: 1, cacheDir });
    expect(damaged.stats.extracted).toBe(1);
    expect(damaged.out).toBe(reference);
  }, 180_000);

  it('applies the corpus byte cap in path order, as a one-by-one read does', async () => {
    const cap = 40_000;
    const c = await readCorpus(corpus, { maxCorpusBytes: cap });
    const expected = json(runPipeline(c.docs, { corpusWarnings: c.warnings }));
    expect(expected).toMatch(/byte cap/);
    expect((await viaCorpus(corpus, { threads: 2, cacheDir: null, maxCorpusBytes: cap, workerThreshold: 0 })).out).toBe(expected);
  }, 120_000);

  it('shards saved to a reports folder merge into the output of one run', async () => {
    const reportsDir = path.join(tmp, 'reports');
    let total = 0;
    for (const index of [1, 2, 3]) {
      const part = await extractCorpus(corpus, { threads: 1, cacheDir: null, shard: { index, count: 3 }, reportsDir: path.join(reportsDir, `machine-${index}`) });
      total += part.reports.length;
    }
    const c = await readCorpus(corpus);
    expect(total).toBe(c.docs.length);
    const saved = await readSavedReports(reportsDir, extractorVersion());
    expect(saved.warnings).toEqual([]);
    expect(json(finishPipeline(saved.reports, { corpusWarnings: c.warnings }))).toBe(reference);
    // A foreign file in the folder is a warning, not a crash.
    await writeFile(path.join(reportsDir, 'notes.json'), '{"hello": 1}');
    expect((await readSavedReports(reportsDir, extractorVersion())).warnings).toEqual(['notes.json: not a document report, ignored']);
  }, 120_000);
});

describe('extract CLI', () => {
  it('runs workers under tsx and writes byte-identical output with a summary on stderr', async () => {
    const run = (args: string[]) => spawnSync(TSX, ['scripts/extract.ts', '--input', corpus, '--no-id-registry', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    const a = run(['--output', path.join(tmp, 'cli-1/events.json'), '--threads', '1', '--no-cache']);
    expect(a.status, a.stderr).toBe(0);
    const b = run(['--output', path.join(tmp, 'cli-2/events.json'), '--threads', '2', '--cache', path.join(tmp, 'cli-cache')]);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stderr).toMatch(/documents, [\d.]+ MB in [\d.]+ s on 2 threads/);
    const files = ['events.json', 'build-report.json'];
    for (const f of files) {
      expect((await readFile(path.join(tmp, 'cli-2', f))).equals(await readFile(path.join(tmp, 'cli-1', f))), f).toBe(true);
    }
    // The file is written event by event: the bytes of one JSON.stringify of the in-memory result.
    expect(await readFile(path.join(tmp, 'cli-1/events.json'), 'utf8')).toBe(`${JSON.stringify(JSON.parse(reference).file, null, 2)}\n`);
    // Shards and a merge through the CLI.
    for (const k of [1, 2]) {
      const r = run(['--shard', `${k}/2`, '--reports-dir', path.join(tmp, 'cli-reports'), '--threads', '1', '--no-cache', '--quiet']);
      expect(r.status, r.stderr).toBe(0);
    }
    const m = spawnSync(TSX, ['scripts/extract.ts', '--merge-reports', path.join(tmp, 'cli-reports'), '--output', path.join(tmp, 'cli-3/events.json'), '--no-id-registry', '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(m.status, m.stderr).toBe(0);
    expect((await readFile(path.join(tmp, 'cli-3/events.json'))).equals(await readFile(path.join(tmp, 'cli-1/events.json')))).toBe(true);
  }, 300_000);
});
