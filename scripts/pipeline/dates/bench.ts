/**
 * Speed check for the date stage: `npx tsx scripts/pipeline/dates/bench.ts [count]`.
 * Segments and finds events in a synthetic corpus (scripts/eval/synthetic-corpus.ts), then times
 * resolveDate over every candidate, as the pipeline calls it. Prints MB/s of article text.
 */
import { generateCorpus } from '../../eval/synthetic-corpus.ts';
import { resolveDate } from '../dates.ts';
import { findEvents } from '../find-events.ts';
import { parseDocument } from '../parse-document.ts';
import { segment } from '../segment.ts';
import type { DateContext, EventCandidate, Sentence } from '../types.ts';

const count = Number(process.argv[2] ?? 1000);
const work: Array<{ published: string; dateline: DateContext['dateline']; items: Array<[Sentence, EventCandidate]> }> = [];
let bytes = 0;
for (const raw of generateCorpus(count, 7)) {
  const parsed = parseDocument(raw);
  if (!parsed.ok) continue;
  bytes += Buffer.byteLength(parsed.doc.text);
  const seg = segment(parsed.doc);
  const items: Array<[Sentence, EventCandidate]> = [];
  for (const s of seg.sentences) if (s.kind === 'body') for (const c of findEvents(s, seg)) items.push([s, c]);
  work.push({ published: parsed.doc.published, dateline: seg.dateline, items });
}
/** One pass over every candidate, as extract-document.ts calls resolveDate. */
function pass(): number {
  let calls = 0;
  for (const doc of work) {
    const previous: NonNullable<DateContext['previous']> = [];
    for (const [s, c] of doc.items) {
      const r = resolveDate(s, c, { published: doc.published, dateline: doc.dateline, previous });
      if (r.date) previous.push({ type: c.type, date: r.date, trigger: c.trigger.text });
      calls++;
    }
  }
  return calls;
}

// The machine may be busy with other work: report the best of a few passes (wall and CPU time).
let best = Infinity;
let bestCpu = Infinity;
let calls = 0;
for (let round = 0; round < 5; round++) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  calls = pass();
  const cpu = process.cpuUsage(cpu0);
  best = Math.min(best, performance.now() - t0);
  bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
}
const mb = bytes / 1e6;
console.log(
  `${work.length} articles, ${mb.toFixed(1)} MB, ${calls} resolveDate calls per pass; best of 5: ` +
    `${best.toFixed(0)} ms wall = ${(mb / (best / 1000)).toFixed(1)} MB/s, ${((best * 1000) / Math.max(1, calls)).toFixed(1)} µs/call; ` +
    `${bestCpu.toFixed(0)} ms CPU = ${(mb / (bestCpu / 1000)).toFixed(1)} MB/s`,
);
