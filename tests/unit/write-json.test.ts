import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsFileChunks, writeEventsFile } from '../../scripts/pipeline/corpus/write-json.ts';
import { readCorpus } from '../../scripts/pipeline/load.ts';
import { runPipeline } from '../../scripts/pipeline/run.ts';
import { emptyRegistry } from '../../scripts/pipeline/id-registry.ts';
import type { EventsFile } from '../../src/lib/schema.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('writeEventsFile', () => {
  it('writes the bytes JSON.stringify(file, null, 2) gives, event by event', async () => {
    const c = await readCorpus(path.join(ROOT, 'tests/fixtures/hostile'));
    const files: EventsFile[] = [
      runPipeline(c.docs).file,
      runPipeline(c.docs, { registry: emptyRegistry() }).file,
      { schemaVersion: 1, documents: [], events: [] },
      { schemaVersion: 1, documents: [], events: [], aliases: { 'a-1': 'b-2', 'c "q"': 'd\n' } },
    ];
    expect(files[0]!.events.length).toBeGreaterThan(0);
    const dir = await mkdtemp(path.join(tmpdir(), 'write-json-'));
    try {
      for (const [i, f] of files.entries()) {
        const expected = `${JSON.stringify(f, null, 2)}\n`;
        expect([...eventsFileChunks(f)].join('')).toBe(expected);
        const out = path.join(dir, `${i}.json`);
        await writeEventsFile(out, f);
        expect(await readFile(out, 'utf8')).toBe(expected);
      }
      await expect(writeEventsFile(path.join(dir, 'missing/x.json'), files[2]!)).rejects.toThrow(/ENOENT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
