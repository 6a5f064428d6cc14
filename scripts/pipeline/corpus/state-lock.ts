/**
 * One build at a time per build state (corpus/build-state.ts). The state file is rewritten in place,
 * so two builds sharing a cache folder must not both use it: the first takes `build-state.lock`
 * (holding its process id); a second build finds the lock held by a live process and merges every
 * report afresh instead (the same output, only slower). A lock left by a process that no longer
 * runs is taken over. The lock is removed when the process exits, or earlier by `release()`.
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'build-state.lock';

export interface StateLock {
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the build state's lock in `cacheDir`, or returns null when another live process holds it. */
export function lockBuildState(cacheDir: string): StateLock | null {
  const file = path.join(cacheDir, LOCK_FILE);
  try {
    mkdirSync(cacheDir, { recursive: true });
  } catch {
    return null;
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let held = true;
      const release = (): void => {
        if (!held) return;
        held = false;
        process.off('exit', release);
        rmSync(file, { force: true });
      };
      process.on('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return null;
      let owner = NaN;
      try {
        owner = Number(readFileSync(file, 'utf8').trim());
      } catch {
        // Removed between our attempt and this read: try again.
      }
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) return null;
      rmSync(file, { force: true });
    }
  }
  return null;
}
