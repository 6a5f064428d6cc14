/**
 * Worker thread: extracts documents the main thread read and did not find in the cache (job.ts),
 * stores their reports in the cache and sends them back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractPrepared, type JobContext, type Prepared } from './job.ts';

const ctx = workerData as JobContext;
const port = parentPort!;
port.on('message', (msg: { seq: number; job: Omit<Prepared, 'cached'> }) => {
  extractPrepared(msg.job, ctx, false).then(
    (report) => port.postMessage({ seq: msg.seq, report }),
    (err: unknown) => port.postMessage({ seq: msg.seq, error: err instanceof Error ? err.message : String(err) }),
  );
});
port.postMessage({ ready: true });
