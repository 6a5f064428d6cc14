/**
 * `npm run bench:extract [-- --count 5000 --seed 1]`
 *
 * Speed benchmark of the extraction pipeline on a generated corpus (scripts/eval/synthetic-corpus.ts,
 * default 5,000 articles of about 3-5 KB). Runs entirely in memory: no disk I/O is timed.
 * Prints throughput (MB/s, articles/s) of the whole pure pipeline (runPipeline, including
 * validation and the build report), both per wall-clock second and per CPU-second of this process,
 * then a per-stage breakdown in CPU seconds (parse, segment, extract, merge) from a second pass.
 * MB = 10^6 bytes of UTF-8 article text. Figures only, no pass/fail.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generateCorpus } from './eval/synthetic-corpus.ts';
import { createActorResolver } from './pipeline/actors.ts';
import { extractDocument } from './pipeline/extract-document.ts';
import { mergeEvents } from './pipeline/merge.ts';
import { parseDocument } from './pipeline/parse-document.ts';
import { runPipeline } from './pipeline/run.ts';
import { segment } from './pipeline/segment.ts';
import type { ExtractedEvent, RawDocument } from './pipeline/types.ts';

const MB = 1_000_000;

function bytesOf(docs: RawDocument[]): number {
  let n = 0;
  for (const d of docs) n += Buffer.byteLength(d.text ?? '', 'utf8');
  return n;
}

function fmt(n: number, digits = 2): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/**
 * The headline figures: the whole pipeline once over the corpus. In a function of its own so
 * that its output is garbage before the per-stage pass starts.
 */
function firstPass(docs: RawDocument[], bytes: number, count: number): void {
  const t = performance.now();
  const cpu0 = process.cpuUsage();
  const { file } = runPipeline(docs);
  const sec = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSec = (cpu.user + cpu.system) / 1e6;
  console.log('');
  console.log(`whole pipeline (runPipeline): ${fmt(sec)} s wall, ${fmt(cpuSec)} s CPU`);
  console.log(`  wall clock:     ${fmt(bytes / MB / sec)} MB/s, ${fmt(count / sec, 0)} articles/s (depends on other load on the machine)`);
  console.log(`  per CPU-second: ${fmt(bytes / MB / cpuSec)} MB/s, ${fmt(count / cpuSec, 0)} articles/s (CPU time of this process, user + system, all threads incl. GC)`);
  console.log(`  output: ${file.events.length} events from ${file.documents.filter((d) => d.status === 'ok').length} documents`);
}

function main(): void {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '5000' }, seed: { type: 'string', default: '1' } },
  });
  const count = Math.max(1, Number.parseInt(values.count, 10) || 5000);
  const seed = Number.parseInt(values.seed, 10) || 1;

  let t = performance.now();
  const docs = generateCorpus(count, seed);
  const genMs = performance.now() - t;
  const bytes = bytesOf(docs);
  console.log(`corpus: ${count} synthetic articles, ${fmt(bytes / MB)} MB (${fmt(bytes / count / 1000, 1)} KB average), generated in ${fmt(genMs / 1000)} s`);

  // Warm-up: compiles the gazetteers and lets the JIT settle; reported apart.
  t = performance.now();
  runPipeline(docs.slice(0, Math.min(50, count)));
  console.log(`warm-up (first 50 articles, includes one-time gazetteer setup): ${fmt((performance.now() - t) / 1000)} s`);

  firstPass(docs, bytes, count);

  // Per-stage breakdown, second pass over the same corpus. CPU time of this process per stage
  // (process.cpuUsage, microseconds; user + system), which other load on the machine barely changes.
  // Caches filled by the first pass (gazetteers, per-name lookups) make this pass a little faster.
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
  console.log(`per stage (second pass, CPU seconds; ${extracted.length} extracted reports merged):`);
  for (const [name, sec] of Object.entries(stage)) {
    console.log(`  ${name.padEnd(8)} ${fmt(sec).padStart(7)} s CPU  ${fmt((100 * sec) / total, 1).padStart(5)} %  ${fmt(bytes / MB / (sec || 1e-9)).padStart(9)} MB/s per CPU-second`);
  }
  console.log(`  total    ${fmt(total).padStart(7)} s CPU          ${fmt(bytes / MB / (total || 1e-9)).padStart(9)} MB/s per CPU-second (without validation and report)`);
  console.log('  (extract = find events + resolve dates + resolve actors + titles)');
  const mem = process.memoryUsage();
  console.log('');
  const load = os.loadavg()[0] ?? 0;
  console.log(`memory: ${fmt(mem.heapUsed / MB, 0)} MB heap, ${fmt(mem.rss / MB, 0)} MB RSS; node ${process.version}, one thread`);
  console.log(`machine: ${os.cpus().length} cores, load average ${fmt(load, 1)} at the end${load > os.cpus().length ? ' (busy: wall-clock figures are pessimistic)' : ''}`);
}

main();
