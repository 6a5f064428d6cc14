/**
 * Same input, byte-identical output (CONTRACT.md): no timestamps, no random ids, stable
 * ordering, no state leaking from one run into the next, no dependence on the machine's
 * time zone or locale.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../scripts/pipeline/load.ts';
import { runPipeline } from '../../scripts/pipeline/run.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const INPUTS = ['seeds', 'tests/fixtures/hostile', 'tests/fixtures/bad-input'];

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'determinism-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function extract(input: string, output: string, env: Record<string, string> = {}): void {
  const r = spawnSync(TSX, ['scripts/extract.ts', '--input', input, '--output', output, '--quiet'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(r.status, r.stderr).toBe(0);
}

describe('extraction is deterministic', () => {
  it('gives the same JSON in-process, run after run, whatever ran in between', async () => {
    const corpora = await Promise.all(INPUTS.map((dir) => readCorpus(path.join(ROOT, dir))));
    const first = corpora.map((c) => JSON.stringify(runPipeline(c.docs, { corpusWarnings: c.warnings })));
    // Run them again in reverse order: a resolver or cache that keeps state between runs shows up here.
    const second = [...corpora].reverse().map((c) => JSON.stringify(runPipeline(c.docs, { corpusWarnings: c.warnings }))).reverse();
    expect(second).toEqual(first);
  }, 120_000);

  it('the CLI writes byte-identical events.json and build report on two runs and in any time zone', async () => {
    const outputs: { events: Buffer; report: Buffer }[] = [];
    const zones = ['UTC', 'UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'];
    for (const [i, tz] of zones.entries()) {
      const dir = path.join(tmp, `cli-${i}`);
      extract('seeds', path.join(dir, 'events.json'), { TZ: tz, LANG: i === 3 ? 'de_DE.UTF-8' : 'C.UTF-8' });
      outputs.push({ events: await readFile(path.join(dir, 'events.json')), report: await readFile(path.join(dir, 'build-report.json')) });
    }
    const [a, ...rest] = outputs;
    expect(a!.events.length).toBeGreaterThan(100);
    for (const b of rest) {
      expect(b.events.equals(a!.events)).toBe(true);
      expect(b.report.equals(a!.report)).toBe(true);
    }
  }, 240_000);

  it('does not depend on the order files were created in', async () => {
    const names = (await readdir(path.join(ROOT, 'tests/fixtures/hostile'))).filter((n) => !n.startsWith('.'));
    const forward = path.join(tmp, 'order-a');
    const backward = path.join(tmp, 'order-b');
    await mkdir(forward, { recursive: true });
    await mkdir(backward, { recursive: true });
    for (const n of names) await copyFile(path.join(ROOT, 'tests/fixtures/hostile', n), path.join(forward, n));
    for (const n of [...names].reverse()) await copyFile(path.join(ROOT, 'tests/fixtures/hostile', n), path.join(backward, n));
    const a = await readCorpus(forward);
    const b = await readCorpus(backward);
    expect(JSON.stringify(runPipeline(b.docs).file)).toBe(JSON.stringify(runPipeline(a.docs).file));
    // A document added under a new name does not change the ids of the others' events.
    await writeFile(path.join(backward, 'zzz_extra.txt'), ' date 2025-07-20 Extra\n\nCanada and Mexico signed a trade agreement in Ottawa on Sunday.\n');
    const c = await readCorpus(backward);
    const idsBefore = new Set(runPipeline(a.docs).file.events.map((e) => e.id));
    const idsAfter = new Set(runPipeline(c.docs).file.events.map((e) => e.id));
    for (const id of idsBefore) expect(idsAfter.has(id), `event id ${id} changed when an unrelated document was added`).toBe(true);
  }, 120_000);
});
