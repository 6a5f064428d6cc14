/**
 * Builds a complete site into a temporary folder for a browser test, without touching the
 * project's own src/data/events.json or dist/: extract (optional) -> EVENTS_JSON -> astro build --outDir.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const ASTRO = path.join(ROOT, 'node_modules/.bin/astro');

function run(cmd: string, args: string[], env: Record<string, string> = {}): void {
  const r = spawnSync(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${(r.stderr || r.stdout).slice(-4000)}`);
  }
}

/**
 * A fresh temporary folder for a build, inside the project (node_modules/.cache/site-builds/).
 * Astro writes a build's server chunks to <project>/.astro/ when --outDir is outside the
 * project, so two such builds running at once (another test file, another terminal) overwrite
 * each other's files; an outDir inside the project keeps every build's chunks in its own folder
 * and gives exactly the files a normal `astro build` gives.
 */
export function tempBuildDir(prefix: string): string {
  const parent = path.join(ROOT, 'node_modules/.cache/site-builds');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(path.join(parent, `${prefix}-`));
}

/** Runs the extract CLI: `tsx scripts/extract.ts --input <input> --output <output> --quiet`. */
export function extractTo(input: string, output: string, env: Record<string, string> = {}): void {
  run(TSX, ['scripts/extract.ts', '--input', input, '--output', output, '--quiet'], env);
}

/** Runs `astro build --outDir <outDir>` on the given events file. */
export function buildSite(eventsJson: string, outDir: string, env: Record<string, string> = {}): void {
  run(ASTRO, ['build', '--outDir', outDir], { EVENTS_JSON: eventsJson, ...env });
}

/** Every file under `dir`, as sorted paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string, rel: string): void => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(abs, e.name), r);
      else out.push(r);
    }
  };
  walk(dir, '');
  return out.sort();
}
