// The prebuilt bundle of the extract CLI (scripts/extract-launcher.mjs): a bundle whose sources
// changed is never used; it is built again first.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBundle, bundleFresh, ensureBundle } from '../../scripts/extract-launcher.mjs';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function project(): { src: string; out: string; entry: string } {
  const src = mkdtempSync(path.join(os.tmpdir(), 'launcher-src-'));
  const out = mkdtempSync(path.join(os.tmpdir(), 'launcher-out-'));
  dirs.push(src, out);
  writeFileSync(path.join(src, 'dep.ts'), "export const word: string = 'first';\n");
  writeFileSync(path.join(src, 'where.ts'), 'export const here: string = import.meta.dirname;\n');
  writeFileSync(path.join(src, 'entry.ts'), "import { word } from './dep.ts';\nimport { here } from './where.ts';\nexport const result = { word, here };\n");
  return { src, out, entry: path.join(src, 'entry.ts') };
}

async function run(bundle: string): Promise<{ word: string; here: string }> {
  // A fresh URL each time: the module cache would otherwise give the first import back.
  const mod = (await import(`${pathToFileURL(bundle).href}?t=${Math.random()}`)) as { result: { word: string; here: string } };
  return mod.result;
}

describe('extract launcher bundle', () => {
  it('builds a bundle that runs the sources, and keeps each module its own import.meta', async () => {
    const p = project();
    const bundle = await ensureBundle({ entry: p.entry, dir: p.out });
    expect(bundle).toBe(path.join(p.out, 'extract.mjs'));
    expect(await run(bundle!)).toEqual({ word: 'first', here: p.src });
    expect(bundleFresh({ entry: p.entry, dir: p.out })).toBe(true);
  });

  it('never uses a stale bundle: a changed source is bundled again before the run', async () => {
    const p = project();
    await buildBundle({ entry: p.entry, dir: p.out });
    writeFileSync(path.join(p.src, 'dep.ts'), "export const word: string = 'second';\n");
    expect(bundleFresh({ entry: p.entry, dir: p.out })).toBe(false);
    const bundle = await ensureBundle({ entry: p.entry, dir: p.out });
    expect((await run(bundle!)).word).toBe('second');
    expect(bundleFresh({ entry: p.entry, dir: p.out })).toBe(true);
  });

  it('a new import is caught through the file that imports it', async () => {
    const p = project();
    await buildBundle({ entry: p.entry, dir: p.out });
    writeFileSync(path.join(p.src, 'extra.ts'), "export const more: string = 'added';\n");
    writeFileSync(path.join(p.src, 'dep.ts'), "import { more } from './extra.ts';\nexport const word: string = more;\n");
    expect(bundleFresh({ entry: p.entry, dir: p.out })).toBe(false);
    expect((await run((await ensureBundle({ entry: p.entry, dir: p.out }))!)).word).toBe('added');
  });

  it('a bundle or manifest edited by hand, another entry or a missing manifest is not fresh', async () => {
    const p = project();
    await buildBundle({ entry: p.entry, dir: p.out });
    expect(bundleFresh({ entry: path.join(p.src, 'dep.ts'), dir: p.out })).toBe(false);
    const bundle = path.join(p.out, 'extract.mjs');
    const text = readFileSync(bundle, 'utf8');
    writeFileSync(bundle, text.replace('first', 'forged'));
    expect(bundleFresh({ entry: p.entry, dir: p.out })).toBe(false);
    writeFileSync(bundle, text);
    expect(bundleFresh({ entry: p.entry, dir: p.out })).toBe(true);
    rmSync(path.join(p.out, 'manifest.json'));
    expect(bundleFresh({ entry: p.entry, dir: p.out })).toBe(false);
  });
});
