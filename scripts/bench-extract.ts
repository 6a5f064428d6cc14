/**
 * `npm run bench:extract [-- --count 5000 --incremental 20000 --seed 1 --stages]`
 *
 * Speed benchmark of the real `extract` CLI (started as `npm run build` starts it, from its prebuilt
 * bundle: scripts/extract-launcher.mjs) on a generated corpus written to disk
 * (scripts/eval/synthetic-corpus.ts, articles of about 3-5 KB):
 *  1. a clean run (no cache) on 1 thread and on every core: wall time, MB/s, CPU time, peak memory;
 *  2. incremental rebuild: a corpus of `--incremental` articles is extracted once into a fresh
 *     cache with an id registry (as `npm run build` does), one article is added, and the rebuild is
 *     timed (it should re-extract one article); then the same corpus is built again without the
 *     build state (`--no-build-state`, from the same registry) and the outputs are compared with cmp
 *     (events.json, build-report.json and the registry must be byte-identical);
 *  3. with `--stages`, the in-memory per-stage CPU breakdown (parse, segment, extract, merge).
 * MB = 10^6 bytes of UTF-8 article text. Figures only, no pass/fail. Run it with `nice` on a shared
 * machine and read the load average it prints: wall-clock figures depend on other load.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generateArticle, generateCorpus } from './eval/synthetic-corpus.ts';
import { createActorResolver } from './pipeline/actors.ts';
import { defaultThreads } from './pipeline/corpus/extract-corpus.ts';
import { extractDocument } from './pipeline/extract-document.ts';
import { mergeEvents } from './pipeline/merge.ts';
import { parseDocument } from './pipeline/parse-document.ts';
import { segment } from './pipeline/segment.ts';
import type { ExtractedEvent } from './pipeline/types.ts';

const MB = 1_000_000;
const ROOT = path.resolve(import.meta.dirname, '..');
/** The CLI as `npm run build` starts it: a prebuilt esbuild bundle, rebuilt when a source changed. */
const LAUNCHER = path.join(ROOT, 'scripts/extract-launcher.mjs');

function fmt(n: number, digits = 2): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Writes articles [from, to) of the synthetic corpus under `dir`; returns their UTF-8 bytes. */
function writeCorpus(dir: string, from: number, to: number, seed: number): number {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const a = generateArticle(i, seed);
    writeFileSync(path.join(dir, a.path), a.text!);
    bytes += Buffer.byteLength(a.text!, 'utf8');
  }
  return bytes;
}

interface Run {
  wall: number;
  cpu?: number;
  peakMiB?: number;
  summary: string;
}

const HAS_TIME = spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;

/** Runs the extract CLI as a child process, timing it and reading its peak memory from GNU time. */
function extract(args: string[]): Run {
  const base = [process.execPath, '--no-regexp-tier-up', LAUNCHER, ...args];
  const argv = HAS_TIME ? ['-f', 'BENCH_TIME %M %U %S', ...base] : base.slice(1);
  const t = performance.now();
  const r = spawnSync(HAS_TIME ? '/usr/bin/time' : process.execPath, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * MB, env: { ...process.env, EXTRACT_TIMINGS: '1' } });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`extract failed (${r.status}): ${r.stderr}`);
  const m = /BENCH_TIME (\d+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  const summary = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('extract: '))
    .map((l) => l.replace(/^extract: (timing: )?/, ''))
    .join('; ');
  return {
    wall,
    summary,
    ...(m ? { peakMiB: Number(m[1]) / 1024, cpu: Number(m[2]) + Number(m[3]) } : {}),
  };
}

function line(label: string, r: Run, bytes: number): void {
  const load = `load ${fmt(os.loadavg()[0] ?? 0, 1)}`;
  const cpu = r.cpu !== undefined ? `, ${fmt(r.cpu)} s CPU (${fmt(bytes / MB / r.cpu)} MB per CPU-second)` : '';
  const mem = r.peakMiB !== undefined ? `, peak ${fmt(r.peakMiB, 0)} MiB RSS` : '';
  console.log(`  ${label.padEnd(26)} ${fmt(r.wall).padStart(7)} s wall  ${fmt(bytes / MB / r.wall).padStart(6)} MB/s${cpu}${mem}`);
  console.log(`  ${''.padEnd(26)} ${load} at the end`);
  if (r.summary) console.log(`  ${''.padEnd(26)} ${r.summary}`);
}

function stages(count: number, seed: number): void {
  const docs = generateCorpus(count, seed);
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text ?? '', 'utf8'), 0);
  const resolver = createActorResolver();
  const stage = { parse: 0, segment: 0, extract: 0, merge: 0 };
  const cpuNow = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const extracted: ExtractedEvent[] = [];
  for (const raw of docs) {
    let s = cpuNow();
    const parsed = parseDocument(raw);
    stage.parse += cpuNow() - s;
    if (!parsed.ok) continue;
    s = cpuNow();
    const seg = segment(parsed.doc);
    stage.segment += cpuNow() - s;
    s = cpuNow();
    extracted.push(...extractDocument(seg, resolver).events);
    stage.extract += cpuNow() - s;
  }
  const s = cpuNow();
  mergeEvents(extracted);
  stage.merge += cpuNow() - s;
  const total = stage.parse + stage.segment + stage.extract + stage.merge;
  console.log('');
  console.log(`per stage, in memory, one thread (${count} articles, ${fmt(bytes / MB)} MB; ${extracted.length} reports merged; CPU seconds):`);
  for (const [name, sec] of Object.entries(stage)) {
    console.log(`  ${name.padEnd(8)} ${fmt(sec).padStart(7)} s CPU  ${fmt((100 * sec) / total, 1).padStart(5)} %  ${fmt(bytes / MB / (sec || 1e-9)).padStart(9)} MB/s per CPU-second`);
  }
  console.log('  (extract = find events + resolve dates + resolve actors + titles)');
}

function main(): void {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '5000' },
      incremental: { type: 'string', default: '20000' },
      seed: { type: 'string', default: '1' },
      stages: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const count = Math.max(1, Number.parseInt(values.count, 10) || 5000);
  const big = Math.max(0, Number.parseInt(values.incremental, 10) || 0);
  const seed = Number.parseInt(values.seed, 10) || 1;
  const cores = defaultThreads();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-extract-'));
  const load0 = os.loadavg()[0] ?? 0;
  console.log(`machine: ${cores} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}, load average ${fmt(load0, 1)} at the start`);
  // The bundle is built (when the sources changed) before anything is timed.
  spawnSync(process.execPath, [LAUNCHER, '--help'], { cwd: ROOT, stdio: 'ignore' });
  try {
    // 1. Clean runs.
    const small = path.join(tmp, 'corpus');
    let t = performance.now();
    const bytes = writeCorpus(small, 0, count, seed);
    console.log(`corpus: ${count} synthetic articles, ${fmt(bytes / MB)} MB, written in ${fmt((performance.now() - t) / 1000)} s`);
    console.log('clean extraction (real CLI: read files, extract, merge, write events.json; no cache):');
    const out = (n: string) => path.join(tmp, n, 'events.json');
    line('1 thread', extract(['--input', small, '--output', out('one'), '--threads', '1', '--no-cache', '--no-id-registry', '--quiet']), bytes);
    line(`${cores} threads (all cores)`, extract(['--input', small, '--output', out('all'), '--threads', String(cores), '--no-cache', '--no-id-registry']), bytes);

    // 2. Incremental rebuild of a large corpus after adding one article.
    if (big > 0) {
      const large = path.join(tmp, 'large');
      const cache = path.join(tmp, 'cache');
      t = performance.now();
      const bigBytes = writeCorpus(large, 0, big, seed + 1);
      console.log('');
      console.log(`incremental: ${big} articles, ${fmt(bigBytes / MB)} MB, written in ${fmt((performance.now() - t) / 1000)} s`);
      const registry = path.join(tmp, 'published-ids.json');
      const args = (o: string, reg = registry) => ['--input', large, '--output', out(o), '--cache', cache, '--id-registry', reg, '--update-id-registry'];
      line('first build, cache filled', extract([...args('fill'), '--threads', String(cores)]), bigBytes);
      line('rebuild, nothing changed', extract([...args('same'), '--threads', String(cores)]), bigBytes);
      const added = writeCorpus(large, big, big + 1, seed + 1);
      const before = path.join(tmp, 'published-ids.before.json');
      copyFileSync(registry, before);
      line('rebuild, one article added', extract([...args('added'), '--threads', String(cores)]), bigBytes + added);
      // The same build without the state, from the registry as it was: every byte must be the same.
      const refRegistry = path.join(tmp, 'published-ids.ref.json');
      copyFileSync(before, refRegistry);
      line('same, without build state', extract([...args('ref', refRegistry), '--threads', String(cores), '--no-build-state']), bigBytes + added);
      const same = (a: string, b: string) => readFileSync(a).equals(readFileSync(b));
      const dirOf = (o: string) => path.dirname(out(o));
      const files = [
        ['events.json', same(out('added'), out('ref'))],
        ['build-report.json', same(path.join(dirOf('added'), 'build-report.json'), path.join(dirOf('ref'), 'build-report.json'))],
        ['published-ids.json', same(registry, refRegistry)],
      ] as const;
      console.log(`  byte-identical to the build without state: ${files.map(([n, ok]) => `${n} ${ok ? 'yes' : 'NO'}`).join(', ')}`);
    }

    if (values.stages) stages(Math.min(count, 2000), seed);
  } finally {
    if (!values.keep) rmSync(tmp, { recursive: true, force: true });
    else console.log(`kept: ${tmp}`);
  }
  const load = os.loadavg()[0] ?? 0;
  console.log('');
  console.log(`load average ${fmt(load, 1)} at the end${load > cores ? ' (shared, busy machine: wall-clock figures are pessimistic)' : ''}`);
}

main();
