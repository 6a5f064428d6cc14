import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockBuildState } from '../../scripts/pipeline/corpus/state-lock.ts';

const dirs: string[] = [];
function cacheDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'state-lock-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('build state lock (corpus/state-lock.ts)', () => {
  it('takes a free lock, writes its pid, and removes it on release', () => {
    const dir = cacheDir();
    const lock = lockBuildState(dir);
    expect(lock).not.toBeNull();
    expect(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    lock!.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    lock!.release(); // twice is harmless
  });

  it('refuses a lock held by another live process, so a second build merges afresh', () => {
    const dir = cacheDir();
    // The parent of this test process (the test runner) is alive for the whole test.
    writeFileSync(path.join(dir, LOCK_FILE), String(process.ppid));
    expect(lockBuildState(dir)).toBeNull();
    expect(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toBe(String(process.ppid));
  });

  it('takes over a lock left by a process that no longer runs, and one with garbage in it', () => {
    const dir = cacheDir();
    writeFileSync(path.join(dir, LOCK_FILE), String(deadPid()));
    const a = lockBuildState(dir);
    expect(a).not.toBeNull();
    a!.release();
    writeFileSync(path.join(dir, LOCK_FILE), 'not a pid');
    const b = lockBuildState(dir);
    expect(b).not.toBeNull();
    expect(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    b!.release();
  });

  it('creates the cache folder when it does not exist yet', () => {
    const dir = path.join(cacheDir(), 'nested', 'cache');
    const lock = lockBuildState(dir);
    expect(lock).not.toBeNull();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    lock!.release();
  });
});
