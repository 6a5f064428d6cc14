/**
 * The extractor's version: a hash of everything that decides what a document's report holds,
 * namely the rule data files (scripts/data/**), the pipeline's source (scripts/pipeline/**), the
 * shared schema and day helpers it imports (src/lib/), and the versions of the libraries that
 * parse documents. Changing any of them invalidates every cached report; nothing else does.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Files under `dir` (relative to ROOT) whose names end with one of `exts`, sorted. */
function listFiles(dir: string, exts: string[]): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(path.join(ROOT, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child);
      else if (exts.some((x) => e.name.endsWith(x))) out.push(child);
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * Files that only run after the per-document stages (merge is kept: it shares code with ids) or
 * that only move reports around: changing them cannot change a document's report.
 */
const CORPUS_WIDE = ['scripts/pipeline/corpus', 'scripts/pipeline/run.ts', 'scripts/pipeline/id-registry.ts', 'scripts/pipeline/report.ts'];

const LIBRARIES = ['chrono-node', 'gray-matter', 'world-countries', 'zod', 'js-yaml'];

let cached: string | undefined;

export function extractorVersion(): string {
  if (cached) return cached;
  const h = createHash('sha256');
  const files = [
    ...listFiles('scripts/data', ['.json']),
    ...listFiles('scripts/pipeline', ['.ts', '.mjs', '.json']).filter((f) => !CORPUS_WIDE.some((x) => f === x || f.startsWith(`${x}/`))),
    ...['schema.ts', 'days.ts', 'event-types.ts'].map((f) => `src/lib/${f}`),
  ];
  for (const f of files) {
    h.update(`${f}\u0000`);
    try {
      h.update(readFileSync(path.join(ROOT, f)));
    } catch {
      h.update('missing');
    }
    h.update('\u0000');
  }
  for (const lib of LIBRARIES) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', lib, 'package.json'), 'utf8')) as { version?: string };
      h.update(`${lib}@${pkg.version ?? '?'}\u0000`);
    } catch {
      h.update(`${lib}@none\u0000`);
    }
  }
  cached = h.digest('hex').slice(0, 16);
  return cached;
}
