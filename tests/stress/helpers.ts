/**
 * Shared helpers for the stress tests: run the extract CLI as a child process and measure
 * its peak memory; generate article text deterministically (no Math.random).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
export { mulberry32 as prng } from '../../scripts/eval/prng.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX_CLI = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the CLI process tree in MiB, from /usr/bin/time when available. */
  peakMiB?: number;
  /** User + system CPU seconds of the CLI, from /usr/bin/time when available (not slowed by other load on the machine). */
  cpuSeconds?: number;
  seconds: number;
}

/** Runs `tsx scripts/extract.ts ...args` and reports exit status, output and peak memory. */
export function runExtract(args: string[], env: Record<string, string> = {}): CliRun {
  const started = Date.now();
  // GNU time's %M gives the child's maximum resident set size in KiB.
  const useTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const base = [process.execPath, TSX_CLI, 'scripts/extract.ts', ...args];
  const argv = useTime ? ['-f', 'PEAK_KIB=%M CPU_S=%U+%S', ...base] : base.slice(1);
  const r = spawnSync(cmd, argv, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 540_000,
  });
  let stderr = r.stderr ?? '';
  let peakMiB: number | undefined;
  let cpuSeconds: number | undefined;
  const m = /PEAK_KIB=(\d+) CPU_S=([\d.]+)\+([\d.]+)\s*$/.exec(stderr);
  if (m) {
    peakMiB = Number(m[1]) / 1024;
    cpuSeconds = Number(m[2]) + Number(m[3]);
    stderr = stderr.slice(0, m.index);
  }
  return { status: r.status, stdout: r.stdout ?? '', stderr, peakMiB, cpuSeconds, seconds: (Date.now() - started) / 1000 };
}


const SUBJECTS = ['Chinese Foreign Minister Wang Yi', 'Russia', 'The United States', 'French President Emmanuel Macron', 'Japan', 'India', 'Turkey', 'Brazil', 'Germany', 'Iran'];
const VERBS = ['met', 'held talks with', 'signed an agreement with', 'condemned', 'threatened to impose tariffs on', 'visited', 'accused', 'spoke by phone with'];
const OBJECTS = ['Russian Foreign Minister Sergei Lavrov', 'China', 'Canada', 'German Chancellor Friedrich Merz', 'South Korea', 'Pakistan', 'Greece', 'Argentina', 'Poland', 'Israel'];
const WHEN = ['on Monday', 'on Tuesday', 'yesterday', 'on July 3', 'last week', ''];
const FILLER = [
  'Analysts said the talks reflected a broader shift in the region.',
  'The statement did not give further details.',
  'Trade between the two countries has grown steadily in recent years.',
  'Officials declined to comment on the timing of the next round.',
];

/** One plausible news sentence, picked with `rand`. */
export function newsSentence(rand: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  if (rand() < 0.5) return pick(FILLER);
  const when = pick(WHEN);
  return `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}${when ? ` ${when}` : ''}, the ministry said.`;
}

/** An article with a header line and `paragraphs` paragraphs of 1-4 sentences. */
export function article(rand: () => number, published: string, title: string, paragraphs: number): string {
  const parts = [` date ${published} ${title}`, ''];
  for (let p = 0; p < paragraphs; p++) {
    const n = 1 + Math.floor(rand() * 4);
    parts.push(Array.from({ length: n }, () => newsSentence(rand)).join(' '), '');
  }
  return parts.join('\n');
}

/**
 * A fresh folder under the system's temp folder for one test file: made before its tests, removed after them
 * (`beforeRemove` runs first, e.g. to give back permissions a test took away). Call the result for its path.
 */
export function tempFolder(prefix: string, beforeRemove?: (dir: string) => Promise<void>): () => string {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await beforeRemove?.(dir);
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}
