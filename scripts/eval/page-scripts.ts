/**
 * The scripts a built page can load, read from `dist/`: the module scripts its HTML names, the
 * chunks they import statically (loaded at once) and those they import with `import()` (loaded on
 * demand), each with its gzip size. Used by `bench:site` to print the first-paint and total script
 * of the main page (issue #10's 60 KB / 170 KB budgets) from the real build.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageScript {
  /** Path under dist/, e.g. `_astro/index.abc123.js`. */
  file: string;
  bytes: number;
  gzipBytes: number;
  /** `eager`: named by the HTML or imported statically from an eager script; `lazy`: reached only through `import()`. */
  load: 'eager' | 'lazy';
}

const SRC_ATTR = /\bsrc="([^"]{1,400}\.m?js)"/;
// Minified bundles: `from"./x.js"`, `import"./x.js"`, `import("./x.js")` (quotes of either kind).
const STATIC_IMPORT = /\b(?:from|import)\s{0,5}["']([^"'\s]{1,300}\.m?js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s{0,5}["']([^"'\s]{1,300}\.m?js)["']\s{0,5}\)/g;

/** Resolve `spec` (as written in `fromFile`, a dist-relative path, or a site-absolute URL) to a dist-relative path. */
function resolve(spec: string, fromFile: string): string {
  if (spec.startsWith('/')) return spec.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), spec));
}

export function pageScripts(dist: string, html = 'index.html'): PageScript[] {
  const text = readFileSync(path.join(dist, html), 'utf8');
  const load = new Map<string, 'eager' | 'lazy'>();
  const queue: Array<[string, 'eager' | 'lazy']> = [];
  const visit = (file: string, how: 'eager' | 'lazy'): void => {
    const had = load.get(file);
    if (had === 'eager' || had === how) return;
    if (!existsSync(path.join(dist, file))) return;
    load.set(file, how);
    queue.push([file, how]);
  };
  // Each `<script ...>` tag's attributes, found with indexOf (no pattern scanning the whole page).
  for (let at = text.indexOf('<script'); at >= 0; at = text.indexOf('<script', at + 7)) {
    const end = text.indexOf('>', at);
    if (end < 0) break;
    const src = SRC_ATTR.exec(text.slice(at + 7, end))?.[1];
    if (src) visit(resolve(src, html), 'eager');
  }
  while (queue.length) {
    const [file, how] = queue.shift()!;
    if (load.get(file) !== how) continue; // upgraded to eager since it was queued
    const code = readFileSync(path.join(dist, file), 'utf8');
    for (const m of code.matchAll(DYNAMIC_IMPORT)) visit(resolve(m[1]!, file), 'lazy');
    for (const m of code.matchAll(STATIC_IMPORT)) visit(resolve(m[1]!, file), how);
  }
  return [...load].map(([file, how]) => {
    const buf = readFileSync(path.join(dist, file));
    return { file, bytes: buf.length, gzipBytes: gzipSync(buf).length, load: how };
  });
}
