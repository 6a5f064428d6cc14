/**
 * The merge's cache between builds: the clusters of every independent block of reports
 * (merge/blocks.ts), keyed by a hash of the block's report keys (each report's document cache
 * key, which holds the extractor's version, and its position in the document). A rebuild after
 * adding an article re-clusters only the blocks its reports join; the others take their clusters
 * from here, and the output is byte-identical to a clean build. One file, rewritten after each
 * build with the blocks of that build only, so it never grows past the corpus.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MergeCache } from '../merge.ts';
import { writeAtomic } from './job.ts';

const FORMAT = 'diplomatic-timeline/merge-blocks@1';
export const MERGE_CACHE_FILE = 'merge-blocks.json';

export class FileMergeCache implements MergeCache {
  private readonly before: Map<string, number[][]>;
  private readonly now = new Map<string, number[][]>();
  private changed = false;

  private constructor(private readonly file: string, before: Map<string, number[][]>) {
    this.before = before;
  }

  /** The cache in `cacheDir`; empty when missing, unreadable or of another format (it only costs time). */
  static async open(cacheDir: string): Promise<FileMergeCache> {
    const file = path.join(cacheDir, MERGE_CACHE_FILE);
    const before = new Map<string, number[][]>();
    try {
      const json = JSON.parse(await readFile(file, 'utf8')) as { format?: unknown; blocks?: unknown };
      if (json.format === FORMAT && json.blocks && typeof json.blocks === 'object') {
        for (const [k, v] of Object.entries(json.blocks as Record<string, unknown>)) {
          if (Array.isArray(v) && v.every((c) => Array.isArray(c) && c.every((p) => Number.isInteger(p)))) before.set(k, v as number[][]);
        }
      }
    } catch {
      // No cache yet, or a broken one: every block is clustered.
    }
    return new FileMergeCache(file, before);
  }

  get(key: string): number[][] | undefined {
    const v = this.now.get(key) ?? this.before.get(key);
    if (v !== undefined) this.now.set(key, v);
    return v;
  }

  set(key: string, clusters: number[][]): void {
    this.now.set(key, clusters);
    this.changed = true;
  }

  /** Writes the blocks of this build (when they differ from what was read); a failure only costs speed. */
  async save(): Promise<void> {
    if (!this.changed && this.now.size === this.before.size) return;
    const blocks: Record<string, number[][]> = Object.create(null) as Record<string, number[][]>;
    for (const k of [...this.now.keys()].sort()) blocks[k] = this.now.get(k)!;
    await writeAtomic(this.file, `${JSON.stringify({ format: FORMAT, blocks })}\n`).catch(() => undefined);
  }
}
