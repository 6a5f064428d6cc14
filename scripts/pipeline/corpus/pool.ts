/**
 * A small pool of extraction lanes: `threads - 1` worker threads plus this (the main) thread, so
 * `threads` documents are extracted at once while only `threads - 1` threads pay the start-up of
 * the pipeline's modules, and the main thread, which otherwise only reads files and waits for
 * replies, does its share. A job goes to the least busy worker while that worker has fewer than
 * QUEUE jobs waiting (so it never starves while this thread is busy with a document); otherwise
 * this thread runs it. A worker that dies hands its jobs back (they are then run in the main
 * thread), so a crash costs speed, never a document.
 */
import { Worker } from 'node:worker_threads';
import type { DocReport } from '../document-report.ts';
import { extractPrepared, type JobContext, type Prepared } from './job.ts';

interface Pending {
  resolve: (r: DocReport) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: number;
  /** Jobs this worker finished. */
  completed: number;
  pending: Map<number, Pending>;
  dead: boolean;
}

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

/**
 * Jobs a worker may hold before this thread takes the next one itself. A document takes tens of
 * milliseconds; a few queued keep the worker busy while this thread extracts one.
 */
const QUEUE = 4;

export class WorkerPool {
  private slots: Slot[] = [];
  private seq = 0;
  /** Jobs this (the main) thread ran as a lane of the pool. */
  private localCompleted = 0;

  /** `threads` lanes: `threads - 1` workers (at least one) and this thread. */
  constructor(
    threads: number,
    private readonly ctx: JobContext,
  ) {
    for (let i = 0; i < Math.max(1, threads - 1); i++) this.slots.push(this.spawn(ctx));
  }

  private spawn(ctx: JobContext): Slot {
    const worker = new Worker(ENTRY, { workerData: ctx, execArgv: [] });
    const slot: Slot = { worker, busy: 0, completed: 0, pending: new Map(), dead: false };
    worker.on('message', (msg: { seq?: number; report?: DocReport; error?: string; ready?: boolean }) => {
      if (msg.seq === undefined) return;
      const p = slot.pending.get(msg.seq);
      if (!p) return;
      slot.pending.delete(msg.seq);
      slot.busy--;
      slot.completed++;
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve(msg.report!);
    });
    const fail = (err: Error) => {
      slot.dead = true;
      for (const p of slot.pending.values()) p.reject(err);
      slot.pending.clear();
      slot.busy = 0;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`worker exited with code ${code}`)));
    return slot;
  }

  /** How many lanes (workers and this thread) finished at least one job. */
  get used(): number {
    return this.slots.filter((s) => s.completed > 0).length + (this.localCompleted > 0 ? 1 : 0);
  }

  /** Live workers. */
  get size(): number {
    return this.slots.filter((s) => !s.dead).length;
  }

  /** Jobs waiting for this thread (or for a worker that got room meanwhile). */
  private local: { job: Omit<Prepared, 'cached'>; resolve: (r: DocReport) => void; reject: (e: Error) => void }[] = [];
  private draining = false;

  private leastBusy(): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.slots) if (!s.dead && (!best || s.busy < best.busy)) best = s;
    return best;
  }

  private send(slot: Slot, job: Omit<Prepared, 'cached'>, resolve: (r: DocReport) => void, reject: (e: Error) => void): void {
    const seq = ++this.seq;
    slot.busy++;
    slot.pending.set(seq, { resolve, reject });
    slot.worker.postMessage({ seq, job });
  }

  /**
   * Runs one waiting job, after the event loop has taken in the workers' replies (setImmediate
   * comes after the poll phase): to a worker if one has room by then, else in this thread; then
   * yields again, so a worker is never left idle while this thread works through the queue.
   */
  private drain(): void {
    const next = this.local.shift();
    if (!next) {
      this.draining = false;
      return;
    }
    const best = this.leastBusy();
    if (best && best.busy < QUEUE) this.send(best, next.job, next.resolve, next.reject);
    else
      extractPrepared(next.job, this.ctx).then((r) => {
        this.localCompleted++;
        next.resolve(r);
      }, next.reject);
    setImmediate(() => this.drain());
  }

  /**
   * Runs a job on the least busy live worker, or in this thread when every worker already holds
   * QUEUE jobs; rejects when no worker is alive or the chosen one dies.
   */
  run(job: Omit<Prepared, 'cached'>): Promise<DocReport> {
    const best = this.leastBusy();
    if (!best) return Promise.reject(new Error('no live worker'));
    return new Promise<DocReport>((resolve, reject) => {
      if (best.busy < QUEUE) {
        this.send(best, job, resolve, reject);
        return;
      }
      this.local.push({ job, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => this.drain());
      }
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => (s.dead ? undefined : s.worker.terminate())));
  }
}
