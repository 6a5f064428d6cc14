/**
 * File-system hazards generated at test time: a symlink loop, a self-referencing symlink, a
 * dangling symlink, an unreadable file (chmod 000), binary bytes, a FIFO named like an
 * article, a file name that is not valid UTF-8, and folders nested deeper than MAX_DEPTH.
 * The run completes (exit 0) and every article file is listed, ok or skipped with a reason.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventsFileSchema } from '../../src/lib/schema.ts';
import { MAX_DEPTH } from '../../scripts/pipeline/load.ts';
import { article, prng, runExtract, tempFolder } from './helpers.ts';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const tmpDir = tempFolder('stress-hazards-', async (dir) => {
  await chmod(path.join(dir, 'in', 'locked.txt'), 0o644).catch(() => undefined);
});

describe('file-system hazards', () => {
  it('completes, lists every readable article and explains the rest', async () => {
    const input = path.join(tmpDir(), 'in');
    await mkdir(path.join(input, 'loop', 'inner'), { recursive: true });
    const good = article(prng(3), '2025-07-15', 'Good article', 3);
    await writeFile(path.join(input, 'good.txt'), good);
    await writeFile(path.join(input, 'loop', 'inner', 'nested.txt'), good);
    await symlink('../..', path.join(input, 'loop', 'inner', 'back-to-top'));
    await symlink('self.txt', path.join(input, 'self.txt'));
    await symlink('nowhere.txt', path.join(input, 'dangling.txt'));
    await writeFile(path.join(input, 'locked.txt'), good);
    await chmod(path.join(input, 'locked.txt'), 0o000);
    const rand = prng(7);
    for (const size of [1, 64, 4096, 1 << 20]) {
      const bytes = new Uint8Array(size).map(() => Math.floor(rand() * 256));
      await writeFile(path.join(input, `binary-${size}.txt`), bytes);
    }
    execFileSync('mkfifo', [path.join(input, 'pipe.txt')]);
    await writeFile(Buffer.from(path.join(input, 'bad-name-\xff.txt'), 'latin1'), good);
    let deep = path.join(input, 'deep');
    for (let i = 0; i < MAX_DEPTH + 3; i++) deep = path.join(deep, `d${i}`);
    await mkdir(deep, { recursive: true });
    await writeFile(path.join(deep, 'too-deep.txt'), good);

    const out = path.join(tmpDir(), 'out', 'events.json');
    const r = runExtract(['--input', input, '--output', out, '--quiet']);
    console.log(`hazards: exit ${r.status} in ${r.seconds.toFixed(1)} s`);
    expect(r.status, r.stderr).toBe(0);
    const file = EventsFileSchema.parse(JSON.parse(await readFile(out, 'utf8')));
    const byPath = new Map(file.documents.map((d) => [d.path, d]));
    expect(byPath.get('good.txt')?.status).toBe('ok');
    expect(byPath.get('loop/inner/nested.txt')?.status).toBe('ok');
    // The loop is entered once: nothing is listed twice through loop/inner/back-to-top.
    expect([...byPath.keys()].some((p) => p.includes('back-to-top'))).toBe(false);
    expect(byPath.has('pipe.txt')).toBe(false);
    expect(byPath.has('self.txt')).toBe(false);
    expect(byPath.has('dangling.txt')).toBe(false);
    expect([...byPath.keys()].some((p) => p.includes('too-deep'))).toBe(false);
    for (const size of [1, 64, 4096, 1 << 20]) {
      const d = byPath.get(`binary-${size}.txt`);
      expect(d?.status, `binary-${size}.txt`).toBe('skipped');
      expect(d?.reason ?? '').toMatch(/binary|not a real day|no publication date|empty/);
    }
    const locked = byPath.get('locked.txt');
    if (isRoot) {
      // Root bypasses file permissions: the "unreadable" file is read like any other.
      expect(locked?.status).toBe('ok');
    } else {
      expect(locked?.status).toBe('skipped');
      expect(locked?.reason).toMatch(/EACCES/);
    }
    const badName = [...byPath.values()].find((d) => d.path.startsWith('bad-name-'));
    expect(badName, 'the file with an invalid UTF-8 name is listed').toBeDefined();
    const report = await readFile(path.join(tmpDir(), 'out', 'build-report.json'), 'utf8');
    for (const w of ['already visited', 'ELOOP', 'dangling.txt', 'pipe.txt: not a regular file', `deeper than ${MAX_DEPTH}`]) {
      expect(report).toContain(w);
    }
  });
});
