/**
 * Memory stays bounded on huge inputs: a 20 MB article goes through the whole CLI under a
 * 1 GiB heap limit (only the first MAX_FILE_BYTES are read, with a warning in the report),
 * and a 2 GiB file is never loaded whole.
 */
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventsFileSchema } from '../../src/lib/schema.ts';
import { MAX_FILE_BYTES, readRawDocument } from '../../scripts/pipeline/load.ts';
import { article, prng, runExtract, tempFolder } from './helpers.ts';

const HEAP_LIMIT_MIB = 1024;
const tmpDir = tempFolder('stress-big-');

describe('huge inputs', () => {
  it('extracts from a 20 MB article with bounded memory and says the file was cut', async () => {
    const input = path.join(tmpDir(), 'in');
    await mkdir(input, { recursive: true });
    const rand = prng(20);
    const chunks: string[] = [];
    let size = 0;
    chunks.push(article(rand, '2025-07-15', 'A very long wire digest', 10));
    while (size < 20 * 1024 * 1024) {
      const para = article(rand, '2025-07-15', 'x', 200).split('\n').slice(2).join('\n');
      chunks.push(para);
      size += para.length;
    }
    await writeFile(path.join(input, 'huge.txt'), chunks.join('\n'));
    await writeFile(path.join(input, 'small.txt'), article(prng(1), '2025-07-14', 'A normal article', 5));
    const out = path.join(tmpDir(), 'out', 'events.json');
    const r = runExtract(['--input', input, '--output', out, '--quiet'], { NODE_OPTIONS: `--max-old-space-size=${HEAP_LIMIT_MIB}` });
    console.log(`20 MB article: exit ${r.status} in ${r.seconds.toFixed(1)} s, peak RSS ${r.peakMiB?.toFixed(0) ?? 'not measured'} MiB`);
    expect(r.status, r.stderr).toBe(0);
    const file = EventsFileSchema.parse(JSON.parse(await readFile(out, 'utf8')));
    expect(file.documents.map((d) => [d.id, d.status])).toEqual([
      ['huge', 'ok'],
      ['small', 'ok'],
    ]);
    expect(file.events.some((e) => e.sources.some((s) => s.document === 'huge'))).toBe(true);
    const report = await readFile(path.join(tmpDir(), 'out', 'build-report.json'), 'utf8');
    expect(report).toMatch(new RegExp(`over the ${MAX_FILE_BYTES}-byte cap`));
    if (r.peakMiB !== undefined) expect(r.peakMiB).toBeLessThan(HEAP_LIMIT_MIB + 512);
  });

  it('reads only the capped prefix of a 2 GiB file (never loads it whole)', async () => {
    const p = path.join(tmpDir(), 'sparse', 'giant.txt');
    await mkdir(path.dirname(p), { recursive: true });
    const text = article(prng(2), '2025-07-15', 'Giant', 40000);
    expect(text.length).toBeGreaterThan(MAX_FILE_BYTES);
    await writeFile(p, text);
    const fh = await open(p, 'r+');
    await fh.truncate(2 * 1024 * 1024 * 1024); // sparse: takes no disk space
    await fh.close();
    global.gc?.();
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const doc = await readRawDocument(path.dirname(p), 'giant.txt');
    const grownMiB = (process.memoryUsage().rss - before) / 1024 / 1024;
    console.log(`2 GiB file: read in ${Date.now() - started} ms, RSS grew ${grownMiB.toFixed(0)} MiB`);
    expect(doc.text).not.toBeNull();
    expect(Buffer.byteLength(doc.text!)).toBeLessThanOrEqual(MAX_FILE_BYTES);
    expect(text.startsWith(doc.text!)).toBe(true);
    expect(doc.warnings.join(' ')).toMatch(/2147483648 bytes/);
    expect(grownMiB).toBeLessThan(256);
  });
});
