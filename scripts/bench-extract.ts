/**
 * `npm run bench:extract [-- --count 5000 --seed 1]`
 *
 * Speed benchmark of the extraction pipeline on a generated corpus (scripts/eval/synthetic-corpus.ts,
 * default 5,000 articles of about 3-5 KB). Runs entirely in memory: no disk I/O is timed.
 * Prints throughput (MB/s, articles/s) of the whole pure pipeline (runPipeline), then a per-stage
 * breakdown (parse, segment, extract, merge) from a second pass. Figures only, no pass/fail.
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

  t = performance.now();
  const cpu0 = process.cpuUsage();
  const { file } = runPipeline(docs);
  const sec = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSec = (cpu.user + cpu.system) / 1e6;
  console.log('');
  console.log(`whole pipeline (runPipeline): ${fmt(sec)} s wall, ${fmt(cpuSec)} s CPU`);
  console.log(`  throughput: ${fmt(bytes / MB / sec)} MB/s, ${fmt(count / sec, 0)} articles/s (wall clock)`);
  console.log(`  per CPU-second: ${fmt(bytes / MB / cpuSec)} MB/s, ${fmt(count / cpuSec, 0)} articles/s (less sensitive to other load on the machine)`);
  console.log(`  output: ${file.events.length} events from ${file.documents.filter((d) => d.status === 'ok').length} documents`);

  // Per-stage breakdown, second pass over the same corpus.
  const resolver = createActorResolver();
  const stage = { parse: 0, segment: 0, extract: 0, merge: 0 };
  const extracted: ExtractedEvent[] = [];
  for (const raw of docs) {
    let s = performance.now();
    const parsed = parseDocument(raw);
    stage.parse += performance.now() - s;
    if (!parsed.ok) continue;
    s = performance.now();
    const seg = segment(parsed.doc);
    stage.segment += performance.now() - s;
    s = performance.now();
    extracted.push(...extractDocument(seg, resolver).events);
    stage.extract += performance.now() - s;
  }
  const s = performance.now();
  mergeEvents(extracted);
  stage.merge += performance.now() - s;
  const total = stage.parse + stage.segment + stage.extract + stage.merge;
  console.log('');
  console.log('per stage (second pass):');
  for (const [name, ms] of Object.entries(stage)) {
    console.log(`  ${name.padEnd(8)} ${fmt(ms / 1000).padStart(7)} s  ${fmt((100 * ms) / total, 1).padStart(5)} %  ${fmt(bytes / MB / (ms / 1000 || 1e-9)).padStart(9)} MB/s`);
  }
  console.log('  (extract = find events + resolve dates + resolve actors + titles)');
  const mem = process.memoryUsage();
  console.log('');
  const load = os.loadavg()[0] ?? 0;
  console.log(`memory: ${fmt(mem.heapUsed / MB, 0)} MB heap, ${fmt(mem.rss / MB, 0)} MB RSS; node ${process.version}, one thread`);
  console.log(`machine: ${os.cpus().length} cores, load average ${fmt(load, 1)} at the end${load > os.cpus().length ? ' (busy: wall-clock figures are pessimistic)' : ''}`);
}

main();
