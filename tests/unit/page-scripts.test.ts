import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pageScripts } from '../../scripts/eval/page-scripts.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function site(files: Record<string, string>): string {
  dir = mkdtempSync(path.join(os.tmpdir(), 'page-scripts-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('pageScripts (the scripts a built page loads, for bench:site)', () => {
  it('follows the entry, its static imports and its import() chunks, as Vite minifies them', () => {
    const d = site({
      'index.html': '<html><head><script type="module" src="/_astro/index.A1.js"></script></head><body></body></html>',
      '_astro/index.A1.js': 'import{a as s}from"./shared.B2.js";const t=()=>import("./timeline.C3.js");s(t);',
      '_astro/shared.B2.js': 'export const a=x=>x;',
      '_astro/timeline.C3.js': 'import{a}from"./shared.B2.js";import"./vis.D4.js";export default a;',
      '_astro/vis.D4.js': 'console.log("vis")',
      '_astro/other-page.E5.js': 'console.log("not on this page")',
    });
    const got = Object.fromEntries(pageScripts(d).map((s) => [s.file, s.load]));
    expect(got).toEqual({
      '_astro/index.A1.js': 'eager',
      '_astro/shared.B2.js': 'eager',
      '_astro/timeline.C3.js': 'lazy',
      '_astro/vis.D4.js': 'lazy',
    });
  });

  it('counts a chunk imported both ways as eager, and reports real gzip sizes', () => {
    const big = 'export const v="' + 'abcdefghij'.repeat(500) + '";';
    const d = site({
      'index.html': '<script type="module" src="/_astro/a.js"></script><script type="module" src="/_astro/b.js"></script>',
      '_astro/a.js': 'import("./c.js")',
      '_astro/b.js': 'import{v}from"./c.js";',
      '_astro/c.js': big,
    });
    const c = pageScripts(d).find((s) => s.file === '_astro/c.js')!;
    expect(c.load).toBe('eager');
    expect(c.bytes).toBe(big.length);
    expect(c.gzipBytes).toBeGreaterThan(0);
    expect(c.gzipBytes).toBeLessThan(c.bytes / 10);
  });

  it('ignores inline scripts, missing files and strings that only look like imports', () => {
    const d = site({
      'index.html': '<script>var x=1</script><script type="module" src="/_astro/e.js"></script><script src="/gone.js"></script>',
      '_astro/e.js': 'const s="from the embassy";const u="/not-a-module.txt";',
    });
    expect(pageScripts(d).map((s) => s.file)).toEqual(['_astro/e.js']);
  });
});
