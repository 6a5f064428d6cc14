/** 10,000 small files in 100 folders: the run completes, lists every document, ids stay unique. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventsFileSchema } from '../../src/lib/schema.ts';
import { article, prng, runExtract, tempFolder } from './helpers.ts';

const FILES = 10_000;
const tmpDir = tempFolder('stress-many-');

describe('many files', () => {
  it(`extracts from ${FILES} small files`, async () => {
    const input = path.join(tmpDir(), 'in');
    const rand = prng(10_000);
    for (let i = 0; i < FILES; i++) {
      const folder = path.join(input, `desk-${String(i % 100).padStart(2, '0')}`);
      if (i < 100) await mkdir(folder, { recursive: true });
      // Every 500th file reuses a name from another folder, to exercise id disambiguation at scale.
      const name = i % 500 === 499 ? `article-${String(i - 1).padStart(5, '0')}` : `article-${String(i).padStart(5, '0')}`;
      const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      await writeFile(path.join(folder, `${name}.txt`), article(rand, day, `Dispatch ${i}`, 2));
    }
    const out = path.join(tmpDir(), 'out', 'events.json');
    const r = runExtract(['--input', input, '--output', out]);
    console.log(`${FILES} files: exit ${r.status} in ${r.seconds.toFixed(1)} s, peak RSS ${r.peakMiB?.toFixed(0) ?? 'not measured'} MiB`);
    expect(r.status, r.stderr).toBe(0);
    // Long runs show progress on stderr.
    expect(r.stderr).toMatch(new RegExp(`${FILES}/${FILES} documents`));
    const file = EventsFileSchema.parse(JSON.parse(await readFile(out, 'utf8')));
    expect(file.documents).toHaveLength(FILES);
    expect(file.documents.every((d) => d.status === 'ok')).toBe(true);
    expect(new Set(file.documents.map((d) => d.id)).size).toBe(FILES);
    expect(file.events.length).toBeGreaterThan(0);
  });
});
