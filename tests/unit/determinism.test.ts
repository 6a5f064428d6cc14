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

function extract(input: string, output: string, env: Record<string, string> = {}, extra: string[] = []): void {
  const r = spawnSync(TSX, ['scripts/extract.ts', '--input', input, '--output', output, '--quiet', ...extra], {
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

  it('the id registry is a fixed point: a rebuild of the same articles rewrites nothing, and old ids resolve after more articles', async () => {
    const input = path.join(tmp, 'registry-corpus');
    await mkdir(input, { recursive: true });
    await copyFile(path.join(ROOT, 'seeds/000_d84594066d5ad780.txt'), path.join(input, 'seed.txt'));
    const registry = path.join(input, 'published-ids.json');
    extract(input, path.join(tmp, 'reg-1/events.json'), {}, ['--update-id-registry']);
    const first = await readFile(registry);
    extract(input, path.join(tmp, 'reg-2/events.json'), {}, ['--update-id-registry']);
    expect((await readFile(registry)).equals(first)).toBe(true);
    expect((await readFile(path.join(tmp, 'reg-2/events.json'))).equals(await readFile(path.join(tmp, 'reg-1/events.json')))).toBe(true);
    // A second report of the seed's first meeting, with the SCO named: the event grows, its id stays.
    const published = JSON.parse(await readFile(path.join(tmp, 'reg-1/events.json'), 'utf8')) as { events: { id: string }[] };
    await writeFile(
      path.join(input, 'later.txt'),
      " date 2025-07-16 Ministers in Beijing\n\nChinese Foreign Minister Wang Yi held talks with Russian Foreign Minister Sergei Lavrov in Beijing on July 13 ahead of the Shanghai Cooperation Organisation meeting.\n",
    );
    extract(input, path.join(tmp, 'reg-3/events.json'), {}, ['--update-id-registry']);
    const after = JSON.parse(await readFile(path.join(tmp, 'reg-3/events.json'), 'utf8')) as { events: { id: string }[]; aliases: Record<string, string> };
    const now = new Set(after.events.map((e) => e.id));
    for (const { id } of published.events) expect(now.has(id) || now.has(after.aliases[id] ?? ''), `published id ${id} no longer resolves`).toBe(true);
    expect((await readFile(registry)).equals(first)).toBe(false);
  }, 240_000);
});
